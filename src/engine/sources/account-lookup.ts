/**
 * Each rent-roll account -> its position on the roll: the look-up every posting makes that does not
 * follow the roll's order (payments, adjustments: about a third of a month's postings).
 *
 * Housing systems number accounts: "00100629", the same number of digits on every account, close
 * together. For such a roll the look-up is a table indexed by the account's number (a typed array of
 * positions, 3.5 MB for the generator's 125,000 accounts) instead of a map of 125,000 strings: reading eight
 * digits costs less than hashing the text and probing a table that does not fit in the cache, and
 * building it costs a fraction of the map. Any other roll (letters, mixed lengths, numbers far apart)
 * gets the map. Both answer exactly as a map of the exact account texts would: among strings of one
 * length made only of digits, the number is the text, so "100629" never finds "00100629" (the
 * leading-zero fallback is the reconciliation's own, separate rule).
 */

export interface AccountLookup {
  /** The position of the account whose text is exactly `ref`, or undefined. */
  get(ref: string): number | undefined;
  /** How many accounts it holds. */
  readonly size: number;
}

/** Longer digit strings could exceed what a double holds exactly; they get the map. */
const MAX_DIGITS = 15;
/**
 * The table is used when it has at most this many slots per account (plus a small allowance), and
 * never more than MAX_SLOTS (16 MB): numbering leaves gaps (closed accounts, check digits), and the
 * generator's rolls use about one number in seven.
 */
const SLOTS_PER_ACCOUNT = 16;
const SLOT_ALLOWANCE = 4096;
const MAX_SLOTS = 4_000_000;

/** The number a text of exactly `length` ASCII digits stands for, or -1. */
function digitsValue(text: string, length: number): number {
  if (text.length !== length) return -1;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

class NumberTable implements AccountLookup {
  constructor(
    private readonly positions: Int32Array,
    private readonly min: number,
    private readonly length: number,
    readonly size: number,
  ) {}

  get(ref: string): number | undefined {
    const n = digitsValue(ref, this.length);
    if (n < this.min) return undefined; // also -1: not digits of the right length
    const at = this.positions[n - this.min];
    return at === undefined || at < 0 ? undefined : at;
  }
}

/**
 * The look-up over a roll's accounts, which must be unique (a roll with a repeated account never
 * reaches the reconciliation). `accounts[i]` is the account at position i.
 */
export function accountLookup(accounts: readonly string[]): AccountLookup {
  const table = numberTable(accounts);
  if (table) return table;
  const map = new Map<string, number>();
  for (let i = 0; i < accounts.length; i++) map.set(accounts[i] as string, i);
  return map;
}

function numberTable(accounts: readonly string[]): NumberTable | null {
  const first = accounts[0];
  if (first === undefined || first.length === 0 || first.length > MAX_DIGITS) return null;
  const length = first.length;
  const values = new Float64Array(accounts.length);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < accounts.length; i++) {
    const n = digitsValue(accounts[i] as string, length);
    if (n < 0) return null;
    values[i] = n;
    if (n < min) min = n;
    if (n > max) max = n;
  }
  const slots = max - min + 1;
  if (slots > accounts.length * SLOTS_PER_ACCOUNT + SLOT_ALLOWANCE || slots > MAX_SLOTS) return null;
  const positions = new Int32Array(slots).fill(-1);
  for (let i = 0; i < accounts.length; i++) positions[(values[i] as number) - min] = i;
  return new NumberTable(positions, min, length, accounts.length);
}
