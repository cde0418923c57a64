/**
 * Bank and card details never leave in clear: outputs show the last four digits only. Account refs
 * (6-10 digits) are kept: they are how a payment finds its tenancy.
 */

/** "9826123456789012345" -> "****2345"; text without digits is returned as it is. */
export function maskNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length === 0) return value.trim();
  return `****${digits.slice(-4)}`;
}

const MAYBE_BANK_DETAILS = /\d{12}|\d\d[- ]?\d\d[- ]?\d\d\s+\d{8}|\d\d-\d\d-\d\d/;

/**
 * Masks what looks like bank details inside free text: a sort code (12-34-56 or 123456 beside an
 * account number) with its account number, and any run of 12 to 19 digits (a card number).
 */
export function maskNarrative(text: string): string {
  // Most narratives hold nothing to mask (an 8-digit account ref is not a bank detail).
  if (!MAYBE_BANK_DETAILS.test(text)) return text;
  return text
    .replace(/\b(\d{2})[- ]?(\d{2})[- ]?(\d{2})(\s+)(\d{8})\b/g, (_m, _a, _b, c: string, sp: string, acc: string) => `**-**-${c}${sp}****${acc.slice(-4)}`)
    .replace(/\b\d{2}-\d{2}-(\d{2})\b/g, '**-**-$1')
    .replace(/\d{12,19}/g, (d) => `****${d.slice(-4)}`);
}
