/**
 * Keyed pseudonyms for customer keys that are personal data (issue #9: when an e-mail or a name
 * is the only customer key, the user may store a pseudonym instead). Each customer key becomes
 * `~` + the first 20 hex digits of HMAC-SHA256(workspace key, key as stored). The workspace key
 * never leaves the workspace, so the same customer gets the same pseudonym in every import of
 * that workspace (figures, updates and dedupe are unchanged), while the stored data no longer
 * says who the customer is. 80 bits: collisions are negligible below billions of customers.
 * WebCrypto (browsers, workers and Node 20); one HMAC per distinct key.
 */
import { MISSING_CODE, type Column, type DictColumn } from '../core/table.ts';
import type { ParsedFile } from './types.ts';

const ID_COLUMNS = ['customer_id', 'referrer_id', 'referred_id', 'referred_by'];
const enc = new TextEncoder();

/** HMAC-SHA256 of each string under `keyHex`, as `~` + 20 hex digits. */
export async function pseudonyms(values: readonly string[], keyHex: string): Promise<string[]> {
  const raw = Uint8Array.from(keyHex.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
  const key = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return Promise.all(
    values.map(async (v) => {
      const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(v)));
      let hex = '~';
      for (let i = 0; i < 10; i++) hex += mac[i].toString(16).padStart(2, '0');
      return hex;
    }),
  );
}

/** A new random workspace key (32 bytes, hex). */
export function newPseudonymKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The parsed file with its customer keys replaced by pseudonyms (ids in the key columns, and the
 * row keys that are customer ids or end in one). Only the dictionary entries in use are hashed.
 */
export async function pseudonymiseFile(parsed: ParsedFile, keyHex: string): Promise<ParsedFile> {
  const columns = { ...parsed.table.columns };
  const mapped = new Map<string, string>();
  for (const name of ID_COLUMNS) {
    const c = columns[name];
    if (c?.type !== 'dict') continue;
    const used = new Set<string>();
    for (let r = 0; r < parsed.table.length; r++) if (c.codes[r] !== MISSING_CODE) used.add(c.dict[c.codes[r]]);
    const todo = [...used].filter((v) => !mapped.has(v));
    const out = await pseudonyms(todo, keyHex);
    todo.forEach((v, i) => mapped.set(v, out[i]));
    columns[name] = { type: 'dict', dict: c.dict.map((v) => mapped.get(v) ?? v), codes: c.codes } satisfies DictColumn as Column;
  }
  const keys = parsed.keys.map((k) => {
    const direct = mapped.get(k);
    if (direct !== undefined) return direct;
    const sep = k.indexOf('\u001f'); // an order id shared by several customers: `id␟customer`
    return sep > 0 && mapped.has(k.slice(sep + 1)) ? `${k.slice(0, sep)}\u001f${mapped.get(k.slice(sep + 1))}` : k;
  });
  return { ...parsed, table: { length: parsed.table.length, columns }, keys };
}
