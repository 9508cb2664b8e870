/** A tiny RFC 4180 reader for tests (quotes, doubled quotes, CRLF, quoted newlines): small files only. */

/** Splits CSV text into rows of fields (quotes, doubled quotes, CRLF). */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Header and data rows of CSV text; a leading BOM and blank lines are dropped. */
export function csvTable(text: string, delimiter = ','): { header: string[]; rows: string[][] } {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''), delimiter).filter((r) => !(r.length === 1 && r[0] === ''));
  return { header, rows };
}
