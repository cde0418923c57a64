/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import './support/jsdom-globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { SheetData } from '../../src/engine/cells';
import { DEFAULT_APPROVALS } from '../../src/engine/approvals';
import { FactoringPanel } from '../../src/taskpane/factoring/FactoringPanel';
import { handleFactoring } from '../../src/worker/factoring-request';
import { generateFactoring } from '../../tools/sample/factoring/generate';

const sample = generateFactoring();
const sheets: SheetData[] = Object.entries(sample.sheets).map(([name, rows]) => ({ name, originRow: 1, originCol: 1, rows }));

function open() {
  render(
    <FluentProvider theme={webLightTheme}>
      <FactoringPanel
        readSheets={async () => sheets}
        workbookFile="sample-factoring.xlsx"
        config={sample.config}
        approvals={DEFAULT_APPROVALS}
        run={async (r) => handleFactoring({ kind: 'factoring', id: 1, ...r })}
        now={() => '2027-01-05T10:00:00Z'}
      />
    </FluentProvider>,
  );
  const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
  return { type };
}

describe('Factoring mode', () => {
  it('dry run, sample check, approval by someone else, then release', async () => {
    const { type } = open();
    type('Quarter (YYYY-Qn)', '2026-Q4');
    type('Prepared by', 'Fiona Reid');
    fireEvent.click(screen.getByText('Check the register and dry run'));
    expect(await screen.findByText('Held back (3)')).toBeTruthy();
    // The TMS working, once for each heading of the block.
    expect(screen.getAllByText(/KS2 .*TMS: 4 flats; largest 80 m², smallest 50 m²; ratio 8\/5 is more than 1.5/)).toHaveLength(2);

    fireEvent.click(screen.getByText('Release the bills'));
    expect(await screen.findByText(/sample check is not signed off/)).toBeTruthy();

    type('Checker', 'Iain Watt');
    for (const button of screen.getAllByText('Right')) fireEvent.click(button);
    await waitFor(() => expect(screen.getByText('Sample check (5 of 5 marked)')).toBeTruthy());
    fireEvent.click(screen.getByText('Sign off the sample'));
    expect(await screen.findByText('Sample signed off by Iain Watt.')).toBeTruthy();

    type('Approver (not the preparer)', 'FIONA reid');
    fireEvent.click(screen.getByText('Approve the run'));
    expect(await screen.findByText(/cannot also approve/)).toBeTruthy();
    type('Approver (not the preparer)', 'Morag Bell');
    fireEvent.click(screen.getByText('Approve the run'));
    expect(await screen.findByText(/Approved by Morag Bell \(prepared by Fiona Reid\)/)).toBeTruthy();

    fireEvent.click(screen.getByText('Release the bills'));
    expect(await screen.findByText('Download bills.csv')).toBeTruthy();
    expect(screen.getByText('Download distribution.csv')).toBeTruthy();
  });

  it('a config without a PF number bills nothing and says why', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <FactoringPanel readSheets={async () => sheets} workbookFile="f.xlsx" config={{}} approvals={DEFAULT_APPROVALS} run={async (r) => handleFactoring({ kind: 'factoring', id: 1, ...r })} />
      </FluentProvider>,
    );
    fireEvent.change(screen.getByLabelText('Quarter (YYYY-Qn)'), { target: { value: '2026-Q4' } });
    fireEvent.click(screen.getByText('Check the register and dry run'));
    expect(await screen.findByText(/problem\(s\) in the register: nothing was billed/)).toBeTruthy();
    expect(screen.getByText(/no factoring.pfNumber/)).toBeTruthy();
    expect(screen.queryByText('Release the bills')).toBeNull();
  });
});
