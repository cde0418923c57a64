/**
 * Bacs text rules shared by the Standard 18 writer and checker: the character set (upper-case
 * letters, digits, space and . & / -), the bYYDDD date form, fixed-width fields.
 */
import { addDays, isoDate, toDayNumber, type IsoDate } from '../dates';

/** Characters a Bacs name or reference field may hold. */
export const BACS_CHARS = /^[A-Z0-9 .&/-]*$/;

/** A person's text as Bacs characters: upper case, accents dropped, anything else a space, runs of spaces one. */
export function toBacsText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9 .&/-]/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

/** Left-justified, space-filled, cut to the width. */
export function alpha(text: string, width: number): string {
  return text.length >= width ? text.slice(0, width) : text.padEnd(width, ' ');
}

/** Right-justified, zero-filled; the caller makes sure it fits. */
export function numeric(n: number, width: number): string {
  const s = String(n);
  if (s.length > width || !/^\d+$/.test(s)) throw new Error(`${s} does not fit a ${width}-digit Bacs field`);
  return s.padStart(width, '0');
}

/** 2027-01-06 -> " 27006": a space, the year's last two digits, the day of the year. */
export function bacsDate(d: IsoDate): string {
  const y = Number(d.slice(0, 4));
  const doy = toDayNumber(d) - toDayNumber(isoDate(y, 1, 1) as IsoDate) + 1;
  return ` ${String(y % 100).padStart(2, '0')}${String(doy).padStart(3, '0')}`;
}

/** " 27006" -> 2027-01-06 (years 00-99 read as 2000-2099); null when it is not a date. */
export function readBacsDate(text: string): IsoDate | null {
  const m = /^ (\d{2})(\d{3})$/.exec(text);
  if (!m) return null;
  const y = 2000 + Number(m[1]);
  const doy = Number(m[2]);
  const jan1 = isoDate(y, 1, 1) as IsoDate;
  const leap = isoDate(y, 2, 29) !== null;
  if (doy < 1 || doy > (leap ? 366 : 365)) return null;
  return addDays(jan1, doy - 1);
}
