// @ts-check
// The Report as JavaScript receives it from the engine (src/report.rs, through the wasm facade):
// JSDoc types only, for `tsc --noEmit`. Every span is in UTF-16 code units of the analysed text
// (the facade converts the engine's byte offsets once). The background asks for brief reports:
// evidence lists are then empty and `counters` holds the requested platform's counter alone.

/**
 * @typedef {import('../build/lists.js').RuleSet} RuleSet
 * @typedef {import('../build/lists.js').Severity} Severity
 * @typedef {import('../build/lists.js').Platform} Platform
 * @typedef {import('../build/lists.js').Context} Context
 */

/**
 * A half-open range [start, end) of UTF-16 code units into the analysed text.
 * @typedef {{start: number, end: number}} Span
 */

/**
 * One offline rewrite: `text` replaces the words of `span`.
 * @typedef {{span: Span, text: string}} Fix
 */

/**
 * A finding: one rule, every place it is about, one card (src/rules/mod.rs `Hint`).
 * @typedef {object} Hint
 * @property {string} rule  stable rule id (`pitch.urgency`; `custom.<id>` for the user's rules)
 * @property {RuleSet} rule_set
 * @property {Severity} severity
 * @property {Span} span  the primary words, where the card opens
 * @property {Span[]} related  every other span of the finding, in text order (often empty)
 * @property {string} message  its count, if it has one, equals the number of spans
 * @property {string} why  one line on why it matters
 * @property {Fix[]} fixes  the offline rewrites, each replacing its own span (none where none fits)
 */

/**
 * A piece of text that moved a signal, and by how much.
 * @typedef {{span: Span, weight: number, kind?: string}} Evidence
 */

/**
 * The engine's measurements, each with the spans that produced it (at most 24 per signal).
 * @typedef {object} Signals
 * @property {{code: string, english: boolean, confidence: number}} language  ISO 639-1 or `und`
 * @property {{score: number, label: string, evidence: Evidence[]}} tone  score −1..1
 * @property {{i: number, we: number, brand: number, you: number, boasts: number, self_share: number, focused: boolean, evidence: Evidence[]}} self_focus
 * @property {{open: number, closed: number, rhetorical: number, choice: number, bait: number, invitations: number, requests: number, ends_with_invitation: boolean, evidence: Evidence[]}} questions
 * @property {{score: number, evidence: Evidence[]}} pitch
 * @property {{count: number, per_100_words: number, max_in_sentence: number, evidence: Evidence[]}} figures
 * @property {{caps_words: number, mark_runs: number, stretched: number, evidence: Evidence[]}} shouting
 * @property {{insults: number, profanity: number, mild_profanity: number, hostile_phrases: number, evidence: Evidence[]}} aggression
 * @property {number} words
 * @property {number} sentences
 * @property {number} analyzed_bytes
 */

/**
 * The platform's length counter.
 * @typedef {object} Counter
 * @property {Platform} platform
 * @property {'weighted' | 'graphemes' | 'mastodon_chars' | 'utf16'} unit
 * @property {number} used
 * @property {number | null} limit  null where the platform sets no limit (Tumblr)
 * @property {boolean} over
 * @property {number | null} fold  characters shown before "see more", where the platform folds
 * @property {boolean} folded
 */

/**
 * One line of the score: its points, why, and the words it is about.
 * @typedef {{factor: string, points: number, why: string, spans: Span[]}} ScoreFactor
 */

/**
 * The 0–100 relationship score with every point's reason.
 * @typedef {{value: number, base: number, breakdown: ScoreFactor[]}} Score
 */

/**
 * @typedef {object} Verdicts
 * @property {{score: number, label: 'positive' | 'neutral' | 'negative'}} sentiment
 * @property {boolean} question
 * @property {boolean} invites_reply
 * @property {boolean} pitch
 * @property {boolean} aggressive
 * @property {boolean} shouting
 * @property {boolean} self_focused
 */

/**
 * @typedef {object} Report
 * @property {Platform} platform
 * @property {Context} context
 * @property {Hint[]} hints
 * @property {Signals} signals
 * @property {Counter} counter  the requested platform's
 * @property {Counter[]} counters
 * @property {Score} score
 * @property {Verdicts} verdicts
 */

/**
 * A rule as the engine lists it (`rules()`, for the options page).
 * @typedef {{id: string, rule_set: RuleSet, severity: Severity, description: string, default_on: boolean, flag: string[], allow: string[]}} RuleInfo
 */

export {};
