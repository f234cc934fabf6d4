#!/usr/bin/env node
// @ts-check
// Builds the extension from extension/ (after build.sh has produced extension/pkg/):
//   extension/build/lists.js        lists.json as an ES module (rule sets, platforms, sites…)
//   extension/build/adapters.js     the site adapters (content/sites/<id>.js) of lists.json's sites
//   extension/manifest.json         extension/manifest.base.json + the content script's matches
//                                   from lists.json's site hosts (so extension/ loads unpacked)
//   extension/build/content.js      the content script, bundled from extension/content/, without
//                                   the benchmark hooks (content/probe.js's wrappers do nothing)
//   dist/chrome-bench/              the Chrome build with the benchmark hooks on, for the e2e bench
//                                   only (never packaged)
//   tests/e2e/fixtures/build/*.js   the e2e fixture pages' scripts, bundled from the editor packages
//   dist/firefox/                   unpacked Firefox build (manifest with gecko settings, background.scripts)
//   dist/rapport-chrome.zip         Chrome package (extension/manifest.json as is)
//   dist/rapport-firefox.zip        Firefox package (dist/firefox zipped)
// Output is byte-identical for identical input (fixed zip timestamps, sorted entries).

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { adaptersModule, checkLists, listsModule, manifestFor } from './extension-lists.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXT = join(ROOT, 'extension');
const DIST = join(ROOT, 'dist');
const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
const BUILD = join(EXT, 'build');

/**
 * Oldest Firefox that reads everything in the Firefox manifest: 140 (the current ESR) is the first
 * to support gecko.data_collection_permissions (which declares that Rapport collects nothing);
 * MV3 module background scripts, install-time host permissions and wasm-unsafe-eval are older.
 * Firefox for Android supports data_collection_permissions from 142.
 */
const FIREFOX_MIN_VERSION = '140.0';
const FIREFOX_ANDROID_MIN_VERSION = '142.0';
const GECKO_ID = 'rapport@rapport.dev';

/** What goes into the packages, relative to extension/. Sources under content/ ship bundled. */
const PACKAGED = [
  'manifest.json',
  'background.js',
  'lib',
  'popup',
  'options',
  'pages',
  'trends',
  '_locales',
  'icons',
  'build/content.js',
  // Generated from lists.json; the popup, options page and background import them as ES modules.
  'build/lists.js',
  'build/adapters.js',
  // Pure modules the popup and options pages import as ES modules (the site table).
  'content/sites.js',
  'content/sites',
  'pkg/rapport.js',
  'pkg/rapport_bg.wasm',
];

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`build-extension: ${message}`);
  process.exit(1);
}

function checkPkg() {
  for (const file of ['pkg/rapport.js', 'pkg/rapport_bg.wasm']) {
    if (!existsSync(join(EXT, file))) {
      fail(`extension/${file} is missing: run ./build.sh (it builds the wasm engine into extension/pkg/ before this step)`);
    }
  }
}

/**
 * lists.json → extension/build/lists.js and adapters.js, and extension/manifest.json. Every site
 * needs its adapter file and every adapter file its site.
 */
function generate() {
  let lists;
  try {
    lists = checkLists(JSON.parse(readFileSync(join(ROOT, 'lists.json'), 'utf8')));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const adapters = readdirSync(join(EXT, 'content', 'sites')).filter((name) => name.endsWith('.js')).map((name) => name.slice(0, -3));
  for (const site of lists.sites) {
    if (!adapters.includes(site.id)) fail(`lists.json names site "${site.id}" but extension/content/sites/${site.id}.js does not exist`);
  }
  for (const id of adapters) {
    if (!lists.sites.some((site) => site.id === id)) fail(`extension/content/sites/${id}.js has no row in lists.json's sites`);
  }
  mkdirSync(BUILD, { recursive: true });
  writeIfChanged(join(BUILD, 'lists.js'), Buffer.from(listsModule(lists)));
  writeIfChanged(join(BUILD, 'adapters.js'), Buffer.from(adaptersModule(lists)));
  const base = JSON.parse(readFileSync(join(EXT, 'manifest.base.json'), 'utf8'));
  writeIfChanged(join(EXT, 'manifest.json'), Buffer.from(`${JSON.stringify(manifestFor(base, lists), null, 2)}\n`));
}

/**
 * The content script without (release) and with (bench) the benchmark hooks: the bench build
 * resolves content/probe.js (whose wrappers return the functions they are given) to
 * content/bench.js (whose wrappers time them).
 * @param {boolean} bench
 * @returns {import('esbuild').BuildOptions}
 */
const contentScript = (bench) => ({
  entryPoints: [join(EXT, 'content', 'main.js')],
  target: ['chrome120', 'firefox128'],
  plugins: bench
    ? [{
        name: 'rapport-bench',
        setup(build) {
          build.onResolve({ filter: /^\.\/probe\.js$/ }, (args) => ({ path: join(args.resolveDir, 'bench.js') }));
        },
      }]
    : [],
});

async function bundle() {
  const common = { bundle: true, format: /** @type {const} */ ('iife'), logLevel: /** @type {const} */ ('warning'), legalComments: /** @type {const} */ ('none') };
  await esbuild.build({ ...common, ...contentScript(false), outfile: join(BUILD, 'content.js') });
  const bench = await esbuild.build({ ...common, ...contentScript(true), write: false, outfile: 'content.js' });
  const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.js') || name.endsWith('.jsx'));
  await esbuild.build({
    ...common,
    entryPoints: fixtures.map((name) => join(FIXTURES, name)),
    outdir: join(FIXTURES, 'build'),
    target: ['chrome120'],
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  });
  return { benchContent: Buffer.from(bench.outputFiles[0].contents) };
}

/** Files under extension/ listed by PACKAGED, as sorted paths relative to extension/ with "/". */
function packagedFiles() {
  /** @type {string[]} */
  const files = [];
  const walk = (/** @type {string} */ path) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path)) walk(join(path, name));
    } else {
      files.push(relative(EXT, path).split(sep).join('/'));
    }
  };
  for (const entry of PACKAGED) walk(join(EXT, entry));
  return files.sort();
}

/** @param {Record<string, any>} manifest */
function firefoxManifest(manifest) {
  const { service_worker: serviceWorker, ...background } = manifest.background;
  return {
    ...manifest,
    background: { ...background, scripts: [serviceWorker] },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}

/** @typedef {{name: string, data: Buffer}} Entry */

// Minimal zip writer (deflate, fixed 1980-01-01 timestamps) so packages are reproducible.
/** @param {Entry[]} entries */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const centralSize = centrals.reduce((sum, buffer) => sum + buffer.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** @param {string} path @param {Buffer} data */
function writeIfChanged(path, data) {
  if (existsSync(path) && readFileSync(path).equals(data)) return;
  writeFileSync(path, data);
}

/** Writes `entries` as the unpacked extension in dist/`name`/, replacing what was there. */
function writeTree(/** @type {string} */ name, /** @type {Entry[]} */ entries) {
  rmSync(join(DIST, name), { recursive: true, force: true });
  for (const { name: file, data } of entries) {
    const path = join(DIST, name, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
}

checkPkg();
generate();
const { benchContent } = await bundle();

const manifest = JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8'));
const files = packagedFiles();
const chromeEntries = files.map((name) => ({ name, data: readFileSync(join(EXT, name)) }));
const firefoxEntries = chromeEntries.map((entry) =>
  entry.name === 'manifest.json'
    ? { name: entry.name, data: Buffer.from(`${JSON.stringify(firefoxManifest(manifest), null, 2)}\n`) }
    : entry,
);

mkdirSync(DIST, { recursive: true });
writeTree('firefox', firefoxEntries);
writeTree('chrome-bench', chromeEntries.map((entry) => (entry.name === 'build/content.js' ? { name: entry.name, data: benchContent } : entry)));
writeIfChanged(join(DIST, 'rapport-chrome.zip'), zip(chromeEntries));
writeIfChanged(join(DIST, 'rapport-firefox.zip'), zip(firefoxEntries));
console.log(`build-extension: ${files.length} files → dist/rapport-chrome.zip, dist/rapport-firefox.zip, dist/firefox/ (and dist/chrome-bench/ for the e2e bench)`);
