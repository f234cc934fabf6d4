// @ts-check
// User settings: what is stored in storage.sync (lib/settings-storage.js lays it out in items),
// read tolerantly, migrated from older versions, and changed one field at a time. Pure, no
// browser APIs.
//
// {version, paused, engine, sites}
//   version  the settings' schema version (SETTINGS_VERSION); absent in version 1 (the first
//            release). Older settings are migrated when read (MIGRATIONS); settings of a newer
//            version are read as well as this version can, and keep their version.
//   paused   global pause from the popup: no analysis, no chips
//   engine   the wasm Engine's settings (src/config.rs), passed to it as they are: the engine
//            reads them tolerantly and lists what it leaves out (Engine.tolerant)
//   sites    per-site switches: a built-in site is on unless `enabled: false`; any other host
//            (a Mastodon instance, a site the user enabled) is on only with `enabled: true`;
//            `platform` picks the counter for a user-enabled host
// Any other field (one a newer version added) is kept as it is, so that settings a newer
// version wrote survive a round trip through this one; it is listed as not used here.
//   reminders  optional: the "before you post" reminder's scope per kind (lib/reminders.js; read
//            through remindersOf, which fills in the defaults)

/**
 * @typedef {object} Settings
 * @property {number} version  SETTINGS_VERSION, or a newer one's number
 * @property {boolean} paused
 * @property {EngineConfig} engine
 * @property {Record<string, SiteSettings>} sites  by host name
 * @property {Partial<import('./reminders.js').Reminders>} [reminders]  only the kinds changed from their default
 * @typedef {{enabled?: boolean, platform?: string}} SiteSettings
 * @typedef {object} EngineConfig  src/config.rs's settings; the engine checks them
 * @property {Record<string, boolean>} [rule_sets]  rule set id → on
 * @property {Record<string, boolean>} [rules]  built-in rule id → on, where it differs from the default
 * @property {import('../build/lists.js').Strictness} [strictness]
 * @property {string[]} [brands]
 * @property {string[]} [acronyms]
 * @property {CustomRule[]} [custom_rules]  each switched by its own `enabled`
 * @property {number} [mastodon_limit]
 * @typedef {{id: string, phrases?: string[], regex?: string, message: string, why?: string,
 *            severity?: import('../build/lists.js').Severity, enabled?: boolean}} CustomRule
 * @typedef {'brands' | 'acronyms'} EngineList
 * @typedef {{path: string, reason: string, kind: 'unknown' | 'invalid', field?: string}} Ignored
 *   a setting left out: `unknown` to this version (most likely written by a newer one) or
 *   `invalid`; the engine's `Engine.ignored()` entries have the same shape
 */

import { RULE_SETS, STRICTNESS } from '../build/lists.js';
import { normalizeReminders } from './reminders.js';

export const SETTINGS_KEY = 'settings';

/** The settings' schema version this release writes. */
export const SETTINGS_VERSION = 2;

/** @type {Readonly<Settings>} */
export const DEFAULT_SETTINGS = Object.freeze({ version: SETTINGS_VERSION, paused: false, engine: Object.freeze({}), sites: Object.freeze({}) });

/** The export file's marker and format version (the settings inside carry their own version). */
export const EXPORT_FORMAT = 'rapport-settings';
export const EXPORT_VERSION = 1;

/** Custom rule ids in the engine's rule switches and in reports: `custom.<id>`. */
export const CUSTOM_PREFIX = 'custom.';

/** @param {unknown} value @returns {value is Record<string, any>} */
export const isPlainObject = (value) =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
const HOSTNAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
const KEPT = ', kept and not used here';

/**
 * Migrations, in order: each takes the stored object of version `from` (a copy it may change)
 * and returns it at `from + 1`. Version 1 is the first release's (no `version` field).
 * @type {ReadonlyArray<{from: number, what: string, migrate: (stored: Record<string, any>) => Record<string, any>}>}
 */
export const MIGRATIONS = Object.freeze([
  {
    from: 1,
    what: 'a custom rule turned off from its card was rules["custom.<id>"] = false, which its own switch could not undo: it becomes the rule\'s own enabled: false, and switches of rules that no longer exist are dropped',
    migrate: (stored) => (isPlainObject(stored.engine) ? { ...stored, engine: foldCustomSwitches(stored.engine) } : stored),
  },
]);

/**
 * The engine config with every `rules["custom.<id>"]` switch folded into its custom rule's own
 * `enabled` and dropped; a switch whose rule is gone is dropped. Custom rules other than plain
 * objects are left as they are (the engine lists them).
 * @param {Record<string, any>} engine
 * @returns {Record<string, any>}
 */
export function foldCustomSwitches(engine) {
  if (!isPlainObject(engine.rules)) return engine;
  const rules = { ...engine.rules };
  const custom = Array.isArray(engine.custom_rules) ? engine.custom_rules.map((rule) => (isPlainObject(rule) ? { ...rule } : rule)) : null;
  for (const id of Object.keys(rules)) {
    if (!id.startsWith(CUSTOM_PREFIX)) continue;
    const rule = custom?.find((r) => isPlainObject(r) && r.id === id.slice(CUSTOM_PREFIX.length));
    if (rule && rules[id] === false) rule.enabled = false;
    else if (rule && rules[id] === true) delete rule.enabled;
    delete rules[id];
  }
  return { ...engine, rules, ...(custom ? { custom_rules: custom } : {}) };
}

/**
 * Reads whatever is stored (nothing, an older version's settings, a newer version's) into
 * complete settings: migrated to SETTINGS_VERSION, a bad field at its default, every field this
 * version does not know kept as it is. Never throws. `problems` lists what is not used, for the
 * options page; `version` is the version the settings were written with.
 * @param {unknown} stored
 * @returns {{settings: Settings, problems: Ignored[], version: number}}
 */
export function normalizeSettings(stored) {
  /** @type {Ignored[]} */
  const problems = [];
  const defaults = () => /** @type {Settings} */ ({ version: SETTINGS_VERSION, paused: false, engine: {}, sites: {} });
  if (stored === undefined || stored === null) return { settings: defaults(), problems, version: SETTINGS_VERSION };
  if (!isPlainObject(stored)) {
    problems.push({ path: 'settings', kind: 'invalid', reason: 'must be an object; using the defaults' });
    return { settings: defaults(), problems, version: SETTINGS_VERSION };
  }
  let version = 1;
  if ('version' in stored) {
    if (Number.isSafeInteger(stored.version) && stored.version >= 1) version = stored.version;
    else problems.push({ path: 'version', kind: 'invalid', reason: 'must be a whole number from 1; read as version 1' });
  }
  /** @type {Record<string, any>} */
  let migrated = structuredClone(stored);
  for (const step of MIGRATIONS) {
    if (step.from >= version && step.from < SETTINGS_VERSION) migrated = step.migrate(migrated);
  }
  const { version: _version, paused, engine, sites, reminders, ...others } = migrated;
  const settings = /** @type {Settings} */ ({ ...others, ...defaults(), version: Math.max(version, SETTINGS_VERSION) });
  if (paused !== undefined) {
    if (typeof paused === 'boolean') settings.paused = paused;
    else problems.push({ path: 'paused', kind: 'invalid', reason: 'must be true or false; using false' });
  }
  if (engine !== undefined) {
    if (isPlainObject(engine)) settings.engine = engine;
    else problems.push({ path: 'engine', kind: 'invalid', reason: 'must be an object; using the defaults' });
  }
  if (sites !== undefined) {
    if (isPlainObject(sites)) settings.sites = normalizeSites(sites, problems);
    else problems.push({ path: 'sites', kind: 'invalid', reason: 'must be an object; using none' });
  }
  if (reminders !== undefined) {
    const kept = normalizeReminders(reminders, problems);
    if (Object.keys(kept).length > 0) settings.reminders = kept;
  }
  for (const key of Object.keys(others)) problems.push({ path: key, kind: 'unknown', reason: `unknown setting${KEPT}` });
  return { settings, problems, version };
}

/** @param {Record<string, unknown>} sites @param {Ignored[]} problems */
function normalizeSites(sites, problems) {
  /** @type {Record<string, SiteSettings>} */
  const result = {};
  for (const [host, entry] of Object.entries(sites)) {
    const where = `sites[${JSON.stringify(host)}]`;
    if (!HOSTNAME.test(host)) {
      problems.push({ path: where, kind: 'invalid', reason: 'not a host name; dropped' });
      continue;
    }
    if (!isPlainObject(entry)) {
      problems.push({ path: where, kind: 'invalid', reason: 'must be an object; dropped' });
      continue;
    }
    /** @type {Record<string, unknown>} */
    const clean = {};
    for (const [key, value] of Object.entries(entry)) {
      if (key === 'enabled' || key === 'platform') {
        if (key === 'enabled' ? typeof value === 'boolean' : typeof value === 'string' && value.length <= 32) clean[key] = value;
        else problems.push({ path: `${where}.${key}`, kind: 'invalid', reason: key === 'enabled' ? 'must be true or false; dropped' : 'must be a platform id; dropped' });
      } else {
        // A newer version's field of a site: kept.
        clean[key] = value;
        problems.push({ path: `${where}.${key}`, kind: 'unknown', reason: `unknown site setting${KEPT}` });
      }
    }
    result[host] = clean;
  }
  return result;
}

/**
 * What the engine is given: the engine part alone. The schema version, the sites, the pause
 * and any other field the extension keeps for itself never reach it (it would list them as
 * unknown settings).
 * @param {Settings} settings
 * @returns {EngineConfig}
 */
export const engineConfigOf = (settings) => settings.engine;

/** @param {Settings} settings @param {boolean} paused @returns {Settings} */
export function withPaused(settings, paused) {
  return { ...settings, paused: Boolean(paused) };
}

/** Is Rapport on for `host`? Built-in sites default to on, other hosts to off. */
/** @param {Settings} settings @param {string} host @param {boolean} builtIn */
export function siteEnabled(settings, host, builtIn) {
  const enabled = settings.sites?.[host]?.enabled;
  return builtIn ? enabled !== false : enabled === true;
}

/** Merges `patch` into the host's entry; a key set to undefined is removed. */
/** @param {Settings} settings @param {string} host @param {SiteSettings} patch @returns {Settings} */
export function withSite(settings, host, patch) {
  /** @type {Record<string, unknown>} */
  const entry = { ...settings.sites?.[host], ...patch };
  for (const key of Object.keys(entry)) if (entry[key] === undefined) delete entry[key];
  return { ...settings, sites: { ...settings.sites, [host]: entry } };
}

/** @param {Settings} settings @param {string} host @returns {Settings} */
export function withoutSite(settings, host) {
  const { [host]: _removed, ...sites } = settings.sites ?? {};
  return { ...settings, sites };
}

/** @param {Settings} settings @param {EngineConfig} patch @returns {Settings} */
const withEngine = (settings, patch) => ({ ...settings, engine: { ...settings.engine, ...patch } });

/** Rule sets are on unless switched off. */
/** @param {Settings} settings @param {string} ruleSet */
export const ruleSetOn = (settings, ruleSet) => settings.engine?.rule_sets?.[ruleSet] !== false;

/** @param {Settings} settings @param {string} ruleSet @param {boolean} on @returns {Settings} */
export function withRuleSet(settings, ruleSet, on) {
  return withEngine(settings, { rule_sets: { ...settings.engine?.rule_sets, [ruleSet]: Boolean(on) } });
}

/**
 * Rules grouped by rule set for the options page: every rule set of `ruleSets` (lists.json's, in
 * order), then any other rule set a rule names, so a rule set the list does not know yet still shows.
 * @template {{rule_set: string}} R
 * @param {readonly R[]} rules
 * @param {readonly string[]} [ruleSets]
 * @returns {Map<string, R[]>}
 */
export function groupRules(rules, ruleSets = RULE_SETS) {
  /** @type {Map<string, R[]>} */
  const bySet = new Map(ruleSets.map((ruleSet) => [ruleSet, []]));
  for (const rule of rules) {
    const list = bySet.get(rule.rule_set);
    if (list) list.push(rule);
    else bySet.set(rule.rule_set, [rule]);
  }
  return bySet;
}

/** A rule's own switch: the stored value, else its default. (Its rule set can still switch it off.) */
/** @param {Settings} settings @param {{id: string, default_on: boolean}} rule */
export function ruleOn(settings, rule) {
  const stored = settings.engine?.rules?.[rule.id];
  return typeof stored === 'boolean' ? stored : rule.default_on;
}

/** Sets a rule's switch; back at its default, the entry is dropped so defaults can change later. */
/** @param {Settings} settings @param {{id: string, default_on: boolean}} rule @param {boolean} on @returns {Settings} */
export function withRule(settings, rule, on) {
  const rules = { ...settings.engine?.rules };
  if (Boolean(on) === rule.default_on) delete rules[rule.id];
  else rules[rule.id] = Boolean(on);
  return withEngine(settings, { rules });
}

/**
 * Turns one rule off by id (from a card, where only the id is known). A custom rule
 * (`custom.<id>`) is switched by its own `enabled`, which the options page shows and can undo.
 * @param {Settings} settings @param {string} id @returns {Settings}
 */
export function withRuleOff(settings, id) {
  if (id.startsWith(CUSTOM_PREFIX)) {
    const customId = id.slice(CUSTOM_PREFIX.length);
    const rules = settings.engine?.custom_rules ?? [];
    if (!rules.some((rule) => rule.id === customId)) return settings;
    return withEngine(settings, { custom_rules: rules.map((rule) => (rule.id === customId ? { ...rule, enabled: false } : rule)) });
  }
  return withEngine(settings, { rules: { ...settings.engine?.rules, [id]: false } });
}

/** @param {Settings} settings */
export const strictnessOf = (settings) => STRICTNESS.find((level) => level === settings.engine?.strictness) ?? 'medium';

/** @param {Settings} settings @param {import('../build/lists.js').Strictness} strictness @returns {Settings} */
export function withStrictness(settings, strictness) {
  return withEngine(settings, { strictness });
}

/** Replaces brands or acronyms; an empty list removes the field. */
/** @param {Settings} settings @param {EngineList} field @param {string[]} list @returns {Settings} */
export function withEngineList(settings, field, list) {
  const engine = { ...settings.engine };
  if (list.length === 0) delete engine[field];
  else engine[field] = list;
  return { ...settings, engine };
}

/**
 * Replaces the custom rules; an empty list removes the field. Rule switches of custom rules
 * (`rules["custom.<id>"]`, which only version 1 wrote) are folded into the rules that remain and
 * dropped, so deleting or renaming a rule never leaves a switch naming a rule that is gone.
 * @param {Settings} settings @param {CustomRule[]} list @returns {Settings}
 */
export function withCustomRules(settings, list) {
  const engine = /** @type {EngineConfig} */ (foldCustomSwitches({ ...settings.engine, custom_rules: list }));
  if (list.length === 0) delete engine.custom_rules;
  return { ...settings, engine };
}

/**
 * One entry a line: "Acme\nwell, actually\n\nACME Corp" → ["Acme", "well, actually", "ACME Corp"]
 * (trimmed, no blanks, no repeats). Commas are part of a phrase.
 * @param {string} text @returns {string[]}
 */
export function parseLines(text) {
  return [...new Set(text.split(/\r?\n/).map((item) => item.trim()).filter(Boolean))];
}

/**
 * Lines that look like a list written the old way, one line with commas between entries
 * ("Acme, Rapport, ACME Corp"): Rapport used to split at commas, and now keeps each line whole.
 * @param {string} text @returns {string[]}
 */
export const commaLines = (text) => parseLines(text).filter((line) => line.includes(','));

/** Each comma-separated part of every line on a line of its own. @param {string} text */
export const splitAtCommas = (text) => parseLines(text.replace(/,/g, '\n')).join('\n');

/** The export file's text. */
/** @param {Settings} settings */
export function exportSettings(settings) {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, settings }, null, 2)}\n`;
}

/**
 * Reads an export file: {settings, problems} (complete, migrated; `problems` lists what is kept
 * but not used here, from a newer version) or {error}, the reason the file is refused. A file
 * with an invalid setting is refused; the engine part is checked by the engine before saving.
 * @param {string} text
 * @returns {{settings: Settings, problems: Ignored[], error?: undefined} | {error: string, settings?: undefined, problems?: undefined}}
 */
export function parseImport(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: `not JSON (${/** @type {Error} */ (error).message})` };
  }
  if (!isPlainObject(data) || data.format !== EXPORT_FORMAT) {
    return { error: `not a Rapport settings file (no "format": "${EXPORT_FORMAT}")` };
  }
  if (data.version !== EXPORT_VERSION) return { error: `version ${JSON.stringify(data.version)} is not supported (expected ${EXPORT_VERSION})` };
  if (!isPlainObject(data.settings)) return { error: '"settings" must be an object' };
  const { settings, problems } = normalizeSettings(data.settings);
  const invalid = problems.find((problem) => problem.kind === 'invalid');
  if (invalid) return { error: `${invalid.path}: ${invalid.reason.replace(/; (dropped|using .*|read as .*)$/, '')}` };
  return { settings, problems };
}

/**
 * Where a setting's path points: "custom_rules[2].regex" → {field: "custom_rules", index: 2,
 * key: "regex"}; "brands[3]" → {field: "brands", index: 3, key: null}.
 * @param {string} path
 * @returns {{field: string, index: number | null, key: string | null}}
 */
export function pathLocation(path) {
  const match = /^([A-Za-z_]+)(?:\[(\d+)\])?(?:\.([A-Za-z_]+))?/.exec(path);
  if (!match) return { field: path, index: null, key: null };
  const [, field, index, key] = match;
  return { field, index: index === undefined ? null : Number(index), key: key ?? null };
}
