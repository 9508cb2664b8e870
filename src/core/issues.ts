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
