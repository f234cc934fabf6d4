// The shipped content script has no benchmark hooks: extension/build/content.js (loaded
// unpacked) and the content script inside both packages hold none of bench.js, while the e2e
// bench's own build (dist/chrome-bench/) does. Needs `npm run build:ext` first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const path = (relative) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

/** The entries of a zip written by tools/build-extension.mjs (deflate, no data descriptors). */
function unzip(buffer) {
  const entries = new Map();
  let offset = 0;
  while (buffer.readUInt32LE(offset) === 0x04034b50) {
    const size = buffer.readUInt32LE(offset + 18);
    const nameLength = buffer.readUInt16LE(offset + 26);
    const extra = buffer.readUInt16LE(offset + 28);
    const name = buffer.toString('utf8', offset + 30, offset + 30 + nameLength);
    const start = offset + 30 + nameLength + extra;
    entries.set(name, inflateRawSync(buffer.subarray(start, start + size)));
    offset = start + size;
  }
  return entries;
}

/** What only the benchmark hooks contain. */
const HOOKS = [/rapport-bench/, /performance\.now/, /createBench/, /maxInFlight/, /content\/bench\.js/];

test('the bench build has the hooks (so the checks below can see them)', () => {
  const bench = readFileSync(path('dist/chrome-bench/build/content.js'), 'utf8');
  for (const hook of HOOKS) assert.match(bench, hook);
});

test('extension/build/content.js has no benchmark hook', () => {
  const release = readFileSync(path('extension/build/content.js'), 'utf8');
  for (const hook of HOOKS) assert.doesNotMatch(release, hook);
});

for (const zip of ['dist/rapport-chrome.zip', 'dist/rapport-firefox.zip']) {
  test(`${zip}: the content script is the release one, and no bench file is packaged`, () => {
    const entries = unzip(readFileSync(path(zip)));
    assert.ok(entries.size > 10);
    assert.deepEqual(entries.get('build/content.js'), readFileSync(path('extension/build/content.js')));
    assert.deepEqual([...entries.keys()].filter((name) => /bench/.test(name)), []);
    for (const [name, data] of entries) {
      if (name.endsWith('.js')) assert.doesNotMatch(data.toString('utf8'), /rapport-bench|createBench/, name);
    }
  });
}
