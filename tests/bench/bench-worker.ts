/**
 * The floors of the import, measured in a dedicated worker (PERF.md): decode (TextDecoder),
 * parse (PapaParse header:false over the whole text in ~1 MB pieces cut at line ends), and a
 * columnar write (typed-array columns in 64k-row chunk records, one IndexedDB transaction).
 * Each returns the per-run times in ms; the runner takes medians.
 */
import { expose } from 'comlink';
import Papa from 'papaparse';

export interface FloorTimes {
  rows: number;
  decode: number[];
  parse: number[];
  write: number[];
}

const CHUNK_ROWS = 65_536;
const PIECE = 1 << 20;

function parsePieces(text: string): number {
  let rows = 0;
  let pos = 0;
  while (pos < text.length) {
    let end = Math.min(text.length, pos + PIECE);
    if (end < text.length) {
      const nl = text.indexOf('\n', end);
      end = nl === -1 ? text.length : nl + 1;
    }
    const result = Papa.parse<string[]>(text.slice(pos, end), { header: false, delimiter: ',', dynamicTyping: false, skipEmptyLines: true });
    rows += result.data.length;
    pos = end;
  }
  return rows - 1; // the header
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((ok, fail) => {
    const req = indexedDB.open('keepwise-bench-floor', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('chunks', { keyPath: 'seq' });
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
    tx.onabort = () => fail(tx.error);
  });
}

/** The columns an orders import stores: ids and categories as dictionary codes, day, amount. */
function chunkRecords(rows: number): object[] {
  const records: object[] = [];
  for (let start = 0, seq = 0; start < rows; start += CHUNK_ROWS, seq++) {
    const n = Math.min(CHUNK_ROWS, rows - start);
    const order = new Uint32Array(n);
    const customer = new Uint32Array(n);
    const day = new Int32Array(n);
    const amount = new Float64Array(n);
    const channel = new Uint32Array(n);
    const country = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const r = start + i;
      order[i] = r;
      customer[i] = (r * 2654435761) % 100_000;
      day[i] = 19358 + (r % 1096);
      amount[i] = ((r * 7919) % 100_000) / 100;
      channel[i] = r % 5;
      country[i] = r % 12;
    }
    records.push({ seq, length: n, columns: { order_id: order, customer_id: customer, date: day, amount, channel, country } });
  }
  return records;
}

/** Decode and parse floors; the decoded text lives only in this scope. */
function decodeAndParse(bytes: Uint8Array, runs: number, out: FloorTimes): void {
  let text = '';
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    text = new TextDecoder('utf-8').decode(bytes);
    out.decode.push(performance.now() - t0);
  }
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    out.rows = parsePieces(text);
    out.parse.push(performance.now() - t0);
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const api = {
  async floors(buffer: ArrayBuffer, runs: number): Promise<FloorTimes> {
    const bytes = new Uint8Array(buffer);
    const out: FloorTimes = { rows: 0, decode: [], parse: [], write: [] };
    decodeAndParse(bytes, runs, out);
    const db = await openDb();
    const records = chunkRecords(out.rows);
    for (let r = 0; r < runs; r++) {
      const clear = db.transaction('chunks', 'readwrite');
      clear.objectStore('chunks').clear();
      await done(clear);
      const t0 = performance.now();
      const tx = db.transaction('chunks', 'readwrite');
      const store = tx.objectStore('chunks');
      for (const rec of records) store.put(rec);
      await done(tx);
      out.write.push(performance.now() - t0);
    }
    const clear = db.transaction('chunks', 'readwrite');
    clear.objectStore('chunks').clear();
    await done(clear);
    db.close();
    return out;
  },
  median,
};

export type FloorApi = typeof api;
expose(api);
