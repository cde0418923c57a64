/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { RawCell } from '../../src/engine/cells';
import { renderPane, testHost } from './support/pane-host';
import { sampleSheets } from './support/sample';

let sample: { name: string; rows: RawCell[][] }[];
beforeAll(async () => {
  sample = await sampleSheets();
});
beforeEach(() => localStorage.clear());

async function openSettings(host = testHost(sample)) {
  renderPane(host);
  fireEvent.click(await screen.findByText('Next: Settings'));
  return host;
}

const input = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;

describe('Settings', () => {
  it('suggests the month most postings fall in, read from the top of the transactions sheet', async () => {
    await openSettings();
    expect(input(/^Period \(month\)/).value).toBe('2026-12');
  });

  it('remembers the person’s name in this browser for the next time the pane opens', async () => {
    await openSettings();
    fireEvent.change(input('Your name'), { target: { value: 'Alex Preparer' } });
    expect(localStorage.getItem('housing-ledger.name')).toBe('Alex Preparer');
  });

  it('saves the settings under a name and applies them again later', async () => {
    const host = await openSettings();
    fireEvent.change(input('Rent control account code'), { target: { value: '1234' } });
    fireEvent.change(input('Save these settings as'), { target: { value: 'Oak Tree HA' } });
    fireEvent.click(screen.getByText('Save settings'));
    await screen.findByText('Settings saved');
    expect((await (await host.store()).savedSettings()).map((s) => [s.name, s.settings.config.glControlAccount])).toEqual([['Oak Tree HA', '1234']]);

    fireEvent.change(input('Rent control account code'), { target: { value: '9999' } });
    fireEvent.change(screen.getByLabelText('Saved settings'), { target: { value: 'Oak Tree HA' } });
    fireEvent.click(screen.getByText('Apply'));
    await waitFor(() => expect(input('Rent control account code').value).toBe('1234'));
  });

  it('says which rent-free weeks are not dates, and keeps the ones that are', async () => {
    await openSettings();
    const weeks = screen.getByLabelText(/^Rent-free weeks/);
    fireEvent.change(weeks, { target: { value: '21/12/2026, 31/02/2026, soon' } });
    fireEvent.blur(weeks);
    expect(await screen.findByText('Not dates: 31/02/2026, soon')).toBeTruthy();
  });

  it('without storage the pane still works, says sessions will not be saved, and offers no saved settings', async () => {
    await openSettings(testHost(sample, { store: 'unavailable' }));
    expect(screen.getByText('Sessions will not be saved')).toBeTruthy();
    expect(screen.getByText('No settings saved yet')).toBeTruthy();
  });
});
