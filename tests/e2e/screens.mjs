// Screenshots for the notes (not a test): the reminder on X (a hostile reply, Reply hovered), the
// trends page with a seeded year of history in light and dark, and the reminder settings.
//   node tests/e2e/screens.mjs [OUT_DIR]   (default ../screens beside the repository)
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './harness.mjs';
import { X_REPLY } from './sites.mjs';
import { openFixture, waitForChip } from './steps.mjs';
import { expectedChip, loadOracle } from './oracle.mjs';

const OUT = resolve(process.argv[2] ?? join(fileURLToPath(new URL('../../', import.meta.url)), '..', 'screens'));
mkdirSync(OUT, { recursive: true });
await loadOracle();
const browser = await launch({ csp: null });
const origin = `chrome-extension://${browser.extensionId}/`;
const extensionPage = await browser.context.newPage();
await extensionPage.goto(`${origin}popup/popup.html`);

// A year of posts: replies grow kinder, posts ask more often, LinkedIn pitches.
await extensionPage.evaluate(async () => {
  const { dayOf, dayNumber, dayString, retain } = await import('/lib/history.js');
  const today = dayOf(new Date());
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const entries = [];
  for (let ago = 420; ago >= 0; ago--) {
    const progress = 1 - ago / 420;
    const posts = random() < 0.55 ? 1 + Math.floor(random() * 2) : 0;
    for (let i = 0; i < posts; i++) {
      const site = ['x', 'x', 'linkedin', 'mastodon', 'bluesky'][Math.floor(random() * 5)];
      const context = random() < 0.4 ? 'reply' : 'post';
      const invites = random() < 0.15 + 0.4 * progress;
      const pitch = site === 'linkedin' ? random() < 0.7 - 0.3 * progress : random() < 0.08;
      const self = random() < 0.35 - 0.15 * progress;
      const hostile = context === 'reply' && random() < 0.2 - 0.16 * progress;
      const score = Math.max(0, Math.min(100, Math.round(48 + (invites ? 30 : -5) - (pitch ? 25 : 0) - (hostile ? 40 : 0) - (self ? 8 : 0) + (random() - 0.5) * 16)));
      entries.push({
        date: dayString(dayNumber(today) - ago), site, context, score,
        factors: [['tone', 4], ...(invites ? [['invites_reply', 35]] : [['invites_reply', -5]]), ...(pitch ? [['pitch', -34]] : []), ...(hostile ? [['aggression', -50]] : [])],
        verdicts: [...(invites ? ['question', 'invites_reply'] : []), ...(pitch ? ['pitch'] : []), ...(self ? ['self_focused'] : []), ...(hostile ? ['aggressive'] : [])],
        tone: hostile ? 'negative' : 'positive', hostile,
      });
    }
  }
  await chrome.storage.local.set({ history: { version: 1, entries: retain(entries, today) } });
});

// The reminder on X: a hostile reply, the pointer on Reply; a fresh page per colour scheme (the
// reminder shows once per version of a draft, so the same words on the same page would not
// show it again).
const HOSTILE = 'You are an idiot and your take is garbage.';
for (const colorScheme of ['light', 'dark']) {
  const page = await openFixture(browser.context, X_REPLY);
  await page.emulateMedia({ colorScheme });
  await page.keyboard.type(HOSTILE);
  await waitForChip(page, expectedChip(HOSTILE, X_REPLY.platform, X_REPLY.context), 'the hostile reply');
  await page.mouse.move(2, 2);
  await page.hover(X_REPLY.submit);
  await page.waitForFunction(() => window.__e2e.reminder()?.visible);
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(OUT, `reminder-x-${colorScheme}.png`), clip: { x: 180, y: 20, width: 640, height: 400 } });
  await page.close();
}

// The trends page, light and dark; and the settings.
const trends = await browser.context.newPage();
await trends.setViewportSize({ width: 1000, height: 1200 });
await trends.goto(`${origin}trends/trends.html`);
await trends.waitForFunction(() => document.body.dataset.ready === 'true');
await trends.check('input[name="window"][value="90"]');
for (const colorScheme of ['light', 'dark']) {
  await trends.emulateMedia({ colorScheme });
  await trends.screenshot({ path: join(OUT, `trends-${colorScheme}.png`), fullPage: true });
}
await trends.check('input[name="window"][value="365"]');
await trends.selectOption('#site', 'linkedin');
await trends.emulateMedia({ colorScheme: 'light' });
await trends.screenshot({ path: join(OUT, 'trends-linkedin-365-light.png'), fullPage: true });
const sentences = await trends.evaluate(() => [...document.querySelectorAll('figcaption')].map((f) => f.textContent));
console.log(sentences.join('\n'));
const options = await browser.context.newPage();
await options.goto(`${origin}options/options.html`);
await options.locator('#reminders').screenshot({ path: join(OUT, 'options-reminders-light.png') });
await extensionPage.setViewportSize({ width: 300, height: 560 });
await extensionPage.reload();
await extensionPage.screenshot({ path: join(OUT, 'popup-light.png') });
await browser.close();
console.log(`screenshots in ${OUT}`);
