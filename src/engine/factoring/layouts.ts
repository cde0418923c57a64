/**
 * The factoring workbook's six sheets (issue 15's contract) and the headers real exports use for
 * their columns. Sheets are recognised by their headers, as the rent sheets are, never by name.
 */
import type { FieldDef } from '../sources/fields';

export type RegisterSheet = 'owners' | 'properties' | 'ownership' | 'shares' | 'charges' | 'insurance';

export interface Layout {
  readonly sheet: RegisterSheet;
  readonly label: string;
  readonly fields: readonly FieldDef[];
}

const f = (field: string, label: string, required: boolean, ...synonyms: string[]): FieldDef => ({ field, label, required, synonyms: [label, ...synonyms] });

const PROPERTY = ['Property Reference', 'Prop Ref', 'Property No', 'Property', 'UPRN'];
const OWNER = ['Owner Reference', 'Owner No', 'Owner', 'Owner Number', 'Owner Account'];
const HEADING = ['Heading', 'Cost Head', 'Cost Type', 'Service'];

/** Most specific first: the assignment takes each sheet once, in this order. */
export const LAYOUTS: readonly Layout[] = [
  {
    sheet: 'shares',
    label: 'Shares',
    fields: [
      f('block', 'Block', true, 'Block Ref', 'Building', 'Block Name'),
      f('property', 'Property Ref', true, ...PROPERTY),
      f('heading', 'Cost Heading', true, ...HEADING),
      f('share', 'Share', true, 'Apportionment', 'Share Fraction', 'Proportion'),
      f('basis', 'Basis', true, 'Share Basis', 'Apportionment Basis'),
      f('from', 'From', false, 'Date From', 'Valid From', 'Start'),
      f('to', 'To', false, 'Date To', 'Valid To', 'End'),
    ],
  },
  {
    sheet: 'charges',
    label: 'Charges',
    fields: [
      f('block', 'Block', true, 'Block Ref', 'Building'),
      f('heading', 'Cost Heading', true, ...HEADING),
      f('description', 'Description', true, 'Details', 'Narrative', 'Work Description'),
      f('amount', 'Amount', true, 'Cost', 'Invoice Amount', 'Gross', 'Total'),
      f('jobDate', 'Job Date', true, 'Date', 'Work Date', 'Date of Work', 'Invoice Date'),
      f('invoiceRef', 'Invoice Ref', true, 'Invoice No', 'Invoice Number', 'Invoice', 'Invoice Reference'),
      f('supplier', 'Supplier', false, 'Contractor', 'Supplier Name'),
    ],
  },
  {
    sheet: 'insurance',
    label: 'Insurance',
    fields: [
      f('block', 'Block', true, 'Block Ref', 'Building'),
      f('policy', 'Policy', true, 'Policy No', 'Policy Number', 'Policy Ref'),
      f('insurer', 'Insurer', false, 'Insurance Company'),
      f('premium', 'Premium', true, 'Premium (including IPT)', 'Premium inc IPT', 'Premium incl IPT', 'Annual Premium'),
      f('from', 'Period From', true, 'Policy From', 'Start Date', 'Inception'),
      f('to', 'Period To', true, 'Policy To', 'End Date', 'Expiry'),
      f('sumInsured', 'Sum Insured', false),
      f('excess', 'Excess', false),
    ],
  },
  {
    sheet: 'ownership',
    label: 'Ownership',
    fields: [
      f('property', 'Property Ref', true, ...PROPERTY),
      f('owner', 'Owner Ref', true, ...OWNER),
      f('from', 'From', true, 'Date From', 'Date of Entry', 'Entry Date', 'Start'),
      f('to', 'To', true, 'Date To', 'Settlement Date', 'End'),
    ],
  },
  {
    sheet: 'properties',
    label: 'Properties',
    fields: [
      f('property', 'Property Ref', true, ...PROPERTY),
      f('block', 'Block', true, 'Block Ref', 'Building'),
      f('address', 'Address', true, 'Property Address'),
      f('floorArea', 'Floor Area', false, 'Floor Area (m²)', 'Floor Area m2', 'Floor Area (m2)', 'Area'),
    ],
  },
  {
    sheet: 'owners',
    label: 'Owners',
    fields: [
      f('owner', 'Owner Ref', true, ...OWNER),
      f('name', 'Name', true, 'Owner Name', 'Owners'),
      f('address', 'Correspondence Address', false, 'Address', 'Postal Address'),
      f('email', 'Email', false, 'E-mail', 'Email Address'),
      f('paper', 'Paper Bills', false, 'Paper', 'Paper Bill', 'Post'),
    ],
  },
];
