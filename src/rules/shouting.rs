//! `shouting`: ALL-CAPS words, `!!!` and `?!?!` runs, stretched words ("soooo") (found by
//! `signals::shouting`).

use super::{Analysis, Hint, RuleInfo, MAX_HINTS_PER_RULE};
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
        },
    ]
}

fn lower_caps(src: &str) -> String {
    // "HUGE NEWS" → "huge news"; a run at a sentence start keeps its first capital.
    src.to_lowercase()
}

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    let s = &a.signals.shouting;
    let st = a.strictness();
    if a.enabled(crate::rule!("shouting.caps")) && s.caps_shouting(st) {
        for &(span, n) in s.caps_runs.iter().take(MAX_HINTS_PER_RULE) {
            let mut h = a.hint(
                crate::rule!("shouting.caps"),
                span,
                if n > 1 {
                    "These words are in capitals"
                } else {
                    "This word is in capitals"
                },
                "Capitals read as shouting; most readers skip a shouted post.",
            );
            let src = a.doc.slice(span);
            let starts_sentence = a.doc.sentences.iter().any(|x| x.span.start == span.start);
            let mut plain = lower_caps(src);
            if starts_sentence {
                let mut c = plain.chars();
                plain = c
                    .next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default();
            }
            h.suggestion = Some(plain);
            hints.push(h);
        }
    }
    if a.enabled(crate::rule!("shouting.marks")) {
        for &(span, _) in s.loud_marks(st).take(MAX_HINTS_PER_RULE) {
            let src = a.doc.slice(span);
            let mut h = a.hint(
                crate::rule!("shouting.marks"),
                span,
                "Stacked punctuation",
                "One mark says it; a row of them reads as shouting.",
            );
            h.suggestion = Some(if src.contains('?') { "?" } else { "!" }.to_string());
            hints.push(h);
        }
    }
    if a.enabled(crate::rule!("shouting.stretched")) {
        for (span, plain) in s.stretched.iter().take(MAX_HINTS_PER_RULE) {
            let mut h = a.hint(
                crate::rule!("shouting.stretched"),
                *span,
                "Stretched word",
                "Stretched words read as yelling or pleading.",
            );
            h.suggestion = Some(plain.clone());
            hints.push(h);
        }
    }
}
