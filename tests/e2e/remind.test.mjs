// End to end, "before you post" and "your writing", on every fixture in both CSP modes:
// - moving to post (the pointer over the site's submit control, focus on it) with a hostile reply
//   or a shouting post shows the reminder (role=status, the finding's data-rule), clear of every
//   control, without taking focus; once per draft version; never for a warm question; never when
//   turned off;
// - the site's submit still runs exactly once with the draft unchanged, from its control and from
//   Ctrl/Cmd+Enter where the site has that shortcut;
// - after the submit and the box emptying (or closing), one entry is kept in storage.local with
//   none of the draft's words; the trends page shows it, deletes it, and makes no request.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPrerequisites, launch, MODES } from './harness.mjs';
import { loadOracle } from './oracle.mjs';
import { SITES, X_REPLY } from './sites.mjs';
import { axeViolations, chipFor, clear, openFixture, panelOpen, TIMEOUT_MS, waitForChip } from './steps.mjs';

const HOSTILE = 'You are an idiot and your take is garbage.';
const SHOUTED = 'THIS IS THE WORST UPDATE EVER!!! FIX IT NOW';
const WARM = 'Thanks for sharing this! What would you try first?';
const ALL = { hostility: 'all', shouting: 'all', pitch: 'all', no_question: 'all' };
const OFF = { hostility: 'off', shouting: 'off', pitch: 'off', no_question: 'off' };
/** A moment for something that must not happen (a reminder) to have had its chance. */
const QUIET_MS = 400;

checkPrerequisites();
await loadOracle();

/** @param {{left: number, top: number, right: number, bottom: number}} a @param {typeof a} b */
const overlaps = (a, b) => Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
/** The site id an entry carries (old Reddit is Reddit). */
const siteId = (site) => (site.name === 'old-reddit' ? 'reddit' : site.name);
/** What each fixture reminds of: replies a hostile reply (the default setting), posts a shouting post. */
const caseFor = (site) => (site.context === 'reply'
  ? { draft: HOSTILE, reminders: {}, kind: 'hostility', rule: 'aggression.hostile_you' }
  : { draft: SHOUTED, reminders: { shouting: 'all' }, kind: 'shouting', rule: 'shouting.caps' });

const reminderOf = (page) => page.evaluate(() => window.__e2e.reminder());
async function waitForReminder(page, message) {
  try {
    await page.waitForFunction(() => window.__e2e.reminder()?.visible, null, { timeout: TIMEOUT_MS });
  } catch {
    assert.fail(`${message}: no reminder`);
  }
  return reminderOf(page);
}
async function assertNoReminder(page, message) {
  await page.waitForTimeout(QUIET_MS);
  assert.equal(await reminderOf(page), null, message);
}
/** Moves the pointer off everything, then onto the site's submit control (a real pointer). */
async function hoverSubmit(page, site) {
  await page.mouse.move(2, 2);
  await page.hover(site.submit);
}

for (const mode of MODES) {
  describe(`before you post (${mode.name})`, () => {
    let browser;
    let extensionPage;
    const timings = [];
    before(async () => {
      browser = await launch(mode);
      extensionPage = await browser.context.newPage();
      await extensionPage.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
    });
    after(async () => {
      await browser?.close();
      if (timings.length > 0) console.log(`reminder placement ${mode.name}: ${timings.join(', ')}`);
    });

    const setReminders = async (reminders) => {
      await extensionPage.evaluate((value) => chrome.storage.sync.set({ settings: { reminders: value } }), reminders);
      // Every tab applies it from storage.onChanged.
      await extensionPage.waitForTimeout(150);
    };
    const storedHistory = () => extensionPage.evaluate(async () => (await chrome.storage.local.get('history')).history ?? null);
    const waitForEntries = async (count, message) => {
      let history = null;
      for (const start = Date.now(); Date.now() - start < TIMEOUT_MS; await extensionPage.waitForTimeout(50)) {
        history = await storedHistory();
        if ((history?.entries.length ?? 0) === count) return history;
      }
      assert.fail(`${message}: history ${JSON.stringify(history)}`);
    };
    const checkEntry = (entry, site, draft) => {
      assert.equal(entry.site, siteId(site));
      assert.equal(entry.context, site.context);
      assert.equal(entry.score, Number(chipFor(site, draft).score));
      const json = JSON.stringify(entry);
      for (const word of draft.toLowerCase().match(/[a-z]{4,}/g)) assert.ok(!json.toLowerCase().includes(word), `the entry holds "${word}": ${json}`);
    };

    for (const site of SITES) {
      test(`${site.name}: reminder on moving to post, clear of the controls, once per version; the submit runs once, unchanged; one entry kept`, async () => {
        const { draft, reminders, kind, rule } = caseFor(site);
        await extensionPage.evaluate(() => chrome.storage.local.clear());
        await setReminders(ALL);
        const page = await openFixture(browser.context, site);

        // A warm question, every kind on: moving to post shows nothing.
        await page.keyboard.type(WARM);
        await waitForChip(page, chipFor(site, WARM), `${site.name}: the warm question`);
        await hoverSubmit(page, site);
        await page.locator(site.submit).focus();
        await assertNoReminder(page, `${site.name}: no reminder for a warm question`);

        // The draft, with the reminder off: nothing.
        await page.click(site.click);
        await clear(page);
        await setReminders(OFF);
        await page.keyboard.type(draft);
        await waitForChip(page, chipFor(site, draft), `${site.name}: the draft`);
        await hoverSubmit(page, site);
        await assertNoReminder(page, `${site.name}: turned off, no reminder`);

        // On: hovering the submit control shows it, and the editor keeps focus and caret.
        await setReminders(reminders);
        await hoverSubmit(page, site);
        const shown = await waitForReminder(page, `${site.name}: hovering the submit control`);
        assert.equal(shown.kind, kind);
        assert.equal(shown.rule, rule);
        assert.equal(shown.role, 'status');
        assert.match(shown.text, /^Before you post: .+ — “.+”ReviewPost as is$/);
        assert.equal(await page.evaluate(() => window.__e2e.caretAtEndAndFocused()), true, `${site.name}: the editor keeps focus and caret`);
        const chip = await page.evaluate(() => window.__e2e.chipBox());
        assert.ok(!overlaps(shown.rect, chip.rect), `${site.name}: the reminder covers the chip`);
        const viewport = page.viewportSize();
        assert.ok(shown.rect.left >= 0 && shown.rect.top >= 0 && shown.rect.right <= viewport.width && shown.rect.bottom <= viewport.height, `${site.name}: on screen ${JSON.stringify(shown.rect)}`);
        for (const control of (await page.evaluate(() => window.__e2e.controls())).filter((c) => c.visible)) {
          assert.ok(!overlaps(shown.rect, control.rect), `${site.name}: the reminder ${JSON.stringify(shown.rect)} covers "${control.name}" ${JSON.stringify(control.rect)}`);
          assert.ok(control.reachable, `${site.name}: "${control.name}" does not take a click at its centre`);
        }
        timings.push(`${site.name}: ${shown.side}`);
        if (mode.csp === null) assert.deepEqual(await axeViolations(page, 'reminder'), [], `${site.name}: axe on the reminder`);

        // "Post as is" closes it; this version of the draft is not reminded of again.
        await page.locator('[data-rapport="reminder"] [data-action="post-as-is"]').click();
        assert.equal(await reminderOf(page), null, `${site.name}: "Post as is" closes it`);
        assert.equal(await page.evaluate(() => window.__e2e.caretAtEndAndFocused()), true, `${site.name}: focus stays in the editor`);
        await hoverSubmit(page, site);
        await assertNoReminder(page, `${site.name}: once per draft version`);

        // A new version: focus on the submit control shows it again, and focus stays there.
        await page.keyboard.type(' ok');
        const text = `${draft} ok`;
        await waitForChip(page, { length: chipFor(site, text).length }, `${site.name}: the new version`);
        await page.locator(site.submit).focus();
        await waitForReminder(page, `${site.name}: focus on the submit control, a new version`);
        await page.waitForTimeout(100);
        assert.equal(await page.evaluate((selector) => document.activeElement === document.querySelector(selector), site.submit), true, `${site.name}: the submit control keeps focus`);
        assert.equal(await page.evaluate(() => window.__e2e.submits().length), 0, 'nothing submitted yet');

        // The site's own submit: exactly once, with the draft as typed.
        await page.click(site.submit);
        await page.waitForFunction(() => window.__e2e.submits().length > 0, null, { timeout: TIMEOUT_MS });
        await page.waitForTimeout(300);
        assert.deepEqual(await page.evaluate(() => window.__e2e.submits()), [text], `${site.name}: submitted once, unchanged`);
        const history = await waitForEntries(1, `${site.name}: one entry after the submit`);
        checkEntry(history.entries[0], site, text);
        assert.equal(await reminderOf(page), null, `${site.name}: the reminder left with the draft`);
        await page.close();
      });

      if (site.shortcut) {
        test(`${site.name}: Ctrl+Enter still posts, once, unchanged; one entry kept`, async () => {
          const { draft, reminders } = caseFor(site);
          await extensionPage.evaluate(() => chrome.storage.local.clear());
          await setReminders(reminders);
          const page = await openFixture(browser.context, site);
          await page.keyboard.type(draft);
          await waitForChip(page, chipFor(site, draft), `${site.name}: the draft`);
          await page.keyboard.press('Control+Enter');
          await page.waitForFunction(() => window.__e2e.submits().length > 0, null, { timeout: TIMEOUT_MS });
          await page.waitForTimeout(300);
          assert.deepEqual(await page.evaluate(() => window.__e2e.submits()), [draft], `${site.name}: submitted once, unchanged`);
          checkEntry((await waitForEntries(1, `${site.name}: one entry after Ctrl+Enter`)).entries[0], site, draft);
          await page.close();
        });
      }
    }

    test('Review opens the panel on the finding (its card), and the reminder closes', async () => {
      const site = SITES.find((s) => s.name === 'x');
      await setReminders({ shouting: 'all' });
      const page = await openFixture(browser.context, site);
      await page.keyboard.type(SHOUTED);
      await waitForChip(page, chipFor(site, SHOUTED), 'the shouting post');
      await hoverSubmit(page, site);
      await waitForReminder(page, 'hovering Post');
      await page.locator('[data-rapport="reminder"] [data-action="review"]').click();
      assert.equal(await panelOpen(page), true, 'the panel is open');
      await page.waitForFunction(() => window.__e2e.card()?.rule === 'shouting.caps', null, { timeout: TIMEOUT_MS });
      assert.equal(await reminderOf(page), null);
      assert.equal(await page.evaluate(() => window.__e2e.submits().length), 0, 'nothing was posted');
      await page.close();
    });

    test('X, a reply with the default setting: the reminder on hovering Reply; Reply posts once, unchanged', async () => {
      await extensionPage.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
      const page = await openFixture(browser.context, X_REPLY);
      await page.keyboard.type(HOSTILE);
      await waitForChip(page, chipFor(X_REPLY, HOSTILE), 'the hostile reply');
      await hoverSubmit(page, X_REPLY);
      const shown = await waitForReminder(page, 'hovering Reply');
      assert.equal(shown.rule, 'aggression.hostile_you');
      await page.click(X_REPLY.submit);
      await page.waitForFunction(() => window.__e2e.submits().length > 0, null, { timeout: TIMEOUT_MS });
      assert.deepEqual(await page.evaluate(() => window.__e2e.submits()), [HOSTILE]);
      const [entry] = (await waitForEntries(1, 'after the reply')).entries;
      assert.equal(entry.context, 'reply');
      assert.equal(entry.hostile, true);
      await page.close();
    });

    if (mode.csp === null) {
      test('the trends page shows the posted draft, deletes it with one confirmation, and makes no request', async () => {
        // The entry of the previous test (a reply on X).
        assert.equal((await storedHistory()).entries.length, 1);
        const page = await browser.context.newPage();
        const requests = [];
        page.on('request', (request) => requests.push(request.url()));
        const origin = `chrome-extension://${browser.extensionId}/`;
        await page.goto(`${origin}trends/trends.html`);
        await page.waitForFunction(() => document.body.dataset.ready === 'true');
        assert.match(await page.locator('#summary').innerText(), /^All sites: 1 posted from /);
        const figures = await page.evaluate(() => [...document.querySelectorAll('figure')].map((figure) => ({
          metric: figure.dataset.metric,
          sentence: figure.querySelector('figcaption').textContent,
          summary: figure.querySelector('.visually-hidden').textContent,
          svg: figure.querySelector('svg').getAttribute('aria-hidden'),
        })));
        assert.deepEqual(figures.map((f) => f.metric), ['score', 'invites', 'pitch', 'self_focus', 'hostile_replies']);
        assert.equal(figures.find((f) => f.metric === 'hostile_replies').sentence, 'Your replies read as hostile in 1 of 1 in the last 30 days.');
        for (const figure of figures) {
          assert.match(figure.summary, /from .+ to .+: .+: (no posts|\d+)/, figure.metric);
          assert.equal(figure.svg, 'true');
        }
        assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#site option')].map((o) => o.textContent)), ['All sites', 'X']);
        // The window and the site, from the keyboard.
        await page.locator('input[name="window"][value="365"]').focus();
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowLeft');
        assert.match(await page.locator('figure[data-metric="score"] figcaption').innerText(), /last 365 days/);
        await page.selectOption('#site', 'x');
        assert.match(await page.locator('#summary').innerText(), /^X: 1 posted/);
        assert.deepEqual(await axeViolations(page, 'trends page', null), [], 'axe, light and dark');
        // Delete everything: one confirmation.
        await page.click('#delete');
        assert.match(await page.locator('#confirm-text').innerText(), /Delete all 1 entries\?/);
        assert.equal((await storedHistory()).entries.length, 1, 'nothing deleted before the confirmation');
        await page.click('#delete-yes');
        await page.waitForFunction(() => !document.getElementById('empty').hidden);
        assert.equal(await storedHistory(), null, 'deleted from storage.local');
        assert.match(await page.locator('#data-status').innerText(), /Deleted/);
        const foreign = requests.filter((url) => !url.startsWith(origin));
        assert.deepEqual(foreign, [], 'the page asked for nothing outside the extension');
        assert.ok(requests.every((url) => /\.(html|css|js|png|json)$/.test(url)), requests.join(', '));
        await page.close();
      });

      test('the popup and the options page set the reminder per kind, and open the trends page', async () => {
        await extensionPage.evaluate(() => chrome.storage.sync.clear());
        const origin = `chrome-extension://${browser.extensionId}/`;
        const popup = await browser.context.newPage();
        await popup.goto(`${origin}popup/popup.html`);
        // The popup builds its controls once the settings are read (its module awaits them).
        await popup.waitForSelector('#reminder-no_question');
        assert.deepEqual(await popup.evaluate(() => ['hostility', 'shouting', 'pitch', 'no_question'].map((kind) => document.getElementById(`reminder-${kind}`).value)), ['replies', 'off', 'off', 'off'], 'the defaults');
        assert.deepEqual(await popup.evaluate(() => [...document.querySelectorAll('#reminder-no_question option')].map((o) => o.value)), ['off', 'all'], 'asks nothing: posts only');
        await popup.selectOption('#reminder-hostility', 'all');
        await popup.waitForFunction(async () => (await chrome.storage.sync.get('settings')).settings?.reminders?.hostility === 'all');
        const options = await browser.context.newPage();
        await options.goto(`${origin}options/options.html`);
        assert.equal(await options.isChecked('input[name="reminder-hostility"][value="all"]'), true, 'the options page shows the popup\'s choice');
        await options.locator('input[name="reminder-shouting"][value="replies"]').focus();
        await options.keyboard.press('ArrowRight'); // radio buttons: the arrow keys choose
        await options.waitForFunction(async () => (await chrome.storage.sync.get('settings')).settings?.reminders?.shouting === 'all');
        const opened = browser.context.waitForEvent('page');
        await options.click('#open-trends');
        const trends = await opened;
        await trends.waitForLoadState();
        assert.equal(trends.url(), `${origin}trends/trends.html`);
        assert.equal(await trends.locator('#empty').isVisible(), true, 'the empty state for a new user');
        await Promise.all([trends.close(), options.close(), popup.close()]);
        await extensionPage.evaluate(() => chrome.storage.sync.clear());
      });

      test('5,000 entries: their size in storage.local, and the trends page draws them', async () => {
        const bytes = await extensionPage.evaluate(async () => {
          const { retain, dayString, dayNumber, dayOf } = await import('/lib/history.js');
          const today = dayOf(new Date());
          const sites = ['x', 'linkedin', 'facebook', 'bluesky', 'mastodon', 'reddit'];
          const entries = [];
          for (let i = 0; i < 5001; i++) {
            entries.push({
              date: dayString(dayNumber(today) - 729 + Math.floor((i * 730) / 5000)), site: sites[i % sites.length], context: i % 3 ? 'post' : 'reply',
              score: 40 + ((i * 7) % 60), factors: [['tone', 4], ['invites_reply', 35], ['self_focus', 7], ['pitch', -17]], verdicts: ['question', 'invites_reply'], tone: 'positive', hostile: i % 50 === 0,
            });
          }
          const history = { version: 1, entries: retain(entries, today) };
          await chrome.storage.local.set({ history });
          return { json: JSON.stringify(history).length, key: 'history'.length, inUse: await chrome.storage.local.getBytesInUse('history'), entries: history.entries.length };
        });
        console.log(`5,000 entries in storage.local: ${bytes.inUse} bytes by getBytesInUse (JSON ${bytes.json} + key ${bytes.key})`);
        assert.equal(bytes.entries, 5000);
        assert.ok(bytes.inUse < 2_000_000, `${bytes.inUse} bytes`);
        const page = await browser.context.newPage();
        const t0 = Date.now();
        await page.goto(`chrome-extension://${browser.extensionId}/trends/trends.html`);
        await page.waitForFunction(() => document.body.dataset.ready === 'true');
        console.log(`trends page with 5,000 entries ready in ${Date.now() - t0} ms`);
        assert.match(await page.locator('#stored').innerText(), /^5,000 entries/);
        await extensionPage.evaluate(() => chrome.storage.local.clear());
        await page.close();
      });
    }

    test('no request reached the network; no warnings or page errors', () => {
      assert.deepEqual(browser.blocked, []);
      assert.deepEqual(browser.problems, []);
    });
  });
}
