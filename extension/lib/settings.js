// @ts-check
// User settings as stored in storage.sync under SETTINGS_KEY. Pure, no browser APIs.
//
// {paused: boolean, engine: object, sites: {[hostname]: {enabled?: boolean, platform?: string}}}
//   paused  global pause from the popup: no analysis, no chips
//   engine  passed as is to the wasm Engine (`new Engine(config)` / `set_config`),
//           which validates it and names any bad field
//   sites   per-site switches: a built-in site is on unless `enabled: false`; any other host
//           (a Mastodon instance, a site the user enabled) is on only with `enabled: true`;
//           `platform` picks the counter for a user-enabled host
//   reminders  optional: the "before you post" reminder's scope per kind (lib/reminders.js; read
//           through remindersOf, which fills in the defaults)

/**
 * @typedef {object} Settings
 * @property {boolean} paused
 * @property {EngineConfig} engine
 * @property {Record<string, SiteSettings>} sites  by host name
 * @property {Partial<import('./reminders.js').Reminders>} [reminders]  only the kinds changed from their default
 * @typedef {{enabled?: boolean, platform?: string}} SiteSettings
 * @typedef {object} EngineConfig  src/config.rs's settings; the engine checks them (validate_config)
 * @property {Record<string, boolean>} [rule_sets]  rule set id → on
 * @property {Record<string, boolean>} [rules]  rule id → on, where it differs from the default
 * @property {import('../build/lists.js').Strictness} [strictness]
 * @property {string[]} [brands]
 * @property {string[]} [acronyms]
 * @property {CustomRule[]} [custom_rules]
 * @property {number} [mastodon_limit]
 * @typedef {{id: string, phrases?: string[], regex?: string, message: string, why?: string,
 *            severity?: import('../build/lists.js').Severity, enabled?: boolean}} CustomRule
 * @typedef {'brands' | 'acronyms' | 'custom_rules'} EngineList
 */

export const SETTINGS_KEY = 'settings';

/** @type {Readonly<Settings>} */
export const DEFAULT_SETTINGS = Object.freeze({ paused: false, engine: Object.freeze({}), sites: Object.freeze({}) });

/** storage.sync refuses an item larger than this (QUOTA_BYTES_PER_ITEM, key included). */
export const SYNC_ITEM_LIMIT = 8192;

/** The export file's marker and format version. */
export const EXPORT_FORMAT = 'rapport-settings';
export const EXPORT_VERSION = 1;

import { RULE_SETS, STRICTNESS } from '../build/lists.js';
import { normalizeReminders } from './reminders.js';

/** @param {unknown} value @returns {value is Record<string, any>} */
const isPlainObject = (value) =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
const HOSTNAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

/**
 * Reads whatever is stored (possibly nothing, possibly from an older or newer version) into a
 * complete settings object. Never throws: a bad field falls back to its default and is reported
 * in `problems` so the caller can log it.
 */
/**
 * @param {unknown} stored
 * @returns {{settings: Settings, problems: string[]}}
 */
export function normalizeSettings(stored) {
  /** @type {string[]} */
  const problems = [];
  /** @type {Settings} */
  const settings = { paused: DEFAULT_SETTINGS.paused, engine: {}, sites: {} };
  if (stored === undefined || stored === null) return { settings, problems };
  if (!isPlainObject(stored)) {
    problems.push('settings must be an object; using defaults');
    return { settings, problems };
  }
  if ('paused' in stored) {
    if (typeof stored.paused === 'boolean') settings.paused = stored.paused;
    else problems.push('settings.paused must be true or false; using false');
  }
  if ('engine' in stored) {
    if (isPlainObject(stored.engine)) settings.engine = structuredClone(stored.engine);
    else problems.push('settings.engine must be an object; using {}');
  }
  if ('sites' in stored) {
    if (isPlainObject(stored.sites)) settings.sites = normalizeSites(stored.sites, problems);
    else problems.push('settings.sites must be an object; using {}');
  }
  if ('reminders' in stored) {
    const reminders = normalizeReminders(stored.reminders, problems);
    if (Object.keys(reminders).length > 0) settings.reminders = reminders;
  }
  for (const key of Object.keys(stored)) {
    if (!(key in DEFAULT_SETTINGS) && key !== 'reminders') problems.push(`settings.${key} is unknown; ignored`);
  }
  return { settings, problems };
}

/** @param {Record<string, unknown>} sites @param {string[]} problems */
function normalizeSites(sites, problems) {
  /** @type {Record<string, SiteSettings>} */
  const result = {};
  for (const [host, entry] of Object.entries(sites)) {
    const where = `settings.sites[${JSON.stringify(host)}]`;
    if (!HOSTNAME.test(host)) {
      problems.push(`${where}: not a host name; ignored`);
      continue;
    }
    if (!isPlainObject(entry)) {
      problems.push(`${where} must be an object; ignored`);
      continue;
    }
    /** @type {SiteSettings} */
    const clean = {};
    for (const [key, value] of Object.entries(entry)) {
      if (key === 'enabled' && typeof value === 'boolean') clean.enabled = value;
      else if (key === 'platform' && typeof value === 'string' && value.length <= 32) clean.platform = value;
      else problems.push(`${where}.${key} is not valid; ignored`);
    }
    result[host] = clean;
  }
  return result;
}

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

/** Merges `patch` into the host's entry. */
/** @param {Settings} settings @param {string} host @param {SiteSettings} patch @returns {Settings} */
export function withSite(settings, host, patch) {
  return { ...settings, sites: { ...settings.sites, [host]: { ...settings.sites?.[host], ...patch } } };
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

/** Turns one rule off by id (from a card, where only the id is known). */
/** @param {Settings} settings @param {string} id @returns {Settings} */
export function withRuleOff(settings, id) {
  return withEngine(settings, { rules: { ...settings.engine?.rules, [id]: false } });
}

/** @param {Settings} settings */
export const strictnessOf = (settings) => STRICTNESS.find((level) => level === settings.engine?.strictness) ?? 'medium';

/** @param {Settings} settings @param {import('../build/lists.js').Strictness} strictness @returns {Settings} */
export function withStrictness(settings, strictness) {
  return withEngine(settings, { strictness });
}

/** Replaces engine fields (brands, acronyms, custom_rules); an empty list removes the field. */
/** @param {Settings} settings @param {EngineList} field @param {any[]} list @returns {Settings} */
export function withEngineList(settings, field, list) {
  const engine = { ...settings.engine };
  if (list.length === 0) delete engine[field];
  else engine[field] = list;
  return { ...settings, engine };
}

/** "Acme, Rapport\nACME Corp" → ["Acme", "Rapport", "ACME Corp"] (trimmed, no blanks, no repeats). */
/** @param {string} text @returns {string[]} */
export function parseList(text) {
  return [...new Set(text.split(/[,\n]/).map((item) => item.trim()).filter(Boolean))];
}

/** Bytes the settings take in storage.sync (key + JSON, UTF-8). */
/** @param {Settings} settings */
export function storedSize(settings) {
  return new TextEncoder().encode(SETTINGS_KEY + JSON.stringify(settings)).length;
}

/** The export file's text. */
/** @param {Settings} settings */
export function exportSettings(settings) {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, settings }, null, 2)}\n`;
}

/**
 * Reads an export file. Returns {settings} (complete, normalised) or {error} with the reason the
 * file is refused. The engine part is checked by the engine itself (validate_config) before saving.
 */
/**
 * @param {string} text
 * @returns {{settings: Settings, error?: undefined} | {error: string, settings?: undefined}}
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
  if (problems.length > 0) return { error: problems[0].replace(/; (ignored|using .*)$/, '') };
  if (storedSize(settings) > SYNC_ITEM_LIMIT) {
    return { error: `too large for browser sync storage (${storedSize(settings)} bytes; the limit is ${SYNC_ITEM_LIMIT})` };
  }
  return { settings };
}

/**
 * Where an engine config error points: "invalid settings at `custom_rules[2].regex`: …" →
 * {path: "custom_rules[2].regex", field: "custom_rules", index: 2, key: "regex", reason: "…"}. Null when the
 * message names no field.
 */
/**
 * @param {unknown} message
 * @returns {{reason: string, path: string, field: string, index: number | null, key: string | null} | null}
 */
export function errorLocation(message) {
  const match = /`([a-z_]+)(?:\[(\d+)\])?(?:\.([a-z_]+))?[^`]*`/.exec(String(message));
  if (!match) return null;
  const [, field, index, key] = match;
  const reason = String(message).replace(/^invalid settings at `[^`]*`: /, '');
  return { reason, path: match[1] + (index === undefined ? '' : `[${index}]`) + (key ? `.${key}` : ''), field, index: index === undefined ? null : Number(index), key: key ?? null };
}
