/**
 * A seeded sample factoring register for one quarter (issue 15): a few blocks (one whose shares
 * follow the Tenement Management Scheme), the landlord's own tenanted flats, a change of ownership
 * mid-quarter, an invoice keyed twice, a charge from last quarter and one on a heading nobody holds
 * shares in, and an insurance policy renewed mid-quarter. `plants` records what was planted.
 */
import { EXAMPLE_DEBT_PROCEDURE_JSON } from '../../../src/engine/factoring/debt/debt-config';
import { DEBT_AS_OF, debtSheets } from './debt';
import { reportSheets } from './report-data';

export type Cell = string | number | null;

export interface FactoringSample {
  readonly quarter: string;
  /** Sheet name -> rows (a title row above the header on some sheets, as exports have). */
  readonly sheets: Readonly<Record<string, readonly (readonly Cell[])[]>>;
  /** The day the debt sheets (Owner Transactions, NoPL, plans) are read as of. */
  readonly debtAsOf: string;
  readonly config: { readonly factoring: Record<string, unknown> };
  readonly plants: readonly { readonly kind: string; readonly detail: string }[];
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Morag', 'Callum', 'Isla', 'Fraser', 'Eilidh', 'Hamish', 'Kirsty', 'Ewan', 'Ailsa', 'Ruaridh', 'Catriona', 'Angus'];
const LAST = ['MacLeod', 'Campbell', 'Stewart', 'Robertson', 'Murray', 'Fraser', 'Sinclair', 'Grant', 'Drummond', 'Buchanan'];
const STREETS = ['Harbour Court', 'Kelvin Street', 'Wellpark Road'];

/** The sample for 2026-Q4 (1 October to 31 December 2026); amounts and names from the seed. */
export function generateFactoring(seed = 20261001): FactoringSample {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const pounds = (lo: number, hi: number): number => Math.round((lo + random() * (hi - lo)) * 100) / 100;
  const plants: { kind: string; detail: string }[] = [];

  // Blocks: A (deeds, sixths), B (TMS, floor areas far enough apart to split by area), C (agreed percentages).
  const blocks = [
    { block: 'HC1', street: STREETS[0] as string, flats: 6, areas: [62, 62, 64, 64, 70, 70] },
    { block: 'KS2', street: STREETS[1] as string, flats: 4, areas: [50, 60, 70, 80] },
    { block: 'WR3', street: STREETS[2] as string, flats: 3, areas: [55, 58, 61] },
  ];
  const properties: Cell[][] = [];
  const owners: Cell[][] = [['LANDLORD', 'Clyde Valley Housing Association', '5 Union Street, Glasgow G1 3RB', 'factoring@cvha.example', 'N']];
  const ownership: Cell[][] = [];
  let ownerNo = 1;
  const newOwner = (): string => {
    const ref = `OW${String(ownerNo++).padStart(4, '0')}`;
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const paper = random() < 0.25;
    owners.push([ref, name, `${10 + ownerNo} ${pick(STREETS)}, Glasgow`, paper ? '' : `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@mail.example`, paper ? 'Y' : 'N']);
    return ref;
  };
  for (const b of blocks) {
    for (let i = 0; i < b.flats; i++) {
      const ref = `${b.block}-${i + 1}`;
      properties.push([ref, b.block, `Flat ${Math.floor(i / 2)}/${(i % 2) + 1}, ${i + 1} ${b.street}, Glasgow`, b.areas[i] ?? null]);
      // The last flat of each block is the landlord's own, tenanted.
      const landlords = i === b.flats - 1;
      ownership.push([ref, landlords ? 'LANDLORD' : newOwner(), '2015-04-01', null]);
    }
  }
  // A change of ownership mid-quarter: HC1-2 sold; the day of entry (15 November) belongs to the buyer.
  const sold = ownership.find((r) => r[0] === 'HC1-2') as Cell[];
  sold[3] = '2026-11-14';
  const buyer = newOwner();
  ownership.push(['HC1-2', buyer, '2026-11-15', null]);
  plants.push({ kind: 'change-of-ownership', detail: `HC1-2: ${String(sold[1])} to 14/11/2026 (final bill), ${buyer} from 15/11/2026` });

  const shares: Cell[][] = [];
  for (const heading of ['COMMON REPAIRS', 'CLEANING', 'INSURANCE']) for (let i = 1; i <= 6; i++) shares.push(['HC1', `HC1-${i}`, heading, '1/6', 'DEEDS', '2015-04-01', null]);
  for (const heading of ['COMMON REPAIRS', 'INSURANCE']) for (let i = 1; i <= 4; i++) shares.push(['KS2', `KS2-${i}`, heading, null, 'TMS', '2015-04-01', null]);
  plants.push({ kind: 'tms', detail: 'KS2: no shares given; floor areas 50-80 m² (80/50 = 1.6 > 1.5), so shares follow floor area' });
  const pct = ['40%', '35%', '25%'];
  for (const heading of ['COMMON REPAIRS', 'INSURANCE']) for (let i = 1; i <= 3; i++) shares.push(['WR3', `WR3-${i}`, heading, pct[i - 1] ?? null, 'AGREED', '2015-04-01', null]);

  const charges: Cell[][] = [];
  let inv = 1001;
  const charge = (block: string, heading: string, description: string, amount: number, date: string, supplier: string): string => {
    const ref = `INV-${inv++}`;
    charges.push([block, heading, description, amount, date, ref, supplier]);
    return ref;
  };
  charge('HC1', 'COMMON REPAIRS', 'Replace close door entry handset', pounds(180, 420), '2026-10-07', 'Clyde Doors Ltd');
  charge('HC1', 'CLEANING', 'Common stair cleaning, October-December', pounds(300, 360), '2026-10-01', 'Sparkle Cleaning');
  const roof = charge('HC1', 'COMMON REPAIRS', 'Roof repair after storm, slates and flashing', pounds(900, 1600), '2026-11-20', 'Highland Roofing');
  charge('KS2', 'COMMON REPAIRS', 'Back court drain cleared', pounds(120, 260), '2026-10-22', 'DrainFix Scotland');
  const twice = charge('KS2', 'COMMON REPAIRS', 'Stair lighting rewire', pounds(400, 700), '2026-12-03', 'Sparks Electrical');
  charge('WR3', 'COMMON REPAIRS', 'Gutter clearance', pounds(90, 150), '2026-11-02', 'Gutter Guys');
  // Planted: the stair lighting invoice keyed a second time; a charge from last quarter; a heading nobody holds in WR3.
  charges.push([...(charges.find((r) => r[5] === twice) as Cell[])]);
  plants.push({ kind: 'duplicate-invoice', detail: `${twice} keyed twice: the second row is held back` });
  const late = charge('WR3', 'COMMON REPAIRS', 'Close painting (last quarter)', pounds(500, 800), '2026-09-18', 'Brush Strokes Ltd');
  plants.push({ kind: 'last-quarter', detail: `${late} dated 18/09/2026 is held back from 2026-Q4` });
  const lighting = charge('WR3', 'LIGHTING', 'Replace stair light fittings', pounds(150, 260), '2026-12-10', 'Sparks Electrical');
  plants.push({ kind: 'no-shares', detail: `${lighting}: nobody holds LIGHTING shares in WR3; held back` });
  plants.push({ kind: 'mid-quarter-charge', detail: `${roof} dated 20/11/2026: HC1-2's sixth is split between seller and buyer by their days in the quarter (every charge of the quarter is)` });

  const insurance: Cell[][] = [
    ['HC1', 'POL-HC1-2026', 'Caledonian Mutual', pounds(1800, 2400), '2026-04-01', '2027-03-31', 2_400_000, 250],
    ['KS2', 'POL-KS2-2025', 'Forth Insurance', pounds(1100, 1400), '2025-11-15', '2026-11-14', 1_600_000, 250],
    ['KS2', 'POL-KS2-2026', 'Forth Insurance', pounds(1200, 1500), '2026-11-15', '2027-11-14', 1_650_000, 250],
    ['WR3', 'POL-WR3-2026', 'Caledonian Mutual', pounds(900, 1200), '2026-01-01', '2026-12-31', 1_200_000, 250],
  ];
  plants.push({ kind: 'renewal', detail: 'KS2 insurance renewed on 15/11/2026: two policies share the quarter' });

  // The debt sheets (issue 16) are fixed, not drawn from the seed: the bills above stay as they were.
  const debt = debtSheets();
  plants.push(...debt.plants);

  return {
    quarter: '2026-Q4',
    debtAsOf: DEBT_AS_OF,
    sheets: {
      Owners: [['Owner register, exported 01/01/2027'], ['Owner Ref', 'Name', 'Correspondence Address', 'Email', 'Paper Bills'], ...owners],
      Properties: [['Property Ref', 'Block', 'Address', 'Floor Area (m²)'], ...properties],
      Ownership: [['Property Ref', 'Owner Ref', 'From', 'To'], ...ownership],
      Shares: [['Shares by block and heading'], ['Block', 'Property Ref', 'Cost Heading', 'Share', 'Basis', 'From', 'To'], ...shares],
      Charges: [['Block', 'Cost Heading', 'Description', 'Amount', 'Job Date', 'Invoice Ref', 'Supplier'], ...charges],
      Insurance: [['Block', 'Policy', 'Insurer', 'Premium (including IPT)', 'Period From', 'Period To', 'Sum Insured', 'Excess'], ...insurance],
      ...debt.sheets,
      ...reportSheets(), // the P&L's Costs sheet (issue 16): report-data.ts
    },
    config: { factoring: { pfNumber: 'PF000123', landlordOwnerRef: 'LANDLORD', managementFee: '120.00', adminFee: '60.00', sampleSize: 5, debtProcedure: EXAMPLE_DEBT_PROCEDURE_JSON } },
    plants,
  };
}
