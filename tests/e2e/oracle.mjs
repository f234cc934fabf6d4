// The engine itself, loaded in Node from extension/pkg, as the oracle for what the chip must show.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSION_DIR } from './harness.mjs';

let engine = null;

export async function loadOracle() {
  const pkg = await import(pathToFileURL(join(EXTENSION_DIR, 'pkg', 'rapport.js')).href);
  pkg.initSync({ module: readFileSync(join(EXTENSION_DIR, 'pkg', 'rapport_bg.wasm')) });
  engine = new pkg.Engine({});
}

/** What the chip should say for `text` on `platform` (all fixtures are new posts). */
export function expectedChip(text, platform) {
  const report = engine.analyze(text, { platform, context: 'post' });
  return {
    tone: report.verdicts.sentiment.label,
    invitesReply: String(report.verdicts.invites_reply),
    length: String(report.counter.used),
    limit: String(report.counter.limit),
    score: String(Math.round(report.score.value)),
  };
}
