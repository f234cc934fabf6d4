// @ts-check
// The trends page's small charts: a minimal SVG of Rapport's own (no library: five charts of at
// most 13 points each need none, and an SVG drawn from our own elements keeps to the page's CSP
// `script-src 'self'` with nothing to load). chartGeometry is pure (unit-tested); drawChart builds
// the SVG from it. The text alternative is the figure's: its sentence and chartSummary.

/** The SVG namespace: a name, never fetched. */
const SVG_NS = 'http://www.w3.org/2000/svg';
export const WIDTH = 320;
export const HEIGHT = 112;
/** The plot inside the SVG: room on the left for the axis labels, at the bottom for the dates. */
const PLOT = { left: 34, top: 8, right: WIDTH - 6, bottom: HEIGHT - 22 };

/**
 * @typedef {import('../lib/history.js').Bucket} Bucket
 * @typedef {{x: number, y: number, width: number, height: number, value: number, index: number}} Bar
 * @typedef {{x: number, y: number, value: number, index: number}} Point
 * @typedef {{bars: Bar[], points: Point[], line: string, grid: Array<{y: number, label: string}>, ticks: Array<{x: number, index: number}>}} Geometry
 */

/**
 * Where everything goes: shares as bars (0–100 %), the score as a line with points (0–100); a
 * bucket with no posts has neither, so a gap shows where nothing was posted.
 * @param {Bucket[]} buckets @param {{mean: boolean}} options
 * @returns {Geometry}
 */
export function chartGeometry(buckets, { mean }) {
  const span = PLOT.right - PLOT.left;
  const slot = span / Math.max(1, buckets.length);
  const yOf = (/** @type {number} */ fraction) => PLOT.bottom - fraction * (PLOT.bottom - PLOT.top);
  /** @type {Bar[]} */
  const bars = [];
  /** @type {Point[]} */
  const points = [];
  buckets.forEach((bucket, index) => {
    if (bucket.value === null) return;
    const fraction = mean ? bucket.value / 100 : bucket.value;
    const x = PLOT.left + slot * index;
    if (mean) points.push({ x: round(x + slot / 2), y: round(yOf(fraction)), value: bucket.value, index });
    else {
      // A share of 0 still shows a sliver: a bucket with posts, none of which had it.
      const height = Math.max(1.5, fraction * (PLOT.bottom - PLOT.top));
      bars.push({ x: round(x + slot * 0.15), y: round(PLOT.bottom - height), width: round(slot * 0.7), height: round(height), value: bucket.value, index });
    }
  });
  // The line joins runs of consecutive points only (a gap is a gap).
  let line = '';
  points.forEach((point, i) => {
    line += `${i > 0 && points[i - 1].index === point.index - 1 ? 'L' : 'M'}${point.x},${point.y}`;
  });
  return {
    bars,
    points,
    line,
    grid: [0, 0.5, 1].map((fraction) => ({ y: round(yOf(fraction)), label: mean ? String(fraction * 100) : `${fraction * 100}%` })),
    ticks: buckets.length > 0 ? [{ x: PLOT.left, index: 0 }, { x: PLOT.right, index: buckets.length - 1 }] : [],
  };
}

/** @param {number} n */
const round = (n) => Math.round(n * 10) / 10;

/**
 * The chart as an SVG element, hidden from assistive technology (its figure carries the text).
 * @param {Document} doc @param {Bucket[]} buckets
 * @param {{mean: boolean, dateLabel: (day: string) => string}} options
 * @returns {SVGSVGElement}
 */
export function drawChart(doc, buckets, { mean, dateLabel }) {
  const geometry = chartGeometry(buckets, { mean });
  /** @param {string} tag @param {Record<string, string | number>} attributes @param {string} [text] */
  const el = (tag, attributes, text) => {
    const element = doc.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
    if (text !== undefined) element.textContent = text;
    return element;
  };
  const svg = /** @type {SVGSVGElement} */ (el('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, 'aria-hidden': 'true', focusable: 'false', class: 'chart' }));
  for (const { y, label } of geometry.grid) {
    svg.append(el('line', { x1: PLOT.left, x2: PLOT.right, y1: y, y2: y, class: 'grid' }));
    svg.append(el('text', { x: PLOT.left - 4, y: y + 3.5, 'text-anchor': 'end', class: 'axis' }, label));
  }
  for (const bar of geometry.bars) svg.append(el('rect', { x: bar.x, y: bar.y, width: bar.width, height: bar.height, rx: 1.5, class: 'bar' }));
  if (geometry.line) svg.append(el('path', { d: geometry.line, class: 'line' }));
  for (const point of geometry.points) svg.append(el('circle', { cx: point.x, cy: point.y, r: 2.6, class: 'point' }));
  geometry.ticks.forEach((tick, i) => {
    const bucket = buckets[tick.index];
    svg.append(el('text', { x: tick.x, y: HEIGHT - 6, 'text-anchor': i === 0 ? 'start' : 'end', class: 'axis' }, dateLabel(i === 0 ? bucket.from : bucket.to)));
  });
  return svg;
}
