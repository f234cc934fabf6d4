// The trends page's charts (extension/trends/chart.js): where bars, points and the line go.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartGeometry, HEIGHT, WIDTH } from '../../extension/trends/chart.js';

const bucket = (value, n = 1) => ({ from: '2026-01-01', to: '2026-01-02', n: value === null ? 0 : n, k: 0, value });

test('shares are bars from the baseline, full height at 100 %; a bucket with no posts has none', () => {
  const { bars, points, line, grid } = chartGeometry([bucket(1), bucket(null), bucket(0.5), bucket(0)], { mean: false });
  assert.deepEqual(bars.map((bar) => bar.index), [0, 2, 3]);
  const baseline = grid[0].y;
  const top = grid[2].y;
  assert.equal(bars[0].y, top);
  assert.equal(bars[0].y + bars[0].height, baseline);
  assert.equal(bars[1].height, (baseline - top) / 2);
  assert.ok(bars[2].height > 0, 'a share of 0 still shows a sliver: posts, none with it');
  assert.deepEqual(points, []);
  assert.equal(line, '');
  assert.deepEqual(grid.map((g) => g.label), ['0%', '50%', '100%']);
  for (const bar of bars) assert.ok(bar.x >= 0 && bar.x + bar.width <= WIDTH && bar.y >= 0 && bar.y + bar.height <= HEIGHT);
});

test('the score is a line through points (0–100); a gap breaks it', () => {
  const { points, line, bars, grid } = chartGeometry([bucket(50), bucket(100), bucket(null), bucket(0)], { mean: true });
  assert.deepEqual(bars, []);
  assert.deepEqual(points.map((p) => p.index), [0, 1, 3]);
  assert.equal(points[1].y, grid[2].y);
  assert.equal(points[2].y, grid[0].y);
  assert.equal((line.match(/M/g) ?? []).length, 2, line);
  assert.equal((line.match(/L/g) ?? []).length, 1, line);
  assert.deepEqual(grid.map((g) => g.label), ['0', '50', '100']);
});

test('no buckets: nothing to draw', () => {
  assert.deepEqual(chartGeometry([], { mean: true }), { bars: [], points: [], line: '', grid: chartGeometry([], { mean: true }).grid, ticks: [] });
});
