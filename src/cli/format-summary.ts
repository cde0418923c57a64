/** The reconciliation summary as a person reads it in a terminal. */
import { CATEGORY_LABELS } from '../engine/categories';
import { formatUkDate } from '../engine/dates';
import type { InputIssue } from '../engine/issues';
import { describeIssue } from '../engine/messages';
import { formatGBP, type Pence } from '../engine/money';
import type { ReconcileResult } from '../engine/reconcile/types';
import type { Sources } from '../engine/sources/read-sources';

const WIDTH = 58;

function line(label: string, value: Pence): string {
  const v = formatGBP(value);
  return `  ${label.padEnd(WIDTH - v.length - 2, ' ')}${v}`;
}

export function formatSummary(r: ReconcileResult, sources: Sources, issues: readonly InputIssue[], glControl: string): string {
  const out: string[] = [];
  out.push(`Rent reconciliation ${r.period.label} (${formatUkDate(r.period.start)} to ${formatUkDate(r.period.end)}), system basis`);
  const rows = [
    sources.rentRoll && `rent roll '${sources.rentRoll.detection.sheet}' ${sources.rentRoll.rowCount} accounts`,
    sources.transactions && `transactions '${sources.transactions.detection.sheet}' ${sources.transactions.rowCount} postings`,
    sources.gl && `GL '${sources.gl.detection.sheet}' ${sources.gl.rowCount} lines`,
    sources.suspense ? `suspense '${sources.suspense.detection.sheet}' ${sources.suspense.rowCount} items` : 'no suspense sheet',
  ].filter(Boolean);
  out.push(`Sources: ${sources.file}: ${rows.join('; ')}`);
  out.push('');
  out.push('Roll-forward of the housing system');
  out.push(line('Opening balance (rent roll)', r.hms.opening));
  for (const c of r.components) if (c.hms !== 0) out.push(line(`${CATEGORY_LABELS[c.category]} (${c.category})`, c.hms));
  out.push(line('= Calculated closing balance', r.hms.calculatedClosing));
  out.push(line('Closing balance per rent roll', r.hms.reportedClosing));
  out.push('');
  out.push(`GL control account ${glControl}`);
  out.push(line('Opening balance', r.gl.opening));
  out.push(line('Movement in the period', r.gl.movement));
  out.push(line('= GL closing balance', r.gl.closing));
  out.push('');
  out.push(line('Difference (rent roll - GL)', r.difference));
  out.push(line(`Reconciling items counted (${r.reconcilingItems.filter((i) => i.accepted).length})`, r.reconcilingTotal));
  out.push(line('Unexplained difference', r.unexplained));
  out.push(`  Status: ${r.status}`);
  out.push('');
  const diffs = r.components.filter((c) => c.difference !== 0);
  if (diffs.length) out.push(`Components that differ: ${diffs.map((c) => `${c.category} ${formatGBP(c.difference)}`).join(', ')}`);
  const hms = r.unmatchedBatches.filter((u) => u.side === 'hms').length;
  out.push(`Unmatched batches: ${r.unmatchedBatches.length} (housing system ${hms}, GL ${r.unmatchedBatches.length - hms})`);
  for (const u of r.unmatchedBatches.slice(0, 12)) {
    out.push(`  ${u.side === 'hms' ? 'HMS' : 'GL '} ${formatUkDate(u.date)} ${u.category.padEnd(8)} ${formatGBP(u.amount).padStart(14)}  ${u.side === 'hms' ? `batch ${u.batch}` : `journal ${u.journal}`}`);
  }
  if (r.unmatchedBatches.length > 12) out.push(`  ... and ${r.unmatchedBatches.length - 12} more (see the audit workbook)`);
  const kinds = new Map<string, number>();
  for (const e of r.accountExceptions) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  out.push(`Account exceptions: ${r.accountExceptions.length}${kinds.size ? ` (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`);
  for (const e of r.accountExceptions.slice(0, 12)) out.push(`  ${e.account.padEnd(12)} ${e.kind.padEnd(24)} ${e.note}`);
  if (r.accountExceptions.length > 12) out.push(`  ... and ${r.accountExceptions.length - 12} more (see the audit workbook)`);
  const over = r.suspense.items.filter((i) => i.overLimit).length;
  out.push(
    `Suspense: GL balance ${formatGBP(r.suspense.glBalance)}, items ${formatGBP(r.suspense.itemsTotal)}, difference ${formatGBP(r.suspense.difference)}; ${over} item(s) held over ${r.suspense.ageLimitDays} days`,
  );
  if (r.reconcilingItems.length) {
    out.push('Reconciling items:');
    for (const i of r.reconcilingItems) out.push(`  ${i.ref} ${i.type.padEnd(8)} ${formatGBP(i.amount).padStart(14)} ${i.accepted ? '' : '(not counted) '}${i.explanation}`);
  }
  const shown = issues.filter((i) => i.severity !== 'info');
  if (shown.length) {
    out.push(`Issues (${shown.length}):`);
    for (const i of shown.slice(0, 10)) out.push(`  ${describeIssue(i)}`);
  }
  return out.join('\n');
}
