/**
 * The debt sheets of the factoring workbook (issue 16's contract): Owner Transactions and the NoPL
 * register, plus two optional sheets of ours: Repayment Plans and Acknowledgements (written
 * acknowledgements of a debt, which restart its prescription). Found by their headers, as the
 * register's sheets are; a sheet named as the label wins a tie.
 */
import type { FieldDef } from '../../sources/fields';

export type DebtSheet = 'transactions' | 'nopl' | 'plans' | 'acknowledgements';

export interface DebtLayout {
  readonly sheet: DebtSheet;
  readonly label: string;
  readonly fields: readonly FieldDef[];
}

const f = (field: string, label: string, required: boolean, ...synonyms: string[]): FieldDef => ({ field, label, required, synonyms: [label, ...synonyms] });

const PROPERTY = ['Property Reference', 'Prop Ref', 'Property No', 'Property', 'UPRN'];
const OWNER = ['Owner Reference', 'Owner No', 'Owner', 'Owner Number', 'Owner Account'];

export const DEBT_LAYOUTS: readonly DebtLayout[] = [
  {
    sheet: 'transactions',
    label: 'Owner Transactions',
    fields: [
      f('owner', 'Owner Ref', true, ...OWNER),
      f('property', 'Property Ref', true, ...PROPERTY),
      f('date', 'Date', true, 'Transaction Date', 'Posted', 'Posting Date'),
      f('dueDate', 'Due Date', false, 'Due', 'Date Due', 'Payment Due'),
      f('type', 'Type', true, 'Transaction Type', 'Trans Type'),
      f('amount', 'Amount', true, 'Value', 'Amount (£)'),
      f('reference', 'Reference', false, 'Ref', 'Narrative', 'Invoice Ref', 'Bill No'),
      f('disputed', 'Disputed', false, 'Dispute', 'In Dispute', 'Disputed (Y/N)'),
    ],
  },
  {
    sheet: 'nopl',
    label: 'NoPL',
    fields: [
      f('notice', 'Notice Ref', true, 'Notice', 'Notice No', 'Notice Reference', 'NoPL Ref'),
      f('property', 'Property Ref', true, ...PROPERTY),
      f('owner', 'Owner Ref', true, ...OWNER),
      f('registeredOn', 'Registered On', true, 'Registered', 'Date Registered', 'Registration Date'),
      f('amount', 'Amount', false, 'Amount Secured', 'Debt', 'Value'),
      f('dischargedOn', 'Discharged On', false, 'Discharged', 'Date Discharged', 'Discharge Date'),
      f('renewalOf', 'Renewal Of', false, 'Renews', 'Renewal of Notice', 'Previous Notice'),
    ],
  },
  {
    sheet: 'plans',
    label: 'Repayment Plans',
    fields: [
      f('owner', 'Owner Ref', true, ...OWNER),
      f('property', 'Property Ref', true, ...PROPERTY),
      f('start', 'Start Date', true, 'First Instalment', 'Plan Start', 'Starts'),
      f('amount', 'Instalment', true, 'Instalment Amount', 'Amount', 'Payment Amount'),
      f('frequency', 'Frequency', true, 'Every', 'Instalment Frequency'),
      f('end', 'End Date', false, 'Plan End', 'Ends'),
      f('agreedBy', 'Agreed By', false, 'Officer', 'Agreed With'),
    ],
  },
  {
    sheet: 'acknowledgements',
    label: 'Acknowledgements',
    fields: [
      f('owner', 'Owner Ref', true, ...OWNER),
      f('property', 'Property Ref', true, ...PROPERTY),
      f('date', 'Acknowledged On', true, 'Date Acknowledged', 'Letter Date', 'Acknowledgement Date'),
      f('reference', 'Reference', false, 'Document', 'Letter Ref', 'Note'),
    ],
  },
];
