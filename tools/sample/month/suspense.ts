/**
 * Suspense: money received without a usable reference; some of it allocated to accounts in the
 * month.
 */
import { FIRST_NAMES, SURNAMES } from '../names';
import type { Calendar } from './calendar';
import { type Accounts, CAT, type Interner, type PostingStore, ST_FORMER, ST_ONGOING, type SuspenseItemModel } from './model';
import type { Rng } from './rng';
import type { SuspenseEvidence } from './types';

/**
 * `traps` (GenerateOptions.suspenseTraps; its own random stream): items whose evidence agrees on
 * only some things, and the look-alikes that make them dangerous (see addTraps).
 */
export function makeSuspense(a: Accounts, p: PostingStore, cal: Calendar, rng: Rng, descs: Interner, traps: Rng | null = null, howMany?: number): SuspenseItemModel[] {
  const count = howMany ?? Math.round(12 + 1.2 * Math.sqrt(a.n));
  const items: SuspenseItemModel[] = [];
  const ongoing: number[] = [];
  for (let i = 0; i < a.n; i++) if (a.status[i] === ST_ONGOING) ongoing.push(i);
  if (ongoing.length === 0 || cal.working.length === 0) return items;
  for (let k = 0; k < count; k++) {
    const before = rng.chance(0.35);
    const day = before ? cal.nextWorking(cal.start - rng.int(3, 120)) : rng.pick(cal.working);
    const acc = rng.chance(0.85) ? rng.pick(ongoing) : -1;
    const amount = acc >= 0 && rng.chance(0.6) ? a.weekly[acc]! * rng.pick([1, 1, 2, 4]) : rng.int(500, 60000);
    const channel = rng.pick([CAT.BANK, CAT.BANK, CAT.BANK, CAT.ALLPAY, CAT.ALLPAY, CAT.CASH, CAT.CARD]);
    const clue = acc >= 0 ? describeClue(a, acc, rng) : unidentifiable(rng);
    items.push({ ref: '', day: Math.min(day, cal.end), amount, account: acc, ...clue, channel, clearedDay: -1, listed: true, clearancePosting: -1, glLine: null });
  }
  if (traps) addTraps(a, cal, traps, ongoing, count, items);
  items.sort((x, y) => x.day - y.day);
  items.forEach((it, k) => (it.ref = `SUS${String(1000 + k).padStart(6, '0')}`));

  // Nearly half the identified items are allocated to their account during the month: a TRANSFER.
  for (const it of items) {
    if (it.account < 0 || !rng.chance(0.45)) continue;
    const from = Math.max(cal.start, it.day + 1);
    const options = cal.working.filter((d) => d >= from);
    if (options.length === 0) continue;
    it.clearedDay = rng.pick(options);
    it.clearancePosting = p.push(it.clearedDay, CAT.TRANSFER, -it.amount, it.account, descs.id(`Allocated from suspense item ${it.ref}`), 0);
    a.busy[it.account] = 1;
  }
  // Transfers between accounts ride in the same TRANSFER batches (a pair nets to nothing in the GL).
  const clearanceDays = [...new Set(items.filter((it) => it.clearedDay >= 0).map((it) => it.clearedDay))].sort((x, y) => x - y);
  if (clearanceDays.length > 0 && ongoing.length > 1) {
    const pairs = Math.max(1, Math.round(a.n / 500));
    for (let k = 0; k < pairs; k++) {
      const from = rng.pick(ongoing);
      let to = rng.pick(ongoing);
      if (to === from) to = ongoing[(ongoing.indexOf(from) + 1) % ongoing.length]!;
      const amount = rng.int(1000, 30000);
      const day = rng.pick(clearanceDays);
      p.push(day, CAT.TRANSFER, amount, from, descs.id(`Transfer to account ${a.ref[to]}`), 0);
      p.push(day, CAT.TRANSFER, -amount, to, descs.id(`Transfer from account ${a.ref[from]}`), 0);
    }
  }
  return items;
}

function payerVariant(full: string, rng: Rng): string {
  const space = full.indexOf(' ');
  const first = full.slice(0, space);
  const surname = full.slice(space + 1);
  switch (rng.int(0, 4)) {
    case 0:
      return `${first[0] ?? ''} ${surname}`.toUpperCase();
    case 1:
      return `${rng.pick(['MR', 'MRS', 'MS', 'MISS'])} ${first} ${surname}`.toUpperCase();
    case 2:
      return `${surname} ${first[0] ?? ''}`.toUpperCase();
    case 3: {
      if (surname.length < 4) return full.toUpperCase();
      // A misspelling: one letter of the surname changed.
      const pos = rng.int(1, surname.length - 1);
      const vowels = 'AEIOUY'.replace((surname[pos] ?? '').toUpperCase(), '');
      return `${first} ${surname.slice(0, pos)}${vowels[rng.int(0, vowels.length - 1)] ?? 'E'}${surname.slice(pos + 1)}`.toUpperCase();
    }
    default:
      return full;
  }
}

type Clue = Pick<SuspenseItemModel, 'evidence' | 'reference' | 'payer' | 'narrative'>;

function describeClue(a: Accounts, acc: number, rng: Rng): Clue {
  const ref = a.ref[acc] as string;
  const payer = payerVariant(a.firstTenant[acc] as string, rng);
  const digits = ref.split('');
  const r = rng.next();
  let evidence: SuspenseEvidence;
  let reference: string;
  if (r < 0.16) {
    evidence = 'one-digit-off';
    const pos = rng.int(2, 7);
    digits[pos] = String((Number(digits[pos]) + rng.int(1, 9)) % 10);
    reference = digits.join('');
  } else if (r < 0.3) {
    evidence = 'digits-swapped';
    const candidates = [2, 3, 4, 5, 6].filter((k) => digits[k] !== digits[k + 1]);
    const pos = candidates.length > 0 ? rng.pick(candidates) : 6;
    const t = digits[pos] as string;
    digits[pos] = digits[pos + 1] as string;
    digits[pos + 1] = t;
    reference = digits.join('');
  } else if (r < 0.4) {
    evidence = 'digit-missing';
    digits.splice(rng.int(2, 7), 1);
    reference = digits.join('');
  } else if (r < 0.52) {
    evidence = 'zeros-dropped';
    reference = ref.replace(/^0+/, '');
  } else if (r < 0.68) {
    evidence = 'ref-in-text';
    reference = rng.chance(0.5) ? `RENT ${ref} FLAT ${rng.int(1, 24)}` : `${ref} ${rng.pick(['RENT', 'ARREARS', 'HOUSING'])}`;
  } else if (r < 0.8) {
    evidence = 'property-ref';
    reference = a.property[acc] as string;
  } else {
    evidence = 'name-and-address';
    reference = rng.pick(['', 'RENT', 'HOUSING']);
  }
  const narrative =
    evidence === 'name-and-address'
      ? `${payer} RENT ${a.houseNo[acc]} ${(a.street[acc] as string).toUpperCase()} ${a.postcode[acc]}`
      : `${rng.pick(['FP', 'BGC', 'SO'])} ${payer} ${reference}`.trim();
  return { evidence, reference, payer, narrative };
}

export function unidentifiable(rng: Rng): Clue {
  const payer = `${rng.pick(['MR', 'MRS', 'MS'])} ${rng.pick(FIRST_NAMES)[0]} ${rng.pick(SURNAMES)}`.toUpperCase();
  const reference = rng.pick(['', 'RENT', 'PAYMENT', 'HOUSING', String(rng.int(1000, 9999))]);
  return { evidence: 'unidentifiable', reference, payer, narrative: `FP ${payer} ${reference}`.trim() };
}

/**
 * The traps that allocating on a name, an amount and one address clue opens, each with its truth:
 * - name and ONE address clue (the postcode, or the house number and street) and the charge as the
 *   amount ('name-and-address'), half of them with a namesake: another account whose tenant has
 *   the same name, at another address ('namesake');
 * - a household member with another surname paying with the postcode and the charge ('household-member');
 * - a former tenant of the same property paying by its property ref ('former-tenant'), and the
 *   current tenant of that property paying by it ('property-ref').
 * The roll is changed to match (a namesake's name, a former tenancy's property ref): names and
 * property refs only, never a balance.
 */
function addTraps(a: Accounts, cal: Calendar, rng: Rng, ongoing: readonly number[], count: number, items: SuspenseItemModel[]): void {
  const per = Math.max(2, Math.round(count / 6));
  const used = new Set<number>();
  const fresh = (list: readonly number[]): number => {
    for (let tries = 0; tries < 50; tries++) {
      const i = rng.pick(list as number[]);
      if (!used.has(i)) {
        used.add(i);
        return i;
      }
    }
    return -1;
  };
  const former: number[] = [];
  for (let i = 0; i < a.n; i++) if (a.status[i] === ST_FORMER) former.push(i);
  const push = (acc: number, evidence: SuspenseEvidence, reference: string, payer: string, narrative: string, amount: number): void => {
    const day = rng.pick(cal.working);
    const channel = rng.pick([CAT.BANK, CAT.BANK, CAT.ALLPAY, CAT.CARD]);
    items.push({ ref: '', day, amount, account: acc, evidence, reference, payer, narrative, channel, clearedDay: -1, listed: true, clearancePosting: -1, glLine: null });
  };
  const clueOf = (acc: number): string => (rng.chance(0.5) ? (a.postcode[acc] as string) : `${a.houseNo[acc]} ${(a.street[acc] as string).toUpperCase()}`);
  const charge = (acc: number): number => (a.weekly[acc] as number) * rng.pick([1, 1, 2, 4, 8]);
  for (let k = 0; k < per && ongoing.length > 4; k++) {
    const acc = fresh(ongoing);
    if (acc < 0) continue;
    const payer = payerVariant(a.firstTenant[acc] as string, rng);
    const namesake = k % 2 === 1 ? fresh(ongoing) : -1;
    if (namesake >= 0 && a.postcode[namesake] !== a.postcode[acc]) {
      a.tenant[namesake] = a.firstTenant[acc] as string;
      a.firstTenant[namesake] = a.firstTenant[acc] as string;
    }
    push(acc, namesake >= 0 ? 'namesake' : 'name-and-address', rng.pick(['', 'RENT']), payer, `${payer} RENT ${clueOf(acc)}`, charge(acc));
  }
  for (let k = 0; k < per && ongoing.length > 4; k++) {
    const acc = fresh(ongoing);
    if (acc < 0) continue;
    const surname = (a.firstTenant[acc] as string).split(' ').pop() ?? '';
    let other = rng.pick(SURNAMES);
    if (other.toUpperCase() === surname.toUpperCase()) other = `${other}SON`;
    const payer = `${rng.pick(FIRST_NAMES)[0]} ${other}`.toUpperCase();
    push(acc, 'household-member', '', payer, `${payer} RENT ${clueOf(acc)}`, charge(acc));
  }
  for (let k = 0; k < per && former.length > 0 && ongoing.length > 4; k++) {
    const gone = fresh(former);
    const now = fresh(ongoing);
    if (gone < 0 || now < 0) continue;
    a.property[gone] = a.property[now] as string;
    const payer = payerVariant(a.firstTenant[gone] as string, rng);
    push(gone, 'former-tenant', a.property[now] as string, payer, `FP ${payer} ${a.property[now]}`, rng.int(500, 30000));
    const current = payerVariant(a.firstTenant[now] as string, rng);
    push(now, 'property-ref', a.property[now] as string, current, `${rng.pick(['FP', 'BGC', 'SO'])} ${current} ${a.property[now]}`, charge(now));
  }
}
