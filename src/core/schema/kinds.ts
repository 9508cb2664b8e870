/**
 * The kinds of data a user brings and the fields each one maps to (DESIGN.md section 1).
 *
 * Every import maps the columns of a CSV onto these field keys. `required` fields must be
 * mapped for the import to run. `expected` fields are not required but weigh like required ones
 * when guessing a file's kind: an orders file without amounts (visits, bookings) imports, and
 * `orders.amount` may instead be derived from `quantity x unit_price` (ingest/steps/rollup.ts).
 *
 * Customer attributes that are not listed (any column of a customers file the user keeps) are
 * stored under the key `attr:<header>`, so user text can never collide with a field key or an
 * Object.prototype member.
 */
export type DataKind = 'orders' | 'customers' | 'subscriptions' | 'churn' | 'feedback' | 'referrals';

export const DATA_KINDS: readonly DataKind[] = Object.freeze([
  'orders',
  'customers',
  'subscriptions',
  'churn',
  'feedback',
  'referrals',
]);

/**
 * How a field's text is converted and stored.
 * - id: string as written (trimmed, NFC), dictionary-encoded; never a number.
 * - date: calendar day (days since 1970-01-01) plus optional time of day.
 * - money: finite number, parsed with the file's decimal/thousands convention and currency marks.
 * - number: finite number with the file's decimal convention.
 * - category: short text, dictionary-encoded (plan, region, status ...).
 * - text: free text (reasons, comments), dictionary-encoded.
 */
export type FieldType = 'id' | 'date' | 'money' | 'number' | 'category' | 'text';

export interface FieldDef {
  readonly key: string;
  readonly type: FieldType;
  readonly required?: boolean;
  /** Not required, but expected in a file of this kind (weighs like a required field in kind guessing). */
  readonly expected?: boolean;
  /** Required as a column, but a row may leave it empty (a survey answer that skipped the score). */
  readonly valueOptional?: boolean;
}

const f = (key: string, type: FieldType, required = false): FieldDef => Object.freeze({ key, type, required });
const expected = (key: string, type: FieldType): FieldDef => Object.freeze({ key, type, required: false, expected: true });

export const KIND_FIELDS: Readonly<Record<DataKind, readonly FieldDef[]>> = Object.freeze({
  orders: Object.freeze([
    f('customer_id', 'id', true),
    f('date', 'date', true),
    expected('amount', 'money'),
    f('order_id', 'id'),
    f('quantity', 'number'),
    f('unit_price', 'money'),
    f('refunded', 'money'),
    f('status', 'category'),
    f('product', 'category'),
    f('channel', 'category'),
    f('currency', 'category'),
  ]),
  customers: Object.freeze([
    f('customer_id', 'id', true),
    f('signup_date', 'date'),
    f('plan', 'category'),
    f('region', 'category'),
    f('country', 'category'),
    f('company_size', 'number'),
    f('budget', 'money'),
    f('industry', 'category'),
    f('acquisition_channel', 'category'),
    f('referred_by', 'id'),
    // Customer tables that carry churn themselves (issue #10, "Where churn comes from"): a churn flag
    // as they write it (Yes/No, 1/0, "Attrited Customer"/"Existing Customer", Churned/Stayed/Joined;
    // which values mean "churned" is read by core/churn/churn-flag.ts, or asked), the day the
    // customer left, the reason and its category, and the tenure in months (the lifetime when the
    // table has no dates: survival is censored for customers who stayed).
    f('churned', 'category'),
    f('churn_date', 'date'),
    f('churn_reason', 'text'),
    f('churn_category', 'category'),
    f('tenure_months', 'number'),
  ]),
  subscriptions: Object.freeze([
    f('customer_id', 'id', true),
    f('start_date', 'date', true),
    f('end_date', 'date'),
    f('mrr', 'money'),
    f('plan', 'category'),
    f('status', 'category'),
    f('cancel_reason', 'text'),
    f('subscription_id', 'id'),
    // The price's billing period (month, year, week, day) and interval count ("every 2 weeks"):
    // with them the price is converted to a monthly amount (MRR) at import.
    f('billing_period', 'category'),
    f('billing_interval', 'number'),
  ]),
  churn: Object.freeze([
    f('customer_id', 'id', true),
    f('date', 'date', true),
    f('reason', 'text'),
    f('category', 'category'),
    f('comment', 'text'),
  ]),
  feedback: Object.freeze([
    f('customer_id', 'id', true),
    expected('date', 'date'),
    Object.freeze({ key: 'score', type: 'number', required: true, valueOptional: true }),
    f('scale', 'category'),
    f('comment', 'text'),
    f('touchpoint', 'category'),
  ]),
  referrals: Object.freeze([
    f('referrer_id', 'id', true),
    f('referred_id', 'id', true),
    f('date', 'date'),
    f('first_purchase_date', 'date'),
    f('reward', 'money'),
  ]),
});

/** Prefix of custom attribute columns kept from a customers file. */
export const ATTRIBUTE_PREFIX = 'attr:';

/** A mapping target: a field key of the kind, `attr:<name>` (customers only), or null = ignored. */
export type MappingTarget = string | null;

/** One target per CSV column, by column index (never keyed by header text). */
export type Mapping = MappingTarget[];

/** Finds a field of a kind, or undefined. */
export function fieldOf(kind: DataKind, key: string): FieldDef | undefined {
  return KIND_FIELDS[kind].find((d) => d.key === key);
}

/** The main date of each kind: the day a row is "on" (first/last day of an import, the overview's date span). */
export const MAIN_DATE: Readonly<Record<DataKind, string>> = Object.freeze({
  orders: 'date',
  customers: 'signup_date',
  subscriptions: 'start_date',
  churn: 'date',
  feedback: 'date',
  referrals: 'date',
});

/** The field whose value must be unique per row of a kind (a repeat is an error naming both lines). */
export const UNIQUE_KEY: Readonly<Partial<Record<DataKind, string>>> = Object.freeze({ customers: 'customer_id', subscriptions: 'subscription_id' });
