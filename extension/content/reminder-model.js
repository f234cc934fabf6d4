// @ts-check
// What a "before you post" reminder shows for a draft, if anything: the first kind (in
// REMINDER_KINDS' order, hostility first) that the draft has and whose scope covers its context,
// and the finding it is about. Pure; content/ui.js shows it when the user moves to post.

import { REMINDER_KINDS } from '../lib/reminders.js';
import { hintSpans, SEVERITIES, wordsOf } from './hint-model.js';

/**
 * @typedef {import('../lib/reminders.js').ReminderKind} ReminderKind
 * @typedef {import('../lib/reminders.js').Reminders} Reminders
 * @typedef {import('./hint-model.js').KeyedHint} KeyedHint
 * @typedef {{kind: ReminderKind, hint: KeyedHint}} Reminder
 */

/** @param {KeyedHint[]} hints  the most severe first, then in text order */
const mostSevereFirst = (hints) => [...hints].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));

/**
 * The finding of each kind a draft has, or undefined.
 * @type {Record<ReminderKind, (report: import('../lib/report.js').Report, hints: KeyedHint[]) => KeyedHint | undefined>}
 */
const FINDERS = {
  hostility: (_report, hints) => hints.find((hint) => hint.rule_set === 'aggression' && hint.severity === 'warning'),
  // The engine's shouting findings are suggestions; the verdict (a shouted post) is what makes
  // one worth a word before posting.
  shouting: (report, hints) => (report.verdicts.shouting ? mostSevereFirst(hints).find((hint) => hint.rule_set === 'shouting') : undefined),
  pitch: (report, hints) => (report.verdicts.pitch ? hints.find((hint) => hint.rule_set === 'pitch' && hint.severity === 'warning') : undefined),
  // Info level in the engine, counted for this kind anyway: a post that asks nothing rarely starts
  // a conversation. A reply need not ask; the engine gives this finding in posts only.
  no_question: (report, hints) => (report.context === 'post' ? hints.find((hint) => hint.rule === 'invites_reply.no_question') : undefined),
};

/**
 * The reminder for a draft, or null.
 * @param {import('../lib/report.js').Report | null} report
 * @param {KeyedHint[]} hints  the findings shown (rules muted for this post left out)
 * @param {Reminders} scopes  the user's setting (remindersOf)
 * @returns {Reminder | null}
 */
export function reminderFor(report, hints, scopes) {
  if (!report) return null;
  for (const kind of REMINDER_KINDS) {
    const scope = scopes[kind];
    if (scope === 'off' || (scope === 'replies' && report.context !== 'reply')) continue;
    const hint = FINDERS[kind](report, hints);
    if (hint) return { kind, hint };
  }
  return null;
}

/**
 * A short key for one version of a draft (FNV-1a over its UTF-16 units, with its length): the
 * reminder shows at most once per key.
 * @param {string} text
 */
export function draftKey(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length}:${hash.toString(16)}`;
}

/**
 * @typedef {{kind: ReminderKind, rule: string, key: string, title: string, words: string, review: string, dismiss: string}} ReminderModel
 */

/**
 * What the reminder says: its kind's title and the finding's words.
 * @param {Reminder} reminder
 * @param {string} text  the text the report was made for
 * @param {import('./views/dom.js').Translate} t
 * @returns {ReminderModel}
 */
export function reminderModel({ kind, hint }, text, t) {
  const { words, more } = wordsOf(text, hintSpans(hint), 3);
  const quoted = words.map((word) => `“${word}”`).join(', ');
  return {
    kind,
    rule: hint.rule,
    key: hint.key,
    title: t(`reminder_${kind}`),
    words: more > 0 ? t('reminderWordsMore', [quoted, String(more)]) : quoted,
    review: t('reminderReview'),
    dismiss: t('reminderPostAsIs'),
  };
}
