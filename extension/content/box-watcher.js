// Wires one compose box: change detection → coalescer → port client → chip.
// Reads the box, never writes to it.

import { chipModel } from './chip-model.js';
import { createCoalescer } from './coalescer.js';
import { textareaText, walkText } from './text-walk.js';

/**
 * @param {HTMLElement} box         the textarea or the editor's contenteditable root
 * @param {object} deps
 * @param {string} deps.platform
 * @param {(box: HTMLElement) => string} deps.context
 * @param {{analyze: Function}} deps.client
 * @param {{update: Function, place: Function, remove: Function}} deps.chip
 * @param {(key: string, substitutions?: string[]) => string} deps.t
 * @param {() => void} deps.onLayout  asks for the chips to be placed again
 * @param {(error: Error) => void} deps.onError  an analysis failed
 */
export function watchBox(box, { platform, context, client, chip, t, onLayout, onError }) {
  const win = box.ownerDocument.defaultView;
  const isTextarea = box.nodeName === 'TEXTAREA';

  const coalescer = createCoalescer({
    read: () => ({
      text: isTextarea ? textareaText(box) : walkText(box).text,
      options: { platform, context: context(box) },
    }),
    send: ({ text, options }) => client.analyze(text, options),
    onReport: (report) => {
      chip.update(chipModel(report, t));
      onLayout();
    },
    onError,
    schedule: (callback) => win.requestAnimationFrame(callback),
  });
  const poke = () => coalescer.poke();

  let observer = null;
  if (isTextarea) {
    box.addEventListener('input', poke);
  } else {
    observer = new win.MutationObserver(poke);
    observer.observe(box, { characterData: true, childList: true, subtree: true });
  }
  const resizeObserver = new win.ResizeObserver(onLayout);
  resizeObserver.observe(box);
  poke();

  return {
    box,
    place(viewport) {
      chip.place(box.getBoundingClientRect(), viewport);
    },
    dispose() {
      coalescer.dispose();
      observer?.disconnect();
      box.removeEventListener('input', poke);
      resizeObserver.disconnect();
      chip.remove();
    },
  };
}
