import type { IsoDate } from '../dates';
import { toPence } from '../money';
import type { SuspenseItem, Tenancy } from '../records';
import { matchSuspense } from './match-suspense';

const t = (account: string, property: string, tenant: string, end: string | null = null): Tenancy => ({
  account, property, tenant, address: '', postcode: '', start: '2020-01-06' as IsoDate, end: end as IsoDate | null, weeklyCharge: toPence(10000), opening: toPence(0), closing: toPence(0), row: 2,
});
const ROLL = [t('00012345', 'P0000001', 'Jane Smith'), t('00067890', 'P0000002', 'John Brown & Mary Brown'), t('00055555', 'P0000003', 'Ann Old', '2025-01-05'), t('00055556', 'P0000003', 'Bob New')];
const item = (reference: string, payer = '', narrative = ''): SuspenseItem => ({ item: 'S1', date: '2026-12-01' as IsoDate, amount: toPence(20000), reference, payer, narrative, channel: 'BANK', row: 2 });

describe('matchSuspense', () => {
  it.each([
    ['the exact account ref', item('00012345', 'J SMITH'), 'auto', '00012345', /reference 00012345 is account 00012345/],
    ['the ref without its leading zeros', item('12345', 'JANE SMITH'), 'auto', '00012345', /without its leading zeros/],
    ['the ref inside text', item('', 'MR BROWN', 'RENT 00067890 FLAT 2'), 'auto', '00067890', /appears in the text/],
    ['a property ref with one current tenancy', item('P0000001', 'J SMITH'), 'review', null, /property ref P0000001/],
    ['nothing usable', item('', 'A N OTHER', 'FASTER PAYMENT'), 'none', null, null],
  ])('%s', (_name, it, decision, account, reason) => {
    const [m] = matchSuspense([it], ROLL);
    expect(m?.decision).toBe(decision);
    expect(m?.account).toBe(account);
    if (reason) expect(m?.candidates[0]?.reasons.join(' ')).toMatch(reason);
    else expect(m?.candidates).toEqual([]);
  });

  it('never allocates automatically when two candidates are close (a shared property ref)', () => {
    const [m] = matchSuspense([item('P0000003', 'BOB NEW')], ROLL);
    expect(m?.decision).toBe('review');
    expect(m?.account).toBeNull();
    expect(m?.candidates.map((c) => c.account)).toEqual(['00055556', '00055555']); // the current tenancy first
  });

  it('a payer who does not share a surname lowers the score', () => {
    const [a] = matchSuspense([item('00012345', 'J SMITH')], ROLL);
    const [b] = matchSuspense([item('00012345', 'K PATEL')], ROLL);
    expect((b?.score ?? 0) < (a?.score ?? 0)).toBe(true);
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
