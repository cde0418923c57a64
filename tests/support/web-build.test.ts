/** The browser test rebuilds the pages exactly when the build is missing, incomplete or older than its sources. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webBuildStaleness } from './web-build';

describe('webBuildStaleness', () => {
  let root: string;
  const at = (path: string, secondsAgo: number): void => {
    const t = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(join(root, path), t, t);
  };
  const file = (path: string, secondsAgo: number): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), 'x');
    at(path, secondsAgo);
  };
  const OUTPUTS = ['dist/web/standalone.html', 'dist/web/standalone.js', 'dist/web/taskpane.html', 'dist/web/taskpane.js'];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hl-webbuild-'));
    file('package.json', 600);
    file('webpack.config.js', 600);
    file('src/engine/money.ts', 500);
    file('src/taskpane/Pane.tsx', 500);
    file('assets/sample-workbook.xlsx', 500);
    for (const o of OUTPUTS) file(o, 100);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is up to date when every output is newer than every source', () => {
    expect(webBuildStaleness(root)).toBeNull();
  });

  it('rebuilds when there is no build, or part of one', () => {
    rmSync(join(root, 'dist/web/taskpane.js'));
    expect(webBuildStaleness(root)).toMatch(/missing or incomplete/);
    rmSync(join(root, 'dist'), { recursive: true });
    expect(webBuildStaleness(root)).toMatch(/missing or incomplete/);
  });

  it.each(['src/engine/money.ts', 'src/taskpane/Pane.tsx', 'webpack.config.js', 'package.json', 'assets/sample-workbook.xlsx'])('rebuilds when %s changed after the build', (path) => {
    at(path, 10);
    expect(webBuildStaleness(root)).toContain(path);
  });

  it('does not rebuild for a new unit test beside the code (tests never enter the bundle)', () => {
    file('src/engine/money.test.ts', 10);
    expect(webBuildStaleness(root)).toBeNull();
  });

  it('trusts the stamp of its own last build over outputs webpack left untouched', () => {
    at('dist/web/taskpane.js', 900); // unchanged content: webpack did not rewrite it
    expect(webBuildStaleness(root)).toMatch(/newer than dist\/web/);
    file('dist/web/.built-at', 50);
    expect(webBuildStaleness(root)).toBeNull();
    at('src/engine/money.ts', 10);
    expect(webBuildStaleness(root)).toContain('money.ts');
  });
});
