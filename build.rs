//! Compiles the engine's data into Rust at build time, so the extension worker parses no text
//! at its cold start and a mistake in the data fails the build with the file and the entry:
//!
//! - `lists.json` (rule sets, platforms, contexts, strictness levels, severities: the lists the
//!   extension reads too) → `$OUT_DIR/kinds.rs`, the enums `src/kinds.rs` includes;
//! - `src/data/lexicon/*.tsv` (the tone lexicon) → `$OUT_DIR/lexicon.bin`, a compact
//!   front-coded form (format and checks in `src/data/lexicon.rs`, which this script includes),
//!   and `$OUT_DIR/emoticons.rs`, the lexicon's emoticons for the tokenizer (`src/text`);
//! - `src/data/words.json` and `src/data/phrases.json` (word classes, phrase rules and phrase
//!   signals; phrase rules in the one schema of `src/data/schema.rs`, which this script
//!   includes) → `$OUT_DIR/data.rs`, static tables that `src/data/mod.rs` includes, with a
//!   constant per phrase signal (`lists::RHETORICAL`…) so code never looks a list up by name.

use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

#[allow(dead_code)]
#[path = "src/data/lexicon.rs"]
mod lexicon;

#[allow(dead_code)]
#[path = "src/data/schema.rs"]
mod schema;

/// `lists.json`: see its `_about`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListsFile {
    #[serde(rename = "_about")]
    _about: String,
    rule_sets: Vec<String>,
    platforms: Vec<String>,
    contexts: Vec<String>,
    strictness: Vec<String>,
    severities: Vec<String>,
    defaults: BTreeMap<String, String>,
    sites: Vec<Site>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Site {
    id: String,
    platform: String,
    hosts: Vec<String>,
}

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
    reporting: Vec<String>,
    other_languages: BTreeMap<String, Vec<String>>,
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
    rules: Vec<schema::PhraseRuleSpec>,
    signals: Vec<PhraseSignal>,
}

fn fail(file: &str, message: String) -> ! {
    panic!("{file}: {message}")
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

fn strs(list: &[String]) -> String {
    let items: Vec<String> = list.iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", items.join(", "))
}

fn words_table(w: &WordsFile) -> String {
    let file = "src/data/words.json";
    let lists: [(&str, &Vec<String>, &str); 19] = [
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
        ("reporting", &w.reporting, "REPORTING"),
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

/// `self_focus` → `SelfFocus`: an id as its enum variant.
fn camel(id: &str) -> String {
    id.split('_')
        .map(|part| {
            let mut c = part.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The shared kinds: one enum per list of `lists.json`, with `ALL`, `id()`, `from_id()` and
/// its default.
fn kinds_table(l: &ListsFile) -> String {
    let file = "lists.json";
    let mut out = String::from("// Generated by build.rs from lists.json.\n");
    let enums: [(&str, &str, &Vec<String>, &str); 5] = [
        (
            "RuleSet",
            "A family of rules, switched on and off together.",
            &l.rule_sets,
            "Hash, PartialOrd, Ord",
        ),
        (
            "Platform",
            "Where the draft will be posted: picks the length counter and limits.",
            &l.platforms,
            "Hash",
        ),
        (
            "Context",
            "Whether the draft starts a thread or answers someone.",
            &l.contexts,
            "Hash",
        ),
        (
            "Strictness",
            "How readily hints fire. `low` shows only what is clearly there.",
            &l.strictness,
            "Hash",
        ),
        (
            "Severity",
            "How much a hint matters: `info` < `suggestion` < `warning`.",
            &l.severities,
            "Hash, PartialOrd, Ord",
        ),
    ];
    for (name, doc, ids, extra) in enums {
        check_list(file, name, ids);
        if ids
            .iter()
            .any(|id| !id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
        {
            fail(file, format!("{name}: ids are lower-case letters and `_`"));
        }
        let key = match name {
            "RuleSet" => "rule_set",
            "Platform" => "platform",
            "Context" => "context",
            "Strictness" => "strictness",
            _ => "severity",
        };
        let default = l.defaults.get(key).map(String::as_str);
        writeln!(out, "/// {doc}").unwrap();
        writeln!(
            out,
            "#[derive(Debug, Clone, Copy, PartialEq, Eq, {extra}, Serialize, Deserialize{})]",
            if default.is_some() { ", Default" } else { "" }
        )
        .unwrap();
        writeln!(
            out,
            "#[serde(rename_all = \"snake_case\")]\npub enum {name} {{"
        )
        .unwrap();
        for id in ids {
            if Some(id.as_str()) == default {
                writeln!(out, "    #[default]").unwrap();
            }
            writeln!(out, "    {},", camel(id)).unwrap();
        }
        writeln!(out, "}}").unwrap();
        if default.is_some_and(|d| !ids.iter().any(|id| id == d)) {
            fail(file, format!("defaults.{key}: not one of the {name} ids"));
        }
        let variants: Vec<String> = ids
            .iter()
            .map(|id| format!("{name}::{}", camel(id)))
            .collect();
        writeln!(
            out,
            "impl {name} {{\n    /// Every value, in display order.\n    pub const ALL: [{name}; {}] = [{}];\n",
            ids.len(),
            variants.join(", ")
        )
        .unwrap();
        writeln!(out, "    /// The id, as in settings, reports and `lists.json`.\n    pub fn id(self) -> &'static str {{\n        match self {{").unwrap();
        for (id, v) in ids.iter().zip(&variants) {
            writeln!(out, "            {v} => {id:?},").unwrap();
        }
        writeln!(out, "        }}\n    }}\n").unwrap();
        writeln!(
            out,
            "    pub fn from_id(id: &str) -> Option<{name}> {{\n        {name}::ALL.into_iter().find(|x| x.id() == id)\n    }}\n}}\n"
        )
        .unwrap();
    }
    for key in l.defaults.keys() {
        if !["rule_set", "platform", "context", "strictness", "severity"].contains(&key.as_str()) {
            fail(file, format!("defaults.{key}: no such list"));
        }
    }
    let mut hosts = HashSet::new();
    for site in &l.sites {
        if !l.platforms.contains(&site.platform) || site.hosts.is_empty() || site.id.is_empty() {
            fail(
                file,
                format!("site {:?}: a known platform and at least one host", site.id),
            );
        }
        for host in &site.hosts {
            if !hosts.insert(host) {
                fail(file, format!("host {host:?} is listed twice"));
            }
        }
    }
    out
}

fn phrases_table(p: &PhrasesFile, lists: &ListsFile) -> String {
    let file = "src/data/phrases.json";
    let mut out = String::new();
    let mut ids = HashSet::new();
    let sets: Vec<&str> = lists.rule_sets.iter().map(String::as_str).collect();
    let severities: Vec<&str> = lists.severities.iter().map(String::as_str).collect();
    // Every phrase, plus its curly-apostrophe spelling, with the list it belongs to: the rules'
    // lists first, then the signals', so `List(n)` orders rules before signals.
    let mut patterns: Vec<(String, usize)> = Vec::new();
    let mut add = |name: &str, list: &[String], owner: usize| {
        check_list(file, name, list);
        for phrase in list {
            patterns.push((phrase.clone(), owner));
            if phrase.contains('\'') {
                patterns.push((phrase.replace('\'', "’"), owner));
            }
        }
    };
    let signal_ids: Vec<&str> = p.signals.iter().map(|s| s.id.as_str()).collect();
    writeln!(out, "pub static RULES: &[PhraseRule] = &[").unwrap();
    for (i, r) in p.rules.iter().enumerate() {
        if !ids.insert(r.id.as_str()) {
            fail(file, format!("rule id {:?} is repeated", r.id));
        }
        if let Err((field, message)) = r.check(schema::Origin::BuiltIn, &sets, &severities) {
            fail(file, format!("rule {:?}, `{field}`: {message}", r.id));
        }
        let set = camel(r.rule_set.as_deref().expect("checked"));
        let severity = camel(r.severity.as_deref().expect("checked"));
        let mut unless = Vec::new();
        for id in &r.unless {
            match signal_ids.iter().position(|s| s == id) {
                Some(k) => unless.push(format!("List({})", p.rules.len() + k)),
                None => fail(
                    file,
                    format!("rule {:?}: unless names no signal list {id:?}", r.id),
                ),
            }
        }
        add(&r.id, &r.phrases, i);
        writeln!(
            out,
            "    PhraseRule {{ id: {:?}, rule_set: RuleSet::{set}, severity: Severity::{severity}, \
             description: {:?}, message: {:?}, why: {:?}, suggestion: {:?}, default_on: {}, \
             weight: {:?}, quoted: {}, unless: &[{}], phrases: {}, flag: {}, allow: {} }},",
            r.id,
            r.description.as_deref().expect("checked"),
            r.message,
            r.why.as_deref().expect("checked"),
            r.suggestion,
            r.enabled.unwrap_or(true),
            r.weight.unwrap_or(0.0),
            r.quoted,
            unless.join(", "),
            strs(&r.phrases),
            strs(&r.flag),
            strs(&r.allow),
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    writeln!(out, "pub static SIGNALS: &[PhraseSignal] = &[").unwrap();
    let mut roles = String::new();
    for (i, s) in p.signals.iter().enumerate() {
        if !ids.insert(s.id.as_str()) || s.matches.is_empty() || s.no_match.is_empty() {
            fail(
                file,
                format!("signal {:?} is repeated or lacks examples", s.id),
            );
        }
        let list = p.rules.len() + i;
        add(&s.id, &s.phrases, list);
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
        writeln!(
            roles,
            "    /// {}\n    pub const {}: List = List({list});",
            s.description,
            s.id.to_ascii_uppercase()
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    writeln!(
        out,
        "/// The phrase signals' lists, by role: what the heuristics read.\npub mod lists {{\n    use super::List;\n{roles}}}"
    )
    .unwrap();
    // In byte order: the phrases sharing a prefix are one range, which the matcher narrows
    // byte by byte (see `PhraseIndex`), with nothing to build at run time.
    patterns.sort_by(|a, b| {
        a.0.as_bytes()
            .cmp(b.0.as_bytes())
            .then_with(|| a.1.cmp(&b.1))
    });
    if patterns.len() > usize::from(u16::MAX) {
        fail(file, "more than 65,535 phrases".into());
    }
    writeln!(
        out,
        "/// Every phrase of every list, in byte order, and the list it belongs to."
    )
    .unwrap();
    writeln!(out, "static PATTERNS: &[(&str, List)] = &[").unwrap();
    for (phrase, owner) in &patterns {
        writeln!(out, "    ({phrase:?}, List({owner})),").unwrap();
    }
    writeln!(out, "];").unwrap();
    out
}

/// The comment-spam model (`src/data/model/promo.tsv`, written by `rapport train-promo`):
/// `feature<TAB>idf<TAB>weight` lines in byte order, `<bias>` first; `#` lines are comments.
fn promo_table(src: &str) -> String {
    let file = "src/data/model/promo.tsv";
    let mut bias = None;
    let mut rows: Vec<(String, f32, f32)> = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let number = |s: &str| -> f32 {
            s.parse()
                .unwrap_or_else(|_| fail(file, format!("line {}: {s:?} is not a number", n + 1)))
        };
        match fields[..] {
            ["<bias>", _, b] => bias = Some(number(b)),
            [name, idf, weight] if !name.is_empty() => {
                if rows
                    .last()
                    .is_some_and(|(last, _, _)| last.as_str() >= name)
                {
                    fail(
                        file,
                        format!("line {}: features must be unique and in byte order", n + 1),
                    );
                }
                rows.push((name.to_string(), number(idf), number(weight)));
            }
            _ => fail(
                file,
                format!("line {}: expected feature<TAB>idf<TAB>weight", n + 1),
            ),
        }
    }
    let bias = bias.unwrap_or_else(|| fail(file, "no <bias> line".into()));
    // Compactly: the names in one string (a binary search over their starts), idf in steps of
    // 1/32 (u8: idf runs 1..9), weights in steps of the largest over 32,767 (i16).
    let idf_step = 1.0f32 / 32.0;
    let largest = rows.iter().map(|r| r.2.abs()).fold(1e-6f32, f32::max);
    let weight_step = largest / 32767.0;
    let mut names = String::new();
    let mut starts = Vec::new();
    for (name, _, _) in &rows {
        if name.contains('\n') {
            fail(file, format!("feature {name:?} has a line break"));
        }
        starts.push(names.len());
        names.push_str(name);
    }
    starts.push(names.len());
    if names.len() > usize::from(u16::MAX) {
        fail(file, "more than 64 KB of feature names".into());
    }
    let quantise = |x: f32, step: f32| (x / step).round();
    let mut out = String::from("// Generated by build.rs from src/data/model/promo.tsv.\n");
    writeln!(
        out,
        "/// The model's intercept.\npub const PROMO_BIAS: f32 = {bias:?};"
    )
    .unwrap();
    writeln!(out, "const PROMO_IDF_STEP: f32 = {idf_step:?};\nconst PROMO_WEIGHT_STEP: f32 = {weight_step:?};").unwrap();
    writeln!(
        out,
        "/// Every feature's name, sorted, back to back.\nstatic PROMO_NAMES: &str = {names:?};"
    )
    .unwrap();
    writeln!(out, "/// Where each name starts in PROMO_NAMES (and, last, where the last ends).\nstatic PROMO_STARTS: &[u16] = &{starts:?};").unwrap();
    let idf: Vec<u8> = rows
        .iter()
        .map(|r| {
            let q = quantise(r.1, idf_step);
            if !(0.0..=255.0).contains(&q) {
                fail(file, format!("idf {} of {:?} is out of range", r.1, r.0));
            }
            q as u8
        })
        .collect();
    let weights: Vec<i16> = rows
        .iter()
        .map(|r| quantise(r.2, weight_step) as i16)
        .collect();
    writeln!(
        out,
        "static PROMO_IDF: &[u8] = &{idf:?};\nstatic PROMO_WEIGHT: &[i16] = &{weights:?};"
    )
    .unwrap();
    out
}

/// The lexicon's emoticons (entries with a mark that is not a word's own), sorted, for the
/// tokenizer to keep whole.
fn emoticons_table(lexicon: &lexicon::Lexicon) -> String {
    let mut emoticons: Vec<&str> = lexicon
        .tokens()
        .filter(|t| lexicon::is_emoticon_entry(t))
        .collect();
    emoticons.sort_unstable();
    format!(
        "// Generated by build.rs from src/data/lexicon/*.tsv.\n/// The lexicon's emoticons, sorted (a binary search finds one).\npub static LEXICON_EMOTICONS: &[&str] = {};\n",
        strs(&emoticons.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    )
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    for path in [
        "build.rs",
        "lists.json",
        "src/data/lexicon.rs",
        "src/data/schema.rs",
        "src/data/lexicon/vader.tsv",
        "src/data/lexicon/emoji.tsv",
        "src/data/lexicon/overrides.tsv",
        "src/data/words.json",
        "src/data/phrases.json",
        "src/data/model/promo.tsv",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));

    let lists: ListsFile = serde_json::from_str(&read("lists.json"))
        .unwrap_or_else(|e| fail("lists.json", e.to_string()));
    std::fs::write(out_dir.join("kinds.rs"), kinds_table(&lists)).expect("write kinds.rs");

    let lexicon = lexicon::Lexicon::parse()
        .unwrap_or_else(|e| panic!("src/data/lexicon/{}:{}: {}", e.file, e.line, e.reason));
    let blob = lexicon
        .encode()
        .unwrap_or_else(|e| panic!("src/data/lexicon: {e}"));
    std::fs::write(out_dir.join("lexicon.bin"), blob).expect("write lexicon.bin");
    std::fs::write(out_dir.join("emoticons.rs"), emoticons_table(&lexicon))
        .expect("write emoticons.rs");

    let words: WordsFile = serde_json::from_str(&read("src/data/words.json"))
        .unwrap_or_else(|e| fail("src/data/words.json", e.to_string()));
    let phrases: PhrasesFile = serde_json::from_str(&read("src/data/phrases.json"))
        .unwrap_or_else(|e| fail("src/data/phrases.json", e.to_string()));
    let code = format!(
        "// Generated by build.rs from src/data/words.json and src/data/phrases.json.\n{}{}",
        words_table(&words),
        phrases_table(&phrases, &lists)
    );
    std::fs::write(out_dir.join("data.rs"), code).expect("write data.rs");
    std::fs::write(
        out_dir.join("promo.rs"),
        promo_table(&read("src/data/model/promo.tsv")),
    )
    .expect("write promo.rs");
}
