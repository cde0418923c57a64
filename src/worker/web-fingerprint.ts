/** The engine's sheet fingerprint over the same normalised text, hashed by WebCrypto's native SHA-256. */
import type { SheetData } from '../engine/cells';
import { normalisedText } from '../engine/fingerprint';

export async function webCryptoFingerprint(sheet: SheetData): Promise<string> {
  const bytes = new TextEncoder().encode([...normalisedText(sheet)].join(''));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
