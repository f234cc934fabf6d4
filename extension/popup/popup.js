// @ts-check
// Popup: pause everywhere, on/off for this site (or "enable Rapport on this site", which asks for
// the optional host permission), the rule-set switches and strictness. Settings live in
// storage.sync; open tabs pick up a change at once. A write that fails says why beside its
// switch, which goes back. An engine that stopped says so, with a button to start it again.

import { RULE_SETS, STRICTNESS } from '../build/lists.js';
import {
  ruleSetOn, siteEnabled, strictnessOf,
  withPaused, withRuleSet, withSite, withStrictness,
} from '../lib/settings.js';
import { REMINDER_KINDS, REMINDER_SCOPES, remindersOf, withReminder } from '../lib/reminders.js';
import { originPattern } from '../lib/user-sites.js';
import { siteForHost } from '../content/sites.js';
import { $, api, bindCheckbox, loadSettings, localize, onSettingsChanged, t, writeFrom } from '../pages/common.js';

localize();

const settings = await loadSettings();

// The engine's state: stopped after repeated failures → a calm notice and a way to start again.
/** @param {import('../lib/engine-host.js').EngineStatus | undefined} status */
function showEngine(status) {
  $('engine-stopped').hidden = status?.state !== 'stopped';
}
api.runtime.sendMessage({ type: 'status' }).then((answer) => showEngine(answer?.status), () => {});
$('engine-reload').addEventListener('click', async () => {
  const answer = await api.runtime.sendMessage({ type: 'restart-engine' }).catch(() => null);
  showEngine(answer?.status);
});

// Global pause.
const active = $('active');
active.checked = !settings.paused;
document.body.classList.toggle('paused', settings.paused);
bindCheckbox(active, (s) => !s.paused, (s, on) => withPaused(s, !on));
active.addEventListener('change', () => document.body.classList.toggle('paused', !active.checked));
active.addEventListener('reverted', () => document.body.classList.toggle('paused', !active.checked));

// Rule sets.
const ruleSets = $('rule-sets');
for (const ruleSet of RULE_SETS) {
  const label = document.createElement('label');
  label.className = 'switch';
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.id = `rule-set-${ruleSet}`;
  input.dataset.ruleSet = ruleSet;
  input.checked = ruleSetOn(settings, ruleSet);
  bindCheckbox(input, (s) => ruleSetOn(s, ruleSet), (s, on) => withRuleSet(s, ruleSet, on));
  const text = document.createElement('span');
  // A rule set without a label yet (the lists.json test asks for one) still shows, by its id.
  text.textContent = t(`ruleSet_${ruleSet}`) || ruleSet;
  label.append(input, text);
  ruleSets.append(label);
}

// Strictness.
const strictness = $('strictness');
/** @param {import('../lib/settings.js').Settings} stored */
const showStrictness = (stored) => {
  for (const level of STRICTNESS) $(`strictness-${level}`).checked = strictnessOf(stored) === level;
};
for (const level of STRICTNESS) {
  const label = document.createElement('label');
  const input = document.createElement('input');
  input.type = 'radio';
  input.name = 'strictness';
  input.value = level;
  input.id = `strictness-${level}`;
  input.checked = strictnessOf(settings) === level;
  input.addEventListener('change', () => writeFrom(input, (s) => withStrictness(s, level), showStrictness, strictness));
  const text = document.createElement('span');
  text.textContent = t(`strictness_${level}`);
  label.append(input, text);
  strictness.append(label);
}

// Before you post: a scope per kind.
const reminders = remindersOf(settings);
$('reminders').append(...REMINDER_KINDS.map((kind) => {
  const label = document.createElement('label');
  const text = document.createElement('span');
  text.textContent = t(`reminderKind_${kind}`);
  const select = document.createElement('select');
  select.id = `reminder-${kind}`;
  for (const scope of REMINDER_SCOPES[kind]) {
    const option = document.createElement('option');
    option.value = scope;
    option.textContent = t(`reminderScope_${scope}`);
    option.selected = reminders[kind] === scope;
    select.append(option);
  }
  select.addEventListener('change', () =>
    writeFrom(select, (s) => withReminder(s, kind, /** @type {import('../lib/reminders.js').ReminderScope} */ (select.value)), (stored) => {
      if (stored) select.value = remindersOf(stored)[kind];
    }, label));
  label.append(text, select);
  return label;
}));

$('trends').addEventListener('click', async () => {
  await api.tabs.create({ url: api.runtime.getURL('trends/trends.html') });
  window.close();
});

$('options').addEventListener('click', () => {
  api.runtime.openOptionsPage();
  window.close();
});

// This site.
const [tab] = await api.tabs.query({ active: true, currentWindow: true });
const pattern = tab?.url ? originPattern(tab.url) : null;
if (pattern && tab.url) {
  const host = new URL(tab.url).hostname;
  const builtIn = Boolean(siteForHost(host));
  const granted = builtIn || (await api.permissions.contains({ origins: [pattern] }));
  $('site-section').hidden = false;
  if (granted) {
    const toggle = $('site');
    $('site-toggle').hidden = false;
    $('site-label').textContent = t('popupSite', [host]);
    toggle.checked = siteEnabled(settings, host, builtIn);
    bindCheckbox(toggle, (s) => siteEnabled(s, host, builtIn), (s, on) => withSite(s, host, { enabled: on }), () => {
      if (!builtIn && toggle.checked) inject(tab.id);
    });
  } else {
    const button = $('enable-site');
    button.hidden = false;
    button.addEventListener('click', async () => {
      // Asked first thing in the click: the browser only shows the prompt during a user gesture.
      const ok = await api.permissions.request({ origins: [pattern] });
      if (!ok) {
        $('site-note').textContent = t('popupSiteDenied');
        $('site-note').hidden = false;
        return;
      }
      if (!(await writeFrom(button, (s) => withSite(s, host, { enabled: true }), () => {}, $('site-note')))) return;
      await inject(tab.id);
      window.close();
    });
  }
} else if (tab && !tab.url?.startsWith(api.runtime.getURL(''))) {
  $('site-section').hidden = false;
  $('site-note').textContent = t('popupSiteUnsupported');
  $('site-note').hidden = false;
}

/** Runs the content script in the tab now; the background registers it for later visits. */
/** @param {number | undefined} tabId */
async function inject(tabId) {
  if (tabId === undefined) return;
  try {
    await api.scripting.executeScript({ target: { tabId }, files: ['build/content.js'] });
  } catch (error) {
    console.warn(`Rapport: ${/** @type {Error} */ (error).message}`);
  }
}

// Changed elsewhere (a card's "turn this rule off", the options page, another device).
onSettingsChanged((stored) => {
  active.checked = !stored.paused;
  document.body.classList.toggle('paused', stored.paused);
  for (const ruleSet of RULE_SETS) $(`rule-set-${ruleSet}`).checked = ruleSetOn(stored, ruleSet);
  showStrictness(stored);
});
