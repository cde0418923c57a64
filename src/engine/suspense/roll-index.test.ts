/**
 * The roll's indexes, built for speed, answer as the plain forms they replaced: name words as the
 * replace-and-split they were, refs compared as capitals without spaces or punctuation, lists per
 * key in roll order, and an account found by its compared ref whichever look-up the roll gets.
 */
import fc from 'fast-check';
import type { Tenancy } from '../records';
import { nameWords } from './name-likeness';
import { indexRoll, norm, TenancyLists } from './roll-index';

const TITLES = new Set(['MR', 'MRS', 'MS', 'MISS', 'DR', 'MX', 'REV']);
const wordsAsBefore = (name: string): string[] =>
  name.toUpperCase().replace(/[^A-Z\s]/g, ' ').split(/\s+/).filter((w) => w !== '' && !TITLES.has(w));
const normAsBefore = (ref: string): string => ref.toUpperCase().replace(/[\s\-./_]/g, '');

const tenancy = (account: string, extra: Partial<Tenancy> = {}): Tenancy =>
  ({ account, property: '', tenant: '', address: '', postcode: '', start: null, end: null, weeklyCharge: 0, opening: 0, closing: 0, row: 2, ...extra }) as Tenancy;

describe('the roll index', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'Z', 'm', ' ', '\t', '\u00a0', "'", '-', '.', '/', '_', '0', '7', 'é', 'ß', 'ﬁ', '&', 'r', 's', 'M', 'R', 'D'), maxLength: 24 });

  it('reads name words as the replace-and-split did, titles left out', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string({ maxLength: 24 })), (name) => expect(nameWords(name)).toEqual(wordsAsBefore(name))));
    expect(nameWords("Mrs Zoë O'Brien-Smith")).toEqual(['ZO', 'O', 'BRIEN', 'SMITH']);
  });

  it('compares refs as capitals without spaces or punctuation', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string({ maxLength: 12 })), (ref) => expect(norm(ref)).toBe(normAsBefore(ref))));
  });

  it('keeps each key’s tenancies in roll order, one or many', () => {
    const lists = new TenancyLists();
    const [a, b, c] = [tenancy('1'), tenancy('2'), tenancy('3')];
    lists.add('LS62AB', a);
    lists.add('BD11AA', b);
    lists.add('LS62AB', c);
    expect(lists.get('LS62AB')).toEqual([a, c]);
    expect(lists.get('BD11AA')).toEqual([b]);
    expect(lists.get('XX')).toBeUndefined();
  });

  it('finds an account by its compared ref, on a numbered roll and on any other', () => {
    const numbered = [tenancy('00100003'), tenancy('00100013'), tenancy('00100016')];
    const index = indexRoll(numbered);
    expect(index.byAccount.get('00100013')).toBe(numbered[1]);
    expect(index.byAccount.get('100013')).toBeUndefined();
    expect(index.zeroPaddedLengths).toEqual([8]);
    const lettered = [tenancy('ab-12', { property: 'p 1', postcode: 'ls6 2ab', address: '12 High Street', tenant: 'Jane Smith & John Smith' }), tenancy('AB13')];
    const other = indexRoll(lettered);
    expect(other.byAccount.get('AB12')).toBe(lettered[0]);
    expect(other.byAccount.get('AB13')).toBe(lettered[1]);
    expect(other.byProperty.get('P1')).toEqual([lettered[0]]);
    expect(other.byPostcode.get('LS62AB')).toEqual([lettered[0]]);
    expect(other.byHouse.get('12|HIGH')).toEqual([lettered[0]]);
    expect(other.byNameKey.get('SM0|J')).toEqual([lettered[0], lettered[0]]);
  });
});
