/**
 * Problems found while reading a file, as data (they cross the worker boundary and are
 * translated in the UI by `code`; `message` is the English text the command line prints).
 *
 * `line` is the physical 1-based line of the file (the header is line 1; a quoted field with
 * newlines spans several lines, and the line given is where the record starts). `record` is
 * the 1-based data record number (header excluded) when it differs from what `line` implies.
 */
export type IssueSeverity = 'fatal' | 'error' | 'warning';

export interface ImportIssue {
  readonly severity: IssueSeverity;
  /** Stable machine code, e.g. 'empty-file', 'bad-date', 'field-count', 'unclosed-quote'. */
  readonly code: string;
  /** English sentence naming line and column, e.g. "line 3, column signup_date: '2024-02-30' is not a valid date". */
  readonly message: string;
  readonly line?: number;
  readonly record?: number;
  /** Header text of the column as written in the file. */
  readonly column?: string;
  readonly value?: string;
  /** Extra values for the translated message. */
  readonly params?: Readonly<Record<string, string | number>>;
}

/**
 * Why a number cannot be stored as written (issue `implausible-number`, `params.reason`):
 * more significant digits than a float64 holds exactly, or a money amount at or beyond
 * `MAX_MONEY` (`far` from 1e15 on). The page translates the reason by code
 * (`issue.implausible-number.reason.<reason>`); the command line prints `implausibleNumberText`.
 */
export type ImplausibleNumberReason = 'too-many-digits' | 'amount-too-large' | 'amount-far-too-large';

/** The params of an `implausible-number` issue: the reason and the limit it names. */
export type ImplausibleNumberParams =
  | { readonly reason: 'too-many-digits'; readonly digits: number }
  | { readonly reason: 'amount-too-large' | 'amount-far-too-large'; readonly limit: number };

/**
 * The English clause after the value in the command line's message ("'…' has more digits than
 * …"). O(1).
 * @example implausibleNumberText({ reason: 'too-many-digits', digits: 15 }) // 'has more digits than a number can hold exactly (15); it would be rounded'
 */
export function implausibleNumberText(p: ImplausibleNumberParams): string {
  switch (p.reason) {
    case 'too-many-digits':
      return `has more digits than a number can hold exactly (${p.digits}); it would be rounded`;
    case 'amount-too-large':
      return `is beyond any plausible amount (${p.limit.toLocaleString('en-US')} or more)`;
    case 'amount-far-too-large':
      return `is far beyond any plausible amount (${p.limit.toLocaleString('en-US')} or more)`;
  }
}
