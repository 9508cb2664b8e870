/**
 * The command line's reader without a row cap (issue #13). The app reads a file whole, as one
 * string, and caps it at 2M rows for the browser's memory (src/ingest/read-records.ts MAX_ROWS);
 * the command line reads a file larger than one part (file-parts.ts: about 500k lines or 32 MB)
 * part by part, parses each part with the app's own `parseFile` (the file's header in front,
 * so every part reads like the file's start) and appends it to one columnar table
 * (src/ingest/parts/combine-parts.ts). A file of one part is read whole, exactly as before.
 *
 * So memory is the table plus one part (not the file's text, its row arrays and the table at
 * once), and the file may be larger than the longest string V8 holds (~512 M characters).
 * The inspection reads the first 8 MB (inspectFile itself looks at the first 4 MB).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseFile } from '../src/ingest/index.ts';
import type { Inspection, ParseOptions, ParsedFile } from '../src/ingest/types.ts';
import { fatalOfPart, PartsAccumulator } from '../src/ingest/parts/combine-parts.ts';
import { PART_LIMITS, fileParts, lineFeeds, preambleLength, type PartLimits } from './file-parts.ts';

/** Bytes handed to the inspection of a file read in parts. */
const HEAD_BYTES = 8 << 20;

export interface FileHead {
  /** The whole file when it is at most one part's bytes, else its first ~8 MB cut after a line feed. */
  readonly bytes: Uint8Array;
  /** True when the file is one part: parseFile reads these bytes; else parseInParts reads the file. */
  readonly whole: boolean;
  readonly size: number;
}

/** The first ~8 MB of `buf`, cut after a line feed (the encoding is not known yet: a UTF-16 cut keeps units whole). */
function headOf(buf: Uint8Array): Uint8Array {
  const n = Math.min(buf.length, HEAD_BYTES);
  let end = buf.lastIndexOf(0x0a, n - 1) + 1;
  if (end <= 0) end = n;
  if (buf[0] === 0xff && buf[1] === 0xfe) end += end % 2;
  else if (buf[0] === 0xfe && buf[1] === 0xff) end -= end % 2;
  return buf.subarray(0, Math.min(end, n));
}

/** Reads the file whole when it is one part (within both limits), else its head for the inspection. */
export async function readHead(path: string, limits: PartLimits = PART_LIMITS): Promise<FileHead> {
  const size = statSync(path).size;
  if (size <= limits.bytes) {
    const bytes = new Uint8Array(await readFile(path));
    let lines = 1;
    for (let i = bytes.indexOf(0x0a); i >= 0 && lines <= limits.lines; i = bytes.indexOf(0x0a, i + 1)) lines++;
    // Read in parts (more lines than one part holds), but inspected as a whole, as before.
    return { bytes, whole: lines <= limits.lines, size: bytes.length };
  }
  const fd = openSync(path, 'r');
  try {
    const buf = new Uint8Array(Math.min(size, HEAD_BYTES));
    const n = readSync(fd, buf, 0, buf.length, 0);
    return { bytes: headOf(buf.subarray(0, n)), whole: false, size };
  } finally {
    closeSync(fd);
  }
}

/**
 * Parses the file at `path` in parts with the inspection's dialect, kind and mapping (`options`
 * as for parseFile; the row cap does not apply). `keepOrderIds: false` lets an orders file's
 * order ids go once the parts are checked for repeats (CombineOptions.keepOrderIds; a file of
 * one part keeps them). Never throws for bad input.
 */
export async function parseInParts(path: string, inspection: Inspection, options: ParseOptions, limits: PartLimits = PART_LIMITS, combine: { keepOrderIds?: boolean } = {}): Promise<ParsedFile> {
  const { dialect, kind, mapping } = options;
  const maxListed = options.maxListedErrors ?? 100;
  const orderColumn = kind === 'orders' ? mapping.indexOf('order_id') : -1;
  const size = statSync(path).size;
  let acc: PartsAccumulator | undefined;
  let preamble: Uint8Array | undefined;
  let preambleLines = 0;
  let records = 0;
  let first: ParsedFile | undefined;
  const parts = fileParts(path, { encoding: dialect.encoding, delimiter: dialect.delimiter, ...(orderColumn >= 0 ? { keyColumn: orderColumn } : {}), limits });
  for (const part of parts) {
    let input: Uint8Array;
    if (!preamble) input = part.bytes.slice();
    else {
      input = new Uint8Array(preamble.length + part.bytes.length);
      input.set(preamble);
      input.set(part.bytes, preamble.length);
    }
    const lineShift = preamble ? part.firstLine - (preambleLines + 1) : 0;
    const lastLine = part.firstLine + lineFeeds(part.bytes, dialect.encoding) - (part.last ? 0 : 1);
    // A later part of a file without a header row has the file's columns, not its first record's.
    const width = preamble && dialect.headerRow < 0 ? { headerlessWidth: mapping.length } : {};
    const p = await parseFile(input, { ...options, keepImplausibleDates: true, maxRows: Infinity, maxListedErrors: maxListed, ...width });
    if (!preamble) {
      first = p;
      if (part.last) return p; // one part: exactly the whole-file read
      const n = preambleLength(input, dialect.encoding, dialect.delimiter, p.headerLine);
      preamble = input.slice(0, n);
      preambleLines = lineFeeds(preamble, dialect.encoding);
    }
    if (p.fatal) {
      // A part of blank lines only (or a first part that is only the header) adds nothing.
      if (p.fatal.code === 'no-data') continue;
      return fatalOfPart(p, lineShift, part.firstLine);
    }
    acc ??= new PartsAccumulator({
      kind, maxListedErrors: maxListed, keepImplausibleDates: options.keepImplausibleDates === true,
      ...(options.today !== undefined ? { today: options.today } : {}),
      rowsHint: p.table.length > 0 ? (size / part.bytes.length) * p.table.length * 1.02 : 1024,
      headerOf: (key) => inspection.headers[mapping.indexOf(key)] ?? key,
      ...(combine.keepOrderIds === false ? { keepOrderIds: false } : {}),
    });
    acc.add(p, lineShift, records, [part.firstLine, lastLine]);
    records += p.recordsRead;
  }
  if (!acc) return first as ParsedFile;
  return acc.finish();
}
