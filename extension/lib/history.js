// @ts-check
// "Your writing": the drafts the user posted, kept on this device only (storage.local, never
// sync), and how their writing moves over time. Pure, no browser APIs: the entries, their
// retention (by age and by count), the trends over a window and the sentence that says what moved.
//
// Stored under HISTORY_KEY as {version: 1, entries: Entry[]}, oldest first. An entry never holds
// the text or any of its words: the day, the site, post or reply, the score, its breakdown as
// [factor, points] pairs, the verdicts that held, the tone and whether it was hostile.

/**
 * @typedef {import('../build/lists.js').Context} Context
 * @typedef {object} Entry
 * @property {string} date  the local day it was posted, YYYY-MM-DD
 * @property {string} site  the site's id (`x`, `linkedin`…), or the host of a site the user enabled
 * @property {Context} context
 * @property {number} score  0–100
 * @property {Array<[string, number]>} factors  the score's breakdown: factor and points, in order
 * @property {string[]} verdicts  the verdicts that held (VERDICTS' names)
 * @property {string} tone  positive, neutral or negative
 * @property {boolean} hostile  a warning finding of rule set `aggression` (what the reminder calls hostility)
 * @typedef {{version: number, entries: Entry[]}} History
 */

export const HISTORY_KEY = 'history';
export const HISTORY_VERSION = 1;
export const EXPORT_FORMAT = 'rapport-history';
/** Retention: at most this many entries (the oldest dropped first)… */
export const MAX_ENTRIES = 5000;
/** …and none older than two years (a year's trend compares with the year before it). */
export const MAX_AGE_DAYS = 730;
/** The boolean verdicts an entry may name. */
export const VERDICTS = Object.freeze(['question', 'invites_reply', 'pitch', 'aggressive', 'shouting', 'self_focused']);
const TONES = ['positive', 'neutral', 'negative'];
const CONTEXTS = ['post', 'reply'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** @param {unknown} value @returns {value is Record<string, any>} */
const isPlainObject = (value) => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** The local day of `date` as YYYY-MM-DD. @param {Date} date */
export const dayOf = (date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Days since 1970-01-01 of a YYYY-MM-DD day (calendar arithmetic, no time zone). @param {string} day */
export const dayNumber = (day) => Math.round(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS);

/** The YYYY-MM-DD day of a day number. @param {number} n */
export const dayString = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/**
 * The entry for a posted draft's report.
 * @param {import('./report.js').Report} report
 * @param {{site: string, date: string}} where
 * @returns {Entry}
 */
export function entryFor(report, { site, date }) {
  return {
    date,
    site,
    context: report.context,
    score: Math.round(report.score.value),
    factors: report.score.breakdown.filter((item) => item.points !== 0).map((item) => /** @type {[string, number]} */ ([item.factor, item.points])),
    verdicts: VERDICTS.filter((name) => /** @type {Record<string, unknown>} */ (report.verdicts)[name] === true),
    tone: report.verdicts.sentiment.label,
    hostile: report.hints.some((hint) => hint.rule_set === 'aggression' && hint.severity === 'warning'),
  };
}

/**
 * An entry as stored, checked field by field; null when anything is off (it is then dropped).
 * Unknown fields are dropped too, so nothing else can ride along.
 * @param {unknown} value
 * @returns {Entry | null}
 */
export function checkEntry(value) {
  if (!isPlainObject(value)) return null;
  const { date, site, context, score, factors, verdicts, tone, hostile } = value;
  if (typeof date !== 'string' || !DATE.test(date) || dayString(dayNumber(date)) !== date) return null;
  if (typeof site !== 'string' || !/^[a-z0-9.-]{1,253}$/.test(site)) return null;
  if (!CONTEXTS.includes(context) || !TONES.includes(tone) || typeof hostile !== 'boolean') return null;
  if (!Number.isInteger(score) || score < 0 || score > 100) return null;
  if (!Array.isArray(factors) || !factors.every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === 'string' && /^[a-z_]{1,40}$/.test(f[0]) && Number.isInteger(f[1]))) return null;
  if (!Array.isArray(verdicts) || !verdicts.every((v) => VERDICTS.includes(v))) return null;
  return { date, site, context, score, factors: factors.map(([f, p]) => [f, p]), verdicts: [...verdicts], tone, hostile };
}

/**
 * Whatever is stored (nothing, an older or newer version, a damaged value) as a history. Never
 * throws: bad entries are dropped and counted in `problems`.
 * @param {unknown} stored
 * @returns {{history: History, problems: string[]}}
 */
export function normalizeHistory(stored) {
  /** @type {string[]} */
  const problems = [];
  /** @type {History} */
  const history = { version: HISTORY_VERSION, entries: [] };
  if (stored === undefined || stored === null) return { history, problems };
  if (!isPlainObject(stored) || !Array.isArray(stored.entries)) {
    problems.push('history must be {version, entries}; starting afresh');
    return { history, problems };
  }
  if (stored.version !== HISTORY_VERSION) problems.push(`history version ${JSON.stringify(stored.version)}; reading what fits version ${HISTORY_VERSION}`);
  let dropped = 0;
  for (const value of stored.entries) {
    const entry = checkEntry(value);
    if (entry) history.entries.push(entry);
    else dropped++;
  }
  if (dropped > 0) problems.push(`${dropped} damaged ${dropped === 1 ? 'entry' : 'entries'} dropped`);
  return { history, problems };
}

/**
 * The entries kept on `today`: none older than MAX_AGE_DAYS, and the newest MAX_ENTRIES of the
 * rest, oldest first (entries from a clock set back are put in their place by date).
 * @param {Entry[]} entries @param {string} today
 * @param {{maxEntries?: number, maxAgeDays?: number}} [limits]
 * @returns {Entry[]}
 */
export function retain(entries, today, { maxEntries = MAX_ENTRIES, maxAgeDays = MAX_AGE_DAYS } = {}) {
  const oldest = dayNumber(today) - maxAgeDays;
  const kept = entries.filter((entry) => dayNumber(entry.date) >= oldest);
  // A stable sort: entries of one day keep the order they were posted in.
  kept.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return kept.length > maxEntries ? kept.slice(kept.length - maxEntries) : kept;
}

/**
 * The stored history with `entry` added, retention applied.
 * @param {unknown} stored @param {Entry} entry @param {string} today
 * @returns {History}
 */
export function withEntry(stored, entry, today) {
  const { history } = normalizeHistory(stored);
  return { version: HISTORY_VERSION, entries: retain([...history.entries, entry], today) };
}

/** The export file's text. @param {Entry[]} entries @param {string} today */
export function exportHistory(entries, today) {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: HISTORY_VERSION, exported: today, entries }, null, 1)}\n`;
}

// ---- trends ---------------------------------------------------------------------------------

/**
 * What the charts show. A share counts the entries that have it among those it applies to; the
 * score is a mean.
 * @typedef {'score' | 'invites' | 'pitch' | 'self_focus' | 'hostile_replies'} MetricId
 * @typedef {{id: MetricId, mean?: (entry: Entry) => number, applies: (entry: Entry) => boolean, has?: (entry: Entry) => boolean}} Metric
 */
/** @type {readonly Metric[]} */
export const METRICS = Object.freeze([
  { id: 'score', mean: (entry) => entry.score, applies: () => true },
  { id: 'invites', applies: () => true, has: (entry) => entry.verdicts.includes('invites_reply') },
  { id: 'pitch', applies: () => true, has: (entry) => entry.verdicts.includes('pitch') },
  { id: 'self_focus', applies: () => true, has: (entry) => entry.verdicts.includes('self_focused') },
  { id: 'hostile_replies', applies: (entry) => entry.context === 'reply', has: (entry) => entry.hostile },
]);

/** The windows the page offers (days), and how many points each chart has in each. */
export const WINDOWS = Object.freeze([30, 90, 365]);
const BUCKETS = /** @type {Record<number, number>} */ ({ 30: 10, 90: 13, 365: 12 });
/**
 * A change smaller than this is "about the same": 10 points of share (1 post in 10), 5 points of
 * score (a tone word's worth; one pitch phrase moves it by 17).
 */
export const SAME_SHARE = 0.1;
export const SAME_SCORE = 5;

/**
 * @typedef {{n: number, k: number, value: number | null}} Tally
 *   n entries it applies to; k of them have it (a share), or the sum (a mean); value: k/n or the mean, null when n is 0
 * @typedef {{from: string, to: string} & Tally} Bucket  one point of a chart: the days [from, to]
 * @typedef {{key: string, substitutions: string[]}} Sentence  a _locales key and its substitutions
 * @typedef {{id: MetricId, buckets: Bucket[], current: Tally, previous: Tally, sentence: Sentence}} MetricTrend
 * @typedef {{days: number, site: string | null, from: string, to: string, posts: number, metrics: MetricTrend[]}} Trend
 */

/** @param {Metric} metric @param {Entry[]} entries @returns {Tally} */
function tally(metric, entries) {
  let n = 0;
  let k = 0;
  for (const entry of entries) {
    if (!metric.applies(entry)) continue;
    n++;
    if (metric.mean) k += metric.mean(entry);
    else if (metric.has?.(entry)) k++;
  }
  return { n, k, value: n === 0 ? null : k / n };
}

/**
 * The trends of the last `days` days up to `today` (inclusive), for one site or all (site null):
 * each metric's points over the window, its tally in the window and in the window before, and the
 * sentence saying what moved.
 * @param {Entry[]} entries @param {{days: number, site?: string | null, today: string}} options
 * @returns {Trend}
 */
export function trend(entries, { days, site = null, today }) {
  const end = dayNumber(today);
  const start = end - days + 1;
  const mine = site === null ? entries : entries.filter((entry) => entry.site === site);
  const inWindow = (/** @type {number} */ from, /** @type {number} */ to) => mine.filter((entry) => {
    const d = dayNumber(entry.date);
    return d >= from && d <= to;
  });
  const current = inWindow(start, end);
  const previous = inWindow(start - days, start - 1);
  const count = BUCKETS[days] ?? Math.min(days, 12);
  const bounds = Array.from({ length: count }, (_, i) => [start + Math.floor((i * days) / count), start + Math.floor(((i + 1) * days) / count) - 1]);
  return {
    days,
    site,
    from: dayString(start),
    to: today,
    posts: current.length,
    metrics: METRICS.map((metric) => {
      const now = tally(metric, current);
      const before = tally(metric, previous);
      return {
        id: metric.id,
        buckets: bounds.map(([from, to]) => ({ from: dayString(from), to: dayString(to), ...tally(metric, current.filter((entry) => dayNumber(entry.date) >= from && dayNumber(entry.date) <= to)) })),
        current: now,
        previous: before,
        sentence: sentenceFor(metric.id, now, before, days),
      };
    }),
  };
}

/**
 * What moved, as a _locales key and its substitutions:
 *   trend_<id>        "… in K of N over the last D days."   (nothing to compare with)
 *   trend_<id>_up / _down / _same   "…, up from K' in N' the D days before."
 *   trend_noPosts / trend_noReplies  nothing in the window to speak of
 * Substitutions: $1 K (or the mean score), $2 N, $3 D, $4 K' (or the mean before), $5 N'.
 * @param {MetricId} id @param {Tally} now @param {Tally} before @param {number} days
 * @returns {Sentence}
 */
export function sentenceFor(id, now, before, days) {
  if (now.value === null) return { key: id === 'hostile_replies' ? 'trend_noReplies' : 'trend_noPosts', substitutions: [String(days)] };
  const mean = id === 'score';
  const shown = (/** @type {Tally} */ t) => (mean ? String(Math.round(/** @type {number} */ (t.value))) : String(t.k));
  const substitutions = [shown(now), String(now.n), String(days)];
  if (before.value === null) return { key: `trend_${id}`, substitutions };
  const delta = /** @type {number} */ (now.value) - before.value;
  const same = mean ? Math.abs(delta) < SAME_SCORE : Math.abs(delta) < SAME_SHARE - 1e-9;
  const direction = same ? 'same' : delta > 0 ? 'up' : 'down';
  return { key: `trend_${id}_${direction}`, substitutions: [...substitutions, shown(before), String(before.n)] };
}

/** The sites that have entries, most entries first (then by id). @param {Entry[]} entries */
export function sitesOf(entries) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const entry of entries) counts.set(entry.site, (counts.get(entry.site) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([site]) => site);
}

/** Bytes of the stored history as JSON (UTF-8), key included: what storage.local holds. @param {History} history */
export const storedBytes = (history) => new TextEncoder().encode(HISTORY_KEY + JSON.stringify(history)).length;
