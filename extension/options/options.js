// @ts-check
// Options page: every rule (from the engine's rules()), per-site settings, brand names, allowed
// acronyms, custom rules, import/export. Anything touching the engine's settings is checked by the
// engine first (background message "validate"); nothing is saved until it is valid, and the error
// is shown beside the field it names.

import { PLATFORMS, RULE_SETS, SEVERITIES, STRICTNESS } from '../build/lists.js';
import {
  errorLocation, exportSettings, groupRules, normalizeSettings, parseImport, parseList, ruleOn, ruleSetOn,
  SETTINGS_KEY, siteEnabled, storedSize, strictnessOf, SYNC_ITEM_LIMIT, withEngineList, withoutSite,
  withPaused, withRule, withRuleSet, withSite, withStrictness,
} from '../lib/settings.js';
import { REMINDER_KINDS, REMINDER_SCOPES, remindersOf, withReminder } from '../lib/reminders.js';
import { hostPatterns, patternHost, userOrigins } from '../lib/user-sites.js';
import { SITES } from '../content/sites.js';
import { makeH } from '../content/views/dom.js';
import { $, api, loadSettings, localize, t, updateSettings } from '../pages/common.js';

const h = makeH(document);
localize();
const load = loadSettings;
const update = updateSettings;
/** The engine's verdict on an engine config: null, or the error naming the field. */
/** @param {object} engine @returns {Promise<string | null>} */
async function validate(engine) {
  const reply = await api.runtime.sendMessage({ type: 'validate', engine });
  return reply?.error ?? null;
}

let settings = await load();
/** @type {import('../lib/protocol.js').RulesAnswer} */
const { rules } = await api.runtime.sendMessage({ type: 'rules' });

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
          on: { change: () => update((s) => withStrictness(s, level)) },
        }),
        h('span', { text: t(`strictness_${level}`) }),
      ),
    ),
  );
}
$('active').addEventListener('change', () => update((s) => withPaused(s, !$('active').checked)));
api.commands?.getAll?.().then((commands) => {
  const shortcut = commands.find((command) => command.name === 'toggle-panel')?.shortcut;
  $('shortcut').textContent = t('optionsShortcut', [shortcut || t('optionsShortcutUnset')]);
});

// ---- before you post -------------------------------------------------------------------------
function renderReminders() {
  const reminders = remindersOf(settings);
  $('reminder-list').replaceChildren(
    ...REMINDER_KINDS.map((kind) =>
      h(
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
                on: { change: () => update((s) => withReminder(s, kind, scope)) },
              }),
              h('span', { text: t(`reminderScope_${scope}`) }),
            ),
          ),
        ),
      ),
    ),
  );
}
$('open-trends').addEventListener('click', () => api.tabs.create({ url: api.runtime.getURL('trends/trends.html') }));

// ---- rules ---------------------------------------------------------------------------------
function renderRules() {
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
          h('input', {
            type: 'checkbox', id: `set-${ruleSet}`, checked: on, 'aria-label': t(`ruleSet_${ruleSet}`) || ruleSet,
            on: { change: (event) => update((s) => withRuleSet(s, ruleSet, /** @type {HTMLInputElement} */ (event.target).checked)) },
          }),
          h('label', { for: `set-${ruleSet}`, text: t(`ruleSet_${ruleSet}`) || ruleSet }),
        ),
        list.map((rule) =>
          h(
            'div',
            { className: 'rule', dataset: { rule: rule.id } },
            h('input', {
              type: 'checkbox', id: `rule-${rule.id}`, checked: ruleOn(settings, rule), 'aria-describedby': `desc-${rule.id}`,
              on: { change: (event) => update((s) => withRule(s, rule, /** @type {HTMLInputElement} */ (event.target).checked)) },
            }),
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
      h('input', {
        type: 'checkbox', checked: siteEnabled(settings, host, builtIn), dataset: { host },
        on: { change: (event) => update((s) => withSite(s, host, { enabled: /** @type {HTMLInputElement} */ (event.target).checked })) },
      }),
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
            { on: { change: (event) => update((s) => withSite(s, host, { platform: /** @type {HTMLInputElement} */ (event.target).value || undefined })) } },
            h('option', { value: '', text: t('optionsNoLimit') + (settings.sites[host]?.platform ? '' : ` (${t('optionsDefault')})`) }),
            PLATFORMS.map((platform) => h('option', { value: platform, text: t(`platform_${platform}`) || platform, selected: settings.sites[host]?.platform === platform })),
          ),
        ),
        h('button', {
          type: 'button', className: 'button', text: t('optionsRemoveSite'),
          on: {
            click: async () => {
              await api.permissions.remove({ origins: hostPatterns(host) }).catch(() => {});
              await update((s) => withoutSite(s, host));
            },
          },
        }),
      ),
    ),
  );
}

// ---- brand names and acronyms --------------------------------------------------------------
function renderWords() {
  $('brands').value = (settings.engine.brands ?? []).join(', ');
  $('acronyms').value = (settings.engine.acronyms ?? []).join(', ');
}

/** @param {string} id @param {string | null} message */
function showFieldError(id, message) {
  const error = $(`${id}-error`);
  error.textContent = message ?? '';
  error.hidden = !message;
  $(id).setAttribute('aria-invalid', String(Boolean(message)));
}

$('save-words').addEventListener('click', async () => {
  const fresh = await load();
  let next = withEngineList(fresh, 'brands', parseList($('brands').value));
  next = withEngineList(next, 'acronyms', parseList($('acronyms').value));
  const error = await validate(next.engine);
  const where = error ? errorLocation(error) : null;
  showFieldError('brands', where?.field === 'brands' ? where.reason : null);
  showFieldError('acronyms', where?.field === 'acronyms' ? where.reason : null);
  await finish('words-status', next, error);
});

/** Saves `next` when `error` is null (and it fits in sync storage); reports in `statusId`. */
/**
 * @param {string} statusId
 * @param {import('../lib/settings.js').Settings} next
 * @param {string | null} error
 */
async function finish(statusId, next, error) {
  const status = $(statusId);
  if (!error && storedSize(next) > SYNC_ITEM_LIMIT) error = `too large for browser sync storage (${storedSize(next)} of ${SYNC_ITEM_LIMIT} bytes)`;
  if (error) {
    status.textContent = t('optionsNotSaved', [error]);
    status.classList.add('bad');
    return false;
  }
  await update(() => next);
  status.textContent = t('optionsSaved');
  status.classList.remove('bad');
  return true;
}

// ---- custom rules --------------------------------------------------------------------------
/**
 * A custom rule as the form edits it.
 * @typedef {{id: string, kind: 'phrases' | 'regex', pattern: string, message: string, why: string,
 *            severity: import('../build/lists.js').Severity, enabled: boolean}} DraftRule
 */
/** @type {DraftRule[]} */
let customDraft = [];

/** @returns {DraftRule[]} */
function customFromSettings() {
  return (settings.engine.custom_rules ?? []).map((rule) => ({
    id: rule.id ?? '',
    kind: rule.regex !== undefined ? /** @type {const} */ ('regex') : /** @type {const} */ ('phrases'),
    pattern: rule.regex ?? (rule.phrases ?? []).join(', '),
    message: rule.message ?? '',
    why: rule.why ?? '',
    severity: rule.severity ?? 'suggestion',
    enabled: rule.enabled !== false,
  }));
}

/** The draft as the engine's custom_rules. */
/** @param {DraftRule[]} draft @returns {import('../lib/settings.js').CustomRule[]} */
function customToEngine(draft) {
  return draft.map((rule) => {
    /** @type {Partial<import('../lib/settings.js').CustomRule>} */
    const out = { id: rule.id.trim() };
    if (rule.kind === 'regex') out.regex = rule.pattern;
    else out.phrases = parseList(rule.pattern);
    out.message = rule.message.trim();
    if (rule.why.trim()) out.why = rule.why.trim();
    out.severity = rule.severity;
    if (!rule.enabled) out.enabled = false;
    return /** @type {import('../lib/settings.js').CustomRule} */ (out);
  });
}

/** @type {Record<string, string>} the engine's custom rule field → the draft's */
const CUSTOM_FIELDS = { id: 'id', phrases: 'pattern', regex: 'pattern', message: 'message', why: 'why', severity: 'severity' };

/**
 * @param {ReturnType<typeof errorLocation>} [errorAt]  where the engine's error points
 * @param {string | null} [error]
 */
function renderCustom(errorAt = null, error = null) {
  $('custom-list').replaceChildren(
    ...customDraft.map((rule, index) => {
      const field = (/** @type {string} */ key, /** @type {string} */ label, /** @type {HTMLElement} */ control) => {
        const invalid = errorAt?.index === index && CUSTOM_FIELDS[errorAt.key ?? ''] === key;
        control.id = `custom-${index}-${key}`;
        if (invalid) control.setAttribute('aria-invalid', 'true');
        return h(
          'div',
          { className: `field${key === 'pattern' || key === 'message' || key === 'why' ? ' wide' : ''}` },
          h('label', { className: 'label', for: control.id, text: label }),
          control,
          invalid ? h('p', { className: 'error', role: 'alert', id: `custom-${index}-error`, text: error ?? undefined }) : null,
        );
      };
      const bind = (/** @type {'id' | 'pattern' | 'message' | 'why'} */ key) => ({ input: (/** @type {Event} */ event) => { rule[key] = /** @type {HTMLInputElement} */ (event.target).value; } });
      return h(
        'div',
        { className: 'custom-rule', dataset: { index: String(index) } },
        field('id', t('optionsRuleId'), h('input', { type: 'text', value: rule.id, spellcheck: 'false', on: bind('id') })),
        field(
          'kind',
          t('optionsRuleKind'),
          h(
            'select',
            { on: { change: (event) => { rule.kind = /** @type {DraftRule['kind']} */ (/** @type {HTMLSelectElement} */ (event.target).value); } } },
            h('option', { value: 'phrases', text: t('optionsRulePhrases'), selected: rule.kind === 'phrases' }),
            h('option', { value: 'regex', text: t('optionsRuleRegex'), selected: rule.kind === 'regex' }),
          ),
        ),
        field(
          'severity',
          t('optionsRuleSeverity'),
          h(
            'select',
            { on: { change: (event) => { rule.severity = /** @type {DraftRule['severity']} */ (/** @type {HTMLSelectElement} */ (event.target).value); } } },
            SEVERITIES.map((severity) => h('option', { value: severity, text: t(`severity_${severity}`), selected: rule.severity === severity })),
          ),
        ),
        field('pattern', t('optionsRulePattern'), h('input', { type: 'text', value: rule.pattern, spellcheck: 'false', on: bind('pattern') })),
        field('message', t('optionsRuleMessage'), h('input', { type: 'text', value: rule.message, on: bind('message') })),
        field('why', t('optionsRuleWhy'), h('input', { type: 'text', value: rule.why, on: bind('why') })),
        h(
          'div',
          { className: 'row wide' },
          h('label', { className: 'switch' }, h('input', { type: 'checkbox', checked: rule.enabled, on: { change: (event) => { rule.enabled = /** @type {HTMLInputElement} */ (event.target).checked; } } }), h('span', { text: t('optionsRuleEnabled') })),
          h('button', { type: 'button', className: 'button quiet', text: t('optionsDelete'), on: { click: () => { customDraft.splice(index, 1); renderCustom(); } } }),
        ),
      );
    }),
  );
}

$('add-rule').addEventListener('click', () => {
  customDraft.push({ id: '', kind: 'phrases', pattern: '', message: '', why: '', severity: 'suggestion', enabled: true });
  renderCustom();
  $(`custom-${customDraft.length - 1}-id`).focus();
});

$('save-custom').addEventListener('click', async () => {
  const fresh = await load();
  const next = withEngineList(fresh, 'custom_rules', customToEngine(customDraft));
  const error = await validate(next.engine);
  const where = error ? errorLocation(error) : null;
  renderCustom(where, where?.reason ?? error);
  if (await finish('custom-status', next, error)) return;
  /** @type {HTMLElement | null} */ (document.querySelector('#custom-list [aria-invalid="true"]'))?.focus();
});

// ---- import / export -----------------------------------------------------------------------
$('export').addEventListener('click', async () => {
  const blob = new Blob([exportSettings(await load())], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  h('a', { href: url, download: 'rapport-settings.json' }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

$('import-file').addEventListener('change', async () => {
  const input = $('import-file');
  const [file] = input.files ?? [];
  input.value = '';
  if (!file) return;
  const status = $('backup-status');
  const parsed = parseImport(await file.text());
  const error = parsed.error ?? (await validate(parsed.settings.engine));
  if (error || !parsed.settings) {
    status.textContent = t('optionsImportRefused', [error ?? 'no settings']);
    status.classList.add('bad');
    return;
  }
  await update(() => parsed.settings);
  status.textContent = t('optionsImported');
  status.classList.remove('bad');
  settings = parsed.settings;
  renderWords();
  customDraft = customFromSettings();
  renderCustom();
});

$('reset').addEventListener('click', async () => {
  await update(() => normalizeSettings(undefined).settings);
  settings = await load();
  renderWords();
  customDraft = customFromSettings();
  renderCustom();
});

// ---- first render, and live updates (a rule turned off from a card, the popup) -------------
renderGeneral();
renderReminders();
renderRules();
await renderSites();
renderWords();
customDraft = customFromSettings();
renderCustom();

api.storage.onChanged.addListener(async (changes, area) => {
  if (area !== 'sync' || !(SETTINGS_KEY in changes)) return;
  settings = normalizeSettings(changes[SETTINGS_KEY].newValue).settings;
  // Sections with unsaved typing (words, custom rules) are left as they are.
  renderGeneral();
  renderReminders();
  renderRules();
  await renderSites();
});
api.permissions.onAdded?.addListener(renderSites);
api.permissions.onRemoved?.addListener(renderSites);
