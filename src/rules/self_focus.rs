//! `self_focus`: "me, my brand, our product" against "you" (counted by `signals::pronouns`).

use super::{Analysis, Hint, RuleInfo, MAX_HINTS_PER_RULE};
use crate::kinds::{RuleSet, Severity, Span};

pub fn rules() -> Vec<RuleInfo> {
    vec![RuleInfo {
        id: "self_focus.pronouns",
        rule_set: RuleSet::SelfFocus,
        severity: Severity::Suggestion,
        description: "Underlines I/me/my, we/our and your brand names when the post talks about you far more than about the reader.",
        default_on: true,
        flag: vec!["We are thrilled to announce our new product!", "I am proud of my team and my results this year."],
        allow: vec!["I love how you explained this. What made you try it?", "Thanks for the tip!"],
        example_platform: None,
    }]
}

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    let p = &a.signals.pronouns;
    if !a.enabled(crate::rule!("self_focus.pronouns")) || !p.focused(a.strictness()) {
        return;
    }
    let message = format!(
        "About you, not the reader: {} self-references, {} to the reader",
        p.self_count(),
        p.you_count()
    );
    let mut spans: Vec<Span> =
        p.i.iter()
            .chain(&p.we)
            .chain(&p.brand)
            .chain(&p.boasts)
            .copied()
            .collect();
    crate::sort::by_key(&mut spans, |&s| crate::sort::span_key(s));
    for span in spans.into_iter().take(MAX_HINTS_PER_RULE) {
        hints.push(a.hint(
            crate::rule!("self_focus.pronouns"),
            span,
            message.clone(),
            "Posts about \"me, my brand, our product\" broadcast; write from the reader's side and they answer.",
        ));
    }
}
