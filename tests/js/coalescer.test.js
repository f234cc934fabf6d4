import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoalescer } from '../../extension/content/coalescer.js';

/** A coalescer over a fake frame clock and a sender whose replies the test releases by hand. */
function harness() {
  const frames = [];
  const sent = [];
  const reports = [];
  const errors = [];
  let text = '';
  const coalescer = createCoalescer({
    // A text of "skip" is not read (as a draft too long to check is not).
    read: () => (text === 'skip' ? null : { text, options: { platform: 'x', context: 'post' } }),
    send: (snapshot) =>
      new Promise((resolve, reject) => sent.push({ snapshot, resolve, reject })),
    onReport: (report) => reports.push(report),
    onError: (error) => errors.push(error.message),
    schedule: (callback) => frames.push(callback),
  });
  return {
    coalescer,
    sent,
    reports,
    errors,
    type(value) {
      text = value;
      coalescer.poke();
    },
    frame() {
      const due = frames.splice(0);
      for (const callback of due) callback();
    },
    get scheduledFrames() {
      return frames.length;
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('many changes in one frame make one request with the latest text', () => {
  const h = harness();
  h.type('a');
  h.type('ab');
  h.type('abc');
  assert.equal(h.scheduledFrames, 1);
  assert.equal(h.sent.length, 0, 'nothing is sent before the frame');
  h.frame();
  assert.deepEqual(h.sent.map((s) => s.snapshot.text), ['abc']);
});

test('never more than one request in flight; the latest text goes next', async () => {
  const h = harness();
  h.type('a');
  h.frame();
  h.type('ab');
  h.type('abc');
  h.frame();
  assert.equal(h.sent.length, 1, 'second request waits for the first reply');
  assert.equal(h.scheduledFrames, 0);
  h.sent[0].resolve({ n: 1 });
  await settle();
  assert.deepEqual(h.reports, [{ n: 1 }]);
  assert.equal(h.scheduledFrames, 1, 'follow-up planned for the next frame');
  h.frame();
  assert.deepEqual(h.sent.map((s) => s.snapshot.text), ['a', 'abc']);
});

test('an unchanged text is not sent again', async () => {
  const h = harness();
  h.type('same');
  h.frame();
  h.sent[0].resolve({});
  await settle();
  h.type('same');
  h.frame();
  assert.equal(h.sent.length, 1);
});

test('after an error the same text is tried again on the next change', async () => {
  const h = harness();
  h.type('x');
  h.frame();
  h.sent[0].reject(new Error('boom'));
  await settle();
  assert.deepEqual(h.errors, ['boom']);
  h.type('x');
  h.frame();
  assert.equal(h.sent.length, 2);
});

test('no report after dispose', async () => {
  const h = harness();
  h.type('x');
  h.frame();
  h.coalescer.dispose();
  h.sent[0].resolve({});
  await settle();
  assert.deepEqual(h.reports, []);
  h.type('y');
  assert.equal(h.scheduledFrames, 0);
});

test('a skipped read (a draft too long to check) makes the next text go out, even the one sent last', async () => {
  const h = harness();
  h.type('abc');
  h.frame();
  h.sent[0].resolve('report abc');
  await settle();
  h.type('skip');
  h.frame();
  assert.equal(h.sent.length, 1, 'nothing sent for a skipped read');
  h.type('abc');
  h.frame();
  assert.deepEqual(h.sent.map((s) => s.snapshot.text), ['abc', 'abc'], 'the chip must leave the skipped state');
});
