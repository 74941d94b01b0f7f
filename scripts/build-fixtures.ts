/**
 * Bundles the e2e board/list fixture apps (test/fixtures/boards/<app>/<page>.ts[x]) into
 * test/fixtures/.build/<app>/<page>.js: one self-contained IIFE per page, not minified, ASCII
 * only. Each page's HTML (test/fixtures/boards/<app>/<page>.html) loads its bundle from
 * /__fixture/.build/<app>/<page>.js. Run: npx tsx scripts/build-fixtures.ts
 *
 * React fixtures run on React 18 (react-beautiful-dnd 13 needs it), installed under the aliases
 * react-18 / react-dom-18; only these builds map `react` and `react-dom` to them. The extension's
 * own build (wxt) keeps React 19.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build, type Alias } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCES = join(ROOT, 'test/fixtures/boards');
const OUT = join(ROOT, 'test/fixtures/.build');

const REACT_18: Alias[] = [
  { find: /^react$/, replacement: 'react-18' },
  { find: /^react\/(.*)$/, replacement: 'react-18/$1' },
  { find: /^react-dom$/, replacement: 'react-dom-18' },
  { find: /^react-dom\/(.*)$/, replacement: 'react-dom-18/$1' },
];

interface Entry { app: string; page: string; file: string }

/** Every <app>/<page>.html with a <page>.tsx or <page>.ts next to it. */
function entries(): Entry[] {
  const found: Entry[] = [];
  for (const app of readdirSync(SOURCES, { withFileTypes: true })) {
    if (!app.isDirectory() || app.name === 'shared') continue;
    for (const name of readdirSync(join(SOURCES, app.name))) {
      if (!name.endsWith('.html')) continue;
      const page = name.slice(0, -'.html'.length);
      const file = ['.tsx', '.ts'].map((ext) => join(SOURCES, app.name, page + ext)).find((f) => existsSync(f));
      if (!file) throw new Error(`${app.name}/${name} has no ${page}.tsx or ${page}.ts next to it`);
      found.push({ app: app.name, page, file });
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

async function bundle({ app, page, file }: Entry): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    publicDir: false,
    logLevel: 'warn',
    mode: 'production',
    // Lib mode leaves process.env.NODE_ENV alone; the browser has no `process`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: { alias: REACT_18 },
    build: {
      outDir: join(OUT, app),
      emptyOutDir: false,
      copyPublicDir: false,
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      target: 'es2022',
      lib: { entry: file, formats: ['iife'], name: '__batonFixture', fileName: () => `${page}.js` },
      // charset escapes non-ASCII in code; comments are not escaped, so keep only legal ones.
      rolldownOptions: { output: { charset: 'ascii', codeSplitting: false, comments: { legal: true, annotation: false, jsdoc: false } } },
    },
  });
  const out = join(OUT, app, `${page}.js`);
  const text = readFileSync(out, 'utf8');
  const bad = /[^\x00-\x7f]/.exec(text);
  if (bad) throw new Error(`${relative(ROOT, out)} is not ASCII (U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index})`);
  return out;
}

const started = Date.now();
rmSync(OUT, { recursive: true, force: true });
const outputs = await Promise.all(entries().map(bundle));
for (const out of outputs) console.log(`  ${relative(ROOT, out)}  ${(readFileSync(out).length / 1024).toFixed(0)} kB`);
console.log(`built ${outputs.length} fixture bundles in ${Date.now() - started} ms`);
