/**
 * The dd check job: a Standard 18 file re-read and verified (record lengths, field rules, dates,
 * contras, totals and counts), each finding located by line and position. Exit 0 when it passes,
 * 1 with findings, 2 when the file is empty.
 */
import { checkStandard18, type Std18Finding, type Std18Summary } from '../dd/standard18-check';
import { parseHolidays } from '../dd/working-days';
import { formatPence, type Pence } from '../money';

export interface DdCheckResult {
  readonly findings: readonly Std18Finding[];
  readonly summary: Std18Summary;
  readonly passes: boolean;
  readonly exitCode: 0 | 1 | 2;
  readonly text: string;
  readonly json: unknown;
}

/** Checks the file's text against the Bacs working days of the holiday list given. */
export function runDdCheck(fileText: string, holidaysText: string, file = 'file'): DdCheckResult {
  const { calendar } = parseHolidays(holidaysText);
  const check = checkStandard18(fileText, calendar);
  const empty = fileText.trim() === '';
  const s = check.summary;
  const money = (p: number): string => formatPence(p as Pence);
  const head = `${file}: ${check.passes ? 'passes' : 'FAILS'} the Standard 18 check; processing day ${s.processingDay ?? '(unreadable)'}; ${s.debits.count} debit(s) ${money(s.debits.value)}, ${s.credits.count} contra(s) ${money(s.credits.value)}, ${s.ddis} instruction(s)`;
  const lines = check.findings.map((f) => `${file}:${f.line}:${f.position}: ${f.severity} ${f.code}: ${f.message}`);
  return {
    findings: check.findings,
    summary: s,
    passes: check.passes && !empty,
    exitCode: empty ? 2 : check.passes ? 0 : 1,
    text: [head, ...lines].join('\n'),
    json: {
      file,
      passes: check.passes && !empty,
      processingDay: s.processingDay,
      serviceUserNumber: s.sun,
      debits: { count: s.debits.count, value: money(s.debits.value) },
      credits: { count: s.credits.count, value: money(s.credits.value) },
      instructions: s.ddis,
      findings: check.findings,
    },
  };
}
