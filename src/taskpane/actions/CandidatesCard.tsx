/** Refund candidates: accounts in credit with the risks to resolve before a refund. */
import { Badge, Button, Card, CardHeader, Field, Input, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import type { RefundCandidate } from '../../engine/actions/refund-candidates';
import { parseDayFirst, type IsoDate } from '../../engine/dates';
import { formatGBP } from '../../engine/money';
import { useActionStyles } from './styles';

export interface CandidatesCardProps {
  readonly candidates: readonly RefundCandidate[] | null;
  readonly busy: boolean;
  readonly today: IsoDate;
  readonly onFind: (asOf: IsoDate) => void;
  readonly onRequest: (c: RefundCandidate) => void;
}

export function CandidatesCard({ candidates, busy, today, onFind, onRequest }: CandidatesCardProps) {
  const s = useActionStyles();
  const [asOf, setAsOf] = useState<string>(today);
  const day = parseDayFirst(asOf);
  return (
    <Card>
      <CardHeader header={<Subtitle2>Refund candidates</Subtitle2>} />
      <div className={s.row}>
        <Field label="As of" className={s.grow} validationMessage={day === null ? 'A date: YYYY-MM-DD or dd/mm/yyyy' : null}>
          <Input value={asOf} onChange={(_, d) => setAsOf(d.value)} />
        </Field>
        <Button appearance="primary" disabled={busy || day === null} onClick={() => day && onFind(day)}>
          Find candidates
        </Button>
      </div>
      {candidates !== null && (
        <div className={s.scroll}>
          <Table size="small" aria-label="Refund candidates">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Account</TableHeaderCell>
                <TableHeaderCell>Tenant</TableHeaderCell>
                <TableHeaderCell className={s.num}>Refundable</TableHeaderCell>
                <TableHeaderCell>Risks</TableHeaderCell>
                <TableHeaderCell />
              </TableRow>
            </TableHeader>
            <TableBody>
              {candidates.map((c) => (
                <TableRow key={c.account}>
                  <TableCell>{c.account}</TableCell>
                  <TableCell>
                    {c.tenant}
                    {c.former ? ' (former)' : ''}
                  </TableCell>
                  <TableCell className={s.num}>{formatGBP(c.refundable)}</TableCell>
                  <TableCell>
                    {c.risks.length === 0
                      ? 'none'
                      : c.risks.map((r) => (
                          <Badge key={`${r.code}${r.account ?? ''}`} color="warning" appearance="tint" title={r.detail}>
                            {r.code}
                          </Badge>
                        ))}
                  </TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => onRequest(c)}>
                      Request refund
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {candidates.length === 0 && <p role="status">No account is a refund candidate.</p>}
        </div>
      )}
    </Card>
  );
}
