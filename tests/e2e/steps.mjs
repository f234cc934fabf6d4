// What the e2e tests do in a page, shared by the test files: open a fixture, wait for the chip
// or the underlines to show something, act through real input only (Playwright's mouse and
// keyboard: trusted events, as a person's are).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expectedChip } from './oracle.mjs';

export const TIMEOUT_MS = 5000;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Waits until the chip shows `expected` (a subset of its data-* fields); returns the chip state. */
export async function waitForChip(page, expected, message) {
  try {
    await page.waitForFunction(
      (want) => {
        const state = window.__e2e.chipState();
        return state && Object.entries(want).every(([key, value]) => state[key] === value);
      },
      expected,
      { timeout: TIMEOUT_MS },
    );
  } catch (error) {
    const actual = await page.evaluate(() => window.__e2e.chipState());
    assert.fail(`${message}: chip never showed ${JSON.stringify(expected)}; last ${JSON.stringify(actual)} (${error.message.split('\n')[0]})`);
  }
  return page.evaluate(() => window.__e2e.chipState());
}

/**
 * Waits until the underlines match `want`: {count} exactly that many, {rule} one with that rule,
 * {ruleSet} one of that rule set, {noRuleSet} none of that rule set (and at least one underline).
 */
export async function waitForUnderlines(page, want, message) {
  try {
    await page.waitForFunction(
      (w) => {
        const list = window.__e2e.underlines();
        return (w.count === undefined || list.length === w.count)
          && (w.rule === undefined || list.some((u) => u.rule === w.rule))
          && (w.ruleSet === undefined || list.some((u) => u.ruleSet === w.ruleSet))
          && (w.noRuleSet === undefined || (list.length > 0 && !list.some((u) => u.ruleSet === w.noRuleSet)));
      },
      want,
      { timeout: TIMEOUT_MS },
    );
  } catch {
    const actual = await page.evaluate(() => window.__e2e.underlines().map((u) => u.rule));
    assert.fail(`${message}: underlines never matched ${JSON.stringify(want)}; last ${JSON.stringify(actual)}`);
  }
  return page.evaluate(() => window.__e2e.underlines());
}

/** One underline per span of each finding with words: "rule@start-end#spanStart-spanEnd/ruleSet/severity". */
export const expectedUnderlines = (report) =>
  report.hints.flatMap((hint) =>
    [hint.span, ...hint.related]
      .filter((span) => span.end > span.start)
      .map((span) => `${hint.rule}@${hint.span.start}-${hint.span.end}#${span.start}-${span.end}/${hint.rule_set}/${hint.severity}`),
  );
/** The same for the underlines drawn (window.__e2e.underlines()). */
export const drawnUnderlines = (underlines) => underlines.map((u) => `${u.key}#${u.span[0]}-${u.span[1]}/${u.ruleSet}/${u.severity}`);

export const modelText = (page) => page.evaluate(() => window.__e2e.modelText());
export const chipFor = (site, text) => expectedChip(text, site.platform, site.context);

export async function openFixture(context, site) {
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => window.__rapportFixture?.root());
  await page.click(site.click);
  await waitForChip(page, { length: '0' }, `${site.name}: chip for the empty box`);
  return page;
}

export async function clear(page) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
}

/** A real click on the chip (Playwright's locators pierce the overlay's open shadow root). */
export const clickChip = (page) => page.locator('[data-rapport="chip"]').click();
export const panelOpen = (page) => page.evaluate(() => !document.querySelector('rapport-overlay').shadowRoot.querySelector('[data-rapport="panel"]').hidden);

/** Hovers the middle of an underline's first line (a real pointer move) and waits for its finding's card. */
export async function hoverUnderline(page, underline) {
  const [line] = underline.lines;
  await page.mouse.move(line.left + line.width / 2, line.top + line.height / 2);
  try {
    await page.waitForFunction((key) => window.__e2e.card()?.key === key, underline.key, { timeout: TIMEOUT_MS });
  } catch {
    assert.fail(`hovering ${underline.key} showed ${JSON.stringify(await page.evaluate(() => window.__e2e.card()))}`);
  }
  return page.evaluate(() => window.__e2e.card());
}

/**
 * axe-core on the overlay (or on the whole page: `selector` null), light and dark: the violations
 * (none expected).
 */
export async function axeViolations(page, what, selector = 'rapport-overlay') {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const violations = await page.evaluate(async (root) => {
      const result = await window.axe.run(root === null ? document : document.querySelector(root), { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id} (${v.impact}) on ${v.nodes.length}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    }, selector);
    found.push(...violations.map((v) => `${what}, ${colorScheme}: ${v}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}
