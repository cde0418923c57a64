import type { IsoDate } from '../dates';
import { toPence } from '../money';
import type { Posting, SuspenseItem, Tenancy } from '../records';
import { MATCH_PASSES } from './match-passes';
import { DEFAULT_SUSPENSE_MATCH, matchSuspense } from './match-suspense';

const t = (account: string, property: string, tenant: string, end: string | null = null, address = '', postcode = ''): Tenancy => ({
  account, property, tenant, address, postcode, start: '2020-01-06' as IsoDate, end: end as IsoDate | null, weeklyCharge: toPence(10000), opening: toPence(0), closing: toPence(0), row: 2,
});
const ROLL = [t('00012345', 'P0000001', 'Jane Smith', null, '12 High Street, Leeds', 'LS6 2AB'), t('00067890', 'P0000002', 'John Brown & Mary Brown'), t('00055555', 'P0000003', 'Ann Old', '2025-01-05'), t('00055556', 'P0000003', 'Bob New')];
const item = (reference: string, payer = '', narrative = '', amount = 13_700): SuspenseItem => ({ item: 'S1', date: '2026-12-01' as IsoDate, amount: toPence(amount), reference, payer, narrative, channel: 'BANK', row: 2 });

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
    expect(m?.candidates[0]?.reasons[0]).toBe('payer SMITH is a tenant of account 00012345 and the narrative gives the address 12 High Street');
    expect(m?.decision).toBe('review');
  });

  it('automatic allocation can be switched off', () => {
    const [m] = matchSuspense([item('00012345')], ROLL, { autoMinScore: 0.9, autoMargin: 0.15, reviewMinScore: 0.5, autoAllocate: false });
    expect(m?.decision).toBe('review');
  });

  it('input order never changes the answer', () => {
    const items = [item('00012345'), { ...item('P0000003'), item: 'S2' }, { ...item('', '', 'RENT 00067890'), item: 'S3' }];
    const a = matchSuspense(items, ROLL);
    const b = matchSuspense([...items].reverse(), [...ROLL].reverse()).reverse();
    expect(b).toEqual(a);
  });
});

/** A roll for the evidence table: two Smiths one digit apart, a person with a former and a current tenancy. */
const ROLL2 = [
  ...ROLL,
  t('00012347', 'P0000011', 'Joan Smith'),
  t('00044444', 'P0000009', 'Peter Former', '2025-06-01'),
  t('00044445', 'P0000010', 'Peter Former'),
  t('00077777', 'P0000012', 'Alexa Lowe', null, '67 Ballarat Street', '4011'),
  t('00088888', 'P0000013', 'Theodore Morris', null, '5 Kent Road'),
];
const payment = (account: string, amount: number, category: Posting['category'], description: string, date = '2026-11-20'): Posting => ({
  date: date as IsoDate, account, code: category, category, amount: toPence(-amount), batch: 'B1', description, row: 2,
});

describe('matchSuspense: every kind of evidence in issue 4', () => {
  it.each([
    // reference repairs
    ['reference: exact', item('00012345', 'JANE SMITH'), 'auto', '00012345', /reference 00012345 is account 00012345/],
    ['reference: one digit substituted', item('00012395', 'JANE SMITH'), 'auto', '00012345', /with one digit different/],
    ['reference: two digits transposed', item('00012354', 'JANE SMITH'), 'auto', '00012345', /with two digits swapped/],
    ['reference: a digit dropped', item('0001245', 'JANE SMITH'), 'auto', '00012345', /with a digit dropped/],
    ['reference: a digit added', item('000123745', 'JANE SMITH'), 'auto', '00012345', /with a digit added/],
    ['reference: leading zeros stripped', item('12345', 'JANE SMITH'), 'auto', '00012345', /without its leading zeros/],
    ['reference: inside text', item('', 'JANE SMITH', 'SO RENT 00012345 FLAT 2'), 'auto', '00012345', /appears in the text/],
    ['reference: broken by spaces in the reference', item('0001 2345', 'JANE SMITH'), 'auto', '00012345', /reference 0001 2345 is account 00012345/],
    ['reference: broken by spaces inside text', item('RENT', 'JANE SMITH', 'FP RENT 0001 2345 FLAT 2'), 'auto', '00012345', /broken by spaces/],
    ['reference: the property ref instead of the account ref', item('P0000001', 'JANE SMITH'), 'auto', '00012345', /property ref P0000001/],
    ['reference: a former tenancy of the same person (both go to review)', item('00044444', 'PETER FORMER'), 'review', '00044445', /former tenancy of Peter Former, who now holds account 00044445/],
    // names, each with a reference one slip away (the name must agree before a repair is trusted)
    ['name: a title', item('00012354', 'MRS JANE SMITH'), 'auto', '00012345', /shares the surname/],
    ['name: an initial', item('00012354', 'J SMITH'), 'auto', '00012345', /shares the surname/],
    ['name: a misspelling with the first name', item('00012354', 'JANE SMTIH'), 'auto', '00012345', /has the first name, and a surname spelt or sounding alike/],
    ['name: phonetic (SMYTHE ~ SMITH) with the first name', item('00012354', 'JANE SMYTHE'), 'auto', '00012345', /has the first name, and a surname spelt or sounding alike/],
    ['name: token order', item('00012354', 'SMITH JANE'), 'auto', '00012345', /shares the surname/],
    ['name: the second of joint tenants', item('00067980', 'MARY BROWN'), 'auto', '00067890', /shares the surname of tenant John Brown & Mary Brown/],
    ['name: an initial that is not the tenant\'s is not enough for a repair', item('00012354', 'K SMITH'), 'review', '00012345', /payer K SMITH shares the surname but not the first name of tenant Jane Smith/],
    ['name: an initial and a misspelling are not enough for a repair', item('00012354', 'J SMTIH'), 'review', '00012345', /surnames spelt alike or sounding alike/],
    ['name: broken by a stray space', item('', 'ALEXA LO WE', '67 BALLARAT STREET WESTWOOD 4011'), 'auto', '00077777', /shares the surname of tenant Alexa Lowe/],
    ['name: a surname alone, with the street', item('', 'LOWE', 'RENT 67 BALLARAT ST'), 'review', '00077777', /payer LOWE is a tenant of account 00077777 and the narrative gives the address 67 Ballarat Street/],
    ['name: the first name, and a surname close in spelling (not alike)', item('', 'THEODORE MOSRIR', 'FP 5 KENT ROAD'), 'review', '00088888', /has the first name, and a surname close in spelling, of tenant Theodore Morris/],
    ['name: another first name at the tenant\'s postcode and house number (the household)', item('', 'SAM LOWE', '67 BALLARAT STREET WESTWOOD 4011'), 'auto', '00077777', /shares the surname but not the first name of tenant Alexa Lowe/],
    // postcode and house number
    ['postcode as the roll writes it (not a UK format), with the house number', item('', 'ALEXA LOWE', '67 BALLARAT STREET WESTWOOD 4011'), 'auto', '00077777', /postcode 4011 and house number 67 in the narrative/],
    ['postcode and house number, payer the tenant', item('', 'J SMITH', 'RENT 12 HIGH STREET LS6 2AB'), 'auto', '00012345', /postcode LS6 2AB and house number 12/],
    ['postcode without the house number', item('', 'J SMITH', 'RENT LS6 2AB'), 'review', '00012345', /postcode LS6 2AB in the narrative/],
    // amount
    ['amount: the weekly charge', item('', 'J SMITH', 'RENT LS6 2AB', 10_000), 'review', '00012345', /amount £100.00 is the weekly charge/],
    ['amount: a multiple of the weekly charge', item('', 'J SMITH', 'RENT LS6 2AB', 40_000), 'review', '00012345', /amount £400.00 is 4 x the weekly charge/],
    ['amount: the monthly equivalent', item('', 'J SMITH', 'RENT LS6 2AB', 43_333), 'review', '00012345', /monthly equivalent of the weekly charge of £100.00 \(x 52 \/ 12\)/],
    // status
    ['status: a reference to an ended tenancy', item('00055555', 'ANN OLD'), 'auto', '00055555', /tenancy ended on 05\/01\/2025, before the payment/],
    ['status: current', item('00012345', 'JANE SMITH'), 'auto', '00012345', /tenancy current/],
  ])('%s', (_name, it, decision, account, reason) => {
    const [m] = matchSuspense([it], ROLL2);
    expect(m?.decision).toBe(decision);
    const c = m?.candidates.find((x) => x.account === account);
    expect(c).toBeDefined();
    expect(c?.reasons.join(' | ')).toMatch(reason);
    if (decision === 'auto') expect(m?.account).toBe(account);
    else expect(m?.account).toBeNull();
  });

  it.each([
    ['the payer paid this account before under the same name', [payment('00012345', 13_700, 'BANK', 'FP J SMITH RENT')], /J SMITH paid this account before \(20\/11\/2026: FP J SMITH RENT\)/],
    ['the same amount by the same channel before', [payment('00012345', 13_700, 'BANK', 'Faster Payment')], /the account was paid £137.00 by BANK before \(20\/11\/2026\)/],
    ['the account\'s usual payment', [payment('00012345', 13_700, 'CASH', 'Cash office', '2026-11-06'), payment('00012345', 13_700, 'CASH', 'Cash office', '2026-11-13')], /amount £137.00 is the account's usual payment \(paid 2 times this period\)/],
  ])('history: %s lifts the candidate, with the reason in words', (_name, postings, reason) => {
    const it = item('00012354', 'J SMITH'); // 137.00, BANK
    const [without] = matchSuspense([it], ROLL2);
    const [withHistory] = matchSuspense([it], ROLL2, DEFAULT_SUSPENSE_MATCH, postings);
    const c = withHistory?.candidates.find((x) => x.account === '00012345');
    expect(c?.reasons.join(' | ')).toMatch(reason);
    expect(c?.score).toBeGreaterThan(without?.candidates.find((x) => x.account === '00012345')?.score ?? 1);
  });

  it('history after the payment, or of another account, is no evidence', () => {
    const it = item('00012354', 'J SMITH');
    const [a] = matchSuspense([it], ROLL2);
    const [b] = matchSuspense([it], ROLL2, DEFAULT_SUSPENSE_MATCH, [payment('00012345', 13_700, 'BANK', 'FP J SMITH', '2026-12-15'), payment('00067890', 13_700, 'BANK', 'FP J SMITH')]);
    expect(b?.candidates).toEqual(a?.candidates);
  });

  it.each([
    ['two account refs in the text, nobody named', item('', '', 'RENT 00012345 00067890'), ['00012345', '00067890']],
    ['a reference one digit from two Smiths, paid by a Smith', item('00012346', 'J SMITH'), ['00012345', '00012347']],
    ['a shared property ref, nobody named', item('P0000003'), ['00055556', '00055555']],
    ['a former tenancy and the same person\'s current one', item('00044444', 'PETER FORMER'), ['00044445', '00044444']],
  ])('a tie or near-tie is never automatic: %s', (_name, it, accounts) => {
    const [m] = matchSuspense([it], ROLL2);
    expect(m?.decision).toBe('review');
    expect(m?.account).toBeNull();
    expect(m?.candidates.slice(0, 2).map((c) => c.account).sort()).toEqual([...accounts].sort());
    const [best, second] = m?.candidates ?? [];
    expect((best?.score ?? 0) - (second?.score ?? 0)).toBeLessThan(DEFAULT_SUSPENSE_MATCH.autoMargin);
  });

  it.each([
    ['a higher auto minimum sends a clear item to review', { autoMinScore: 0.99 }, 'review'],
    ['a wider margin sends a clear item to review', { autoMargin: 0.6 }, 'review'],
    ['a review minimum above every score leaves no candidate', { reviewMinScore: 0.99, autoMinScore: 0.99 }, 'none'],
    ['automatic allocation switched off', { autoAllocate: false }, 'review'],
    ['the defaults', {}, 'auto'],
  ])('thresholds: %s', (_name, overrides, decision) => {
    const [m] = matchSuspense([item('00012354', 'J SMITH')], ROLL2, { ...DEFAULT_SUSPENSE_MATCH, ...overrides });
    expect(m?.decision).toBe(decision);
  });
});

describe('matchSuspense: a namesake', () => {
  it('an exact reference of Joan Smith paid by JANE SMITH goes to review beside Jane Smith\'s account one digit away', () => {
    const [m] = matchSuspense([item('00012347', 'JANE SMITH')], ROLL2);
    expect(m?.decision).toBe('review');
    expect(m?.candidates.slice(0, 2).map((c) => c.account).sort()).toEqual(['00012345', '00012347']);
    expect(m?.candidates.find((c) => c.account === '00012347')?.reasons).toContain('payer JANE SMITH shares the surname but not the first name of tenant Joan Smith');
  });
});

describe('matchSuspense: someone else paying', () => {
  it.each([
    ['exact reference, amount the weekly charge, same channel and amount before', item('00067890', 'JANE SMITH', '', 10_000), [payment('00067890', 10_000, 'BANK', 'Faster Payment')], 'review'],
    ['exact reference, minimum auto score configured at its floor', item('00067890', 'JANE SMITH', '', 20_000), [], 'review'],
    ['exact reference, the payer seen paying this account before (a relative who always pays)', item('00067890', 'JANE SMITH', '', 10_000), [payment('00067890', 10_000, 'BANK', 'FP JANE SMITH')], 'auto'],
  ])('%s: %s', (_name, it, postings, decision) => {
    const [m] = matchSuspense([it], ROLL2, { ...DEFAULT_SUSPENSE_MATCH, autoMinScore: 0.8 }, postings);
    expect(m?.decision).toBe(decision);
    expect(m?.candidates[0]?.account).toBe('00067890');
  });
});

describe('matchSuspense: the pass recorded for each candidate', () => {
  it.each([
    ['exact-reference', item('00012345', 'JANE SMITH'), '00012345'],
    ['reference-without-leading-zeros', item('12345', 'JANE SMITH'), '00012345'],
    ['property-reference', item('P0000001', 'JANE SMITH'), '00012345'],
    ['repaired-reference', item('00012354', 'JANE SMITH'), '00012345'],
    ['account-in-text', item('', 'JANE SMITH', 'SO RENT 00012345 FLAT 2'), '00012345'],
    ['property-in-text', item('RENT', 'JANE SMITH', 'RENT P0000001'), '00012345'],
    ['account-broken-in-text', item('RENT', 'JANE SMITH', 'FP RENT 0001 2345 FLAT 2'), '00012345'],
    ['postcode-and-house-number', item('', 'J SMITH', 'RENT 12 HIGH STREET LS6 2AB'), '00012345'],
    ['postcode', item('', 'J SMITH', 'RENT LS6 2AB'), '00012345'],
    ['name-and-address', item('', 'LOWE', 'RENT 67 BALLARAT ST'), '00077777'],
    ['name', item('', 'THEODORE MORRIS', 'FASTER PAYMENT'), '00088888'],
    ['house-and-street', item('', 'MOR RIS', 'FP 5 KENT ROAD'), '00088888'], // a name broken by a space: no name key finds it
    ['former-tenancy', item('00044444', 'PETER FORMER'), '00044445'],
  ])('%s', (pass, it, account) => {
    const [m] = matchSuspense([it], ROLL2, { ...DEFAULT_SUSPENSE_MATCH, reviewMinScore: 0 });
    expect(m?.candidates.find((c) => c.account === account)?.pass).toBe(pass);
  });

  it('every pass in the table has its own name and runs in its own place', () => {
    expect(new Set(MATCH_PASSES.map((p) => p.name)).size).toBe(MATCH_PASSES.length);
    expect(MATCH_PASSES.map((p) => p.order)).toEqual(MATCH_PASSES.map((_p, k) => k + 1));
  });

  it('the strongest evidence names the pass: a reference that is both an account and in the text is an exact reference', () => {
    const [m] = matchSuspense([item('00012345', 'JANE SMITH', 'RENT 00012345 LS6 2AB')], ROLL2);
    expect(m?.candidates[0]).toMatchObject({ account: '00012345', pass: 'exact-reference' });
  });
});
