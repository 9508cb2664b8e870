import type { ImportIssue } from '../../core/issues.ts';
import type { Locale } from './messages.ts';
import { isMessageKey, translate } from './translate.ts';

/**
 * The reason of an import issue in the user's language. English shows the importer's own
 * message (it is the source text and names the exact cause, e.g. "February 2024 has 29 days");
 * other languages show the translation of the code when there is one, else that message.
 * Line, column and value are shown beside the reason by the caller, in every language.
 */
export function issueReason(locale: Locale, issue: Pick<ImportIssue, 'code' | 'message' | 'params'>): string {
  if (locale === 'en') return issue.message;
  const key = `issue.${issue.code}`;
  return isMessageKey(key) ? translate(locale, key, issue.params) : issue.message;
}
