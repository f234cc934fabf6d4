//! `shouting`: ALL-CAPS words, `!!!` and `?!?!` runs, stretched words ("soooo") (found by
//! `signals::shouting`).

use super::{Analysis, Hint, RuleInfo};
use crate::kinds::{RuleSet, Severity};

pub fn rules() -> Vec<RuleInfo> {
    vec![
        RuleInfo {
            id: "shouting.caps",
            rule_set: RuleSet::Shouting,
            severity: Severity::Suggestion,
            description:
                "ALL-CAPS words read as shouting (acronyms and the ones you allow are fine).",
            default_on: true,
            flag: vec![
                "This is HUGE NEWS for everyone",
                "STOP DOING THIS",
                "I LOVE this, it is AMAZING",
            ],
            allow: vec![
                "The NASA team met the CEO today",
                "I love it",
                // Unknown short words alone in capitals are acronyms, not volume.
                "EBITDA up 23%, NRR 118%, CAC payback 14 months, all in Q3",
            ],
            example_platform: None,
            example_context: None,
        },
        RuleInfo {
            id: "shouting.marks",
            rule_set: RuleSet::Shouting,
            severity: Severity::Suggestion,
            description: "Runs of exclamation or question marks (!!!, ?!?!).",
            default_on: true,
            flag: vec!["Link in bio!!!", "What?!?!"],
            allow: vec!["Great news!", "Really?"],
            example_platform: None,
            example_context: None,
        },
        RuleInfo {
            id: "shouting.stretched",
            rule_set: RuleSet::Shouting,
            severity: Severity::Info,
            description: "Stretched words (\"soooo\", \"pleeease\").",
            default_on: true,
            flag: vec!["This is soooo good"],
            allow: vec!["This is so good", "Book a room at the inn"],
            example_platform: None,
            example_context: None,
        },
    ]
}

/// A run of capitals said plainly: in lower case, keeping a capital where a sentence starts.
fn plain_caps(a: &Analysis, span: crate::kinds::Span) -> String {
    let plain = a.doc.slice(span).to_lowercase();
    if !a.doc.sentences.iter().any(|x| x.span.start == span.start) {
        return plain;
    }
    let mut c = plain.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// One card per kind of shouting — capitals, stacked marks, stretched words — each listing
/// every place, with the plain spelling of each as its rewrite.
pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    let s = &a.signals.shouting;
    let st = a.strictness();
    let plural = |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
    if a.enabled(crate::rule!("shouting.caps")) && s.caps_shouting(st) {
        let words: usize = s.caps_runs.iter().map(|&(_, n)| n).sum();
        if let Some(mut h) = a.finding(
            crate::rule!("shouting.caps"),
            s.caps_runs.iter().map(|&(span, _)| span),
            |_| {
                plural(
                    words,
                    "This word is in capitals",
                    "These words are in capitals",
                )
            },
            "Capitals read as shouting; most readers skip a shouted post.",
        ) {
            h.fixes = h
                .spans()
                .map(|span| fix(span, plain_caps(a, span)))
                .collect();
            hints.push(h);
        }
    }
    if a.enabled(crate::rule!("shouting.marks")) {
        if let Some(mut h) = a.finding(
            crate::rule!("shouting.marks"),
            s.loud_marks(st).map(|&(span, _)| span),
            |n| {
                plural(
                    n,
                    "Stacked punctuation",
                    "Stacked punctuation, more than once",
                )
            },
            "One mark says it; a row of them reads as shouting.",
        ) {
            h.fixes = h
                .spans()
                .map(|span| {
                    let mark = if a.doc.slice(span).contains('?') {
                        "?"
                    } else {
                        "!"
                    };
                    fix(span, mark.to_string())
                })
                .collect();
            hints.push(h);
        }
    }
    if a.enabled(crate::rule!("shouting.stretched")) {
        if let Some(mut h) = a.finding(
            crate::rule!("shouting.stretched"),
            s.stretched.iter().map(|(span, _)| *span),
            |n| plural(n, "A stretched word", "Stretched words"),
            "Stretched words read as yelling or pleading.",
        ) {
            h.fixes = s
                .stretched
                .iter()
                .filter(|(span, _)| h.spans().any(|x| x == *span))
                .map(|(span, plain)| fix(*span, plain.clone()))
                .collect();
            hints.push(h);
        }
    }
}

fn fix(span: crate::kinds::Span, text: String) -> super::Fix {
    super::Fix { span, text }
}
