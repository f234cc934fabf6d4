// Globals the type check needs to know of.

/** Firefox's promise-based extension API; Chrome's `chrome` has the same shape where Rapport uses it. */
declare var browser: typeof chrome | undefined;
