// Bundles the CLI (TypeScript) into dist/cli.cjs with esbuild. Dependencies stay external, except
// the ESM-only ones, which a CommonJS bundle must carry itself.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const ESM_ONLY = ['double-metaphone'];

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: Object.keys(pkg.dependencies).filter((d) => !ESM_ONLY.includes(d)),
  sourcemap: true,
  logLevel: 'warning',
});
