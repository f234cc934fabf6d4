// @ts-check
// The screen-reader summary: a polite live region. Testability contract: [data-rapport="live"].

/** @param {import('./dom.js').H} h */
export function createAnnouncer(h) {
  const element = h('div', { className: 'sr-only', role: 'status', 'aria-live': 'polite', dataset: { rapport: 'live' } });
  let lastAnnounced = '';
  return {
    element,
    /**
     * Tells screen readers (politely) what changed; repeated text is not re-announced.
     * @param {string} text
     */
    announce(text) {
      if (text === lastAnnounced) return;
      lastAnnounced = text;
      element.textContent = text;
    },
  };
}
