// Background (Chrome service worker / Firefox event page): owns the single wasm Engine and answers
// the content scripts over "rapport" ports. Logic lives in lib/; this file only wires.

import init, { Engine } from './pkg/rapport.js';
import { createEngineHost } from './lib/engine-host.js';
import { PORT_NAME } from './lib/protocol.js';
import { SETTINGS_KEY } from './lib/settings.js';

const api = globalThis.browser ?? globalThis.chrome;

const host = createEngineHost({
  init: () => init({ module_or_path: api.runtime.getURL('pkg/rapport_bg.wasm') }),
  Engine,
  readSettings: async () => (await api.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY],
  warn: (message) => console.warn(message),
});

// Listeners are registered synchronously so the worker wakes for them.
api.runtime.onConnect.addListener((port) => {
  if (port.name !== PORT_NAME) return;
  let connected = true;
  port.onDisconnect.addListener(() => {
    connected = false;
  });
  port.onMessage.addListener(async (message) => {
    const reply = await host.handle(message);
    if (connected) port.postMessage(reply);
  });
});

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && SETTINGS_KEY in changes) host.applySettings(changes[SETTINGS_KEY].newValue);
});
