// End to end in Debian's Firefox ESR: the Firefox build (dist/firefox: event page, gecko
// settings) installed as a temporary add-on, typing with a strict page CSP into the five original
// editors (chip), and a sales post into a textarea and a Lexical editor (underlines over their words).

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { FIREFOX, FIREFOX_EXTENSION_DIR, launchFirefox } from './firefox.mjs';
import { checkPrerequisites, STRICT_CSP } from './harness.mjs';
import { expectedChip, expectedReport, loadOracle } from './oracle.mjs';
import { SITES } from './sites.mjs';
import { drawnUnderlines, expectedUnderlines } from './steps.mjs';

const missing = [FIREFOX, FIREFOX_EXTENSION_DIR].filter((path) => !existsSync(path));
const skip = missing.length > 0 && `needs ${missing.join(' and ')} (apt-get install firefox-esr; npm run build:ext)`;
/** The original five editors (one site each); the underline smoke test uses Mastodon's textarea and Reddit's Lexical. */
const FIREFOX_SITES = ['x', 'linkedin', 'facebook', 'bluesky', 'mastodon'];
const SALES = 'I am thrilled to announce my new product! My team and I built it for me. Buy now, 50% off, link in bio!!!';
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

  for (const site of SITES.filter((s) => FIREFOX_SITES.includes(s.name))) {
    test(`${site.name} (${site.editor}) with a strict CSP: chip follows typing`, async () => {
      await firefox.goto(site.url);
      await firefox.click(site.click);
      await waitForChip(firefox, { length: '0' }, 'chip for the empty box');
      const text = 'Thank you all for the wonderful support\nWhat would you love to see next?';
      // Draft.js in Firefox leaves the caret before the first character typed into an empty
      // editor (with or without Rapport); a second click puts it after, as a person would.
      await firefox.type(text[0]);
      await firefox.click(site.click);
      await firefox.type(`${text.slice(1).replace('\n', ENTER)}x${BACKSPACE}`);
      const chip = await waitForChip(firefox, expectedChip(text, site.platform), 'after typing');
      assert.equal(await firefox.evaluate('window.__e2e.modelText()'), text);
      assert.match(chip.ariaLabel, /^Rapport: \w+ tone, .+, \d+ of \d+ characters, score \d+, (1 hint|\d+ hints)$/);
      assert.equal(await firefox.evaluate('window.__e2e.caretAtEndAndFocused()'), true);
      // Styled by the adopted sheet (fixed position comes only from it).
      assert.deepEqual(await firefox.evaluate(`(() => {
        const host = document.querySelector('rapport-overlay');
        const chip = host.shadowRoot.querySelector('[data-rapport="chip"]');
        return { sheets: host.shadowRoot.adoptedStyleSheets.length, position: getComputedStyle(chip).position };
      })()`), { sheets: 1, position: 'fixed' });
    });
  }

  for (const name of ['mastodon', 'reddit']) {
    test(`${name} with a strict CSP: underlines on the words of each hint`, async () => {
      const site = SITES.find((s) => s.name === name);
      await firefox.goto(site.url);
      await firefox.click(site.click);
      await waitForChip(firefox, { length: '0' }, 'chip for the empty box');
      await firefox.type(SALES);
      await waitForChip(firefox, expectedChip(SALES, site.platform, site.context), 'after the sales post');
      const want = expectedUnderlines(expectedReport(SALES, site.platform, site.context));
      let underlines = [];
      for (let waited = 0; waited < 5000 && underlines.length !== want.length; waited += 50) {
        underlines = await firefox.evaluate('window.__e2e.underlines()');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.deepEqual(drawnUnderlines(underlines).sort(), want.sort(), 'an underline on every span of each finding');
      for (const ruleSet of ['pitch', 'self_focus', 'shouting']) assert.ok(underlines.some((u) => u.ruleSet === ruleSet), ruleSet);
      for (const underline of underlines) {
        const [start, end] = underline.span;
        const words = await firefox.evaluate(`window.__e2e.textRect(${start}, ${end})`);
        const off = Math.max(...['left', 'right', 'top', 'bottom'].map((side) => Math.abs(underline.rect[side] - words[side])));
        assert.ok(off <= 3, `${underline.key}: underline ${JSON.stringify(underline.rect)} vs words ${JSON.stringify(words)}`);
      }
    });
  }

  test('reddit with a strict CSP: a hostile reply, the reminder on hovering Comment; Comment and Ctrl+Enter each post once, unchanged', async () => {
    const site = SITES.find((s) => s.name === 'reddit');
    const HOSTILE = 'You are an idiot and your take is garbage.';
    for (const how of ['click', 'shortcut']) {
      await firefox.goto(site.url);
      await firefox.click(site.click);
      await waitForChip(firefox, { length: '0' }, 'chip for the empty box');
      await firefox.type(HOSTILE);
      await waitForChip(firefox, expectedChip(HOSTILE, site.platform, site.context), 'after the hostile reply');
      if (how === 'click') {
        await firefox.hover(site.submit);
        let reminder = null;
        for (let waited = 0; waited < 5000 && !reminder; waited += 50) {
          reminder = await firefox.evaluate('window.__e2e.reminder()');
          if (!reminder) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.equal(reminder?.rule, 'aggression.hostile_you', 'the reminder on hovering Comment');
        assert.equal(reminder.role, 'status');
        assert.equal(await firefox.evaluate('window.__e2e.caretAtEndAndFocused()'), true, 'the editor keeps focus');
        await firefox.click(site.submit);
      } else {
        await firefox.ctrl(ENTER);
      }
      let submits = [];
      for (let waited = 0; waited < 5000 && submits.length === 0; waited += 50) {
        submits = await firefox.evaluate('window.__e2e.submits()');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(await firefox.evaluate('window.__e2e.submits()'), [HOSTILE], `${how}: posted once, unchanged`);
      assert.equal(await firefox.evaluate('window.__e2e.modelText()'), '', `${how}: the composer emptied`);
    }
  });

  test('no request reached the network; nothing logged', () => {
    assert.deepEqual(firefox.blocked, []);
    assert.deepEqual(firefox.logs, []);
  });
});
