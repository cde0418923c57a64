/** The worker's answers to the Direct Debit requests: each calls its engine job and posts the result. */
import { runBankCheck } from '../engine/jobs/dd-bank-check';
import { parseConfig } from '../engine/config';
import { ddRentCalendar, runDdCollect } from '../engine/jobs/dd-collect';
import { readRegisterRows, runDdRegisterCheck } from '../engine/jobs/dd-register';
import { runDdReport } from '../engine/jobs/dd-report';
import type { Tenancy } from '../engine/records';
import type { DdBankCheckRequest, DdCollectRequest, DdRegisterRequest, DdReportRequest, DdResponse } from './dd-protocol';

export type DdRequest = DdBankCheckRequest | DdCollectRequest | DdReportRequest | DdRegisterRequest;

/** Answers a dd request; `roll` is the rent roll the worker holds (null when it holds none). */
export function answerDd(request: DdRequest, roll: readonly Tenancy[] | null): DdResponse {
  const { id } = request;
  switch (request.kind) {
    case 'dd-bank-check':
      return { kind: 'dd-bank-checked', id, result: runBankCheck(request.check, request.modulus) };
    case 'dd-collect': {
      // The rent calendar from the pane's config, as `dd collect --config` takes it (the default without one).
      const config = request.config !== undefined ? parseConfig(request.config) : null;
      const rentCalendar = config?.ok ? { rentCalendar: ddRentCalendar(config.config) } : {};
      return { kind: 'dd-collected', id, result: runDdCollect({ ...request.input, ...rentCalendar, rentRoll: request.withRoll ? needRoll(roll) : null }) };
    }
    case 'dd-report':
      return {
        kind: 'dd-reported',
        id,
        result: runDdReport({
          reportText: request.reportText,
          fileName: request.fileName,
          register: request.register,
          rentRoll: request.withRoll ? needRoll(roll) : null,
          ledger: { entries: request.ledger },
          importedAt: request.importedAt,
          by: request.by,
        }),
      };
    case 'dd-register': {
      const read = request.source ? readRegisterRows(request.source) : { rows: [...(request.rows ?? [])], problems: [] };
      const { checks, valid } = runDdRegisterCheck({ rows: read.rows, modulus: request.modulus, holidays: request.holidays });
      return { kind: 'dd-register-checked', id, rows: read.rows, problems: read.problems, checks, valid };
    }
    default: {
      const never: never = request;
      throw new Error(`unknown request ${JSON.stringify(never)}`);
    }
  }
}

function needRoll(roll: readonly Tenancy[] | null): readonly Tenancy[] {
  if (!roll) throw new Error('load the rent roll first: the run checks each mandate against its accounts');
  return roll;
}
