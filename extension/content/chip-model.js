// @ts-check
// What the summary chip shows for a Report. Pure; `t(key, substitutions)` is the i18n lookup
// (chrome.i18n.getMessage in the extension).

const TONES = new Set(['positive', 'neutral', 'negative']);

/**
 * A field of a report by its dotted path; throws when it is missing (a report from another
 * engine version must not show as a half-empty chip).
 * @param {unknown} report @param {string} path @returns {any}
 */
export function field(report, path) {
  const value = path.split('.').reduce((/** @type {any} */ object, key) => object?.[key], report);
  if (value === undefined) throw new Error(`report.${path} is missing`);
  if (value === null && path !== 'counter.limit') throw new Error(`report.${path} is missing`);
  return value;
}

/**
 * @typedef {{state: 'checked' | 'too-long' | 'stopped', tone: string, invitesReply: boolean, selfFocused: boolean, used: number,
 *            limit: number|null, over: boolean, score: number | null, hints: number,
 *            counterText: string, label: string, note?: string}} ChipModel
 *   limit is null where the platform has none (Tumblr): the counter shows the count alone.
 *   A draft too long to check has no tone, score or hints: `used` is its length, `limit` the
 *   longest text Rapport checks. `note` is the chip's visible text in a state without a report
 *   ("too long to check", "stopped — reload").
 */

/**
 * @param {import('../lib/report.js').Report} report
 * @param {(key: string, substitutions?: string[]) => string} t
 * @param {number} [hintCount]
 * @returns {ChipModel}
 */
export function chipModel(report, t, hintCount = report.hints?.length ?? 0) {
  const tone = field(report, 'verdicts.sentiment.label');
  if (!TONES.has(tone)) throw new Error(`report.verdicts.sentiment.label ${JSON.stringify(tone)} is not a tone`);
  const invitesReply = field(report, 'verdicts.invites_reply') === true;
  const selfFocused = report.verdicts.self_focused === true;
  const used = field(report, 'counter.used');
  const limit = field(report, 'counter.limit');
  const over = field(report, 'counter.over') === true;
  const score = Math.round(field(report, 'score.value'));
  const parts = [
    t(`tone_${tone}`),
    t(selfFocused ? 'selfFocused' : 'readerFocused'),
    t(invitesReply ? 'invitesReply' : 'invitesNoReply'),
    limit === null ? t('counterNoLimit', [String(used)]) : t('counterOf', [String(used), String(limit)]),
    t('scoreOf', [String(score)]),
    hintCount === 1 ? t('oneHint') : t('hintCount', [String(hintCount)]),
  ];
  const label = t('chipLabel', [parts.join(', ')]);
  const counterText = limit === null ? String(used) : `${used}/${limit}`;
  return { state: 'checked', tone, invitesReply, selfFocused, used, limit, over, score, hints: hintCount, counterText, label };
}

/**
 * The chip of a draft longer than Rapport checks (`max` UTF-16 units): it says so, with the
 * count, instead of showing the last report as if it were current.
 * @param {number} length @param {number} max
 * @param {(key: string, substitutions?: string[]) => string} t
 * @returns {ChipModel}
 */
export function tooLongModel(length, max, t) {
  const used = length.toLocaleString('en-US');
  const limit = max.toLocaleString('en-US');
  return {
    state: 'too-long',
    tone: 'neutral',
    invitesReply: false,
    selfFocused: false,
    used: length,
    limit: max,
    over: true,
    score: null,
    hints: 0,
    counterText: `${used}/${limit}`,
    label: t('chipLabel', [t('tooLongLabel', [used, limit])]),
    note: t('tooLongShort'),
  };
}

/**
 * The chip when the engine has stopped after repeated failures: it says so (the panel offers
 * to reload it) instead of showing the last report as if it were current.
 * @param {number} length  the draft's length
 * @param {(key: string, substitutions?: string[]) => string} t
 * @returns {ChipModel}
 */
export function stoppedModel(length, t) {
  return {
    state: 'stopped',
    tone: 'neutral',
    invitesReply: false,
    selfFocused: false,
    used: length,
    limit: null,
    over: false,
    score: null,
    hints: 0,
    counterText: '',
    label: t('chipLabel', [t('engineStoppedLabel')]),
    note: t('engineStoppedShort'),
  };
}
