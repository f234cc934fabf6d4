// What the summary chip shows for a Report. Pure; `t(key, substitutions)` is the i18n lookup
// (chrome.i18n.getMessage in the extension).

const TONES = new Set(['positive', 'neutral', 'negative']);

function field(report, path) {
  const value = path.split('.').reduce((object, key) => object?.[key], report);
  if (value === undefined || value === null) throw new Error(`report.${path} is missing`);
  return value;
}

/**
 * @returns {{tone: string, invitesReply: boolean, used: number, limit: number, over: boolean,
 *            score: number, counterText: string, label: string}}
 */
export function chipModel(report, t) {
  const tone = field(report, 'verdicts.sentiment.label');
  if (!TONES.has(tone)) throw new Error(`report.verdicts.sentiment.label ${JSON.stringify(tone)} is not a tone`);
  const invitesReply = field(report, 'verdicts.invites_reply') === true;
  const used = field(report, 'counter.used');
  const limit = field(report, 'counter.limit');
  const over = field(report, 'counter.over') === true;
  const score = Math.round(field(report, 'score.value'));
  const label = t('chipLabel', [
    t(`tone_${tone}`),
    t(invitesReply ? 'invitesReply' : 'invitesNoReply'),
    String(used),
    String(limit),
    String(score),
  ]);
  return { tone, invitesReply, used, limit, over, score, counterText: `${used}/${limit}`, label };
}
