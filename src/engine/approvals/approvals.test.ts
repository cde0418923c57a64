import { parseConfig } from '../config';
import { toPence } from '../money';
import { actionStates, amendAction, approveAction, postedLines, rejectAction, requestAction, type StepResult } from './approvals';
import { DEFAULT_APPROVALS, type ApprovalsConfig } from './approvals-config';
import type { ActionEvent, ActionRequestBody } from './types';

const refund = (pounds: number): ActionRequestBody => ({
  kind: 'refund',
  reason: 'Former tenant in credit after the final HB payment',
  evidence: ['Forwarding address letter 01/12/2026'],
  amount: toPence(pounds * 100),
  accounts: ['T0042'],
  postings: [{ account: 'T0042', code: 'REFUND', category: 'REFUND', amount: toPence(pounds * 100), description: 'Refund of credit' }],
  details: {},
});

function ok(r: StepResult, log: ActionEvent[]): ActionEvent[] {
  if (!r.ok) throw new Error(`refused: ${r.code} ${r.message}`);
  return [...log, ...r.events];
}

const at = (day: number, hour = 10): string => `2026-12-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

describe('approval engine', () => {
  const cfg = DEFAULT_APPROVALS;
  it('refuses an approval by the person who asked, however the name is typed, and posts nothing', () => {
    const log = ok(requestAction([], { id: 'A1', by: "Jo O'Neill", at: at(1), request: refund(120) }, cfg), []);
    const r = approveAction(log, { id: 'A1', by: 'jo oneill', at: at(2) }, cfg);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe('approval.same-person');
    expect(postedLines(log)).toEqual([]);
    expect(actionStates(log, cfg)[0]?.status).toBe('awaiting-approval');
  });

  it('posts only after approval, dated the day of the approval', () => {
    let log = ok(requestAction([], { id: 'A1', by: 'Jo Bloggs', at: at(1), request: refund(120) }, cfg), []);
    expect(postedLines(log)).toEqual([]);
    log = ok(approveAction(log, { id: 'A1', by: 'Sam Lee', at: at(3) }, cfg), log);
    expect(actionStates(log, cfg)[0]?.status).toBe('approved');
    expect(postedLines(log)).toEqual([expect.objectContaining({ account: 'T0042', amount: 12000, date: '2026-12-03', actionId: 'A1', kind: 'refund' })]);
  });

  it('a refund over £500 waits for a second, different approver', () => {
    let log = ok(requestAction([], { id: 'A1', by: 'Jo Bloggs', at: at(1), request: refund(650) }, cfg), []);
    log = ok(approveAction(log, { id: 'A1', by: 'Sam Lee', at: at(2) }, cfg), log);
    expect(actionStates(log, cfg)[0]?.status).toBe('awaiting-second-approval');
    expect(postedLines(log)).toEqual([]);
    const again = approveAction(log, { id: 'A1', by: 'SAM  LEE', at: at(2, 11) }, cfg);
    expect(!again.ok && again.code).toBe('approval.already-approved-by');
    log = ok(approveAction(log, { id: 'A1', by: 'Priya Shah', at: at(4) }, cfg), log);
    expect(actionStates(log, cfg)[0]?.status).toBe('approved');
    expect(postedLines(log)).toHaveLength(1);
    expect(postedLines(log)[0]?.date).toBe('2026-12-04');
  });

  it('a refund of exactly £500 needs one approver', () => {
    let log = ok(requestAction([], { id: 'A1', by: 'Jo Bloggs', at: at(1), request: refund(500) }, cfg), []);
    log = ok(approveAction(log, { id: 'A1', by: 'Sam Lee', at: at(2) }, cfg), log);
    expect(actionStates(log, cfg)[0]?.status).toBe('approved');
  });

  it('holds each approver to their role limit from the config', () => {
    const parsed = parseConfig({ approvals: { approvers: { 'Sam Lee': 'officer', 'Priya Shah': 'manager' }, limits: { officer: { refund: '250.00' }, manager: { '*': '5000' } } } });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const c: ApprovalsConfig = parsed.config.approvals;
    const log = ok(requestAction([], { id: 'A1', by: 'Jo Bloggs', at: at(1), request: refund(300) }, c), []);
    const officer = approveAction(log, { id: 'A1', by: 'Sam Lee', at: at(2) }, c);
    expect(!officer.ok && officer.code).toBe('approval.over-limit');
    expect(!officer.ok && officer.message).toContain('£250.00');
    const stranger = approveAction(log, { id: 'A1', by: 'Pat Doe', at: at(2) }, c);
    expect(!stranger.ok && stranger.code).toBe('approval.not-an-approver');
    const manager = approveAction(log, { id: 'A1', by: 'priya shah', at: at(2) }, c);
    expect(manager.ok && manager.state.status).toBe('approved');
    expect(manager.ok && manager.state.approvals[0]?.role).toBe('manager');
  });

  it('binds an approval to the digest: an amendment voids it, a stale digest is refused', () => {
    let log = ok(requestAction([], { id: 'A1', by: 'Jo Bloggs', at: at(1), request: refund(650) }, cfg), []);
    const seen = actionStates(log, cfg)[0]?.digest as string;
    log = ok(approveAction(log, { id: 'A1', by: 'Sam Lee', at: at(2) }, cfg), log);
    log = ok(amendAction(log, { id: 'A1', by: 'Jo Bloggs', at: at(2, 12), request: refund(700), note: 'final HB adjusted' }, cfg), log);
    const s = actionStates(log, cfg)[0];
    expect(s?.approvals).toEqual([]);
    expect(s?.status).toBe('awaiting-approval');
    const stale = approveAction(log, { id: 'A1', by: 'Priya Shah', at: at(3), digest: seen }, cfg);
    expect(!stale.ok && stale.code).toBe('approval.stale');
    log = ok(approveAction(log, { id: 'A1', by: 'Priya Shah', at: at(3), digest: s?.digest as string }, cfg), log);
    expect(actionStates(log, cfg)[0]?.status).toBe('awaiting-second-approval');
  });

  it('an approved or rejected action is final', () => {
    let log = ok(requestAction([], { id: 'A1', by: 'Jo Bloggs', at: at(1), request: refund(20) }, cfg), []);
    log = ok(approveAction(log, { id: 'A1', by: 'Sam Lee', at: at(2) }, cfg), log);
    expect(amendAction(log, { id: 'A1', by: 'Jo Bloggs', at: at(3), request: refund(10), note: '' }, cfg)).toMatchObject({ ok: false, code: 'action.final' });
    expect(rejectAction(log, { id: 'A1', by: 'Priya Shah', at: at(3), note: 'no' }, cfg)).toMatchObject({ ok: false, code: 'action.final' });
    log = ok(requestAction(log, { id: 'A2', by: 'Jo Bloggs', at: at(1), request: refund(20) }, cfg), log);
    expect(rejectAction(log, { id: 'A2', by: 'Sam Lee', at: at(2) }, cfg)).toMatchObject({ ok: false, code: 'action.invalid' });
    log = ok(rejectAction(log, { id: 'A2', by: 'Sam Lee', at: at(2), note: 'Arrears on another account' }, cfg), log);
    expect(approveAction(log, { id: 'A2', by: 'Priya Shah', at: at(3) }, cfg)).toMatchObject({ ok: false, code: 'action.final' });
    expect(postedLines(log).map((p) => p.actionId)).toEqual(['A1']);
  });

  it('refuses to act on a log that has been edited', () => {
    const log = ok(requestAction([], { id: 'A1', by: 'Jo Bloggs', at: at(1), request: refund(20) }, cfg), []);
    const edited = [{ ...log[0], by: 'Sam Lee' } as ActionEvent];
    expect(approveAction(edited, { id: 'A1', by: 'Sam Lee', at: at(2) }, cfg)).toMatchObject({ ok: false, code: 'log.broken' });
  });

  it('refuses a duplicate id, an empty reason and a zero amount', () => {
    const log = ok(requestAction([], { id: 'A1', by: 'Jo Bloggs', at: at(1), request: refund(20) }, cfg), []);
    expect(requestAction(log, { id: 'A1', by: 'Jo Bloggs', at: at(1), request: refund(20) }, cfg)).toMatchObject({ ok: false, code: 'action.duplicate-id' });
    expect(requestAction(log, { id: 'A2', by: 'Jo Bloggs', at: at(1), request: { ...refund(20), reason: ' ' } }, cfg)).toMatchObject({ ok: false, code: 'action.invalid' });
    expect(requestAction(log, { id: 'A2', by: 'Jo Bloggs', at: at(1), request: refund(0) }, cfg)).toMatchObject({ ok: false, code: 'action.invalid' });
  });

  it('the config section is optional and validated', () => {
    const none = parseConfig({});
    expect(none.ok && none.config.approvals.secondApproverOver.refund).toBe(50000);
    const bad = parseConfig({ approvals: { limits: { officer: { refund: '1.234' } } } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.join(' ')).toMatch(/approvals\.limits\.officer\.refund/);
  });
});

describe('actions file', () => {
  it('round-trips through JSON, and refuses an edited event or a dropped one', async () => {
    const { actionsFileText, emptyActionsFile, isAppendOnly, readActionsFile } = await import('./actions-file');
    let log = ok(requestAction([], { id: 'A1', by: 'Jo Bloggs', at: '2026-12-01T10:00:00Z', request: refund(20) }, DEFAULT_APPROVALS), []);
    log = ok(approveAction(log, { id: 'A1', by: 'Sam Lee', at: '2026-12-02T10:00:00Z' }, DEFAULT_APPROVALS), log);
    const text = actionsFileText({ ...emptyActionsFile(), events: log });
    const back = readActionsFile(JSON.parse(text));
    expect(back.ok && back.file.events).toEqual(log);
    const tampered = JSON.parse(text) as { events: { request?: { amount: number } }[] };
    (tampered.events[0] as { request: { amount: number } }).request.amount = 99999;
    const r = readActionsFile(tampered);
    expect(!r.ok && r.problems[0]).toMatch(/events\.0: .*edited/);
    expect(isAppendOnly(log, log.slice(0, 1))).toBe(false);
    expect(isAppendOnly(log.slice(0, 1), log)).toBe(true);
  });
});
