//! Compiles the engine's data into Rust at build time, so the extension worker parses no text
//! at its cold start and a mistake in the data fails the build with the file and the entry:
//!
//! - `src/data/lexicon/*.tsv` (the tone lexicon) → `$OUT_DIR/lexicon.bin`, a compact
//!   front-coded form (format and checks in `src/lexicon.rs`, which this script includes);
//! - `src/data/words.json` and `src/data/phrases.json` (word classes, phrase rules and phrase
//!   signals, with a strict schema) → `$OUT_DIR/data.rs`, static tables that `src/data.rs`
//!   includes.

use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

#[allow(dead_code)]
#[path = "src/lexicon.rs"]
mod lexicon;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    #[serde(rename = "_about")]
    _about: String,
    self_i: Vec<String>,
    self_we: Vec<String>,
    you: Vec<String>,
    question_words: Vec<String>,
    auxiliaries: Vec<String>,
    imperatives: Vec<String>,
    insults: Vec<String>,
    harsh: Vec<String>,
    profanity: Vec<String>,
    mild_profanity: Vec<String>,
    hostile_targets: Vec<String>,
    boasts: Vec<String>,
    acronyms: Vec<String>,
    english: Vec<String>,
    boosters_up: Vec<String>,
    boosters_down: Vec<String>,
    negations: Vec<String>,
    laughter: Vec<String>,
    other_languages: BTreeMap<String, Vec<String>>,
}

/// A phrase list whose matches become hints.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhraseRule {
    id: String,
    rule_set: String,
    severity: String,
    description: String,
    message: String,
    why: String,
    #[serde(default)]
    suggestion: Option<String>,
    #[serde(default = "yes")]
    default_on: bool,
    phrases: Vec<String>,
    flag: Vec<String>,
    allow: Vec<String>,
}

fn yes() -> bool {
    true
}

/// A phrase list the heuristics read (invitations, rhetorical questions, requests).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhraseSignal {
    id: String,
    description: String,
    phrases: Vec<String>,
    #[serde(rename = "match")]
    matches: Vec<String>,
    no_match: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhrasesFile {
    #[serde(rename = "_about")]
    _about: String,
    rules: Vec<PhraseRule>,
    signals: Vec<PhraseSignal>,
}

/// Rule sets a phrase rule may belong to, as `RuleSet` variants (src/rules/mod.rs).
const RULE_SETS: &[(&str, &str)] = &[
    ("tone", "Tone"),
    ("aggression", "Aggression"),
    ("shouting", "Shouting"),
    ("self_focus", "SelfFocus"),
    ("invites_reply", "InvitesReply"),
    ("pitch", "Pitch"),
    ("figures", "Figures"),
    ("platform", "Platform"),
];
const SEVERITIES: &[(&str, &str)] = &[
    ("info", "Info"),
    ("suggestion", "Suggestion"),
    ("warning", "Warning"),
];

fn fail(file: &str, message: String) -> ! {
    panic!("src/data/{file}: {message}")
}

/// Every entry lower case, with straight apostrophes, unpadded and not repeated.
fn check_list(file: &str, name: &str, list: &[String]) {
    let mut seen = HashSet::new();
    for w in list {
        if w.is_empty() || w.trim() != w || w.to_lowercase() != *w || w.contains('’') {
            fail(
                file,
                format!("{name}: entry {w:?} must be lower case, straight apostrophes, no padding"),
            );
        }
        if !seen.insert(w) {
            fail(file, format!("{name}: duplicate entry {w:?}"));
        }
    }
}

fn variant(file: &str, what: &str, value: &str, table: &[(&str, &str)]) -> String {
    match table.iter().find(|(k, _)| *k == value) {
        Some((_, v)) => v.to_string(),
        None => fail(
            file,
            format!(
                "unknown {what} {value:?} (one of: {})",
                table.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")
            ),
        ),
    }
}

fn strs(list: &[String]) -> String {
    let items: Vec<String> = list.iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", items.join(", "))
}

fn words_table(w: &WordsFile) -> String {
    let file = "words.json";
    let lists: [(&str, &Vec<String>, &str); 18] = [
        ("self_i", &w.self_i, "SELF_I"),
        ("self_we", &w.self_we, "SELF_WE"),
        ("you", &w.you, "YOU"),
        ("question_words", &w.question_words, "QUESTION_WORD"),
        ("auxiliaries", &w.auxiliaries, "AUXILIARY"),
        ("imperatives", &w.imperatives, "IMPERATIVE"),
        ("insults", &w.insults, "INSULT"),
        ("harsh", &w.harsh, "HARSH"),
        ("profanity", &w.profanity, "PROFANITY"),
        ("mild_profanity", &w.mild_profanity, "MILD_PROFANITY"),
        ("hostile_targets", &w.hostile_targets, "HOSTILE_TARGET"),
        ("boasts", &w.boasts, "BOAST"),
        ("acronyms", &w.acronyms, "ACRONYM"),
        ("english", &w.english, "ENGLISH"),
        ("boosters_up", &w.boosters_up, "BOOSTER_UP"),
        ("boosters_down", &w.boosters_down, "BOOSTER_DOWN"),
        ("negations", &w.negations, "NEGATION"),
        ("laughter", &w.laughter, "LAUGHTER"),
    ];
    // word → (class constants, language bits), in a stable order.
    let mut words: BTreeMap<&str, (Vec<&str>, u16)> = BTreeMap::new();
    for (name, list, class) in lists {
        check_list(file, name, list);
        for word in list {
            words.entry(word).or_default().0.push(class);
        }
    }
    if w.other_languages.len() > 16 {
        fail(file, "other_languages: at most 16 languages".into());
    }
    for (i, (code, list)) in w.other_languages.iter().enumerate() {
        check_list(file, code, list);
        for word in list {
            words.entry(word).or_default().1 |= 1 << i;
        }
    }
    let mut out = String::new();
    let codes: Vec<String> = w.other_languages.keys().cloned().collect();
    writeln!(
        out,
        "/// Other languages' codes; bit i of `Info::languages` is `LANGUAGES[i]`."
    )
    .unwrap();
    writeln!(out, "pub static LANGUAGES: &[&str] = {};", strs(&codes)).unwrap();
    writeln!(
        out,
        "/// Every listed word: its class bits and language bits."
    )
    .unwrap();
    writeln!(out, "static WORDS: &[(&str, u32, u16)] = &[").unwrap();
    for (word, (classes, langs)) in &words {
        let bits = if classes.is_empty() {
            "0".to_string()
        } else {
            classes
                .iter()
                .map(|c| format!("class::{c}"))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        writeln!(out, "    ({word:?}, {bits}, {langs}),").unwrap();
    }
    writeln!(out, "];").unwrap();
    out
}

fn phrases_table(p: &PhrasesFile) -> String {
    let file = "phrases.json";
    let mut out = String::new();
    let mut ids = HashSet::new();
    // Every phrase, plus its curly-apostrophe spelling, with the list it belongs to.
    let mut patterns: Vec<(String, String)> = Vec::new();
    let mut add = |name: &str, list: &[String], owner: String| {
        check_list(file, name, list);
        for phrase in list {
            patterns.push((phrase.clone(), owner.clone()));
            if phrase.contains('\'') {
                patterns.push((phrase.replace('\'', "’"), owner.clone()));
            }
        }
    };
    writeln!(out, "pub static RULES: &[PhraseRule] = &[").unwrap();
    for (i, r) in p.rules.iter().enumerate() {
        if !ids.insert(r.id.as_str()) || !r.id.starts_with(&format!("{}.", r.rule_set)) {
            fail(
                file,
                format!("rule id {:?} is repeated or not under its rule set", r.id),
            );
        }
        if r.flag.is_empty() || r.allow.is_empty() {
            fail(
                file,
                format!("rule {:?} needs flag and allow examples", r.id),
            );
        }
        let set = variant(file, "rule_set", &r.rule_set, RULE_SETS);
        let severity = variant(file, "severity", &r.severity, SEVERITIES);
        add(&r.id, &r.phrases, format!("List::Rule({i})"));
        writeln!(
            out,
            "    PhraseRule {{ id: {:?}, rule_set: RuleSet::{set}, severity: Severity::{severity}, \
             description: {:?}, message: {:?}, why: {:?}, suggestion: {:?}, default_on: {}, \
             phrases: {}, flag: {}, allow: {} }},",
            r.id,
            r.description,
            r.message,
            r.why,
            r.suggestion,
            r.default_on,
            strs(&r.phrases),
            strs(&r.flag),
            strs(&r.allow),
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    writeln!(out, "pub static SIGNALS: &[PhraseSignal] = &[").unwrap();
    for (i, s) in p.signals.iter().enumerate() {
        if !ids.insert(s.id.as_str()) || s.matches.is_empty() || s.no_match.is_empty() {
            fail(
                file,
                format!("signal {:?} is repeated or lacks examples", s.id),
            );
        }
        add(&s.id, &s.phrases, format!("List::Signal({i})"));
        writeln!(
            out,
            "    PhraseSignal {{ id: {:?}, description: {:?}, phrases: {}, matches: {}, no_match: {} }},",
            s.id,
            s.description,
            strs(&s.phrases),
            strs(&s.matches),
            strs(&s.no_match),
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    // In byte order: the phrases sharing a prefix are one range, which the matcher narrows
    // byte by byte (see `Data::phrase_hits`), with nothing to build at run time.
    patterns.sort_by(|a, b| {
        a.0.as_bytes()
            .cmp(b.0.as_bytes())
            .then_with(|| a.1.cmp(&b.1))
    });
    writeln!(
        out,
        "/// Every phrase of every list, in byte order, and the list it belongs to."
    )
    .unwrap();
    writeln!(out, "static PATTERNS: &[(&str, List)] = &[").unwrap();
    for (phrase, owner) in &patterns {
        writeln!(out, "    ({phrase:?}, {owner}),").unwrap();
    }
    writeln!(out, "];").unwrap();
    out
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    for path in [
        "build.rs",
        "src/lexicon.rs",
        "src/data/lexicon/vader.tsv",
        "src/data/lexicon/emoji.tsv",
        "src/data/lexicon/overrides.tsv",
        "src/data/words.json",
        "src/data/phrases.json",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));

    let lexicon = lexicon::Lexicon::parse()
        .unwrap_or_else(|e| panic!("src/data/lexicon/{}:{}: {}", e.file, e.line, e.reason));
    let blob = lexicon
        .encode()
        .unwrap_or_else(|e| panic!("src/data/lexicon: {e}"));
    std::fs::write(out_dir.join("lexicon.bin"), blob).expect("write lexicon.bin");

    let words: WordsFile = serde_json::from_str(&read("src/data/words.json"))
        .unwrap_or_else(|e| fail("words.json", e.to_string()));
    let phrases: PhrasesFile = serde_json::from_str(&read("src/data/phrases.json"))
        .unwrap_or_else(|e| fail("phrases.json", e.to_string()));
    let code = format!(
        "// Generated by build.rs from src/data/words.json and src/data/phrases.json.\n{}{}",
        words_table(&words),
        phrases_table(&phrases)
    );
    std::fs::write(out_dir.join("data.rs"), code).expect("write data.rs");
}
