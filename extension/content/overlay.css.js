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
}
[data-rapport="chip"] {
  --bg: #f7f7f5;
  --fg: #3a3a38;
  --border: #d9d9d4;
  --positive: #4f9a6d;
  --neutral: #9a9a92;
  --negative: #c46a5a;
  --over: #b3493a;
  position: fixed;
  top: 0;
  left: 0;
  display: inline-flex;
  align-items: center;
  gap: 6px;
  box-sizing: border-box;
  height: 22px;
  padding: 0 8px;
  border: 1px solid var(--border);
  border-radius: 11px;
  background: var(--bg);
  color: var(--fg);
  font: 500 11px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-variant-numeric: tabular-nums;
  white-space: nowrap;
  pointer-events: auto;
  user-select: none;
  opacity: 0.92;
}
[data-rapport="chip"][hidden] { display: none; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: var(--neutral); }
[data-tone="positive"] .dot { background: var(--positive); }
[data-tone="negative"] .dot { background: var(--negative); }
[data-over="true"] .counter { color: var(--over); font-weight: 700; }
.score { padding-left: 6px; border-left: 1px solid var(--border); }
@media (prefers-color-scheme: dark) {
  [data-rapport="chip"] {
    --bg: #2a2b2e;
    --fg: #e4e4e0;
    --border: #44464b;
    --positive: #6fbf8e;
    --neutral: #8d8d88;
    --negative: #e08a7a;
    --over: #f08f7f;
  }
}
`;
