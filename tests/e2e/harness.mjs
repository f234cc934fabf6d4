// Browser harness for the e2e tests: Debian's Chromium with the unpacked extension, fixture
// pages served at the real site URLs from memory, nothing reaching the network.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { FIXTURE_PREFIX, fixtureHtml, GENERIC_PAGE, SITES, X_REPLY } from './sites.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXTENSION_DIR = join(ROOT, 'extension');
/** The Chrome build with the benchmark hooks (tools/build-extension.mjs; never packaged). */
export const BENCH_EXTENSION_DIR = join(ROOT, 'dist', 'chrome-bench');
const FIXTURE_BUILD = join(ROOT, 'tests', 'e2e', 'fixtures', 'build');
const CHROMIUM = '/usr/bin/chromium';

export const STRICT_CSP = "script-src 'self'";
/** The two ways every site is served: as is, and with a strict page CSP (no wasm-unsafe-eval). */
export const MODES = [
  { name: 'normal', csp: null },
  { name: 'strict CSP', csp: STRICT_CSP },
];

export function checkPrerequisites() {
  const missing = [
    [CHROMIUM, 'install Debian chromium (apt-get install chromium)'],
    [join(EXTENSION_DIR, 'pkg', 'rapport.js'), 'run ./build.sh'],
    [join(EXTENSION_DIR, 'build', 'content.js'), 'run npm run build:ext'],
    ...SITES.map((site) => [join(FIXTURE_BUILD, `${site.name}.js`), 'run npm run build:ext']),
  ].filter(([path]) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(`e2e prerequisites missing:\n${missing.map(([path, fix]) => `  ${path}: ${fix}`).join('\n')}`);
  }
}

/**
 * Launches Chromium with the extension (from `mode.extensionDir`, by default extension/ as
 * loaded unpacked). `mode.csp` (optional) is sent as the fixture pages' Content-Security-Policy
 * header. Every request that is not a fixture route is aborted and
 * recorded in `blocked`; the extension's warnings and page errors are collected in `problems`.
 */
export async function launch(mode) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  const extensionDir = mode.extensionDir ?? EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    // Playwright passes --disable-extensions by default.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1000, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const blocked = [];
  const pages = new Map([...SITES, GENERIC_PAGE, X_REPLY].map((site) => [new URL(site.url).href, site]));
  const hosts = new Set(SITES.map((site) => new URL(site.url).host));
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'chrome-extension:') return route.continue();
    if (hosts.has(url.host)) {
      const site = pages.get(url.href);
      if (site) {
        const headers = { 'content-type': 'text/html; charset=utf-8' };
        if (mode.csp) headers['content-security-policy'] = mode.csp;
        return route.fulfill({ status: 200, headers, body: fixtureHtml(site) });
      }
      if (url.pathname.startsWith(FIXTURE_PREFIX)) {
        const file = join(FIXTURE_BUILD, url.pathname.slice(FIXTURE_PREFIX.length));
        if (/^[\w-]+\.js$/.test(url.pathname.slice(FIXTURE_PREFIX.length)) && existsSync(file)) {
          return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(file) });
        }
      }
    }
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(pageHelpers);
  // Anything the extension logs in a page (its warnings start with "Rapport") and page errors.
  const problems = [];
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (/rapport/i.test(message.text()) && ['warning', 'error'].includes(message.type())) {
        problems.push(`${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`pageerror on ${page.url()}: ${error.message}`));
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    blocked,
    problems,
    extensionId,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Installed in every page's main world before its scripts (window.__e2e). Reads the overlay
 * through its open shadow root; records mutations of the editor; times keystroke → chip.
 */
export function pageHelpers() {
  const chip = () =>
    document.querySelector('rapport-overlay')?.shadowRoot?.querySelector('[data-rapport="chip"]') ?? null;
  let records = [];
  let recorder = null;
  let pending = null; // latency measurement in progress
  let chipObserver = null;

  const describe = (node) => (node.nodeType === 1 ? node.nodeName.toLowerCase() : node.nodeName);
  const foreign = (node) =>
    node.nodeType === 1 &&
    (/rapport/i.test(node.nodeName) || [...node.attributes].some((a) => /rapport|gramm/i.test(a.name)));
  const keep = (list) => {
    for (const record of list) {
      records.push({
        type: record.type,
        target: describe(record.target),
        attribute: record.attributeName,
        added: [...record.addedNodes].map(describe),
        foreign: [...record.addedNodes].some(foreign) || /rapport|gramm/i.test(record.attributeName ?? ''),
      });
    }
  };
  addEventListener('keydown', () => {
    if (pending && pending.t0 === null) pending.t0 = performance.now();
  }, true);
  addEventListener('beforeinput', () => {
    if (pending && pending.t0 === null) pending.t0 = performance.now();
  }, true);

  function checkPending() {
    if (pending && pending.t0 !== null && pending.done === null && chip()?.dataset.length === pending.expected
      && (pending.hints === null || chip()?.dataset.hints === pending.hints)) {
      pending.done = performance.now();
    }
  }

  window.__e2e = {
    chipState() {
      const element = chip();
      if (!element) return null;
      // The chip's accessible name is its content: the visually hidden sentence (the glyphs are aria-hidden).
      const label = element.querySelector('[data-rapport="chip-label"]')?.textContent ?? null;
      return { ...element.dataset, ariaLabel: element.getAttribute('aria-label') ?? label, text: element.textContent, hidden: element.hidden };
    },
    chipCount: () => document.querySelector('rapport-overlay')?.shadowRoot?.querySelectorAll('[data-rapport="chip"]').length ?? 0,
    overlayInfo() {
      const host = document.querySelector('rapport-overlay');
      return {
        count: document.querySelectorAll('rapport-overlay').length,
        parentIsHtml: host?.parentNode === document.documentElement,
        styleElements: host?.shadowRoot?.querySelectorAll('style, link').length,
        adoptedSheets: host?.shadowRoot?.adoptedStyleSheets.length,
      };
    },
    /** Starts recording mutations inside the editor root (replaces earlier records). */
    record() {
      records = [];
      recorder?.disconnect();
      recorder = new MutationObserver(keep);
      recorder.observe(window.__rapportFixture.root(), {
        subtree: true, childList: true, characterData: true, attributes: true,
      });
    },
    records() {
      if (recorder) keep(recorder.takeRecords());
      return records;
    },
    /** Arms a keystroke → chip measurement: done when the chip's data-length reaches `expected`. */
    arm(expected, hints = null) {
      if (!chipObserver) {
        chipObserver = new MutationObserver(checkPending);
        chipObserver.observe(document.querySelector('rapport-overlay').shadowRoot, { subtree: true, attributes: true });
      }
      pending = { expected: String(expected), hints: hints === null ? null : String(hints), t0: null, done: null };
    },
    latency: () => (pending?.done != null ? pending.done - pending.t0 : null),
    /**
     * Every underline (one per span of a finding): its contract attributes, its finding's key
     * (rule@start-end of the primary span), its own span ([start, end] in the current text),
     * whether it is the primary one, and its rectangle.
     */
    underlines() {
      const root = document.querySelector('rapport-overlay')?.shadowRoot;
      return [...(root?.querySelectorAll('[data-rapport="underline"]') ?? [])].map((element) => ({
        rule: element.dataset.rule,
        ruleSet: element.dataset.ruleSet,
        severity: element.dataset.severity,
        key: element.dataset.key,
        span: element.dataset.span.split('-').map(Number),
        primary: element.dataset.primary === 'true',
        active: element.dataset.active === 'true',
        rect: element.getBoundingClientRect().toJSON(),
        lines: [...element.querySelectorAll('.fill')].map((fill) => fill.getBoundingClientRect().toJSON()),
      }));
    },
    /** Every panel entry (empty while the panel is closed). */
    panelHints() {
      const root = document.querySelector('rapport-overlay')?.shadowRoot;
      return [...(root?.querySelectorAll('[data-rapport="hint"]') ?? [])].map((element) => ({
        rule: element.dataset.rule,
        ruleSet: element.dataset.ruleSet,
        severity: element.dataset.severity,
      }));
    },
    /** The card's state, or null when hidden. */
    card() {
      const card = document.querySelector('rapport-overlay')?.shadowRoot?.querySelector('[data-rapport="card"]');
      if (!card || card.hidden) return null;
      return {
        rule: card.dataset.rule,
        key: card.dataset.key,
        text: card.textContent,
        words: card.querySelector('[data-rapport="card-words"]')?.textContent ?? null,
        fixes: [...card.querySelectorAll('[data-rapport="fix"]')].map((fix) => fix.textContent),
        rect: card.getBoundingClientRect().toJSON(),
      };
    },
    /**
     * Where the editor draws text[start, end), measured independently of Rapport: a Range over
     * the editor's own text nodes (single-line texts), or, for a textarea, a copy of it with every
     * computed style. Returns the bounding box of the non-empty line rects.
     */
    textRect(start, end) {
      const root = window.__rapportFixture.root();
      let rects;
      if (root.nodeName === 'TEXTAREA') {
        const style = getComputedStyle(root);
        const copy = document.createElement('div');
        for (const name of style) copy.style.setProperty(name, style.getPropertyValue(name));
        const box = root.getBoundingClientRect();
        Object.assign(copy.style, { position: 'fixed', left: `${box.left}px`, top: `${box.top}px`, margin: '0', visibility: 'hidden', whiteSpace: 'pre-wrap', overflow: 'hidden' });
        copy.textContent = root.value;
        document.body.append(copy);
        const range = document.createRange();
        range.setStart(copy.firstChild, start);
        range.setEnd(copy.firstChild, end);
        rects = [...range.getClientRects()].map((r) => ({ left: r.left, right: r.right, top: r.top - root.scrollTop, bottom: r.bottom - root.scrollTop, width: r.width }));
        copy.remove();
      } else {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let offset = 0;
        let started = false;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const next = offset + node.data.length;
          if (!started && start >= offset && start <= next) {
            range.setStart(node, start - offset);
            started = true;
          }
          if (end >= offset && end <= next) {
            range.setEnd(node, end - offset);
            break;
          }
          offset = next;
        }
        rects = [...range.getClientRects()];
      }
      rects = rects.filter((r) => r.width > 0.5);
      return {
        left: Math.min(...rects.map((r) => r.left)),
        right: Math.max(...rects.map((r) => r.right)),
        top: Math.min(...rects.map((r) => r.top)),
        bottom: Math.max(...rects.map((r) => r.bottom)),
      };
    },
    modelText: () => window.__rapportFixture.modelText(),
    /** The "before you post" reminder while it is open, else null. */
    reminder() {
      const element = document.querySelector('rapport-overlay')?.shadowRoot?.querySelector('[data-rapport="reminder"]');
      if (!element || element.dataset.open !== 'true') return null;
      return {
        role: element.getAttribute('role'),
        kind: element.dataset.kind,
        rule: element.dataset.rule,
        side: element.dataset.side,
        text: element.textContent,
        visible: getComputedStyle(element).visibility !== 'hidden',
        rect: element.getBoundingClientRect().toJSON(),
      };
    },
    /** The texts the fixture's own submit took, in order (one per submit). */
    submits: () => window.__fixtureSubmits ?? null,
    /**
     * The page's own controls (buttons, links, fields, role=button…) outside the editor, each with
     * its rect and whether a click at its centre reaches it (elementFromPoint is the control or
     * inside it, not Rapport's overlay).
     */
    controls() {
      const root = window.__rapportFixture.root();
      const selector = 'button, a[href], input, select, textarea, [role="button"], [role="link"], [contenteditable="true"]';
      return [...document.querySelectorAll(selector)]
        .filter((element) => element !== root && !root.contains(element) && !element.contains(root))
        .map((element) => {
          const rect = element.getBoundingClientRect();
          const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
          return {
            name: element.getAttribute('aria-label') || element.textContent.trim() || element.getAttribute('placeholder') || element.nodeName,
            rect: rect.toJSON(),
            visible: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight,
            reachable: hit !== null && (hit === element || element.contains(hit)),
          };
        });
    },
    /** The chip's rectangle and how it is drawn. */
    chipBox() {
      const chip = document.querySelector('rapport-overlay')?.shadowRoot?.querySelector('[data-rapport="chip"]');
      if (!chip || chip.hidden) return null;
      return { rect: chip.getBoundingClientRect().toJSON(), size: chip.dataset.size, side: chip.dataset.side };
    },
    caretAtEndAndFocused() {
      const root = window.__rapportFixture.root();
      if (root.nodeName === 'TEXTAREA') {
        return document.activeElement === root && root.selectionStart === root.value.length && root.selectionEnd === root.value.length;
      }
      if (!root.contains(document.activeElement)) return false;
      const selection = getSelection();
      if (!selection.isCollapsed || !root.contains(selection.focusNode)) return false;
      const rest = document.createRange();
      rest.setStart(selection.focusNode, selection.focusOffset);
      rest.setEnd(root, root.childNodes.length);
      return rest.toString().replace(/[\u200b\ufeff\n]/g, '') === '';
    },
  };
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
