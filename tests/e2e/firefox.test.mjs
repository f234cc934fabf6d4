// End to end in Debian's Firefox ESR: the Firefox build (dist/firefox: event page, gecko
// settings) installed as a temporary add-on, typing into a textarea and a ProseMirror fixture,
// with and without a strict page CSP.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { FIREFOX, FIREFOX_EXTENSION_DIR, launchFirefox } from './firefox.mjs';
import { checkPrerequisites, STRICT_CSP } from './harness.mjs';
import { expectedChip, loadOracle } from './oracle.mjs';
import { SITES } from './sites.mjs';

const missing = [FIREFOX, FIREFOX_EXTENSION_DIR].filter((path) => !existsSync(path));
const skip = missing.length > 0 && `needs ${missing.join(' and ')} (apt-get install firefox-esr; npm run build:ext)`;
/** Where to click to start typing, per editor. */
const EDITOR_SELECTOR = {
  'draft-js': '[data-testid="tweetTextarea_0"]',
  quill: '.ql-editor',
  lexical: '[data-lexical-editor]',
  prosemirror: '.ProseMirror',
  textarea: 'textarea',
};
const ENTER = '\uE007';
const BACKSPACE = '\uE003';

if (!skip) {
  checkPrerequisites();
  await loadOracle();
}

async function waitForChip(firefox, expected, message) {
  let state = null;
  for (let waited = 0; waited < 5000; waited += 50) {
    state = await firefox.evaluate('window.__e2e.chipState()');
    if (state && Object.entries(expected).every(([key, value]) => state[key] === value)) return state;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`${message}: chip never showed ${JSON.stringify(expected)}; last ${JSON.stringify(state)}`);
}

describe('Firefox ESR', { skip }, () => {
  let firefox;
  before(async () => {
    firefox = await launchFirefox({ csp: STRICT_CSP });
  });
  after(async () => {
    await firefox?.close();
  });

  for (const site of SITES.filter((s) => s.editor in EDITOR_SELECTOR)) {
    test(`${site.name} (${site.editor}) with a strict CSP: chip follows typing`, async () => {
      await firefox.goto(site.url);
      await firefox.click(EDITOR_SELECTOR[site.editor]);
      await waitForChip(firefox, { length: '0' }, 'chip for the empty box');
      const text = 'Thank you all for the wonderful support\nWhat would you love to see next?';
      // Draft.js in Firefox leaves the caret before the first character typed into an empty
      // editor (with or without Rapport); a second click puts it after, as a person would.
      await firefox.type(text[0]);
      await firefox.click(EDITOR_SELECTOR[site.editor]);
      await firefox.type(`${text.slice(1).replace('\n', ENTER)}x${BACKSPACE}`);
      const chip = await waitForChip(firefox, expectedChip(text, site.platform), 'after typing');
      assert.equal(await firefox.evaluate('window.__e2e.modelText()'), text);
      assert.match(chip.ariaLabel, /^Rapport: tone \w+, .+, \d+ of \d+ characters, score \d+$/);
      assert.equal(await firefox.evaluate('window.__e2e.caretAtEndAndFocused()'), true);
      // Styled by the adopted sheet (fixed position comes only from it).
      assert.deepEqual(await firefox.evaluate(`(() => {
        const host = document.querySelector('rapport-overlay');
        const chip = host.shadowRoot.querySelector('[data-rapport="chip"]');
        return { sheets: host.shadowRoot.adoptedStyleSheets.length, position: getComputedStyle(chip).position };
      })()`), { sheets: 1, position: 'fixed' });
    });
  }

  test('no request reached the network; nothing logged', () => {
    assert.deepEqual(firefox.blocked, []);
    assert.deepEqual(firefox.logs, []);
  });
});
