/**
 * Step 3 of `parseFile`: line items rolled up into orders, and each order's amount (the rules
 * are stated for users in docs/metrics.md, "Orders from line items").
 *
 * 1. Grouping. Rows that share an order id are one order, keyed by (order id, customer): a
 *    later line that leaves the customer empty belongs to the order's customer; an order id used
 *    by two customers becomes two orders (and is reported), so no customer is lost.
 * 2. Amount level, decided from the whole file (orders with two or more lines):
 *    - the amount is set on the first line only, or equal on every line -> an order total,
 *      taken once (Shopify writes Total on the first line; some exports repeat it);
 *    - it varies between the lines of an order -> a line amount: the lines are summed;
 *    - with quantity and unit price mapped, "equal on every line" is settled by arithmetic: when
 *      every line's amount equals its quantity x price it is a line amount;
 *    - no amount column but quantity and unit price -> amount = sum of quantity x price
 *      (quantity 1 when missing).
 * 3. Signs. A line with a negative quantity and a positive amount is subtracted. Credit-note
 *    numbers (`C536379` among plain numeric invoice numbers) make the order negative. The status
 *    says what the order brought (statusEffect): reversal transactions (refund, credit note,
 *    chargeback, return, storno) are negative; orders that were refunded, cancelled, failed,
 *    declined or voided brought nothing (amount 0; an amount already negative stays, it is a
 *    refund row). With a refunded-amount column the order's net is amount - refunded instead.
 * All counts are returned for the plausibility report. O(rows) time and memory.
 */
import { MISSING_CODE } from '../../core/table.ts';

/** How a file's rows become orders. */
export interface OrderGroups {
  /** Rows in the file (valid ones). */
  readonly lines: number;
  /** First row of each order, in file order. */
  readonly heads: Int32Array;
  /** Next row of the same order, -1 at the end. */
  readonly next: Int32Array;
  /** Orders with two or more rows. */
  readonly multiLineOrders: number;
  /** Per order: 1 when its order id is shared with another customer's order. */
  readonly shared: Uint8Array;
  /** Distinct order ids used by more than one customer. */
  readonly sharedOrderIds: number;
  readonly sharedExample?: string;
}

/**
 * Groups rows into orders by (order id, customer). Rows without an order id are orders of their
 * own. `orderCodes`/`custCodes` are dictionary codes per row (MISSING_CODE = missing).
 */
export function groupOrders(lines: number, orderCodes: Uint32Array | undefined, orderDict: readonly string[], custCodes: Uint32Array | undefined, custDictSize: number): OrderGroups {
  const heads = new Int32Array(lines);
  const next = new Int32Array(lines).fill(-1);
  if (!orderCodes) {
    for (let r = 0; r < lines; r++) heads[r] = r;
    return { lines, heads, next, multiLineOrders: 0, shared: new Uint8Array(lines), sharedOrderIds: 0 };
  }
  const firstGroup = new Int32Array(orderDict.length).fill(-1);
  const groupCust = new Uint32Array(lines);
  const last = new Int32Array(lines);
  const size = new Uint32Array(lines);
  const sharedFlag = new Uint8Array(lines);
  let splits: Map<number, number> | undefined;
  let sharedIds: Set<number> | undefined;
  let m = 0;
  const open = (r: number, cust: number): number => {
    heads[m] = r;
    last[m] = r;
    groupCust[m] = cust;
    size[m] = 1;
    return m++;
  };
  for (let r = 0; r < lines; r++) {
    const code = orderCodes[r];
    const cust = custCodes ? custCodes[r] : MISSING_CODE;
    if (code === MISSING_CODE) {
      open(r, cust);
      continue;
    }
    const g0 = firstGroup[code];
    if (g0 < 0) {
      firstGroup[code] = open(r, cust);
      continue;
    }
    let g = g0;
    if (cust !== MISSING_CODE && groupCust[g0] !== MISSING_CODE && cust !== groupCust[g0]) {
      splits ??= new Map();
      const key = code * (custDictSize + 1) + cust;
      const found = splits.get(key);
      if (found === undefined) {
        g = open(r, cust);
        splits.set(key, g);
        sharedFlag[g0] = 1;
        sharedFlag[g] = 1;
        (sharedIds ??= new Set()).add(code);
        continue;
      }
      g = found;
    } else if (cust !== MISSING_CODE && groupCust[g0] === MISSING_CODE) groupCust[g0] = cust;
    next[last[g]] = r;
    last[g] = r;
    size[g]++;
  }
  let multi = 0;
  for (let g = 0; g < m; g++) if (size[g] > 1) multi++;
  const example = sharedIds ? orderDict[sharedIds.values().next().value as number] : undefined;
  return {
    lines, heads: heads.slice(0, m), next, multiLineOrders: multi, shared: sharedFlag.slice(0, m), sharedOrderIds: sharedIds?.size ?? 0,
    ...(example !== undefined ? { sharedExample: example } : {}),
  };
}

/** Where an orders file's amount sits. */
export type AmountLevel = 'order' | 'line' | 'quantity-x-price' | 'none';

export interface AmountDecision {
  readonly level: AmountLevel;
  /** Multi-line orders whose amount was on the first line only / equal on every line / varying. */
  readonly firstLineOnly: number;
  readonly repeated: number;
  readonly varying: number;
  /** Orders whose amount came from quantity x unit price (no amount on any of its lines). */
  readonly fromPrice: number;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 0.005 + 1e-9 * Math.abs(b);

/** Decides the amount level (module doc, rule 2). Arrays are per row; NaN = missing. */
export function decideAmountLevel(g: OrderGroups, amount: Float64Array | undefined, price: Float64Array | undefined, qty: Float64Array | undefined): AmountDecision {
  if (!amount) return { level: price ? 'quantity-x-price' : 'none', firstLineOnly: 0, repeated: 0, varying: 0, fromPrice: 0 };
  let firstOnly = 0;
  let repeated = 0;
  let varying = 0;
  let lineArithmetic = 0;
  let orderArithmetic = 0;
  for (let o = 0; o < g.heads.length; o++) {
    const h = g.heads[o];
    if (g.next[h] < 0) continue;
    let set = 0;
    let firstValue = NaN;
    let differs = false;
    let laterSet = false;
    let linesMatch = price !== undefined;
    let sum = 0;
    for (let r = h; r >= 0; r = g.next[r]) {
      const a = amount[r];
      if (price) {
        const p = price[r];
        const q = qty && !Number.isNaN(qty[r]) ? qty[r] : 1;
        sum += Number.isNaN(p) ? 0 : q * p;
        if (Number.isNaN(a) || Number.isNaN(p) || !close(a, q * p)) linesMatch = false;
      }
      if (Number.isNaN(a)) continue;
      if (set === 0) firstValue = a;
      else {
        laterSet = true;
        if (!close(a, firstValue)) differs = true;
      }
      set++;
    }
    if (set === 0) continue;
    if (differs) varying++;
    else if (!laterSet) firstOnly++;
    else {
      repeated++;
      if (linesMatch) lineArithmetic++;
      else if (price && close(firstValue, sum)) orderArithmetic++;
    }
  }
  const level: AmountLevel = varying > 0 || (repeated > 0 && lineArithmetic > 0 && orderArithmetic === 0 && firstOnly === 0) ? 'line' : 'order';
  return { level, firstLineOnly: firstOnly, repeated, varying, fromPrice: 0 };
}

/**
 * One amount per order (module doc, rules 2-3 up to the status): the order total taken once, or
 * the lines summed, or quantity x price. NaN when the order has no amount at all.
 */
export function orderAmounts(g: OrderGroups, decision: AmountDecision, amount: Float64Array | undefined, price: Float64Array | undefined, qty: Float64Array | undefined): { amounts: Float64Array; fromPrice: number } {
  const m = g.heads.length;
  const out = new Float64Array(m).fill(NaN);
  let fromPrice = 0;
  const lineValue = (r: number, a: number): number => (qty && qty[r] < 0 && a > 0 ? -a : a);
  for (let o = 0; o < m; o++) {
    const h = g.heads[o];
    let total = NaN;
    if (amount) {
      if (decision.level === 'line') {
        for (let r = h; r >= 0; r = g.next[r]) if (!Number.isNaN(amount[r])) total = (Number.isNaN(total) ? 0 : total) + lineValue(r, amount[r]);
      } else {
        for (let r = h; r >= 0; r = g.next[r]) {
          if (Number.isNaN(amount[r])) continue;
          // One row per order: a negative quantity marks a return line.
          total = g.next[h] < 0 ? lineValue(r, amount[r]) : amount[r];
          break;
        }
      }
    }
    if (Number.isNaN(total) && price) {
      let any = false;
      let sum = 0;
      for (let r = h; r >= 0; r = g.next[r]) {
        const p = price[r];
        if (Number.isNaN(p)) continue;
        any = true;
        sum += (qty && !Number.isNaN(qty[r]) ? qty[r] : 1) * p;
      }
      if (any) {
        total = sum;
        fromPrice++;
      }
    }
    out[o] = total === 0 ? 0 : total;
  }
  return { amounts: out, fromPrice };
}

/** What a status says about an order's money. */
export type StatusEffect = 'reversal' | 'void' | 'partial' | 'none';

const RE_PARTIAL = /\bpartial(ly)?\b/;
const RE_VOID = /\b(refunded|cancell?ed|failed|declined|void(ed)?|unpaid|expired|rejected|abandoned|storniert|reversed|annulled|preklican[oa]?)\b/;
const RE_REVERSAL = /\b(refunds?|credit ?notes?|credit|chargebacks?|returns?|gutschrift|storno|reversal|dobropis|vracilo)\b/;

/**
 * Classifies a status value (any case; `_` and `-` read as spaces).
 *
 * @example statusEffect('wc-cancelled') // 'void'
 * @example statusEffect('Refund') // 'reversal'
 * @example statusEffect('partially_refunded') // 'partial'
 * @example statusEffect('paid') // 'none'
 */
export function statusEffect(status: string): StatusEffect {
  const s = status.toLowerCase().replace(/[_-]+/g, ' ');
  if (RE_PARTIAL.test(s)) return 'partial';
  if (RE_VOID.test(s)) return 'void';
  if (RE_REVERSAL.test(s)) return 'reversal';
  return 'none';
}

/** Counts of the sign rules applied (for the plausibility report). */
export interface SignFacts {
  /** Orders made negative by a reversal status. */
  reversed: number;
  /** Refunded / cancelled / failed orders set to 0. */
  voided: number;
  /** Partially refunded orders (amount kept; without a refunded-amount column the refund is unknown). */
  partial: number;
  /** Orders whose number is a credit-note number (`C536379`): negative (made so when the file wrote them positive). */
  creditNotes: number;
  /** Orders whose refunded amount was subtracted. */
  netOfRefunds: number;
}

/** `C` or `c` followed by one or more digits (what `/^[Cc]\d+$/` matches). */
function isCreditNumber(id: string): boolean {
  const c = id.charCodeAt(0);
  if ((c !== 67 && c !== 99) || id.length < 2) return false;
  for (let i = 1; i < id.length; i++) {
    const d = id.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/** Credit-note numbers: a `C` before digits, in a file whose other order numbers are plain digits. */
export function creditNoteCodes(orderDict: readonly string[]): Uint8Array | undefined {
  // Most files have none: one character test per id settles it (the two patterns cost ~50 ms on a million ids).
  let any = false;
  for (let i = 0; i < orderDict.length && !any; i++) any = isCreditNumber(orderDict[i]);
  if (!any) return undefined;
  let digits = 0;
  let prefixed = 0;
  for (const id of orderDict) {
    if (/^\d+$/.test(id)) digits++;
    else if (/^[Cc]\d+$/.test(id)) prefixed++;
  }
  if (prefixed === 0 || digits < prefixed) return undefined;
  return Uint8Array.from(orderDict, (id) => (/^[Cc]\d+$/.test(id) ? 1 : 0));
}

/**
 * Applies rule 3 to the order amounts in place. `status` and `refunded` are per order (codes into
 * `statusDict`; NaN = no refund); `creditNote` per order (1 = credit-note number).
 */
export function applySignRules(amounts: Float64Array, status: { codes: Uint32Array; dict: readonly string[] } | undefined, refunded: Float64Array | undefined, creditNote: Uint8Array | undefined): SignFacts {
  const facts: SignFacts = { reversed: 0, voided: 0, partial: 0, creditNotes: 0, netOfRefunds: 0 };
  const effects = status ? status.dict.map(statusEffect) : [];
  for (let o = 0; o < amounts.length; o++) {
    let a = amounts[o];
    if (Number.isNaN(a)) continue;
    if (creditNote && creditNote[o]) {
      facts.creditNotes++;
      if (a > 0) a = -a;
    }
    const code = status ? status.codes[o] : MISSING_CODE;
    const effect = code === MISSING_CODE ? 'none' : effects[code];
    const refund = refunded ? refunded[o] : NaN;
    if (!Number.isNaN(refund) && refund !== 0 && a > 0) {
      a -= Math.abs(refund);
      facts.netOfRefunds++;
      if (effect === 'void' && a > 0 && !/refunded/.test(status!.dict[code].toLowerCase())) {
        a = 0;
        facts.voided++;
      }
    } else if (a > 0 && effect === 'reversal') {
      a = -a;
      facts.reversed++;
    } else if (a > 0 && effect === 'void') {
      a = 0;
      facts.voided++;
    } else if (effect === 'partial') facts.partial++;
    amounts[o] = a === 0 ? 0 : a;
  }
  return facts;
}
