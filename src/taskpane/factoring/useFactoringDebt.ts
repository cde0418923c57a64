/**
 * The Factoring debt page's state (issue 16): the arrears, notices and write-offs as of a day, and
 * the month's P&L and KPI pack, each asked of the worker (the same jobs as the CLI). This hook keeps
 * what the person typed and what came back; it decides nothing.
 */
import { useCallback, useState } from 'react';
import type { SheetData } from '../../engine/cells';
import type { WriteoffStep } from '../../engine/jobs/factoring-writeoffs';
import { describeReportIssue } from '../../engine/factoring/report/messages';
import type { SheetSpec } from '../../engine/sheet-spec';
import type { FactoringDebtRequest, FactoringDebtResponse } from '../../worker/factoring-debt-request';
import type { ActionsLogPort } from '../actions/useAccountActions';

/** Sends a debt request to the worker (or, in tests, straight to the handler). */
export type RunFactoringDebt = (request: Omit<FactoringDebtRequest, 'id' | 'kind'>) => Promise<FactoringDebtResponse | null>;

export interface DebtState {
  readonly busy: boolean;
  /** The config's problems, or the report's located issues, in words. */
  readonly problems: readonly string[];
  readonly result: FactoringDebtResponse | null;
  /** What the last "Write report" did, in words. */
  readonly written: string | null;
}

const EMPTY: DebtState = { busy: false, problems: [], result: null, written: null };

export function useFactoringDebt(run: RunFactoringDebt, file: string, readSheets: () => Promise<readonly SheetData[]>, config: unknown, log: ActionsLogPort) {
  const [state, setState] = useState<DebtState>(EMPTY);
  const [asOf, setAsOf] = useState('');
  const [month, setMonth] = useState('');
  const [budget, setBudget] = useState<{ name: string; text: string } | null>(null);
  const show = useCallback(async () => {
    setState((s) => ({ ...s, busy: true }));
    let events;
    try {
      events = await log.load();
    } catch (e) {
      return setState((s) => ({ ...s, busy: false, problems: [`The write-offs' approval log could not be read: ${(e as Error).message}`] }));
    }
    const r = await run({ file, sheets: await readSheets(), asOf, config, writeoffs: { log: events, step: null } });
    setState({ busy: false, problems: r?.problems ?? [], result: r, written: null });
  }, [run, file, readSheets, asOf, config, log]);

  /** One step on the write-offs' log (propose, approve, reject); the job refuses what the rules refuse, and says why. */
  const writeoff = useCallback(
    async (step: WriteoffStep): Promise<string | null> => {
      setState((s) => ({ ...s, busy: true }));
      try {
        const judgedOn = await log.load();
        const r = await run({ file, sheets: await readSheets(), asOf, config, writeoffs: { log: judgedOn, step } });
        const w = r?.writeoffs ?? null;
        if (!r || !w || !w.ok) {
          setState((s) => ({ ...s, busy: false }));
          return w && !w.ok ? w.problems.join('; ') || 'the debt sheets have errors' : (r?.problems.join('; ') ?? 'no answer');
        }
        // Saved before it is shown: refused (nothing saved) when the log moved on since it was judged.
        await log.append(judgedOn, w.events);
        setState((s) => ({ ...s, busy: false, result: r }));
        return null;
      } catch (e) {
        setState((s) => ({ ...s, busy: false }));
        return (e as Error).message;
      }
    },
    [run, file, readSheets, asOf, config, log],
  );

  /** Asks for the month's pack and hands its sheets to `write` (the workbook) when the job gives them. */
  const writeReport = useCallback(
    async (write: (sheets: readonly SheetSpec[]) => Promise<void>) => {
      setState((s) => ({ ...s, busy: true, written: null }));
      const r = await run({ file, sheets: await readSheets(), asOf, config, report: { month, budget } });
      const report = r?.report ?? null;
      if (!r || !report) return setState((s) => ({ ...s, busy: false, problems: r?.problems ?? [] }));
      const errors = report.issues.filter((i) => i.severity === 'error');
      if (!report.ok || errors.length > 0) return setState((s) => ({ ...s, busy: false, problems: errors.map(describeReportIssue) }));
      await write(report.sheets);
      const charts = report.sheets.reduce((n, sheet) => n + (sheet.charts?.length ?? 0), 0);
      setState((s) => ({ ...s, busy: false, problems: [], written: `Wrote ${report.sheets.length} sheets (the P&L and KPIs with ${charts} charts, and the detail they read) for ${report.month}.` }));
    },
    [run, file, readSheets, asOf, config, month, budget],
  );

  return { state, asOf, setAsOf, month, setMonth, budget, setBudget, show, writeReport, writeoff };
}
