/**
 * Recognise each sheet's role from its headers (never its name), find the header row within the
 * first 20 rows, and map columns to fields, with the config's overrides applied.
 */
import { columnLetter, isBlank, rawText, type SheetData } from '../cells';
import { DEFAULT_CONFIG, type LedgerConfig, type SourceRole } from '../config';
import { cellLocation, sheetLocation, type InputIssue } from '../issues';
import { normaliseHeader, ROLES, ROLE_BY_NAME, type FieldDef, type RoleDef } from './fields';

export const HEADER_SEARCH_ROWS = 20;

export interface MappedColumn {
  /** 1-based absolute column. */
  readonly col: number;
  readonly header: string;
}

export interface SheetDetection {
  readonly sheet: string;
  readonly role: SourceRole;
  /** 1-based absolute row of the header. */
  readonly headerRow: number;
  readonly columns: ReadonlyMap<string, MappedColumn>;
  readonly missing: readonly FieldDef[];
  readonly complete: boolean;
  /** 0..1: how sure the recognition is (all required fields found, and how many of the rest). */
  readonly confidence: number;
  /** Required fields another unused column could also be (two Amount-like columns); the config must pick. */
  readonly ambiguous: readonly AmbiguousField[];
}

export interface AmbiguousField {
  readonly field: FieldDef;
  readonly taken: MappedColumn;
  readonly other: MappedColumn;
}

const SYNONYMS: ReadonlyMap<SourceRole, ReadonlyMap<string, ReadonlySet<string>>> = new Map(
  ROLES.map((r) => [r.role, new Map(r.fields.map((fd) => [fd.field, new Set(fd.synonyms.map(normaliseHeader))]))]),
);

function letterToColumn(text: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(text)) return null;
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Where one layout's headers were found on a sheet (any layout: the rent sheets, the factoring register). */
export interface HeaderMatch {
  /** 1-based absolute row of the header. */
  readonly headerRow: number;
  readonly columns: ReadonlyMap<string, MappedColumn>;
  readonly missing: readonly FieldDef[];
  readonly complete: boolean;
  readonly confidence: number;
  /** Required fields another unused column could also be (a located error unless the config picks one). */
  readonly ambiguous: readonly AmbiguousField[];
}

function matchRow(
  sheet: SheetData,
  r: number,
  fields: readonly FieldDef[],
  synonyms: ReadonlyMap<string, ReadonlySet<string>>,
  overrides: Readonly<Record<string, string>> | undefined,
): HeaderMatch {
  const row = sheet.rows[r] ?? [];
  const headers = row.map((c) => (isBlank(c) ? '' : normaliseHeader(rawText(c) ?? '')));
  const used = new Set<number>();
  const columns = new Map<string, MappedColumn>();
  const take = (fd: FieldDef, i: number): void => {
    used.add(i);
    columns.set(fd.field, { col: sheet.originCol + i, header: rawText(row[i]) ?? '' });
  };
  // Overrides first: a header text or a column letter the user chose.
  for (const fd of fields) {
    const wanted = overrides?.[fd.field];
    if (wanted === undefined) continue;
    const byHeader = headers.indexOf(normaliseHeader(wanted));
    const letter = letterToColumn(wanted);
    const i = byHeader >= 0 ? byHeader : letter !== null ? letter - sheet.originCol : -1;
    if (i >= 0 && i < Math.max(row.length, 1) + 1000) take(fd, i);
  }
  // Then synonyms, required fields before optional ones, leftmost column first.
  const ordered = [...fields].sort((a, b) => Number(b.required) - Number(a.required));
  const bySynonym: FieldDef[] = [];
  for (const fd of ordered) {
    if (columns.has(fd.field)) continue;
    const names = synonyms.get(fd.field);
    const i = headers.findIndex((h, idx) => h !== '' && !used.has(idx) && names?.has(h));
    if (i >= 0) {
      take(fd, i);
      bySynonym.push(fd);
    }
  }
  // A required field found by synonym while another unused column could be it too: ambiguous, never a silent choice.
  const ambiguous: AmbiguousField[] = [];
  for (const fd of bySynonym) {
    if (!fd.required) continue;
    const names = synonyms.get(fd.field);
    const j = headers.findIndex((h, idx) => h !== '' && !used.has(idx) && names?.has(h));
    const taken = columns.get(fd.field);
    if (j >= 0 && taken) ambiguous.push({ field: fd, taken, other: { col: sheet.originCol + j, header: rawText(row[j]) ?? '' } });
  }
  const missing = fields.filter((fd) => fd.required && !columns.has(fd.field));
  const required = fields.filter((fd) => fd.required).length;
  const complete = missing.length === 0;
  const confidence = complete
    ? 0.6 + (0.4 * columns.size) / fields.length
    : (0.6 * (required - missing.length)) / required;
  return { headerRow: sheet.originRow + r, columns, missing, complete, confidence, ambiguous };
}

function mapRow(sheet: SheetData, r: number, role: RoleDef, overrides: Readonly<Record<string, string>> | undefined): SheetDetection {
  const synonyms = SYNONYMS.get(role.role) as ReadonlyMap<string, ReadonlySet<string>>;
  return { sheet: sheet.name, role: role.role, ...matchRow(sheet, r, role.fields, synonyms, overrides) };
}

/**
 * The best header row for a layout within the first rows of a sheet (title rows above it are
 * skipped), by the same synonyms-and-overrides rule as the rent sheets.
 */
export function findHeader(sheet: SheetData, fields: readonly FieldDef[], overrides?: Readonly<Record<string, string>>): HeaderMatch | null {
  const synonyms = new Map(fields.map((fd) => [fd.field, new Set(fd.synonyms.map(normaliseHeader))]));
  const lastRow = Math.min(sheet.rows.length, Math.max(0, HEADER_SEARCH_ROWS - sheet.originRow + 1));
  let best: HeaderMatch | null = null;
  for (let r = 0; r < lastRow; r++) {
    const m = matchRow(sheet, r, fields, synonyms, overrides);
    if (best === null || m.confidence > best.confidence) best = m;
  }
  return best;
}

function better(a: SheetDetection, b: SheetDetection | undefined): boolean {
  if (!b) return true;
  return a.confidence > b.confidence;
}

/** The best header row for each role on one sheet. */
export function detectSheet(sheet: SheetData, config: LedgerConfig = DEFAULT_CONFIG): SheetDetection[] {
  const out: SheetDetection[] = [];
  const lastRow = Math.min(sheet.rows.length, Math.max(0, HEADER_SEARCH_ROWS - sheet.originRow + 1));
  for (const role of ROLES) {
    let best: SheetDetection | undefined;
    for (let r = 0; r < lastRow; r++) {
      const d = mapRow(sheet, r, role, config.columns[role.role]);
      if (better(d, best)) best = d;
    }
    if (best) out.push(best);
  }
  return out;
}

export interface RoleAssignment {
  readonly detections: ReadonlyMap<SourceRole, SheetDetection>;
  /** Every sheet's best guess, for the pane's Sources step. */
  readonly perSheet: ReadonlyMap<string, SheetDetection | null>;
  readonly issues: InputIssue[];
}

const REQUIRED_ROLES: readonly SourceRole[] = ['rentRoll', 'transactions', 'gl'];
const ROLE_KEYS: readonly SourceRole[] = ['rentRoll', 'transactions', 'gl', 'suspense'];

/** Decides which sheet plays which role; a missing or ambiguous role becomes an issue, not an exception. */
export function assignRoles(file: string, sheets: readonly SheetData[], config: LedgerConfig = DEFAULT_CONFIG): RoleAssignment {
  const issues: InputIssue[] = [];
  const all = new Map<string, SheetDetection[]>();
  for (const s of sheets) all.set(s.name, detectSheet(s, config));
  const perSheet = new Map<string, SheetDetection | null>();
  for (const [name, ds] of all) {
    const complete = ds.filter((d) => d.complete).sort((a, b) => b.confidence - a.confidence);
    perSheet.set(name, complete[0] ?? null);
  }
  const detections = new Map<SourceRole, SheetDetection>();
  const taken = new Set<string>();
  // Sheets the config names win.
  for (const role of ROLE_KEYS) {
    const named = config.sheets[role];
    if (named === undefined) continue;
    const d = all.get(named)?.find((x) => x.role === role);
    if (!d) {
      issues.push({ code: 'role.missing', severity: 'error', raw: named, location: sheetLocation(file, named), detail: { role: roleLabel(role), expected: expectedHeaders(role) } });
      continue;
    }
    detections.set(role, d);
    taken.add(named);
  }
  for (const role of ROLE_KEYS) {
    if (detections.has(role) || config.sheets[role] !== undefined) continue;
    const candidates = [...perSheet.values()].filter((d): d is SheetDetection => d !== null && d.role === role && !taken.has(d.sheet));
    candidates.sort((a, b) => b.confidence - a.confidence);
    const [first, second] = candidates;
    if (first && second && second.confidence === first.confidence) {
      issues.push({
        code: 'role.ambiguous',
        severity: 'error',
        raw: null,
        location: sheetLocation(file, second.sheet, second.headerRow),
        detail: { role: roleLabel(role), first: first.sheet, second: second.sheet, key: role },
      });
    }
    if (first) {
      detections.set(role, first);
      taken.add(first.sheet);
    }
  }
  // A required role with no complete sheet: point at the closest sheet and name its missing columns.
  for (const role of REQUIRED_ROLES) {
    if (detections.has(role) || config.sheets[role] !== undefined) continue;
    const partial = [...all.values()]
      .flat()
      .filter((d) => d.role === role && !taken.has(d.sheet) && d.confidence >= 0.3)
      .sort((a, b) => b.confidence - a.confidence)[0];
    if (partial) {
      detections.set(role, partial);
      taken.add(partial.sheet);
    } else {
      issues.push({ code: 'role.missing', severity: 'error', raw: null, location: sheetLocation(file, null), detail: { role: roleLabel(role), expected: expectedHeaders(role) } });
    }
  }
  for (const d of detections.values()) {
    for (const fd of d.missing) issues.push(missingColumnIssue(file, sheets, d, fd));
    for (const a of d.ambiguous) issues.push(ambiguousColumnIssue(file, d, a));
  }
  return { detections, perSheet, issues };
}

function missingColumnIssue(file: string, sheets: readonly SheetData[], d: SheetDetection, fd: FieldDef): InputIssue {
  const sheet = sheets.find((s) => s.name === d.sheet);
  const row = sheet?.rows[d.headerRow - (sheet?.originRow ?? 1)] ?? [];
  const found = row.map((c) => rawText(c)).filter((t): t is string => t !== null && t.trim() !== '');
  // The column it should be in does not exist: point at the first free column right of the headers.
  const col = (sheet?.originCol ?? 1) + row.length;
  return {
    code: 'column.missing',
    severity: 'error',
    raw: null,
    location: cellLocation(file, d.sheet, d.headerRow, col, fd.label),
    detail: { role: roleLabel(d.role), field: fd.label, expected: fd.synonyms.join(', '), found: found.join(', ') },
  };
}

function ambiguousColumnIssue(file: string, d: SheetDetection, a: AmbiguousField): InputIssue {
  const [left, right] = a.taken.col < a.other.col ? [a.taken, a.other] : [a.other, a.taken];
  const named = (c: MappedColumn): string => `${columnLetter(c.col)} (${c.header})`;
  return {
    code: 'column.ambiguous',
    severity: 'error',
    raw: right.header,
    location: cellLocation(file, d.sheet, d.headerRow, right.col, right.header),
    detail: { role: roleLabel(d.role), field: a.field.label, first: named(left), second: named(right), key: d.role, fieldKey: a.field.field },
  };
}

function roleLabel(role: SourceRole): string {
  return ROLE_BY_NAME.get(role)?.label ?? role;
}

function expectedHeaders(role: SourceRole): string {
  return (ROLE_BY_NAME.get(role)?.fields ?? []).filter((x) => x.required).map((x) => x.label).join(', ');
}
