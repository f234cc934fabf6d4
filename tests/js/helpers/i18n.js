// chrome.i18n.getMessage over extension/_locales/en/messages.json, for tests: named placeholders
// ($COUNT$) resolve to their content ($1), which takes the substitution.
import { readFileSync } from 'node:fs';

const messages = JSON.parse(readFileSync(new URL('../../../extension/_locales/en/messages.json', import.meta.url), 'utf8'));

export function t(key, substitutions = []) {
  const entry = messages[key];
  if (!entry) throw new Error(`messages.json lacks ${key}`);
  const fill = (text) => text.replace(/\$(\d)/g, (_, n) => substitutions[Number(n) - 1] ?? '');
  return entry.message.replace(/\$(\w+)\$/g, (_, name) => fill(entry.placeholders[name.toLowerCase()].content));
}
