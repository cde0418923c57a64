/**
 * The suspense matcher's passes, in one table: each pass is one kind of evidence an index can find
 * for an account (the reference, a repaired reference, a property ref, the postcode, the payer's
 * name...), with the base score that evidence is worth before the payer's name, the amount, the
 * account's history and its status are weighed (match-suspense.ts `rank`).
 *
 * Fidelity is the base score: an exact reference (0.97) is worth more than a reference one keying
 * slip away (0.78), which is worth more than the payer's name alone (0.4). Every candidate records
 * the pass that gave it its base score: the highest-fidelity pass that found the account, the one
 * that ran first when two are worth the same. `order` is the order the passes run in (the matcher
 * claims a candidate for the first pass that finds it and lets a later pass take it over only with
 * a higher base score; its reasons keep that order, so the order is part of the answer).
 */

/**
 * How much the payer's name must add for the evidence to be trusted. A reference is evidence on its
 * own; a repaired reference or an address needs the name to agree before it can be trusted.
 */
export type EvidenceKind = 'reference' | 'property' | 'repaired' | 'address' | 'name';

/** What the payer's surname adds, by the kind of evidence that found the candidate. */
export const NAME_BONUS = {
  reference: { same: 0.03, alike: 0.02 },
  // a property has had other tenants: its ref needs the payer to be the current one
  property: { same: 0.1, alike: 0.05 },
  repaired: { same: 0.12, alike: 0.06 },
  // the postcode and house number with the surname the same or alike: the household at that address
  address: { same: 0.15, alike: 0.15 },
  // found by the name itself: the name adds nothing more, and it can never be allocated alone
  name: { same: 0.1, alike: 0.05 },
} as const satisfies Record<EvidenceKind, { same: number; alike: number }>;

export type MatchPassName =
  | 'exact-reference'
  | 'reference-without-leading-zeros'
  | 'property-reference'
  | 'repaired-reference'
  | 'account-in-text'
  | 'property-in-text'
  | 'account-broken-in-text'
  | 'postcode-and-house-number'
  | 'postcode'
  | 'name-and-address'
  | 'name'
  | 'house-and-street'
  | 'former-tenancy';

export interface MatchPass {
  /** The stable name recorded on each candidate (`match-suspense --json`: `candidates[].pass`). */
  readonly name: MatchPassName;
  /** The order the passes run in, from 1. */
  readonly order: number;
  /** The evidence the pass looks for, in words. */
  readonly evidence: string;
  /** What the evidence is worth before the name, amount, history and status are weighed. */
  readonly baseScore: number;
  /** How much the payer's name adds to it (NAME_BONUS). */
  readonly kind: EvidenceKind;
}

const pass = (order: number, name: MatchPassName, baseScore: number, kind: EvidenceKind, evidence: string): MatchPass => ({ name, order, evidence, baseScore, kind });

/** Every pass, in the order it runs. */
export const MATCH_PASSES: readonly MatchPass[] = [
  pass(1, 'exact-reference', 0.97, 'reference', 'the reference is an account ref'),
  pass(2, 'reference-without-leading-zeros', 0.92, 'reference', 'the reference is an account ref whose leading zeros a spreadsheet stripped'),
  pass(3, 'property-reference', 0.8, 'property', 'the reference is a property ref (a property has had other tenants)'),
  pass(4, 'repaired-reference', 0.78, 'repaired', 'the reference is one keying slip from an account ref (a digit swapped, changed, dropped or added), tried only when the reference as typed names no account or another tenant'),
  pass(5, 'account-in-text', 0.9, 'reference', 'an account ref appears in the reference or narrative text'),
  pass(6, 'property-in-text', 0.75, 'reference', 'a property ref appears in the reference or narrative text'),
  pass(7, 'account-broken-in-text', 0.88, 'reference', 'an account ref broken by spaces or dashes appears in the text'),
  pass(8, 'postcode-and-house-number', 0.75, 'address', "the account's postcode and house number appear in the text"),
  pass(9, 'postcode', 0.5, 'address', "the account's postcode appears in the text"),
  pass(10, 'name-and-address', 0.65, 'name', "the payer's name is the tenant's and the text gives the account's house number and street"),
  pass(11, 'name', 0.4, 'name', "the payer's name is the tenant's, or alike (by name keys: sound and initial)"),
  pass(12, 'house-and-street', 0.55, 'name', "the text gives the account's house number and street, and the payer's name is alike the tenant's"),
  pass(13, 'former-tenancy', 0.82, 'repaired', 'the reference is a former tenancy of a person who now holds another account'),
];

/** The passes by name, for the matcher. */
export const PASS: Readonly<Record<MatchPassName, MatchPass>> = Object.fromEntries(MATCH_PASSES.map((p) => [p.name, p])) as Record<MatchPassName, MatchPass>;
