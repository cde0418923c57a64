#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/cli.cjs by `npm ci` (the prepare script) or `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(built)) {
  process.stderr.write('housing-ledger: the CLI is not built yet; run `npm ci` or `npm run build` in the project folder\n');
  process.exit(1);
}
// `housing-ledger ... | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
require(built)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
