// @ts-check
// Draws the toolbar/store icons (extension/icons/icon-N.png): a calm green rounded square with a
// white speech bubble. Run once when the design changes: `node tools/make-icons.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const GREEN = [63, 127, 106];
const SAMPLES = 4; // supersampling per axis, for smooth edges

/** @param {number} x @param {number} y @param {number} radius */
function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** @param {number} x @param {number} y */
function insideBubble(x, y) {
  const body = ((x - 0.5) / 0.3) ** 2 + ((y - 0.46) / 0.22) ** 2 <= 1;
  // Tail: a triangle under the bubble's lower left.
  const tail = y >= 0.6 && y <= 0.8 && x >= 0.3 && x <= 0.3 + (0.8 - y) * 0.9;
  return body || tail;
}

/** @param {number} size @param {number} px @param {number} py */
function pixel(size, px, py) {
  let fill = 0;
  let white = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = (px + (sx + 0.5) / SAMPLES) / size;
      const y = (py + (sy + 0.5) / SAMPLES) / size;
      if (!insideRoundedSquare(x, y, 0.22)) continue;
      fill++;
      if (insideBubble(x, y)) white++;
    }
  }
  const n = SAMPLES * SAMPLES;
  if (fill === 0) return [0, 0, 0, 0];
  const w = white / fill;
  const rgb = GREEN.map((c) => Math.round(c * (1 - w) + 255 * w));
  return [...rgb, Math.round((255 * fill) / n)];
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** @param {number} size */
function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]));
    for (let x = 0; x < size; x++) rows.push(Buffer.from(pixel(size, x, y)));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  writeFileSync(new URL(`../extension/icons/icon-${size}.png`, import.meta.url), png(size));
}
