/**
 * Write-offs through the approval engine: the candidates (a debt prescribing within a year), the
 * proposal's evidence, a second approver above the configured amount, and nothing posted until the
 * final approval.
 */
import { toApprovalsConfig } from '../../src/engine/approvals';
import { runFactoringWriteoffs, type FactoringWriteoffs } from '../../src/engine/jobs/factoring-writeoffs';
import { debtWorkbook } from './debt-support';

const config = { pfNumber: 'PF000123', landlordOwnerRef: null, managementFee: 0, adminFee: 0, sampleSize: 1 } as never;
// O1's £120 fell due on 10/03/2022: five years on is 10/03/2027, within a year of 31/12/2026.
// O2's £80 fell due on 01/01/2022 but O2 paid £10 on 20/02/2022: prescription runs from then, to 20/02/2027.
// O3's £500 fell due on 01/06/2024: 01/06/2029, not a candidate.
const sheets = debtWorkbook([
  ['O1', 'P1', '2022-02-10', '2022-03-10', 'BILL', 120, 'Q4-2021', 'N'],
  ['O2', 'P2', '2021-12-01', '2022-01-01', 'BILL', 80, 'Q3-2021', 'N'],
  ['O2', 'P2', '2022-02-20', '', 'PAYMENT', -10, 'cash', 'N'],
  ['O3', 'P3', '2024-05-01', '2024-06-01', 'BILL', 500, 'Q1-2024', 'N'],
]);
const ok = (r: FactoringWriteoffs) => {
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r;
};

describe('factoring write-offs', () => {
  const approvals = toApprovalsConfig({ secondApproverOver: { 'factoring-writeoff': '100.00' } });
  const base = { file: 't.xlsx', sheets, asOf: '2026-12-31', config, approvals };

  it('lists as candidates the accounts with a debt prescribing within a year', () => {
    const r = ok(runFactoringWriteoffs({ ...base, log: [], step: null }));
    expect(r.candidates.map((c) => [c.owner, c.prescribesOn])).toEqual([['O1', '2027-03-10'], ['O2', '2027-02-20']]);
  });

  it('needs two different approvers above the configured amount, and posts only after the second', () => {
    const asked = ok(runFactoringWriteoffs({ ...base, log: [], step: { kind: 'propose', owner: 'O1', property: 'P1', reason: 'Owner untraced since 2023', evidence: ['tracing agent report 14/11/2026'], by: 'Fiona Reid', at: '2027-01-05T10:00:00Z' } }));
    expect(asked.schedule).toEqual([expect.objectContaining({ id: 'fwo-O1-P1-2026-12-31', amount: 12000, prescribesOn: '2027-03-10', status: 'awaiting-approval', history: ['10/02/2022 BILL 120.00 due 10/03/2022 Q4-2021'] })]);
    expect(asked.postingsCsv.trim().split('\r\n')).toHaveLength(1);

    const first = ok(runFactoringWriteoffs({ ...base, log: asked.events, step: { kind: 'approve', id: 'fwo-O1-P1-2026-12-31', by: 'Morag Bell', at: '2027-01-06T10:00:00Z', note: '' } }));
    expect(first.schedule[0]?.status).toBe('awaiting-second-approval');
    expect(first.postingsCsv.trim().split('\r\n')).toHaveLength(1);

    const log = [...asked.events, ...first.events];
    const again = runFactoringWriteoffs({ ...base, log, step: { kind: 'approve', id: 'fwo-O1-P1-2026-12-31', by: 'morag bell', at: '2027-01-06T11:00:00Z', note: '' } });
    expect(again).toMatchObject({ ok: false, problems: [expect.stringContaining('second, different approver')] });

    const second = ok(runFactoringWriteoffs({ ...base, log, step: { kind: 'approve', id: 'fwo-O1-P1-2026-12-31', by: 'Iain Watt', at: '2027-01-07T09:00:00Z', note: 'Board 07/01/2027' } }));
    expect(second.schedule[0]).toMatchObject({ status: 'approved', approvedBy: ['Morag Bell', 'Iain Watt'], posted: '2027-01-07' });
    expect(second.postingsCsv.trim().split('\r\n')[1]).toBe('O1,P1,2027-01-07,,WRITEOFF,-120.00,fwo-O1-P1-2026-12-31,N');
  });

  it('a rejected write-off is never posted', () => {
    const asked = ok(runFactoringWriteoffs({ ...base, log: [], step: { kind: 'propose', owner: 'O3', property: 'P3', reason: 'small', evidence: [], by: 'Fiona Reid', at: '2027-01-05T10:00:00Z' } }));
    const rejected = ok(runFactoringWriteoffs({ ...base, log: asked.events, step: { kind: 'reject', id: 'fwo-O3-P3-2026-12-31', by: 'Morag Bell', at: '2027-01-06T10:00:00Z', note: 'pursue through the sheriff court' } }));
    expect(rejected.schedule[0]?.status).toBe('rejected');
    expect(rejected.postingsCsv.trim().split('\r\n')).toHaveLength(1);
  });
});
