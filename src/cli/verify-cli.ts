/**
 * `housing-ledger verify AUDIT.xlsx [--sources WORKBOOK.xlsx] [--json]` and the pack helpers `sign`
 * shares: re-performs the pack from the workbook alone (pack-check.ts). Exit 0 when everything holds,
 * 1 with each finding located (sheet and cell), 2 when the file is not an audit workbook or cannot be read.
 */
import type { SheetData } from '../engine/cells';
import { packImage, verifyPack, type PackImage } from '../engine/signoff/pack-check';
import { readSessionSheet, SESSION_SHEET, sessionSheet, type WorkbookSession } from '../engine/signoff/session-sheet';
import type { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';
import { readUserSheets } from '../workbook/user-sheets';
import { onePositional, parseCommand } from './args';
import { CliInputError } from './errors';
import { openWorkbook } from './workbook-io';

export interface PackIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => Date;
}

/** The product's sheets of a workbook (the HL sheets, the session's included). */
export async function readPackSheets(wb: XlsxWorkbook): Promise<SheetData[]> {
  const infos = (await wb.listSheets()).filter((s) => s.productKey !== null || s.name.startsWith('HL '));
  const out: SheetData[] = [];
  for (const i of infos) out.push(await wb.readSheet(i.name));
  return out;
}

/** The image of a workbook's pack sheets now. */
export async function imageOf(wb: XlsxWorkbook): Promise<PackImage> {
  return packImage((await readPackSheets(wb)).filter((s) => s.name !== SESSION_SHEET.name));
}

/** Writes the session sheet into the workbook. */
export async function writeSession(wb: XlsxWorkbook, session: WorkbookSession): Promise<void> {
  await wb.writeSheets([sessionSheet(session)]);
}

/** An audit workbook's sheets and session, or exit 2. */
export async function openPack(path: string): Promise<{ wb: XlsxWorkbook; sheets: SheetData[]; session: WorkbookSession }> {
  const wb = await openWorkbook(path);
  const sheets = await readPackSheets(wb);
  if (!sheets.some((s) => s.name === 'HL Summary')) throw new CliInputError(`${path}: not an audit workbook (no HL Summary sheet)`);
  const read = readSessionSheet(sheets);
  if (!read.ok) throw new CliInputError(`${path}: ${read.message}`);
  return { wb, sheets, session: read.session };
}

export async function verifyCommand(args: readonly string[], io: PackIo, help: string): Promise<number> {
  const parsed = parseCommand(args, { sources: { type: 'string' }, json: { type: 'boolean' } }, io, help);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  // A second workbook is refused, not ignored: `verify AUDIT.xlsx MONTH.xlsx` would otherwise pass without checking the sources.
  const path = onePositional(positionals, 'verify needs an audit workbook: housing-ledger verify AUDIT.xlsx [--sources WORKBOOK.xlsx] [--json]');
  const { sheets, session } = await openPack(path);
  const sourcesPath = values.sources as string | undefined;
  const sources = sourcesPath ? await readUserSheets(await openWorkbook(sourcesPath)) : undefined;
  const pack = sheets.filter((s) => s.name !== SESSION_SHEET.name);
  const v = verifyPack(session, packImage(pack), pack, sources);
  if (values.json) {
    io.out(JSON.stringify({ ok: v.ok, findings: v.findings, signOffs: v.signOffs, trail: v.trail }));
  } else {
    io.out(v.ok ? `${path}: verified: every cell, the ${v.figures} Summary figures recomputed from the detail sheets, the trail (${v.trail.events} events) and the sign-offs hold.` : `${path}: ${v.findings.length} finding(s):`);
    for (const f of v.findings) io.out(`  ${f.sheet}!${f.cell}: ${f.message} [${f.code}]`);
    for (const s of v.signOffs) io.out(`  ${s.role} ${s.name}: ${s.valid ? 'valid' : 'void'}`);
  }
  return v.ok ? 0 : 1;
}
