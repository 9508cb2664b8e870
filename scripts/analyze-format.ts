/**
 * The readable (non-JSON) report of `npm run analyze`: per file the kind, the dialect and the
 * mapping with the reason for each choice, the plausibility report, then the totals and the
 * retention table.
 */
import type { AnalyzeReport, FileReport } from './analyze-lib.ts';

const pct = (x: number | null): string => (x === null ? 'n/a' : `${x.toFixed(2)} %`);

const shownDelimiter = (d: string): string => (d === '\t' ? 'tab' : d);

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

const REASONS: Record<string, string> = {
  preset: 'the export layout',
  header: 'header name',
  'header-contains': 'header contains a known name',
  values: 'its values',
  'email-key': 'no id column: e-mail as the customer key',
  'name-key': 'no id column: name as the customer key (names can collide)',
  chosen: 'chosen by you',
};

/** The decisions and the plausibility report of one file. */
function fileSection(f: FileReport): string[] {
  const lines: string[] = [`${f.file}: ${f.kind}${f.preset ? ` (recognised: ${f.preset})` : ''}`];
  const ev = f.evidence ?? {};
  const header = f.headerLine === 0 ? 'none (columns named by position)' : `line ${f.headerLine ?? 1}`;
  lines.push(
    `  encoding   ${f.encoding}${ev.encoding ? ` (${ev.encoding})` : ''}`,
    `  delimiter  ${shownDelimiter(f.delimiter)}${ev.delimiter ? ` (${ev.delimiter})` : ''}`,
    `  header     ${header}${ev.headerRow && ev.headerRow !== 'first line' ? ` (${ev.headerRow})` : ''}`,
    `  decimal    ${f.decimal}${ev.decimal ? ` (${ev.decimal})` : ''}`,
    `  dates      ${f.dateOrder}${ev.dateOrder ? ` (${ev.dateOrder})` : ''}`,
  );
  if (f.currency) lines.push(`  currency   ${f.currency}`);
  lines.push('  columns:');
  for (const [h, field] of Object.entries(f.mapping)) {
    const why = f.reasons?.[h];
    lines.push(`    ${h} -> ${field ?? '(ignored)'}${field && why ? `  [${REASONS[why] ?? why}]` : ''}`);
  }
  const p = f.plausibility;
  if (p) {
    const parts = [`${p.rows} ${p.kind === 'orders' ? 'orders' : 'rows'}`, `${p.customers} customers`];
    if (p.kind === 'orders') parts.push(`revenue ${p.revenue === null ? 'n/a (no amounts)' : p.revenue.toFixed(2)}`);
    if (p.mrr !== null) parts.push(`MRR ${p.mrr.toFixed(2)}`);
    if (p.linesPerOrder !== null && p.linesPerOrder > 1) parts.push(`${p.linesPerOrder.toFixed(2)} lines per order`);
    if (p.nps) parts.push(`NPS ${p.nps.nps.toFixed(2)} (${p.nps.responses} scores)`);
    parts.push(`dates ${p.firstDate ?? '-'} .. ${p.lastDate ?? '-'}`);
    lines.push(`  adds: ${parts.join(', ')}${p.skipped ? `; ${p.skipped} rows skipped` : ''}`);
    for (const g of p.skippedByReason) lines.push(`  skipped: ${g.count} x ${g.example}`);
    for (const n of p.notes) lines.push(`  ${n.severity === 'warning' ? 'WARNING' : 'note'}: ${n.message}`);
  }
  for (const w of f.warnings ?? []) lines.push(`  note: ${w}`);
  return lines;
}

/** The readable (non-JSON) report. */
export function formatReport(report: AnalyzeReport): string {
  const head = ['file', 'kind', 'rows', 'skipped', 'encoding', 'delimiter', 'decimal', 'date order'];
  const body = report.files.map((f) => [f.file, f.kind, String(f.rows), String(f.skipped), f.encoding, shownDelimiter(f.delimiter), f.decimal, f.dateOrder]);
  const lines = [table([head, ...body]), ''];
  for (const f of report.files) lines.push(...fileSection(f), '');
  lines.push(
    `customers: ${report.customers}`,
    `orders:    ${report.orders}`,
    `revenue:   ${report.revenue === null ? 'n/a (the files have no amounts)' : report.revenue}`,
    `dates:     ${report.firstDate ?? '-'} .. ${report.lastDate ?? '-'}`,
  );
  const r = report.retention;
  if (r) {
    lines.push('', `retention (${r.source}, ${r.period}s${r.window === null ? '' : `, W = ${r.window} days`}):`);
    const head = ['period', 'start', 'end', 'S', 'new', 'lost', 'reactivated', 'E', 'CRR', 'exact', 'churn'];
    const body = r.periods.map((p) => [p.period + (p.complete ? '' : '*'), p.start, p.end, String(p.S), String(p.new), String(p.lost), String(p.reactivated), String(p.E), pct(p.crr), pct(p.exact), pct(p.churnRate)]);
    lines.push(table([head, ...body]));
    if (r.periods.some((p) => !p.complete)) lines.push('* the period ends after the data does');
    const k = r.kpis;
    lines.push(
      '',
      `customers now (${k.asOf}): ${k.customersNow}`,
      `last complete period:  ${k.period ?? '-'} (CRR ${pct(k.crr)}, exact ${pct(k.exact)}, churn ${pct(k.churnRate)})`,
      `median lifetime:       ${k.medianLifetimeDays === null ? 'not reached' : `${k.medianLifetimeDays} days`}`,
    );
    if (k.nrr !== null || k.grr !== null) lines.push(`NRR / GRR:             ${pct(k.nrr)} / ${pct(k.grr)}`);
  }
  return lines.join('\n');
}
