/**
 * The standard input layout: for each sheet role, its fields and the headers real exports use for
 * them. Headers match case- and punctuation-insensitively ("Account Ref." = "account ref").
 */
import type { SourceRole } from '../config';

export interface FieldDef {
  readonly field: string;
  /** The header of the standard layout, as shown to people. */
  readonly label: string;
  readonly synonyms: readonly string[];
  readonly required: boolean;
}

export interface RoleDef {
  readonly role: SourceRole;
  readonly label: string;
  readonly fields: readonly FieldDef[];
}

const f = (field: string, label: string, required: boolean, ...synonyms: string[]): FieldDef => ({
  field,
  label,
  required,
  synonyms: [label, ...synonyms],
});

const ACCOUNT_SYNONYMS = ['Account', 'Tenancy Ref', 'Tenancy Reference', 'Payment Reference', 'Account No', 'Account Number', 'Account Reference', 'Rent Account', 'Tenancy No'];
const DATE_SYNONYMS = ['Trans Date', 'Posting Date', 'Transaction Date', 'Txn Date', 'Effective Date'];

export const ROLES: readonly RoleDef[] = [
  {
    role: 'rentRoll',
    label: 'rent roll',
    fields: [
      f('account', 'Account Ref', true, ...ACCOUNT_SYNONYMS),
      f('property', 'Property Ref', false, 'Property Reference', 'Prop Ref', 'Property No', 'UPRN'),
      f('tenant', 'Tenant Name', false, 'Tenant', 'Tenants', 'Name', 'Tenant Names'),
      f('address', 'Address', false, 'Property Address', 'Address Line 1'),
      f('postcode', 'Postcode', false, 'Post Code'),
      f('start', 'Start Date', true, 'Tenancy Start', 'Tenancy Start Date', 'Start'),
      f('end', 'End Date', true, 'Tenancy End', 'Tenancy End Date', 'End', 'Termination Date'),
      f('weeklyCharge', 'Weekly Charge', true, 'Weekly Rent', 'Weekly Debit', 'Rent Per Week', 'Weekly Charges'),
      f('opening', 'Opening Balance', true, 'Balance BF', 'Balance B/F', 'Brought Forward', 'Opening Bal'),
      f('closing', 'Closing Balance', true, 'Balance CF', 'Balance C/F', 'Carried Forward', 'Closing Bal', 'Current Balance'),
    ],
  },
  {
    role: 'transactions',
    label: 'rent transactions',
    fields: [
      f('date', 'Date', true, ...DATE_SYNONYMS),
      f('account', 'Account Ref', true, ...ACCOUNT_SYNONYMS),
      f('code', 'Code', true, 'Tran Code', 'Trans Type', 'Transaction Code', 'Transaction Type', 'Trans Code'),
      f('amount', 'Amount', true, 'Value', 'Trans Amount', 'Transaction Amount'),
      f('batch', 'Batch Ref', true, 'Batch No', 'Batch', 'Batch Number', 'Batch Reference'),
      f('description', 'Description', false, 'Narrative', 'Details', 'Trans Description'),
    ],
  },
  {
    role: 'gl',
    label: 'GL',
    fields: [
      f('date', 'Date', true, ...DATE_SYNONYMS),
      f('account', 'Account', true, 'Nominal', 'Nominal Code', 'GL Account', 'Account Code', 'GL Code', 'Cost Code'),
      f('journal', 'Journal Ref', false, 'Journal No', 'Journal', 'Journal Number', 'Journal Reference'),
      f('source', 'Source', true, 'Source Code', 'Ledger Source'),
      f('description', 'Description', false, 'Narrative', 'Details'),
      f('debit', 'Debit', true, 'Dr', 'Debit Amount'),
      f('credit', 'Credit', true, 'Cr', 'Credit Amount'),
    ],
  },
  {
    role: 'suspense',
    label: 'suspense items',
    fields: [
      f('item', 'Item Ref', true, 'Item No', 'Item', 'Item Number', 'Suspense Ref'),
      f('date', 'Date', true, ...DATE_SYNONYMS, 'Date Received'),
      f('amount', 'Amount', true, 'Value'),
      f('reference', 'Reference', false, 'Payment Ref', 'Ref', 'Reference Given'),
      f('payer', 'Payer', false, 'Payer Name', 'Remitter', 'Name'),
      f('narrative', 'Narrative', false, 'Description', 'Details'),
      f('channel', 'Channel', false, 'Payment Method', 'Method', 'Source'),
    ],
  },
];

export const ROLE_BY_NAME: ReadonlyMap<SourceRole, RoleDef> = new Map(ROLES.map((r) => [r.role, r]));

/** "Account Ref." -> "accountref": the form headers are compared in. */
export function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}
