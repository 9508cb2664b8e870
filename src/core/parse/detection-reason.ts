/**
 * Why the importer read a file the way it did (encoding, delimiter, header row, decimal mark,
 * date order), as a code with params: the page translates it (`why.<code>`), the command line
 * prints the English `evidence` sentence built beside it. Params are the values the sentence
 * names (examples from the file, counts, marks), never English words.
 */
export type DetectionReasonCode =
  | 'chosen'
  | 'chosen-no-header'
  | 'encoding-bom'
  | 'encoding-valid-utf8'
  | 'encoding-guessed'
  | 'delimiter-sep-line'
  | 'delimiter-none'
  | 'delimiter-fields'
  | 'header-first-line'
  | 'header-none'
  | 'header-title'
  | 'header-preamble'
  | 'decimal-mixed'
  | 'decimal-proved'
  | 'decimal-proved-thousands'
  | 'decimal-unsure'
  | 'decimal-no-marks'
  | 'decimal-digit-groups'
  | 'decimal-semicolon'
  | 'date-excel-serial'
  | 'date-inconsistent'
  | 'date-day-first'
  | 'date-month-first'
  | 'date-unsure'
  | 'date-compact'
  | 'date-iso'
  | 'date-no-values'
  | 'date-no-format';

/**
 * A reason with its params. `column` (a header, for a date order decided by one column) and
 * `formats` (how many date shapes one column mixes) may accompany any date code.
 */
export interface DetectionReason {
  readonly code: DetectionReasonCode;
  readonly params?: Readonly<Record<string, string | number>>;
}
