/**
 * A CSV file on disk as a sequence of parts, for the command line's reader without a row cap
 * (issue #13; parse-in-parts.ts parses each part with the app's importer). A part ends on a
 * record boundary: after a line break outside quoted fields, never inside a quoted field that
 * spans lines, and (when `keyColumn` is given: the order id of an orders file) never between two
 * lines with the same key, so the line items of an order written together stay in one part.
 *
 * A part holds about `limits.lines` physical lines or `limits.bytes` bytes, whichever comes
 * first, plus the rest of the record (and order) it stops in; it never ends on a blank line, so
 * blank lines always have a data line after them in their part and the importer reports them as
 * it does in one file. Parts are cut on line feeds in the file's own encoding: one byte in UTF-8
 * and windows-125x (a multi-byte character never contains 0x0A), a 16-bit unit in UTF-16. Quotes follow RFC 4180 as PapaParse reads them: a quote opens
 * a quoted field only at the start of a field, and `""` inside one is a literal quote. A file
 * whose lines end in a bare CR has no line feed and is one part.
 *
 * Memory: one part at a time (the buffer grows to the largest part), read in 16 MB blocks.
 * Time: the common line without quotes costs two native `indexOf` calls.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { EncodingName } from '../src/ingest/types.ts';
import { LF, QUOTE, Units, blankRecord, delimiterUnit, fieldAt, sameField } from '../src/ingest/parts/record-bounds.ts';
import { MAX_ROWS } from '../src/ingest/read-records.ts';

export { lineFeeds, preambleLength } from '../src/ingest/parts/record-bounds.ts';

export interface PartLimits {
  /** Physical lines per part (the importer caps a browser file at 2M records). */
  readonly lines: number;
  /** Bytes per part (the part is decoded into one string). */
  readonly bytes: number;
}

/**
 * About 22 MB of a typical orders export; well under the browser cap and V8's string limit. A
 * part's text, row arrays and per-part dictionaries are the read's transient memory: at 10M rows
 * parts of 500k lines peaked at 0.96 GB against 1.18 GB with 1M lines, and were no slower
 * (1M rows: 4.4 s against 5.1 s, two parts against one whole read).
 */
export const PART_LIMITS: PartLimits = Object.freeze({ lines: 500_000, bytes: 32 << 20 });

/**
 * A file within these is read whole, exactly as the app reads it (parts only beyond): the app
 * takes up to MAX_ROWS records (ingest/read-records.ts), and a file the app can import gets the
 * same figures from the command line (a read in parts can differ in its warnings and in the rare
 * cases of src/ingest/parts/combine-parts.ts). 256 MB keeps the decoded text well under V8's
 * longest string. A 2M-row orders file read whole peaks at about 1.1 GB.
 */
export const WHOLE_LIMITS: PartLimits = Object.freeze({ lines: MAX_ROWS + 1, bytes: 256 << 20 });

export interface FilePart {
  /** The part's bytes: a view into the reader's buffer, valid until the next part is asked for. */
  readonly bytes: Uint8Array;
  /** Physical line (1-based) of the part's first byte in the file. */
  readonly firstLine: number;
  /** Byte offset of the part in the file. */
  readonly offset: number;
  /** True for the part that reaches the end of the file. */
  readonly last: boolean;
}

export interface PartOptions {
  readonly encoding: EncodingName;
  readonly delimiter: string;
  /** 0-based column whose equal values on adjacent lines must not be split (the order id). */
  readonly keyColumn?: number;
  readonly limits?: PartLimits;
}

const BLOCK = 16 << 20;

/**
 * The parts of the file at `path` (see the module doc), in order. Each yielded `bytes` is a view
 * that the next step overwrites: copy it (or finish with it) before asking for the next part.
 */
export function* fileParts(path: string, options: PartOptions): Generator<FilePart> {
  const limits = options.limits ?? PART_LIMITS;
  const units = new Units(options.encoding);
  const u = units.size;
  const delim = delimiterUnit(options.delimiter, units);
  const key = options.keyColumn;
  const fd = openSync(path, 'r');
  try {
    let buf = new Uint8Array(Math.min(BLOCK, 1 << 20));
    let len = 0;
    let eof = false;
    let fileOffset = 0; // file offset of buf[0]
    let firstLine = 1;
    /** Offset of the next quote at or after the last asked position; -1: none in the buffer; -2: unknown. */
    let nq = -2;
    const nextQuote = (from: number): number => {
      if (nq === -2 || (nq >= 0 && nq < from)) nq = units.find(buf, QUOTE, from, len);
      return nq;
    };
    /** Reads one more block into the buffer; false at the end of the file. */
    const fill = (): boolean => {
      if (eof) return false;
      if (buf.length - len < BLOCK) {
        const bigger = new Uint8Array(len + 2 * BLOCK);
        bigger.set(buf.subarray(0, len));
        buf = bigger;
      }
      const n = readSync(fd, buf, len, buf.length - len, fileOffset + len);
      if (n === 0) eof = true;
      len += n;
      nq = -2;
      return n > 0;
    };
    fill();
    for (;;) {
      if (len === 0 && eof) return;
      let pos = 0; // start of the record being scanned
      let lines = 0; // physical lines before `pos` in this part
      let cut = -1;
      while (cut < 0) {
        // One record from `pos`: at a record start no quote is open and a field starts.
        let i = pos;
        let recordLines = 0;
        let end = -1; // offset of the record's closing line feed
        let inQuote = false;
        let fieldStart = true;
        while (end < 0) {
          if (!inQuote) {
            const nl = units.find(buf, LF, i, len);
            const q = nextQuote(i);
            if (nl >= 0 && (q < 0 || q > nl)) {
              end = nl;
              break;
            }
          }
          // Slow path: the record has quotes (or its end is not in the buffer yet).
          if (i >= len) break;
          const c = units.at(buf, i);
          if (inQuote) {
            if (c === QUOTE) {
              if (i + u >= len && !eof) break;
              if (i + u < len && units.at(buf, i + u) === QUOTE) i += u;
              else inQuote = false;
            } else if (c === LF) recordLines++;
          } else if (c === QUOTE && fieldStart) {
            inQuote = true;
          } else if (c === LF) {
            end = i;
            break;
          }
          fieldStart = c === delim || c === LF;
          i += u;
        }
        if (end < 0) {
          if (fill()) continue; // rescan this record with more bytes
          cut = len; // the end of the file
          break;
        }
        lines += recordLines + 1;
        const next = end + u;
        // Never after a blank record (empty, or only delimiters and spaces): the importer reports
        // blank lines that have data after them, and drops those at the end of its text.
        if ((lines >= limits.lines || next >= limits.bytes) && !blankRecord(buf, pos, end, units, delim)) {
          if (key === undefined) {
            cut = next;
            break;
          }
          // Line items of one order stay together: compare this record's key with the next one's.
          const here = fieldAt(buf, pos, end, key, units, delim);
          let there = fieldAt(buf, next, len, key, units, delim);
          while (there === null && fill()) there = fieldAt(buf, next, len, key, units, delim);
          if (here === null || there === null || !sameField(buf, here, there, units)) {
            cut = next;
            break;
          }
        }
        pos = next;
        if (pos >= len && !fill()) {
          cut = len;
          break;
        }
      }
      const last = eof && cut >= len;
      yield { bytes: buf.subarray(0, cut), firstLine, offset: fileOffset, last };
      let lfs = 0;
      for (let i = units.find(buf, LF, 0, cut); i >= 0; i = units.find(buf, LF, i + u, cut)) lfs++;
      firstLine += lfs;
      buf.copyWithin(0, cut, len);
      len -= cut;
      nq = -2;
      fileOffset += cut;
      if (last) return;
      if (len === 0 && !fill()) return;
    }
  } finally {
    closeSync(fd);
  }
}
