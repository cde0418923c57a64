/**
 * A deterministic generator of one realistic month for a UK housing association: the four input
 * sheets of the standard layout (rent roll, rent transactions, GL, suspense items), discrepancies
 * planted in them, and the reconciliation figures they must produce (the oracle).
 *
 * The oracle is computed from the generator's own model (which postings it made, which GL lines it
 * kept, dropped or mis-keyed), never by running the reconciliation engine or the rent calendar, so
 * the engine is tested against an independent account of the truth.
 *
 * Pure: no clock, no Math.random, no Node APIs. Same options, same output.
 *
 * This module is the generator's entry point and its public surface: generateMonth runs the steps,
 * one file each under month/ (accounts, postings, suspense, plants, batches, GL, oracle, sheets), in
 * a fixed order over separate random streams.
 */
import { CATEGORIES, type Category } from '../../src/engine/categories';
import { parseDayFirst } from '../../src/engine/dates';
import { plantAccountExceptions } from './month/account-plants';
import { makeAccounts } from './month/accounts';
import { keepBatchTotalsDistinct, makeBatches } from './month/batches';
import { buildCalendar } from './month/calendar';
import { DEFAULT_RENT_FREE_WEEKS, DEFAULT_RENT_YEAR_START, GL_CONTROL, GL_SUSPENSE, LANDLORD_CODES } from './month/conventions';
import { plantGlDiscrepancies, plantSuspenseDifference } from './month/gl-plants';
import { makeGl } from './month/gl';
import { type FinishContext, Interner, type PlantDraft, PostingStore } from './month/model';
import { computeExpected } from './month/oracle';
import { makePostings } from './month/postings';
import { Rng } from './month/rng';
import { renderSheets } from './month/sheets';
import { makeSuspense } from './month/suspense';
import { ALL_PLANTS, type GenerateOptions, type GeneratedMonth, type PlantKind } from './month/types';

export { describeMonth } from './month/describe';
export { englandBankHolidays } from './month/calendar';
export { DEFAULT_RENT_FREE_WEEKS, DEFAULT_RENT_YEAR_START, DEFAULT_SHEET_NAMES, GL_CONTROL, GL_SUSPENSE, LANDLORD_CODES } from './month/conventions';
export { Rng } from './month/rng';
export * from './month/types';

/** Generates one month of the four input sheets, with its planted discrepancies and expected figures. */
export function generateMonth(options: GenerateOptions): GeneratedMonth {
  if (!Number.isInteger(options.accounts) || options.accounts < 1) throw new RangeError(`accounts must be a whole number >= 1: ${options.accounts}`);
  const layoutOptions = options.layout ?? {};
  const titleRows = layoutOptions.titleRows ?? 0;
  if (!Number.isInteger(titleRows) || titleRows < 0 || titleRows > 19) throw new RangeError('titleRows must be 0 to 19 (headers are searched in the first 20 rows)');
  const rysText = options.rentYearStart ?? DEFAULT_RENT_YEAR_START;
  const rys = parseDayFirst(rysText);
  if (!rys) throw new RangeError(`rentYearStart is not a date: ${rysText}`);
  const rentFreeWeeks = (options.rentFreeWeeks ?? DEFAULT_RENT_FREE_WEEKS).map((w) => {
    const d = parseDayFirst(w);
    if (!d) throw new RangeError(`rent-free week is not a date: ${w}`);
    return d;
  });
  const cal = buildCalendar(options.period, rys, rentFreeWeeks);
  const selected = new Set<PlantKind>(options.plants === 'none' ? [] : options.plants === undefined || options.plants === 'all' ? ALL_PLANTS : options.plants);

  // Separate streams, so a plant or a layout choice never shifts the randomness of the month itself.
  const rng = new Rng(options.seed, 0);
  const plantRng = new Rng(options.seed, 2);
  const batchRng = new Rng(options.seed, 3);
  const layoutRng = new Rng(options.seed, 7);

  const descs = new Interner();
  const accounts = makeAccounts(options.accounts, cal, rng);
  const postings = new PostingStore(Math.ceil(options.accounts * 9.5) + 1024);
  makePostings(accounts, postings, cal, rng, descs);
  const suspense = makeSuspense(accounts, postings, cal, rng, descs, options.suspenseTraps ? new Rng(options.seed, 11) : null, options.suspenseItems);

  const plants: PlantDraft[] = [];
  plantAccountExceptions(selected, accounts, postings, cal, plantRng, descs, plants);

  const { batches, order } = makeBatches(postings, accounts.n, batchRng);
  keepBatchTotalsDistinct(batches, postings, order, suspense);
  plantGlDiscrepancies(selected, batches, cal, plantRng, plants);
  const gl = makeGl(batches, accounts, suspense, cal, options.seed);
  plantSuspenseDifference(selected, suspense, plantRng, plants);

  const expected = computeExpected(accounts, postings, batches, gl, suspense, cal);
  const layout = renderSheets(layoutOptions, cal, accounts, postings, order, batches, gl, suspense, descs, layoutRng);
  const ctx: FinishContext = { layout, gl };
  const records = plants.map((finish) => finish(ctx));

  const codes: Record<string, Category> = {};
  if (layoutOptions.landlordCodes) for (const c of CATEGORIES) codes[LANDLORD_CODES[c]] = c;
  const listed = suspense.filter((s) => s.listed && s.clearedDay < 0);

  return {
    period: options.period,
    config: { rentYearStart: rys, rentFreeWeeks: rentFreeWeeks.map((w) => String(w)), glControlAccount: GL_CONTROL, glSuspenseAccount: GL_SUSPENSE, codes },
    sheets: layout.sheets,
    expected,
    plants: records,
    suspenseTruth: listed.map((s) => ({ item: s.ref, account: s.account >= 0 ? (accounts.ref[s.account] as string) : null, evidence: s.evidence })),
    counts: {
      accounts: accounts.n,
      postings: order.perm.length,
      hmsBatches: batches.length,
      glLines: gl.lines.length,
      controlLines: gl.lines.filter((l) => l.account === GL_CONTROL).length,
      suspenseLines: gl.lines.filter((l) => l.account === GL_SUSPENSE).length,
      suspenseItems: listed.length,
    },
  };
}
