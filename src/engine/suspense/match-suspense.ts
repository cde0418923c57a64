/**
 * Suspense matching: finds the account a suspense item belongs to. Candidates come only from
 * indexes over the rent roll (the reference and its one-slip neighbours, leading zeros padded back,
 * the property ref, a former tenancy's holder, the postcode, name keys, house number and street),
 * never from a scan. Each is then weighed on the payer's name, the amount, the account's payment
 * history and its status, every step a reason in words. A wrong automatic allocation moves one
 * tenant's money onto another's account (DOMAIN.md section 4), so `auto` needs one strong candidate
 * clearly ahead of the next, and someone else paying is never enough.
 *
 * The indexes over the roll are built in roll-index.ts; the passes' scores live in match-passes.ts, the
 * wording in messages.ts, names in name-likeness.ts and keying slips in reference-repairs.ts.
 */
import type { IsoDate } from '../dates';
import type { Posting, Tenancy, SuspenseItem } from '../records';
import { amountEvidence, HISTORY_PAYER_SCORE, historyEvidence, paymentHistory, statusEvidence, type PaymentSeen } from './account-evidence';
import { NAME_BONUS, PASS, type MatchPass, type MatchPassName } from './match-passes';
import { MATCH_REASON } from './messages';
import { nameCloseness, nameLikeness, nameWords } from './name-likeness';
import { forEachRepair } from './reference-repairs';
import { indexRoll, nameKeys, norm, type RollIndex } from './roll-index';

/** References one keying slip away, each with the slip in words (kept here for existing callers). */
export { repairs } from './reference-repairs';

export interface SuspenseCandidate {
  readonly account: string;
  readonly score: number;
  readonly reasons: readonly string[];
  /** The matching pass that found the account and gave it its base score (match-passes.ts). */
  readonly pass: MatchPassName;
}

export type SuspenseDecision = 'auto' | 'review' | 'none';

export interface SuspenseMatch {
  readonly item: string;
  readonly decision: SuspenseDecision;
  readonly account: string | null;
  readonly score: number;
  readonly candidates: readonly SuspenseCandidate[];
}

/** The config file's `suspenseMatch` keys, under the same names (config.ts fills in the defaults). */
export interface SuspenseMatchConfig {
  /** Best score needed for an automatic allocation. */
  readonly autoMinScore: number;
  /** How far ahead of the runner-up the best must be for an automatic allocation. */
  readonly autoMargin: number;
  /** Lowest score worth showing a person. */
  readonly reviewMinScore: number;
  /** Off: every item with a candidate goes to review. */
  readonly autoAllocate: boolean;
}

export const DEFAULT_SUSPENSE_MATCH: SuspenseMatchConfig = { autoMinScore: 0.9, autoMargin: 0.15, reviewMinScore: 0.5, autoAllocate: true };

/** The house number an address starts with ("Flat 2, 12 High Street" -> "12"). */
function houseNumber(address: string): string | undefined {
  return /^\s*(?:FLAT\s+\w+,?\s*)?(\d{1,4}[A-Z]?)\b/i.exec(address)?.[1]?.toUpperCase();
}

/** A day written with separators ("01/12/2026", "1.12.26"): never joined into a reference. */
const DAY_LIKE = /^\d{1,2}[\s\-./]\d{1,2}[\s\-./]\d{2,4}$/;

/** UK postcode, outward and inward parts. */
const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/;

/** More tenancies than this at one postcode: it needs the house number as well. */
const MAX_POSTCODE_CANDIDATES = 40;

/** More tenants than this under one name key (a common surname and an initial) are not candidates. */
const MAX_NAME_CANDIDATES = 25;

/** The most a candidate can score when the payer is someone else: below the lowest auto minimum the config allows (0.8). */
const SOMEONE_ELSE_CAP = 0.79;

/** The least and the most a payer whose name does not agree takes from a candidate. */
const NAME_PENALTY = { least: 0.1, most: 0.25 } as const;

/** An account an index proposed: the base score of the strongest pass that found it, and every reason. */
interface Found {
  score: number;
  pass: MatchPass;
  readonly reasons: string[];
}

/** More current tenancies than this under one person's name say too little about which is theirs. */
const MAX_SAME_PERSON = 3;

/** Every account an index proposes for one item, with the evidence that found it (no scan of the roll). */
function gather(item: SuspenseItem, index: RollIndex): Map<string, Found> {
  const found = new Map<string, Found>();
  const add = (t: Tenancy, pass: MatchPass, reason: string): void => {
    const score = pass.baseScore;
    const c = found.get(t.account);
    if (!c) found.set(t.account, { score, pass, reasons: [reason] });
    else if (score > c.score) {
      c.score = score;
      c.pass = pass;
      c.reasons.unshift(reason);
    } else c.reasons.push(reason);
  };
  const ref = norm(item.reference);
  if (ref) {
    const exact = index.byAccount.get(ref);
    // A ref whose leading zeros a spreadsheet stripped: padded back to each length the roll uses.
    const stripped = ref.replace(/^0+/, '');
    const read = exact ? [exact] : index.zeroPaddedLengths.filter((n) => n > stripped.length).flatMap((n) => index.byAccount.get(stripped.padStart(n, '0')) ?? []);
    if (exact) add(exact, PASS['exact-reference'], MATCH_REASON.exactReference(item.reference.trim(), exact.account));
    else for (const t of read) add(t, PASS['reference-without-leading-zeros'], MATCH_REASON.withoutLeadingZeros(item.reference.trim(), t.account));
    // A keying slip is only a hypothesis when the reference as typed is contradicted: it names no
    // account, or an account whose tenant is not the payer.
    const agreed = item.payer.trim() !== '' && read.some((t) => nameLikeness(item.payer, t.tenant).level === 'same');
    for (const t of index.byProperty.get(ref) ?? []) add(t, PASS['property-reference'], MATCH_REASON.propertyReference(item.reference.trim(), t.property, t.account));
    if (!agreed && /^\d{4,}$/.test(ref)) {
      forEachRepair(ref, (candidate, how) => {
        const t = index.byAccount.get(candidate);
        if (t) add(t, PASS['repaired-reference'], MATCH_REASON.repairedReference(item.reference.trim(), t.account, how()));
      });
    }
  }
  // A reference inside text: "RENT 10234567 FLAT 2".
  const text = `${item.reference} ${item.narrative}`;
  for (const token of text.toUpperCase().match(/[A-Z]*\d[\dA-Z]*/g) ?? []) {
    if (token === ref) continue;
    const t = index.byAccount.get(token);
    if (t) add(t, PASS['account-in-text'], MATCH_REASON.accountInText(t.account, text.trim()));
    const p = index.byProperty.get(token);
    for (const pt of p ?? []) add(pt, PASS['property-in-text'], MATCH_REASON.propertyInText(pt.property, pt.account));
  }
  // A reference broken by spaces or punctuation inside text ("RENT 0001 2345", "1098/7110"):
  // neighbouring digit groups joined, each run of two to four groups tried; a date is not a reference.
  for (const run of text.match(/\d+(?:[\s\-./_]+\d+)+/g) ?? []) {
    if (DAY_LIKE.test(run)) continue;
    const groups = run.split(/[\s\-./_]+/);
    for (let i = 0; i < groups.length; i++) {
      let joined = groups[i] ?? '';
      for (let j = i + 1; j < Math.min(groups.length, i + 4); j++) {
        joined += groups[j] ?? '';
        const t = index.byAccount.get(joined);
        if (t && joined !== ref) add(t, PASS['account-broken-in-text'], MATCH_REASON.accountBrokenInText(t.account, text.trim()));
      }
    }
  }
  // The postcode and house number in the narrative: "J SMITH RENT 12 HIGH STREET LS6 2AB".
  const upper = text.toUpperCase();
  const numbers = new Set((text.match(/\b\d{1,4}[A-Z]?\b/gi) ?? []).map((x) => x.toUpperCase()));
  const atPostcode = (list: readonly Tenancy[]): void => {
    for (const t of list) {
      const house = houseNumber(t.address);
      const sameHouse = house !== undefined && numbers.has(house);
      add(t, sameHouse ? PASS['postcode-and-house-number'] : PASS.postcode, MATCH_REASON.postcode(t.postcode, sameHouse ? (house as string) : null, t.account, t.address));
    }
  };
  const postcodes = new Set<string>();
  const uk = POSTCODE.exec(upper);
  if (uk) {
    const pc = `${uk[1]}${uk[2]}`;
    postcodes.add(pc);
    atPostcode(index.byPostcode.get(pc) ?? []);
  }
  // A postcode as the roll writes it, in any format (odd spacing, an overseas payer's own): a
  // word of the text, or two words joined. Shared by many tenancies, it needs the house number too.
  const words = upper.split(/[^A-Z0-9]+/).filter((w) => w !== '');
  for (let k = 0; k < words.length; k++) {
    for (const key of [words[k] ?? '', `${words[k] ?? ''}${words[k + 1] ?? ''}`]) {
      if (postcodes.has(key) || key.length < 3 || !/\d/.test(key)) continue;
      postcodes.add(key);
      const list = index.byPostcode.get(key);
      if (!list) continue;
      // Narrowed from the tenancies at the postcode itself: never a scan of the roll.
      atPostcode(list.length <= MAX_POSTCODE_CANDIDATES ? list : list.filter((t) => numbers.has(houseNumber(t.address) ?? '')));
    }
  }
  // The payer's name alone (a first name and a surname, in either order), with the house number
  // and street in the narrative: never enough to allocate, but it puts the account before a person.
  const payerWords = nameWords(item.payer).filter((w) => w.length > 1 || /^[A-Z]$/.test(w));
  if (payerWords.length >= 1) {
    const plain = text.toUpperCase().replace(/[^A-Z0-9\s]/g, '');
    const byName = (t: Tenancy): void => {
      if (found.has(t.account) || nameLikeness(item.payer, t.tenant).level === 'different') return;
      const house = /^\s*(\d{1,4}[A-Z]?)\s+(\S+)/i.exec(t.address);
      const atAddress = house !== null && new RegExp(`\\b${house[1]}\\s+${house[2]?.toUpperCase().replace(/[^A-Z0-9]/g, '')}`).test(plain);
      add(t, atAddress ? PASS['name-and-address'] : PASS.name, MATCH_REASON.payerIsTenant(item.payer.trim(), t.account, atAddress ? (t.address.split(',')[0] as string) : null));
    };
    const keys = new Set<string>();
    for (const sw of payerWords) if (sw.length > 1) for (const other of payerWords) if (other !== sw) for (const k of nameKeys(sw, other[0] as string)) keys.add(k);
    for (const k of keys) {
      const list = index.byNameKey.get(k) ?? [];
      if (list.length > MAX_NAME_CANDIDATES) continue; // a common name and an initial say too little
      for (const t of list) byName(t);
    }
    // Each word as a surname alone (a first name missing or mistyped): the tenants of that surname
    // with any initial, under the same cap counted over all initials (only a rare surname qualifies).
    for (const surname of payerWords) {
      if (surname.length <= 2) continue;
      for (const t of index.byNameKey.anyInitial(surname, MAX_NAME_CANDIDATES) ?? []) byName(t);
    }
  }
  // A house number and street in the narrative, for a payer whose name is alike: for review only.
  for (const m of text.toUpperCase().matchAll(/\b(\d{1,4}[A-Z]?)\s+([A-Z]+)/g)) {
    const list = index.byHouse.get(`${m[1]}|${m[2]}`) ?? [];
    if (list.length > MAX_NAME_CANDIDATES) continue;
    for (const t of list) {
      if (found.has(t.account) || nameLikeness(item.payer, t.tenant).level === 'different') continue;
      add(t, PASS['house-and-street'], MATCH_REASON.houseAndStreet(t.account, t.address.split(',')[0] as string));
    }
  }
  // A former tenancy's reference, paid by a person who now holds another tenancy: money for the
  // current account as likely as for the old one, so both go before a person.
  for (const [account, c] of [...found]) {
    const t = index.byAccount.get(norm(account));
    if (!t || c.pass.kind !== 'reference' || t.end === null || t.end >= item.date) continue;
    const person = nameWords(t.tenant);
    const last = person[person.length - 1];
    const first = person.length > 1 ? person[0] : undefined;
    if (!last || !first) continue;
    const whole = person.join(' ');
    // The same person's other tenancies, through the name key index: the same whole name.
    const keyed = nameKeys(last, first[0] as string).flatMap((k) => index.byNameKey.get(k) ?? []);
    const same = [...new Map(keyed.map((o) => [o.account, o])).values()].filter((o) => o.account !== t.account && nameWords(o.tenant).join(' ') === whole && (o.end === null || o.end >= item.date));
    if (same.length === 0 || same.length > MAX_SAME_PERSON) continue;
    for (const o of same) add(o, PASS['former-tenancy'], MATCH_REASON.formerTenancy(t.account, t.tenant, o.account));
  }
  return found;
}

/** Scores what the indexes found: the payer's name, the amount, the account's history and status. */
function rank(
  item: SuspenseItem,
  found: ReadonlyMap<string, Found>,
  index: RollIndex,
  history: ReadonlyMap<string, readonly PaymentSeen[]>,
  agreements: Map<string, Agreement> = new Map(),
): SuspenseCandidate[] {
  // The payer's name against the tenants': what makes a weaker clue trustworthy.
  const out: SuspenseCandidate[] = [];
  for (const [account, c] of found) {
    const t = index.byAccount.get(norm(account));
    let score = c.score;
    const reasons = [...c.reasons];
    let someoneElse = false;
    let nameAgrees = false;
    let amountAgrees = false;
    if (t && item.payer.trim() !== '') {
      const likeness = nameLikeness(item.payer, t.tenant);
      nameAgrees = likeness.level === 'same';
      const bonus = NAME_BONUS[c.pass.kind];
      if (likeness.level === 'same') {
        score = Math.min(1, score + bonus.same);
        reasons.push(MATCH_REASON.payerName(item.payer, likeness.how, t.tenant));
      } else if (likeness.level === 'alike') {
        score = Math.min(1, score + bonus.alike);
        reasons.push(likeness.how === '~' ? MATCH_REASON.payerNameAlike(item.payer, t.tenant) : MATCH_REASON.payerName(item.payer, likeness.how, t.tenant));
      } else {
        // A reference that names someone else's account is most often a keying slip: never enough
        // alone (the least penalty keeps an exact reference below the auto threshold).
        score = Math.max(0, score - (NAME_PENALTY.most - (NAME_PENALTY.most - NAME_PENALTY.least) * nameCloseness(item.payer, t.tenant)));
        reasons.push(MATCH_REASON.payerNotTenant(item.payer, t.tenant));
        someoneElse = true;
      }
    }
    if (t) {
      const seen = history.get(t.account) ?? [];
      const amount = amountEvidence(item.amount, t, seen);
      amountAgrees = amount !== null;
      const evidence = [amount, ...historyEvidence(item, seen), statusEvidence(item, t)];
      for (const e of evidence) {
        if (e === null) continue;
        score += e.score;
        reasons.push(e.reason);
      }
      // Someone else paying is never allocated on its own, whatever the amount says, unless the
      // account's history shows this payer paying it before (a relative who always pays).
      if (someoneElse && !evidence.some((e) => e?.score === HISTORY_PAYER_SCORE) && score > SOMEONE_ELSE_CAP) {
        score = SOMEONE_ELSE_CAP;
        reasons.push(MATCH_REASON.cappedSomeoneElse);
      }
    }
    out.push({ account, score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000, reasons, pass: c.pass.name });
    if (t && nameAgrees) {
      const clue = addressClue(item, t);
      if (clue !== null && amountAgrees) agreements.set(account, { kind: 'address', clue });
      else if (PROPERTY_PASSES.has(c.pass.name) && liveOn(t, item.date)) agreements.set(account, { kind: 'property', clue: t.property });
    }
  }
  return out.sort((a, b) => b.score - a.score || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
}

/**
 * Evidence that agrees on independent things, enough to allocate without a person when it is unique
 * (matchSuspense): the payer's name is the tenant's, the amount is the account's, and an address
 * clue is the account's ('address'); or the payer's name is the tenant's of a property ref whose
 * tenancy is live on the payment date ('property'; the only one: two live tenancies score alike).
 */
interface Agreement {
  readonly kind: 'address' | 'property';
  /** The postcode, the house number and street, or the property ref, as the reason names it. */
  readonly clue: string;
}

const PROPERTY_PASSES: ReadonlySet<MatchPassName> = new Set(['property-reference', 'property-in-text']);

function liveOn(t: Tenancy, date: IsoDate): boolean {
  return (t.start === null || t.start <= date) && (t.end === null || t.end >= date);
}

/** The account's address clue in the item's text: its postcode, or its house number with the street. */
function addressClue(item: SuspenseItem, t: Tenancy): string | null {
  const plain = ` ${`${item.reference} ${item.narrative}`.toUpperCase().replace(/[^A-Z0-9]+/g, ' ')} `;
  const postcode = t.postcode.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (postcode.length >= 5 && (plain.includes(` ${postcode.slice(0, -3)} ${postcode.slice(-3)} `) || plain.includes(` ${postcode} `))) return `postcode ${t.postcode.toUpperCase()}`;
  const house = /^\s*(\d{1,4}[A-Za-z]?)\s+([A-Za-z]+)/.exec(t.address);
  if (house && plain.includes(` ${house[1]?.toUpperCase() ?? ''} ${house[2]?.toUpperCase() ?? ''} `)) return `house number and street ${t.address.split(',')[0]?.trim() ?? ''}`;
  return null;
}

/** Ranks candidate accounts for one item; best first, ties broken by account ref. */
export function candidatesFor(item: SuspenseItem, index: RollIndex, history: ReadonlyMap<string, readonly PaymentSeen[]> = new Map()): SuspenseCandidate[] {
  return rank(item, gather(item, index), index, history);
}

/**
 * Decides for every item: auto (strong and clearly ahead of the next), review (plausible), none.
 * `postings` (the period's rent transactions, optional) give each proposed account's history; they
 * are read once, for the proposed accounts only.
 */
export function matchSuspense(items: readonly SuspenseItem[], roll: readonly Tenancy[], config: SuspenseMatchConfig = DEFAULT_SUSPENSE_MATCH, postings: readonly Posting[] = []): SuspenseMatch[] {
  const index = indexRoll(roll);
  const found = items.map((item) => gather(item, index));
  const proposed = new Set<string>();
  for (const f of found) for (const account of f.keys()) proposed.add(account);
  const history = paymentHistory(postings, proposed);
  return items.map((item, k) => {
    const agreements = new Map<string, Agreement>();
    let candidates = rank(item, found[k] ?? new Map(), index, history, agreements).filter((c) => c.score >= config.reviewMinScore);
    const [best, second] = candidates;
    const ahead = best !== undefined && (second === undefined || best.score - second.score >= config.autoMargin);
    const clear = ahead && best.score >= config.autoMinScore;
    // Below the score, independent things agreeing, with no other account near it, is enough.
    const agreed = !clear && ahead && best ? agreements.get(best.account) : undefined;
    if (agreed && best && config.autoAllocate) {
      const reason = agreed.kind === 'address' ? MATCH_REASON.agreedOnAddress(agreed.clue) : MATCH_REASON.agreedOnProperty(agreed.clue);
      candidates = [{ ...best, reasons: [...best.reasons, reason] }, ...candidates.slice(1)];
    }
    const decision: SuspenseDecision = best === undefined ? 'none' : (clear || agreed !== undefined) && config.autoAllocate ? 'auto' : 'review';
    return { item: item.item, decision, account: decision === 'auto' && best ? best.account : null, score: best?.score ?? 0, candidates };
  });
}
