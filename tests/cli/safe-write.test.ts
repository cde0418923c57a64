/**
 * The CLI's safe write: what the user finds on disk after a write that worked, and after one that
 * failed part-way (the files they had are as they were, and no temporary is left in their folder).
 */
import fs, { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAll, writeFileSafely } from '../../src/cli/safe-write';
import { saveWorkbook, writeTextFile } from '../../src/cli/workbook-io';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hl-safe-write-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
/** Everything in the folder, hidden files included, sorted. */
const listing = (folder = dir): string[] => readdirSync(folder).sort();

describe('safe write: one file', () => {
  it('writes a new file and replaces an old one, leaving nothing else in the folder', () => {
    writeFileSafely(join(dir, 'journal.csv'), 'first\n');
    writeFileSafely(join(dir, 'journal.csv'), 'Payer,Amount\r\nJosé Müller,£1.00\r\n');
    expect(read('journal.csv')).toBe('Payer,Amount\r\nJosé Müller,£1.00\r\n');
    expect(listing()).toEqual(['journal.csv']);
  });

  it('flushes the file to disk before renaming it into place, then flushes the folder', () => {
    const calls: string[] = [];
    const fsync = fs.fsyncSync;
    jest.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      calls.push(fs.fstatSync(fd).isDirectory() ? 'fsync folder' : 'fsync file');
      fsync(fd);
    });
    const rename = fs.renameSync;
    jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      calls.push('rename');
      rename(from, to);
    });
    writeFileSafely(join(dir, 'pack.xlsx'), new Uint8Array([1, 2, 3]));
    expect(calls).toEqual(['fsync file', 'rename', 'fsync folder']);
    expect([...readFileSync(join(dir, 'pack.xlsx'))]).toEqual([1, 2, 3]);
  });

  it('a file that cannot be written is reported by its path, and the old file stays as it was', () => {
    writeFileSync(join(dir, 'out.csv'), 'old');
    mkdirSync(join(dir, 'a folder'));
    expect(() => writeFileSafely(join(dir, 'missing', 'out.csv'), 'x')).toThrow(/missing[/\\]out\.csv: cannot be written/);
    expect(() => writeFileSafely(join(dir, 'a folder'), 'x')).toThrow(/a folder: cannot be written \(it is a folder\)/);
    expect(read('out.csv')).toBe('old');
    expect(listing()).toEqual(['a folder', 'out.csv']);
  });
});

describe('safe write: a set of files is all or nothing', () => {
  it('writes every file of the set', () => {
    writeAll([
      { path: join(dir, 'postings.csv'), data: 'p' },
      { path: join(dir, 'report.json'), data: '{}' },
    ]);
    expect([read('postings.csv'), read('report.json')]).toEqual(['p', '{}']);
    expect(listing()).toEqual(['postings.csv', 'report.json']);
  });

  it('every file is written and flushed before the first is renamed into place', () => {
    const calls: string[] = [];
    const fsync = fs.fsyncSync;
    jest.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      calls.push(fs.fstatSync(fd).isDirectory() ? 'fsync folder' : 'fsync file');
      fsync(fd);
    });
    const rename = fs.renameSync;
    jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      calls.push('rename');
      rename(from, to);
    });
    writeAll([1, 2, 3].map((n) => ({ path: join(dir, `f${n}.csv`), data: String(n) })));
    // Three files, then the journal that lets the next run finish a set killed between renames (flushed, with its folder), then the renames.
    expect(calls).toEqual(['fsync file', 'fsync file', 'fsync file', 'fsync file', 'fsync folder', 'rename', 'rename', 'rename', 'fsync folder']);
  });

  it('a failure in the middle of the set leaves the earlier files as they were, writes none of the later ones, and leaves no temporary', () => {
    writeFileSync(join(dir, 'postings.csv'), 'old postings');
    expect(() =>
      writeAll([
        { path: join(dir, 'postings.csv'), data: 'new postings' },
        { path: join(dir, 'gone', 'report.json'), data: '{}' },
        { path: join(dir, 'exceptions.csv'), data: 'e' },
      ]),
    ).toThrow(/gone[/\\]report\.json: cannot be written/);
    expect(read('postings.csv')).toBe('old postings');
    expect(listing()).toEqual(['postings.csv']);
  });

  it('a rename that fails part-way puts back the files already replaced and removes the new ones', () => {
    writeFileSync(join(dir, 'a.csv'), 'old a');
    writeFileSync(join(dir, 'c.csv'), 'old c');
    const rename = fs.renameSync;
    let n = 0;
    jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      // The third rename into place fails (a disk error, a file locked by another program).
      if (String(from).endsWith('.tmp') && ++n === 3) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      rename(from, to);
    });
    expect(() =>
      writeAll([
        { path: join(dir, 'a.csv'), data: 'new a' },
        { path: join(dir, 'b.csv'), data: 'new b' },
        { path: join(dir, 'c.csv'), data: 'new c' },
      ]),
    ).toThrow(/c\.csv: cannot be written \(EIO: i\/o error\)/);
    expect([read('a.csv'), read('c.csv')]).toEqual(['old a', 'old c']);
    expect(listing()).toEqual(['a.csv', 'c.csv']);
  });

  it('the same file twice in one set is refused before anything is written', () => {
    expect(() => writeAll([{ path: join(dir, 'x.csv'), data: '1' }, { path: join(dir, '.', 'x.csv'), data: '2' }])).toThrow(/x\.csv: cannot be written \(the same file is named twice\)/);
    expect(listing()).toEqual([]);
  });
});

describe('the CLI writes its workbooks and CSVs through the safe write', () => {
  it('saveWorkbook and writeTextFile leave only the finished files, and report an unwritable path', async () => {
    await saveWorkbook(XlsxWorkbook.empty(), join(dir, 'pack.xlsx'));
    writeTextFile(join(dir, 'ageing.csv'), 'a,b\n');
    expect(listing()).toEqual(['ageing.csv', 'pack.xlsx']);
    expect(read('ageing.csv')).toBe('a,b\n');
    expect(readFileSync(join(dir, 'pack.xlsx')).subarray(0, 2).toString()).toBe('PK');
    await expect(saveWorkbook(XlsxWorkbook.empty(), join(dir, 'no', 'pack.xlsx'))).rejects.toThrow(/no[/\\]pack\.xlsx: cannot be written/);
    expect(() => writeTextFile(join(dir, 'no', 'x.csv'), '')).toThrow(/cannot be written/);
  });
});
