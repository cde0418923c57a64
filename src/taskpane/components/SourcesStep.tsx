/**
 * Step 1: which sheet is which (recognised by headers, with how sure), the column mapping with the
 * means to correct it, and the read issues, each able to select its cell in the sheet.
 */
import { Badge, Body1, Button, Caption1, Card, CardHeader, Field, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { rawText, type SheetData } from '../../engine/cells';
import type { SourceRole } from '../../engine/config';
import type { InputIssue } from '../../engine/issues';
import { describeIssue, severityLabel } from '../../engine/messages';
import type { RoleAssignment } from '../../engine/sources/detect';
import { ROLE_BY_NAME } from '../../engine/sources/fields';
import { ROLE_LABEL, ROLE_ORDER, type ConfigJson } from '../model';
import { useAfterFirstDraw } from '../hooks/useAfterFirstDraw';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  scroll: { overflowX: 'auto' },
  issue: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', justifyContent: 'space-between', flexWrap: 'wrap' },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

export interface SourcesProps {
  /** The top rows of each sheet (enough to find its header). */
  readonly sheets: readonly SheetData[];
  /** Rows in each whole sheet. */
  readonly rowCounts: Readonly<Record<string, number>>;
  readonly assignment: RoleAssignment;
  readonly config: ConfigJson;
  readonly onConfig: (c: ConfigJson) => void;
  readonly runIssues: readonly InputIssue[];
  readonly onShow: (sheet: string, row: number, col?: number) => void;
  readonly onNext: () => void;
}

export function IssueList({ issues, onShow, limit = 50 }: { readonly issues: readonly InputIssue[]; readonly onShow: SourcesProps['onShow']; readonly limit?: number }) {
  const styles = useStyles();
  if (issues.length === 0) return null;
  return (
    <ul className={styles.list} aria-label="Read issues">
      {issues.slice(0, limit).map((issue, i) => (
        <li key={`${issue.code}-${i}`} className={styles.issue}>
          <Body1>
            <Badge appearance="tint" color={issue.severity === 'error' ? 'danger' : issue.severity === 'warning' ? 'warning' : 'informative'}>
              {severityLabel(issue)}
            </Badge>{' '}
            {describeIssue(issue)}
          </Body1>
          {issue.location.sheet !== null && issue.location.row !== null && (
            <Button size="small" onClick={() => onShow(issue.location.sheet as string, issue.location.row as number, issue.location.col ?? 1)}>
              Show in sheet<span className="hl-visually-hidden">: {issue.location.a1}</span>
            </Button>
          )}
        </li>
      ))}
      {issues.length > limit && <Caption1>…and {issues.length - limit} more, all listed on the audit pack’s HL Issues sheet.</Caption1>}
    </ul>
  );
}

export function SourcesStep({ sheets, rowCounts, assignment, config, onConfig, runIssues, onShow, onNext }: SourcesProps) {
  const styles = useStyles();
  // The column mappings (a table of selects per role) follow the sheets' list a frame later.
  const mappings = useAfterFirstDraw();
  const roleOfSheet = new Map<string, SourceRole>();
  for (const [role, d] of assignment.detections) roleOfSheet.set(d.sheet, role);

  function setRole(sheet: string, role: SourceRole | ''): void {
    const next: Partial<Record<SourceRole, string>> = {};
    for (const [r, s] of Object.entries(config.sheets ?? {}) as [SourceRole, string][]) if (s !== sheet && r !== role) next[r] = s;
    if (role) next[role] = sheet;
    onConfig({ ...config, sheets: next });
  }

  function setColumn(role: SourceRole, field: string, header: string): void {
    const cols = { ...(config.columns ?? {}) };
    const forRole = { ...(cols[role] ?? {}) };
    if (header) forRole[field] = header;
    else delete forRole[field];
    cols[role] = forRole;
    onConfig({ ...config, columns: cols });
  }

  const issues = [...assignment.issues, ...runIssues.filter((i) => !assignment.issues.includes(i))];

  return (
    <section aria-labelledby="hl-sources">
      <Subtitle2 as="h2" id="hl-sources" block>
        Sources
      </Subtitle2>
      <Body1 block>Each sheet is recognised by its headers. Correct the role or a column if it is wrong; your sheets are only read, never changed.</Body1>
      {sheets.length === 0 && <Body1 block>This workbook has no sheets of its own to read.</Body1>}
      <ul className={styles.list} aria-label="Sheets">
        {sheets.map((sheet) => {
          const best = assignment.perSheet.get(sheet.name) ?? null;
          const role = roleOfSheet.get(sheet.name) ?? '';
          const d = role ? assignment.detections.get(role) : undefined;
          const sure = d ? Math.round(d.confidence * 100) : best ? Math.round(best.confidence * 100) : 0;
          return (
            <li key={sheet.name}>
              <Card size="small">
                <CardHeader
                  header={<Body1><strong>{sheet.name}</strong></Body1>}
                  description={
                    <Caption1>
                      {Math.max(0, (rowCounts[sheet.name] ?? sheet.rows.length) - 1).toLocaleString('en-GB')} rows ·{' '}
                      {d ? `${ROLE_LABEL[d.role]}, header on row ${d.headerRow}, ${sure}% sure` : best ? `looks like ${ROLE_LABEL[best.role]} (${sure}% sure)` : 'not recognised'}
                    </Caption1>
                  }
                />
                <Field label={`Role of ‘${sheet.name}’`}>
                  <Select value={role} onChange={(_, v) => setRole(sheet.name, v.value as SourceRole | '')}>
                    <option value="">Not used</option>
                    {ROLE_ORDER.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABEL[r]}
                      </option>
                    ))}
                  </Select>
                </Field>
              </Card>
            </li>
          );
        })}
      </ul>

      {mappings &&
        ROLE_ORDER.filter((r) => assignment.detections.has(r)).map((role) => {
          const d = assignment.detections.get(role)!;
          const sheet = sheets.find((s) => s.name === d.sheet);
          const headerCells = sheet?.rows[d.headerRow - (sheet?.originRow ?? 1)] ?? [];
          const headers = headerCells.map((c) => rawText(c) ?? '').filter((h) => h.trim() !== '');
          const def = ROLE_BY_NAME.get(role);
          return (
            <Card key={role} size="small" aria-label={`Columns of ${ROLE_LABEL[role]}`}>
              <CardHeader header={<Subtitle2 as="h3">{ROLE_LABEL[role]}: columns of ‘{d.sheet}’</Subtitle2>} />
              <div className={styles.scroll}>
                <Table size="extra-small" aria-label={`Column mapping for ${ROLE_LABEL[role]}`}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Field</TableHeaderCell>
                      <TableHeaderCell>Header in the sheet</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {(def?.fields ?? []).map((f) => {
                      const mapped = d.columns.get(f.field)?.header ?? '';
                      return (
                        <TableRow key={f.field}>
                          <TableCell>
                            {f.label}
                            {f.required ? ' (required)' : ''}
                          </TableCell>
                          <TableCell>
                            <Select size="small" aria-label={`${ROLE_LABEL[role]}: column for ${f.label}`} value={mapped} onChange={(_, v) => setColumn(role, f.field, v.value)}>
                              <option value="">{f.required ? '— missing —' : 'Not mapped'}</option>
                              {headers.map((h, i) => (
                                <option key={`${h}-${i}`} value={h}>
                                  {h}
                                </option>
                              ))}
                            </Select>
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </div>
            </Card>
          );
        })}

      {issues.length > 0 && (
        <>
          <Subtitle2 as="h3" block>
            Read issues ({issues.length})
          </Subtitle2>
          <IssueList issues={issues} onShow={onShow} />
        </>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onNext}>
          Next: Settings
        </Button>
      </div>
    </section>
  );
}
