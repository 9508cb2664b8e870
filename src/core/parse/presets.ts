/**
 * Presets: known export layouts of the tools small businesses use, recognised from the header
 * row so the mapping needs no guessing. Header names are those of the exports as documented by
 * the vendors and seen in real files; they are compared after `normaliseHeader`, so case,
 * underscores and a BOM do not matter.
 *
 * A preset's mapping obeys the same rules as `suggestMapping`: each field at most once, each
 * column at most once, and for customers the other non-PII columns become `attr:<header>`.
 */
import type { DataKind, Mapping } from '../schema/kinds.ts';
import { addAttributes, normaliseHeader } from './header-match.ts';

/** The exports Keepwise knows by their headers (the page names each in the user's language by id). */
export type PresetId =
  | 'shopify-orders'
  | 'shopify-customers'
  | 'woocommerce-orders'
  | 'woocommerce-subscriptions'
  | 'stripe-payments'
  | 'stripe-subscriptions'
  | 'stripe-customers'
  | 'paddle-subscriptions'
  | 'paddle-transactions'
  | 'generic-orders';

export interface Preset {
  readonly id: PresetId;
  /** The English name the command line prints. */
  readonly name: string;
  readonly kind: DataKind;
  /** Field key -> export header names, most preferred first (the first one present is used). */
  readonly columns: Readonly<Record<string, readonly string[]>>;
  /** One row per line item: order-level values (Total) may appear only on an order's first row. */
  readonly lineItems?: boolean;
  /** Headers that must all be present for the preset to be recognised. */
  readonly signature: readonly string[];
}

const preset = (p: Preset): Preset => Object.freeze(p);

export const PRESETS: readonly Preset[] = Object.freeze([
  preset({
    id: 'shopify-orders',
    name: 'Shopify orders export',
    kind: 'orders',
    lineItems: true,
    columns: {
      // Shopify's orders export has no customer id column: the customer is identified by Email.
      // Orders without an email (POS walk-ins) have no customer and are reported by the importer.
      customer_id: ['Email'],
      date: ['Created at', 'Paid at'],
      // Total (and Subtotal, Financial Status ...) is filled only on the first line of an order.
      amount: ['Total'],
      // Name is the order name (#1001), the same on every line of an order; Id is its numeric id.
      order_id: ['Name', 'Id'],
      quantity: ['Lineitem quantity'],
      unit_price: ['Lineitem price'],
      // Refunded Amount is on the first line: the order's net revenue is Total - Refunded Amount.
      refunded: ['Refunded Amount'],
      status: ['Financial Status'],
      product: ['Lineitem name'],
      channel: ['Source'],
      currency: ['Currency'],
    },
    signature: ['Name', 'Email', 'Financial Status', 'Created at', 'Total', 'Lineitem name'],
  }),
  preset({
    id: 'shopify-customers',
    name: 'Shopify customers export',
    kind: 'customers',
    columns: {
      // The 2023+ export has Customer ID; older exports identify customers by Email only.
      customer_id: ['Customer ID', 'Email'],
      country: ['Default Address Country Code', 'Country Code', 'Country'],
      region: ['Default Address Province Code', 'Province Code', 'Province'],
    },
    signature: ['Email', 'Total Spent', 'Total Orders'],
  }),
  preset({
    id: 'woocommerce-orders',
    name: 'WooCommerce orders export',
    kind: 'orders',
    lineItems: true,
    columns: {
      // Billing Email first: guest checkouts have Customer User = 0, which would merge every guest
      // into one customer. The user id is the fallback when the export has no email column.
      customer_id: ['Billing Email', 'Email (Billing)', 'Customer User', 'Customer ID'],
      date: ['Order Date', 'Date Created', 'Paid Date'],
      amount: ['Order Total', 'Order Total Amount'],
      order_id: ['Order Number', 'Order ID'],
      quantity: ['Quantity', 'Item Quantity', 'Qty'],
      unit_price: ['Item Cost', 'Item Price'],
      status: ['Order Status', 'Status'],
      product: ['Product Name', 'Item Name'],
      channel: ['Created Via'],
      currency: ['Order Currency', 'Currency'],
    },
    signature: ['Order Date', 'Order Total'],
  }),
  preset({
    id: 'woocommerce-subscriptions',
    name: 'WooCommerce Subscriptions export',
    kind: 'subscriptions',
    columns: {
      // customer_id is the WordPress user id, empty for customers the importer is to create:
      // the billing e-mail identifies every subscriber.
      customer_id: ['billing_email', 'customer_email', 'customer_id'],
      start_date: ['start_date'],
      // 0 means "no date" (read as missing).
      end_date: ['end_date'],
      // order_total is the recurring total per billing_interval x billing_period.
      mrr: ['order_total'],
      status: ['subscription_status'],
      billing_period: ['billing_period'],
      billing_interval: ['billing_interval'],
      subscription_id: ['subscription_id', 'id'],
    },
    signature: ['subscription_status', 'start_date', 'billing_period', 'billing_interval', 'order_total'],
  }),
  preset({
    id: 'stripe-payments',
    name: 'Stripe payments export',
    kind: 'orders',
    columns: {
      customer_id: ['Customer ID', 'Customer Email'],
      // Stripe's dashboard writes (UTC) after every date header.
      date: ['Created (UTC)', 'Created date (UTC)', 'Created'],
      amount: ['Amount'],
      refunded: ['Amount Refunded'],
      order_id: ['id'],
      // Failed charges carry their amount: the status (Failed, Refunded) decides what they brought.
      status: ['Status'],
      currency: ['Currency'],
    },
    signature: ['id', 'Amount', 'Amount Refunded', 'Currency', 'Status'],
  }),
  preset({
    id: 'stripe-subscriptions',
    name: 'Stripe subscriptions export',
    kind: 'subscriptions',
    columns: {
      customer_id: ['Customer ID'],
      start_date: ['Start Date (UTC)', 'Start (UTC)', 'Created (UTC)'],
      // Ended At is when access stopped; Canceled At can be a request for the period end.
      end_date: ['Ended At (UTC)', 'Canceled At (UTC)'],
      mrr: ['Amount'],
      plan: ['Plan', 'Product'],
      status: ['Status'],
      cancel_reason: ['Cancellation Reason'],
      subscription_id: ['id'],
      // Amount is per Interval (month, year, week, day): the importer converts it to a monthly amount.
      billing_period: ['Interval'],
      billing_interval: ['Interval Count'],
    },
    signature: ['id', 'Customer ID', 'Plan', 'Status', 'Current Period End (UTC)'],
  }),
  preset({
    id: 'stripe-customers',
    name: 'Stripe customers export',
    kind: 'customers',
    columns: {
      customer_id: ['id'],
      signup_date: ['Created (UTC)'],
      plan: ['Plan'],
    },
    signature: ['id', 'Email', 'Created (UTC)'],
  }),
  preset({
    id: 'paddle-subscriptions',
    name: 'Paddle subscriptions export',
    kind: 'subscriptions',
    columns: {
      customer_id: ['customer_id'],
      start_date: ['started_at', 'first_billed_at', 'created_at'],
      end_date: ['canceled_at'],
      plan: ['price_name', 'product_name', 'plan_name'],
      status: ['status'],
      subscription_id: ['id', 'subscription_id'],
      mrr: ['unit_price', 'price', 'amount', 'total'],
      billing_period: ['billing_cycle_interval', 'billing_cycle.interval', 'billing_interval'],
      billing_interval: ['billing_cycle_frequency', 'billing_cycle.frequency', 'billing_frequency'],
    },
    signature: ['customer_id', 'started_at', 'next_billed_at'],
  }),
  preset({
    id: 'paddle-transactions',
    name: 'Paddle transactions export',
    kind: 'orders',
    columns: {
      customer_id: ['customer_id', 'customer_email'],
      date: ['billed_at', 'created_at'],
      amount: ['total', 'grand_total', 'details.totals.total', 'amount'],
      order_id: ['id', 'transaction_id', 'invoice_number'],
      status: ['status'],
      channel: ['origin'],
      currency: ['currency_code', 'currency'],
    },
    signature: ['customer_id', 'billed_at'],
  }),
  preset({
    id: 'generic-orders',
    name: 'Spreadsheet: customer, date, amount',
    kind: 'orders',
    columns: {
      customer_id: ['Customer ID', 'Customer'],
      date: ['Date', 'Order Date'],
      amount: ['Amount', 'Total'],
      order_id: ['Order ID', 'Order'],
      quantity: ['Quantity'],
      unit_price: ['Unit Price'],
      status: ['Status'],
      product: ['Product'],
      channel: ['Channel'],
      currency: ['Currency'],
    },
    signature: ['Customer ID', 'Date', 'Amount'],
  }),
]);

/** Index of each normalised header (first occurrence), in a Map: header text is user input. */
function headerIndex(headers: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const n = normaliseHeader(h);
    if (n !== '' && !index.has(n)) index.set(n, i);
  });
  return index;
}

/** Builds a preset's mapping: first present header per field, each column once; attributes for customers. */
function presetMapping(p: Preset, headers: readonly string[], index: Map<string, number>): Mapping {
  const mapping: Mapping = headers.map(() => null);
  for (const [field, names] of Object.entries(p.columns)) {
    for (const name of names) {
      const i = index.get(normaliseHeader(name));
      if (i !== undefined && mapping[i] === null) {
        mapping[i] = field;
        break;
      }
    }
  }
  if (p.kind === 'customers') addAttributes(headers, mapping);
  return mapping;
}

/**
 * Recognises a known export from its header row. A preset matches when all its signature
 * headers are present (normalised comparison); among matches the one with the most of its
 * column headers present wins (ties: PRESETS order). Returns the preset and its mapping, or
 * undefined. O(headers + preset names).
 *
 * @example matchPreset(['id', 'Customer ID', 'Plan', 'Status', 'Current Period End (UTC)'])?.preset.id
 *   // 'stripe-subscriptions'
 */
export function matchPreset(headers: readonly string[]): { preset: Preset; mapping: Mapping } | undefined {
  const index = headerIndex(headers);
  let best: Preset | undefined;
  let bestHits = -1;
  for (const p of PRESETS) {
    if (!p.signature.every((s) => index.has(normaliseHeader(s)))) continue;
    let hits = 0;
    for (const names of Object.values(p.columns)) {
      for (const n of names) if (index.has(normaliseHeader(n))) hits++;
    }
    hits += p.signature.length;
    if (hits > bestHits) {
      best = p;
      bestHits = hits;
    }
  }
  return best === undefined ? undefined : { preset: best, mapping: presetMapping(best, headers, index) };
}
