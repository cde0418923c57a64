/**
 * Letters for mail merge (issue 16): one row per account whose stage sends a letter and whose letter
 * for this stage and debt is not yet on the trail, with the owner's name and address, the figures
 * the letter quotes, the next step and its date, and the debt-advice text every letter must carry.
 * Dates are day-first for the reader; text cells are guarded so none becomes a formula.
 */
import { formatUkDate, type IsoDate } from '../../dates';
import { formatPence, type Pence } from '../../money';
import { csvText } from '../../csv';

export interface LetterRow {
  readonly owner: string;
  readonly ownerName: string;
  readonly address: string;
  readonly email: string;
  readonly paper: boolean;
  readonly property: string;
  readonly propertyAddress: string;
  readonly stage: string;
  readonly letter: string;
  readonly balance: Pence;
  readonly overdue: Pence;
  readonly disputed: Pence;
  readonly oldestDue: IsoDate | null;
  readonly daysOverdue: number | null;
  readonly nextAction: string | null;
  readonly nextActionOn: IsoDate | null;
  readonly asOf: IsoDate;
  readonly pfNumber: string;
  readonly debtAdvice: string;
  /** The debt the letter chases (the oldest unpaid item's Due Date): the trail's key. */
  readonly episode: IsoDate | null;
}

export const LETTER_COLUMNS = [
  'Owner Ref', 'Owner Name', 'Correspondence Address', 'Email', 'Paper', 'Property Ref', 'Property Address', 'Stage', 'Letter',
  'Balance', 'Overdue', 'Disputed', 'Oldest Due Date', 'Days Overdue', 'Next Action', 'Next Action On', 'As Of', 'PF Number', 'Debt Advice',
] as const;

/** The letters as CSV for a mail merge (CRLF, a header row). */
export function lettersCsv(rows: readonly LetterRow[]): string {
  const day = (d: IsoDate | null): string => (d === null ? '' : formatUkDate(d));
  const lines = [LETTER_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        csvText(r.owner), csvText(r.ownerName), csvText(r.address), csvText(r.email), r.paper ? 'Y' : 'N', csvText(r.property), csvText(r.propertyAddress), csvText(r.stage), csvText(r.letter),
        formatPence(r.balance), formatPence(r.overdue), formatPence(r.disputed), day(r.oldestDue), r.daysOverdue === null ? '' : String(r.daysOverdue), csvText(r.nextAction ?? ''), day(r.nextActionOn), day(r.asOf), csvText(r.pfNumber), csvText(r.debtAdvice),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
