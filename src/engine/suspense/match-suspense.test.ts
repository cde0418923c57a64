import type { IsoDate } from '../dates';
import { toPence } from '../money';
import type { SuspenseItem, Tenancy } from '../records';
import { matchSuspense } from './match-suspense';

const t = (account: string, property: string, tenant: string, end: string | null = null, address = '', postcode = ''): Tenancy => ({
  account, property, tenant, address, postcode, start: '2020-01-06' as IsoDate, end: end as IsoDate | null, weeklyCharge: toPence(10000), opening: toPence(0), closing: toPence(0), row: 2,
});
const ROLL = [t('00012345', 'P0000001', 'Jane Smith', null, '12 High Street, Leeds', 'LS6 2AB'), t('00067890', 'P0000002', 'John Brown & Mary Brown'), t('00055555', 'P0000003', 'Ann Old', '2025-01-05'), t('00055556', 'P0000003', 'Bob New')];
const item = (reference: string, payer = '', narrative = ''): SuspenseItem => ({ item: 'S1', date: '2026-12-01' as IsoDate, amount: toPence(20000), reference, payer, narrative, channel: 'BANK', row: 2 });

describe('matchSuspense', () => {
  it.each([
    ['the exact account ref', item('00012345', 'J SMITH'), 'auto', '00012345', /reference 00012345 is account 00012345/],
    ['the ref without its leading zeros', item('12345', 'JANE SMITH'), 'auto', '00012345', /without its leading zeros/],
    ['the ref inside text', item('', 'MR BROWN', 'RENT 00067890 FLAT 2'), 'auto', '00067890', /appears in the text/],
    ['a property ref, paid by its current tenant', item('P0000001', 'J SMITH'), 'auto', '00012345', /property ref P0000001/],
    ['a property ref, paid by someone else', item('P0000001', 'K PATEL'), 'review', null, /property ref P0000001/],
    ['postcode, house number and the tenant as payer in the narrative', item('', 'J SMITH', 'J SMITH RENT 12 HIGH STREET LS6 2AB'), 'auto', '00012345', /postcode LS6 2AB and house number 12/],
    ['the postcode alone, no payer name', item('', '', 'RENT LS6 2AB'), 'review', null, /postcode LS6 2AB in the narrative/],
    ['the postcode with someone else as payer', item('', 'A N OTHER', 'RENT LS6 2AB'), 'none', null, null],
    ['nothing usable', item('', 'A N OTHER', 'FASTER PAYMENT'), 'none', null, null],
  ])('%s', (_name, it, decision, account, reason) => {
    const [m] = matchSuspense([it], ROLL);
    expect(m?.decision).toBe(decision);
    expect(m?.account).toBe(account);
    if (reason) expect(m?.candidates[0]?.reasons.join(' ')).toMatch(reason);
    else expect(m?.candidates).toEqual([]);
  });

  it.each([
    ['two digits swapped', '00012354', 'J SMITH', /00012345 with two digits swapped/],
    ['one digit different', '00012395', 'J SMITH', /00012345 with one digit different/],
    ['a digit dropped', '0012345', 'J SMITH', /00012345 with a digit dropped|without its leading zeros/],
    ['a digit added', '000123455', 'J SMITH', /00012345 with a digit added/],
  ])('a reference with %s is repaired, and allocated when the payer is the tenant', (_name, ref, payer, reason) => {
    const [m] = matchSuspense([item(ref, payer)], ROLL);
    expect(m?.candidates[0]?.account).toBe('00012345');
    expect(m?.candidates[0]?.reasons.join(' ')).toMatch(reason);
    expect(m?.decision).toBe('auto');
  });

  it('a typo that lands on another live account is never allocated when the payer is someone else', () => {
    // 00067890 is John Brown's account; the payer is Jane Smith
    const [m] = matchSuspense([item('00067890', 'JANE SMITH')], ROLL);
    expect(m?.decision).toBe('review');
    expect(m?.account).toBeNull();
  });

  it('a repaired reference alone, without the payer agreeing, is only for review', () => {
    const [m] = matchSuspense([item('00012354', 'K PATEL')], ROLL);
    expect(m?.decision).not.toBe('auto');
  });

  it('never allocates automatically when two candidates are close (a shared property ref)', () => {
    const [m] = matchSuspense([item('P0000003')], ROLL);
    expect(m?.decision).toBe('review');
    expect(m?.account).toBeNull();
    expect(m?.candidates.map((c) => c.account)).toEqual(['00055556', '00055555']); // the current tenancy first
  });

  it('a payer who does not share a surname lowers the score', () => {
    const [a] = matchSuspense([item('00012345', 'J SMITH')], ROLL);
    const [b] = matchSuspense([item('00012345', 'K PATEL')], ROLL);
    expect((b?.score ?? 0) < (a?.score ?? 0)).toBe(true);
  });

  it('a payer whose surname is spelt or sounds alike supports the candidate, with the reason in words', () => {
    const [m] = matchSuspense([item('00012345', 'J SMYTH')], ROLL);
    expect(m?.candidates[0]?.reasons).toContain('payer J SMYTH ~ tenant Jane Smith (surnames spelt alike or sounding alike)');
    const [exact] = matchSuspense([item('00012345', 'J SMITH')], ROLL);
    const [other] = matchSuspense([item('00012345', 'K PATEL')], ROLL);
    expect((other?.score ?? 0) < (m?.score ?? 0) && (m?.score ?? 0) < (exact?.score ?? 0)).toBe(true);
  });

  it.each([
    ['JANE SMYTH', 'auto'], // first name the same, surname sounding alike
    ['SMYTH J', 'review'], // an initial and a surname alike: not enough for a repaired reference
    ['PATEL', 'review'],
  ])('a repaired reference with payer %p: %p', (payer, decision) => {
    const [m] = matchSuspense([item('00012354', payer)], ROLL);
    expect(m?.candidates.map((c) => c.account)).toContain('00012345');
    expect(m?.decision).toBe(decision);
  });

  it('finds an account from the payer name and the street in the narrative, for review only', () => {
    const [m] = matchSuspense([item('', 'SMITH JANE', 'FP 12 HIGH STREET')], ROLL);
    expect(m?.candidates[0]?.account).toBe('00012345');
    expect(m?.candidates[0]?.reasons[0]).toBe('payer SMITH JANE is a tenant of account 00012345 and the narrative gives the address 12 High Street');
    expect(m?.decision).toBe('review');
    const [nameOnly] = matchSuspense([item('', 'JANE SMITH', 'FASTER PAYMENT')], ROLL);
    expect(nameOnly?.decision).toBe('review');
    expect(nameOnly?.score).toBeLessThan(0.9);
  });

  it('finds an account from the house number and street when the payer gives only a surname, for review only', () => {
    const [m] = matchSuspense([item('', 'SMITH', 'RENT 12 HIGH ST')], ROLL);
    expect(m?.candidates[0]?.account).toBe('00012345');
    expect(m?.candidates[0]?.reasons[0]).toBe('the narrative gives the address of account 00012345 (12 High Street)');
    expect(m?.decision).toBe('review');
  });

  it('automatic allocation can be switched off', () => {
    const [m] = matchSuspense([item('00012345')], ROLL, { autoThreshold: 0.9, autoMargin: 0.15, reviewThreshold: 0.5, autoEnabled: false });
    expect(m?.decision).toBe('review');
  });

  it('input order never changes the answer', () => {
    const items = [item('00012345'), { ...item('P0000003'), item: 'S2' }, { ...item('', '', 'RENT 00067890'), item: 'S3' }];
    const a = matchSuspense(items, ROLL);
    const b = matchSuspense([...items].reverse(), [...ROLL].reverse()).reverse();
    expect(b).toEqual(a);
  });
});
