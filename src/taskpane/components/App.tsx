/**
 * The task pane's first screen. The full flow (sources, settings, run, review, sign-off) is the next
 * issue; this says honestly what works today and where.
 */
import { Body1, Caption1, Card, CardHeader, MessageBar, MessageBarBody, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, minWidth: '280px' },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const STEPS: readonly [string, string][] = [
  ['Sources', 'the rent roll, transactions, GL and suspense sheets, recognised by their headers'],
  ['Settings', 'period, rent calendar, GL codes and your transaction codes'],
  ['Run', 'the reconciliation, off the main thread'],
  ['Review', 'differences, unmatched batches, account exceptions and reconciling items'],
  ['Sign-off', 'the audit pack written as new sheets, prepared and reviewed by two people'],
];

export function App({ officeReady }: { readonly officeReady: boolean }) {
  const styles = useStyles();
  return (
    <main className={styles.root} aria-labelledby="hl-title">
      <header>
        <Title3 as="h1" id="hl-title" block>
          Housing Ledger
        </Title3>
        <Body1 as="p" block>Month-end rent reconciliation to the general ledger, and suspense clearing.</Body1>
      </header>
      {!officeReady && (
        <MessageBar intent="info">
          <MessageBarBody>Excel is not connected: open this pane from Excel (Home, Reconcile) to work on a workbook.</MessageBarBody>
        </MessageBar>
      )}
      <Card>
        <CardHeader header={<Subtitle2 as="h2">How a month-end runs</Subtitle2>} />
        <ol className={styles.steps}>
          {STEPS.map(([name, what]) => (
            <li key={name}>
              <Body1>
                <strong>{name}</strong>: {what}
              </Body1>
            </li>
          ))}
        </ol>
        <Caption1>
          The step-by-step pane is being built. Today the reconciliation runs from the command line: npx housing-ledger reconcile
          WORKBOOK.xlsx --period YYYY-MM --out AUDIT.xlsx
        </Caption1>
      </Card>
    </main>
  );
}
