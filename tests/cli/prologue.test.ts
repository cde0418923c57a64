/**
 * What every command says before it reads a file: `--help` prints the help (exit 0), a command group
 * without its subcommand prints it too (exit 2), and a missing or extra positional argument is
 * refused with the command's own message (exit 2). One helper (src/cli/args.ts) gives all of these;
 * this table holds each command to the words it has always used.
 */
import { HELP } from '../../src/cli/main';
import { runCli } from '../support/generated';

describe('the commands\' prologue', () => {
  it.each([
    ['reconcile', '--help'],
    ['match-suspense', '--help'],
    ['verify', '--help'],
    ['sign', '--help'],
    ['payments', '--help'],
    ['balance-cash', '--help'],
    ['bank-check', '--help'],
    ['dd', '--help'],
    ['dd', 'check', '--help'],
    ['dd', 'collect', '--help'],
    ['dd', 'report', '--help'],
    ['dd', 'submission', '--help'],
    ['factoring', '--help'],
    ['factoring', 'bill', '--help'],
    ['factoring', 'arrears', '--help'],
    ['factoring', 'nopl', '--help'],
    ['factoring', 'writeoffs', '--help'],
    ['factoring', 'report', '--help'],
    ['actions', '--help'],
    ['actions', 'request', '--help'],
    ['actions', 'amend', '--help'],
    ['actions', 'approve', '--help'],
    ['actions', 'reject', '--help'],
    ['actions', 'list', '--help'],
    ['actions', 'export', '--help'],
    ['refunds', '--help'],
    ['refunds', 'candidates', '--help'],
  ].map((args) => [args.join(' '), args] as const))('%s prints the help and exits 0', async (_title, args) => {
    const run = await runCli([...args]);
    expect(run).toEqual({ code: 0, stdout: `${HELP}\n`, stderr: '' });
  });

  it.each([['dd'], ['factoring'], ['actions'], ['refunds']])('%s without a subcommand prints the help and exits 2', async (group) => {
    expect(await runCli([group])).toEqual({ code: 2, stdout: `${HELP}\n`, stderr: '' });
  });

  it.each([
    [['reconcile'], 'reconcile needs a workbook: housing-ledger reconcile WORKBOOK.xlsx --period YYYY-MM'],
    [['reconcile', 'a.xlsx', 'b.xlsx'], "unexpected argument 'b.xlsx'"],
    [['match-suspense'], 'match-suspense needs a workbook: housing-ledger match-suspense WORKBOOK.xlsx'],
    [['verify'], 'verify needs an audit workbook: housing-ledger verify AUDIT.xlsx [--sources WORKBOOK.xlsx] [--json]'],
    [['verify', 'a.xlsx', 'b.xlsx'], "unexpected argument 'b.xlsx'"],
    [['sign', '--as', 'preparer', '--name', 'Sam'], 'sign needs an audit workbook: housing-ledger sign AUDIT.xlsx --as preparer|reviewer --name NAME [--reason TEXT]'],
    [['sign', 'a.xlsx', 'b.xlsx', '--as', 'preparer', '--name', 'Sam'], "unexpected argument 'b.xlsx'"],
    [['payments'], 'payments needs a file: housing-ledger payments FILE --profile NAME --accounts WORKBOOK.xlsx --out DIR'],
    [['payments', 'a.csv', 'b.csv'], "unexpected argument 'b.csv'"],
    [['balance-cash', 'x'], "unexpected argument 'x'"],
    [['bank-check', '--file', 'pairs.csv', 'x'], "bank-check --file takes no other arguments (got 'x')"],
    [['dd', 'check'], 'dd check needs one FILE: housing-ledger dd check FILE'],
    [['dd', 'check', 'a', 'b'], 'dd check needs one FILE: housing-ledger dd check FILE'],
    [['dd', 'collect', 'x'], "unexpected argument 'x'"],
    [['dd', 'report'], 'dd report needs one REPORT.xml: housing-ledger dd report REPORT.xml --mandates M --out DIR'],
    [['dd', 'submission', 'a', 'b'], 'dd submission needs one SUBMISSION.xml: housing-ledger dd submission SUBMISSION.xml --file BACS.txt'],
    [['factoring', 'bill'], 'factoring bill needs a workbook: housing-ledger factoring bill WORKBOOK.xlsx --quarter YYYY-Qn'],
    [['factoring', 'bill', 'a', 'b'], "unexpected argument 'b'"],
    [['factoring', 'arrears'], 'factoring arrears needs a workbook: housing-ledger factoring arrears WORKBOOK.xlsx --as-of YYYY-MM-DD'],
    [['factoring', 'nopl', 'a', 'b'], "unexpected argument 'b'"],
    [['factoring', 'report'], 'factoring report needs a workbook: housing-ledger factoring report WORKBOOK.xlsx --month YYYY-MM --out FILE.xlsx'],
    [['factoring', 'report', 'a', 'b'], "unexpected argument 'b'"],
    [['actions', 'amend'], 'actions amend needs one action ID'],
    [['actions', 'approve', 'A1', 'A2'], 'actions approve needs one action ID'],
    [['refunds', 'candidates'], 'refunds candidates needs one WORKBOOK.xlsx'],
    [['reconcile', '--nope'], "Unknown option '--nope'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--nope\"; try --help"],
  ])('%j is refused with its own message (exit 2)', async (args, message) => {
    const run = await runCli(args);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `housing-ledger: ${message}\n` });
  });
});
