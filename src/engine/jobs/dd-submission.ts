/**
 * Job: agree what Bacs says it took in (the Bacstel-IP submission results) with the collection
 * file that was sent (CLI `dd submission`). For the payment file of the same processing day: its
 * status (accepted once 'complete'), the service user number, the debit and credit item counts
 * and values and the instruction count, each against the file's own detail records (contras
 * excluded on both sides, as the submission results count them). Exit 0 when everything agrees
 * and the file was accepted, 1 when anything differs, 2 when either file cannot be read.
 */
import { formatUkDate, type IsoDate } from '../dates';
import { DDI_CODES, DEBIT_CODES, DETAIL, DETAIL_LENGTH, UHL1, VOL1, type TransactionCode } from '../dd/standard18';
import { readBacsDate } from '../dd/bacs-text';
import { readSubmissionResults, type SubmittedFile } from '../dd/submission-report';
import { formatGBP, type Pence } from '../money';

export interface FileFigures {
  readonly processingDay: IsoDate | null;
  readonly sun: string | null;
  readonly debits: { readonly count: number; readonly value: number };
  readonly credits: { readonly count: number; readonly value: number };
  readonly ddis: number;
}

export interface SubmissionCheck {
  readonly what: string;
  readonly submitted: string;
  readonly file: string;
  readonly agrees: boolean;
}

export interface DdSubmissionResult {
  readonly problems: readonly string[];
  readonly accepted: boolean;
  readonly agrees: boolean;
  readonly checks: readonly SubmissionCheck[];
  readonly exitCode: 0 | 1 | 2;
  readonly text: string;
  readonly json: unknown;
}

const at = (line: string, [start, len]: readonly [number, number]): string => line.slice(start - 1, start - 1 + len);

/** The file's own figures: items by their transaction codes, contras (records to the originator's own account) left out. */
export function fileFigures(bacsText: string): FileFigures {
  const lines = bacsText.split(/\r?\n/);
  const uhl = lines.find((l) => l.startsWith('UHL1'));
  const vol = lines.find((l) => l.startsWith('VOL1'));
  const out = { debits: { count: 0, value: 0 }, credits: { count: 0, value: 0 }, ddis: 0 };
  for (const l of lines) {
    if (l.length !== DETAIL_LENGTH) continue;
    const code = at(l, DETAIL.code) as TransactionCode;
    const toOriginator = at(l, DETAIL.destSortCode) + at(l, DETAIL.destAccount) === at(l, DETAIL.origSortCode) + at(l, DETAIL.origAccount);
    const amount = Number(at(l, DETAIL.amount));
    if (DDI_CODES.includes(code)) out.ddis++;
    else if (toOriginator) continue;
    else if (DEBIT_CODES.includes(code)) {
      out.debits.count++;
      out.debits.value += amount;
    } else if (code === '99') {
      out.credits.count++;
      out.credits.value += amount;
    }
  }
  return { processingDay: uhl ? readBacsDate(at(uhl, UHL1.processingDay)) : null, sun: vol ? at(vol, VOL1.sun).trim() || null : null, ...out };
}

const pence = (v: number | null): string => (v === null ? '(none given)' : formatGBP(v as Pence));

/** Agrees the submission results with the file sent. */
export function runDdSubmission(submissionText: string, bacsText: string, names: { readonly submission: string; readonly file: string }): DdSubmissionResult {
  const { results, fileProblem } = readSubmissionResults(submissionText);
  const problems: string[] = [];
  if (fileProblem !== null) problems.push(`${names.submission}: ${fileProblem}`);
  else if (results === null) problems.push(`${names.submission}: not a Bacs submission results report (SubmissionResults)`);
  for (const p of results?.problems ?? []) problems.push(`${names.submission} line ${p.line}: ${p.message}`);
  const file = fileFigures(bacsText);
  if (file.processingDay === null) problems.push(`${names.file}: no readable UHL1 processing day: not a Standard 18 file`);
  if (problems.length > 0 || results === null || file.processingDay === null) return { problems, accepted: false, agrees: false, checks: [], exitCode: 2, text: problems.join('\n'), json: { problems } };
  const day = file.processingDay;
  const match: SubmittedFile | undefined = results.files.find((f) => f.processingDay === day);
  const checks: SubmissionCheck[] = [];
  const check = (what: string, submitted: string, mine: string): void => {
    checks.push({ what, submitted, file: mine, agrees: submitted === mine });
  };
  if (match === undefined) {
    checks.push({ what: 'payment file', submitted: results.files.map((f) => (f.processingDay ? formatUkDate(f.processingDay) : '?')).join(', '), file: formatUkDate(day), agrees: false });
  } else {
    check('status', match.status, 'complete');
    if (match.sun !== '' && file.sun !== null) check('service user number', match.sun, file.sun);
    check('debit items', String(match.debits.count ?? '(none given)'), String(file.debits.count));
    check('debit value', pence(match.debits.value), pence(file.debits.value));
    check('credit items', String(match.credits.count ?? '(none given)'), String(file.credits.count));
    check('credit value', pence(match.credits.value), pence(file.credits.value));
    if (match.ddis !== null) check('instructions (0N, 0C, 0S)', String(match.ddis), String(file.ddis));
  }
  const accepted = match !== undefined && match.status === 'complete';
  const agrees = checks.every((c) => c.agrees);
  const head = `${names.submission}: submission ${results.serialNumber || results.identifier} (${results.type || 'live'}), payment file for processing day ${formatUkDate(day)}: ${match === undefined ? 'NOT IN THE SUBMISSION' : accepted ? 'accepted' : `status ${match.status}`}; ${agrees ? `agrees with ${names.file}` : `DOES NOT AGREE with ${names.file}`}`;
  return {
    problems: [],
    accepted,
    agrees,
    checks,
    exitCode: agrees ? 0 : 1,
    text: [head, ...checks.filter((c) => !c.agrees).map((c) => `  ${c.what}: Bacs ${c.submitted}, the file ${c.file}`)].join('\n'),
    json: { submission: results.serialNumber || results.identifier, processingDay: day, accepted, agrees, checks },
  };
}
