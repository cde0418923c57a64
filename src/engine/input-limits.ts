/**
 * The size budget of every input a command reads as a whole (issue 10 item 5): past these a file is
 * refused, located (the file, its size, the limit, what to do), before it is read, so no input can
 * make a command run out of memory. Workbooks have their own cell budget (MAX_WORKBOOK_CELLS, read
 * from the zip's directory). The figures are generous for the real thing: a day's Allpay file of
 * 50,000 lines is about 3 MB, a year's bank statement under 20 MB, a config a few kilobytes; the
 * import ledger grows by about 1 MB per 50,000 payments, and V8 cannot hold a string over 512 MB.
 */

export type InputKind = 'payment-file' | 'statement' | 'config' | 'profile' | 'ledger' | 'open-items' | 'mandates' | 'actions' | 'workbook' | 'text';

const MB = 1024 * 1024;

/** Bytes each kind of input may hold. */
export const INPUT_LIMITS: Readonly<Record<InputKind, number>> = {
  'payment-file': 100 * MB,
  statement: 100 * MB,
  config: 4 * MB,
  profile: 1 * MB,
  ledger: 400 * MB,
  'open-items': 16 * MB,
  mandates: 100 * MB,
  actions: 64 * MB,
  workbook: 256 * MB,
  text: 100 * MB,
};

/** What each kind is called in the refusal. */
const NAMES: Readonly<Record<InputKind, string>> = {
  'payment-file': 'a payment file',
  statement: 'a bank statement',
  config: 'a config file',
  profile: 'an import profile',
  ledger: 'an import ledger',
  'open-items': 'an open-items file',
  mandates: 'a mandate register',
  actions: 'an account actions file',
  workbook: 'a workbook',
  text: 'this input',
};

const size = (bytes: number): string => (bytes >= MB ? `${(bytes / MB).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB` : `${Math.ceil(bytes / 1024).toLocaleString('en-GB')} KB`);

/** The refusal of an input over its budget, in words; null when it is within it. */
export function checkInputSize(kind: InputKind, bytes: number, limit: number = INPUT_LIMITS[kind]): string | null {
  if (bytes <= limit) return null;
  return `the file is ${size(bytes)}, more than ${NAMES[kind]} may be (${size(limit)}); is it the right file? Split it or remove what the run does not need`;
}
