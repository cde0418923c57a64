/**
 * `housing-ledger sign AUDIT.xlsx --as preparer|reviewer --name NAME [--reason TEXT]`: signs the pack's
 * session under the pane's rules (preparer first, a different reviewer, a reason when NOT BALANCED).
 * A pack changed since it was written is not signed (run verify). Refusals exit 2. The Summary's
 * sign-off rows and trail head are updated to match the session, and verify's image with them.
 */
import { SESSION_SHEET } from '../engine/signoff/session-sheet';
import { packImage, verifyPack } from '../engine/signoff/pack-check';
import { TRAIL_HEAD_LABEL } from '../engine/audit-pack';
import { signSession, summarySignOffs } from '../engine/signoff/pack-session';
import { onePositional, parseCommand } from './args';
import { CliInputError } from './errors';
import { imageOf, openPack, writeSession, type PackIo } from './verify-cli';
import { DATE_FORMAT } from '../workbook/render';
import { saveWorkbook } from './workbook-io';

export async function signCommand(args: readonly string[], io: PackIo, help: string): Promise<number> {
  const parsed = parseCommand(args, { as: { type: 'string' }, name: { type: 'string' }, reason: { type: 'string' } }, io, help);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const path = onePositional(positionals, 'sign needs an audit workbook: housing-ledger sign AUDIT.xlsx --as preparer|reviewer --name NAME [--reason TEXT]');
  const role = values.as as string | undefined;
  if (role !== 'preparer' && role !== 'reviewer') throw new CliInputError('--as must be preparer or reviewer');
  const name = values.name as string | undefined;
  if (!name) throw new CliInputError('sign needs --name NAME (a typed name is an attestation, not a login: docs/signing.md)');
  const { wb, sheets, session } = await openPack(path);
  const pack = sheets.filter((s) => s.name !== SESSION_SHEET.name);
  const check = verifyPack({ ...session, signOffs: [] }, packImage(pack), pack);
  if (!check.ok) throw new CliInputError(`${path}: changed since it was written; not signed (run housing-ledger verify)`, check.findings.slice(0, 10).map((f) => `${f.sheet}!${f.cell}: ${f.message}`));
  const out = signSession(session, { role, name, at: io.now().toISOString(), reason: (values.reason as string | undefined) ?? null });
  if (!out.ok || !out.session) throw new CliInputError(out.ok ? 'not signed' : out.message);
  // The Summary says who signed (or that the signatures are void) and the trail's head, as the
  // session now does; the image verify checks is taken again after, so verify still passes.
  const shown = summarySignOffs(out.session);
  const summary = wb.workbook.getWorksheet('HL Summary');
  summary?.eachRow((row) => {
    const label = row.getCell(1).value;
    const s = label === 'Prepared by' ? shown.preparer : label === 'Reviewed by' ? shown.reviewer : null;
    if (s) {
      row.getCell(2).value = s.name;
      const day = row.getCell(4);
      day.value = s.day ? new Date(`${s.day}T00:00:00Z`) : null;
      if (s.day) day.numFmt = DATE_FORMAT;
    } else if (label === TRAIL_HEAD_LABEL) row.getCell(2).value = shown.trailHead;
  });
  await writeSession(wb, { ...out.session, image: await imageOf(wb) });
  await saveWorkbook(wb, path);
  io.out(`${path}: signed as ${role} by ${out.signOff.name}${out.signOff.reason ? ` (reason: ${out.signOff.reason})` : ''}.`);
  return 0;
}
