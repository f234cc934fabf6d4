// @ts-check
// "Your writing": how the drafts the user posted moved over 30, 90 or 365 days, per site or
// overall, as five small charts with one sentence each; export (JSON) and delete everything.
// Everything is read from storage.local on this device; the page makes no request.

import { exportHistory, dayOf, HISTORY_KEY, normalizeHistory, sitesOf, storedBytes, trend, WINDOWS } from '../lib/history.js';
import { createHistoryStore } from '../lib/history-store.js';
import { makeH } from '../content/views/dom.js';
import { $, api, localize, t } from '../pages/common.js';
import { drawChart } from './chart.js';

const h = makeH(document);
localize();
document.title = `${t('trendsTitle')} · Rapport`;
const store = createHistoryStore(api.storage.local);
/** @type {import('../lib/history.js').Entry[]} */
let entries = [];
let days = 30;
/** @type {string | null} */
let site = null;

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
/** @param {string} day YYYY-MM-DD */
const dateLabel = (day) => dayFormat.format(new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
/** @param {string} id */
const siteName = (id) => t(`platform_${id}`) || id;

// Window: 30 / 90 / 365 days.
$('window').append(...WINDOWS.map((n) => h(
  'label',
  {},
  h('input', { type: 'radio', name: 'window', value: String(n), checked: n === days, on: { change: () => { days = n; render(); } } }),
  h('span', { text: t(`trendsWindow_${n}`) }),
)));
$('site').addEventListener('change', () => {
  site = $('site').value || null;
  render();
});

function renderSites() {
  const select = /** @type {HTMLSelectElement} */ (/** @type {unknown} */ ($('site')));
  const ids = sitesOf(entries);
  if (site !== null && !ids.includes(site)) site = null;
  select.replaceChildren(
    h('option', { value: '', text: t('trendsAllSites'), selected: site === null }),
    ...ids.map((id) => h('option', { value: id, text: siteName(id), selected: site === id })),
  );
}

function render() {
  const today = dayOf(new Date());
  const empty = entries.length === 0;
  $('empty').hidden = !empty;
  $('controls').hidden = empty;
  $('charts').hidden = empty;
  $('summary').hidden = empty;
  renderStored();
  if (empty) {
    $('charts').replaceChildren();
    return;
  }
  renderSites();
  const result = trend(entries, { days, site, today });
  $('summary').textContent = `${site === null ? t('trendsAllSites') : siteName(site)}: ${t('trendsPosts', [String(result.posts), dateLabel(result.from), dateLabel(result.to)])}`;
  $('charts').replaceChildren(...result.metrics.map((metric) => {
    const title = t(`chart_${metric.id}`);
    const mean = metric.id === 'score';
    const points = metric.buckets.map((bucket) => {
      const when = bucket.from === bucket.to ? dateLabel(bucket.from) : `${dateLabel(bucket.from)}–${dateLabel(bucket.to)}`;
      if (bucket.value === null) return `${when}: ${t('chartNoPosts')}`;
      return `${when}: ${mean ? Math.round(bucket.value) : `${bucket.k}/${bucket.n}`}`;
    });
    const sentence = t(metric.sentence.key, metric.sentence.substitutions);
    const summaryId = `summary-${metric.id}`;
    return h(
      'figure',
      { dataset: { metric: metric.id }, 'aria-labelledby': `title-${metric.id}`, 'aria-describedby': `${summaryId} sentence-${metric.id}` },
      h('h2', { id: `title-${metric.id}`, text: title }),
      drawChart(document, metric.buckets, { mean, dateLabel }),
      h('p', { className: 'visually-hidden', id: summaryId, text: t('chartSummary', [title, dateLabel(result.from), dateLabel(result.to), points.join('; ')]) }),
      h('figcaption', { id: `sentence-${metric.id}`, dataset: { sentence: metric.sentence.key }, text: sentence }),
    );
  }));
}

function renderStored() {
  const bytes = storedBytes({ version: 1, entries });
  $('stored').textContent = t('trendsStored', [entries.length.toLocaleString(), (bytes / 1024).toFixed(1)]);
  $('export').disabled = entries.length === 0;
  $('delete').disabled = entries.length === 0;
}

async function load() {
  entries = await store.entries();
  render();
}

$('export').addEventListener('click', () => {
  const blob = new Blob([exportHistory(entries, dayOf(new Date()))], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  h('a', { href: url, download: `rapport-writing-${dayOf(new Date())}.json` }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

// Delete everything, with one confirmation.
$('delete').addEventListener('click', () => {
  $('confirm-text').textContent = t('trendsDeleteConfirm', [entries.length.toLocaleString()]);
  $('confirm').hidden = false;
  $('data-status').textContent = '';
  $('delete-no').focus();
});
$('delete-no').addEventListener('click', () => {
  $('confirm').hidden = true;
  $('delete').focus();
});
$('delete-yes').addEventListener('click', async () => {
  await store.clear();
  $('confirm').hidden = true;
  entries = [];
  render();
  $('data-status').textContent = t('trendsDeleted');
  $('title').focus();
});

// Another tab posted, or the history was deleted elsewhere.
api.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !(HISTORY_KEY in changes)) return;
  entries = normalizeHistory(changes[HISTORY_KEY].newValue).history.entries;
  render();
});

await load();
document.body.dataset.ready = 'true';
