/**
 * Reads a number as the app displays it, in either locale: "5,000", "5.000", "30,865.67",
 * "30.865,67 €", "€ 30 865,67". A single separator followed by exactly three digits is a
 * thousands separator; otherwise the last separator is the decimal mark.
 */
export function readNumber(text: string): number {
  const m = /-?\d[\d.,\s\u00a0\u202f']*/.exec(text);
  if (!m) throw new Error(`no number in "${text}"`);
  let s = m[0].replace(/[\s\u00a0\u202f']/g, '').replace(/[.,]$/, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  const last = Math.max(lastDot, lastComma);
  if (last >= 0) {
    const sep = s[last];
    const other = sep === '.' ? ',' : '.';
    const onlyOneKind = !s.includes(other);
    const occurrences = s.split(sep).length - 1;
    const digitsAfter = s.length - last - 1;
    const isThousands = onlyOneKind && (occurrences > 1 || digitsAfter === 3);
    if (isThousands) s = s.split(sep).join('');
    else s = s.slice(0, last).replace(/[.,]/g, '') + '.' + s.slice(last + 1);
  }
  const n = Number(s);
  if (!Number.isFinite(n)) throw new Error(`cannot read a number from "${text}"`);
  return n;
}
