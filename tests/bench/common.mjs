// What the benches in this folder share: the generated texts (the same as benches/engine.rs's)
// and the timing of a call. Prints nothing; imported by wasm.mjs and boundary.mjs.

const SENTENCES = [
  'We shipped the new release this morning and the team is proud of it.',
  'What was the hardest part of your last launch?',
  'Buy now, 50% off until Friday, link in bio!!!',
  'I think our product is the best on the market, and my brand keeps growing.',
  'Honestly, this is terrible and I am so disappointed 😡',
  'Thanks to everyone who came to the meetup yesterday 🙏',
  'Revenue grew 23% to $4.5M in Q3, with 1,200 new customers.',
  'THIS IS AMAZING, you have to see it!!',
  'Read more at https://example.com/blog/post?id=42 and tell me what you think.',
  'Congrats @alex on the new role, well deserved. #career',
  'He said "you idiot" but I don\'t think he meant it.',
  'Not bad at all, but the ending could have been better.',
  'Café au lait, naïve résumé, and a soooo long day :)',
  'Which one would you pick, and why?',
  '我们今天发布了新版本。',
  'Line one\nLine two with more words in it.',
];

// Same as benches/engine.rs: exactly `chars` code points, sentences picked by a 32-bit LCG.
export function generatedText(chars, seed) {
  let state = seed >>> 0;
  const out = [];
  let n = 0;
  while (n < chars) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const s = SENTENCES[(state >>> 16) % SENTENCES.length];
    for (const c of s + ' ') {
      if (n === chars) break;
      out.push(c);
      n++;
    }
  }
  return out.join('');
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Median ms per call of f, batching calls so each timed run lasts ≥ minRunMs (after a warm-up).
export function timePerCall(f, runs, minRunMs) {
  let calls = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minRunMs || calls < 2) {
    f();
    calls++;
  }
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    for (let i = 0; i < calls; i++) f();
    samples.push((performance.now() - t) / calls);
  }
  return median(samples);
}

