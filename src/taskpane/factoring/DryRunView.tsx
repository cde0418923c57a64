/** The dry run as the officer reads it: errors with their cells, what was held back and why, the bills and the TMS working. */
import { Badge, Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { describeFactoringIssue } from '../../engine/factoring/messages';
import type { FactoringDryRun } from '../../engine/jobs/factoring-bill';
import { formatGBP } from '../../engine/money';

/** Bills shown in the pane; the released sheet and CSV hold every one. */
const SHOWN = 200;

export function DryRunView({ dry }: { readonly dry: FactoringDryRun }) {
  const errors = dry.issues.filter((i) => i.severity === 'error');
  const run = dry.run;
  return (
    <section aria-label="Dry run">
      {errors.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{errors.length} problem(s) in the register: nothing was billed</MessageBarTitle>
            <ul>
              {errors.map((i, k) => (
                <li key={k}>{describeFactoringIssue(i)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {dry.check && dry.check.tms.length > 0 && (
        <>
          <Subtitle2>Tenement Management Scheme shares</Subtitle2>
          <ul>
            {[...new Set(dry.check.tms.map((t) => `${t.block} ${t.heading}: ${t.working}`))].map((w) => (
              <li key={w}>
                <Caption1>{w}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
      {run && (
        <>
          <Body1>
            {run.quarter.label}: {run.bills.length} bill(s), {run.bills.filter((b) => b.final).length} final; billed {formatGBP(run.totals.billed)} (charges {formatGBP(run.totals.costs)}, fees{' '}
            {formatGBP(run.totals.fees)}, insurance {formatGBP(run.totals.insurance)}, admin {formatGBP(run.totals.adminFees)})
          </Body1>
          {run.heldBack.length > 0 && (
            <>
              <Subtitle2>Held back ({run.heldBack.length})</Subtitle2>
              <ul aria-label="Held back">
                {run.heldBack.map((h) => (
                  <li key={`${h.sheet}:${h.row}`}>
                    {h.invoiceRef} ({formatGBP(h.amount)}, row {h.row}): {h.text}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Table size="small" aria-label="Bills">
            <TableHeader>
              <TableRow>
                {['Owner', 'Property', 'Days', 'Charges', 'Fee', 'Insurance', 'Admin', 'Total'].map((h) => (
                  <TableHeaderCell key={h}>{h}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {run.bills.slice(0, SHOWN).map((b) => (
                <TableRow key={`${b.owner}/${b.property}`}>
                  <TableCell>
                    {b.owner} {b.final && <Badge appearance="tint">final</Badge>}
                  </TableCell>
                  <TableCell>{b.property}</TableCell>
                  <TableCell>{b.days}</TableCell>
                  <TableCell>{formatGBP(b.lines.reduce((t, l) => t + l.charge, 0) as typeof b.total)}</TableCell>
                  <TableCell>{formatGBP(b.managementFee)}</TableCell>
                  <TableCell>{formatGBP(b.insurance)}</TableCell>
                  <TableCell>{formatGBP(b.adminFee)}</TableCell>
                  <TableCell>{formatGBP(b.total)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {run.bills.length > SHOWN && <Caption1>The first {SHOWN} of {run.bills.length} bills are shown; the released bills hold every one.</Caption1>}
        </>
      )}
    </section>
  );
}
