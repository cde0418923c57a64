/**
 * The NoPL register as of a day (issue 16). A notice's last valid day is the day before the third
 * anniversary of its registration (anniversary.ts: 15/03/2024 -> 14/03/2027, 29/02/2024 ->
 * 28/02/2027). Its status: discharged (a Discharged On on or before the day), renewed (a notice
 * whose Renewal Of names it was registered by its last valid day), lapsed (past its last valid day),
 * else live. A renewal registered after the notice lapsed is a new notice, not a renewal (the
 * Keeper treats it so), and is flagged. A live notice alerts at 90, 60 and 30 days before expiry:
 * the nearest reached (30 when the last valid day is at most 30 days away). Notices registered after
 * the day are left out.
 */
import { daysBetween, type IsoDate } from '../../dates';
import { cellLocation } from '../../issues';
import { lastDayOfYearsBeginningWith } from './anniversary';
import type { DebtIssue } from './messages';
import type { Notice } from './read-debt';

export type NoticeStatus = 'live' | 'lapsed' | 'discharged' | 'renewed';
export type NoticeAlert = 90 | 60 | 30;

/** The years a notice lasts before it must be renewed (TC(S)A 2003 s.10A(3), T(S)A 2004 s.13(3)). */
export const NOPL_YEARS = 3;

export interface NoticeState {
  readonly notice: Notice;
  readonly lastValidDay: IsoDate;
  readonly status: NoticeStatus;
  readonly alert: NoticeAlert | null;
  /** The notice that renewed it, in time; null otherwise. */
  readonly renewedBy: string | null;
  /** Days from the as-of date to the last valid day (negative once lapsed). */
  readonly daysLeft: number;
}

/** The last day a notice registered on `registeredOn` is valid without renewal. */
export function noplLastValidDay(registeredOn: IsoDate): IsoDate {
  return lastDayOfYearsBeginningWith(registeredOn, NOPL_YEARS);
}

/** The alert a live notice shows with `daysLeft` days to its last valid day. */
export function noplAlert(daysLeft: number): NoticeAlert | null {
  if (daysLeft <= 30) return 30;
  if (daysLeft <= 60) return 60;
  if (daysLeft <= 90) return 90;
  return null;
}

/** Every notice registered by the as-of date with its status, in sheet order, and the renewals that came too late. */
export function noticeStates(notices: readonly Notice[], asOf: IsoDate, file: string, renewalCol: { col: number; header: string }): { states: NoticeState[]; issues: DebtIssue[] } {
  const issues: DebtIssue[] = [];
  const known = notices.filter((n) => n.registeredOn <= asOf);
  const states = known.map((n): NoticeState => {
    const lastValidDay = noplLastValidDay(n.registeredOn);
    const daysLeft = daysBetween(asOf, lastValidDay);
    const renewals = known.filter((r) => r.renewalOf !== null && r.renewalOf.toUpperCase() === n.ref.toUpperCase());
    const inTime = renewals.find((r) => r.registeredOn <= lastValidDay) ?? null;
    for (const late of renewals.filter((r) => r.registeredOn > lastValidDay)) {
      issues.push({ code: 'debt.renewal-late', severity: 'warning', raw: late.renewalOf, location: cellLocation(file, late.sheet, late.row, renewalCol.col, renewalCol.header), detail: { ref: n.ref, lastValidDay } });
    }
    let status: NoticeStatus;
    if (n.dischargedOn !== null && n.dischargedOn <= asOf) status = 'discharged';
    else if (inTime !== null) status = 'renewed';
    else if (daysLeft < 0) status = 'lapsed';
    else status = 'live';
    return { notice: n, lastValidDay, status, alert: status === 'live' ? noplAlert(daysLeft) : null, renewedBy: inTime?.ref ?? null, daysLeft };
  });
  return { states, issues };
}
