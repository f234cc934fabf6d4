// A minimal WebDriver BiDi client for Debian's Firefox ESR (Playwright's BiDi mode needs newer
// Firefox commands than ESR has). Installs dist/firefox as a temporary add-on and serves the
// fixture pages at the real site URLs by intercepting every request: nothing reaches the network.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { pageHelpers } from './harness.mjs';
import { FIXTURE_PREFIX, fixtureHtml, SITES } from './sites.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIREFOX = '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(ROOT, 'dist', 'firefox');
const FIXTURE_BUILD = join(ROOT, 'tests', 'e2e', 'fixtures', 'build');

const header = (name, value) => ({ name, value: { type: 'string', value } });

export async function launchFirefox(mode) {
  const profile = mkdtempSync(join(tmpdir(), 'rapport-firefox-'));
  writeFileSync(join(profile, 'user.js'), [
    'user_pref("browser.shell.checkDefaultBrowser", false);',
    'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
    'user_pref("app.update.auto", false);',
  ].join('\n'));
  const child = spawn(FIREFOX, ['--headless', '--remote-debugging-port=0', '--profile', profile], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = await new Promise((resolve, reject) => {
    let output = '';
    child.stderr.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`firefox exited (${code}) before BiDi was up:\n${output}`)));
  });
  const socket = new WebSocket(`${endpoint}/session`);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });

  let nextId = 1;
  const waiting = new Map();
  const listeners = new Map();
  socket.on('message', (data) => {
    const message = JSON.parse(data);
    if (message.type === 'event') {
      listeners.get(message.method)?.(message.params);
    } else if (waiting.has(message.id)) {
      const { resolve, reject, method } = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.type === 'error') reject(new Error(`${method}: ${message.error}: ${message.message}`));
      else resolve(message.result);
    }
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject, method });
      socket.send(JSON.stringify({ id, method, params }));
    });

  const blocked = [];
  const logs = [];
  await send('session.new', { capabilities: {} });
  await send('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_EXTENSION_DIR } });
  const pages = new Map(SITES.map((site) => [new URL(site.url).href, site]));
  const hosts = new Set(SITES.map((site) => new URL(site.url).host));
  listeners.set('network.beforeRequestSent', async ({ isBlocked, request: { request, url } }) => {
    if (!isBlocked) return;
    const parsed = new URL(url);
    const site = pages.get(parsed.href);
    const script = parsed.pathname.slice(FIXTURE_PREFIX.length);
    if (site) {
      const headers = [header('content-type', 'text/html; charset=utf-8')];
      if (mode.csp) headers.push(header('content-security-policy', mode.csp));
      await send('network.provideResponse', {
        request, statusCode: 200, reasonPhrase: 'OK', headers, body: { type: 'string', value: fixtureHtml(site) },
      });
    } else if (hosts.has(parsed.host) && parsed.pathname.startsWith(FIXTURE_PREFIX) && /^[\w-]+\.js$/.test(script)
      && existsSync(join(FIXTURE_BUILD, script))) {
      await send('network.provideResponse', {
        request, statusCode: 200, reasonPhrase: 'OK', headers: [header('content-type', 'text/javascript')],
        body: { type: 'string', value: readFileSync(join(FIXTURE_BUILD, script), 'utf8') },
      });
    } else {
      blocked.push(url);
      await send('network.failRequest', { request });
    }
  });
  listeners.set('log.entryAdded', ({ level, text }) => {
    if (level === 'error' || /rapport/i.test(text ?? '')) logs.push(`${level}: ${text}`);
  });
  await send('session.subscribe', { events: ['network.beforeRequestSent', 'log.entryAdded'] });
  await send('network.addIntercept', { phases: ['beforeRequestSent'] });
  await send('script.addPreloadScript', { functionDeclaration: pageHelpers.toString() });
  const { contexts } = await send('browsingContext.getTree');
  const context = contexts[0].context;

  return {
    blocked,
    logs,
    async goto(url) {
      await send('browsingContext.navigate', { context, url, wait: 'complete' });
    },
    /** Evaluates `expression` in the page (awaiting promises); returns its JSON value. */
    async evaluate(expression) {
      const { result, exceptionDetails } = await send('script.evaluate', {
        expression: `(async () => JSON.stringify(await (${expression})))()`,
        target: { context },
        awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(`page: ${exceptionDetails.text}`);
      return result.value === undefined ? undefined : JSON.parse(result.value);
    },
    /** Real key events; `keys` is a string (WebDriver key codes such as "\uE007" for Enter allowed). */
    async type(keys) {
      const actions = [...keys].flatMap((value) => [
        { type: 'keyDown', value },
        { type: 'keyUp', value },
        { type: 'pause', duration: 10 },
      ]);
      await send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions }] });
    },
    /** A real mouse click in the middle of the element `selector` matches. */
    async click(selector) {
      const { x, y } = await this.evaluate(`(() => {
        const rect = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
        return { x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + rect.height / 2) };
      })()`);
      await send('input.performActions', {
        context,
        actions: [{
          type: 'pointer',
          id: 'mouse',
          actions: [
            { type: 'pointerMove', x, y },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        }],
      });
    },
    /** A real pointer move to the middle of the element `selector` matches. */
    async hover(selector) {
      const { x, y } = await this.evaluate(`(() => {
        const rect = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
        return { x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + rect.height / 2) };
      })()`);
      await send('input.performActions', { context, actions: [{ type: 'pointer', id: 'mouse', actions: [{ type: 'pointerMove', x, y }] }] });
    },
    /** Ctrl+`key` as real key events. */
    async ctrl(key) {
      const CONTROL = '\uE009';
      await send('input.performActions', {
        context,
        actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: CONTROL }, { type: 'keyDown', value: key }, { type: 'keyUp', value: key }, { type: 'keyUp', value: CONTROL }] }],
      });
    },
    async close() {
      await send('browser.close').catch(() => {});
      socket.close();
      if (child.exitCode === null) {
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await new Promise((resolve) => child.once('exit', resolve));
        clearTimeout(killer);
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
