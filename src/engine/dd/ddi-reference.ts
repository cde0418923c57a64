/**
 * The Bacs rules for a Direct Debit Instruction reference: 6 to 18 characters of upper-case
 * letters, digits, space . & / -; at least 6 of them letters or digits; not all the same
 * character; not starting DDIC (reserved for the paperless DDI confirmation). Uniqueness is the
 * register's rule (the same reference for two mandates of the same service user).
 */

/** Null when the reference is acceptable, otherwise what is wrong (completing "the reference 'X' ..."). */
export function checkDdiReference(reference: string): string | null {
  const ref = reference.trim();
  if (ref.length > 18) return 'is longer than 18 characters';
  if (!/^[A-Z0-9 .&/-]*$/.test(ref)) return 'may hold only upper-case letters, digits, space and . & / -';
  const significant = ref.replace(/[^A-Z0-9]/g, '');
  if (significant.length < 6) return 'needs at least 6 letters or digits';
  if (/^(.)\1*$/.test(significant)) return 'must not be one character repeated';
  if (ref.startsWith('DDIC')) return 'must not start DDIC';
  return null;
}
