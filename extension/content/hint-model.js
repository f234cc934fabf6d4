// @ts-check
// Hints as the overlay shows them: filtered (rules muted for this post), ordered, keyed, moved
// along with edits made since the report, and grouped for the panel. Pure.

import { RULE_SETS, SEVERITIES as MILDEST_FIRST } from '../build/lists.js';

/**
 * @typedef {import('../lib/report.js').Report} Report
 * @typedef {import('../lib/report.js').Hint} Hint
 * @typedef {import('../lib/report.js').Span} Span
 * @typedef {Hint & {key: string}} KeyedHint  a hint as shown, with its stable key (rule@start-end)
 * @typedef {{key: 'tone' | 'focus' | 'reply' | 'length', value: string, over?: boolean}} PanelRow
 * @typedef {object} PanelModel
 * @property {number} score
 * @property {PanelRow[]} rows
 * @property {Array<{factor: string, points: number, why: string}>} breakdown  the non-zero lines
 * @property {Array<{ruleSet: string, hints: Array<KeyedHint & {quote: string}>}>} groups  in panel order
 */

/** Most severe first (lists.json lists them mildest first). @type {readonly import('../build/lists.js').Severity[]} */
export const SEVERITIES = [...MILDEST_FIRST].reverse();
/**
 * Panel order: what most affects whether the post starts a conversation first; rule sets this
 * list does not name follow in lists.json's order (a test checks it names them all today).
 */
/** @type {readonly string[]} */
const PANEL_FIRST = ['aggression', 'invites_reply', 'pitch', 'self_focus', 'tone', 'shouting', 'figures', 'platform', 'custom'];
export const RULE_SET_ORDER = [...PANEL_FIRST, ...RULE_SETS.filter((ruleSet) => !PANEL_FIRST.includes(ruleSet))];

const QUOTE_MAX = 48;

/** @param {Hint} hint */
export const hintKey = (hint) => `${hint.rule}@${hint.span.start}-${hint.span.end}`;

/**
 * The words a hint underlines, its primary span first. One span today; a finding will add the
 * related ones here, and the layout underlines them all.
 * @param {Hint} hint
 * @returns {Span[]}
 */
export const hintSpans = (hint) => [hint.span];

/**
 * The hints to show: not muted for this post, ordered by position (then severity), each with a
 * stable key. `muted` is a Set of rule ids.
 * @param {Report | null} report
 * @param {Set<string>} [muted]
 * @returns {KeyedHint[]}
 */
export function visibleHints(report, muted = new Set()) {
  return (report?.hints ?? [])
    .filter((hint) => !muted.has(hint.rule))
    .map((hint) => ({ ...hint, key: hintKey(hint) }))
    .sort((a, b) => a.span.start - b.span.start || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.span.end - b.span.end);
}

/**
 * Moves spans computed on `oldText` onto `newText` (the text now in the editor, which may be a few
 * keystrokes ahead of the report): spans before the edit stay, spans after it shift, spans the
 * edit touches are dropped until the next report. Returns a function span → span | null.
 */
/**
 * @param {string} oldText @param {string} newText
 * @returns {(span: Span) => Span | null}
 */
export function rebaser(oldText, newText) {
  if (oldText === newText) return (span) => span;
  const max = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix++;
  }
  const editEnd = oldText.length - suffix; // the edit replaced oldText[prefix, editEnd)
  const delta = newText.length - oldText.length;
  return (span) => {
    if (span.end <= prefix) return span;
    if (span.start >= editEnd) return { start: span.start + delta, end: span.end + delta };
    return null;
  };
}

/** The words a hint is about, for the panel ("“Buy now”"), shortened in the middle if long. */
/** @param {string} text @param {Span} span */
export function quoteOf(text, span) {
  const words = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  if (words.length <= QUOTE_MAX) return words;
  const half = Math.floor((QUOTE_MAX - 1) / 2);
  return `${words.slice(0, half).trimEnd()}…${words.slice(-half).trimStart()}`;
}

/**
 * The panel's content.
 * @param {Report} report
 * @param {KeyedHint[]} hints  the visible hints
 * @param {string} text  the text the report was made for
 * @returns {PanelModel}
 */
export function panelModel(report, hints, text) {
  /** @type {Map<string, Array<KeyedHint & {quote: string}>>} */
  const groups = new Map();
  for (const hint of hints) {
    if (!groups.has(hint.rule_set)) groups.set(hint.rule_set, []);
    groups.get(hint.rule_set)?.push({ ...hint, quote: quoteOf(text, hint.span) });
  }
  const order = (/** @type {string} */ ruleSet) => {
    const index = RULE_SET_ORDER.indexOf(ruleSet);
    return index === -1 ? RULE_SET_ORDER.length : index;
  };
  const { counter, verdicts, signals } = report;
  /** @type {PanelRow[]} */
  const rows = [
    { key: 'tone', value: verdicts.sentiment.label },
    { key: 'focus', value: verdicts.self_focused ? 'self' : signals?.self_focus?.you > 0 ? 'reader' : 'balanced' },
    { key: 'reply', value: verdicts.invites_reply ? 'yes' : 'no' },
    { key: 'length', value: counter.limit === null ? String(counter.used) : `${counter.used}/${counter.limit}`, over: counter.over },
  ];
  return {
    score: Math.round(report.score.value),
    rows,
    breakdown: (report.score.breakdown ?? []).filter((item) => item.points !== 0),
    groups: [...groups.entries()]
      .sort(([a], [b]) => order(a) - order(b))
      .map(([ruleSet, list]) => ({ ruleSet, hints: list })),
  };
}

/**
 * Severity counts, most severe first, zero counts left out: [["warning", 2], ["info", 1]].
 * @param {Hint[]} hints
 */
export function severityCounts(hints) {
  return SEVERITIES.map((severity) => /** @type {[string, number]} */ ([severity, hints.filter((hint) => hint.severity === severity).length])).filter(
    ([, count]) => count > 0,
  );
}
