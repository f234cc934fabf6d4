// @ts-check
// "Before you post" reminders: their kinds, and the one setting (a scope per kind) as stored in
// storage.sync under settings.reminders. Pure, no browser APIs. What a draft's report reminds of
// is content/reminder-model.js.
//
// settings.reminders is optional: a kind it does not name has its default, so an older or newer
// settings object reads the same (the stored object names only what the user changed).

/**
 * hostility   a warning finding of rule set `aggression`
 * shouting    a `shouting` finding with the shouting verdict
 * pitch       the pitch verdict with a warning `pitch` finding (a hard sell)
 * no_question `invites_reply.no_question` in a post (the engine's severity is info; counted anyway)
 * In this order: the first kind a draft has is the one shown.
 * @typedef {'hostility' | 'shouting' | 'pitch' | 'no_question'} ReminderKind
 * @typedef {'off' | 'replies' | 'all'} ReminderScope  off; replies only; replies and posts alike
 * @typedef {Record<ReminderKind, ReminderScope>} Reminders
 */

/** @type {readonly ReminderKind[]} */
export const REMINDER_KINDS = Object.freeze(['hostility', 'shouting', 'pitch', 'no_question']);

/** @type {Readonly<Reminders>} */
export const DEFAULT_REMINDERS = Object.freeze({ hostility: 'replies', shouting: 'off', pitch: 'off', no_question: 'off' });

/**
 * The scopes each kind offers: "asks nothing" only ever fires in a post (a reply need not ask), so
 * "replies only" would never show it.
 * @type {Readonly<Record<ReminderKind, readonly ReminderScope[]>>}
 */
export const REMINDER_SCOPES = Object.freeze({
  hostility: ['off', 'replies', 'all'],
  shouting: ['off', 'replies', 'all'],
  pitch: ['off', 'replies', 'all'],
  no_question: ['off', 'all'],
});

/** @param {unknown} value @returns {value is Record<string, unknown>} */
const isPlainObject = (value) => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * The stored setting, cleaned: a known kind with a scope it allows is kept; a kind this version
 * does not know (a newer version's) is kept as it is and listed as not used; an invalid scope
 * is dropped (its default applies) and listed.
 * @param {unknown} stored
 * @param {import('./settings.js').Ignored[]} problems
 * @returns {Partial<Reminders>}
 */
export function normalizeReminders(stored, problems) {
  /** @type {Record<string, unknown>} */
  const clean = {};
  if (!isPlainObject(stored)) {
    problems.push({ path: 'reminders', kind: 'invalid', reason: 'must be an object; using the defaults' });
    return clean;
  }
  for (const [kind, scope] of Object.entries(stored)) {
    const scopes = REMINDER_SCOPES[/** @type {ReminderKind} */ (kind)];
    if (!scopes) {
      clean[kind] = scope;
      problems.push({ path: `reminders.${kind}`, kind: 'unknown', reason: 'unknown reminder, kept and not used here' });
    } else if (scopes.includes(/** @type {ReminderScope} */ (scope))) clean[kind] = scope;
    else problems.push({ path: `reminders.${kind}`, kind: 'invalid', reason: `must be one of ${scopes.join(', ')}; using the default` });
  }
  return /** @type {Partial<Reminders>} */ (clean);
}

/**
 * Every kind's scope: the stored one, else its default. The one way the extension reads the setting.
 * @param {{reminders?: Partial<Reminders>}} settings
 * @returns {Reminders}
 */
export const remindersOf = (settings) => ({ ...DEFAULT_REMINDERS, ...settings.reminders });

/**
 * Sets one kind's scope; back at its default, the entry is dropped (defaults can change later).
 * @template {{reminders?: Partial<Reminders>}} S
 * @param {S} settings @param {ReminderKind} kind @param {ReminderScope} scope
 * @returns {S}
 */
export function withReminder(settings, kind, scope) {
  const reminders = { ...settings.reminders };
  if (scope === DEFAULT_REMINDERS[kind]) delete reminders[kind];
  else reminders[kind] = scope;
  const { reminders: _old, ...rest } = settings;
  return /** @type {S} */ (Object.keys(reminders).length === 0 ? rest : { ...rest, reminders });
}
