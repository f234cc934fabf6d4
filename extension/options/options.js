// @ts-check
// Options page: every rule (from the engine's rules()), per-site settings, brand names, allowed
// capitals, custom rules, import/export and reset; what the settings hold that this version does
// not use, and why. Anything touching the engine's settings is checked by the engine first
// (background message "check"); nothing is saved while a field it changes is invalid, and the
// error is shown beside that field. Every save is a read-modify-write of the fields it changes
// (a change made meanwhile in the popup survives); a save that fails says why.

import { PLATFORMS, SEVERITIES, STRICTNESS } from '../build/lists.js';
import {
  commaLines, DEFAULT_SETTINGS, exportSettings, groupRules, parseImport, parseLines, pathLocation, ruleOn, ruleSetOn,
  SETTINGS_VERSION, siteEnabled, splitAtCommas, strictnessOf, withCustomRules, withEngineList, withoutSite,
  withPaused, withRule, withRuleSet, withSite, withStrictness,
} from '../lib/settings.js';
import { REMINDER_KINDS, REMINDER_SCOPES, remindersOf, withReminder } from '../lib/reminders.js';
import { hostPatterns, patternHost, userOrigins } from '../lib/user-sites.js';
import { SITES } from '../content/sites.js';
import { makeH } from '../content/views/dom.js';
import { $, api, bindCheckbox, localize, onSettingsChanged, store, t, writeFrom } from '../pages/common.js';

/**
 * @typedef {import('../lib/settings.js').Settings} Settings
 * @typedef {import('../lib/settings.js').Ignored} Ignored
 */

const h = makeH(document);
localize();

/** A save refused because the engine cannot use what it would write: the entries at fault. */
class Refused extends Error {
  /** @param {Ignored[]} entries */
  constructor(entries) {
    super(entries.map((entry) => `${entry.field ?? entry.path}: ${entry.reason}`).join('; '));
    this.entries = entries;
  }
}

/**
 * What the engine would leave out of an engine config (`[]` when everything applies).
 * @param {object} engine
 * @returns {Promise<Ignored[]>}
 */
async function check(engine) {
  /** @type {import('../lib/protocol.js').CheckAnswer} */
  const answer = await api.runtime.sendMessage({ type: 'check', engine });
  if (answer?.error !== undefined || !answer?.ignored) throw new Error(answer?.error ?? 'the engine did not answer');
  return answer.ignored;
}

/**
 * Refuses settings whose engine part the engine finds invalid in one of `fields` (what other
 * fields hold, a newer version's settings say, is none of this save's business).
 * @param {string[]} fields
 * @returns {(settings: Settings) => Promise<void>}
 */
const checkFields = (fields) => async (settings) => {
  const faults = (await check(settings.engine)).filter((entry) => entry.kind === 'invalid' && fields.includes(pathLocation(entry.path).field));
  if (faults.length > 0) throw new Refused(faults);
};

let { settings, problems, version } = await store.load();

// ---- the engine's state and what is not used ---------------------------------------------
/** @param {import('../lib/engine-host.js').EngineStatus | undefined} status */
function showEngine(status) {
  $('engine-stopped').hidden = status?.state !== 'stopped';
}
$('engine-reload').addEventListener('click', async () => {
  const answer = await api.runtime.sendMessage({ type: 'restart-engine' }).catch(() => null);
  showEngine(answer?.status);
});

/** Lists what the settings hold that this version does not use: the extension's and the engine's. */
async function renderNotUsed() {
  /** @type {Ignored[]} */
  let engineIgnored = [];
  try {
    engineIgnored = await check(settings.engine);
  } catch {
    // The engine is not there to ask (the rules section says why); list what the page knows.
  }
  const all = [...problems, ...engineIgnored];
  const unknown = all.filter((entry) => entry.kind === 'unknown');
  const invalid = all.filter((entry) => entry.kind === 'invalid');
  const newer = version > SETTINGS_VERSION;
  $('not-used').hidden = all.length === 0 && !newer;
  $('newer-version').hidden = !newer;
  $('newer-version').textContent = newer ? t('newerVersion', [String(version)]) : '';
  $('not-used-unknown').hidden = unknown.length === 0;
  $('not-used-unknown').textContent = unknown.length === 1 ? t('notUsedUnknownOne') : t('notUsedUnknown', [String(unknown.length)]);
  $('not-used-invalid').hidden = invalid.length === 0;
  $('not-used-invalid').textContent = invalid.length === 1 ? t('notUsedInvalidOne') : t('notUsedInvalid', [String(invalid.length)]);
  $('not-used-list').replaceChildren(
    ...all.map((entry) => h('li', { dataset: { kind: entry.kind, path: entry.path } }, h('code', { text: entry.path }), ` — ${entry.reason}`)),
  );
}

// ---- general -------------------------------------------------------------------------------
function renderGeneral() {
  $('active').checked = !settings.paused;
  const group = $('strictness');
  group.replaceChildren(
    ...STRICTNESS.map((level) =>
      h(
        'label',
        {},
        h('input', {
          type: 'radio', name: 'strictness', value: level, checked: strictnessOf(settings) === level,
          on: { change: (event) => writeFrom(/** @type {HTMLElement} */ (event.target), (s) => withStrictness(s, level), show, group) },
        }),
        h('span', { text: t(`strictness_${level}`) }),
      ),
    ),
  );
}
bindCheckbox($('active'), (s) => !s.paused, (s, on) => withPaused(s, !on));
api.commands?.getAll?.().then((commands) => {
  const shortcut = commands.find((command) => command.name === 'toggle-panel')?.shortcut;
  $('shortcut').textContent = t('optionsShortcut', [shortcut || t('optionsShortcutUnset')]);
});

// ---- before you post -------------------------------------------------------------------------
function renderReminders() {
  const reminders = remindersOf(settings);
  $('reminder-list').replaceChildren(
    ...REMINDER_KINDS.map((kind) => {
      /** @type {HTMLElement} */
      const group = h(
        'fieldset',
        { className: 'reminder', dataset: { kind } },
        h('legend', { text: t(`reminderKind_${kind}`) }),
        h(
          'div',
          { className: 'segmented' },
          REMINDER_SCOPES[kind].map((scope) =>
            h(
              'label',
              {},
              h('input', {
                type: 'radio', name: `reminder-${kind}`, value: scope, checked: reminders[kind] === scope,
                on: { change: (event) => writeFrom(/** @type {HTMLElement} */ (event.target), (s) => withReminder(s, kind, scope), show, group) },
              }),
              h('span', { text: t(`reminderScope_${scope}`) }),
            ),
          ),
        ),
      );
      return group;
    }),
  );
}
$('open-trends').addEventListener('click', () => api.tabs.create({ url: api.runtime.getURL('trends/trends.html') }));

// ---- rules ---------------------------------------------------------------------------------
/** @type {import('../lib/report.js').RuleInfo[]} */
let rules = [];
try {
  /** @type {import('../lib/protocol.js').RulesAnswer} */
  const answer = await api.runtime.sendMessage({ type: 'rules' });
  if (!Array.isArray(answer?.rules)) throw new Error(answer?.error ?? 'no answer from the background');
  rules = answer.rules;
} catch (error) {
  // The rest of the page works without the list: say why it is missing.
  $('rules-error').textContent = t('rulesError', [/** @type {Error} */ (error).message]);
  $('rules-error').hidden = false;
}

/** A checkbox made with h(), bound to a setting. @param {HTMLElement} input @param {(s: Settings) => boolean} read @param {(s: Settings, on: boolean) => Settings} write */
const bindSwitch = (input, read, write) => {
  bindCheckbox(/** @type {HTMLInputElement} */ (input), read, write);
  return input;
};

function renderRules() {
  if (rules.length === 0) {
    $('rule-list').replaceChildren();
    return;
  }
  // lists.json's rule sets in order, then any the engine names that the list does not (none
  // today): a rule is never dropped for want of a group.
  const bySet = groupRules(rules);
  $('rule-list').replaceChildren(
    ...[...bySet].filter(([ruleSet, list]) => list.length > 0 || ruleSet === 'custom').map(([ruleSet, list]) => {
      const on = ruleSetOn(settings, ruleSet);
      return h(
        'div',
        { className: `rule-group${on ? '' : ' off'}`, dataset: { ruleSet } },
        h(
          'h3',
          {},
          bindSwitch(h('input', { type: 'checkbox', id: `set-${ruleSet}`, checked: on, 'aria-label': t(`ruleSet_${ruleSet}`) || ruleSet }), (s) => ruleSetOn(s, ruleSet), (s, value) => withRuleSet(s, ruleSet, value)),
          h('label', { for: `set-${ruleSet}`, text: t(`ruleSet_${ruleSet}`) || ruleSet }),
        ),
        list.map((rule) =>
          h(
            'div',
            { className: 'rule', dataset: { rule: rule.id } },
            bindSwitch(h('input', { type: 'checkbox', id: `rule-${rule.id}`, checked: ruleOn(settings, rule), 'aria-describedby': `desc-${rule.id}` }), (s) => ruleOn(s, rule), (s, value) => withRule(s, rule, value)),
            h('label', { for: `rule-${rule.id}` }, h('code', { text: rule.id })),
            h('span', { className: `tag ${rule.severity}`, text: t(`severity_${rule.severity}`) }),
            h('span', { className: 'description', id: `desc-${rule.id}`, text: rule.description }),
          ),
        ),
      );
    }),
  );
}

// ---- sites ---------------------------------------------------------------------------------
async function renderSites() {
  const { origins = [] } = await api.permissions.getAll();
  const granted = userOrigins(origins, api.runtime.getManifest()).map(patternHost).filter((host) => host !== null);
  const builtInHosts = new Set(SITES.flatMap((site) => site.hosts));
  const userHosts = [...new Set([...granted, ...Object.keys(settings.sites).filter((host) => !builtInHosts.has(host))])].sort();
  const siteToggle = (/** @type {string} */ host, /** @type {boolean} */ builtIn, /** @type {string} */ label) =>
    h(
      'label',
      { className: 'switch' },
      bindSwitch(h('input', { type: 'checkbox', checked: siteEnabled(settings, host, builtIn), dataset: { host } }), (s) => siteEnabled(s, host, builtIn), (s, on) => withSite(s, host, { enabled: on })),
      h('span', { text: label }),
    );
  $('site-list').replaceChildren(
    ...SITES.map((site) => h('li', { className: 'site' }, siteToggle(site.hosts[0], true, `${site.hosts.join(', ')}`))),
    ...userHosts.map((host) =>
      h(
        'li',
        { className: 'site' },
        siteToggle(host, false, host),
        h(
          'label',
          {},
          `${t('optionsCountAs')} `,
          h(
            'select',
            {
              on: {
                change: (event) => {
                  const select = /** @type {HTMLSelectElement} */ (event.target);
                  writeFrom(select, (s) => withSite(s, host, { platform: select.value || undefined }), show);
                },
              },
            },
            h('option', { value: '', text: t('optionsNoLimit') + (settings.sites[host]?.platform ? '' : ` (${t('optionsDefault')})`) }),
            PLATFORMS.map((platform) => h('option', { value: platform, text: t(`platform_${platform}`) || platform, selected: settings.sites[host]?.platform === platform })),
          ),
        ),
        h('button', {
          type: 'button', className: 'button', text: t('optionsRemoveSite'),
          on: {
            click: async (event) => {
              await api.permissions.remove({ origins: hostPatterns(host) }).catch(() => {});
              await writeFrom(/** @type {HTMLElement} */ (event.target), (s) => withoutSite(s, host), show);
            },
          },
        }),
      ),
    ),
  );
}

// ---- brand names and acronyms (one a line) -------------------------------------------------
/** @type {Set<string>} sections with typing not saved yet: a change elsewhere leaves them alone */
const dirty = new Set();

function renderWords() {
  $('brands').value = (settings.engine.brands ?? []).join('\n');
  $('acronyms').value = (settings.engine.acronyms ?? []).join('\n');
  for (const id of ['brands', 'acronyms']) showCommas(id);
  dirty.delete('words');
}

/** A line with commas may be a list written the old way: say so, and offer to split it. @param {string} id */
function showCommas(id) {
  const lines = commaLines($(id).value);
  const warning = $(`${id}-commas`);
  warning.hidden = lines.length === 0;
  /** @type {HTMLElement} */ (warning.querySelector('p')).textContent = lines.length > 0 ? t('commaWarning', [lines[0]]) : '';
}

for (const id of ['brands', 'acronyms']) {
  $(id).addEventListener('input', () => {
    dirty.add('words');
    showCommas(id);
  });
}
document.addEventListener('click', (event) => {
  const button = /** @type {HTMLElement} */ (event.target).closest?.('[data-split]');
  if (!(button instanceof HTMLElement)) return;
  const id = String(button.dataset.split);
  $(id).value = splitAtCommas($(id).value);
  dirty.add('words');
  showCommas(id);
  $(id).focus();
});

/** @param {string} id @param {string | null} message */
function showFieldError(id, message) {
  const error = $(`${id}-error`);
  error.textContent = message ?? '';
  error.hidden = !message;
  $(id).setAttribute('aria-invalid', String(Boolean(message)));
}

/**
 * Reports a save in `statusId`: saved, or not and why. Returns the entries the engine refused.
 * @param {string} statusId @param {unknown} error
 * @returns {Ignored[]}
 */
function report(statusId, error) {
  const status = $(statusId);
  if (!error) {
    status.textContent = t('optionsSaved');
    status.classList.remove('bad');
    return [];
  }
  status.textContent = t('optionsNotSaved', [/** @type {Error} */ (error).message]);
  status.classList.add('bad');
  return error instanceof Refused ? error.entries : [];
}

$('save-words').addEventListener('click', async () => {
  const brands = parseLines($('brands').value);
  const acronyms = parseLines($('acronyms').value);
  let error = null;
  try {
    await store.update((s) => withEngineList(withEngineList(s, 'brands', brands), 'acronyms', acronyms), checkFields(['brands', 'acronyms']));
    dirty.delete('words');
  } catch (failure) {
    error = failure;
  }
  const refused = report('words-status', error);
  for (const id of ['brands', 'acronyms']) {
    const entry = refused.find((item) => pathLocation(item.path).field === id);
    showFieldError(id, entry ? `${entry.path}: ${entry.reason}` : null);
  }
});

// ---- custom rules --------------------------------------------------------------------------
/**
 * A custom rule as the form edits it; `original` keeps the fields the form does not show (a
 * newer version's), written back as they were.
 * @typedef {{id: string, kind: 'phrases' | 'regex', pattern: string, message: string, why: string,
 *            severity: import('../build/lists.js').Severity, enabled: boolean, original: Record<string, unknown>}} DraftRule
 */
/** @type {DraftRule[]} */
let customDraft = [];

/** @returns {DraftRule[]} */
function customFromSettings() {
  return (settings.engine.custom_rules ?? []).map((rule) => ({
    id: rule.id ?? '',
    kind: rule.regex !== undefined ? /** @type {const} */ ('regex') : /** @type {const} */ ('phrases'),
    pattern: rule.regex ?? (rule.phrases ?? []).join('\n'),
    message: rule.message ?? '',
    why: rule.why ?? '',
    severity: rule.severity ?? 'suggestion',
    enabled: rule.enabled !== false,
    original: { ...rule },
  }));
}

/** The draft as the engine's custom_rules. */
/** @param {DraftRule[]} draft @returns {import('../lib/settings.js').CustomRule[]} */
function customToEngine(draft) {
  return draft.map((rule) => {
    const { id: _id, phrases: _phrases, regex: _regex, message: _message, why: _why, severity: _severity, enabled: _enabled, ...kept } = rule.original;
    /** @type {Record<string, unknown>} */
    const out = { id: rule.id.trim() };
    if (rule.kind === 'regex') out.regex = rule.pattern;
    else out.phrases = parseLines(rule.pattern);
    out.message = rule.message.trim();
    if (rule.why.trim()) out.why = rule.why.trim();
    out.severity = rule.severity;
    if (!rule.enabled) out.enabled = false;
    return /** @type {import('../lib/settings.js').CustomRule} */ ({ ...out, ...kept });
  });
}

/** @type {Record<string, string>} the engine's custom rule field → the draft's */
const CUSTOM_FIELDS = { id: 'id', phrases: 'pattern', regex: 'pattern', message: 'message', why: 'why', severity: 'severity' };

/**
 * @param {Ignored[]} [refused]  what the engine refused, by path
 */
function renderCustom(refused = []) {
  dirty.delete('custom');
  $('custom-list').replaceChildren(
    ...customDraft.map((rule, index) => {
      const faults = refused.filter((entry) => pathLocation(entry.field ?? entry.path).index === index);
      const field = (/** @type {string} */ key, /** @type {string} */ label, /** @type {HTMLElement} */ control) => {
        const fault = faults.find((entry) => {
          const at = pathLocation(entry.field ?? entry.path);
          return CUSTOM_FIELDS[at.key ?? ''] === key || (at.key === null && key === 'id');
        });
        control.id = `custom-${index}-${key}`;
        if (fault) control.setAttribute('aria-invalid', 'true');
        return h(
          'div',
          { className: `field${key === 'pattern' || key === 'message' || key === 'why' ? ' wide' : ''}` },
          h('label', { className: 'label', for: control.id, text: label }),
          control,
          fault ? h('p', { className: 'error', role: 'alert', id: `custom-${index}-error`, text: fault.reason }) : null,
        );
      };
      const bind = (/** @type {'id' | 'pattern' | 'message' | 'why'} */ key) => ({
        input: (/** @type {Event} */ event) => {
          rule[key] = /** @type {HTMLInputElement} */ (event.target).value;
          dirty.add('custom');
        },
      });
      return h(
        'div',
        { className: 'custom-rule', dataset: { index: String(index) } },
        field('id', t('optionsRuleId'), h('input', { type: 'text', value: rule.id, spellcheck: 'false', on: bind('id') })),
        field(
          'kind',
          t('optionsRuleKind'),
          h(
            'select',
            { on: { change: (event) => { rule.kind = /** @type {DraftRule['kind']} */ (/** @type {HTMLSelectElement} */ (event.target).value); dirty.add('custom'); } } },
            h('option', { value: 'phrases', text: t('optionsRulePhrases'), selected: rule.kind === 'phrases' }),
            h('option', { value: 'regex', text: t('optionsRuleRegex'), selected: rule.kind === 'regex' }),
          ),
        ),
        field(
          'severity',
          t('optionsRuleSeverity'),
          h(
            'select',
            { on: { change: (event) => { rule.severity = /** @type {DraftRule['severity']} */ (/** @type {HTMLSelectElement} */ (event.target).value); dirty.add('custom'); } } },
            SEVERITIES.map((severity) => h('option', { value: severity, text: t(`severity_${severity}`), selected: rule.severity === severity })),
          ),
        ),
        field('pattern', t('optionsRulePattern'), h('textarea', { rows: Math.min(6, Math.max(2, rule.pattern.split('\n').length)), value: rule.pattern, spellcheck: 'false', on: bind('pattern') })),
        field('message', t('optionsRuleMessage'), h('input', { type: 'text', value: rule.message, on: bind('message') })),
        field('why', t('optionsRuleWhy'), h('input', { type: 'text', value: rule.why, on: bind('why') })),
        h(
          'div',
          { className: 'row wide' },
          h('label', { className: 'switch' }, h('input', { type: 'checkbox', id: `custom-${index}-enabled`, checked: rule.enabled, on: { change: (event) => { rule.enabled = /** @type {HTMLInputElement} */ (event.target).checked; dirty.add('custom'); } } }), h('span', { text: t('optionsRuleEnabled') })),
          h('button', { type: 'button', className: 'button quiet', text: t('optionsDelete'), on: { click: () => { customDraft.splice(index, 1); renderCustom(); dirty.add('custom'); } } }),
        ),
      );
    }),
  );
}

$('add-rule').addEventListener('click', () => {
  customDraft.push({ id: '', kind: 'phrases', pattern: '', message: '', why: '', severity: 'suggestion', enabled: true, original: {} });
  renderCustom();
  dirty.add('custom');
  $(`custom-${customDraft.length - 1}-id`).focus();
});

$('save-custom').addEventListener('click', async () => {
  const list = customToEngine(customDraft);
  let error = null;
  try {
    await store.update((s) => withCustomRules(s, list), checkFields(['custom_rules']));
  } catch (failure) {
    error = failure;
  }
  const refused = report('custom-status', error);
  renderCustom(refused);
  if (error) {
    dirty.add('custom');
    /** @type {HTMLElement | null} */ (document.querySelector('#custom-list [aria-invalid="true"]'))?.focus();
  }
});

// ---- import / export / reset ---------------------------------------------------------------
async function exportFile() {
  const blob = new Blob([exportSettings((await store.load()).settings)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  h('a', { href: url, download: 'rapport-settings.json' }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
$('export').addEventListener('click', exportFile);
$('reset-export').addEventListener('click', exportFile);

/** @param {string} text @param {boolean} bad */
function backupStatus(text, bad) {
  $('backup-status').textContent = text;
  $('backup-status').classList.toggle('bad', bad);
}

$('import-file').addEventListener('change', async () => {
  const input = $('import-file');
  const [file] = input.files ?? [];
  input.value = '';
  if (!file) return;
  const parsed = parseImport(await file.text());
  if (parsed.error !== undefined) {
    backupStatus(t('optionsImportRefused', [parsed.error]), true);
    return;
  }
  let notUsed = parsed.problems.length;
  try {
    const ignored = await check(parsed.settings.engine);
    // A file with an invalid setting is refused; a newer version's settings are taken, kept aside.
    const invalid = ignored.find((entry) => entry.kind === 'invalid');
    if (invalid) {
      backupStatus(t('optionsImportRefused', [`${invalid.field ?? invalid.path}: ${invalid.reason}`]), true);
      return;
    }
    notUsed += ignored.length;
    await store.update(() => parsed.settings);
  } catch (error) {
    backupStatus(t('optionsImportRefused', [/** @type {Error} */ (error).message]), true);
    return;
  }
  backupStatus(notUsed > 0 ? t('optionsImportedNotUsed', [String(notUsed)]) : t('optionsImported'), false);
  await reload({ everything: true });
});

const resetButton = $('reset');
/** @param {boolean} open */
function askReset(open) {
  $('reset-confirm').hidden = !open;
  resetButton.setAttribute('aria-expanded', String(open));
  if (open) $('reset-no').focus();
}
resetButton.addEventListener('click', () => askReset($('reset-confirm').hidden));
$('reset-no').addEventListener('click', () => {
  askReset(false);
  resetButton.focus();
});
$('reset-yes').addEventListener('click', async () => {
  try {
    await store.update(() => ({ ...DEFAULT_SETTINGS, engine: {}, sites: {} }));
  } catch (error) {
    backupStatus(t('optionsNotSaved', [/** @type {Error} */ (error).message]), true);
    return;
  }
  askReset(false);
  backupStatus(t('resetDone'), false);
  await reload({ everything: true });
  resetButton.focus();
});

// ---- first render, and live updates (a rule turned off from a card, the popup) -------------
/** Shows the stored settings again (a write that failed, a change elsewhere). @param {Settings | null} [_stored] */
function show(_stored) {
  void reload({ everything: false });
}

/** Reads the settings and renders; sections with unsaved typing are left alone unless `everything`. */
async function reload({ everything = false } = {}) {
  ({ settings, problems, version } = await store.load());
  renderGeneral();
  renderReminders();
  renderRules();
  await renderSites();
  if (everything || !dirty.has('words')) renderWords();
  if (everything || !dirty.has('custom')) {
    customDraft = customFromSettings();
    renderCustom();
  }
  await renderNotUsed();
}

renderGeneral();
renderReminders();
renderRules();
await renderSites();
renderWords();
customDraft = customFromSettings();
renderCustom();
await renderNotUsed();
api.runtime.sendMessage({ type: 'status' }).then((answer) => showEngine(answer?.status), () => {});

onSettingsChanged(() => void reload());
api.permissions.onAdded?.addListener(renderSites);
api.permissions.onRemoved?.addListener(renderSites);
