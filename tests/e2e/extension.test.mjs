// End to end: the unpacked extension in Debian's Chromium (headless), typing with real key
// events into fixture pages built from the real editors, served at the real site URLs.
// Every site runs twice: as served normally, and with a strict page CSP (no wasm-unsafe-eval).
// One browser per mode, reused across sites.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkPrerequisites, launch, MODES, percentile } from './harness.mjs';
import { expectedChip, expectedReport, loadOracle } from './oracle.mjs';
import { GENERIC_PAGE, SITES } from './sites.mjs';
import { chipFor, clear, clickChip, drawnUnderlines, expectedUnderlines, hoverUnderline, modelText, openFixture, panelOpen, TIMEOUT_MS, waitForChip, waitForUnderlines } from './steps.mjs';


const SALES = 'I am thrilled to announce my new product! My team and I built it for me. Buy now, 50% off, link in bio!!!';
const WARM_QUESTION = 'Congrats on the launch — what was the hardest part?';
const WARM = 'Thank you all for the wonderful support this week';
const QUESTION = 'What would you love to see next?';
const PASTED = ' Pasted words.';
/** Sites whose fixture the service-worker stop test also runs on (Draft.js, Lexical, textarea). */
const WORKER_STOP_SITES = ['x', 'facebook', 'old-reddit'];
/** Screenshots of chip, panel and card, light and dark. */
const SCREENSHOT_SITES = ['linkedin', 'mastodon', 'youtube'];
const SCREENSHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));

checkPrerequisites();
await loadOracle();

/** Types `text` one key at a time, timing each keystroke until the chip reflects it. */
async function typeTimed(page, site, text, latencies) {
  let typed = '';
  for (const char of text) {
    typed += char;
    await page.evaluate((expected) => window.__e2e.arm(expected), chipFor(site, typed).length);
    await page.keyboard.type(char);
    const handle = await page.waitForFunction(() => {
      const latency = window.__e2e.latency();
      return latency !== null && { latency };
    }, null, { timeout: TIMEOUT_MS });
    latencies.push((await handle.jsonValue()).latency);
  }
  return typed;
}

/** A screenshot of the region around the editor and its chip (and the panel or card, if open). */
async function shoot(page, site, what, scheme) {
  const clip = await page.evaluate(() => {
    const root = document.querySelector('rapport-overlay').shadowRoot;
    const rects = [window.__rapportFixture.root().getBoundingClientRect()];
    for (const selector of ['[data-rapport="chip"]', '[data-rapport="panel"]', '[data-rapport="card"]']) {
      const element = root.querySelector(selector);
      if (!element.hidden) rects.push(element.getBoundingClientRect());
    }
    const left = Math.max(0, Math.min(...rects.map((r) => r.left)) - 20);
    const top = Math.max(0, Math.min(...rects.map((r) => r.top)) - 20);
    return { x: left, y: top, width: Math.min(innerWidth - left, Math.max(...rects.map((r) => r.right)) - left + 20), height: Math.min(innerHeight - top, Math.max(...rects.map((r) => r.bottom)) - top + 20) };
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(150); // let the card's fade-in (if motion is allowed) finish
  await page.screenshot({ path: join(SCREENSHOTS, `${site.name}-${what}-${scheme}.png`), clip });
}

for (const mode of MODES) {
  describe(`extension (${mode.name})`, () => {
    let browser;
    let popup;
    const latencies = [];

    before(async () => {
      browser = await launch(mode);
      popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
    });

    /** Default settings, and a popup showing them. */
    async function resetSettings() {
      await popup.evaluate(() => chrome.storage.sync.clear());
      await popup.reload();
      await popup.waitForSelector('#rule-set-pitch');
    }

    after(async () => {
      await browser?.close();
      if (latencies.length > 0) {
        const p50 = percentile(latencies, 50).toFixed(1);
        const p95 = percentile(latencies, 95).toFixed(1);
        console.log(`latency keystroke->chip ${mode.name} p50=${p50} ms p95=${p95} ms (n=${latencies.length})`);
      }
    });

    for (const site of SITES) {
      test(`${site.name} (${site.editor}): hints, underlines over their words, panel, popup switch, editor untouched`, async () => {
        await resetSettings();
        const page = await openFixture(browser.context, site);
        await page.evaluate(() => window.__e2e.record());

        // 1. A self-focused sales post: pitch, self-focus and shouting findings, an underline on
        //    every span of each, each over its words.
        await page.keyboard.type(SALES);
        await waitForChip(page, chipFor(site, SALES), 'after the sales post');
        const report = expectedReport(SALES, site.platform, site.context);
        const want = expectedUnderlines(report);
        const underlines = await waitForUnderlines(page, { count: want.length }, 'sales post underlines');
        for (const ruleSet of ['pitch', 'self_focus', 'shouting']) {
          assert.ok(underlines.some((u) => u.ruleSet === ruleSet), `${ruleSet} underline`);
        }
        assert.deepEqual(drawnUnderlines(underlines).sort(), want.sort(), 'one underline per span of a finding, with its rule, rule set and severity');
        for (const underline of underlines) {
          const [start, end] = underline.span;
          const words = await page.evaluate(([s, e]) => window.__e2e.textRect(s, e), [start, end]);
          const { rect } = underline;
          const off = Math.max(Math.abs(rect.left - words.left), Math.abs(rect.right - words.right), Math.abs(rect.top - words.top), Math.abs(rect.bottom - words.bottom));
          assert.ok(off <= 3, `${underline.key} "${SALES.slice(start, end)}": underline ${JSON.stringify(rect)} vs words ${JSON.stringify(words)}`);
        }

        // 2. The panel lists every finding once, with the same contract attributes.
        await clickChip(page);
        assert.equal(await panelOpen(page), true, 'chip click opens the panel');
        const entries = await page.evaluate(() => window.__e2e.panelHints());
        assert.deepEqual(
          entries.map((e) => `${e.rule}/${e.ruleSet}/${e.severity}`).sort(),
          report.hints.map((h) => `${h.rule}/${h.rule_set}/${h.severity}`).sort(),
        );
        const inEditor = await page.evaluate(() => {
          const root = window.__rapportFixture.root();
          return root === document.activeElement || root.contains(document.activeElement);
        });
        assert.ok(inEditor, 'clicking the chip leaves focus in the editor');
        // Every score line names its words; hovering one highlights them in the editor.
        const pitchLine = report.score.breakdown.find((line) => line.factor === 'pitch');
        const line = page.locator('[data-rapport="factor"][data-factor="pitch"]');
        assert.match(await line.innerText(), new RegExp(`^${pitchLine.points}\\s+${pitchLine.why} “thrilled to announce”, “Buy now”, “50% off”, “link in bio” · 4 places$`));
        await line.hover();
        await page.waitForFunction((n) => document.querySelector('rapport-overlay').shadowRoot.querySelectorAll('[data-rapport="highlight"]').length === n, pitchLine.spans.length, { timeout: TIMEOUT_MS });

        // 3. Hovering an underline shows its finding's card; every underline of it is highlighted.
        const target = underlines.find((u) => u.rule === 'pitch.call_to_action') ?? underlines[0];
        await hoverUnderline(page, target);
        const lit = (await page.evaluate(() => window.__e2e.underlines())).filter((u) => u.active).map((u) => u.key);
        assert.ok(lit.length > 0 && lit.every((key) => key === target.key), `the card's underlines are highlighted: ${lit}`);
        if (mode.csp === null && SCREENSHOT_SITES.includes(site.name)) {
          for (const scheme of ['light', 'dark']) {
            await page.emulateMedia({ colorScheme: scheme });
            await shoot(page, site, 'card', scheme);
          }
          await page.mouse.move(5, 5);
          await page.waitForFunction(() => window.__e2e.card() === null, null, { timeout: TIMEOUT_MS });
          for (const scheme of ['light', 'dark']) {
            await page.emulateMedia({ colorScheme: scheme });
            await shoot(page, site, 'panel', scheme);
          }
          await clickChip(page);
          for (const scheme of ['light', 'dark']) {
            await page.emulateMedia({ colorScheme: scheme });
            await shoot(page, site, 'chip', scheme);
          }
          await page.emulateMedia({ colorScheme: 'light' });
        } else {
          await page.mouse.move(5, 5);
          await clickChip(page);
        }
        assert.equal(await panelOpen(page), false, 'a second chip click closes the panel');

        // 4. Switching a rule set off in the popup removes its hints in this tab, without reload.
        await popup.bringToFront();
        await popup.click('#rule-set-pitch');
        await page.bringToFront();
        const noPitch = await waitForUnderlines(page, { noRuleSet: 'pitch' }, 'pitch switched off');
        assert.ok(noPitch.some((u) => u.ruleSet === 'self_focus'), 'other rule sets stay');
        await popup.bringToFront();
        await popup.click('#rule-set-pitch');
        await page.bringToFront();
        await waitForUnderlines(page, { ruleSet: 'pitch' }, 'pitch switched back on');

        // 5. A warm question: no warning anywhere.
        await clear(page);
        await page.keyboard.type(WARM_QUESTION);
        await waitForChip(page, chipFor(site, WARM_QUESTION), 'after the warm question');
        assert.equal(expectedReport(WARM_QUESTION, site.platform, site.context).hints.some((h) => h.severity === 'warning'), false);
        assert.deepEqual((await page.evaluate(() => window.__e2e.underlines())).filter((u) => u.severity === 'warning'), []);

        // 6. The editor's own model: typing (timed), Enter, Backspace, paste, an emoji, undo.
        await clear(page);
        await waitForChip(page, { length: '0' }, 'after clearing');
        let text = await typeTimed(page, site, WARM, latencies);
        await page.keyboard.press('Enter');
        await page.keyboard.type(`${QUESTION}x`);
        await page.keyboard.press('Backspace');
        await page.evaluate((words) => navigator.clipboard.writeText(words), PASTED);
        await page.keyboard.press('Control+V');
        await page.keyboard.insertText(' 🎉');
        text = `${WARM}\n${QUESTION}${PASTED} 🎉`;
        const chip = await waitForChip(page, chipFor(site, text), 'after Enter, Backspace, paste and an emoji');
        assert.equal(await modelText(page), text, 'editor model after Enter, Backspace, paste and an emoji');
        assert.ok(await page.evaluate(() => window.__e2e.caretAtEndAndFocused()), 'caret at the end, focus in the editor');
        assert.match(chip.ariaLabel, /^Rapport: (positive|neutral|negative) tone, .+, (invites a reply|does not invite a reply), \d+ (of \d+ )?characters, score \d+, (1 hint|\d+ hints)$/);
        assert.equal(chip.hidden, false);

        // Typing mutates the editor; the extension must not have added anything to it.
        const typingRecords = await page.evaluate(() => window.__e2e.records());
        if (site.editor !== 'textarea') assert.ok(typingRecords.length > 0, 'the recorder sees the editor');
        assert.deepEqual(typingRecords.filter((record) => record.foreign), [], 'no extension nodes or attributes in the editor');

        // Quiet: with the analysis settled, scrolling and resizing move the overlay and nothing else.
        await page.evaluate(() => window.__e2e.record());
        await page.evaluate(() => window.scrollBy(0, 40));
        await page.setViewportSize({ width: 980, height: 760 });
        await page.evaluate(() => window.scrollBy(0, -40));
        await page.setViewportSize({ width: 1000, height: 800 });
        await page.waitForTimeout(150);
        assert.deepEqual(await page.evaluate(() => window.__e2e.records()), [], 'no mutation in the editor while not typing');

        // One overlay, under <html>, styled by an adopted sheet only (where the chip goes:
        // overlay.test.mjs).
        assert.deepEqual(await page.evaluate(() => window.__e2e.overlayInfo()), {
          count: 1, parentIsHtml: true, styleElements: 0, adoptedSheets: 1,
        });

        // Undo through the editor's own history: an earlier state of this draft.
        await page.waitForTimeout(1100); // past the editors' undo grouping delay
        await page.keyboard.press('Control+Z');
        // React editors (Draft.js) publish the undone state on their next render.
        await page.waitForFunction((typed) => window.__e2e.modelText() !== typed, text, { timeout: 2000 }).catch(() => {});
        // Editors group undo steps differently (ProseMirror and Quill merge quick edits): the
        // result must be an earlier state of this draft. The one earlier state that is not a
        // prefix of the final text is the moment before Backspace: Quill lands there when its
        // 1 s grouping window puts Backspace, paste and emoji in one step (seen in CI).
        const undone = await modelText(page);
        const beforeBackspace = `${WARM}\n${QUESTION}x`;
        const earlier =
          undone !== text &&
          (text.startsWith(undone.replace(/ $/, '')) || [SALES, WARM_QUESTION, beforeBackspace].includes(undone));
        assert.ok(earlier, `undo went back to an earlier state: ${JSON.stringify(undone)}`);
        await waitForChip(page, chipFor(site, undone), 'after undo');
        assert.equal(await page.evaluate(() => window.__e2e.chipCount()), 1, 'one chip for one box');
        await page.close();
      });
    }

    test('a finding\'s fixes (capitals in two places) are applied with one Apply through the editor\'s own input path, and undone by its undo', async () => {
      const SHOUTED = 'WOW that was GREAT, thanks all';
      const CALM = 'Wow that was great, thanks all';
      for (const site of SITES.filter((s) => ['x', 'linkedin', 'facebook', 'bluesky', 'mastodon'].includes(s.name))) {
        const page = await openFixture(browser.context, site);
        await page.keyboard.type(SHOUTED);
        await waitForChip(page, chipFor(site, SHOUTED), `${site.name}: before applying`);
        const caps = (await waitForUnderlines(page, { rule: 'shouting.caps' }, `${site.name}: capitals`)).filter((u) => u.rule === 'shouting.caps');
        assert.deepEqual(caps.map((u) => [u.span, u.primary]), [[[0, 3], true], [[13, 18], false]], `${site.name}: one finding, an underline on each shouted word`);
        await page.waitForTimeout(1100); // past the editors' undo grouping delay: applying is its own undo step
        // The related underline opens the finding's one card, which names both words and both rewrites.
        const card = await hoverUnderline(page, caps[1]);
        assert.equal(card.key, 'shouting.caps@0-3');
        assert.match(card.words, /“WOW”, “GREAT” · 2 places/);
        assert.deepEqual(card.fixes, ['WOW → Wow', 'GREAT → great']);
        await page.locator('[data-rapport="card"] [data-action="apply"]').click();
        await waitForChip(page, chipFor(site, CALM), `${site.name}: after applying`);
        assert.equal(await modelText(page), CALM, `${site.name}: the editor's model took every fix`);
        assert.ok(await page.evaluate(() => window.__e2e.caretAtEndAndFocused()), `${site.name}: the caret is back where it was (the end), focus in the editor`);
        await page.waitForTimeout(400);
        // The editor's own undo takes the fixes back (one step per replaced span at most).
        let undos = 0;
        while (undos < 2 && (await modelText(page)) !== SHOUTED) {
          await page.keyboard.press('Control+Z');
          undos += 1;
          await page.waitForFunction((shouted) => window.__e2e.modelText() === shouted, SHOUTED, { timeout: 1500 }).catch(() => {});
        }
        assert.equal(await modelText(page), SHOUTED, `${site.name}: undo after applying (${undos} steps)`);
        await page.close();
      }
    });

    test('underlines stay over their words after an edit in an earlier paragraph and a page scroll', async () => {
      const site = SITES.find((s) => s.name === 'linkedin');
      const page = await openFixture(browser.context, site);
      await page.keyboard.type('Buy now, 50% off!');
      await page.keyboard.press('Enter');
      await page.keyboard.type('We are thrilled to announce our new product. Link in bio!!!');
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('Honestly, ');
      const text = 'Honestly, Buy now, 50% off!\nWe are thrilled to announce our new product. Link in bio!!!';
      await waitForChip(page, chipFor(site, text), 'after editing the first paragraph');
      await waitForUnderlines(page, { count: expectedUnderlines(expectedReport(text, site.platform, site.context)).length }, 'underlines after the edit');
      // Where the editor draws text[start, end): Quill's paragraphs, joined by one line break each.
      const wordsRect = (start, end) => page.evaluate(([s, e]) => {
        let offset = 0;
        for (const paragraph of window.__rapportFixture.root().children) {
          const length = paragraph.textContent.length;
          if (s >= offset && e <= offset + length) {
            const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
            const range = document.createRange();
            let at = offset;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (s >= at && s <= at + node.data.length) range.setStart(node, s - at);
              if (e >= at && e <= at + node.data.length) {
                range.setEnd(node, e - at);
                break;
              }
              at += node.data.length;
            }
            const rects = [...range.getClientRects()].filter((r) => r.width > 0.5);
            return { left: Math.min(...rects.map((r) => r.left)), top: Math.min(...rects.map((r) => r.top)), right: Math.max(...rects.map((r) => r.right)), bottom: Math.max(...rects.map((r) => r.bottom)) };
          }
          offset += length + 1;
        }
        return null;
      }, [start, end]);
      const check = async (when) => {
        for (const underline of await page.evaluate(() => window.__e2e.underlines())) {
          const [start, end] = underline.span;
          const words = await wordsRect(start, end);
          if (!words) continue; // a span across the paragraph break
          const { rect } = underline;
          const off = Math.max(Math.abs(rect.left - words.left), Math.abs(rect.right - words.right), Math.abs(rect.top - words.top), Math.abs(rect.bottom - words.bottom));
          assert.ok(off <= 3, `${when}: ${underline.key} "${text.slice(start, end)}": underline ${JSON.stringify(rect)} vs words ${JSON.stringify(words)}`);
        }
      };
      await check('after the edit');
      // The page scrolls: the underlines move with the editor.
      await page.evaluate(() => {
        document.body.style.paddingBottom = '2000px';
        window.scrollBy(0, 37);
      });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await check('after a scroll');
      await page.close();
    });

    test('keyboard: the command message opens the panel with focus on the first hint; Escape gives the caret back', async () => {
      const site = SITES.find((s) => s.name === 'linkedin');
      const page = await openFixture(browser.context, site);
      await page.keyboard.type(SALES);
      await waitForChip(page, chipFor(site, SALES), 'before the shortcut');
      // What the background does on the keyboard shortcut (commands.onCommand).
      const [worker] = browser.context.serviceWorkers();
      await worker.evaluate(async () => {
        const tabs = await chrome.tabs.query({});
        await Promise.all(tabs.map((tab) => chrome.tabs.sendMessage(tab.id, { type: 'toggle-panel' }).catch(() => {})));
      });
      await page.waitForFunction(() => document.querySelector('rapport-overlay').shadowRoot.activeElement?.dataset.rapport === 'hint', null, { timeout: TIMEOUT_MS });
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('rapport-overlay').shadowRoot.activeElement?.closest('[data-rapport="card"]'), null, { timeout: TIMEOUT_MS });
      await page.keyboard.press('Escape'); // card → back to its panel entry
      await page.keyboard.press('Escape'); // panel closes; focus and caret back in the editor
      assert.equal(await panelOpen(page), false);
      assert.ok(await page.evaluate(() => window.__e2e.caretAtEndAndFocused()), 'caret back at the end of the editor');
      // The screen-reader summary follows once typing settles.
      await page.waitForFunction(() => document.querySelector('rapport-overlay').shadowRoot.querySelector('[data-rapport="live"]').textContent.startsWith('Rapport:'), null, { timeout: TIMEOUT_MS });
      await page.close();
    });

    for (const name of WORKER_STOP_SITES) {
      test(`${name}: service worker stopped mid-typing: nothing lost, hints catch up`, async () => {
        const site = SITES.find((s) => s.name === name);
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
        //    request waits), stop it. Only a resend to a new worker can answer within the timeout.
        let text = 'Stopping the worker ';
        await page.keyboard.type(text);
        await waitForChip(page, chipFor(site, text), 'before the worker is stopped');
        const [worker] = browser.context.serviceWorkers();
        const busy = worker.evaluate((ms) => {
          const end = Date.now() + ms;
          while (Date.now() < end);
        }, 3 * TIMEOUT_MS).catch(() => 'stopped');
        await page.keyboard.type('mid-request ');
        text += 'mid-request ';
        await page.waitForTimeout(100);
        assert.notEqual((await page.evaluate(() => window.__e2e.chipState())).length, chipFor(site, text).length, 'the request is in flight');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await waitForChip(page, chipFor(site, text), 'after the busy worker was stopped');
        assert.equal(await busy, 'stopped', 'the busy worker was terminated');

        // 2. Stress: stop it right after each burst of keys, whatever is in flight.
        const parts = ['while ', 'typing ', 'BUY NOW ', 'loses nothing at all!!!'];
        for (const part of parts) {
          await page.keyboard.type(part);
          text += part;
          await cdp.send('ServiceWorker.stopAllWorkers');
        }
        await waitForChip(page, chipFor(site, text), 'after the worker was stopped mid-typing');
        await waitForUnderlines(page, { count: expectedUnderlines(expectedReport(text, site.platform, site.context)).length }, 'underlines after the worker came back');
        assert.equal(await modelText(page), text);
        const stopped = statuses.filter((status) => status === 'stopped').length;
        assert.ok(stopped >= parts.length, `the worker was stopped (${stopped} times; statuses ${statuses.join(' ')})`);
        await page.close();
      });
    }

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
      const site = SITES.find((s) => s.name === 'mastodon');
      const page = await openFixture(browser.context, site);
      await page.keyboard.type('Still here?');
      await waitForChip(page, chipFor(site, 'Still here?'), 'before the box leaves');
      await page.evaluate(() => {
        window.__detached = document.querySelector('.compose-form');
        window.__detached.remove();
      });
      await page.waitForFunction(() => window.__e2e.chipCount() === 0);
      await page.evaluate(() => document.querySelector('main').append(window.__detached));
      await waitForChip(page, chipFor(site, 'Still here?'), 'after the box came back');
      assert.equal(await page.evaluate(() => window.__e2e.chipCount()), 1);
      await page.close();
    });

    test('popup: pause takes the chips away, resuming brings them back; the site switch too', async () => {
      const site = SITES.find((s) => s.name === 'mastodon');
      const page = await openFixture(browser.context, site);
      await page.keyboard.type('Paused?');
      await waitForChip(page, chipFor(site, 'Paused?'), 'before pausing');
      await popup.bringToFront();
      const toggle = popup.locator('#active');
      assert.equal(await toggle.isChecked(), true);
      assert.ok((await popup.locator('label.main').innerText()).length > 0, 'popup text comes from _locales');
      await toggle.uncheck();
      await page.waitForFunction(() => !document.querySelector('rapport-overlay'));
      await page.bringToFront();
      await page.keyboard.type(' Yes.', { delay: 0 });
      await popup.bringToFront();
      await toggle.check();
      await page.bringToFront();
      await waitForChip(page, chipFor(site, 'Paused? Yes.'), 'after resuming');
      // The per-site switch is stored as sites[host].enabled (the popup shows it for the active tab).
      await popup.evaluate(async (host) => {
        const { settings = {} } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({ settings: { ...settings, sites: { [host]: { enabled: false } } } });
      }, new URL(site.url).hostname);
      await page.waitForFunction(() => !document.querySelector('rapport-overlay'));
      await popup.evaluate(async () => {
        const { settings } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({ settings: { ...settings, sites: {} } });
      });
      await waitForChip(page, chipFor(site, 'Paused? Yes.'), 'site switched back on');
      await page.close();
    });

    test('options page: a bad custom rule is refused beside its field; a good one is saved and applied at once', async () => {
      const site = SITES.find((s) => s.name === 'mastodon');
      const page = await openFixture(browser.context, site);
      await page.keyboard.type('Our synergy is unmatched.');
      await waitForChip(page, chipFor(site, 'Our synergy is unmatched.'), 'before the custom rule');
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
      // Every built-in rule has its switch and description.
      const rules = await options.locator('.rule').count();
      assert.ok(rules >= 20, `${rules} rules listed`);
      await options.click('#add-rule');
      await options.fill('#custom-0-id', 'synergy');
      await options.selectOption('#custom-0-kind', 'regex');
      await options.fill('#custom-0-pattern', '(syn');
      await options.fill('#custom-0-message', 'Jargon');
      await options.click('#save-custom');
      await options.waitForSelector('#custom-0-error');
      assert.match(await options.locator('#custom-0-error').innerText(), /regex/);
      assert.equal(await options.locator('#custom-0-pattern').getAttribute('aria-invalid'), 'true');
      assert.equal(await options.evaluate(async () => (await chrome.storage.sync.get('settings')).settings?.engine?.custom_rules), undefined, 'nothing saved');
      await options.fill('#custom-0-pattern', '\\bsynergy\\b');
      await options.click('#save-custom');
      await options.waitForFunction(() => document.getElementById('custom-status').textContent === 'Saved.');
      await page.bringToFront();
      await waitForUnderlines(page, { rule: 'custom.synergy', ruleSet: 'custom' }, 'custom rule applied in the open tab');
      // A bad import is refused with the reason; settings untouched.
      const before = await options.evaluate(async () => JSON.stringify((await chrome.storage.sync.get('settings')).settings));
      await options.setInputFiles('#import-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"rapport-settings","version":1,"settings":{"engine":{"strictness":3}}}') });
      await options.waitForFunction(() => document.getElementById('backup-status').textContent.includes('not imported'));
      assert.match(await options.locator('#backup-status').innerText(), /strictness/);
      assert.equal(await options.evaluate(async () => JSON.stringify((await chrome.storage.sync.get('settings')).settings)), before);
      await options.click('#reset');
      await options.click('#reset-yes');
      await options.close();
      await page.close();
    });

    test('no request reached the network; no warnings or page errors', () => {
      assert.deepEqual(browser.blocked, []);
      assert.deepEqual(browser.problems, []);
    });
  });
}
