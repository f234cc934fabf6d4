// The engine itself, loaded in Node from extension/pkg, as the oracle for what the chip and the
// underlines must show.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSION_DIR } from './harness.mjs';

let pkg = null;
let engine = null;

export async function loadOracle() {
  pkg = await import(pathToFileURL(join(EXTENSION_DIR, 'pkg', 'rapport.js')).href);
  pkg.initSync({ module: readFileSync(join(EXTENSION_DIR, 'pkg', 'rapport_bg.wasm')) });
  engine = new pkg.Engine({});
}

/** The engine's report for `text` with the default settings, or with `settings`. */
export function expectedReport(text, platform, context = 'post', settings = null) {
  const json = (settings === null ? engine : new pkg.Engine(settings)).analyze(text, { platform, context });
  return JSON.parse(json);
}

/** What the chip should say for `text` (data-* values as strings). */
export function expectedChip(text, platform, context = 'post') {
  const report = expectedReport(text, platform, context);
  return {
    tone: report.verdicts.sentiment.label,
    invitesReply: String(report.verdicts.invites_reply),
    selfFocused: String(report.verdicts.self_focused),
    length: String(report.counter.used),
    limit: report.counter.limit === null ? '' : String(report.counter.limit),
    score: String(Math.round(report.score.value)),
    hints: String(report.hints.length),
  };
}
