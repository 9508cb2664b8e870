/**
 * What the client report remembers per workspace (issue #14 item 3): the chosen sections, the
 * segment attribute and the paper size. Kept in localStorage, not in the workspace settings:
 * it is a choice of this browser's consultant, and the storage schema has no field for it.
 * Reading is forgiving (unknown sections, a broken entry: the defaults).
 */

export const REPORT_SECTIONS = ['retention', 'churn', 'segments', 'clv', 'satisfaction'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export type Paper = 'a4' | 'letter';

export interface ReportChoice {
  /** In REPORT_SECTIONS order. */
  readonly sections: readonly ReportSection[];
  /** The attribute of the segments section; null = the default (plan, else the first). */
  readonly segmentKey: string | null;
  readonly paper: Paper;
}

export const DEFAULT_CHOICE: ReportChoice = Object.freeze({ sections: Object.freeze(['retention', 'churn'] as ReportSection[]), segmentKey: null, paper: 'a4' });

const KEY_PREFIX = 'keepwise.report.';

/** The stored text of a choice back as a choice; anything unreadable gives the defaults. */
export function parseChoice(text: string | null): ReportChoice {
  if (text === null) return DEFAULT_CHOICE;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return DEFAULT_CHOICE;
  }
  if (raw === null || typeof raw !== 'object') return DEFAULT_CHOICE;
  const r = raw as Record<string, unknown>;
  const listed = Array.isArray(r.sections) ? r.sections.filter((s): s is string => typeof s === 'string') : null;
  const sections = listed === null ? DEFAULT_CHOICE.sections : REPORT_SECTIONS.filter((s) => listed.includes(s));
  const segmentKey = typeof r.segmentKey === 'string' && r.segmentKey !== '' ? r.segmentKey : null;
  const paper: Paper = r.paper === 'letter' ? 'letter' : 'a4';
  return { sections, segmentKey, paper };
}

/** A choice as stored (sections in REPORT_SECTIONS order, so one choice is one text). */
export function serializeChoice(choice: ReportChoice): string {
  return JSON.stringify({ sections: REPORT_SECTIONS.filter((s) => choice.sections.includes(s)), segmentKey: choice.segmentKey, paper: choice.paper });
}

/** The choice remembered for a workspace in this browser (the defaults when none, or storage is unavailable). */
export function loadChoice(workspaceId: string): ReportChoice {
  try {
    return parseChoice(localStorage.getItem(KEY_PREFIX + workspaceId));
  } catch {
    return DEFAULT_CHOICE;
  }
}

/** Remembers a workspace's choice; storage being unavailable (privacy modes) is not fatal. */
export function saveChoice(workspaceId: string, choice: ReportChoice): void {
  try {
    localStorage.setItem(KEY_PREFIX + workspaceId, serializeChoice(choice));
  } catch {
    // the choice still holds while the page is open
  }
}
