/**
 * CSV, read and written the one way every part of the engine does it. Reading is one record per
 * line (RFC 4180 quoting within a line): a payment file's issues name the line a person sees in a
 * text editor, and a quote left open is that line's problem, not a field swallowing the rest of the
 * file. Writing quotes what needs quoting and defuses text a spreadsheet would run as a formula.
 *
 * Why not papaparse (dropped 06/12/2026, measured on the 50,000-line files of bench:payments):
 * parsing the whole text, its records drift from the file's lines after an unclosed quote (the
 * wrong line is reported, a broken line read as a payment); parsing line by line keeps the lines
 * but made the whole import 1.18-1.35x the CPU time; and Papa.unparse with escapeFormulae was
 * 1.26x slower than csvText and quotes every defused cell (different bytes in the files we write).
 */

/** Splits the text into lines (LF, CRLF or CR), dropping one BOM. */
export function splitLines(text: string): string[] {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const crlf = t.indexOf('\r\n');
  // One kind of line ending throughout is the rule; a plain split is several times faster than a regex.
  if (crlf >= 0 && !/\r(?!\n)|(?<!\r)\n/.test(t)) return t.split('\r\n');
  if (crlf < 0 && !t.includes('\r')) return t.split('\n');
  return t.split(/\r\n|\n|\r/);
}

/** Splits one delimited line (RFC 4180 quoting, one line per record); null when a quote is left open. */
export function splitDelimited(line: string, delimiter: string): string[] | null {
  if (!line.includes('"')) return line.split(delimiter);
  const out: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let wasQuoted = false;
  while (i < line.length) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (ch === delimiter) {
      out.push(field);
      field = '';
      wasQuoted = false;
    } else field += ch;
    i++;
  }
  if (quoted) return null;
  out.push(field);
  return out;
}

/** Rows of a delimited text with a header row, keyed by the trimmed headers; blank lines skipped. */
export function csvRecords(text: string, delimiter = ','): Record<string, string>[] {
  const rows = splitLines(text)
    .filter((l) => l.trim() !== '')
    .map((l) => splitDelimited(l, delimiter) ?? l.split(delimiter));
  const [head, ...body] = rows;
  if (!head) return [];
  const keys = head.map((h) => h.trim());
  return body.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? ''])));
}

/** The delimiters a payment file is tried with, most usual first. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter that splits sample lines most consistently into more than one field (',' when none does). */
export function guessDelimiter(sample: readonly string[], candidates: readonly string[] = DELIMITERS): string {
  const score = (d: string): number => {
    const counts = sample.map((l) => (splitDelimited(l, d) ?? []).length);
    const common = counts.filter((c) => c === counts[0]).length;
    return (counts[0] ?? 1) > 1 ? common * 100 + (counts[0] ?? 0) : 0;
  };
  return [...candidates].sort((a, b) => score(b) - score(a))[0] ?? ',';
}

/** CSV cells a spreadsheet could run as a formula get a leading apostrophe (CSV injection). */
export function csvText(value: string): string {
  return csvQuote(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/** Quotes a cell holding a delimiter, a quote or a line break (quotes doubled). */
export function csvQuote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
