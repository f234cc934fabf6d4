// @ts-check
// The panel a chip opens: the score, the rows (tone, focus, reply, length), the breakdown (each
// line's points, why and words; hovering or focusing a line highlights its words in the editor)
// and one entry per finding, grouped by rule set. One panel for the page, shown for one box at a
// time. Every control's accessible name is its visible text (with the severity, which the dot
// shows, in visually hidden text).
// Testability contract: [data-rapport="panel"]; entries [data-rapport="hint"] with data-rule,
// data-rule-set, data-severity, data-key; score lines [data-rapport="factor"] with data-factor;
// [data-rapport="notice"] instead of them for a draft too long to check or a stopped engine, whose
// notice has [data-rapport="reload-engine"].

import { placePopover } from '../geometry.js';
import { wordsLine } from './card.js';
import { trusted } from './dom.js';

/**
 * What the panel tells its owner (content/ui.js).
 * @typedef {object} PanelHandlers
 * @property {(view: any, key: string | null) => void} onHintHover
 * @property {(view: any, key: string, byKeyboard: boolean) => void} onHintActivate
 * @property {(view: any, index: number | null) => void} onFactorHover  a score line's words to highlight (its index in the breakdown), or none
 * @property {(byKeyboard: boolean) => void} onPanelClose
 * @property {() => void} onOpenOptions
 * @property {() => void} onReloadEngine  the user asked to start a stopped engine again
 */

/**
 * What the panel shows: a report's model, or a notice alone (a draft too long to check; the
 * engine stopped, with `reload` the button's label).
 * @typedef {import('../hint-model.js').PanelModel | {notice: string, reload?: string}} PanelContent
 */

const ROW_LABELS = { tone: 'rowTone', focus: 'rowFocus', reply: 'rowReply', length: 'rowLength' };

/**
 * @param {object} deps
 * @param {import('./dom.js').H} deps.h
 * @param {import('./dom.js').Translate} deps.t
 * @param {ShadowRoot} deps.root  the overlay's shadow root (for the focused element)
 * @param {HTMLElement} deps.element  the panel's element, [data-rapport="panel"]
 * @param {PanelHandlers} deps.handlers
 * @param {() => import('./dom.js').Viewport} deps.viewport
 */
export function createPanel({ h, t, root, element: panel, handlers, viewport }) {
  /** @type {any} the box view the panel is open for */
  let panelView = null;
  /** @type {() => import('../geometry.js').Rect} */
  let panelAnchor = () => panel.getBoundingClientRect();

  /** @param {import('../hint-model.js').PanelRow} row */
  const rowValue = (row) => {
    if (row.key === 'tone') return t(`tone_${row.value}`);
    if (row.key === 'focus') return t(`focus_${row.value}`);
    if (row.key === 'reply') return t(row.value === 'yes' ? 'reply_yes' : 'reply_no');
    return row.value;
  };

  /** @param {any} view @param {PanelContent} content */
  function renderPanel(view, content) {
    const close = h('button', { type: 'button', className: 'icon-button', 'aria-label': t('close'), title: t('close'), on: { click: (event) => handlers.onPanelClose(/** @type {MouseEvent} */ (event).detail === 0) } }, '×');
    const foot = h(
      'div',
      { className: 'panel-foot' },
      h('span', { text: t('privateNote') }),
      h('button', { type: 'button', className: 'link', text: t('openOptions'), on: { click: () => handlers.onOpenOptions() } }),
    );
    if ('notice' in content) {
      const reload = content.reload
        ? h('button', { type: 'button', className: 'button', dataset: { rapport: 'reload-engine' }, text: content.reload, on: { click: () => handlers.onReloadEngine() } })
        : null;
      panel.replaceChildren(h('div', { className: 'panel-head' }, h('h2', { text: t('panelTitle') }), close), h('div', { className: 'empty', dataset: { rapport: 'notice' } }, h('p', { text: content.notice }), reload), foot);
      return;
    }
    const model = content;
    const head = h(
      'div',
      { className: 'panel-head' },
      h('h2', { text: t('panelTitle') }),
      h('span', { className: 'big-score', title: t('scoreTitle') }, h('span', { className: 'sr-only', text: `${t('scoreWord')} ` }), String(model.score)),
      close,
    );
    const rows = h(
      'dl',
      { className: 'rows' },
      model.rows.map((row) => [
        h('dt', { text: t(ROW_LABELS[row.key]) }),
        h('dd', { dataset: row.key === 'tone' ? { tone: row.value } : row.over ? { over: 'true' } : {} }, rowValue(row)),
      ]),
    );
    const breakdown = model.breakdown.length
      ? h(
          'ul',
          { className: 'breakdown', 'aria-label': t('breakdownTitle') },
          model.breakdown.map((item, index) => {
            const show = () => handlers.onFactorHover(view, index);
            const hide = () => handlers.onFactorHover(view, null);
            return h(
              'li',
              {},
              h(
                'button',
                { type: 'button', className: 'factor', dataset: { rapport: 'factor', factor: item.factor }, on: { mouseenter: show, focus: show, click: show, mouseleave: hide, blur: hide } },
                h('span', { className: 'points' }, item.points > 0 ? `+${item.points}` : String(item.points)),
                h('span', { className: 'factor-text' }, h('span', { text: item.why }), item.words.length > 0 ? h('span', { className: 'factor-words', text: ` ${wordsLine(t, item)}` }) : ''),
              ),
            );
          }),
        )
      : null;
    const groups = model.groups.map((group) =>
      h(
        'section',
        { className: 'group' },
        h('h3', { text: t(`ruleSet_${group.ruleSet}`) || group.ruleSet }),
        h(
          'ul',
          {},
          group.hints.map((hint) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  dataset: { rapport: 'hint', rule: hint.rule, ruleSet: hint.rule_set, severity: hint.severity, key: hint.key },
                  on: {
                    mouseenter: () => handlers.onHintHover(view, hint.key),
                    mouseleave: () => handlers.onHintHover(view, null),
                    focus: () => handlers.onHintHover(view, hint.key),
                    click: (event) => handlers.onHintActivate(view, hint.key, /** @type {MouseEvent} */ (event).detail === 0),
                  },
                },
                h('span', { className: 'sev', 'aria-hidden': 'true' }),
                h('span', { className: 'quote' }, h('span', { className: 'sr-only', text: `${t(`severity_${hint.severity}`)}: ` }), wordsLine(t, hint)),
                h('span', { className: 'message', text: hint.message }),
              ),
            ),
          ),
        ),
      ),
    );
    const empty = model.groups.length === 0 ? h('p', { className: 'empty', text: t('noHints') }) : null;
    const focusedKey = /** @type {HTMLElement | null} */ (root.activeElement)?.dataset?.key;
    panel.replaceChildren(head, rows, breakdown ?? '', ...groups, empty ?? '', foot);
    if (focusedKey) focusHint(focusedKey);
  }

  function placePanel() {
    if (!panelView || panel.hidden) return;
    const anchor = panelAnchor();
    const size = { width: panel.offsetWidth, height: panel.offsetHeight };
    const { left, top } = placePopover(anchor, size, viewport(), { align: 'right' });
    panel.style.transform = `translate(${left}px, ${top}px)`;
  }

  /** @param {string} key */
  function focusHint(key) {
    /** @type {HTMLElement | null} */ (panel.querySelector(`[data-rapport="hint"][data-key="${CSS.escape(key)}"]`))?.focus({ preventScroll: true });
  }

  panel.addEventListener('keydown', trusted((/** @type {KeyboardEvent} */ event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      handlers.onPanelClose(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const entries = /** @type {HTMLElement[]} */ ([...panel.querySelectorAll('[data-rapport="hint"]')]);
      const index = entries.indexOf(/** @type {HTMLElement} */ (root.activeElement));
      const next = entries[index + (event.key === 'ArrowDown' ? 1 : -1)];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  }));

  return {
    get view() {
      return panel.hidden ? null : panelView;
    },
    /**
     * Opens (or refreshes) the panel for `view`, below its chip (`anchor()` returns the chip's rect).
     * @param {any} view @param {PanelContent} model @param {() => import('../geometry.js').Rect} anchor
     */
    show(view, model, anchor) {
      panelView = view;
      panelAnchor = anchor;
      renderPanel(view, model);
      panel.hidden = false;
      placePanel();
    },
    /** @param {any} view @param {PanelContent} model */
    update(view, model) {
      if (panelView === view && !panel.hidden) {
        renderPanel(view, model);
        placePanel();
      }
    },
    place: placePanel,
    hide() {
      panel.hidden = true;
      panel.replaceChildren();
      panelView = null;
    },
    focusFirst() {
      /** @type {HTMLElement | null} */ (panel.querySelector('[data-rapport="hint"]') ?? panel.querySelector('button'))?.focus({ preventScroll: true });
    },
    focusHint,
    /** @param {string | null} key */
    setActive(key) {
      for (const element of /** @type {NodeListOf<HTMLElement>} */ (panel.querySelectorAll('[data-rapport="hint"]'))) element.dataset.active = String(element.dataset.key === key);
    },
    /** @param {Node | null} node */
    contains: (node) => panel.contains(node),
  };
}

/** @typedef {ReturnType<typeof createPanel>} Panel */
