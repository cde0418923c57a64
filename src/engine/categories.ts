/** The posting categories of the standard layout (DOMAIN.md section 3); a landlord's own codes map onto them. */
export const CATEGORIES = [
  'RENT', 'HB', 'UC', 'DD', 'ALLPAY', 'CASH', 'BANK', 'CARD', 'WRITEOFF', 'REFUND', 'TRANSFER', 'ADJUST',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** Receipt channels: money coming in, lowering tenants' balances. */
export const RECEIPT_CATEGORIES: readonly Category[] = ['HB', 'UC', 'DD', 'ALLPAY', 'CASH', 'BANK', 'CARD'];
export const ADJUSTMENT_CATEGORIES: readonly Category[] = ['WRITEOFF', 'REFUND', 'TRANSFER', 'ADJUST'];

const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);

export function isCategory(s: string): s is Category {
  return CATEGORY_SET.has(s);
}

export const CATEGORY_ORDER: ReadonlyMap<Category, number> = new Map(CATEGORIES.map((c, i) => [c, i]));

export function compareCategory(a: Category, b: Category): number {
  return (CATEGORY_ORDER.get(a) ?? 0) - (CATEGORY_ORDER.get(b) ?? 0);
}

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  RENT: 'Debit raised (rent and charges)',
  HB: 'Housing Benefit',
  UC: 'Universal Credit',
  DD: 'Direct Debit',
  ALLPAY: 'Allpay',
  CASH: 'Cash office',
  BANK: 'Bank receipts',
  CARD: 'Card payments',
  WRITEOFF: 'Write-offs',
  REFUND: 'Refunds',
  TRANSFER: 'Transfers',
  ADJUST: 'Adjustments',
};
