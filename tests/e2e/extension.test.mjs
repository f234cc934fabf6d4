// End to end: the unpacked extension in Debian's Chromium (headless), typing with real key
// events into fixture pages built from the real editors, served at the real site URLs.
// Every test runs twice: as served normally, and with a strict page CSP (no wasm-unsafe-eval).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPrerequisites, launch, percentile, STRICT_CSP } from './harness.mjs';
import { expectedChip, loadOracle } from './oracle.mjs';
import { GENERIC_PAGE, SITES } from './sites.mjs';

const MODES = [
  { name: 'normal', csp: null },
  { name: 'strict CSP', csp: STRICT_CSP },
];

const WARM = 'Thank you all for the wonderful support this week';
const QUESTION = 'What would you love to see next?';
const HOSTILE = 'You idiots are pathetic and this is garbage';
const CHIP_TIMEOUT_MS = 5000;

checkPrerequisites();
await loadOracle();

/** Waits until the chip shows `expected` (a subset of its data-* fields); returns the chip state. */
async function waitForChip(page, expected, message) {
  try {
    await page.waitForFunction(
      (want) => {
        const state = window.__e2e.chipState();
        return state && Object.entries(want).every(([key, value]) => state[key] === value);
      },
      expected,
      { timeout: CHIP_TIMEOUT_MS },
    );
  } catch (error) {
    const actual = await page.evaluate(() => window.__e2e.chipState());
    assert.fail(`${message}: chip never showed ${JSON.stringify(expected)}; last ${JSON.stringify(actual)} (${error.message.split('\n')[0]})`);
  }
  return page.evaluate(() => window.__e2e.chipState());
}

const modelText = (page) => page.evaluate(() => window.__e2e.modelText());

async function openFixture(context, site) {
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => window.__rapportFixture?.root());
  const root = await page.evaluateHandle(() => window.__rapportFixture.root());
  await root.asElement().click();
  await waitForChip(page, { length: '0' }, `${site.name}: chip for the empty box`);
  return page;
}

/** Types `text` one key at a time, timing each keystroke until the chip's length reflects it. */
async function typeTimed(page, site, text, latencies) {
  let typed = '';
  for (const char of text) {
    typed += char;
    await page.evaluate((expected) => window.__e2e.arm(expected), expectedChip(typed, site.platform).length);
    await page.keyboard.type(char);
    const handle = await page.waitForFunction(() => {
      const latency = window.__e2e.latency();
      return latency !== null && { latency };
    }, null, { timeout: CHIP_TIMEOUT_MS });
    latencies.push((await handle.jsonValue()).latency);
  }
  return typed;
}

for (const mode of MODES) {
  describe(`extension (${mode.name})`, () => {
    let browser;
    const latencies = [];

    before(async () => {
      browser = await launch(mode);
    });

    after(async () => {
      await browser?.close();
      if (latencies.length > 0) {
        const p50 = percentile(latencies, 50).toFixed(1);
        const p95 = percentile(latencies, 95).toFixed(1);
        console.log(`latency keystroke->chip ${mode.name} p50=${p50} ms p95=${p95} ms (n=${latencies.length})`);
      }
    });

    for (const site of SITES) {
      test(`${site.name} (${site.editor}): chip follows typing, editor untouched`, async () => {
        const page = await openFixture(browser.context, site);
        await page.evaluate(() => window.__e2e.record());

        // Warm first line, every keystroke timed.
        let text = await typeTimed(page, site, WARM, latencies);
        let chip = await waitForChip(page, expectedChip(text, site.platform), 'after the warm line');
        assert.equal(await modelText(page), text, 'editor model after the warm line');

        // Second line: Enter, a question, a typo fixed with Backspace, an emoji from a picker.
        await page.keyboard.press('Enter');
        await page.keyboard.type(`${QUESTION}x`);
        await page.keyboard.press('Backspace');
        await page.keyboard.insertText(' 🎉');
        text = `${WARM}\n${QUESTION} 🎉`;
        chip = await waitForChip(page, expectedChip(text, site.platform), 'after the second line');
        assert.equal(await modelText(page), text, 'editor model after the second line');
        assert.ok(await page.evaluate(() => window.__e2e.caretAtEndAndFocused()), 'caret at the end, focus in the editor');
        assert.match(chip.ariaLabel, /^Rapport: tone (positive|neutral|negative), (invites a reply|does not invite a reply), \d+ of \d+ characters, score \d+$/);
        assert.equal(chip.text, `${chip.length}/${chip.limit}${chip.score}`);
        assert.equal(chip.hidden, false);

        // Typing itself mutates the editor; the extension must not have added anything to it.
        const typingRecords = await page.evaluate(() => window.__e2e.records());
        if (site.editor !== 'textarea') assert.ok(typingRecords.length > 0, 'the recorder sees the editor');
        assert.deepEqual(typingRecords.filter((record) => record.foreign), [], 'no extension nodes or attributes in the editor');

        // Quiet: with the analysis settled, scrolling and resizing move the chip and nothing else.
        await page.evaluate(() => window.__e2e.record());
        await page.evaluate(() => window.scrollBy(0, 40));
        await page.setViewportSize({ width: 980, height: 760 });
        await page.evaluate(() => window.scrollBy(0, -40));
        await page.setViewportSize({ width: 1000, height: 800 });
        await page.waitForTimeout(200);
        assert.deepEqual(await page.evaluate(() => window.__e2e.records()), [], 'no mutation in the editor while not typing');

        // One overlay, under <html>, styled by an adopted sheet only, chip at the box's bottom right.
        assert.deepEqual(await page.evaluate(() => window.__e2e.overlayInfo()), {
          count: 1, parentIsHtml: true, styleElements: 0, adoptedSheets: 1,
        });
        const placement = await page.evaluate(() => {
          const box = window.__rapportFixture.root().getBoundingClientRect();
          const chip = document.querySelector('rapport-overlay').shadowRoot.querySelector('[data-rapport="chip"]').getBoundingClientRect();
          return { dx: box.right - chip.right, dy: box.bottom - chip.bottom, inside: chip.left >= box.left && chip.top >= box.top };
        });
        assert.ok(placement.inside && placement.dx >= 0 && placement.dx < 30 && placement.dy >= 0 && placement.dy < 30, `chip placement ${JSON.stringify(placement)}`);

        // Undo through the editor's own history.
        await page.waitForTimeout(1100); // past the editors' undo grouping delay
        await page.keyboard.press('Control+Z');
        // Editors group undo steps differently; the result must be an earlier state of this draft
        // (a prefix, or the state before Backspace removed the "x").
        const undone = await modelText(page);
        const earlier = undone !== text && (text.startsWith(undone) || undone === `${WARM}\n${QUESTION}x`);
        assert.ok(earlier, `undo went back to an earlier state: ${JSON.stringify(undone)}`);
        await waitForChip(page, expectedChip(undone, site.platform), 'after undo');

        // Tone follows the words: replace everything with a hostile line.
        const warmTone = expectedChip(WARM, site.platform).tone;
        const hostileTone = expectedChip(HOSTILE, site.platform).tone;
        assert.notEqual(warmTone, hostileTone, 'the engine tells the warm and hostile lines apart');
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
        await page.keyboard.type(HOSTILE);
        chip = await waitForChip(page, expectedChip(HOSTILE, site.platform), 'after the hostile line');
        assert.equal(chip.tone, hostileTone);
        assert.equal(await modelText(page), HOSTILE);
        assert.equal(await page.evaluate(() => window.__e2e.chipCount()), 1, 'one chip for one box');
        await page.close();
      });
    }

    test('service worker stopped mid-typing: nothing lost, the chip catches up', async () => {
      const site = SITES[0];
      const page = await openFixture(browser.context, site);
      // The page's ServiceWorker domain reports the extension worker's running status too.
      const cdp = await browser.context.newCDPSession(page);
      const statuses = [];
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const version of versions) {
          if (version.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`)) statuses.push(version.runningStatus);
        }
      });
      await cdp.send('ServiceWorker.enable');

      // 1. A request provably in flight when the worker dies: keep the worker busy, type (the
      //    request waits), stop it. Only a resend to a new worker can answer within the timeout,
      //    because the old one would stay busy for longer than that.
      let text = 'Stopping the worker ';
      await page.keyboard.type(text);
      await waitForChip(page, expectedChip(text, site.platform), 'before the worker is stopped');
      const [worker] = browser.context.serviceWorkers();
      const busy = worker.evaluate((ms) => {
        const end = Date.now() + ms;
        while (Date.now() < end);
      }, 3 * CHIP_TIMEOUT_MS).catch(() => 'stopped');
      await page.keyboard.type('mid-request ');
      text += 'mid-request ';
      await page.waitForTimeout(100);
      assert.notEqual((await page.evaluate(() => window.__e2e.chipState())).length, expectedChip(text, site.platform).length, 'the request is in flight');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await waitForChip(page, expectedChip(text, site.platform), 'after the busy worker was stopped');
      assert.equal(await busy, 'stopped', 'the busy worker was terminated');

      // 2. Stress: stop it right after each burst of keys, whatever is in flight.
      const parts = ['while ', 'typing ', 'loses ', 'nothing at all?'];
      for (const part of parts) {
        await page.keyboard.type(part);
        text += part;
        await cdp.send('ServiceWorker.stopAllWorkers');
      }
      await waitForChip(page, expectedChip(text, site.platform), 'after the worker was stopped mid-typing');
      assert.equal(await modelText(page), text);
      const stopped = statuses.filter((status) => status === 'stopped').length;
      assert.ok(stopped >= parts.length, `the worker was stopped (${stopped} times; statuses ${statuses.join(' ')})`);
      await page.close();
    });

    test('generic fallback: the focused field when the site table finds none; opt-outs left alone', async () => {
      const page = await browser.context.newPage();
      await page.goto(GENERIC_PAGE.url);
      for (const id of ['gramm-off', 'grammarly-off', 'read-only', 'password']) {
        await page.click(`#${id}`);
        await page.keyboard.type('hello');
      }
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__e2e.chipCount()), 0, 'no chip for opted-out, read-only or password fields');
      const message = 'Hello there, how are you?';
      await page.click('#message');
      await page.keyboard.type(message);
      await waitForChip(page, expectedChip(message, GENERIC_PAGE.platform), 'chip for the focused message box');
      assert.equal(await page.evaluate(() => window.__e2e.chipCount()), 1);
      await page.close();
    });

    test('a compose box that leaves the page takes its chip along; one that arrives gets one', async () => {
      const site = SITES.find((s) => s.editor === 'textarea');
      const page = await openFixture(browser.context, site);
      await page.keyboard.type('Still here?');
      await waitForChip(page, expectedChip('Still here?', site.platform), 'before the box leaves');
      await page.evaluate(() => {
        window.__detached = document.querySelector('.compose-form');
        window.__detached.remove();
      });
      await page.waitForFunction(() => window.__e2e.chipCount() === 0);
      await page.evaluate(() => document.querySelector('main').append(window.__detached));
      await waitForChip(page, expectedChip('Still here?', site.platform), 'after the box came back');
      assert.equal(await page.evaluate(() => window.__e2e.chipCount()), 1);
      await page.close();
    });

    test('popup pause takes the chips away; resuming brings them back', async () => {
      const site = SITES.find((s) => s.editor === 'textarea');
      const page = await openFixture(browser.context, site);
      await page.keyboard.type('Paused?');
      await waitForChip(page, expectedChip('Paused?', site.platform), 'before pausing');
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
      const toggle = popup.locator('#active');
      assert.equal(await toggle.isChecked(), true);
      assert.ok((await popup.locator('label').innerText()).length > 0, 'popup text comes from _locales');
      await toggle.uncheck();
      await page.waitForFunction(() => !document.querySelector('rapport-overlay'));
      await page.keyboard.type(' Yes.', { delay: 0 });
      await toggle.check();
      await popup.close();
      await waitForChip(page, expectedChip('Paused? Yes.', site.platform), 'after resuming');
      await page.close();
    });

    test('no request reached the network; no warnings or page errors', () => {
      assert.deepEqual(browser.blocked, []);
      assert.deepEqual(browser.problems, []);
    });
  });
}
