/**
 * Record boundaries in the bytes of a CSV file, in its own encoding (issue #13): the helpers that
 * cut a file into parts on record boundaries, for the command line's reader (scripts/file-parts.ts,
 * from disk) and the app's two-part read (split-in-two.ts, from memory). Line feeds are one byte in
 * UTF-8 and windows-125x (a multi-byte character never contains 0x0A), a 16-bit unit in UTF-16.
 * Quotes follow RFC 4180 as PapaParse reads them: a quote opens a quoted field only at the start
 * of a field, and `""` inside one is a literal quote. No Node or DOM API: runs in the worker too.
 */
import type { EncodingName } from '../types.ts';

export const LF = 0x0a;
export const QUOTE = 0x22;

/** Reads 16-bit or 8-bit code units of the file's encoding out of a byte buffer. */
export class Units {
  /** Bytes per unit: 2 for UTF-16, else 1. */
  readonly size: 1 | 2;
  private readonly big: boolean;
  constructor(encoding: EncodingName) {
    this.size = encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : 1;
    this.big = encoding === 'utf-16be';
  }
  /** The unit at byte offset `i` (even for UTF-16). */
  at(buf: Uint8Array, i: number): number {
    if (this.size === 1) return buf[i];
    return this.big ? (buf[i] << 8) | buf[i + 1] : buf[i] | (buf[i + 1] << 8);
  }
  /** Byte offset of the next unit `code` (ASCII) in [from, end), or -1. `from` is unit-aligned. */
  find(buf: Uint8Array, code: number, from: number, end: number): number {
    if (this.size === 1) {
      const i = buf.indexOf(code, from);
      return i >= 0 && i < end ? i : -1;
    }
    // The ASCII byte sits at the even offset in little-endian units, at the odd one in big-endian.
    const lane = this.big ? 1 : 0;
    for (let i = buf.indexOf(code, from + lane); i >= 0 && i < end; i = buf.indexOf(code, i + 1)) {
      if ((i & 1) === lane && buf[i + 1 - 2 * lane] === 0) return i - lane;
    }
    return -1;
  }
}

/** The delimiter as one code unit (its last UTF-8 byte when it is not ASCII in a byte encoding). */
export function delimiterUnit(delimiter: string, units: Units): number {
  const code = delimiter.codePointAt(0) ?? 0x2c;
  if (units.size === 2 || code < 0x80) return code;
  const bytes = new TextEncoder().encode(delimiter);
  return bytes[bytes.length - 1];
}

/** `[start, end)` of field `k` of the record at `start` (quotes stripped), null when the buffer ends first. */
export function fieldAt(buf: Uint8Array, start: number, len: number, k: number, units: Units, delim: number): [number, number] | null {
  const u = units.size;
  let i = start;
  for (let f = 0; ; f++) {
    const fs = i;
    let quoted = false;
    if (i < len && units.at(buf, i) === QUOTE) {
      quoted = true;
      i += u;
      for (;;) {
        if (i >= len) return null;
        if (units.at(buf, i) === QUOTE) {
          if (i + u >= len) return null;
          if (units.at(buf, i + u) !== QUOTE) break;
          i += u;
        }
        i += u;
      }
      i += u;
    }
    for (;;) {
      if (i >= len) return f === k ? [quoted ? fs + u : fs, i] : null;
      const c = units.at(buf, i);
      if (c === delim || c === LF || c === 0x0d) break;
      i += u;
    }
    if (f === k) return [quoted ? fs + u : fs, quoted ? i - u : i];
    if (units.at(buf, i) !== delim) return [i, i]; // the record has fewer fields: an empty key
    i += u;
  }
}

/** True when the record in [start, end) holds only delimiters, spaces, tabs and CRs. */
export function blankRecord(buf: Uint8Array, start: number, end: number, units: Units, delim: number): boolean {
  for (let i = start; i < end; i += units.size) {
    const c = units.at(buf, i);
    if (c !== delim && c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** Equal field bytes, ignoring spaces and tabs around them. */
export function sameField(buf: Uint8Array, a: [number, number], b: [number, number], units: Units): boolean {
  const trim = ([s, e]: [number, number]): [number, number] => {
    while (s < e && (units.at(buf, s) === 0x20 || units.at(buf, s) === 0x09)) s += units.size;
    while (e > s && (units.at(buf, e - units.size) === 0x20 || units.at(buf, e - units.size) === 0x09)) e -= units.size;
    return [s, e];
  };
  const [as, ae] = trim(a);
  const [bs, be] = trim(b);
  if (ae - as !== be - bs || ae === as) return false;
  for (let i = 0; i < ae - as; i++) if (buf[as + i] !== buf[bs + i]) return false;
  return true;
}

/**
 * Bytes before the first data record of a file that starts with `bytes`: the byte order mark, an
 * Excel `sep=` line, title rows and the header record (which may span lines inside quotes).
 * `headerLine` is the header's physical line (1-based; 0 = the file has no header row). Every
 * part after the first is parsed with these bytes in front, so it reads like the file's start.
 */
export function preambleLength(bytes: Uint8Array, encoding: EncodingName, delimiter: string, headerLine: number): number {
  const units = new Units(encoding);
  const u = units.size;
  let i = 0;
  if (u === 2 && bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) i = 2;
  else if (u === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  if (headerLine <= 0) {
    let head = '';
    for (let j = i; j < bytes.length && head.length < 4; j += u) head += String.fromCharCode(units.at(bytes, j));
    if (head.toLowerCase() !== 'sep=') return i;
    const nl = units.find(bytes, LF, i, bytes.length);
    return nl < 0 ? bytes.length : nl + u;
  }
  for (let line = 1; line < headerLine; line++) {
    const nl = units.find(bytes, LF, i, bytes.length);
    if (nl < 0) return bytes.length;
    i = nl + u;
  }
  const delim = delimiterUnit(delimiter, units);
  let inQuote = false;
  let fieldStart = true;
  for (; i < bytes.length; i += u) {
    const c = units.at(bytes, i);
    if (inQuote) {
      if (c === QUOTE) {
        if (i + u < bytes.length && units.at(bytes, i + u) === QUOTE) i += u;
        else inQuote = false;
      }
    } else if (c === QUOTE && fieldStart) inQuote = true;
    else if (c === LF) return i + u;
    fieldStart = c === delim || c === LF;
  }
  return bytes.length;
}

/** Line feeds in `bytes` (physical lines = this + 1). */
export function lineFeeds(bytes: Uint8Array, encoding: EncodingName): number {
  const units = new Units(encoding);
  let n = 0;
  for (let i = units.find(bytes, LF, 0, bytes.length); i >= 0; i = units.find(bytes, LF, i + units.size, bytes.length)) n++;
  return n;
}
