/** The import pipeline (bytes -> typed columns); see RELIABILITY.md section 1.4. */
export * from './types.ts';
export { sniffBinary, detectEncoding, decode, decodePrefix, type EncodingGuess } from './decode.ts';
export { normaliseText, type NormalisedText } from './normalise-text.ts';
export { sniffDelimiter, sniffHeaderRow, fieldCounts, delimiterName, DELIMITER_CANDIDATES, type DelimiterGuess, type HeaderRowGuess } from './sniff-dialect.ts';
export { readRecords, columnNames, diagnoseQuotes, MAX_COLUMNS, MAX_FIELD_CHARS, MAX_ROWS, type ReadOptions, type ReadResult, type QuoteProblem } from './read-records.ts';
export { inspectFile, type InspectOverrides } from './inspect.ts';
export { parseFile } from './parse-file.ts';
export { previewRows } from './preview.ts';
export { plausibilityOf, type PlausibilityReport } from './plausibility.ts';
export { pseudonymiseFile, pseudonyms, newPseudonymKey } from './pseudonymise.ts';
