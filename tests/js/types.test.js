// Every JavaScript file of the extension and the tools opts into `tsc --noEmit` with // @ts-check
// (tsconfig.json leaves checkJs off so the generated wasm glue is not checked).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Generated or bundled: pkg/ (wasm-bindgen) and build/content.js (esbuild). */
const SKIPPED = new Set(['extension/pkg', 'extension/build/content.js']);

function scripts(dir, pattern) {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (SKIPPED.has(rel)) return [];
    if (statSync(join(ROOT, rel)).isDirectory()) return scripts(rel, pattern);
    return pattern.test(name) ? [rel] : [];
  });
}

test('every extension and tool script starts with // @ts-check', () => {
  const files = [...scripts('extension', /\.js$/), ...scripts('tools', /^[^/]*\.mjs$/).filter((file) => relative('tools', file).indexOf('/') === -1)];
  assert.ok(files.length > 40, `${files.length} files`);
  const missing = files.filter((file) => !/^(#![^\n]*\n)?\/\/ @ts-check\n/.test(readFileSync(join(ROOT, file), 'utf8')));
  assert.deepEqual(missing, []);
});
