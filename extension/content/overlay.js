// The one <rapport-overlay> element (open shadow root, under <html>) that holds every chip.
// It never touches the editors: chips are positioned with fixed coordinates from the box's rect.

import { OVERLAY_CSS } from './overlay.css.js';

const INSET = 6; // px between the chip and the compose box's bottom-right corner

export function createOverlay(doc) {
  const host = doc.createElement('rapport-overlay');
  const root = host.attachShadow({ mode: 'open' });
  // A constructable stylesheet: a <style> element could be blocked by the page's style-src.
  const sheet = new doc.defaultView.CSSStyleSheet();
  sheet.replaceSync(OVERLAY_CSS);
  root.adoptedStyleSheets = [sheet];
  doc.documentElement.append(host);

  function createChip() {
    const chip = doc.createElement('div');
    chip.dataset.rapport = 'chip';
    chip.setAttribute('role', 'img');
    chip.hidden = true;
    const dot = doc.createElement('span');
    dot.className = 'dot';
    const counter = doc.createElement('span');
    counter.className = 'counter';
    const score = doc.createElement('span');
    score.className = 'score';
    chip.append(dot, counter, score);
    root.append(chip);
    let shown = false;

    return {
      /** @param {ReturnType<import('./chip-model.js').chipModel>} model */
      update(model) {
        chip.dataset.tone = model.tone;
        chip.dataset.invitesReply = String(model.invitesReply);
        chip.dataset.length = String(model.used);
        chip.dataset.limit = String(model.limit);
        chip.dataset.over = String(model.over);
        chip.dataset.score = String(model.score);
        chip.setAttribute('aria-label', model.label);
        counter.textContent = model.counterText;
        score.textContent = String(model.score);
        shown = true;
      },
      /** Places the chip inside the bottom-right corner of `rect` (viewport coordinates). */
      place(rect, viewport) {
        const visible = shown && rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < viewport.height;
        chip.hidden = !visible;
        if (!visible) return;
        const { width, height } = chip.getBoundingClientRect();
        const left = Math.max(0, Math.min(rect.right - width - INSET, viewport.width - width));
        const top = Math.max(0, Math.min(rect.bottom - height - INSET, viewport.height - height));
        chip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
      },
      remove() {
        chip.remove();
      },
    };
  }

  return {
    createChip,
    destroy() {
      host.remove();
    },
  };
}
