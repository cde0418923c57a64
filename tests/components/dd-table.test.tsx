/**
 * @jest-environment jsdom
 */
import './support/jsdom-globals';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { AccountLine, DdTable } from '../../src/taskpane/dd/DdTable';

describe('DdTable: the Direct Debits tables', () => {
  it('is a named table with a column header per column and a row per item, each cell under its header', () => {
    const rows = [
      { account: '00100053', payer: 'A Tenant', amount: '£101.50' },
      { account: '00100054', payer: 'B Tenant', amount: '£12.00' },
    ];
    render(
      <FluentProvider theme={webLightTheme}>
        <DdTable
          label="Collections"
          rows={rows}
          rowKey={(r) => r.account}
          columns={[
            { header: 'Account, payer', cell: (r) => <AccountLine account={r.account} second={r.payer} /> },
            { header: 'Amount', cell: (r) => r.amount, amount: true },
          ]}
        />
      </FluentProvider>,
    );
    const table = screen.getByRole('table', { name: 'Collections' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Account, payer', 'Amount']);
    const body = within(table).getAllByRole('row').slice(1);
    expect(body.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['00100053 A Tenant', '£101.50'],
      ['00100054 B Tenant', '£12.00'],
    ]);
  });
});
