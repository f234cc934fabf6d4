//! `tone`: underlines the sentence that sets a negative tone (the model: `signals::tone`).

use super::{Analysis, Hint, RuleInfo};
use crate::kinds::{by_strictness, RuleSet, Severity};

pub fn rules() -> Vec<RuleInfo> {
    vec![RuleInfo {
        id: "tone.negative",
        rule_set: RuleSet::Tone,
        severity: Severity::Suggestion,
        description: "Underlines the sentence with the strongest negative tone when the post reads negative overall.",
        default_on: true,
        flag: vec!["This update is terrible and I hate it."],
        allow: vec!["Congrats on the launch! What was the hardest part?", "The meeting is at noon."],
        example_platform: None,
    }]
}

/// How negative the post must be before its most negative sentence is underlined, by strictness.
const NEGATIVE_BELOW_LOW: f32 = -0.6;
const NEGATIVE_BELOW: f32 = -0.3;
const NEGATIVE_BELOW_HIGH: f32 = -0.1;

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    let limit = by_strictness(
        a.strictness(),
        NEGATIVE_BELOW_LOW,
        NEGATIVE_BELOW,
        NEGATIVE_BELOW_HIGH,
    );
    if !a.enabled(crate::rule!("tone.negative")) || a.signals.tone.compound > limit {
        return;
    }
    // The sentence whose evidence sums most negative.
    let sentences = &a.doc.sentences;
    let mut sums = vec![0.0f32; sentences.len()];
    for (span, v) in &a.signals.tone.evidence {
        let i = sentences.partition_point(|s| s.span.end <= span.start);
        if let Some(sum) = sums.get_mut(i) {
            *sum += v;
        }
    }
    let worst = sums.iter().enumerate().min_by(|x, y| x.1.total_cmp(y.1));
    if let Some((i, _)) = worst.filter(|w| *w.1 < 0.0) {
        let span = sentences[i].span;
        hints.push(a.hint(
            crate::rule!("tone.negative"),
            span,
            "This sentence sets a negative tone",
            "Readers answer warmth with warmth; a negative post tends to draw silence or a fight.",
        ));
    }
}
