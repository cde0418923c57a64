import { csvRecords, csvText, guessDelimiter } from './csv';

describe('csv', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 113 000', "'+44 113 000"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['SMITH, J', '"SMITH, J"'],
    ['say "rent"', '"say ""rent"""'],
    ['=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
    ['RENT 12', 'RENT 12'],
  ])('a cell %p is written %p (formulas defused, quoted when needed)', (value, written) => {
    expect(csvText(value)).toBe(written);
  });

  it('reads records by their trimmed headers, quotes and blank lines as a spreadsheet would', () => {
    const text = '\uFEFFname , amount\r\n"Smith, J",10.00\r\n\r\nJones,"2,000.50"\r\n';
    expect(csvRecords(text)).toEqual([
      { name: 'Smith, J', amount: '10.00' },
      { name: 'Jones', amount: '2,000.50' },
    ]);
  });

  it.each([
    [['a;b;c', '1;2;3'], ';'],
    [['a\tb', '1\t2'], '\t'],
    [['a|b|c', '1|2|3'], '|'],
    [['"x, y",b', '1,2'], ','],
    [['one column only'], ','],
  ])('guesses the delimiter of %p as %p', (lines, delimiter) => {
    expect(guessDelimiter(lines)).toBe(delimiter);
  });
});
