// @ts-check
// How the settings lie in storage.sync, and what a write may take. Pure, no browser APIs.
//
// Items (from settings version 2):
//   "settings"         the settings without the custom rules, with `custom_rule_items`: how many
//                      items hold the custom rules (absent when there are none)
//   "custom_rules.<n>" the custom rules, n = 0, 1, …: whole rules, as many as fit in an item
// Version 1 kept the custom rules in "settings" (engine.custom_rules): read as such, and moved
// to their own items by the next write. storage.sync refuses an item over 8,192 bytes, so one
// item held about 20 custom rules; split, they may use the area's 102,400 bytes.
//
// Sizes are counted as Chromium counts them (extensions/browser/api/storage/
// settings_storage_quota_enforcer.cc): the key's bytes plus the value as base::JSONWriter
// writes it, which escapes `<` as \u003C and U+2028/U+2029 as \u2028/\u2029 (6 bytes each, not
// 1 or 3) and writes every other character as UTF-8. Firefox counts key + JSON.stringify; the
// one place that is larger (a lone surrogate, \udXXX, where Chromium writes U+FFFD) is counted
// as Firefox does, so a write that passes here passes in both.

import { isPlainObject, SETTINGS_KEY, SETTINGS_VERSION } from './settings.js';

/** storage.sync's limits (the same numbers in Chrome and Firefox). */
export const SYNC_LIMITS = Object.freeze({
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
});
/** @typedef {typeof SYNC_LIMITS} SyncLimits */

export const CUSTOM_RULES_PREFIX = 'custom_rules.';
/** The settings item's field saying how many items hold the custom rules. */
export const CUSTOM_RULE_ITEMS = 'custom_rule_items';

/** A write storage.sync would refuse, or did: its message is for the user. */
export class SettingsWriteError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'SettingsWriteError';
  }
}

/** UTF-8 bytes of one code point. @param {number} code */
const utf8Length = (code) => (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);

/** @param {string} text */
function stringLength(text) {
  let bytes = 2; // the quotes
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
        continue;
      }
    }
    if (unit >= 0xd800 && unit <= 0xdfff) bytes += 6; // a lone surrogate: \udXXX in Firefox
    else if (unit === 0x22 || unit === 0x5c || unit === 0x08 || unit === 0x0c || unit === 0x0a || unit === 0x0d || unit === 0x09) bytes += 2;
    else if (unit < 0x20 || unit === 0x3c || unit === 0x2028 || unit === 0x2029) bytes += 6; // \u00XX, \u003C, \u2028, \u2029
    else bytes += utf8Length(unit);
  }
  return bytes;
}

/** base::JSONWriter: an int (a JS number V8 holds as int32) plainly, a double with ".0" if it has no point. @param {number} value */
function numberLength(value) {
  if (!Number.isFinite(value)) return 4; // null
  const text = String(value);
  if ((value | 0) === value && !Object.is(value, -0)) return text.length;
  return text.length + (/[.eE]/.test(text) ? 0 : 2);
}

/**
 * Bytes of `value` as Chromium's JSON writer writes it (see the top of this file).
 * @param {unknown} value
 * @returns {number}
 */
export function jsonBytes(value) {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'boolean':
      return value ? 4 : 5;
    case 'number':
      return numberLength(value);
    case 'string':
      return stringLength(value);
    case 'object': {
      if (Array.isArray(value)) {
        return 2 + Math.max(0, value.length - 1) + value.reduce((sum, item) => sum + jsonBytes(item), 0);
      }
      const entries = Object.entries(/** @type {Record<string, unknown>} */ (value)).filter(([, item]) => item !== undefined && typeof item !== 'function');
      return 2 + Math.max(0, entries.length - 1) + entries.reduce((sum, [key, item]) => sum + stringLength(key) + 1 + jsonBytes(item), 0);
    }
    default:
      return 4;
  }
}

/** Bytes an item takes in storage.sync: its key (UTF-8) and its value's JSON. @param {string} key @param {unknown} value */
export const itemBytes = (key, value) => new TextEncoder().encode(key).length + jsonBytes(value);

/** @param {number} n */
const figure = (n) => n.toLocaleString('en-US');

/**
 * The stored settings from every item of the area (storage.sync.get(null)): the custom rules
 * joined back into `engine.custom_rules`. `problems` names items that have not arrived.
 * @param {Record<string, unknown>} items
 * @returns {{stored: unknown, problems: import('./settings.js').Ignored[]}}
 */
export function joinItems(items) {
  /** @type {import('./settings.js').Ignored[]} */
  const problems = [];
  const raw = items[SETTINGS_KEY];
  if (!isPlainObject(raw)) return { stored: raw, problems };
  // Version 1 (no version) kept the custom rules inside; the settings item says which layout.
  if (!(Number.isSafeInteger(raw.version) && raw.version >= 2)) return { stored: raw, problems };
  const { [CUSTOM_RULE_ITEMS]: count, ...stored } = raw;
  if (count === undefined) return { stored, problems };
  if (!Number.isSafeInteger(count) || count < 0) {
    problems.push({ path: CUSTOM_RULE_ITEMS, kind: 'invalid', reason: 'must be a whole number; the custom rules are not read' });
    return { stored, problems };
  }
  /** @type {unknown[]} */
  const rules = [];
  for (let index = 0; index < count; index += 1) {
    const part = items[`${CUSTOM_RULES_PREFIX}${index}`];
    if (Array.isArray(part)) rules.push(...part);
    else problems.push({ path: `${CUSTOM_RULES_PREFIX}${index}`, kind: 'invalid', reason: `part ${index + 1} of ${count} of the custom rules has not arrived from browser sync; the rules in it are not used until it does` });
  }
  const engine = isPlainObject(stored.engine) ? stored.engine : {};
  return { stored: { ...stored, engine: { ...engine, custom_rules: rules } }, problems };
}

/**
 * The items that hold `settings`: the settings item and as few custom-rule items as hold the
 * rules in order. Throws SettingsWriteError when one rule alone is larger than an item.
 * @param {import('./settings.js').Settings} settings
 * @param {SyncLimits} [limits]
 * @returns {Record<string, unknown>}
 */
export function splitSettings(settings, limits = SYNC_LIMITS) {
  const { custom_rules: rules = [], ...engine } = settings.engine ?? {};
  /** @type {unknown[][]} */
  const parts = [];
  let part = /** @type {unknown[]} */ ([]);
  let bytes = 0;
  for (const rule of rules) {
    const key = `${CUSTOM_RULES_PREFIX}${parts.length}`;
    const size = jsonBytes(rule);
    const alone = itemBytes(key, [rule]);
    if (alone > limits.QUOTA_BYTES_PER_ITEM) {
      const name = isPlainObject(rule) && typeof rule.id === 'string' ? `"${rule.id}"` : `number ${rules.indexOf(rule) + 1}`;
      throw new SettingsWriteError(`custom rule ${name} is too large for browser sync (${figure(alone)} bytes; one rule may take ${figure(limits.QUOTA_BYTES_PER_ITEM)})`);
    }
    // The item's size with this rule: key + brackets + the rules so far, a comma each.
    if (part.length > 0 && itemBytes(key, []) + bytes + part.length + size > limits.QUOTA_BYTES_PER_ITEM) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(rule);
    bytes += size;
  }
  if (part.length > 0) parts.push(part);
  /** @type {Record<string, unknown>} */
  const item = { ...settings, version: Math.max(settings.version ?? SETTINGS_VERSION, SETTINGS_VERSION), engine };
  if (parts.length > 0) item[CUSTOM_RULE_ITEMS] = parts.length;
  return Object.fromEntries([[SETTINGS_KEY, item], ...parts.map((rulesPart, index) => [`${CUSTOM_RULES_PREFIX}${index}`, rulesPart])]);
}

/** @param {unknown} a @param {unknown} b */
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What to write to go from the stored `items` to `settings`: the items that change and the
 * custom-rule items no longer used. Throws SettingsWriteError, naming the size and the limit,
 * when storage.sync would refuse the result.
 * @param {Record<string, unknown>} items  everything in the area now (storage.sync.get(null))
 * @param {import('./settings.js').Settings} settings
 * @param {SyncLimits} [limits]
 * @returns {{set: Record<string, unknown>, remove: string[], bytes: number}}
 */
export function planWrite(items, settings, limits = SYNC_LIMITS) {
  const next = splitSettings(settings, limits);
  const remove = Object.keys(items).filter((key) => key.startsWith(CUSTOM_RULES_PREFIX) && !(key in next)).sort();
  const set = Object.fromEntries(Object.entries(next).filter(([key, value]) => !(key in items) || !same(items[key], value)));
  const settingsBytes = itemBytes(SETTINGS_KEY, next[SETTINGS_KEY]);
  if (settingsBytes > limits.QUOTA_BYTES_PER_ITEM) {
    throw new SettingsWriteError(`too large for browser sync: the settings without the custom rules take ${figure(settingsBytes)} bytes, and one item may take ${figure(limits.QUOTA_BYTES_PER_ITEM)} (long lists of brand names or capitals?)`);
  }
  const after = { ...items, ...next };
  for (const key of remove) delete after[key];
  const keys = Object.keys(after);
  if (keys.length > limits.MAX_ITEMS) throw new SettingsWriteError(`too many items for browser sync (${keys.length}; the limit is ${limits.MAX_ITEMS})`);
  const bytes = keys.reduce((sum, key) => sum + itemBytes(key, after[key]), 0);
  if (bytes > limits.QUOTA_BYTES) {
    throw new SettingsWriteError(`too large for browser sync: the settings would take ${figure(bytes)} bytes, and all of Rapport's may take ${figure(limits.QUOTA_BYTES)}`);
  }
  return { set, remove, bytes };
}

/**
 * A storage error as the user reads it: what the browser refused, in words, with its own
 * message kept for reference.
 * @param {unknown} error
 * @returns {string}
 */
export function describeStorageError(error) {
  const message = error instanceof Error ? error.message : String(error);
  // Chromium says "Resource::kQuotaBytesPerItem quota exceeded" (older: "QUOTA_BYTES_PER_ITEM …").
  if (/MAX_WRITE_OPERATIONS_PER_(MINUTE|HOUR)|kMaxWriteOperationsPer(Minute|Hour)/.test(message)) return `too many changes in a short time for browser sync; wait a minute and try again (${message})`;
  if (/QUOTA_BYTES_PER_ITEM|kQuotaBytesPerItem/.test(message)) return `too large for one browser sync item (${message})`;
  if (/quota|MAX_ITEMS|kMaxItems/i.test(message)) return `browser sync storage is full (${message})`;
  return message;
}
