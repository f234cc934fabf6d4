//! `invites_reply`: does the post ask the reader anything?

use crate::config::{Context, Severity};
use crate::report::Hint;
use crate::rules::{Ctx, RuleInfo, RuleSet};
use crate::text::{Document, Span, Terminator};

/// Questions found in the draft.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Questions {
    /// Spans of question sentences.
    pub questions: Vec<Span>,
}

pub fn find(doc: &Document) -> Questions {
    let questions = doc
        .sentences
        .iter()
        .filter(|s| matches!(s.terminator, Terminator::Question | Terminator::Interrobang))
        .map(|s| s.span)
        .collect();
    Questions { questions }
}

pub fn rules() -> Vec<RuleInfo> {
    vec![RuleInfo {
        id: "invites_reply.no_question",
        rule_set: RuleSet::InvitesReply,
        severity: Severity::Info,
        description: "A post that asks nothing gives readers no easy way in.",
        default_on: true,
        flag: &["We shipped the new dashboard today."],
        allow: &["We shipped the new dashboard today. What should we build next?"],
    }]
}

/// Posts shorter than this many words are left alone (a quick "gm" needs no question).
const MIN_WORDS: usize = 4;

pub fn check(ctx: &Ctx, hints: &mut Vec<Hint>) {
    if ctx.context != Context::Post || !ctx.enabled("invites_reply.no_question") {
        return;
    }
    if !ctx.questions.questions.is_empty() || ctx.doc.word_count() < MIN_WORDS {
        return;
    }
    if let Some(last) = ctx.doc.sentences.last() {
        hints.push(ctx.hint(
            "invites_reply.no_question",
            last.span,
            "Nothing here invites a reply",
            "Posts that ask the reader something get answers; statements get scrolled past.",
        ));
    }
}
