/** Test helper: a factoring register as in-memory sheets (the cells a workbook adapter would deliver). */
import type { RawCell, SheetData } from '../../src/engine/cells';

export type Row = readonly RawCell[];

export interface RegisterTables {
  owners?: Row[];
  properties: Row[];
  ownership: Row[];
  shares: Row[];
  charges?: Row[];
  insurance?: Row[];
}

const sheet = (name: string, header: Row, rows: readonly Row[], titleRows: Row[] = []): SheetData => ({ name, originRow: 1, originCol: 1, rows: [...titleRows, header, ...rows] });

/** Owners default to one per owner ref used in Ownership, named after the ref. */
export function registerSheets(t: RegisterTables): SheetData[] {
  const owners = t.owners ?? [...new Set(t.ownership.map((r) => String(r[1])))].map((ref) => [ref, `Owner ${ref}`, `1 ${ref} Street`, `${ref.toLowerCase()}@mail.example`, 'N']);
  return [
    sheet('Owners', ['Owner Ref', 'Name', 'Correspondence Address', 'Email', 'Paper Bills'], owners),
    sheet('Properties', ['Property Ref', 'Block', 'Address', 'Floor Area (m²)'], t.properties),
    sheet('Ownership', ['Property Ref', 'Owner Ref', 'From', 'To'], t.ownership),
    sheet('Shares', ['Block', 'Property Ref', 'Cost Heading', 'Share', 'Basis', 'From', 'To'], t.shares, [['Shares register'], []]),
    sheet('Charges', ['Block', 'Cost Heading', 'Description', 'Amount', 'Job Date', 'Invoice Ref', 'Supplier'], t.charges ?? []),
    sheet('Insurance', ['Block', 'Policy', 'Insurer', 'Premium', 'Period From', 'Period To', 'Sum Insured', 'Excess'], t.insurance ?? []),
  ];
}

export const FACTORING = { pfNumber: 'PF000123', landlordOwnerRef: 'LL', managementFee: 0, adminFee: 0, sampleSize: 3 } as const;
