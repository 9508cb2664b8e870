/**
 * Churn-flag values: which values of a customers table's churn-flag column mean "the customer
 * left" and which mean "the customer stayed" (issue #10, "Where churn comes from": customer
 * tables that carry churn themselves; DESIGN.md section 4).
 *
 * Public and CRM churn tables write the flag in a handful of ways, all of them two or three
 * levels of one column:
 *
 * | table | column | churned | stayed |
 * |---|---|---|---|
 * | IBM Telco sample | `Churn` | `Yes` | `No` |
 * | IBM Telco v11 | `Churn Label` / `Churn Value` | `Yes` / `1` | `No` / `0` |
 * | bank Churn_Modelling | `Exited` | `1` | `0` |
 * | BankChurners | `Attrition_Flag` | `Attrited Customer` | `Existing Customer` |
 * | Maven telecom | `Customer Status` | `Churned` | `Stayed`, `Joined` |
 *
 * A value is read case-insensitively after trimming and collapsing inner whitespace, so
 * `ATTRITED  CUSTOMER` is `attrited customer`. Only words whose meaning does not depend on the
 * column are recognised: `yes`/`no`, `1`/`0`, `true`/`false` and their one-letter forms; the
 * churn words (`churned`, `attrited`, `exited`, `left`, `cancelled`, `lost`, `former` ...) and
 * the staying words (`stayed`, `existing`, `retained`, `active`, `current`, `joined`: a customer
 * who joined in the period has not left); the same in Slovenian and German where they are
 * unambiguous (`da`/`ne`, `ja`/`nein`, `odšel`/`ostal`, `gekündigt`/`aktiv` ...). `inactive`
 * is deliberately not recognised: in many CRMs it means dormant, not gone.
 *
 * Policy: every non-blank value must be recognised, else the answer is null and the user is
 * asked which values mean churned (a wrong guess would silently invert every churn figure).
 * Blank values (`''`, whitespace) are skipped: they are missing flags, not a third level. One
 * side may be empty (an export of churned customers only). The values are returned as written,
 * in input order, so they can be matched against a column's dictionary.
 *
 * Complexity: O(total length of the values).
 *
 * @param values the distinct values of the column (its dictionary)
 * @returns the values meaning churned and those meaning stayed, or null when one is not recognised
 * @example churnFlagValues(['No', 'Yes']) // { churned: ['Yes'], stayed: ['No'] }
 * @example churnFlagValues(['Churned', 'Stayed', 'Joined']) // { churned: ['Churned'], stayed: ['Stayed', 'Joined'] }
 * @example churnFlagValues(['High', 'Low']) // null: a churn risk, not a flag; the user decides
 */
export function churnFlagValues(values: readonly string[]): { churned: string[]; stayed: string[] } | null {
  const churned: string[] = [];
  const stayed: string[] = [];
  for (const v of values) {
    const t = v.trim().replace(RE_SPACES, ' ').toLowerCase();
    if (t === '') continue;
    if (CHURNED.has(t)) churned.push(v);
    else if (STAYED.has(t)) stayed.push(v);
    else return null;
  }
  return { churned, stayed };
}

const RE_SPACES = /\s+/g;

/** Values meaning "the customer left" (lower case, single spaces). Disjoint from {@link STAYED} (tested). */
export const CHURNED: ReadonlySet<string> = new Set([
  // yes / true / 1 in a churn column
  'yes', 'y', 'true', 't', '1', '1.0',
  // en
  'churned', 'churn', 'attrited customer', 'attrited', 'exited', 'left', 'lost', 'cancelled',
  'canceled', 'closed', 'terminated', 'former', 'former customer', 'gone',
  // sl
  'da', 'odšel', 'odsel', 'odšla', 'odsla', 'izgubljen', 'izgubljena', 'odpovedan', 'odpovedana',
  // de
  'ja', 'gekündigt', 'abgewandert', 'ehemalig', 'ehemaliger kunde',
]);

/** Values meaning "the customer stayed" (lower case, single spaces). */
export const STAYED: ReadonlySet<string> = new Set([
  // no / false / 0 in a churn column
  'no', 'n', 'false', 'f', '0', '0.0',
  // en
  'stayed', 'existing customer', 'existing', 'retained', 'active', 'current', 'current customer',
  'joined', 'new', 'not churned', 'no churn',
  // sl
  'ne', 'ostal', 'ostala', 'aktiven', 'aktivna', 'obstoječ', 'obstoječa', 'nov', 'nova',
  // de
  'nein', 'aktiv', 'bestehend', 'bestandskunde', 'neukunde', 'geblieben',
]);
