import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, headerSignature, recallMapping, recallMappingByHeaders, rememberMapping } from '../../../src/storage/index.ts';
import { DIALECT } from './fixtures.ts';
import { resetDb } from './reset.ts';

beforeEach(resetDb);

describe('mapping memory', () => {
  it('recalls a mapping for the same headers up to case and spacing', async () => {
    const w = await createWorkspace('W');
    const headers = ['Šifra kupca', 'Datum', 'Znesek'];
    await rememberMapping(w.id, 'orders', headers, ['customer_id', 'date', 'amount'], DIALECT);
    const m = await recallMapping(w.id, 'orders', [' šifra  KUPCA', 'datum ', 'ZNESEK']);
    expect(m).toMatchObject({ workspaceId: w.id, kind: 'orders', headers, mapping: ['customer_id', 'date', 'amount'], dialect: DIALECT });
  });

  it('keys by workspace, kind and column order; a second remember replaces the first', async () => {
    const w = await createWorkspace('W');
    const v = await createWorkspace('V');
    await rememberMapping(w.id, 'orders', ['a', 'b'], ['customer_id', 'date'], DIALECT);
    expect(await recallMapping(v.id, 'orders', ['a', 'b'])).toBeUndefined();
    expect(await recallMapping(w.id, 'churn', ['a', 'b'])).toBeUndefined();
    expect(await recallMapping(w.id, 'orders', ['b', 'a'])).toBeUndefined();
    await rememberMapping(w.id, 'orders', ['a', 'b'], [null, 'customer_id'], DIALECT);
    expect((await recallMapping(w.id, 'orders', ['a', 'b']))?.mapping).toEqual([null, 'customer_id']);
  });

  it('recalls by header set whatever kind it was confirmed as (the latest wins): a wrong guess does not hide it', async () => {
    const w = await createWorkspace('A');
    const headers = ['InvoiceNo', 'Quantity', 'UnitPrice', 'CustomerID'];
    await rememberMapping(w.id, 'customers', headers, ['attr:InvoiceNo', null, null, 'customer_id'], DIALECT);
    await new Promise((r) => setTimeout(r, 5));
    await rememberMapping(w.id, 'orders', headers, ['order_id', 'quantity', 'unit_price', 'customer_id'], DIALECT);
    const m = await recallMappingByHeaders(w.id, [' invoiceno', 'Quantity', 'UnitPrice', 'CustomerID']);
    expect(m).toMatchObject({ kind: 'orders', mapping: ['order_id', 'quantity', 'unit_price', 'customer_id'] });
    expect(await recallMappingByHeaders(w.id, ['InvoiceNo', 'Quantity'])).toBeUndefined();
  });

  it('header signature normalises NFC, case and whitespace', () => {
    expect(headerSignature(['Cafe\u0301 ID', ' X  Y '])).toBe('café id\u001fx y');
  });
});
