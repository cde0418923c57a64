/** Accounts */
import { FIRST_NAMES, STREETS, SURNAMES, TOWNS } from '../names';
import type { Calendar } from './calendar';
import { type Accounts, NO_END, ST_ENDING, ST_FORMER, ST_NEW, ST_ONGOING } from './model';
import type { Rng } from './rng';

export const OTHER_ELEMENTS = ['Water rates', 'Heating charge', 'Support charge'] as const;
const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export function makeAccounts(n: number, cal: Calendar, rng: Rng): Accounts {
  const a: Accounts = {
    n,
    ref: new Array<string>(n),
    property: new Array<string>(n),
    tenant: new Array<string>(n),
    firstTenant: new Array<string>(n),
    houseNo: new Int32Array(n),
    street: new Array<string>(n),
    address: new Array<string>(n),
    postcode: new Array<string>(n),
    start: new Int32Array(n),
    end: new Int32Array(n),
    weekly: new Int32Array(n),
    el: [new Int32Array(n), new Int32Array(n), new Int32Array(n)],
    otherKind: new Uint8Array(n),
    opening: new Int32Array(n),
    status: new Uint8Array(n),
    closingError: new Int32Array(n),
    busy: new Uint8Array(n),
  };
  const { start: ps, end: pe } = cal;
  for (let i = 0; i < n; i++) {
    // Eight-digit references with leading zeros, increasing, with gaps (closed and void accounts).
    a.ref[i] = String(100000 + i * 7 + rng.int(0, 6)).padStart(8, '0');
    a.property[i] = 'P' + String(1000000 + i * 3 + rng.int(0, 2)).padStart(7, '0');
    const first = `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
    a.firstTenant[i] = first;
    if (rng.chance(0.15)) {
      const surname = first.slice(first.indexOf(' ') + 1);
      a.tenant[i] = `${first} & ${rng.pick(FIRST_NAMES)} ${rng.chance(0.7) ? surname : rng.pick(SURNAMES)}`;
    } else a.tenant[i] = first;
    const houseNo = rng.int(1, 180);
    const street = rng.pick(STREETS);
    const [town, area] = rng.pick(TOWNS);
    a.houseNo[i] = houseNo;
    a.street[i] = street;
    a.address[i] = `${rng.chance(0.25) ? `Flat ${rng.int(1, 24)}, ` : ''}${houseNo} ${street}, ${town}`;
    a.postcode[i] = `${area}${rng.int(1, 28)} ${rng.int(1, 9)}${POSTCODE_LETTERS[rng.int(0, 19)]}${POSTCODE_LETTERS[rng.int(0, 19)]}`;

    const kind = rng.next();
    let status = ST_ONGOING;
    let start: number;
    let end = NO_END;
    if (kind < 0.01) {
      status = ST_FORMER;
      start = ps - rng.int(400, 6000);
      end = ps - rng.int(7, 360);
    } else if (kind < 0.025) {
      status = ST_ENDING;
      start = ps - rng.int(60, 8000);
      end = rng.int(ps, pe);
    } else if (kind < 0.04) {
      status = ST_NEW;
      start = rng.chance(0.6) && cal.mondays.length > 0 ? rng.pick(cal.mondays) : rng.int(ps, pe);
    } else start = ps - rng.int(20, 9000);
    a.status[i] = status;
    a.start[i] = start;
    a.end[i] = end;

    const weekly = rng.int(8500, 19000);
    a.weekly[i] = weekly;
    // Some housing systems post the debit by element; most of these accounts show one line a week.
    if (rng.chance(0.12)) {
      const service = rng.int(450, 2600);
      const other = rng.chance(0.5) ? rng.int(150, 950) : 0;
      a.el[1][i] = service;
      a.el[2][i] = other;
      a.el[0][i] = weekly - service - other;
      a.otherKind[i] = rng.int(0, 2);
    } else a.el[0][i] = weekly;

    let opening: number;
    const r = rng.next();
    if (status === ST_NEW) opening = 0;
    else if (status === ST_FORMER) opening = rng.int(2000, 250000);
    else if (r < 0.18) opening = 0;
    else if (r < 0.22) opening = rng.int(1, 199);
    else if (r < 0.55) opening = rng.int(200, weekly * 3);
    else if (r < 0.7) opening = rng.int(weekly * 3, weekly * 15);
    else if (r < 0.96) opening = -rng.int(100, weekly * 2);
    else opening = -rng.int(weekly * 2, weekly * 6);
    a.opening[i] = opening;
  }
  return a;
}
