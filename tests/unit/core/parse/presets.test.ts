import { describe, expect, it } from 'vitest';
import { PRESETS, matchPreset } from '../../../../src/core/parse/presets.ts';
import { normaliseHeader } from '../../../../src/core/parse/header-match.ts';
import { ATTRIBUTE_PREFIX, KIND_FIELDS } from '../../../../src/core/schema/kinds.ts';
import type { Mapping } from '../../../../src/core/schema/kinds.ts';

// Realistic header rows of each export (column names as the vendors' exports write them).
const HEADERS = Object.freeze({
  shopifyOrders:
    'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References',
  shopifyCustomers:
    'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags',
  shopifyCustomersOld:
    'First Name,Last Name,Email,Company,Address1,Address2,City,Province,Province Code,Country,Country Code,Zip,Phone,Accepts Marketing,Total Spent,Total Orders,Tags,Note,Tax Exempt',
  woocommerce:
    'Order ID,Order Number,Order Date,Order Status,Customer User,Billing First Name,Billing Last Name,Billing Email,Billing Phone,Payment Method Title,Order Currency,Order Subtotal Amount,Order Total,Product Name,Quantity,Item Cost,SKU',
  stripeCustomers:
    'id,Description,Email,Name,Created (UTC),Card ID,Card Last4,Card Brand,Card Funding,Card Exp Month,Card Exp Year,Card Name,Card Address Line1,Card Address City,Card Address Country,Card Address Zip,Card Issue Country,Account Balance,Currency,Delinquent,Plan,Status,Cancel At Period End,Coupon,Discount,Business Vat ID,Tax Exempt,Total Spend,Payment Count,Refunded Volume,Dispute Losses',
  stripeSubscriptions:
    'id,Customer ID,Customer Description,Customer Email,Plan,Product,Quantity,Currency,Interval,Amount,Status,Created (UTC),Start Date (UTC),Current Period Start (UTC),Current Period End (UTC),Trial Start (UTC),Trial End (UTC),Application Fee Percent,Coupon,Tax Percent,Canceled At (UTC),Cancel At Period End,Ended At (UTC)',
  paddleTransactions:
    'id,status,customer_id,address_id,business_id,currency_code,origin,subscription_id,invoice_number,collection_mode,billed_at,created_at,updated_at,subtotal,tax,total',
  paddleSubscriptions:
    'id,status,customer_id,address_id,currency_code,created_at,updated_at,started_at,first_billed_at,next_billed_at,paused_at,canceled_at,collection_mode,billing_cycle_interval,billing_cycle_frequency,price_name',
  generic: 'Customer ID,Date,Amount,Product,Channel',
});

const split = (h: string): readonly string[] => Object.freeze(h.split(','));

/** header -> target pairs of a mapping, skipping ignored columns. */
function pairs(headers: readonly string[], mapping: Mapping): Map<string, string> {
  const out = new Map<string, string>();
  mapping.forEach((t, i) => {
    if (t !== null) out.set(headers[i], t);
  });
  return out;
}

/** The suggestMapping rules: one entry per column, each field once, only the kind's fields or attributes. */
function expectValidMapping(kind: keyof typeof KIND_FIELDS, headers: readonly string[], mapping: Mapping): void {
  expect(mapping.length).toBe(headers.length);
  const keys = new Set(KIND_FIELDS[kind].map((d) => d.key));
  const fields = mapping.filter((t): t is string => t !== null && !t.startsWith(ATTRIBUTE_PREFIX));
  expect(new Set(fields).size).toBe(fields.length);
  for (const f of fields) expect(keys.has(f)).toBe(true);
  if (kind !== 'customers') expect(mapping.some((t) => t?.startsWith(ATTRIBUTE_PREFIX))).toBe(false);
  for (const d of KIND_FIELDS[kind]) if (d.required) expect(fields).toContain(d.key);
}

describe('matchPreset', () => {
  it('Shopify orders: customer id is Email (no customer id column), one row per line item', () => {
    const h = split(HEADERS.shopifyOrders);
    const m = matchPreset(h);
    expect(m?.preset.id).toBe('shopify-orders');
    expect(m?.preset.lineItems).toBe(true);
    const p = pairs(h, m!.mapping);
    expect(p.get('Email')).toBe('customer_id');
    expect(p.get('Created at')).toBe('date');
    expect(p.get('Total')).toBe('amount');
    expect(p.get('Name')).toBe('order_id');
    expect(p.get('Lineitem quantity')).toBe('quantity');
    expect(p.get('Lineitem price')).toBe('unit_price');
    expect(p.get('Financial Status')).toBe('status');
    expect(p.get('Paid at')).toBeUndefined();
    expectValidMapping('orders', h, m!.mapping);
  });
  it('Shopify customers (2023+ and older layout): attributes kept, PII dropped', () => {
    const h = split(HEADERS.shopifyCustomers);
    const m = matchPreset(h);
    expect(m?.preset.id).toBe('shopify-customers');
    const p = pairs(h, m!.mapping);
    expect(p.get('Customer ID')).toBe('customer_id');
    expect(p.get('Default Address Country Code')).toBe('country');
    expect(p.get('Total Spent')).toBe('attr:Total Spent');
    expect(p.get('Tags')).toBe('attr:Tags');
    for (const pii of ['First Name', 'Last Name', 'Email', 'Phone', 'Default Address Address1', 'Default Address Zip'])
      expect(p.get(pii)).toBeUndefined();
    expectValidMapping('customers', h, m!.mapping);

    const old = split(HEADERS.shopifyCustomersOld);
    const mo = matchPreset(old);
    expect(mo?.preset.id).toBe('shopify-customers');
    expect(pairs(old, mo!.mapping).get('Email')).toBe('customer_id');
    expectValidMapping('customers', old, mo!.mapping);
  });
  it('WooCommerce orders: Billing Email is the customer (guests have Customer User 0)', () => {
    const h = split(HEADERS.woocommerce);
    const m = matchPreset(h);
    expect(m?.preset.id).toBe('woocommerce-orders');
    expect(m?.preset.lineItems).toBe(true);
    const p = pairs(h, m!.mapping);
    expect(p.get('Billing Email')).toBe('customer_id');
    expect(p.get('Order Date')).toBe('date');
    expect(p.get('Order Total')).toBe('amount');
    expect(p.get('Order Number')).toBe('order_id');
    expect(p.get('Item Cost')).toBe('unit_price');
    expectValidMapping('orders', h, m!.mapping);
  });
  it('WooCommerce exports with snake_case headers are recognised too', () => {
    const h = split('order_id,order_number,order_date,status,customer_user,billing_email,order_total');
    expect(matchPreset(h)?.preset.id).toBe('woocommerce-orders');
  });
  it('Stripe customers', () => {
    const h = split(HEADERS.stripeCustomers);
    const m = matchPreset(h);
    expect(m?.preset.id).toBe('stripe-customers');
    const p = pairs(h, m!.mapping);
    expect(p.get('id')).toBe('customer_id');
    expect(p.get('Created (UTC)')).toBe('signup_date');
    expect(p.get('Plan')).toBe('plan');
    for (const pii of ['Email', 'Name', 'Description', 'Card Last4', 'Card Address Zip', 'Business Vat ID'])
      expect(p.get(pii)).toBeUndefined();
    expect(p.get('Delinquent')).toBe('attr:Delinquent');
    expectValidMapping('customers', h, m!.mapping);
  });
  it('Stripe subscriptions', () => {
    const h = split(HEADERS.stripeSubscriptions);
    const m = matchPreset(h);
    expect(m?.preset.id).toBe('stripe-subscriptions');
    const p = pairs(h, m!.mapping);
    expect(p.get('Customer ID')).toBe('customer_id');
    expect(p.get('Start Date (UTC)')).toBe('start_date');
    expect(p.get('Ended At (UTC)')).toBe('end_date');
    expect(p.get('Amount')).toBe('mrr');
    expect(p.get('id')).toBe('subscription_id');
    expectValidMapping('subscriptions', h, m!.mapping);
  });
  it('Paddle transactions and subscriptions', () => {
    const t = split(HEADERS.paddleTransactions);
    const mt = matchPreset(t);
    expect(mt?.preset.id).toBe('paddle-transactions');
    const pt = pairs(t, mt!.mapping);
    expect(pt.get('billed_at')).toBe('date');
    expect(pt.get('total')).toBe('amount');
    expect(pt.get('customer_id')).toBe('customer_id');
    expectValidMapping('orders', t, mt!.mapping);

    const s = split(HEADERS.paddleSubscriptions);
    const ms = matchPreset(s);
    expect(ms?.preset.id).toBe('paddle-subscriptions');
    const ps = pairs(s, ms!.mapping);
    expect(ps.get('started_at')).toBe('start_date');
    expect(ps.get('canceled_at')).toBe('end_date');
    expectValidMapping('subscriptions', s, ms!.mapping);
  });
  it('generic spreadsheet layout, in any case and with a BOM', () => {
    const h = split(`\uFEFF${HEADERS.generic.toUpperCase()}`);
    const m = matchPreset(h);
    expect(m?.preset.id).toBe('generic-orders');
    expect(m?.mapping).toEqual(['customer_id', 'date', 'amount', 'product', 'channel']);
  });
  it('Stripe payments and WooCommerce Subscriptions (the layouts of the real exports in shared/data/real-exports)', () => {
    const pay = matchPreset(split('id,Description,Created (UTC),Amount,Amount Refunded,Currency,Converted Amount,Converted Amount Refunded,Fee,Tax,Converted Currency,Mode,Status,Statement Descriptor,Customer ID,Customer Description,Customer Email,Captured,Card ID'));
    expect(pay?.preset.id).toBe('stripe-payments');
    const woo = matchPreset(split('Row Description (Do not import),customer_id,customer_username,customer_email,subscription_status,start_date,trial_end_date,next_payment_date,last_payment_date,end_date,billing_period,billing_interval,order_shipping,order_total,order_currency,billing_email'));
    expect(woo?.preset.id).toBe('woocommerce-subscriptions');
    expect(woo?.mapping[15]).toBe('customer_id');
  });

  it('an unknown layout matches nothing', () => {
    expect(matchPreset(split('foo,bar,baz'))).toBeUndefined();
    expect(matchPreset(split('__proto__,constructor,hasOwnProperty'))).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
  it('a repeated header maps once', () => {
    const m = matchPreset(split('Customer ID,Date,Amount,Amount'));
    expect(m?.mapping).toEqual(['customer_id', 'date', 'amount', null]);
  });
  it('every preset: signature headers are distinct, fields belong to the kind', () => {
    for (const p of PRESETS) {
      const keys = new Set(KIND_FIELDS[p.kind].map((d) => d.key));
      for (const f of Object.keys(p.columns)) expect(keys.has(f)).toBe(true);
      const sig = p.signature.map(normaliseHeader);
      expect(new Set(sig).size).toBe(sig.length);
    }
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });
});
