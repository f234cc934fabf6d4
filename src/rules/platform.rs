//! `platform`: the post must fit the platform's limit.

use crate::config::Severity;
use crate::report::Hint;
use crate::rules::{Ctx, RuleInfo, RuleSet};
use crate::text::Span;

pub fn rules() -> Vec<RuleInfo> {
    vec![RuleInfo {
        id: "platform.over_limit",
        rule_set: RuleSet::Platform,
        severity: Severity::Warning,
        description: "Underlines what does not fit in the platform's length limit.",
        default_on: true,
        flag: &[concat!(
            "This post is far too long for X. It keeps going and going, sentence after sentence, ",
            "well past the point where anyone would still be reading it, and it does not stop at ",
            "the limit either: it runs on with more words, more clauses and more filler until the ",
            "counter turns red and the post button greys out, which is exactly what this rule is for."
        )],
        allow: &["Short and sweet."],
    }]
}

pub fn check(ctx: &Ctx, hints: &mut Vec<Hint>) {
    let c = ctx.counter;
    let (Some(limit), true) = (c.limit, c.over) else { return };
    if !ctx.enabled("platform.over_limit") {
        return;
    }
    let Some(start) = crate::platform::overflow_start(ctx.doc, ctx.platform, limit) else { return };
    hints.push(ctx.hint(
        "platform.over_limit",
        Span::new(start, ctx.doc.text.len()),
        format!("{} over the {} limit of {limit}", c.used - limit, ctx.platform.id()),
        "The platform will refuse or cut the post here.",
    ));
}
