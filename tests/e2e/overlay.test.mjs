// End to end, the overlay itself, on every fixture and in both CSP modes:
// - the chip covers none of the page's controls (each fixture has the site's own, where the site
//   puts them), stays on screen, and the controls still take real clicks;
// - axe-core finds no violation in the overlay (chip, open panel, open card), light and dark;
// - a page's script cannot operate Rapport: synthetic clicks on "Turn this rule off", "Apply"
//   and the chip change nothing;
// - a draft too long to check says so on the chip, and the chip comes back when it is shorter;
// - walled in by controls, the chip is a dot: still labelled, and it opens the panel.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPrerequisites, launch, MODES } from './harness.mjs';
import { loadOracle } from './oracle.mjs';
import { SITES } from './sites.mjs';
import { axeViolations, chipFor, clickChip, hoverUnderline, modelText, openFixture, panelOpen, TIMEOUT_MS, waitForChip, waitForUnderlines } from './steps.mjs';

const SALES = 'I am thrilled to announce my new product! My team and I built it for me. Buy now, 50% off, link in bio!!!';
const MORE_LINES = ['It took us a year.', 'The team worked hard.', 'Tell me what you think?'];

checkPrerequisites();
await loadOracle();

/** @param {{left: number, top: number, right: number, bottom: number}} a @param {typeof a} b */
const overlaps = (a, b) => Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);

/**
 * The chip is on screen and covers no control; every visible control takes a click at its centre
 * (unless `reach` is false: a test that covers the page's own controls with others).
 */
async function checkPlacement(page, site, when, { reach = true } = {}) {
  // Placement follows the report within a frame; controls are looked up again after a change.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const chip = await page.evaluate(() => window.__e2e.chipBox());
  assert.ok(chip, `${site.name} ${when}: the chip is shown`);
  const { rect } = chip;
  const viewport = page.viewportSize();
  assert.ok(rect.left >= 0 && rect.top >= 0 && rect.right <= viewport.width && rect.bottom <= viewport.height && rect.width > 0, `${site.name} ${when}: chip on screen ${JSON.stringify(rect)}`);
  const controls = (await page.evaluate(() => window.__e2e.controls())).filter((control) => control.visible);
  assert.ok(controls.length >= 3, `${site.name}: the fixture has the site's controls (${controls.length})`);
  for (const control of controls) {
    assert.ok(!overlaps(rect, control.rect), `${site.name} ${when}: the chip ${JSON.stringify(rect)} covers "${control.name}" ${JSON.stringify(control.rect)}`);
    if (reach) assert.ok(control.reachable, `${site.name} ${when}: "${control.name}" does not take a click at its centre`);
  }
  // Slid: left of the box's right edge (a control was in the way of the first candidate).
  const boxRight = await page.evaluate(() => window.__rapportFixture.root().getBoundingClientRect().right);
  return { chip, controls: controls.length, where: `${chip.side}${chip.size === 'dot' ? ' dot' : ''}${rect.right < boxRight - 12 ? ' slid' : ''}` };
}

for (const mode of MODES) {
  describe(`overlay (${mode.name})`, () => {
    let browser;
    let settingsPage;
    const figures = [];

    before(async () => {
      browser = await launch(mode);
      settingsPage = await browser.context.newPage();
      await settingsPage.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
    });
    after(async () => {
      await browser?.close();
      if (figures.length > 0) console.log(`chip placement ${mode.name}: ${figures.join(', ')}`);
    });

    const storedSettings = () => settingsPage.evaluate(async () => JSON.stringify((await chrome.storage.sync.get(null)) ?? {}));

    for (const site of SITES) {
      test(`${site.name}: the chip covers none of the site's controls; the overlay passes axe in light and dark`, async () => {
        await settingsPage.evaluate(() => chrome.storage.sync.clear());
        const page = await openFixture(browser.context, site);
        const empty = await checkPlacement(page, site, 'empty');
        await page.keyboard.type(SALES);
        await waitForChip(page, chipFor(site, SALES), `${site.name}: after the sales post`);
        await checkPlacement(page, site, 'after a post');
        // A taller draft: the box grows and the controls move down with it.
        let text = SALES;
        for (const line of MORE_LINES) {
          await page.keyboard.press('Enter');
          await page.keyboard.type(line);
          text += `\n${line}`;
        }
        await waitForChip(page, { length: chipFor(site, text).length }, `${site.name}: after more lines`);
        const tall = await checkPlacement(page, site, 'after more lines');
        figures.push(`${site.name}: ${empty.where} / ${tall.where}, clear of ${tall.controls}`);

        // axe: the chip, the open panel (a real click), and a finding's card (a real hover).
        const violations = await axeViolations(page, 'chip');
        await clickChip(page);
        assert.equal(await panelOpen(page), true, `${site.name}: a real click on the chip opens the panel`);
        violations.push(...(await axeViolations(page, 'panel')));
        const underlines = await waitForUnderlines(page, { ruleSet: 'pitch' }, `${site.name}: pitch underlines`);
        const target = underlines.find((u) => u.rule === 'pitch.call_to_action') ?? underlines[0];
        await hoverUnderline(page, target);
        violations.push(...(await axeViolations(page, 'panel and card')));
        assert.deepEqual(violations, [], `${site.name}: axe violations`);
        await page.close();
      });
    }

    test('a page\'s script cannot operate Rapport: synthetic clicks on "Turn this rule off", "Apply" and the chip change nothing', async () => {
      await settingsPage.evaluate(() => chrome.storage.sync.clear());
      const site = SITES.find((s) => s.name === 'mastodon');
      const page = await openFixture(browser.context, site);
      const SHOUTED = 'WOW that was GREAT, thanks all';
      await page.keyboard.type(SHOUTED);
      await waitForChip(page, chipFor(site, SHOUTED), 'before the synthetic clicks');
      const caps = (await waitForUnderlines(page, { rule: 'shouting.caps' }, 'capitals')).find((u) => u.rule === 'shouting.caps');
      await hoverUnderline(page, caps); // a real pointer: the card is open
      const before = { settings: await storedSettings(), text: await modelText(page) };
      // What any script on the page can do: reach into the open shadow root and click.
      const clicked = await page.evaluate(() => {
        const root = document.querySelector('rapport-overlay').shadowRoot;
        const names = [];
        for (const selector of ['[data-action="rule-off"]', '[data-action="apply"]', '[data-action="mute"]', '[data-rapport="chip"]']) {
          const element = root.querySelector(selector);
          if (!element) continue;
          element.click();
          element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
          names.push(selector);
        }
        root.querySelector('[data-rapport="card"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
        return names;
      });
      assert.deepEqual(clicked, ['[data-action="rule-off"]', '[data-action="apply"]', '[data-action="mute"]', '[data-rapport="chip"]']);
      await page.waitForTimeout(500);
      assert.equal(await storedSettings(), before.settings, 'no setting was written');
      assert.equal(await modelText(page), before.text, 'the draft is untouched');
      assert.equal(await panelOpen(page), false, 'the panel did not open');
      assert.equal((await page.evaluate(() => window.__e2e.card()))?.key, caps.key, 'the card is still open');
      assert.ok((await page.evaluate(() => window.__e2e.underlines())).some((u) => u.rule === 'shouting.caps'), 'the rule is not muted');
      // The same buttons work for the user: a real click on "Turn this rule off".
      await page.locator('[data-rapport="card"] [data-action="rule-off"]').click();
      await settingsPage.waitForFunction(async () => (await chrome.storage.sync.get('settings')).settings?.engine?.rules?.['shouting.caps'] === false, null, { timeout: TIMEOUT_MS });
      await settingsPage.evaluate(() => chrome.storage.sync.clear());
      await page.close();
    });

    test('a draft too long to check says so on the chip, with its length; shorter again, it is checked', async () => {
      const site = SITES.find((s) => s.name === 'mastodon');
      const page = await openFixture(browser.context, site);
      const long = 'Long words here. '.repeat(5883).slice(0, 100_001);
      await page.keyboard.insertText(long);
      const chip = await waitForChip(page, { state: 'too-long', length: '100001', limit: '100000' }, 'a draft of 100,001 characters');
      assert.match(chip.ariaLabel, /too long to check: 100,001 characters, at most 100,000/);
      assert.match(chip.text, /too long to check.*100,001\/100,000/);
      assert.deepEqual(await page.evaluate(() => window.__e2e.underlines()), [], 'no stale underlines');
      await clickChip(page);
      assert.match(await page.locator('[data-rapport="notice"]').innerText(), /too long to check: 100,001 characters/);
      await clickChip(page);
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await waitForChip(page, { state: 'checked', ...chipFor(site, long.slice(0, 99_999)) }, 'shorter than the limit again');
      await page.close();
    });

    test('walled in by controls, the chip is a dot: labelled, on screen, clear of them, and it opens the panel', async () => {
      const site = SITES.find((s) => s.name === 'linkedin');
      const page = await openFixture(browser.context, site);
      await page.keyboard.type(SALES);
      await waitForChip(page, chipFor(site, SALES), 'before the wall');
      // A page that puts buttons everywhere around the box and over it, but for a gap below its right end.
      await page.evaluate(() => {
        const box = window.__rapportFixture.root().getBoundingClientRect();
        const wall = (left, top, width, height) => {
          const button = document.createElement('button');
          button.textContent = 'wall';
          Object.assign(button.style, { position: 'fixed', left: `${left}px`, top: `${top}px`, width: `${width}px`, height: `${height}px`, margin: 0 });
          document.body.append(button);
        };
        wall(0, box.bottom, box.right - 28, 60); // below, a gap of 24 px under the box's right end
        wall(box.right - 4, box.bottom, innerWidth - box.right + 4, 60);
        wall(box.right, 0, innerWidth - box.right, box.bottom); // beside
        wall(0, 0, box.right, box.top); // above
        wall(box.left, box.top, box.width, box.height / 2); // the box's corners (a page could)
        wall(box.left, box.top + box.height / 2, box.width, box.height / 2);
      });
      await page.waitForFunction(() => window.__e2e.chipBox()?.size === 'dot', null, { timeout: TIMEOUT_MS });
      const { chip } = await checkPlacement(page, site, 'walled in', { reach: false });
      assert.ok(chip.rect.width <= 16 && chip.rect.height <= 16, `a dot: ${JSON.stringify(chip.rect)}`);
      assert.match((await page.evaluate(() => window.__e2e.chipState())).ariaLabel, /^Rapport: /);
      await clickChip(page);
      assert.equal(await panelOpen(page), true, 'the dot opens the panel');
      await page.close();
    });

    test('no request reached the network; no warnings or page errors', () => {
      assert.deepEqual(browser.blocked, []);
      assert.deepEqual(browser.problems, []);
    });
  });
}
