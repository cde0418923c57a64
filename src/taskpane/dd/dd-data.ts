/**
 * The Direct Debit data the page ships beside itself (assets/dd/: the Pay.UK modulus data and the
 * bank-holiday lists), fetched from the page's own origin only, never from anywhere else.
 */
import type { ModulusDataText } from '../../engine/jobs/dd-bank-check';

export interface DdData {
  readonly modulus: ModulusDataText;
  readonly holidays: { readonly englandAndWales: string; readonly scotland: string };
}

export const DD_ASSET_FILES = {
  valacdos: 'assets/dd/valacdos-v7-90.txt',
  scsubtab: 'assets/dd/scsubtab.txt',
  englandAndWales: 'assets/dd/bank-holidays-england-and-wales.txt',
  scotland: 'assets/dd/bank-holidays-scotland.txt',
} as const;

async function own(path: string): Promise<string> {
  const url = new URL(path, location.href);
  if (url.origin !== location.origin) throw new Error(`${path} is not on this page's own origin`);
  const res = await fetch(url.href, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${path} could not be loaded (${res.status})`);
  return res.text();
}

/** Loads the shipped data from the page's origin. */
export async function fetchDdData(): Promise<DdData> {
  const [valacdos, scsubtab, englandAndWales, scotland] = await Promise.all([own(DD_ASSET_FILES.valacdos), own(DD_ASSET_FILES.scsubtab), own(DD_ASSET_FILES.englandAndWales), own(DD_ASSET_FILES.scotland)]);
  return { modulus: { valacdos, scsubtab }, holidays: { englandAndWales, scotland } };
}

/** The England and Wales bank holidays (Bacs working days) alone, for modes that need only the calendar. */
export function fetchBankHolidays(): Promise<string> {
  return own(DD_ASSET_FILES.englandAndWales);
}

/** A report's text: ISO-8859-1 when its XML declaration says so (ARUDD often does), UTF-8 otherwise (as the CLI reads it). */
export async function reportText(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const head = new TextDecoder('iso-8859-1').decode(bytes.subarray(0, 200));
  return new TextDecoder(/encoding\s*=\s*["']ISO-8859-1["']/i.test(head) ? 'iso-8859-1' : 'utf-8').decode(bytes);
}
