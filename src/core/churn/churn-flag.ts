/**
 * Churn-flag values (issue #10, "customer tables that carry churn themselves"): which values of
 * a churn-flag column mean "churned" and which mean "stayed". Public and CRM churn tables write
 * Churn Yes/No, Churn Value 1/0, Exited 1/0, Attrition_Flag "Attrited Customer"/"Existing
 * Customer", Customer Status Churned/Stayed/Joined, True/False.
 *
 * Matching is case-insensitive on the trimmed value. Every distinct value must be recognised;
 * otherwise the answer is null and the page asks the user which values mean churned (a wrong
 * guess would silently invert every churn figure). Both sides must be present.
 *
 * Complexity: O(values).
 */

const CHURNED = new Set(['yes', 'y', 'true', 't', '1', 'churned', 'churn', 'attrited customer', 'attrited', 'exited', 'left', 'lost', 'cancelled', 'canceled', 'inactive', 'closed', 'da', 'ja']);
const STAYED = new Set(['no', 'n', 'false', 'f', '0', 'stayed', 'existing customer', 'existing', 'retained', 'active', 'joined', 'current', 'ne', 'nein']);

/**
 * Which flag values mean churned and which stayed, or null when a value is not recognised or
 * one side is missing.
 *
 * @example churnFlagValues(['No', 'Yes']) // { churned: ['Yes'], stayed: ['No'] }
 * @example churnFlagValues(['Churned', 'Stayed', 'Joined']) // { churned: ['Churned'], stayed: ['Stayed', 'Joined'] }
 */
export function churnFlagValues(values: readonly string[]): { churned: string[]; stayed: string[] } | null {
  const churned: string[] = [];
  const stayed: string[] = [];
  for (const v of values) {
    const t = v.trim().toLowerCase();
    if (t === '') continue;
    if (CHURNED.has(t)) churned.push(v);
    else if (STAYED.has(t)) stayed.push(v);
    else return null;
  }
  return churned.length > 0 && stayed.length > 0 ? { churned, stayed } : null;
}
