/**
 * Step 3 of the import pipeline: make decoded text uniform before parsing.
 * - drops a leading U+FEFF (belt and braces: decode() already does);
 * - turns every `\r\n` and lone `\r` into `\n` (PapaParse picks one line ending per file and
 *   leaves the others inside fields: RELIABILITY.md 1.3). CRs inside quoted fields become `\n` too;
 * - honours and drops an Excel `sep=;` first line.
 */
export interface NormalisedText {
  readonly text: string;
  /** Delimiter named by an Excel `sep=` line, when there was one (the line is removed from `text`). */
  readonly sepHint?: string;
  /** Physical lines removed from the top (1 when a `sep=` line was dropped): add to line numbers. */
  readonly linesDropped: number;
}

export function normaliseText(input: string): NormalisedText {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  const sep = /^sep=(.)(?:\n|$)/i.exec(text.slice(0, 7));
  if (sep) return { text: text.slice(sep[0].length), sepHint: sep[1], linesDropped: 1 };
  return { text, linesDropped: 0 };
}
