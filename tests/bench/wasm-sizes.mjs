// What takes the space in a wasm file: sections, and code + data by crate and by function.
// Usage: node tests/bench/wasm-sizes.mjs file.wasm [top-N]
// Needs the name section (the cargo output before wasm-bindgen strips it).
import fs from 'node:fs';
import zlib from 'node:zlib';

const file = process.argv[2];
const topN = Number(process.argv[3] ?? 40);
const buf = fs.readFileSync(file);
let pos = 8;
const u32 = () => {
  let r = 0, shift = 0, b;
  do { b = buf[pos++]; r |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
  return r >>> 0;
};
const name = () => { const n = u32(); const s = buf.toString('utf8', pos, pos + n); pos += n; return s; };
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;

const sections = [];
let importedFuncs = 0;
let bodies = [];
const names = new Map();
let dataSegs = [];
while (pos < buf.length) {
  const id = buf[pos++];
  const size = u32();
  const start = pos, end = pos + size;
  let label = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id];
  if (id === 0) label = 'custom:' + name();
  if (id === 2) {
    const n = u32();
    for (let i = 0; i < n; i++) { name(); name(); const kind = buf[pos++];
      if (kind === 0) { u32(); importedFuncs++; } else if (kind === 1) { pos++; const f = u32(); u32(); if (f & 1) u32(); }
      else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 3) { pos += 2; } }
  }
  if (id === 10) {
    const n = u32();
    for (let i = 0; i < n; i++) { const sz = u32(); bodies.push({ index: importedFuncs + i, start: pos, size: sz }); pos += sz; }
  }
  if (id === 11) {
    const n = u32();
    for (let i = 0; i < n; i++) { const flag = u32(); if (flag === 0 || flag === 2) { if (flag === 2) u32(); while (buf[pos++] !== 0x0b); } const sz = u32(); dataSegs.push({ start: pos, size: sz }); pos += sz; }
  }
  if (label === 'custom:name') {
    while (pos < end) {
      const sub = buf[pos++]; const ssz = u32(); const send = pos + ssz;
      if (sub === 1) { const n = u32(); for (let i = 0; i < n; i++) { const idx = u32(); names.set(idx, name()); } }
      pos = send;
    }
  }
  sections.push({ label, size, gz: gz(buf.subarray(start, end)) });
  pos = end;
}

function demangle(s) {
  if (!s.startsWith('_ZN')) return s;
  let p = 3; const parts = [];
  while (p < s.length && s[p] !== 'E') {
    let m = /^\d+/.exec(s.slice(p)); if (!m) break;
    const n = Number(m[0]); p += m[0].length; parts.push(s.slice(p, p + n)); p += n;
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts.join('::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\.\./g, '::').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}');
}
function crateOf(n) {
  const v0 = /^_R.*?C[s]?[0-9A-Za-z]*_?(\d+)([a-z_][a-z0-9_]*)/.exec(n);
  if (n.startsWith('_R') && v0) return v0[2].slice(0, Number(v0[1]));
  const d = demangle(n).replace(/^_</, '<');
  const m = /^<?(?:&)?(?:mut )?([a-z_][a-z0-9_]*)::/.exec(d);
  return m ? m[1] : d.startsWith('_') || !d.includes('::') ? '(other)' : d.split('::')[0];
}

const total = buf.length;
console.log(`${file}: ${total} bytes raw, ${gz(buf)} gzipped`);
console.log('\nsections (raw / gzipped alone):');
for (const s of sections) console.log(`  ${s.label.padEnd(28)} ${String(s.size).padStart(9)} ${String(s.gz).padStart(9)}`);
const dataTotal = dataSegs.reduce((a, d) => a + d.size, 0);
console.log(`  data segments: ${dataSegs.length}, ${dataTotal} bytes`);

const byCrate = new Map();
for (const b of bodies) {
  const c = crateOf(names.get(b.index) ?? '?');
  const e = byCrate.get(c) ?? { size: 0, n: 0, chunks: [] };
  e.size += b.size; e.n++; e.chunks.push(buf.subarray(b.start, b.start + b.size));
  byCrate.set(c, e);
}
console.log('\ncode by crate (raw bytes, functions, gzipped alone):');
for (const [c, e] of [...byCrate].sort((a, b) => b[1].size - a[1].size).slice(0, 30))
  console.log(`  ${c.padEnd(28)} ${String(e.size).padStart(9)} ${String(e.n).padStart(6)} ${String(gz(Buffer.concat(e.chunks))).padStart(9)}`);
console.log(`\nlargest ${topN} functions:`);
for (const b of [...bodies].sort((a, b) => b.size - a.size).slice(0, topN))
  console.log(`  ${String(b.size).padStart(8)}  ${demangle(names.get(b.index) ?? '?').slice(0, 150)}`);
