/**
 * The pane's editable settings as the config file's JSON (the same keys as the CLI's --config), and
 * small conversions between what people type and what the engine takes.
 */
import type { Category } from '../engine/categories';
import type { SourceRole, UserReconcilingItem } from '../engine/config';
import { parseDayFirst, type IsoDate } from '../engine/dates';
import type { Pence } from '../engine/money';
import type { Settings, StoredReconcilingItem } from '../store/schema';

export interface ConfigJson {
  rentYearStart?: string;
  rentFreeWeeks?: string[];
  proRata?: 'none' | 'daily';
  glControlAccount?: string;
  glSuspenseAccount?: string;
  codes?: Record<string, Category>;
  batchWindowDays?: number;
  timingWindowDays?: number;
  suspenseAgeLimitDays?: number;
  sheets?: Partial<Record<SourceRole, string>>;
  columns?: Partial<Record<SourceRole, Record<string, string>>>;
  [key: string]: unknown;
}

export const ROLE_ORDER: readonly SourceRole[] = ['rentRoll', 'transactions', 'gl', 'suspense'];

export const ROLE_LABEL: Readonly<Record<SourceRole, string>> = {
  rentRoll: 'Rent roll',
  transactions: 'Housing system transactions',
  gl: 'GL control account',
  suspense: 'Suspense items',
};

export function settingsOf(config: ConfigJson): Settings {
  return { config: { ...config }, sheets: { ...(config.sheets ?? {}) }, columns: { ...(config.columns ?? {}) } };
}

export function configOf(settings: Settings | undefined): ConfigJson {
  return { ...((settings?.config ?? {}) as ConfigJson) };
}

/** "21/12/2026, 28/12/2026" (or one per line) -> ISO dates; the ones that are not dates, as typed. */
export function parseDateList(text: string): { dates: IsoDate[]; bad: string[] } {
  const dates: IsoDate[] = [];
  const bad: string[] = [];
  for (const part of text.split(/[\s,;]+/).filter(Boolean)) {
    const d = parseDayFirst(part);
    if (d) dates.push(d);
    else bad.push(part);
  }
  return { dates, bad };
}

export function toUserItems(items: readonly StoredReconcilingItem[]): UserReconcilingItem[] {
  return items.map((i) => ({ ref: i.ref, type: i.type, amount: i.amount as Pence, explanation: i.explanation, owner: i.owner, date: i.date as IsoDate | null }));
}

export function nextRef(items: readonly StoredReconcilingItem[]): string {
  let n = items.length + 1;
  const refs = new Set(items.map((i) => i.ref));
  while (refs.has(`U${n}`)) n++;
  return `U${n}`;
}

export function monthLabel(period: string): string {
  const [y, m] = period.split('-').map(Number);
  if (!y || !m) return period;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function ukDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Today's date on this machine's clock, as YYYY-MM-DD (the pane's clock for the jobs). */
export function localToday(now: Date = new Date()): IsoDate {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}` as IsoDate;
}
