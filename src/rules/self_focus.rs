//! `self_focus`: "me, my brand, our product" against "you" (counted by `signals::pronouns`).

use super::{Analysis, Hint, RuleInfo};
use crate::kinds::{RuleSet, Severity};

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
    // One card listing every self-reference; the count is of what it underlines.
    let spans = p.i.iter().chain(&p.we).chain(&p.brand).copied();
    hints.extend(a.finding(
        crate::rule!("self_focus.pronouns"),
        spans,
        |n| {
            format!(
                "About you, not the reader: {n} self-reference{}, {} to the reader",
                if n == 1 { "" } else { "s" },
                p.you_count()
            )
        },
        "Posts about \"me, my brand, our product\" broadcast; write from the reader's side and they answer.",
    ));
}
