/**
 * Problems of a file, one entry per reason and column (issue #6: never thousands of identical
 * lines). The importer counts its errors over the whole file (`ErrorGroup`, from the
 * plausibility report); listed issues without such counts (warnings) are grouped here.
 */
import type { ImportIssue, PreparedImport } from '../../lib/types.ts';

export type ErrorGroup = PreparedImport['plausibility']['skippedByReason'][number];

export interface IssueRow {
  readonly group: ErrorGroup;
  /** The first listed issue of the group (its line and value), or one made from the group. */
  readonly issue: ImportIssue;
}

const keyOf = (code: string, column: string | undefined): string => `${code}\u0000${column ?? ''}`;
const MAX_LINES = 10;

/** One row per (code, column): `groups` when the importer counted them, else grouped from `issues`. */
export function groupIssues(issues: readonly ImportIssue[], groups?: readonly ErrorGroup[]): IssueRow[] {
  const first = new Map<string, ImportIssue>();
  for (const issue of issues) {
    const k = keyOf(issue.code, issue.column);
    if (!first.has(k)) first.set(k, issue);
  }
  let list: ErrorGroup[];
  if (groups) list = [...groups];
  else {
    const byKey = new Map<string, { code: string; column?: string; count: number; lines: number[]; example: string }>();
    list = [];
    for (const issue of issues) {
      const k = keyOf(issue.code, issue.column);
      let g = byKey.get(k);
      if (!g) {
        g = { code: issue.code, ...(issue.column !== undefined ? { column: issue.column } : {}), count: 0, lines: [], example: issue.message };
        byKey.set(k, g);
        list.push(g);
      }
      g.count++;
      if (issue.line !== undefined && g.lines.length < MAX_LINES) g.lines.push(issue.line);
    }
  }
  return list.map((group) => ({
    group,
    issue: first.get(keyOf(group.code, group.column)) ?? {
      severity: 'error',
      code: group.code,
      message: group.example,
      ...(group.column !== undefined ? { column: group.column } : {}),
      ...(group.lines[0] !== undefined ? { line: group.lines[0] } : {}),
    },
  }));
}
