// Where the chip goes (content/geometry.js placeChip), with fake rectangles: never over a control
// of the page, on screen, outside the editor where it can, a dot when nothing else fits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOT_SIZE, intersect, placeChip, placeReminder, rect } from '../../extension/content/geometry.js';

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

// The reminder: beside the chip, clear of the controls and the chip, off the draft where it can.

const R_VIEW = { width: 1000, height: 800 };
const R_BOX = { left: 200, top: 100, right: 800, bottom: 250 };
const R_SIZE = { width: 300, height: 30 };
const inter = (a, b) => Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
const rectOf = (place) => ({ left: place.left, top: place.top, right: place.left + R_SIZE.width, bottom: place.top + R_SIZE.height });

// chip, obstacles → the side chosen
const REMINDER_CASES = [
  ['a chip below the box, nothing around: beside it', { left: 700, top: 254, right: 800, bottom: 278 }, [], 'beside'],
  ['the row beside the chip taken by icons: slid past them… off screen, so below', { left: 700, top: 254, right: 800, bottom: 278 }, [{ left: 0, top: 252, right: 690, bottom: 280 }], 'below'],
  ['a chip inside the box, the row below full: above the box rather than over the draft', { left: 700, top: 220, right: 794, bottom: 244 }, [{ left: 0, top: 255, right: 1000, bottom: 400 }], 'above-box'],
];
for (const [what, chip, obstacles, side] of REMINDER_CASES) {
  test(`placeReminder: ${what}`, () => {
    const place = placeReminder(chip, R_BOX, R_VIEW, R_SIZE, [...obstacles, chip]);
    assert.equal(place.side, side);
    for (const o of [...obstacles, chip]) assert.ok(!inter(rectOf(place), o), JSON.stringify(o));
  });
}

test('placeReminder: walled in everywhere but the box: over the box; nowhere at all: null', () => {
  const chip = { left: 700, top: 220, right: 794, bottom: 244 };
  const around = [{ left: 0, top: 0, right: 1000, bottom: 98 }, { left: 0, top: 252, right: 1000, bottom: 800 }, { left: 0, top: 0, right: 198, bottom: 800 }, { left: 802, top: 0, right: 1000, bottom: 800 }];
  const place = placeReminder(chip, R_BOX, R_VIEW, R_SIZE, [...around, chip]);
  assert.ok(place && place.top >= R_BOX.top && place.top + R_SIZE.height <= R_BOX.bottom, JSON.stringify(place));
  assert.equal(placeReminder(chip, R_BOX, R_VIEW, R_SIZE, [{ left: 0, top: 0, right: 1000, bottom: 800 }]), null);
});
