/** The GL: control account 1100, suspense 1190, and the other side of every journal. */
import type { Category } from '../../../src/engine/categories';
import type { Calendar } from './calendar';
import { BATCH_WINDOW, GL_BAD_DEBT, GL_BANK, GL_BANK_CHARGES, GL_CONTROL, GL_INCOME, GL_SUSPENSE } from './conventions';
import { type Accounts, type Batch, type GlLine, type GlModel, type SuspenseItemModel, catName } from './model';
import { Rng, hashString } from './rng';

const CONTRA: readonly string[] = [GL_INCOME, GL_BANK, GL_BANK, GL_BANK, GL_BANK, GL_BANK, GL_BANK, GL_BANK, GL_BAD_DEBT, GL_BANK, GL_SUSPENSE, GL_INCOME];
const GL_WORDS: readonly string[] = [
  'Debit run',
  'Housing Benefit schedule',
  'UC managed payments schedule',
  'Direct Debit collection',
  'Allpay file',
  'Cash office banking',
  'Bank statement receipts',
  'Card settlement',
  'Write-offs approved',
  'Tenant refunds',
  'Suspense allocations and transfers',
  'Rent account adjustments',
];

interface Entry {
  readonly account: string;
  readonly source: Category | 'OPENING';
  readonly description: string;
  readonly net: number;
  readonly unmatched?: boolean;
}

export function makeGl(batches: Batch[], a: Accounts, suspense: SuspenseItemModel[], cal: Calendar, seed: number): GlModel {
  const lines: GlLine[] = [];
  let group = 0;
  const journal = (day: number, entries: readonly Entry[], ref = ''): GlLine[] => {
    const g = group++;
    const out = entries.map((e): GlLine => ({ day, account: e.account, journal: ref, source: e.source, description: e.description, net: e.net, group: g, unmatched: e.unmatched ?? false, index: -1 }));
    lines.push(...out);
    return out;
  };

  // Balances brought forward: the control account equals the rent roll's opening balances.
  const ym = `${cal.year}${String(cal.month).padStart(2, '0')}`;
  let opening = 0;
  for (let i = 0; i < a.n; i++) opening += a.opening[i]!;
  journal(cal.start, [{ account: GL_CONTROL, source: 'OPENING', description: 'Balance brought forward', net: opening }], `BF${ym}`);
  let suspenseOpening = 0;
  for (const s of suspense) if (s.day < cal.start) suspenseOpening += s.amount;
  journal(cal.start, [{ account: GL_SUSPENSE, source: 'OPENING', description: 'Balance brought forward', net: -suspenseOpening }], `BF${ym}`);

  let wrongLine: GlLine | null = null;
  let duplicateLines: [GlLine, GlLine] | null = null;
  for (const b of batches) {
    if (b.fate === 'missing' || b.fate === 'timing') continue;
    // The interface posts the same day or a few working days later, never beyond the window or the period.
    const r = new Rng(seed, hashString(`${b.ref}:${b.cat}`)).next();
    let lag = r < 0.5 ? 0 : r < 0.8 ? 1 : r < 0.92 ? 2 : 3;
    let glDay = lag === 0 ? b.day : cal.addWorking(b.day, lag);
    while (lag > 0 && (glDay - b.day > BATCH_WINDOW || glDay > cal.end)) {
      lag--;
      glDay = lag === 0 ? b.day : cal.addWorking(b.day, lag);
    }
    b.glDay = glDay;
    const amount = b.fate === 'wrong' ? b.keyed : b.amount;
    const words = `${GL_WORDS[b.cat]} ${b.ref}`;
    const source = catName(b.cat);
    const entries: Entry[] = [
      { account: GL_CONTROL, source, description: words, net: amount, unmatched: b.fate === 'wrong' },
      { account: CONTRA[b.cat] as string, source, description: words, net: -amount },
    ];
    const posted = journal(glDay, entries);
    if (b.fate === 'wrong') wrongLine = posted[0] as GlLine;
    if (b.fate === 'duplicated') {
      const copy = journal(glDay, [{ ...(entries[0] as Entry), unmatched: true }, entries[1] as Entry]);
      duplicateLines = [posted[0] as GlLine, copy[0] as GlLine];
    }
  }

  // Money without a usable reference: Dr bank, Cr suspense, a line per receipt.
  for (const s of suspense) {
    if (s.day < cal.start) continue;
    const words = `Unidentified receipt ${s.ref} ${s.payer}`;
    const source = catName(s.channel);
    s.glLine = journal(s.day, [
      { account: GL_SUSPENSE, source, description: words, net: -s.amount },
      { account: GL_BANK, source, description: words, net: s.amount },
    ])[0] as GlLine;
  }

  // Lines on other accounts only, which the reconciliation must ignore.
  if (cal.working.length > 0) {
    const last = cal.working[cal.working.length - 1] as number;
    const feeRng = new Rng(seed, 11);
    const fee = feeRng.int(2500, 4000) + Math.round(a.n / 10);
    journal(last, [
      { account: GL_BANK_CHARGES, source: 'ADJUST', description: 'Bank charges', net: fee },
      { account: GL_BANK, source: 'ADJUST', description: 'Bank charges', net: -fee },
    ]);
    const commission = feeRng.int(1500, 3000) + Math.round(a.n / 4);
    journal(last, [
      { account: GL_BANK_CHARGES, source: 'ALLPAY', description: 'Allpay transaction charges', net: commission },
      { account: GL_BANK, source: 'ALLPAY', description: 'Allpay transaction charges', net: -commission },
    ]);
  }

  // Journals are numbered in date order; the export lists lines by date, then journal.
  const groupDay: number[] = [];
  for (const l of lines) groupDay[l.group] = l.day;
  const groups = groupDay.map((_, g) => g).sort((x, y) => (groupDay[x] as number) - (groupDay[y] as number) || x - y);
  const numberOf = new Int32Array(groups.length);
  groups.forEach((g, k) => (numberOf[g] = k));
  const base = 40000 + ((cal.year * 12 + cal.month) % 50) * 1000;
  for (const l of lines) if (l.journal === '') l.journal = `JNL${String(base + numberOf[l.group]!).padStart(6, '0')}`;
  lines.sort((x, y) => x.day - y.day || numberOf[x.group]! - numberOf[y.group]!);
  lines.forEach((l, k) => (l.index = k));
  return { lines, wrongLine, duplicateLines };
}
