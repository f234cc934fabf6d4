//! `invites_reply`: does the post ask the reader anything? Open, closed and rhetorical
//! questions, explicit invitations ("what's yours?", "tell me"), and requests.

use super::{Analysis, RuleInfo, RuleSet, MAX_HINTS_PER_RULE};
use crate::config::{Context, Severity};
use crate::data::{class, Data, List, PhraseHit};
use crate::report::Hint;
use crate::text::{Document, Span, Terminator, Token, TokenKind};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// what/how/why…: invites a real answer.
    Open,
    /// yes/no.
    Closed,
    /// Expects no answer: "who cares?", "…, right?", "what?!", "Really?".
    Rhetorical,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Question {
    /// The sentence.
    pub span: Span,
    pub kind: QuestionKind,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Questions {
    pub questions: Vec<Question>,
    /// "let me know", "what do you think", "share yours"…
    pub invitations: Vec<Span>,
    /// Requests and suggestions to the reader: "please…", "you should…", imperatives.
    pub requests: Vec<Span>,
}

impl Questions {
    pub fn genuine(&self) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(|q| q.kind != QuestionKind::Rhetorical)
    }

    pub fn has_question(&self) -> bool {
        self.genuine().next().is_some()
    }

    pub fn count(&self, kind: QuestionKind) -> usize {
        self.questions.iter().filter(|q| q.kind == kind).count()
    }

    /// Asks the reader something: a real question, an invitation, or a request.
    pub fn invites(&self) -> bool {
        self.has_question() || !self.invitations.is_empty() || !self.requests.is_empty()
    }
}

/// Words that open a sentence without carrying it ("hey", "so", "quick question:").
const LEAD_FILLERS: &[&str] = &[
    "rt",
    "hey",
    "hi",
    "hello",
    "so",
    "ok",
    "okay",
    "well",
    "but",
    "and",
    "also",
    "btw",
    "oh",
    "lol",
    "honestly",
    "seriously",
    "quick",
    "question",
    "q",
    "yo",
    "guys",
    "folks",
    "everyone",
    "friends",
    "haha",
    "um",
    "hmm",
    "just",
    "then",
    "now",
    "anyway",
    "anyways",
    "dear",
    "sir",
    "madam",
    "ps",
    "plus",
    "or",
    "wait",
    "ah",
    "wow",
    "omg",
    "ooh",
    "hmmm",
    "and",
];
/// Pronouns and determiners that follow a fronted auxiliary in a yes/no question.
const SUBJECTS: &[&str] = &[
    "you", "u", "ya", "we", "i", "they", "he", "she", "it", "there", "anyone", "anybody", "any",
    "this", "that", "these", "those", "y'all", "yall", "someone", "somebody", "people", "your",
    "ur",
];
/// Fronted words that open wishes or relative clauses, not questions, when no "?" follows
/// ("May she rest in peace", "Anyone who…").
const NOT_QUESTION_OPENERS: &[&str] = &["may", "might", "must", "shall"];
/// Contracted question words that already carry their verb ("what's", "how's").
const WH_CONTRACTED: &[&str] = &[
    "what's", "whats", "how's", "hows", "where's", "who's", "whos", "when's",
];
/// A question of at most this many content words, not starting with a question word, is a
/// reaction ("Really?", "Pretty please?") rather than a question.
const REACTION_MAX_WORDS: usize = 2;

fn hits_in<'h>(
    hits: &'h [PhraseHit],
    list: List,
    span: Span,
) -> impl Iterator<Item = &'h PhraseHit> {
    hits.iter()
        .filter(move |h| h.list == list && span.start <= h.span.start && h.span.end <= span.end)
}

/// The content words of a sentence: own words after the leading fillers, mentions and tags.
fn content<'d>(toks: &'d [Token]) -> Vec<&'d Token> {
    let mut words: Vec<&Token> = toks.iter().filter(|t| t.is_own_word()).collect();
    let lead = words
        .iter()
        .take_while(|t| LEAD_FILLERS.contains(&t.lower.as_str()))
        .count();
    words.drain(..lead);
    words
}

pub fn find(doc: &Document, data: &Data, hits: &[PhraseHit]) -> Questions {
    let rhetorical = List::Signal(data.signal_index("rhetorical"));
    let tag = List::Signal(data.signal_index("tag"));
    let invitation = List::Signal(data.signal_index("invitation"));
    let request = List::Signal(data.signal_index("request"));
    let mut q = Questions::default();
    for (si, s) in doc.sentences.iter().enumerate() {
        let toks = doc.sentence_tokens(si);
        if toks.iter().all(|t| t.quoted || t.kind != TokenKind::Word) {
            continue;
        }
        let words = content(toks);
        let first = words.first().map(|t| t.lower.as_str()).unwrap_or("");
        let second = words.get(1).map(|t| t.lower.as_str()).unwrap_or("");
        let marked = matches!(s.terminator, Terminator::Question | Terminator::Interrobang)
            || toks.iter().any(|t| {
                t.kind == TokenKind::Punct && !t.quoted && doc.slice(t.span).contains('?')
            });
        let wh = data.is(first, class::QUESTION_WORD);
        let aux = data.is(first, class::AUXILIARY);
        let syntax = (WH_CONTRACTED.contains(&first) || (wh && data.is(second, class::AUXILIARY)))
            || (aux
                && !NOT_QUESTION_OPENERS.contains(&first)
                && ((SUBJECTS.contains(&second)
                    && !matches!(first, "any" | "anyone" | "anybody" | "anything"))
                    || (matches!(first, "anyone" | "anybody") && second != "who")));
        let invites_here = hits_in(hits, invitation, s.span).next().is_some();
        if marked || syntax {
            // The tag must close the question: "…, right?" / "Really?".
            let last_word_end = toks
                .iter()
                .rev()
                .find(|t| t.is_own_word())
                .map(|t| t.span.end);
            let tagged = hits_in(hits, tag, s.span).any(|h| {
                Some(h.span.end) == last_word_end
                    && (h.span.start == words.first().map_or(0, |w| w.span.start)
                        || preceded_by_comma(doc, h.span.start))
            });
            let reaction = marked && !wh && !invites_here && words.len() <= REACTION_MAX_WORDS;
            let kind = if s.terminator == Terminator::Interrobang
                || tagged
                || reaction
                || hits_in(hits, rhetorical, s.span).next().is_some()
            {
                QuestionKind::Rhetorical
            } else if wh
                || WH_CONTRACTED.contains(&first)
                || invites_here
                || has_wh_after_comma(toks, data)
            {
                QuestionKind::Open
            } else {
                QuestionKind::Closed
            };
            q.questions.push(Question { span: s.span, kind });
        } else if data.is(first, class::IMPERATIVE) && !matches!(second, "i" | "me" | "my") {
            // "Read her books." / "Follow me please". The span is the verb.
            q.requests.push(words[0].span);
        }
    }
    for h in hits {
        if h.list == invitation {
            q.invitations.push(h.span);
        } else if h.list == request {
            q.requests.push(h.span);
        }
    }
    q.requests.sort();
    q.requests.dedup();
    q
}

fn preceded_by_comma(doc: &Document, at: usize) -> bool {
    doc.text[..at].trim_end().ends_with([',', '—', '-', '…'])
}

/// "…, what do you think?" after a comma is open even when the sentence starts otherwise.
fn has_wh_after_comma(toks: &[Token], data: &Data) -> bool {
    toks.windows(2).any(|w| {
        w[0].kind == TokenKind::Punct
            && w[1].is_own_word()
            && data.is(&w[1].lower, class::QUESTION_WORD)
    })
}

/// Drops invitations and requests that are really sales calls ("buy now", "check out my channel").
pub fn without_pitch(q: &mut Questions, pitch: &super::pitch::Pitch) {
    q.invitations.retain(|s| !pitch.covers(*s));
    q.requests.retain(|s| !pitch.covers(*s));
}

pub fn rules() -> Vec<RuleInfo> {
    vec![
        RuleInfo {
            id: "invites_reply.no_question",
            rule_set: RuleSet::InvitesReply,
            severity: Severity::Info,
            description: "A post that asks nothing gives readers no easy way in.",
            default_on: true,
            flag: vec!["We shipped the new dashboard today."],
            allow: vec![
                "We shipped the new dashboard today. What should we build next?",
                "gm",
            ],
            example_platform: None,
        },
        RuleInfo {
            id: "invites_reply.rhetorical",
            rule_set: RuleSet::InvitesReply,
            severity: Severity::Info,
            description: "Questions that expect no answer (\"who cares?\", \"…, right?\").",
            default_on: true,
            flag: vec!["Who cares anyway?", "Great weather, isn't it?"],
            allow: vec!["What was the hardest part?"],
            example_platform: None,
        },
        RuleInfo {
            id: "invites_reply.closed",
            rule_set: RuleSet::InvitesReply,
            severity: Severity::Info,
            description: "Only yes/no questions: they get one-word answers.",
            default_on: true,
            flag: vec!["We launched the new app. Do you like it?"],
            allow: vec!["We launched the new app. What do you like about it?"],
            example_platform: None,
        },
    ]
}

/// Posts shorter than this many words are left alone (a quick "gm" needs no question).
const MIN_WORDS: usize = 4;
/// The generic invitation offered when a post asks nothing.
const INVITATION: &str = "What do you think?";

pub fn check(a: &Analysis, hints: &mut Vec<Hint>) {
    let q = &a.questions;
    let post = a.context == Context::Post;
    if post
        && a.enabled("invites_reply.no_question")
        && !q.has_question()
        && q.invitations.is_empty()
        && a.doc.word_count() >= MIN_WORDS
    {
        if let Some(last) = a.doc.sentences.last() {
            let mut h = a.hint(
                "invites_reply.no_question",
                last.span,
                "Nothing here invites a reply",
                "Posts that ask the reader something get answers; statements get scrolled past.",
            );
            h.suggestion = Some(format!("{} {INVITATION}", a.doc.slice(last.span)));
            hints.push(h);
        }
    }
    if a.enabled("invites_reply.rhetorical") {
        for qq in q
            .questions
            .iter()
            .filter(|x| x.kind == QuestionKind::Rhetorical)
            .take(MAX_HINTS_PER_RULE)
        {
            hints.push(a.hint(
                "invites_reply.rhetorical",
                qq.span,
                "Reads as rhetorical",
                "A question nobody is meant to answer closes the door it seems to open.",
            ));
        }
    }
    let open = q.count(QuestionKind::Open) > 0 || !q.invitations.is_empty();
    if post && a.enabled("invites_reply.closed") && !open {
        for qq in q
            .questions
            .iter()
            .filter(|x| x.kind == QuestionKind::Closed)
            .take(MAX_HINTS_PER_RULE)
        {
            hints.push(a.hint(
                "invites_reply.closed",
                qq.span,
                "A yes/no question",
                "Yes/no questions get one-word answers; \"what\" or \"how\" questions start conversations.",
            ));
        }
    }
}
