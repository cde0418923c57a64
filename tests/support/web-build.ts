/**
 * The pages' production build (dist/web) for the browser tests, rebuilt when it is missing or older
 * than what it is built from, so a browser test never runs against a stale bundle: every file under
 * src/ but unit tests (which never enter the bundle), the files webpack copies in (manifest, icons,
 * the sample workbook), and the build's configuration (webpack config, tsconfig, package.json and
 * its lock file).
 *
 * Webpack leaves an output file untouched when its content is unchanged, so the outputs' own times
 * can stay old after a build; a stamp written after each build made here records when it started.
 * Any other build into dist/web (npm run build:web) removes the stamp (output.clean), and then the
 * oldest output's time is taken instead, which at worst rebuilds once more.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the browser tests load; all must exist for the build to count. */
const OUTPUTS = ['standalone.html', 'standalone.js', 'taskpane.html', 'taskpane.js'];
const STAMP = '.built-at';
const INPUT_FILES = ['webpack.config.js', 'tsconfig.json', 'package.json', 'package-lock.json', 'manifest.xml'];
const INPUT_DIRS = ['src', 'assets'];
const UNIT_TEST = /\.test\.tsx?$/;

function newestInput(dir: string): { path: string; mtimeMs: number } | null {
  let newest: { path: string; mtimeMs: number } | null = null;
  const consider = (path: string): void => {
    const { mtimeMs } = statSync(path);
    if (!newest || mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
  };
  for (const f of INPUT_FILES) if (existsSync(join(dir, f))) consider(join(dir, f));
  for (const d of INPUT_DIRS) {
    if (!existsSync(join(dir, d))) continue;
    for (const rel of readdirSync(join(dir, d), { recursive: true, encoding: 'utf8' })) {
      const path = join(dir, d, rel);
      if (!UNIT_TEST.test(rel) && statSync(path).isFile()) consider(path);
    }
  }
  return newest;
}

/** When the build in `web` was made, or null when it is incomplete. */
function builtAt(web: string): number | null {
  if (!OUTPUTS.every((f) => existsSync(join(web, f)))) return null;
  if (existsSync(join(web, STAMP))) return statSync(join(web, STAMP)).mtimeMs;
  return Math.min(...OUTPUTS.map((f) => statSync(join(web, f)).mtimeMs));
}

/** Why dist/web must be rebuilt, or null when it is up to date with its sources. */
export function webBuildStaleness(root: string): string | null {
  const web = join(root, 'dist', 'web');
  const built = builtAt(web);
  if (built === null) return 'dist/web is missing or incomplete';
  const newest = newestInput(root);
  return newest && newest.mtimeMs > built ? `${newest.path} is newer than dist/web` : null;
}

/** Builds the pages (webpack --mode production, as npm run build:web) when dist/web is missing or stale. */
export function ensureWebBuild(root: string): void {
  const why = webBuildStaleness(root);
  if (why === null) return;
  process.stderr.write(`building the pages: ${why}\n`);
  const started = Date.now();
  execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  // Stamped with the time the build started: a file saved while webpack ran counts as newer.
  const stamp = join(root, 'dist', 'web', STAMP);
  writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
  utimesSync(stamp, new Date(started), new Date(started));
}
