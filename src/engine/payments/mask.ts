/**
 * Bank and card details never leave in clear: outputs show the last four digits only. Masking is
 * an output step, run after allocation (maskAllocation), so the digits a payment is allocated by
 * are read in full, and digits that are an account ref the roll knows are never masked: they are
 * how a payment finds its tenancy, and how a person reading suspense finds it.
 *
 * Masked: a card number (13 to 19 digits, alone or in groups, passing the Luhn check); an account
 * number after ACC, A/C or ACCOUNT (8 digits); a sort code and account as banks print them
 * (12-34-56 12345678, 123456 12345678); a sort code written with hyphens (12-34-56).
 */

/** "9826123456789012345" -> "****2345"; text without digits is returned as it is. */
export function maskNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length === 0) return value.trim();
  return `****${digits.slice(-4)}`;
}

/** The Luhn check every payment card number passes. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Whether some digits are an account ref the roll knows (then they stay in clear). */
export type KnownRef = (digits: string) => boolean;

const NONE: KnownRef = () => false;
const MAYBE_BANK_DETAILS = /\d{6}|\d\d-\d\d-\d\d|\d{4}[ -]\d{4}/;

/** Masks what looks like bank or card details inside free text; see the module comment. */
export function maskNarrative(text: string, known: KnownRef = NONE): string {
  // Most narratives hold nothing to mask (an 8-digit account ref is not a bank detail).
  if (!MAYBE_BANK_DETAILS.test(text)) return text;
  return (
    text
      // A card number: 13-19 digits, alone or in groups of digits separated by single spaces or hyphens.
      .replace(/(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g, (m) => {
        const digits = m.replace(/\D/g, '');
        // Grouped digits holding an account ref ("CHQ 100234 00101887") are that ref, not a card.
        const refInside = m.split(/[ -]/).some((g) => g.length >= 6 && known(g));
        return digits.length >= 13 && passesLuhn(digits) && !known(digits) && !refInside ? `****${digits.slice(-4)}` : m;
      })
      // Sort code and account as banks print them.
      .replace(/\b(\d{2})(-?)(\d{2})\2(\d{2})(\s+)(\d{8})\b/g, (m, _a: string, _h: string, _b: string, c: string, sp: string, acc: string) => (known(acc) ? m : `**-**-${c}${sp}****${acc.slice(-4)}`))
      // An account number after its label.
      .replace(/\b(ACC(?:OUNT)?(?:\s*NO\.?)?|A\/C(?:\s*NO\.?)?)(\s*:?\s*)(\d{8})\b/gi, (m, label: string, sp: string, acc: string) => (known(acc) ? m : `${label}${sp}****${acc.slice(-4)}`))
      // A sort code written with hyphens, on its own.
      .replace(/(?<![\d*])\d{2}-\d{2}-(\d{2})\b/g, '**-**-$1')
  );
}
