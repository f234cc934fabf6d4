//! `cargo bench --bench engine` (run by `./build.sh bench`): speed of the native engine.
//!
//! Prints figures and whether each target is met; it never fails on speed (CI does not run it,
//! and a slow machine is not a bug). Every figure is the median of several timed runs after a
//! warm-up. The figures are also written to `$CARGO_TARGET_DIR/bench/native.json` (default
//! `target/`) so that `tests/bench/wasm.mjs` prints native and wasm side by side.
//!
//! Posts: column 2 of `../shared/data/sentiment-intensity.vader-tweets.tsv` (`RAPPORT_DATA`
//! overrides the folder), read at run time and never copied into the repository; without it,
//! generated posts, and the output says so. Long texts are generated from the sentences below
//! (the same generator as `tests/bench/wasm.mjs`, checked by a hash).

use rapport::{Config, Engine, Options, Platform};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Target: at least this many times the `vader_sentiment` crate's posts per second.
const TARGET_SPEEDUP: f64 = 3.0;
/// Text lengths, in chars, timed per analysis.
const SIZES: [usize; 3] = [280, 3_000, 100_000];

/// Rapport's own sentences for generated texts: plain, pitching, asking, shouting, figures,
/// emoji, a link, a mention, a hashtag, a quote, another script.
const SENTENCES: [&str; 16] = [
    "We shipped the new release this morning and the team is proud of it.",
    "What was the hardest part of your last launch?",
    "Buy now, 50% off until Friday, link in bio!!!",
    "I think our product is the best on the market, and my brand keeps growing.",
    "Honestly, this is terrible and I am so disappointed 😡",
    "Thanks to everyone who came to the meetup yesterday 🙏",
    "Revenue grew 23% to $4.5M in Q3, with 1,200 new customers.",
    "THIS IS AMAZING, you have to see it!!",
    "Read more at https://example.com/blog/post?id=42 and tell me what you think.",
    "Congrats @alex on the new role, well deserved. #career",
    "He said \"you idiot\" but I don't think he meant it.",
    "Not bad at all, but the ending could have been better.",
    "Café au lait, naïve résumé, and a soooo long day :)",
    "Which one would you pick, and why?",
    "我们今天发布了新版本。",
    "Line one\nLine two with more words in it.",
];

/// Deterministic text of exactly `chars` chars: sentences picked by a 32-bit LCG.
fn generated_text(chars: usize, seed: u32) -> String {
    let mut state = seed;
    let mut out = String::new();
    let mut n = 0;
    while n < chars {
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let s = SENTENCES[(state >> 16) as usize % SENTENCES.len()];
        for c in s.chars().chain(std::iter::once(' ')) {
            if n == chars {
                break;
            }
            out.push(c);
            n += 1;
        }
    }
    out
}

/// 32-bit FNV-1a of the UTF-8 bytes: shows that native and wasm time the same texts.
fn fnv1a(text: &str) -> u32 {
    text.bytes()
        .fold(0x811c_9dc5, |h, b| (h ^ b as u32).wrapping_mul(0x0100_0193))
}

fn data_dir() -> PathBuf {
    match std::env::var_os("RAPPORT_DATA") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
    }
}

/// The posts and where they came from.
fn posts() -> (Vec<String>, String) {
    let path = data_dir().join("sentiment-intensity.vader-tweets.tsv");
    match std::fs::read_to_string(&path) {
        Ok(tsv) => {
            let posts: Vec<String> = tsv
                .lines()
                .filter_map(|l| l.split_once('\t'))
                .map(|(_, text)| text.replace(" \\n ", "\n"))
                .collect();
            let from = format!("{} VADER tweets ({})", posts.len(), path.display());
            (posts, from)
        }
        Err(e) => {
            let posts: Vec<String> = (0..4200)
                .map(|i| generated_text(60 + (i * 37) % 220, i as u32))
                .collect();
            let from = format!(
                "{} GENERATED posts: {} is missing ({e})",
                posts.len(),
                path.display()
            );
            (posts, from)
        }
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Median seconds per call of `f`, batching calls so that each timed run lasts ≥ `min_run`.
fn time_per_call(mut f: impl FnMut(), runs: usize, min_run: Duration) -> f64 {
    // Warm-up, and the batch size.
    let t = Instant::now();
    let mut calls = 0usize;
    while t.elapsed() < min_run || calls < 2 {
        f();
        calls += 1;
    }
    let samples = (0..runs)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..calls {
                f();
            }
            t.elapsed().as_secs_f64() / calls as f64
        })
        .collect();
    median(samples)
}

fn met(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "NOT MET"
    }
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is accepted and ignored.
    let options = Options {
        platform: Some(Platform::X),
        context: None,
        brief: false,
    };

    // The first analysis in the process parses the lexicon and the phrase data.
    let t = Instant::now();
    let engine = Engine::new(Config::default()).expect("default settings are valid");
    black_box(engine.analyze("Hello there, what do you think?", &options));
    let first_ms = t.elapsed().as_secs_f64() * 1e3;

    // What the first analysis pays for, each parsed again on its own.
    let lexicon_ms = time_per_call(
        || {
            black_box(rapport::data::lexicon::Lexicon::parse().unwrap());
        },
        5,
        Duration::from_millis(100),
    ) * 1e3;
    let data_ms = time_per_call(
        || {
            black_box(rapport::data::Data::parse().unwrap());
        },
        5,
        Duration::from_millis(100),
    ) * 1e3;

    let (posts, from) = posts();
    let chars: usize = posts.iter().map(|p| p.chars().count()).sum();
    println!(
        "native bench: {from}, mean {} chars",
        chars / posts.len().max(1)
    );

    let all_posts = || {
        for p in &posts {
            black_box(engine.analyze(black_box(p), &options));
        }
    };
    let rapport_s = time_per_call(all_posts, 7, Duration::from_millis(300));
    let vader = vader_sentiment::SentimentIntensityAnalyzer::new();
    let vader_all = || {
        for p in &posts {
            black_box(vader.polarity_scores(black_box(p)));
        }
    };
    let vader_s = time_per_call(vader_all, 7, Duration::from_millis(300));
    let rapport_pps = posts.len() as f64 / rapport_s;
    let vader_pps = posts.len() as f64 / vader_s;

    let mut sizes = Vec::new();
    for (i, &n) in SIZES.iter().enumerate() {
        let text = generated_text(n, i as u32 + 1);
        let s = time_per_call(
            || {
                black_box(engine.analyze(black_box(&text), &options));
            },
            9,
            Duration::from_millis(150),
        );
        sizes.push((n, s * 1e6, fnv1a(&text)));
    }

    let speedup = rapport_pps / vader_pps;
    let mut rows = vec![
        (
            "rapport::Engine::analyze, posts/s".to_string(),
            format!("{rapport_pps:.0}"),
        ),
        (
            "vader_sentiment 0.1.1, posts/s".to_string(),
            format!("{vader_pps:.0}"),
        ),
        (
            "rapport ÷ vader_sentiment".to_string(),
            format!("{speedup:.2}×"),
        ),
    ];
    for (n, us, _) in &sizes {
        rows.push((format!("µs per analysis, {n} chars"), format!("{us:.1}")));
    }
    rows.push((
        "first analysis in the process, ms".to_string(),
        format!("{first_ms:.2}"),
    ));
    rows.push((
        "  lexicon parse, ms".to_string(),
        format!("{lexicon_ms:.2}"),
    ));
    rows.push((
        "  phrase data parse, ms".to_string(),
        format!("{data_ms:.2}"),
    ));
    println!();
    println!("| {:<40} | {:>12} |", "native (release build)", "figure");
    println!("|{:-<42}|{:->13}:|", "", "");
    for (what, figure) in &rows {
        println!("| {what:<40} | {figure:>12} |");
    }
    println!();
    println!(
        "target native throughput ≥ {TARGET_SPEEDUP}× vader_sentiment: {} ({speedup:.1}×)",
        met(speedup >= TARGET_SPEEDUP)
    );

    let json = format!(
        "{{\"posts_from\":{:?},\"posts\":{},\"rapport_posts_per_s\":{:.1},\"vader_posts_per_s\":{:.1},\"first_analysis_ms\":{:.3},\"sizes\":[{}]}}\n",
        from,
        posts.len(),
        rapport_pps,
        vader_pps,
        first_ms,
        sizes
            .iter()
            .map(|(n, us, h)| format!("{{\"chars\":{n},\"us\":{us:.3},\"fnv1a\":{h}}}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
        .join("bench");
    let written =
        std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join("native.json"), json));
    if let Err(e) = written {
        println!(
            "(could not write {}: {e})",
            dir.join("native.json").display()
        );
    }
}
