// End to end, "never silently stop": the unpacked extension in Debian's Chromium.
// - an engine that stays broken: the chip says Rapport stopped, the panel and the popup offer to
//   reload it, and reloading brings the hints back;
// - a settings write storage.sync refuses: the reason beside the switch, which goes back; the
//   next write goes through; sizes counted as Chromium counts them;
// - a custom rule turned off from its card is the rule's own switch, and the rule can be deleted;
// - settings from a newer version: named in the options page, kept through a change made here,
//   and everything this version knows applies;
// - the options page: one phrase a line, Save merges with a change made meanwhile, Reset asks
//   first and offers an export, a rules error is shown with the rest of the page working.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { itemBytes, SYNC_LIMITS } from '../../extension/lib/settings-storage.js';
import { checkPrerequisites, launch } from './harness.mjs';
import { loadOracle } from './oracle.mjs';
import { SITES } from './sites.mjs';
import { chipFor, clickChip, hoverUnderline, openFixture, TIMEOUT_MS, waitForChip, waitForUnderlines } from './steps.mjs';

checkPrerequisites();
await loadOracle();

const mastodon = SITES.find((site) => site.name === 'mastodon');
const SYNERGY = { id: 'synergy', phrases: ['synergy'], message: 'Jargon' };

describe('never silently stop', () => {
  let browser;
  let popup;
  const extensionPage = (path) => `chrome-extension://${browser.extensionId}/${path}`;
  /** Everything in storage.sync, read from an extension page (the popup unless given). */
  const stored = (page = popup) => page.evaluate(() => chrome.storage.sync.get(null));
  /** Waits until what is stored satisfies `check` (polled from Node); returns it. */
  async function storedWhen(check, message) {
    let items;
    for (let waited = 0; waited < TIMEOUT_MS; waited += 50) {
      items = await stored();
      if (check(items)) return items;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail(`${message}: storage never matched; last ${JSON.stringify(items).slice(0, 400)}`);
  }
  /** Replaces everything in storage.sync (in the popup's context) and reloads the popup. */
  async function store(items) {
    await popup.evaluate(async (all) => {
      await chrome.storage.sync.clear();
      await chrome.storage.sync.set(all);
    }, items);
    await popup.reload();
    await popup.waitForSelector('#rule-set-pitch');
  }
  async function openOptions() {
    const options = await browser.context.newPage();
    await options.goto(extensionPage('options/options.html'));
    await options.waitForSelector('#site-list li');
    return options;
  }

  before(async () => {
    browser = await launch({ csp: null });
    popup = await browser.context.newPage();
    await popup.goto(extensionPage('popup/popup.html'));
  });
  after(async () => {
    await browser?.close();
  });

  test('an engine that stays broken: the chip says Rapport stopped, the panel and the popup offer a reload, which brings the hints back', async () => {
    // A custom regex makes every analysis read the clock (its time budget) through a wasm import.
    await store({ settings: { version: 2, engine: { custom_rules: [{ id: 'lev', regex: '\\blev\\w*', message: 'Jargon' }] } } });
    const page = await openFixture(browser.context, mastodon);
    await page.keyboard.type('We leverage it');
    await waitForUnderlines(page, { rule: 'custom.lev' }, 'the custom rule before the fault');
    // The fault: the clock import throws inside every analysis, so each engine is left borrowed
    // ("recursive use of an object detected"), every fresh one too, from its warm-up on.
    const [worker] = browser.context.serviceWorkers();
    await worker.evaluate(() => {
      globalThis.__rapportClock = Date.now;
      Date.now = () => {
        throw new Error('clock broke (e2e)');
      };
    });
    for (const word of [' and', ' it', ' goes', ' on', ' and', ' on']) {
      await page.keyboard.type(word);
      await page.waitForTimeout(80);
    }
    const chip = await waitForChip(page, { state: 'stopped' }, 'the engine stopped');
    assert.match(chip.ariaLabel, /stopped after repeated engine errors/);
    assert.match(chip.text, /stopped — reload/);
    assert.deepEqual(await page.evaluate(() => window.__e2e.underlines()), [], 'no stale underlines');
    const status = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'status' }));
    assert.equal(status.status.state, 'stopped');
    assert.equal(status.status.restarts, 3, 'three fresh instances, then it stopped');
    // The popup says so.
    await popup.reload();
    await popup.waitForSelector('#engine-stopped:not([hidden])');
    // The panel too, with a way out; the fault is gone, so reloading brings the hints back.
    await worker.evaluate(() => {
      Date.now = globalThis.__rapportClock;
    });
    await page.bringToFront();
    await clickChip(page);
    const notice = page.locator('[data-rapport="notice"]');
    assert.match(await notice.innerText(), /Rapport stopped after repeated engine errors/);
    await page.locator('[data-rapport="reload-engine"]').click();
    const text = 'We leverage it and it goes on and on';
    await waitForChip(page, { state: 'checked', length: chipFor(mastodon, text).length }, 'after Reload');
    await waitForUnderlines(page, { rule: 'custom.lev' }, 'the custom rule after Reload');
    await popup.reload();
    await popup.waitForSelector('#engine-stopped[hidden]', { state: 'attached' });
    await page.close();
  });

  test('sizes are counted as Chromium counts them: "<" is 6 bytes; an item of exactly 8,192 bytes is taken, one more is refused', async () => {
    await store({});
    const value = `${'<'.repeat(1364)}abcde`;
    assert.equal(itemBytes('k', value), SYNC_LIMITS.QUOTA_BYTES_PER_ITEM, 'our count');
    const result = await popup.evaluate(async ([fits, over]) => {
      const attempt = (item) => chrome.storage.sync.set(item).then(() => 'stored', (error) => error.message);
      return [await attempt({ k: fits }), await attempt({ k: over })];
    }, [value, `${value}a`]);
    assert.deepEqual(result[0], 'stored');
    assert.match(result[1], /QUOTA_BYTES_PER_ITEM|kQuotaBytesPerItem/);
  });

  test('a write storage.sync would refuse: the reason beside the switch, which goes back; the next write goes through', async () => {
    // Leave about 20 bytes of the 102,400: a switch's change does not fit.
    const filler = {};
    let left = SYNC_LIMITS.QUOTA_BYTES - 20;
    for (let i = 0; left > 0; i += 1) {
      const key = `filler${i}`;
      const size = Math.min(8000, left - key.length - 2);
      filler[key] = 'x'.repeat(Math.max(0, size));
      left -= itemBytes(key, filler[key]);
    }
    await store(filler);
    const pitch = popup.locator('#rule-set-pitch');
    assert.equal(await pitch.isChecked(), true);
    await pitch.click();
    const error = popup.locator('#rule-set-pitch >> xpath=ancestor::label/following-sibling::p[contains(@class, "control-error")]');
    await error.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    assert.match(await error.innerText(), /^Not saved: too large for browser sync/);
    await popup.waitForFunction(() => document.getElementById('rule-set-pitch').checked, null, { timeout: TIMEOUT_MS });
    assert.equal((await stored(popup)).settings, undefined, 'nothing stored');
    // Room again: the same page's next write goes through, and the error goes away.
    await popup.evaluate((keys) => chrome.storage.sync.remove(keys), Object.keys(filler));
    await pitch.click();
    await storedWhen((items) => items.settings?.engine?.rule_sets?.pitch === false, 'the next write');
    await error.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
    assert.equal(await pitch.isChecked(), false);
  });

  test('a custom rule turned off from its card sets its own enabled: false; deleting it afterwards is saved', async () => {
    await store({ settings: { engine: { custom_rules: [SYNERGY] } } });
    const page = await openFixture(browser.context, mastodon);
    await page.keyboard.type('Our synergy is unmatched.');
    const [underline] = (await waitForUnderlines(page, { rule: 'custom.synergy' }, 'the custom rule')).filter((u) => u.rule === 'custom.synergy');
    await hoverUnderline(page, underline);
    await page.locator('[data-rapport="card"] [data-action="rule-off"]').click();
    await page.waitForFunction(() => !window.__e2e.underlines().some((u) => u.rule === 'custom.synergy'), null, { timeout: TIMEOUT_MS });
    const items = await storedWhen((all) => Array.isArray(all['custom_rules.0']), 'the rule turned off');
    assert.deepEqual(items['custom_rules.0'], [{ ...SYNERGY, enabled: false }], 'the rule\'s own switch');
    assert.equal(items.settings.engine.rules?.['custom.synergy'], undefined, 'no rules["custom.synergy"] override');
    // The options page shows it off, and deleting it is saved (version 1 refused: "unknown rule").
    const options = await openOptions();
    assert.equal(await options.locator('#custom-0-enabled').isChecked(), false);
    await options.locator('.custom-rule[data-index="0"] .button.quiet').click();
    await options.click('#save-custom');
    await options.waitForFunction(() => document.getElementById('custom-status').textContent === 'Saved.', null, { timeout: TIMEOUT_MS });
    const after = await storedWhen((all) => all['custom_rules.0'] === undefined, 'the rule deleted');
    assert.equal(after['custom_rules.0'], undefined);
    assert.equal(after.settings.custom_rule_items, undefined);
    await options.close();
    await page.close();
  });

  test('settings written by a newer version: named in the options page, kept through a change made here; the rest applies', async () => {
    const newer = {
      version: 3,
      paused: false,
      theme: 'dark',
      engine: { rule_sets: { pitch: false }, rules: { 'future.rule': false }, future_field: 1 },
      sites: {},
    };
    await store({ settings: newer });
    // What this version knows applies: pitch stays off (before, one unknown entry dropped all settings).
    const page = await openFixture(browser.context, mastodon);
    const sales = 'Buy now, 50% off, we are thrilled to announce our product!!!';
    await page.keyboard.type(sales);
    await waitForChip(page, { length: chipFor(mastodon, sales).length }, 'the sales post');
    await waitForUnderlines(page, { noRuleSet: 'pitch' }, 'pitch switched off by the newer settings');
    const options = await openOptions();
    await options.waitForSelector('#not-used:not([hidden])');
    assert.equal(await options.locator('#not-used-unknown').innerText(), '3 settings from a newer version are not used here');
    assert.match(await options.locator('#newer-version').innerText(), /newer version of Rapport \(settings version 3\)/);
    const paths = await options.locator('#not-used-list li code').allInnerTexts();
    assert.deepEqual(paths.sort(), ['future_field', 'rules.future.rule', 'theme']);
    // A change made here keeps everything this version does not know.
    await options.click('#set-tone');
    const { settings } = await storedWhen((items) => items.settings.engine.rule_sets?.tone === false, 'tone switched off');
    assert.deepEqual(settings, { ...newer, engine: { ...newer.engine, rule_sets: { pitch: false, tone: false } } });
    await options.close();
    await page.close();
  });

  test('options page: one phrase a line (an old comma list is pointed out), Save merges with a change made meanwhile, Reset asks first and offers an export', async () => {
    await store({});
    const options = await openOptions();
    // One phrase a line: commas stay in the phrase; a line with commas is pointed out.
    await options.fill('#brands', 'well, actually\nAcme');
    await options.waitForSelector('#brands-commas:not([hidden])');
    assert.match(await options.locator('#brands-commas').innerText(), /“well, actually” is a list/);
    await options.click('#save-words');
    await options.waitForFunction(() => document.getElementById('words-status').textContent === 'Saved.', null, { timeout: TIMEOUT_MS });
    await storedWhen((items) => JSON.stringify(items.settings?.engine?.brands) === '["well, actually","Acme"]', 'one brand a line, commas kept');
    await options.reload();
    await options.waitForSelector('#site-list li');
    assert.equal(await options.locator('#brands').inputValue(), 'well, actually\nAcme');
    await options.click('#brands-commas button');
    assert.equal(await options.locator('#brands').inputValue(), 'well\nactually\nAcme');

    // Save merges: the popup pauses Rapport while this page's save waits for the engine's check.
    await options.evaluate(() => {
      const send = chrome.runtime.sendMessage.bind(chrome.runtime);
      chrome.runtime.sendMessage = async (message) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        return send(message);
      };
    });
    await options.fill('#acronyms', 'ROI\nOKR');
    await options.click('#save-words');
    await popup.bringToFront();
    await popup.waitForTimeout(200);
    await popup.locator('#active').uncheck();
    await storedWhen((items) => items.settings?.paused === true, 'paused from the popup');
    await options.bringToFront();
    const merged = (await storedWhen((items) => items.settings.engine.acronyms?.length === 2, 'the acronyms saved')).settings;
    assert.equal(merged.paused, true, 'the popup\'s change survived the options page\'s save');
    assert.deepEqual(merged.engine.acronyms, ['ROI', 'OKR']);
    assert.deepEqual(merged.engine.brands, ['well', 'actually', 'Acme']);

    // Reset asks first, in the page; it offers an export; Cancel keeps everything.
    await options.reload();
    await options.waitForSelector('#site-list li');
    await options.click('#reset');
    await options.waitForSelector('#reset-confirm:not([hidden])');
    assert.deepEqual((await stored()).settings.engine.acronyms, ['ROI', 'OKR'], 'nothing reset yet');
    const [download] = await Promise.all([options.waitForEvent('download'), options.click('#reset-export')]);
    assert.equal(download.suggestedFilename(), 'rapport-settings.json');
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(exported.settings.engine.acronyms, ['ROI', 'OKR']);
    await options.click('#reset-no');
    assert.equal(await options.locator('#reset-confirm').isHidden(), true);
    assert.deepEqual((await stored()).settings.engine.acronyms, ['ROI', 'OKR']);
    await options.click('#reset');
    await options.click('#reset-yes');
    await storedWhen((items) => items.settings?.engine?.acronyms === undefined, 'reset');
    await options.waitForFunction(() => document.getElementById('backup-status').textContent !== '', null, { timeout: TIMEOUT_MS });
    assert.equal(await options.locator('#acronyms').inputValue(), '');
    assert.equal(await options.locator('#backup-status').innerText(), 'Settings reset to their defaults.');
    await options.close();
  });

  test('options page: a rules reply that is an error is shown; the rest of the page renders and works', async () => {
    await store({});
    const options = await browser.context.newPage();
    await options.addInitScript(() => {
      const send = chrome.runtime.sendMessage.bind(chrome.runtime);
      chrome.runtime.sendMessage = (message, ...rest) =>
        message?.type === 'rules' ? Promise.resolve({ error: 'engine failed to load: CompileError (e2e)' }) : send(message, ...rest);
    });
    await options.goto(extensionPage('options/options.html'));
    await options.waitForSelector('#rules-error:not([hidden])');
    assert.equal(await options.locator('#rules-error').innerText(), 'The rules could not be listed: engine failed to load: CompileError (e2e)');
    // Everything else is there and works.
    await options.waitForSelector('#site-list li');
    assert.ok((await options.locator('#site-list li').count()) >= 11);
    assert.ok((await options.locator('#strictness input').count()) === 3);
    await options.fill('#brands', 'Acme');
    await options.click('#save-words');
    await options.waitForFunction(() => document.getElementById('words-status').textContent === 'Saved.', null, { timeout: TIMEOUT_MS });
    await options.close();
  });

  test('no request reached the network', () => {
    assert.deepEqual(browser.blocked, []);
  });
});
