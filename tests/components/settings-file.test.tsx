/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * Settings and the CLI's config file are one thing (issue 11): the sample's config file imported in
 * Settings fills the fields and clears the false "rent debit missing" exceptions; a bad file is
 * refused with each problem located and nothing applied.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RawCell } from '../../src/engine/cells';
import { renderPane, testHost } from './support/pane-host';
import { sampleSheets } from './support/sample';

const CONFIG = join(resolve(__dirname, '..', '..'), 'assets', 'sample-config.json');

let sample: { name: string; rows: RawCell[][] }[];
beforeAll(async () => {
  sample = await sampleSheets();
});
beforeEach(() => localStorage.clear());

const importFile = (text: string, name: string) => fireEvent.change(screen.getByLabelText('Config file to import'), { target: { files: [new File([text], name, { type: 'application/json' })] } });

describe('Settings as the config file', () => {
  it('imports the CLI’s config file: the fields show it', async () => {
    renderPane(testHost(sample));
    fireEvent.click(await screen.findByText('Next: Settings'));
    importFile(readFileSync(CONFIG, 'utf8'), 'sample-config.json');
    await screen.findByText('Settings taken from sample-config.json.');
    expect((screen.getByLabelText(/Rent-free weeks/) as HTMLTextAreaElement).value).toBe('21/12/2026, 28/12/2026');
    expect((screen.getByLabelText('Rent control account code') as HTMLInputElement).value).toBe('1100');
  });

  it('refuses a file that is not valid, saying where, and keeps the settings as they were', async () => {
    renderPane(testHost(sample));
    fireEvent.click(await screen.findByText('Next: Settings'));
    fireEvent.change(screen.getByLabelText('Rent control account code'), { target: { value: '1234' } });
    importFile('{ "rentFreeWeeks": ["2026-12-22"], "glControlAccount": "1100" }', 'ours.json');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/ours\.json was not imported \(the settings are as they were\):rentFreeWeeks\.0: not a Monday/));
    expect((screen.getByLabelText('Rent control account code') as HTMLInputElement).value).toBe('1234');
    importFile('{\n  "glControlAccount": "1100",\n}', 'slip.json');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/slip\.json was not imported.*not JSON at line 3, column 1/));
  });
});
