/**
 * Converts raw cells into typed values, collecting an issue (with its location) for every bad cell
 * instead of stopping at the first. Hot path: locations are built only when something is wrong.
 */
import { isBlank, isCellError, rawText, type RawCell } from '../cells';
import { hasTwoDigitYear, parseDayFirst, serialToIso, type IsoDate } from '../dates';
import { cellLocation, type InputIssue, type IssueCode, type Severity } from '../issues';
import { isAmountInRange, parsePence, penceFromNumber, type Pence } from '../money';
import type { MappedColumn } from './detect';

const TOTAL_ROW = /^\s*(grand\s+)?totals?\b/i;

// The helpers called for every cell, bound once here: a bundler's (or tsx's) imports are getters on
// the exporting module, called again on each use in code that runs a million times a reconciliation.
const blankCell = isBlank;
const cellError = isCellError;
const inRange = isAmountInRange;
const pence = penceFromNumber;

/** Zero-width space, joiners, word joiner, BOM and NBSP: invisible, yet they make two refs differ. */
const INVISIBLE = /[\u00a0\u200b-\u200d\u2060\ufeff]/;
const INVISIBLE_ALL = /[\u00a0\u200b-\u200d\u2060\ufeff]/g;

/** A reference longer than this is cut (and noted): no housing ref is near it, and matching costs grow with length. */
export const MAX_REF_LENGTH = 1000;
/** Free text (names, narratives) is cut to this many characters for matching. */
export const MAX_TEXT_LENGTH = 4000;

export class CellReader {
  readonly issues: InputIssue[] = [];
  private readonly serialDates = new Map<number, IsoDate | null>();
  /** The last serial date read and its ISO date: a sheet's rows come in runs of one date. */
  private lastSerial = Number.NaN;
  private lastSerialDate: IsoDate | null = null;
  private readonly textDates = new Map<string, IsoDate | null>();

  constructor(
    private readonly file: string,
    private readonly sheet: string,
  ) {}

  issue(code: IssueCode, severity: Severity, raw: RawCell | undefined, row: number, column: MappedColumn, detail: Record<string, string> = {}): void {
    this.issues.push({ code, severity, raw: rawText(raw), location: cellLocation(this.file, this.sheet, row, column.col, column.header), detail });
  }

  /** Text as typed; numbers keep their digits ("1100", not "1100.0"). */
  text(raw: RawCell | undefined): string {
    if (raw === null || raw === undefined) return '';
    if (typeof raw === 'string') return raw.trim();
    if (typeof raw === 'number') return String(raw);
    if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
    return raw.error;
  }

  /** A reference that must be present (account, item). */
  ref(raw: RawCell | undefined, row: number, column: MappedColumn): string | null {
    if (cellError(raw)) {
      this.issue('cell.error', 'error', raw, row, column);
      return null;
    }
    let t = this.text(raw);
    if (hasNonAscii(t) && INVISIBLE.test(t)) {
      t = t.replace(INVISIBLE_ALL, (ch) => (ch === '\u00a0' ? ' ' : '')).trim();
      this.issue('ref.invisible-removed', 'info', raw, row, column);
    }
    if (t === '') {
      this.issue('ref.blank', 'error', raw, row, column);
      return null;
    }
    if (t.length > MAX_REF_LENGTH) {
      this.issue('ref.too-long', 'warning', t.slice(0, 40), row, column, { limit: String(MAX_REF_LENGTH) });
      t = t.slice(0, MAX_REF_LENGTH);
    }
    return t;
  }

  /**
   * A person's name or other free text: as text(), with a warning when it holds U+FFFD, the mark
   * of text decoded in the wrong encoding ("Zo� Thompson-M�ller" from a Windows-1252 file).
   */
  name(raw: RawCell | undefined, row: number, column: MappedColumn): string {
    const t = this.text(raw);
    if (t.includes('\ufffd')) this.issue('text.mojibake', 'warning', raw, row, column);
    if (t.length <= MAX_TEXT_LENGTH) return t;
    this.issue('ref.too-long', 'warning', t.slice(0, 40), row, column, { limit: String(MAX_TEXT_LENGTH) });
    return t.slice(0, MAX_TEXT_LENGTH);
  }

  /**
   * A date; optional dates (a tenancy's end) may be blank and give null without an issue. A text
   * date with a two-digit year is read by Excel's window (00-29 -> 20yy, 30-99 -> 19yy) with a
   * warning, or refused when `fullYear` (tenancy dates).
   */
  date(raw: RawCell | undefined, row: number, column: MappedColumn, required: boolean, fullYear = false): IsoDate | null | undefined {
    if (typeof raw === 'number') {
      if (raw === this.lastSerial && this.lastSerialDate !== null) return this.lastSerialDate;
      let d = this.serialDates.get(raw);
      if (d === undefined) {
        d = serialToIso(raw);
        this.serialDates.set(raw, d);
      }
      if (d === null) this.issue('date.invalid', 'error', raw, row, column);
      this.lastSerial = raw;
      this.lastSerialDate = d;
      return d ?? undefined;
    }
    if (blankCell(raw)) {
      if (required) this.issue('date.blank', 'error', raw, row, column);
      return required ? undefined : null;
    }
    if (cellError(raw)) {
      this.issue('cell.error', 'error', raw, row, column);
      return undefined;
    }
    const t = String(raw).replace(INVISIBLE_ALL, ' ');
    let d = this.textDates.get(t);
    if (d === undefined) {
      d = parseDayFirst(t);
      this.textDates.set(t, d);
    }
    if (d === null) this.issue('date.invalid', 'error', raw, row, column);
    else if (hasTwoDigitYear(t)) {
      if (fullYear) {
        this.issue('date.two-digit-year', 'error', raw, row, column, { refused: 'yes' });
        return undefined;
      }
      this.issue('date.two-digit-year', 'warning', raw, row, column, { year: d.slice(0, 4) });
    }
    return d ?? undefined;
  }

  /** An amount of pounds; blank gives `blankAs` (zero for a Debit/Credit pair) or an issue when undefined. */
  amount(raw: RawCell | undefined, row: number, column: MappedColumn, blankAs?: Pence): Pence | undefined {
    if (typeof raw === 'number') {
      if (Number.isFinite(raw) && !inRange(raw * 100)) {
        this.issue('amount.out-of-range', 'error', raw, row, column);
        return undefined;
      }
      const p = pence(raw);
      if (p === null) this.issue(Number.isFinite(raw) ? 'amount.too-many-decimals' : 'amount.not-number', 'error', raw, row, column);
      return p ?? undefined;
    }
    if (blankCell(raw)) {
      if (blankAs !== undefined) return blankAs;
      this.issue('amount.blank', 'error', raw, row, column);
      return undefined;
    }
    if (cellError(raw)) {
      this.issue('cell.error', 'error', raw, row, column);
      return undefined;
    }
    const parsed = parseAmountText(String(raw));
    if (parsed === 'too-many-decimals') {
      this.issue('amount.too-many-decimals', 'error', raw, row, column);
      return undefined;
    }
    if (parsed === 'double-sign') {
      this.issue('amount.double-sign', 'error', raw, row, column);
      return undefined;
    }
    if (parsed === 'out-of-range') {
      this.issue('amount.out-of-range', 'error', raw, row, column);
      return undefined;
    }
    if (parsed === null) {
      this.issue('amount.not-number', 'error', raw, row, column);
      return undefined;
    }
    return parsed;
  }

  /** A row with nothing in the mapped columns is skipped; so is a "Total" row with no key. */
  isSkippable(row: readonly RawCell[], indexes: readonly number[], keyIndex: number, rowNumber: number, keyColumn: MappedColumn): boolean {
    if (!blankCell(row[keyIndex])) return false; // the key is a mapped column: not blank, and not a totals row
    let blank = true;
    for (const i of indexes) {
      if (!blankCell(row[i])) {
        blank = false;
        break;
      }
    }
    if (blank) return true;
    const total = row.some((c) => typeof c === 'string' && TOTAL_ROW.test(c));
    if (total) this.issue('row.total-skipped', 'info', row.find((c) => typeof c === 'string' && TOTAL_ROW.test(c)), rowNumber, keyColumn);
    return total;
  }
}

/** Whether any character is beyond ASCII (the invisible characters all are): most refs are plain ASCII and need no regex. */
function hasNonAscii(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) > 127) return true;
  return false;
}

/**
 * Amount text as exports write it: "1234.5", "£1,234.50", "-£12.00", "(123.45)" (negative),
 * "123.45 CR" (a credit: negative), "123.45 DR". More than two decimals is refused, not rounded.
 * One sign only: "(-282.08)", "--282.08" and "-282.08 CR" could mean either sign, so they are
 * refused ('double-sign'), never guessed; an amount beyond MAX_AMOUNT_PENCE is 'out-of-range'.
 */
export function parseAmountText(text: string): Pence | null | 'too-many-decimals' | 'double-sign' | 'out-of-range' {
  let s = text.trim().replace(/\u00a0/g, ' ');
  let negative = false;
  let signs = 0;
  const suffix = /^(.*?)\s*(CR|DR)$/i.exec(s);
  if (suffix) {
    if ((suffix[2] ?? '').toUpperCase() === 'CR') negative = !negative;
    signs++;
    s = (suffix[1] ?? '').trim();
  }
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = !negative;
    signs++;
    s = (paren[1] ?? '').trim();
  }
  const sign = /^([+-])\s*(.*)$/.exec(s);
  if (sign) {
    if (sign[1] === '-') negative = !negative;
    signs++;
    s = sign[2] ?? '';
  }
  s = s.replace(/^£\s*/, '');
  const inner = /^([+-])\s*(.*)$/.exec(s);
  if (inner) {
    if (inner[1] === '-') negative = !negative;
    signs++;
    s = inner[2] ?? '';
  }
  if (signs > 1 || /^[+-]/.test(s)) return 'double-sign';
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$|^\.\d+$/.test(s)) return null;
  s = s.replace(/,/g, '');
  if (/\.\d{3,}$/.test(s)) return 'too-many-decimals';
  const p = parsePence(s.startsWith('.') ? `0${s}` : s);
  if (p === null) return /^\d+(\.\d*)?$/.test(s) ? 'out-of-range' : null;
  if (!isAmountInRange(p)) return 'out-of-range';
  return (negative && p !== 0 ? -p : p) as Pence;
}

