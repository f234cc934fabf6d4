//! A custom regex cannot freeze the engine (issue 16, item 6): at most `MAX_SPANS` searches per
//! rule, each over a window of the text, and a time budget for all custom regexes of one
//! analysis. A rule that stops says so in a calm finding; an ordinary rule is unaffected.

use rapport::report::Hint;
use rapport::rules::custom::{REGEX_BUDGET_MS, REGEX_WINDOW, STOPPED_WHY};
use rapport::rules::MAX_SPANS;
use rapport::{Engine, Options, Severity};
use std::time::{Duration, Instant};

fn engine(rules: &[(&str, &str)], strictness: &str) -> Engine {
    let rules: Vec<serde_json::Value> = rules
        .iter()
        .map(
            |(id, re)| serde_json::json!({"id": id, "regex": re, "message": format!("{id} found")}),
        )
        .collect();
    let json = serde_json::json!({"custom_rules": rules, "strictness": strictness});
    Engine::from_json(&json.to_string()).unwrap()
}

/// The custom findings of one analysis, and how long it took.
fn run(e: &Engine, text: &str) -> (Vec<Hint>, Duration) {
    let t0 = Instant::now();
    let report = e.analyze(text, &Options::default());
    let took = t0.elapsed();
    let hints = report
        .hints
        .into_iter()
        .filter(|h| h.rule.starts_with("custom."))
        .collect();
    (hints, took)
}

/// Wall-clock bounds hold for an optimised build on a shared 2-core machine; a debug build runs
/// the regex engine ~20x slower.
fn bound(ms: u64) -> Duration {
    Duration::from_millis(if cfg!(debug_assertions) { ms * 20 } else { ms })
}

fn stopped(h: &Hint) -> bool {
    h.why == STOPPED_WHY
}

/// `.*z|a` over a run of `a`: every search runs `.*z` to the end of the text before it settles
/// for `a`. Before: every match searched to the end (250 KB: 0.53 s natively, seconds in wasm).
#[test]
fn a_regex_that_rereads_the_text_at_every_match_is_bounded() {
    let mut e = engine(&[("slow", ".*z|a")], "medium");
    for n in [20_000, 250_000] {
        let text = "a".repeat(n);
        // The search limit alone bounds it: the hint limit's worth of matches, no stop.
        e.set_clock(None);
        let (hints, took) = run(&e, &text);
        assert_eq!(hints.len(), 1, "{n}: {hints:?}");
        assert_eq!(hints[0].spans().count(), MAX_SPANS, "{n}");
        assert!(!stopped(&hints[0]));
        assert!(took < bound(80), "{n} a's took {took:?}");
        // With the clock, the same or (on a busy machine) a stop that keeps what it found.
        e.set_clock(rapport::rules::custom::default_clock());
        let (hints, took) = run(&e, &text);
        assert_eq!(hints.len(), 1, "{n}: {hints:?}");
        assert!(hints[0].spans().count() == MAX_SPANS || stopped(&hints[0]));
        assert!(took < bound(80), "{n} a's took {took:?}");
    }
}

/// Regexes whose single search is slow over a long text: each stops within the budget plus one
/// window's search and says so, naming the rule.
#[test]
fn pathological_regexes_stop_and_say_so() {
    let cases: &[(&str, String)] = &[
        // A search reads ~28 µs per byte: 100 KB was 2.8 s in one search.
        ("counted", "ab cd ef gh ".repeat(10_000)),
        ("runs", "a".repeat(200_000)),
        ("nested", "word ".repeat(40_000)),
        ("wide", "x y ".repeat(50_000)),
    ];
    let rules = [
        ("counted", r"(.{1,100}){1,20}Q"),
        ("runs", r"[a-z]{1,100}[a-z]{1,100}[a-z]{1,100}x"),
        ("nested", r"(\w+\s*){1,50}x"),
        ("wide", r"[^z]{1,1000}[^y]{1,1000}Q"),
    ];
    for (id, text) in cases {
        let re = rules.iter().find(|r| r.0 == *id).unwrap().1;
        let e = engine(&[(id, re)], "medium");
        let (hints, took) = run(&e, text);
        assert!(took < bound(600), "{id}: {took:?}");
        assert_eq!(hints.len(), 1, "{id}: {hints:?}");
        let h = &hints[0];
        assert!(stopped(h), "{id}: {h:?}");
        assert_eq!(h.rule, format!("custom.{id}"));
        assert_eq!(h.severity, Severity::Info);
        assert!(h.message.contains(id), "{}", h.message);
        // The note covers the text the rule did not check, to the end.
        assert_eq!(h.span.end, text.len());
        assert!(h.span.start < text.len());
    }
}

/// The budget is for all custom regexes of an analysis together: once it is spent, every
/// regex rule left is named as stopped; phrase rules and the built-in rules still run.
#[test]
fn the_budget_is_shared_and_every_stopped_rule_is_named() {
    let json = serde_json::json!({"custom_rules": [
        {"id": "slow1", "regex": r"(.{1,100}){1,20}Q", "message": "m"},
        {"id": "slow2", "regex": r"[^z]{1,1000}[^y]{1,1000}Q", "message": "m"},
        {"id": "fast", "regex": r"\bab\b", "message": "ab"},
        {"id": "words", "phrases": ["cd"], "message": "cd"},
    ]});
    let e = Engine::from_json(&json.to_string()).unwrap();
    let text = "ab cd ef gh ".repeat(20_000);
    let (hints, took) = run(&e, &text);
    assert!(took < bound(1000), "{took:?}");
    let by = |id: &str| hints.iter().find(|h| h.rule == id).unwrap();
    assert!(stopped(by("custom.slow1")) && stopped(by("custom.slow2")));
    // The fast regex came after the budget was spent: stopped too, but named.
    assert!(stopped(by("custom.fast")));
    let words = by("custom.words");
    assert!(!stopped(words) && words.spans().count() == MAX_SPANS);
}

/// What a stopped rule found before it stopped stays, in its own finding, with its own
/// severity; a fake clock makes the stop land at a known place.
#[test]
fn a_rule_keeps_what_it_found_before_it_stopped() {
    thread_local! {
        static NOW: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
    }
    /// Each reading of the clock is 10 ms after the last.
    fn ticking() -> f64 {
        NOW.with(|t| {
            t.set(t.get() + 10.0);
            t.get()
        })
    }
    let mut e = engine(&[("ab", r"\bab\b")], "medium");
    e.set_clock(Some(ticking));
    let text = "ab cd ".repeat(1000);
    let (hints, _) = run(&e, &text);
    assert_eq!(hints.len(), 1, "{hints:?}");
    let h = &hints[0];
    let searches = (REGEX_BUDGET_MS / 10.0) as usize + 1;
    assert_eq!(h.spans().count(), searches, "{h:?}");
    assert!(stopped(h));
    assert_eq!(h.message, "ab found");
    assert_eq!(h.severity, Severity::Suggestion);
    // Without a clock only the search limit applies: all 100 found, no stop.
    e.set_clock(None);
    let (hints, _) = run(&e, &text);
    assert_eq!(hints[0].spans().count(), MAX_SPANS);
    assert!(!stopped(&hints[0]));
}

/// Low strictness hides info hints, but not a stop: a rule never stops silently.
#[test]
fn a_stop_shows_at_low_strictness() {
    let e = engine(&[("counted", r"(.{1,100}){1,20}Q")], "low");
    let (hints, _) = run(&e, &"ab cd ef gh ".repeat(10_000));
    assert!(hints.len() == 1 && stopped(&hints[0]), "{hints:?}");
}

/// Ordinary regexes find exactly what one pass finds, on posts and on texts many windows long
/// (matches across a window's edge included).
#[test]
fn ordinary_rules_find_what_one_pass_finds() {
    let regexes = [
        r"\bsynerg(y|ies)\b",
        r"#\w+",
        r"(#\w+\s*){4,}",
        r"https?://\S+",
        r"\bbuy now\b",
        r"[A-Z]{2,}",
        r"\d+(\.\d+)?%",
        r"(?s)<<.*?>>",
        r"é+",
    ];
    let chunk = "Our SYNERGY is up 12.5% — buy now at https://example.com/x?y=1 #a #b #c #d ";
    let long_match = format!("<<{}>>", "z".repeat(5 * REGEX_WINDOW));
    let texts = [
        chunk.to_string(),
        "I love synergies. ".to_string(),
        chunk.repeat(30),
        format!("{}{}{}", "é ".repeat(3000), chunk, "b".repeat(9000)),
        format!("{} {long_match} {}", "x".repeat(REGEX_WINDOW - 100), chunk),
        format!("{}ééé {chunk}", "a".repeat(REGEX_WINDOW - 1)),
    ];
    for re in regexes {
        let mut e = engine(&[("r", re)], "high");
        // Exactly, so without the time budget (which a busy machine could spend).
        e.set_clock(None);
        let one_pass = regex_lite::RegexBuilder::new(re)
            .case_insensitive(true)
            .build()
            .unwrap();
        for text in &texts {
            let want: Vec<(usize, usize)> = one_pass
                .find_iter(text)
                .filter(|m| !m.is_empty())
                .map(|m| (m.start(), m.end()))
                .take(MAX_SPANS)
                .collect();
            let (hints, _) = run(&e, text);
            let got: Vec<(usize, usize)> = hints
                .iter()
                .flat_map(|h| h.spans())
                .map(|s| (s.start, s.end))
                .collect();
            assert_eq!(got, want, "{re} on {} bytes", text.len());
            assert!(hints.iter().all(|h| !stopped(h)), "{re}");
        }
    }
}
