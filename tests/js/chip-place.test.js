// Where the chip goes (content/geometry.js placeChip), with fake rectangles: never over a control
// of the page, on screen, outside the editor where it can, a dot when nothing else fits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOT_SIZE, intersect, placeChip, rect } from '../../extension/content/geometry.js';

const VIEWPORT = { width: 1000, height: 800 };
const CHIP = { width: 120, height: 24 };
const BOX = rect(200, 100, 800, 300);
const place = (box, obstacles = [], viewport = VIEWPORT) => placeChip(box, viewport, CHIP, obstacles);
const chipRect = (p) => (p.dot ? rect(p.left, p.top, p.left + DOT_SIZE, p.top + DOT_SIZE) : rect(p.left, p.top, p.left + CHIP.width, p.top + CHIP.height));

// what is around the box → where the chip goes
const CASES = [
  ['nothing in the way: below the bottom-right corner', BOX, [], { left: 680, top: 304, side: 'below', dot: false }],
  ['a Post button below the right corner: slid left of it', BOX, [rect(720, 310, 800, 346)], { left: 598, top: 304, side: 'below', dot: false }],
  ['Post button and icons (X): between them', BOX, [rect(720, 310, 800, 346), rect(200, 312, 236, 344), rect(240, 312, 276, 344)], { left: 598, top: 304, side: 'below', dot: false }],
  ['a full-width button below (Facebook): beside the corner', BOX, [rect(200, 306, 800, 342)], { left: 804, top: 276, side: 'right', dot: false }],
  ['a row below and no room on the right: above the top-right corner', rect(200, 100, 990, 300), [rect(200, 306, 990, 342)], { left: 870, top: 72, side: 'above', dot: false }],
  ['no room below (the box at the bottom of the screen): beside it', rect(200, 500, 800, 790), [], { left: 804, top: 766, side: 'right', dot: false }],
  ['the box fills the screen: inside its bottom-right corner', rect(0, 0, 1000, 800), [], { left: 874, top: 770, side: 'inside', dot: false }],
  ['the box fills the screen, a send button in its corner: slid left of it', rect(0, 0, 1000, 800), [rect(940, 760, 990, 790)], { left: 818, top: 770, side: 'inside', dot: false }],
];
for (const [what, box, obstacles, expected] of CASES) {
  test(`placeChip: ${what}`, () => {
    const got = place(box, obstacles);
    assert.deepEqual(got, expected);
    for (const obstacle of obstacles) assert.equal(intersect(chipRect(got), obstacle), null, 'covers no control');
  });
}

test('placeChip: walled in at full size, a dot where one fits', () => {
  // Controls fill every row around the box but leave a gap of 24 px below its right end.
  const box = rect(200, 100, 990, 300);
  const obstacles = [rect(200, 303, 940, 340), rect(966, 303, 1000, 340), rect(200, 40, 1000, 99), rect(200, 250, 990, 300), rect(200, 100, 990, 150)];
  const got = place(box, obstacles);
  assert.equal(got.dot, true);
  assert.equal(got.side, 'below');
  for (const obstacle of obstacles) assert.equal(intersect(chipRect(got), obstacle), null);
});

test('placeChip: walled in even as a dot: a dot inside the bottom-right corner, on screen', () => {
  const box = rect(0, 0, 1000, 800);
  const got = place(box, [rect(0, 0, 1000, 800)]);
  assert.deepEqual(got, { left: 978, top: 778, side: 'inside', dot: true });
});

test('placeChip: never off screen, whatever the box', () => {
  for (const box of [rect(-50, -50, 30, 20), rect(900, 700, 1200, 900), rect(0, 100, 50, 300), rect(10, 790, 300, 1200)]) {
    const r = chipRect(place(box));
    assert.ok(r.left >= 0 && r.top >= 0 && r.right <= VIEWPORT.width && r.bottom <= VIEWPORT.height, JSON.stringify({ box, r }));
  }
});
