import fc from 'fast-check';
import { canonicalJson, digestOf } from './canonical';
import { appendEvent, chainHead, GENESIS, verifyChain, type ChainedEvent } from './chain';
import { personKey, samePerson } from './people';

describe('canonical digest', () => {
  it('does not depend on key order, and changes with any value', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }] })).toBe('{"a":[{"c":null,"d":"x"}],"b":1}');
    expect(digestOf({ a: 1, b: 2 })).toBe(digestOf({ b: 2, a: 1 }));
    expect(digestOf({ a: 1, b: 2 })).not.toBe(digestOf({ a: 1, b: 3 }));
    expect(digestOf({ amount: 44597 })).toMatch(/^[0-9a-f]{64}$/);
  });
  it('refuses what is not plain data', () => {
    expect(() => canonicalJson({ m: new Map() })).toThrow(/not plain data/);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/finite/);
  });
  it('property: equal data in any key order gives one digest', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(digestOf(reversed)).toBe(digestOf(obj));
      }),
    );
  });
});

describe('hash chain', () => {
  const build = (n: number): ChainedEvent[] => {
    const events: ChainedEvent[] = [];
    for (let i = 0; i < n; i++) events.push(appendEvent(events, { at: `2026-12-0${(i % 9) + 1}T10:00:00Z`, actor: 'Alex', event: 'item-added', amount: 100 * i }));
    return events;
  };
  it('links each event to the one before', () => {
    const events = build(3);
    expect(events[0]?.prev).toBe(GENESIS);
    expect(events[1]?.prev).toBe(events[0]?.hash);
    expect(chainHead(events)).toBe(events[2]?.hash);
    expect(verifyChain(events)).toEqual({ intact: true, events: 3 });
  });
  it('finds an edited, a removed and a reordered event', () => {
    const events = build(4);
    const edited = events.map((e, i) => (i === 1 ? { ...e, amount: 999 } : e));
    expect(verifyChain(edited)).toMatchObject({ intact: false, brokenAt: 1, why: 'hash' });
    const removed = [events[0], events[2], events[3]] as ChainedEvent[];
    expect(verifyChain(removed)).toMatchObject({ intact: false, brokenAt: 1, why: 'prev' });
    const swapped = [events[0], events[2], events[1], events[3]] as ChainedEvent[];
    expect(verifyChain(swapped)).toMatchObject({ intact: false, brokenAt: 1 });
  });
});

describe('same person', () => {
  it.each([
    ["J. O'Neill", 'j oneill', true],
    ['Zoë Müller', 'zoe muller', true],
    ['Alex Preparer', 'ALEX  PREPARER', true],
    ['Alex Preparer', 'Alexa Preparer', false],
    ['', '', false],
  ])('%s vs %s -> %s', (a, b, same) => {
    expect(samePerson(a, b)).toBe(same);
  });
  it('keys names to letters and digits', () => {
    expect(personKey(' Sam-Taylor 2 ')).toBe('samtaylor2');
  });
});
