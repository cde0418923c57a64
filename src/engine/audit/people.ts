/**
 * Two people, one record: whoever approves or reviews must not be whoever asked or prepared. A typed
 * name is an attestation, not a login, so the comparison is generous to the rule: case, spacing,
 * punctuation and accents never make one person two ("J. O'Neill" = "j oneill" = "J O’NEILL").
 */

/** The form names are compared in: letters and digits only, lower case, accents removed. */
export function personKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when the two names are the same person by the rule above (an empty name is nobody). */
export function samePerson(a: string, b: string): boolean {
  const ka = personKey(a);
  return ka !== '' && ka === personKey(b);
}
