import { hasTwoDigitYear, isoToSerial, monthPeriod, parseDayFirst, serialToIso, weekday, type IsoDate } from './dates';

describe('UK dates', () => {
  it.each([
    ['03/04/2026', '2026-04-03'],
    ['3/4/2026', '2026-04-03'],
    ['03-04-2026', '2026-04-03'],
    ['03.04.26', '2026-04-03'],
    ['2026-04-03', '2026-04-03'],
    ['3 Apr 2026', '2026-04-03'],
    ['03-Apr-26', '2026-04-03'],
    ['29/02/2024', '2024-02-29'],
    ['03/04/2026 00:00:00', '2026-04-03'],
    ['01/12/2026 23:59', '2026-12-01'],
    ['3 April 2026', '2026-04-03'],
    ['3 Sept 2026', '2026-09-03'],
    // Two-digit years by Excel's window: 00-29 are 20yy, 30-99 are 19yy (15/06/98 was read as 2098).
    ['15/06/98', '1998-06-15'],
    ['15/06/29', '2029-06-15'],
    ['08-Dec-26', '2026-12-08'],
  ])('parseDayFirst(%p) is day-first: %p', (text, iso) => expect(parseDayFirst(text)).toBe(iso));

  it('tells a two-digit year from a four-digit one', () => {
    expect(['15/06/98', '08-Dec-26', '3 Apr 26 10:00'].map(hasTwoDigitYear)).toEqual([true, true, true]);
    expect(['15/06/1998', '2026-12-08', '3 Apr 2026'].map(hasTwoDigitYear)).toEqual([false, false, false]);
  });

  // Month names must be real ("Junk" was read as June); times must be valid ("99:99" was ignored).
  it.each(['31/13/2026', '29/02/2025', '32/01/2026', '2026/13/01', 'next Monday', '', '12345', '1 Junk 2026', '1 Mayday 2026', '01/12/2026 99:99', '01/12/2026 24:00', '01/12/2026 10:60'])('parseDayFirst refuses %p', (text) =>
    expect(parseDayFirst(text)).toBeNull(),
  );

  it.each([
    [46023, '2026-01-01'],
    [45748, '2025-04-01'],
    [61, '1900-03-01'],
    [1, '1900-01-01'],
  ])('Excel serial %p is %p', (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
    expect(isoToSerial(iso as IsoDate)).toBe(serial);
  });

  it('serial 60 (the 29 Feb 1900 that never was) is not a date', () => expect(serialToIso(60)).toBeNull());

  it('weeks start on Monday', () => {
    expect(weekday('2026-04-06' as IsoDate)).toBe(0);
    expect(weekday('2026-04-12' as IsoDate)).toBe(6);
  });

  it('monthPeriod gives the first and last day', () => {
    expect(monthPeriod('2026-02')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(monthPeriod('2026-12')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
    expect(monthPeriod('2026-13')).toBeNull();
    expect(monthPeriod('12/2026')).toBeNull();
  });
});
