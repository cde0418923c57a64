// Builds the Excel task pane (src/taskpane) in the Office task-pane React template's layout:
// ts-loader (no Babel), html-webpack-plugin for the page, copy-webpack-plugin for icons and manifest.
// office.js is loaded from Microsoft's CDN by the page, never bundled; exceljs never enters this bundle.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

// Fails the build if exceljs reaches the task pane's initial chunks (an import that slipped past the
// lint rule, e.g. through a shared module). A build error, not a bundle that breaks inside Excel.
class NoExcelJsInTaskpane {
  apply(compiler) {
    compiler.hooks.afterCompile.tap('NoExcelJsInTaskpane', (compilation) => {
      const entry = compilation.entrypoints.get('taskpane');
      if (!entry) return;
      const resources = (m) => [m.resource, ...(m.modules ?? []).flatMap(resources)].filter(Boolean);
      const offenders = new Set();
      for (const chunk of entry.chunks) {
        for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          for (const r of resources(m)) if (/[\\/]node_modules[\\/]exceljs[\\/]/.test(r)) offenders.add(path.relative(__dirname, r));
        }
      }
      if (offenders.size > 0) {
        const { WebpackError } = compiler.webpack;
        compilation.errors.push(new WebpackError(`exceljs must not enter the task pane bundle; it came in as ${[...offenders].slice(0, 3).join(', ')}`));
      }
    });
  }
}

module.exports = (env, argv) => {
  const dev = argv.mode !== 'production';
  const common = {
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { noEmit: false } } } }],
    },
    performance: { hints: false },
  };
  if (env && env.bench) {
    // npm run bench:worker: a page that runs the engine worker at scale and measures the page's thread.
    return {
      ...common,
      devtool: false,
      entry: { bench: './tools/bench/worker-bench.ts' },
      output: { path: path.resolve(__dirname, 'dist/bench'), filename: '[name].js', clean: true },
      plugins: [new HtmlWebpackPlugin({ filename: 'bench.html', templateContent: '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>worker bench</title></head><body></body></html>', chunks: ['bench'] })],
    };
  }
  return {
    devtool: dev ? 'eval-source-map' : 'source-map',
    entry: { taskpane: './src/taskpane/index.tsx', standalone: './src/standalone/index.tsx' },
    output: { path: path.resolve(__dirname, 'dist/web'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { noEmit: false } } } }],
    },
    plugins: [
      new NoExcelJsInTaskpane(),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      // The standalone page (xlsx adapter, so it carries exceljs) and the sample workbook npm run demo opens.
      new HtmlWebpackPlugin({ filename: 'standalone.html', template: './src/standalone/standalone.html', chunks: ['standalone'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: '[name][ext]' },
          { from: 'assets/sample-workbook.xlsx', to: '[name][ext]' },
          // Its config, which the demo applies (?config=), so the sample opens without false exceptions.
          { from: 'assets/sample-config.json', to: '[name][ext]' },
          { from: 'assets/factoring/sample-factoring.xlsx', to: '[name][ext]' },
          { from: 'assets/factoring/sample-factoring-config.json', to: '[name][ext]' },
          // The Direct Debit data the page fetches from its own origin, and the sample register.
          { from: 'assets/dd/*.{txt,csv}', to: 'assets/dd/[name][ext]' },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist/web') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: 'https',
      port: 3000,
    },
  };
};
