// Popup: the global pause switch, stored in storage.sync (settings.paused).

import { normalizeSettings, SETTINGS_KEY, withPaused } from '../lib/settings.js';

const api = globalThis.browser ?? globalThis.chrome;

for (const element of document.querySelectorAll('[data-i18n]')) {
  element.textContent = api.i18n.getMessage(element.dataset.i18n);
}

const active = document.getElementById('active');

async function load() {
  const { settings } = normalizeSettings((await api.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]);
  return settings;
}

active.checked = !(await load()).paused;
active.addEventListener('change', async () => {
  const settings = withPaused(await load(), !active.checked);
  await api.storage.sync.set({ [SETTINGS_KEY]: settings });
});
