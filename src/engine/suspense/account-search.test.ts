import type { IsoDate } from '../dates';
import { toPence } from '../money';
import type { Tenancy } from '../records';
import { accountSearchIndex, searchAccounts } from './account-search';

const t = (account: string, property: string, tenant: string, postcode: string, end: string | null = null): Tenancy => ({
  account, property, tenant, address: `1 Street`, postcode, start: '2020-01-06' as IsoDate, end: end as IsoDate | null, weeklyCharge: toPence(10_000), opening: toPence(0), closing: toPence(0), row: 2,
});
const ROLL = [
  t('00012345', 'P0000001', 'Jane Smith', 'LS6 2AB'),
  t('00012346', 'P0000002', 'John Smith', 'LS6 2AD'),
  t('00012399', 'P0000003', 'Mary Brown & John Brown', 'M20 6DD'),
  t('00099999', 'P0000004', 'Jane Smyth', 'S26 6GJ'),
  t('00012300', 'P0000005', 'Ann Old', 'LS6 2AB', '2025-01-05'),
];
const INDEX = accountSearchIndex(ROLL);

describe('searching the rent roll for an account', () => {
  it.each([
    ['an exact account ref', '00012345', 10, ['00012345']],
    ['a ref prefix: current tenancies first', '000123', 10, ['00012345', '00012346', '00012399', '00012300']],
    ['a property ref', 'P0000004', 10, ['00099999']],
    ['a postcode, spaces ignored', 'ls62ab', 10, ['00012345', '00012300']],
    ['a postcode district', 'LS6', 10, ['00012345', '00012346', '00012300']],
    ['a surname, then names sounding alike', 'smith', 10, ['00012345', '00012346', '00099999']],
    ['a name in any order, the last word a prefix', 'smith ja', 10, ['00012345']],
    ['a joint tenant', 'john brown', 10, ['00012399']],
    ['names that sound alike, when nothing matches exactly', 'jane smithe', 10, ['00012345', '00012346', '00099999']],
    ['a surname alone, top 2: the exact ones', 'smith', 2, ['00012345', '00012346']],
    ['top N', '000123', 2, ['00012345', '00012346']],
    ['nothing', 'zzzz', 10, []],
    ['an empty query', '  ', 10, []],
  ])('%s: %p', (_name, query, n, accounts) => {
    expect(searchAccounts(INDEX, query, n).map((h) => h.account)).toEqual(accounts);
  });

  it('says how each account was found, and whether the tenancy has ended', () => {
    expect(searchAccounts(INDEX, '00012300', 1)[0]).toEqual({ account: '00012300', tenant: 'Ann Old', address: '1 Street', postcode: 'LS6 2AB', ended: true, matchedBy: 'reference 00012300' });
    expect(searchAccounts(INDEX, 'smith', 1)[0]?.matchedBy).toBe("tenant's name has SMITH");
  });

  it('the index is plain data', () => {
    expect(JSON.parse(JSON.stringify(INDEX))).toEqual(INDEX);
  });
});
