// @ts-check
// Findings as the overlay shows them: filtered (rules muted for this post), ordered, keyed, one
// per finding, every span of each moved along with edits made since the report, grouped for the
// panel with the words they are about, and their fixes planned for the editor. Pure.

import { RULE_SETS, SEVERITIES as MILDEST_FIRST } from '../build/lists.js';

/**
 * @typedef {import('../lib/report.js').Report} Report
 * @typedef {import('../lib/report.js').Hint} Hint
 * @typedef {import('../lib/report.js').Span} Span
 * @typedef {import('../lib/report.js').ScoreFactor} ScoreFactor
 * @typedef {Hint & {key: string}} KeyedHint  a finding as shown, with its stable key (rule@start-end of its primary span)
 * @typedef {{key: 'tone' | 'focus' | 'reply' | 'length', value: string, over?: boolean}} PanelRow
 * @typedef {{words: string[], more: number, places: number}} Words
 *   the distinct words of some spans as quoted (at most WORDS_MAX), how many distinct ones are
 *   left out, and the number of places
 * @typedef {ScoreFactor & Words} PanelFactor  a score line with its words
 * @typedef {object} PanelModel
 * @property {number} score
 * @property {PanelRow[]} rows
 * @property {PanelFactor[]} breakdown  the non-zero lines
 * @property {Array<{ruleSet: string, hints: Array<KeyedHint & Words & {quote: string}>}>} groups  in panel order, one entry per finding
 * @typedef {{start: number, end: number, text: string}} Edit  a replacement of [start, end) of the current text
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
/** Distinct words a card, a panel entry or a score line quotes before "and N more". */
export const WORDS_MAX = 5;

/** @param {Hint} hint */
export const hintKey = (hint) => `${hint.rule}@${hint.span.start}-${hint.span.end}`;

/**
 * Every span of a finding: the primary one first, then the related ones in text order. Each is
 * underlined, and all of them belong to the one card.
 * @param {Hint} hint
 * @returns {Span[]}
 */
export const hintSpans = (hint) => [hint.span, ...(hint.related ?? [])];

/**
 * The findings to show: not muted for this post, one per key (a repeated finding is shown once),
 * ordered by the position of their primary span (then severity), each with a stable key. `muted`
 * is a Set of rule ids.
 * @param {Report | null} report
 * @param {Set<string>} [muted]
 * @returns {KeyedHint[]}
 */
export function visibleHints(report, muted = new Set()) {
  /** @type {Map<string, KeyedHint>} */
  const byKey = new Map();
  for (const hint of report?.hints ?? []) {
    if (muted.has(hint.rule)) continue;
    const key = hintKey(hint);
    if (!byKey.has(key)) byKey.set(key, { ...hint, related: hint.related ?? [], fixes: hint.fixes ?? [], key });
  }
  return [...byKey.values()].sort(
    (a, b) => a.span.start - b.span.start || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.span.end - b.span.end,
  );
}

/**
 * A finding's spans moved onto the current text (see `rebaser`): the ones an edit touched are
 * left out, and so are empty ones. The primary span stays first when it survives.
 * @param {Hint} hint @param {(span: Span) => Span | null} rebase
 * @returns {Span[]}
 */
export const rebasedSpans = (hint, rebase) =>
  /** @type {Span[]} */ (hintSpans(hint).map(rebase).filter((span) => span !== null && span.end > span.start));

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
 * The words of `spans` as a card or the panel quotes them: distinct regardless of case (the
 * first spelling kept; spaces collapsed), in text order, at most `max`, with the count of those left out and the number of places.
 * @param {string} text @param {Span[]} spans @param {number} [max]
 * @returns {Words}
 */
export function wordsOf(text, spans, max = WORDS_MAX) {
  /** @type {Map<string, string>} lower case → the first spelling */
  const seen = new Map();
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const word = quoteOf(text, span);
    if (word !== '' && !seen.has(word.toLowerCase())) seen.set(word.toLowerCase(), word);
  }
  const distinct = [...seen.values()];
  return { words: distinct.slice(0, max), more: Math.max(0, distinct.length - max), places: spans.length };
}

/**
 * The replacements that apply a finding's fixes to the current text, in the order to apply them:
 * the last span first, so the offsets of the earlier ones stay valid. Null when there is nothing
 * to apply, when an edit since the report touched the words of any fix (all or nothing), or when
 * two fixes overlap.
 * @param {Hint} hint  from the report of `reportText`
 * @param {string} reportText @param {string} text  the text now in the editor
 * @returns {Edit[] | null}
 */
export function fixPlan(hint, reportText, text) {
  const fixes = hint.fixes ?? [];
  if (fixes.length === 0) return null;
  const rebase = rebaser(reportText, text);
  /** @type {Edit[]} */
  const edits = [];
  for (const fix of fixes) {
    const span = rebase(fix.span);
    if (!span || text.slice(span.start, span.end) !== reportText.slice(fix.span.start, fix.span.end)) return null;
    edits.push({ start: span.start, end: span.end, text: fix.text });
  }
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < edits.length; i++) if (edits[i].end > edits[i - 1].start) return null;
  return edits;
}

/**
 * Where an offset of the text before `edits` (a plan from fixPlan) is after them: moved by the
 * edits before it; inside a replaced span, at the end of its replacement.
 * @param {number} offset @param {Edit[]} edits
 */
export function offsetAfter(offset, edits) {
  let moved = offset;
  for (const edit of edits) {
    if (offset >= edit.end) moved += edit.text.length - (edit.end - edit.start);
    else if (offset > edit.start) moved += edit.start + edit.text.length - offset;
  }
  return moved;
}

/**
 * The panel's content.
 * @param {Report} report
 * @param {KeyedHint[]} hints  the visible hints
 * @param {string} text  the text the report was made for
 * @returns {PanelModel}
 */
export function panelModel(report, hints, text) {
  /** @type {Map<string, Array<KeyedHint & Words & {quote: string}>>} */
  const groups = new Map();
  for (const hint of hints) {
    if (!groups.has(hint.rule_set)) groups.set(hint.rule_set, []);
    groups.get(hint.rule_set)?.push({ ...hint, ...wordsOf(text, hintSpans(hint)), quote: quoteOf(text, hint.span) });
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
    breakdown: (report.score.breakdown ?? [])
      .filter((item) => item.points !== 0)
      .map((item) => ({ ...item, spans: item.spans ?? [], ...wordsOf(text, item.spans ?? []) })),
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
