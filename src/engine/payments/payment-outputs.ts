/**
 * What a payment run writes: the postings file for the housing system (columns and codes
 * configurable), the suspense items in the standard Suspense layout with the reason, and the daily
 * summary by channel and batch to agree with the GL. CSV text from a file or a person is defused
 * against formula injection; money is a decimal string, dates dd/mm/yyyy unless configured.
 */
import { z } from 'zod';
import { CATEGORIES } from '../categories';
import { csvText } from '../csv';
import { formatUkDate, type IsoDate } from '../dates';
import { formatPence, negPence } from '../money';
import type { Allocation } from './allocate-payments';

export const POSTING_VALUES = ['account', 'date', 'amount', 'code', 'batch', 'reference', 'channel', 'line', 'how'] as const;
export type PostingValue = (typeof POSTING_VALUES)[number];

export const postingsConfigSchema = z
  .object({
    columns: z
      .array(z.object({ header: z.string().min(1), value: z.enum(POSTING_VALUES) }).strict())
      .min(1)
      .default([
        { header: 'Account Ref', value: 'account' },
        { header: 'Date', value: 'date' },
        { header: 'Amount', value: 'amount' },
        { header: 'Code', value: 'code' },
        { header: 'Batch Ref', value: 'batch' },
      ]),
    /** Channel -> the housing system's transaction code; a channel not listed posts under its own name (ALLPAY, CASH, ...). */
    codes: z.partialRecord(z.enum(CATEGORIES), z.string().min(1)).default({}),
    /** 'receipt-negative' (default): a payment lowers the balance, as in the Rent transactions layout (positive = charge). */
    amountSign: z.enum(['receipt-negative', 'receipt-positive']).default('receipt-negative'),
    dateFormat: z.enum(['dd/mm/yyyy', 'yyyy-mm-dd']).default('dd/mm/yyyy'),
    header: z.boolean().default(true),
  })
  .strict();

export type PostingsConfig = z.output<typeof postingsConfigSchema>;
export const DEFAULT_POSTINGS: PostingsConfig = postingsConfigSchema.parse({});

function day(d: IsoDate, format: PostingsConfig['dateFormat']): string {
  return format === 'dd/mm/yyyy' ? formatUkDate(d) : d;
}

/** The postings file: one line per allocated payment, in file order. */
export function postingsCsv(a: Allocation, config: PostingsConfig = DEFAULT_POSTINGS): string {
  const code = config.codes[a.channel] ?? a.channel;
  const rows = a.allocated.map((p) =>
    config.columns
      .map((c) => {
        switch (c.value) {
          case 'account':
            return csvText(p.account);
          case 'date':
            return day(p.line.date, config.dateFormat);
          case 'amount':
            return formatPence(config.amountSign === 'receipt-negative' ? negPence(p.line.amount) : p.line.amount);
          case 'code':
            return csvText(code);
          case 'batch':
            return csvText(p.batchRef);
          case 'reference':
            return csvText(p.line.reference);
          case 'channel':
            return a.channel;
          case 'line':
            return String(p.line.line);
          case 'how':
            return p.how;
          default: {
            const never: never = c.value;
            throw new Error(`unknown posting value ${String(never)}`);
          }
        }
      })
      .join(','),
  );
  const head = config.header ? [config.columns.map((c) => csvText(c.header)).join(',')] : [];
  return `${[...head, ...rows].join('\r\n')}\r\n`;
}

/** The standard Suspense layout (read back by the reconciliation and match-suspense), plus Reason and the file line. */
export const SUSPENSE_COLUMNS = ['Item Ref', 'Date', 'Amount', 'Reference', 'Payer', 'Narrative', 'Channel', 'Reason', 'Batch Ref', 'Source File', 'Source Line'] as const;

/** The unallocated lines as suspense items: amount positive = received. */
export function suspenseCsv(a: Allocation, sourceFile: string): string {
  const rows = a.suspense.map((s) => {
    const narrative = [s.line.narrative, s.line.card ? `card ${s.line.card}` : ''].filter((x) => x !== '').join(' ');
    return [
      csvText(s.itemRef),
      formatUkDate(s.line.date),
      formatPence(s.line.amount),
      csvText(s.line.reference),
      csvText(s.line.payer),
      csvText(narrative),
      a.channel,
      csvText(s.reason),
      csvText(s.batchRef),
      csvText(sourceFile),
      String(s.line.line),
    ].join(',');
  });
  return `${[SUSPENSE_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export const SUMMARY_COLUMNS = ['Date', 'Channel', 'Batch Ref', 'Lines', 'Total', 'Allocated Lines', 'Allocated', 'Suspense Lines', 'Suspense', 'Source File'] as const;

/** The daily summary: one line per batch (a channel's day), with a total line, to agree with the GL batch. */
export function summaryCsv(a: Allocation, sourceFile: string): string {
  const rows = a.batches.map((b) => {
    const nA = a.allocated.filter((x) => x.batchRef === b.batchRef).length;
    return [formatUkDate(b.date), b.channel, csvText(b.batchRef), String(b.count), formatPence(b.total), String(nA), formatPence(b.allocated), String(b.count - nA), formatPence(b.suspense), csvText(sourceFile)].join(',');
  });
  return `${[SUMMARY_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
