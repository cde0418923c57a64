/**
 * Every sentence the suspense side says to a person, in one place (STYLE.md: "all user-facing
 * wording lives in one messages module"): the matcher's reasons for a candidate, the evidence of
 * the amount, history and status, the review queue's decisions and refusals, the journal's
 * refusals and the rent-roll search's "matched by". Callers pass the values; the words are here.
 * The texts are part of the output (the --json reasons, the journal's Reason column): change one
 * only on purpose.
 */

/** Why the matcher proposed an account: one function per piece of evidence (match-suspense.ts). */
export const MATCH_REASON = {
  exactReference: (ref: string, account: string) => `reference ${ref} is account ${account}`,
  withoutLeadingZeros: (ref: string, account: string) => `reference ${ref} is account ${account} without its leading zeros`,
  propertyReference: (ref: string, property: string, account: string) => `reference ${ref} is the property ref ${property} of account ${account}`,
  /** `how` is one of REPAIR_HOW. */
  repairedReference: (ref: string, account: string, how: string) => `reference ${ref} is ${account} ${how}`,
  accountInText: (account: string, text: string) => `account ${account} appears in the text "${text}"`,
  propertyInText: (property: string, account: string) => `property ref ${property} of account ${account} appears in the text`,
  accountBrokenInText: (account: string, text: string) => `account ${account} appears in the text "${text}", broken by spaces`,
  postcode: (postcode: string, house: string | null, account: string, address: string) =>
    `postcode ${postcode}${house !== null ? ` and house number ${house}` : ''} in the narrative match account ${account} (${address})`,
  payerIsTenant: (payer: string, account: string, address: string | null) =>
    `payer ${payer} is a tenant of account ${account}${address !== null ? ` and the narrative gives the address ${address}` : ''}`,
  houseAndStreet: (account: string, address: string) => `the narrative gives the address of account ${account} (${address})`,
  formerTenancy: (former: string, tenant: string, current: string) => `account ${former} is a former tenancy of ${tenant}, who now holds account ${current}`,
  /** `how` is one of NAME_HOW. */
  payerName: (payer: string, how: string, tenant: string) => `payer ${payer} ${how} tenant ${tenant}`,
  payerNameAlike: (payer: string, tenant: string) => `payer ${payer} ~ tenant ${tenant} (surnames spelt alike or sounding alike)`,
  payerNotTenant: (payer: string, tenant: string) => `payer ${payer} does not share a surname with tenant ${tenant}`,
  cappedSomeoneElse: 'capped below automatic allocation: the payer is not the tenant',
} as const;

/** A keying slip in words, for repairedReference (positions are 1-based). */
export const REPAIR_HOW = {
  swapped: (pair: string, position: number) => `with two digits swapped (${pair} at position ${position})`,
  different: (position: number) => `with one digit different (position ${position})`,
  added: (position: number) => `with a digit added (position ${position})`,
  dropped: (position: number) => `with a digit dropped (position ${position})`,
} as const;

/** How a payer's name compares with a tenant's, between "payer X" and "tenant Y". */
export const NAME_HOW = {
  same: 'shares the surname of',
  sameSurnameOtherFirstName: 'shares the surname but not the first name of',
  firstNameAndSurnameAlike: 'has the first name, and a surname spelt or sounding alike, of',
  firstNameAndSurnameClose: 'has the first name, and a surname close in spelling, of',
} as const;

/** The amount, the account's history and its status (account-evidence.ts). */
export const EVIDENCE_REASON = {
  weeklyCharge: (money: string) => `amount ${money} is the weekly charge`,
  weeks: (money: string, weeks: number, weekly: string) => `amount ${money} is ${weeks} x the weekly charge of ${weekly}`,
  monthlyEquivalent: (money: string, weekly: string) => `amount ${money} is the monthly equivalent of the weekly charge of ${weekly} (x 52 / 12)`,
  usualPayment: (money: string, times: number) => `amount ${money} is the account's usual payment (paid ${times} times this period)`,
  payerPaidBefore: (payer: string, date: string, description: string) => `${payer} paid this account before (${date}: ${description})`,
  channelPaidBefore: (money: string, channel: string, date: string) => `the account was paid ${money} by ${channel} before (${date})`,
  ended: (date: string) => `tenancy ended on ${date}, before the payment (a former tenancy)`,
  notStarted: (date: string) => `tenancy starts on ${date}, after the payment`,
  ends: (date: string) => `tenancy ends on ${date}, after the payment`,
  current: 'tenancy current',
} as const;

/** The review queue (review-queue.ts): the reason recorded with a decision, and why an action was refused. */
export const REVIEW = {
  chosenFromSearch: (by: string, search: string) => `chosen by ${by} from the rent roll (search "${search}")`,
  chosenCandidate: (by: string, reasons: string) => `chosen by ${by}: ${reasons}`,
  chosen: (by: string) => `chosen by ${by}`,
  leftInSuspense: (by: string) => `left in suspense by ${by}`,
  acceptedAutomatic: (reason: string, by: string) => `${reason} (automatic; accepted by ${by})`,
  nothingToUndo: 'nothing to undo',
  needsName: 'a decision needs the name of the person making it',
  noAutomaticWaiting: 'no automatic allocation is waiting',
  noSuchItem: (item: string) => `no suspense item ${item} in the queue`,
  noSuchCandidate: (item: string, n: number) => `item ${item} has no candidate ${n}`,
  needsAccount: 'an allocation needs an account',
} as const;

/** Decisions the clearance journal refuses (clearance-journal.ts). */
export const JOURNAL_REFUSED = {
  noSuchItem: (item: string) => `no suspense item ${item}`,
  alreadyCleared: (item: string) => `item ${item} is already cleared`,
} as const;

/** How a rent-roll search found an account (account-search.ts). */
export const SEARCH_MATCHED_BY = {
  reference: (query: string) => `reference ${query}`,
  referenceStarts: (query: string) => `reference starts with ${query}`,
  postcodeStarts: (query: string) => `postcode starts with ${query}`,
  nameHas: (words: string) => `tenant's name has ${words}`,
  nameSoundsLike: (words: string) => `tenant's name sounds like ${words}`,
} as const;
