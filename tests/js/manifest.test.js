import assert from 'node:assert/strict';
import { test } from 'node:test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITES } from '../../extension/content/sites.js';

const EXT = fileURLToPath(new URL('../../extension/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8'));
const messages = JSON.parse(readFileSync(join(EXT, '_locales/en/messages.json'), 'utf8'));
const siteMatches = SITES.flatMap((site) => site.hosts.map((host) => `https://${host}/*`)).sort();
/** The Firefox build's manifest (dist/firefox, after npm run build:ext), when there is one. */
const FIREFOX_MANIFEST = fileURLToPath(new URL('../../dist/firefox/manifest.json', import.meta.url));
const firefox = existsSync(FIREFOX_MANIFEST) ? JSON.parse(readFileSync(FIREFOX_MANIFEST, 'utf8')) : null;

test('MV3, version, default locale', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.version, '0.1.0');
  assert.equal(manifest.default_locale, 'en');
});

test('permissions: storage, scripting (user-enabled sites), activeTab; no host_permissions (the content script\'s matches grant the sites)', () => {
  assert.deepEqual(manifest.permissions, ['storage', 'scripting', 'activeTab']);
  assert.equal(manifest.host_permissions, undefined);
  assert.equal(firefox?.host_permissions, undefined, 'nor in the Firefox build');
  assert.equal(manifest.optional_permissions, undefined);
  // Any other site only when the user asks for it, from the popup, at that moment.
  assert.deepEqual(manifest.optional_host_permissions, ['https://*/*', 'http://*/*']);
});

test('the new sites are matched', () => {
  for (const host of ['www.instagram.com', 'www.threads.net', 'www.threads.com', 'www.reddit.com', 'old.reddit.com', 'www.youtube.com', 'www.tumblr.com', 'www.pinterest.com']) {
    assert.ok(manifest.content_scripts[0].matches.includes(`https://${host}/*`), host);
  }
});

test('options page, and the panel shortcut', () => {
  assert.deepEqual(manifest.options_ui, { page: 'options/options.html', open_in_tab: true });
  assert.ok(existsSync(join(EXT, manifest.options_ui.page)));
  assert.equal(manifest.commands['toggle-panel'].suggested_key.default, 'Alt+Shift+R');
});

test('extension pages CSP is exact: no connection to anywhere (the wasm is read from the package)', () => {
  const csp = { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'none'" };
  assert.deepEqual(manifest.content_security_policy, csp);
  if (firefox) assert.deepEqual(firefox.content_security_policy, csp);
});

test('nothing is exposed to web pages', () => {
  assert.equal(manifest.web_accessible_resources, undefined);
  assert.equal(manifest.externally_connectable, undefined);
});

test('background is a module service worker', () => {
  assert.deepEqual(manifest.background, { service_worker: 'background.js', type: 'module' });
});

test('one content script on the supported sites, top frame, at idle', () => {
  assert.equal(manifest.content_scripts.length, 1);
  const [script] = manifest.content_scripts;
  assert.deepEqual([...script.matches].sort(), siteMatches);
  assert.deepEqual(script.js, ['build/content.js']);
  assert.equal(script.run_at, 'document_idle');
  assert.equal(script.all_frames, false);
  assert.equal(script.css, undefined);
});

test('icons are PNGs of their declared size', () => {
  const icons = { ...manifest.icons, ...manifest.action.default_icon };
  for (const [size, path] of Object.entries(icons)) {
    const png = readFileSync(join(EXT, path));
    assert.equal(png.subarray(1, 4).toString(), 'PNG', path);
    assert.equal(png.readUInt32BE(16), Number(size), `${path} width`);
    assert.equal(png.readUInt32BE(20), Number(size), `${path} height`);
  }
  assert.deepEqual(Object.keys(manifest.icons), ['16', '32', '48', '128']);
});

test('every referenced file exists', () => {
  for (const path of ['background.js', manifest.action.default_popup, 'trends/trends.html', 'trends/trends.js']) assert.ok(existsSync(join(EXT, path)), path);
});

test('every __MSG_x__ in the manifest and every data-i18n key exists in messages.json', () => {
  const keys = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
  for (const page of [manifest.action.default_popup, manifest.options_ui.page, 'trends/trends.html']) {
    const html = readFileSync(join(EXT, page), 'utf8');
    keys.push(...[...html.matchAll(/data-i18n="(\w+)"/g)].map((m) => m[1]));
  }
  // Keys the scripts ask for by name: t('key' …) and `ruleSet_${…}` style families.
  for (const path of sources().filter((file) => file.endsWith('.js') && !file.includes(`${join('build', '')}`))) {
    const text = readFileSync(path, 'utf8');
    keys.push(...[...text.matchAll(/\bt\('(\w+)'/g)].map((m) => m[1]));
  }
  for (const family of ['ruleSet_', 'severity_', 'tone_', 'focus_', 'strictness_']) {
    assert.ok(Object.keys(messages).some((key) => key.startsWith(family)), family);
  }
  assert.ok(keys.length >= 4);
  for (const key of keys) assert.ok(messages[key]?.message, `messages.json lacks ${key}`);
});

/**
 * What ships, as text: everything in extension/ (the bundled content script included, when it
 * has been built) except the engine's generated pkg/, whose glue fetches the wasm by URL.
 */
function sources(dir = EXT) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const rel = relative(EXT, path);
    if (rel === 'pkg') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(js|mjs|html|css|json)$/.test(name) ? [path] : [];
  });
}

test('no remote URLs and no network APIs in extension code', () => {
  const files = sources();
  assert.ok(files.length > 10);
  for (const path of files) {
    const rel = relative(EXT, path);
    let text = readFileSync(path, 'utf8');
    // The manifest's match patterns name the sites; they are not fetched.
    if (rel === 'manifest.json' || rel === 'manifest.base.json') text = text.replace(/"https?:\/\/[\w.*]+\/\*"/g, '');
    // Reading a file packaged with the extension (the wasm, for a synchronous compile) is allowed.
    text = text.replace(/\bfetch\(api\.runtime\.getURL\('[\w./-]+'\)\)/g, '');
    // The SVG namespace the trends page's charts are made in is a name, never fetched.
    if (rel === 'trends/chart.js') text = text.replace("const SVG_NS = 'http://www.w3.org/2000/svg';", '');
    assert.doesNotMatch(text, /\b(?:https?|wss?):\/\//, `${rel} contains a URL`);
    assert.doesNotMatch(text, /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|setUninstallURL/, `${rel} uses a network API`);
  }
});
