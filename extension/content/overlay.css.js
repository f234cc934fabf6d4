// @ts-check
// Styles of the overlay's shadow root, applied as a constructable stylesheet (a <style> element
// could be blocked by the page's style-src).
export const OVERLAY_CSS = `
:host {
  all: initial;
  position: fixed;
  top: 0;
  left: 0;
  width: 0;
  height: 0;
  z-index: 2147483647;
  pointer-events: none;
  --bg: #fbfbf9;
  --bg-raised: #ffffff;
  --fg: #33332f;
  --fg-muted: #6b6b64;
  --border: #dcdcd5;
  --focus: #3f7f6a;
  --hover: #f0f0eb;
  --positive: #4f9a6d;
  --neutral: #9a9a92;
  --negative: #c46a5a;
  --over: #b3493a;
  --warning: #c0673f;
  --suggestion: #4d7cb8;
  --info: #8a9a8f;
  --warning-fill: rgba(192, 103, 63, 0.14);
  --suggestion-fill: rgba(77, 124, 184, 0.13);
  --info-fill: rgba(120, 140, 128, 0.14);
  --shadow: 0 6px 24px rgba(40, 40, 30, 0.14), 0 1px 3px rgba(40, 40, 30, 0.10);
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif;
}
@media (prefers-color-scheme: dark) {
  :host {
    --bg: #26272a;
    --bg-raised: #2d2e32;
    --fg: #e6e6e1;
    --fg-muted: #a3a39c;
    --border: #45474c;
    --focus: #7cc4a8;
    --hover: #35373b;
    --positive: #6fbf8e;
    --neutral: #8d8d88;
    --negative: #e08a7a;
    --over: #f08f7f;
    --warning: #e39066;
    --suggestion: #7fa8dd;
    --info: #9cb0a3;
    --warning-fill: rgba(227, 144, 102, 0.20);
    --suggestion-fill: rgba(127, 168, 221, 0.20);
    --info-fill: rgba(156, 176, 163, 0.18);
    --shadow: 0 8px 28px rgba(0, 0, 0, 0.5), 0 1px 3px rgba(0, 0, 0, 0.4);
  }
}
[hidden] { display: none !important; }
button { font: inherit; color: inherit; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }

/* Chip */
[data-rapport="chip"] {
  position: fixed;
  left: 0;
  top: 0;
  display: inline-flex;
  align-items: center;
  gap: 7px;
  box-sizing: border-box;
  height: 24px;
  margin: 0;
  padding: 0 9px;
  border: 1px solid var(--border);
  border-radius: 12px;
  background: var(--bg);
  color: var(--fg);
  font: 500 11.5px/1 var(--font);
  font-variant-numeric: tabular-nums;
  white-space: nowrap;
  pointer-events: auto;
  user-select: none;
  cursor: pointer;
  opacity: 0.94;
  transition: opacity 120ms ease, border-color 120ms ease;
}
[data-rapport="chip"]:hover, [data-rapport="chip"][aria-expanded="true"] { opacity: 1; border-color: var(--fg-muted); }
.dot { width: 8px; height: 8px; border-radius: 50%; background: var(--neutral); flex: none; }
[data-tone="positive"] .dot { background: var(--positive); }
[data-tone="negative"] .dot { background: var(--negative); }
.glyph {
  display: inline-grid;
  place-items: center;
  min-width: 16px;
  height: 16px;
  padding: 0 3px;
  box-sizing: border-box;
  border-radius: 8px;
  font-size: 10.5px;
  font-weight: 600;
  color: var(--fg-muted);
  background: var(--hover);
}
.glyph.reply[data-on="true"] { color: var(--bg); background: var(--positive); }
.glyph.focus[data-on="true"] { color: var(--bg); background: var(--warning); }
/* No room beside the editor: a dot (still the same labelled button, in the tab order). */
[data-rapport="chip"][data-size="dot"] { width: 16px; height: 16px; padding: 0; gap: 0; justify-content: center; border-radius: 50%; }
[data-rapport="chip"][data-size="dot"] > :not(.dot):not(.sr-only) { display: none; }
[data-rapport="chip"][data-size="dot"] .dot { width: 8px; height: 8px; }
.note { color: var(--fg-muted); }
[data-state="too-long"] .dot, [data-state="stopped"] .dot { background: transparent; border: 1.5px solid var(--neutral); box-sizing: border-box; }
[data-state="stopped"] .counter { display: none; }
.counter { color: var(--fg-muted); }
[data-over="true"] .counter { color: var(--over); font-weight: 700; }
.score { padding-left: 7px; border-left: 1px solid var(--border); font-weight: 650; }

/* Underlines: drawn over the editor, never catching the pointer (hover is hit-tested). */
.layer { position: fixed; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
[data-rapport="underline"] { position: fixed; box-sizing: border-box; pointer-events: none; z-index: 1; }
/* Quieter severities below, so a warning's line is drawn over a note's. */
[data-rapport="underline"][data-severity="info"] { z-index: 0; }
[data-rapport="underline"][data-severity="warning"] { z-index: 2; }
[data-rapport="underline"] > .line {
  position: absolute;
  height: 2px;
  border-radius: 1px;
  background: var(--suggestion);
  opacity: 0.85;
}
[data-rapport="underline"] > .fill { position: absolute; border-radius: 2px; background: transparent; }
[data-rapport="underline"][data-severity="warning"] > .line { background: var(--warning); }
[data-rapport="underline"][data-severity="info"] > .line {
  background: repeating-linear-gradient(90deg, var(--info) 0 3px, transparent 3px 5px);
}
[data-rapport="underline"][data-active="true"] > .fill { background: var(--suggestion-fill); }
[data-rapport="underline"][data-active="true"][data-severity="warning"] > .fill { background: var(--warning-fill); }
[data-rapport="underline"][data-active="true"][data-severity="info"] > .fill { background: var(--info-fill); }
/* A score line's words, while the line is hovered or focused in the panel. */
[data-rapport="highlight"] { position: fixed; box-sizing: border-box; pointer-events: none; z-index: 3; }
[data-rapport="highlight"] > .fill { position: absolute; border-radius: 2px; background: var(--suggestion-fill); box-shadow: inset 0 -2px 0 var(--focus); }
[data-rapport="highlight"] > .line { display: none; }

/* Panel and card */
.popover {
  position: fixed;
  top: 0;
  left: 0;
  box-sizing: border-box;
  border: 1px solid var(--border);
  border-radius: 10px;
  background: var(--bg-raised);
  color: var(--fg);
  box-shadow: var(--shadow);
  font: 400 13px/1.45 var(--font);
  pointer-events: auto;
  animation: rapport-in 120ms ease-out;
}
@keyframes rapport-in { from { opacity: 0; transform: translateY(2px); } }
[data-rapport="panel"] {
  width: 340px;
  max-height: min(480px, calc(100vh - 24px));
  overflow: auto;
  padding: 12px 0 8px;
}
.panel-head { display: flex; align-items: center; gap: 10px; padding: 0 14px 10px; }
.panel-head h2 { flex: 1; margin: 0; font-size: 14px; font-weight: 650; }
.big-score {
  display: inline-grid;
  place-items: center;
  min-width: 34px;
  height: 26px;
  padding: 0 6px;
  box-sizing: border-box;
  border-radius: 13px;
  background: var(--hover);
  font-weight: 700;
  font-variant-numeric: tabular-nums;
}
.icon-button {
  display: inline-grid;
  place-items: center;
  width: 26px;
  height: 26px;
  border: 0;
  border-radius: 6px;
  background: transparent;
  color: var(--fg-muted);
  font-size: 16px;
  line-height: 1;
  cursor: pointer;
}
.icon-button:hover { background: var(--hover); color: var(--fg); }
.rows { display: grid; grid-template-columns: auto 1fr; gap: 3px 12px; margin: 0; padding: 0 14px 10px; }
.rows dt { color: var(--fg-muted); }
.rows dd { margin: 0; }
.rows dd[data-tone]::before {
  content: "";
  display: inline-block;
  width: 8px;
  height: 8px;
  margin-right: 6px;
  border-radius: 50%;
  background: var(--neutral);
}
.rows dd[data-tone="positive"]::before { background: var(--positive); }
.rows dd[data-tone="negative"]::before { background: var(--negative); }
.rows dd[data-over="true"] { color: var(--over); font-weight: 650; }
.breakdown { list-style: none; margin: 0; padding: 6px 0 8px; border-top: 1px solid var(--border); color: var(--fg-muted); font-size: 12px; }
.factor {
  display: flex;
  gap: 8px;
  width: 100%;
  margin: 0;
  padding: 2px 14px;
  border: 0;
  background: transparent;
  color: var(--fg-muted);
  text-align: left;
  cursor: default;
}
.factor:hover, .factor:focus-visible { background: var(--hover); }
.factor:focus-visible { outline-offset: -2px; }
.factor-words { color: var(--fg); overflow-wrap: anywhere; }
.points { min-width: 28px; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; color: var(--fg); }
.group { border-top: 1px solid var(--border); padding: 8px 0 4px; }
.group h3 { margin: 0 14px 4px; font-size: 11px; font-weight: 650; letter-spacing: 0.04em; text-transform: uppercase; color: var(--fg-muted); }
.group ul { list-style: none; margin: 0; padding: 0; }
[data-rapport="hint"] {
  display: grid;
  grid-template-columns: 10px 1fr;
  gap: 2px 8px;
  width: 100%;
  margin: 0;
  padding: 5px 14px;
  border: 0;
  background: transparent;
  text-align: left;
  cursor: pointer;
}
[data-rapport="hint"]:hover, [data-rapport="hint"][data-active="true"] { background: var(--hover); }
[data-rapport="hint"]:focus-visible { outline-offset: -2px; }
.sev { width: 8px; height: 8px; margin-top: 5px; border-radius: 50%; background: var(--suggestion); }
[data-severity="warning"] > .sev { background: var(--warning); }
[data-severity="info"] > .sev { background: var(--info); }
.quote { font-weight: 600; overflow-wrap: anywhere; }
.message { grid-column: 2; color: var(--fg-muted); font-size: 12px; }
.empty { margin: 0; padding: 10px 14px; border-top: 1px solid var(--border); color: var(--fg-muted); }
.panel-foot {
  display: flex;
  justify-content: space-between;
  align-items: center;
  gap: 8px;
  margin-top: 4px;
  padding: 8px 14px 0;
  border-top: 1px solid var(--border);
  color: var(--fg-muted);
  font-size: 11.5px;
}
.link { padding: 0; border: 0; background: none; color: var(--focus); cursor: pointer; text-decoration: underline; text-underline-offset: 2px; }
[data-rapport="card"] { width: 300px; padding: 11px 13px 10px; }
.card-title { display: flex; gap: 8px; align-items: baseline; margin: 0 0 4px; font-weight: 650; }
.card-title .sev { flex: none; margin-top: 0; align-self: center; }
.words { margin: 0 0 4px; font-size: 12.5px; font-weight: 600; overflow-wrap: anywhere; }
.why { margin: 0 0 8px; color: var(--fg-muted); font-size: 12.5px; }
.suggestion {
  display: flex;
  align-items: center;
  gap: 8px;
  margin: 0 0 8px;
  padding: 6px 8px;
  border-radius: 6px;
  background: var(--hover);
  font-size: 12.5px;
}
.fixes { flex: 1; list-style: none; margin: 0; padding: 0; }
.fixes li { overflow-wrap: anywhere; }
.fixes del { color: var(--fg-muted); }
.fixes ins { font-weight: 600; text-decoration: none; }
.fixes .remove { font-style: italic; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; }
.button {
  padding: 4px 10px;
  border: 1px solid var(--border);
  border-radius: 6px;
  background: var(--bg);
  font-size: 12px;
  cursor: pointer;
}
.button:hover { border-color: var(--fg-muted); }
.button.primary { border-color: var(--focus); background: var(--focus); color: var(--bg-raised); }
/* "Before you post": one calm line beside the chip. Closed, it is an empty status region. */
[data-rapport="reminder"] {
  position: fixed;
  left: 0;
  top: 0;
  display: flex;
  align-items: center;
  gap: 10px;
  box-sizing: border-box;
  max-width: min(440px, calc(100vw - 16px));
  padding: 5px 6px 5px 12px;
  border: 1px solid var(--border);
  border-left: 3px solid var(--warning);
  border-radius: 8px;
  background: var(--bg-raised);
  color: var(--fg);
  box-shadow: var(--shadow);
  font: 400 12.5px/1.35 var(--font);
  pointer-events: auto;
  animation: rapport-fade 160ms ease-out;
}
@keyframes rapport-fade { from { opacity: 0; } }
[data-rapport="reminder"][data-open="false"] {
  width: 1px;
  height: 1px;
  padding: 0;
  border: 0;
  overflow: hidden;
  clip-path: inset(50%);
  pointer-events: none;
  animation: none;
}
.reminder-text { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.reminder-words { color: var(--fg-muted); }
[data-rapport="reminder"] .actions { flex: none; flex-wrap: nowrap; }
.button.quiet { background: none; }
.sr-only {
  position: fixed;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
.mirror {
  position: fixed;
  visibility: hidden;
  overflow: hidden;
  pointer-events: none;
  white-space: pre-wrap;
  overflow-wrap: break-word;
}
@media (prefers-reduced-motion: reduce) {
  * { animation: none !important; transition: none !important; }
}
`;
