import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPortClient } from '../../extension/content/port-client.js';

/** A fake runtime.Port: records what is posted; the test plays the background. */
class FakePort {
  constructor() {
    this.posted = [];
    this.messageListeners = [];
    this.disconnectListeners = [];
    this.onMessage = { addListener: (fn) => this.messageListeners.push(fn) };
    this.onDisconnect = { addListener: (fn) => this.disconnectListeners.push(fn) };
    this.dead = false;
  }
  postMessage(message) {
    if (this.dead) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(structuredClone(message));
  }
  reply(message) {
    for (const fn of this.messageListeners) fn(message);
  }
  /** The background went away (service worker stopped). */
  disconnect() {
    this.dead = true;
    for (const fn of this.disconnectListeners) fn(this);
  }
}

/** Manual timers: the test decides when time passes. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const timers = new Map();
  return {
    setTimer: (fn, ms) => {
      const id = next++;
      timers.set(id, { fn, at: now + ms });
      return id;
    },
    clearTimer: (id) => timers.delete(id),
    /** Runs every timer due by now + ms, including ones set by timers that ran. */
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
  };
}

function harness(options = {}) {
  const ports = [];
  const timers = fakeTimers();
  const client = createPortClient({
    connect: () => {
      if (options.connectThrows) throw new Error('Extension context invalidated.');
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    timeoutMs: 1000,
    maxAttempts: 3,
    backoffMs: () => 10,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  return { client, ports, timers };
}

const OPTIONS = { platform: 'x', context: 'post' };
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('connects lazily and resolves with the report', async () => {
  const { client, ports } = harness();
  assert.equal(ports.length, 0);
  const reply = client.analyze('hello', OPTIONS);
  assert.equal(ports.length, 1);
  const [request] = ports[0].posted;
  assert.deepEqual(request, { id: request.id, type: 'analyze', text: 'hello', options: OPTIONS });
  ports[0].reply({ id: request.id, ok: true, report: JSON.stringify({ score: { value: 1 } }) });
  assert.deepEqual(await reply, { score: { value: 1 } });
  assert.equal(client.inFlight, 0);
  assert.equal(client.closed, false);
});

test('an error reply rejects with its message', async () => {
  const { client, ports } = harness();
  const reply = client.analyze('x', OPTIONS);
  ports[0].reply({ id: ports[0].posted[0].id, ok: false, error: 'bad platform' });
  await assert.rejects(reply, /bad platform/);
});

test('on disconnect every request in flight is resent on a new port', async () => {
  const { client, ports } = harness();
  const first = client.analyze('one', OPTIONS);
  const second = client.analyze('two', OPTIONS);
  assert.equal(ports.length, 1);
  ports[0].disconnect();
  assert.equal(ports.length, 2, 'reconnected');
  assert.deepEqual(ports[1].posted.map((m) => m.text), ['one', 'two']);
  for (const message of ports[1].posted) ports[1].reply({ id: message.id, ok: true, report: JSON.stringify({ text: message.text }) });
  assert.deepEqual(await Promise.all([first, second]), [{ text: 'one' }, { text: 'two' }]);
});

test('a reply to a request answered before the disconnect is not resent', async () => {
  const { client, ports } = harness();
  const done = client.analyze('done', OPTIONS);
  ports[0].reply({ id: ports[0].posted[0].id, ok: true, report: '{}' });
  await done;
  const open = client.analyze('open', OPTIONS);
  ports[0].disconnect();
  assert.deepEqual(ports[1].posted.map((m) => m.text), ['open']);
  ports[1].reply({ id: ports[1].posted[0].id, ok: true, report: '{}' });
  await open;
});

test('after a disconnect with nothing in flight, the next request reconnects', async () => {
  const { client, ports } = harness();
  const a = client.analyze('a', OPTIONS);
  ports[0].reply({ id: ports[0].posted[0].id, ok: true, report: '{}' });
  await a;
  ports[0].disconnect();
  assert.equal(ports.length, 1, 'no eager reconnect when idle');
  const b = client.analyze('b', OPTIONS);
  assert.equal(ports.length, 2);
  ports[1].reply({ id: ports[1].posted[0].id, ok: true, report: '{}' });
  await b;
});

test('posting on a port that died silently reconnects and resends', async () => {
  const { client, ports, timers } = harness();
  const a = client.analyze('a', OPTIONS);
  ports[0].reply({ id: ports[0].posted[0].id, ok: true, report: '{}' });
  await a;
  ports[0].dead = true; // dead, but onDisconnect not delivered yet
  const b = client.analyze('b', OPTIONS);
  timers.advance(10); // backoff
  assert.equal(ports.length, 2);
  assert.deepEqual(ports[1].posted.map((m) => m.text), ['b']);
  ports[1].reply({ id: ports[1].posted[0].id, ok: true, report: JSON.stringify({ ok: 1 }) });
  assert.deepEqual(await b, { ok: 1 });
});

test('a request without a reply is retried after the timeout, then fails', async () => {
  const { client, ports, timers } = harness();
  const reply = client.analyze('x', OPTIONS);
  timers.advance(1000); // timeout
  timers.advance(10); // backoff
  assert.equal(ports[0].posted.length, 2, 'resent with the same id');
  assert.equal(ports[0].posted[0].id, ports[0].posted[1].id);
  timers.advance(1010);
  assert.equal(ports[0].posted.length, 3);
  timers.advance(1000);
  await assert.rejects(reply, /did not answer after 3 attempts/);
  assert.equal(client.inFlight, 0);
});

test('a duplicate reply to a resent request is ignored', async () => {
  const { client, ports, timers } = harness();
  const reply = client.analyze('x', OPTIONS);
  timers.advance(1010);
  const { id } = ports[0].posted[0];
  ports[0].reply({ id, ok: true, report: JSON.stringify({ n: 1 }) });
  ports[0].reply({ id, ok: true, report: JSON.stringify({ n: 2 }) });
  assert.deepEqual(await reply, { n: 1 });
});

test('malformed messages are ignored', async () => {
  const { client, ports } = harness();
  const reply = client.analyze('x', OPTIONS);
  ports[0].reply('nonsense');
  ports[0].reply({ id: ports[0].posted[0].id, ok: 'yes' });
  ports[0].reply({ id: ports[0].posted[0].id, ok: true, report: '{}' });
  assert.deepEqual(await reply, {});
});

test('an orphaned content script (connect throws) fails clearly and stays closed', async () => {
  const { client } = harness({ connectThrows: true });
  await assert.rejects(client.analyze('x', OPTIONS), /cannot reach its background.*reload the page/);
  await assert.rejects(client.analyze('y', OPTIONS), /cannot reach its background/);
  assert.equal(client.closed, true);
  await settle();
});
