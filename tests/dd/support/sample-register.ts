/**
 * A mandate register for the sample workbook's Direct Debit payers, built from its December 2026
 * DD postings: frequency from the posting's description, amount from the collection, monthly
 * Collection Day from its date, weekly cycles anchored eight weeks back, all lodged on 1 September
 * 2026 and live; bank details made up but passing the modulus check. assets/dd/sample-mandates.csv
 * is this register (a test keeps the two the same).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/engine/config';
import { addDays, formatUkDate, type IsoDate } from '../../../src/engine/dates';
import { checkBankDetails } from '../../../src/engine/dd/modulus';
import { parseModulusTables } from '../../../src/engine/dd/modulus-data';
import { formatPence, type Pence } from '../../../src/engine/money';
import type { Posting, Tenancy } from '../../../src/engine/records';
import { readSources } from '../../../src/engine/sources/read-sources';
import { readUserSheets } from '../../../src/workbook/user-sheets';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/xlsx-workbook';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const SAMPLE_WORKBOOK = join(ROOT, 'assets', 'sample-workbook.xlsx');
export const DD_ASSETS = join(ROOT, 'assets', 'dd');

export const MODULUS = parseModulusTables(readFileSync(join(DD_ASSETS, 'valacdos-v7-90.txt'), 'utf8'), readFileSync(join(DD_ASSETS, 'scsubtab.txt'), 'utf8')).tables;

/** Sort codes of several algorithms (MOD10, MOD11, double alternate, with exceptions). */
const SORT_CODES = ['089999', '107999', '202959', '871427', '118765', '938063', '309070', '772798'];

/** A made-up account number that passes the modulus check for the sort code, seeded by the account ref. */
export function bankDetailsFor(accountRef: string, i: number): { sortCode: string; account: string } {
  const sortCode = SORT_CODES[i % SORT_CODES.length] as string;
  const base = Number(accountRef.replace(/\D/g, '').slice(-7)) * 10;
  for (let k = 0; k < 1000; k++) {
    const account = String((base + k * 7919) % 100_000_000).padStart(8, '0');
    if (checkBankDetails(MODULUS, sortCode, account).valid && !checkBankDetails(MODULUS, sortCode, account).reason.startsWith('sort code not')) return { sortCode, account };
  }
  throw new Error(`no valid account number for ${accountRef}`);
}

export interface SampleDd {
  readonly postings: readonly Posting[];
  readonly roll: readonly Tenancy[];
  readonly csv: string;
}

export async function sampleDd(): Promise<SampleDd> {
  const wb = await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE_WORKBOOK));
  const sources = readSources('sample-workbook.xlsx', await readUserSheets(wb), DEFAULT_CONFIG);
  const roll = sources.rentRoll?.records ?? [];
  const postings = (sources.transactions?.records ?? []).filter((p) => p.category === 'DD');
  const first = new Map<string, Posting>();
  for (const p of postings) if (!first.has(p.account)) first.set(p.account, p);
  const lines = ['Account Ref,Payer Name,Sort Code,Account Number,DDI Reference,Amount,Frequency,Collection Day,Status,Lodged On,First Collection'];
  [...first.values()]
    .sort((a, b) => a.account.localeCompare(b.account))
    .forEach((p, i) => {
      const t = roll.find((x) => x.account === p.account);
      const frequency = /monthly/.test(p.description) ? 'monthly' : /fortnightly/.test(p.description) ? 'fortnightly' : /4-weekly/.test(p.description) ? '4-weekly' : 'weekly';
      const bank = bankDetailsFor(p.account, i);
      // A monthly collection on the 29th was due on the 28th (a bank holiday in December 2026).
      const day = Math.min(28, Number(p.date.slice(8, 10)));
      const firstCollection = frequency === 'monthly' ? (`2026-10-${String(day).padStart(2, '0')}` as IsoDate) : addDays(p.date, -56);
      lines.push(
        [
          p.account,
          `"${(t?.tenant ?? 'Tenant').replace(/"/g, '""')}"`,
          `${bank.sortCode.slice(0, 2)}-${bank.sortCode.slice(2, 4)}-${bank.sortCode.slice(4)}`,
          bank.account,
          `HL${p.account}`,
          formatPence(-p.amount as Pence),
          frequency,
          frequency === 'monthly' ? String(day) : '',
          'live',
          '01/09/2026',
          formatUkDate(firstCollection),
        ].join(','),
      );
    });
  return { postings, roll, csv: `${lines.join('\r\n')}\r\n` };
}
