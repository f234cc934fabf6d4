//! Questions: does the post ask the reader anything? Open, closed and rhetorical questions,
//! explicit invitations ("what's yours?", "tell me"), and requests (the rule set that shows
//! them: `rules::invites_reply`).

use crate::data::{class, lists, List, PhraseHit};
use crate::kinds::{Context, Span};
use crate::text::{Document, Terminator, Token, TokenKind};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// what/how/why…: invites a real answer.
    Open,
    /// yes/no.
    Closed,
    /// Expects no answer: "who cares?", "…, right?", "what?!", "Really?", a sales hook.
    Rhetorical,
    /// Either/or: an open choice ("Tea or coffee?", "Do you outline first, or figure it out as
    /// you go?"), answered with a preference and a reason, not a yes.
    Choice,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Question {
    /// The sentence.
    pub span: Span,
    pub kind: QuestionKind,
    /// The writer's own words in the sentence (not quoted; no URLs, mentions or tags).
    pub words: usize,
    /// Has the form of a question: a question word, an inverted auxiliary or a "you" somewhere
    /// in it, not only a "?" after statement word order ("Fair trial?"). "You coming
    /// tonight?" asks its reader even in a post; counting "you" cost 0.003 F1 on the Tweet
    /// Act dev half (one post), and without it the chip told the writer such a post invites no
    /// reply.
    pub interrogative: bool,
    /// Ends in the writer's own "?" (not only question syntax or an announced question).
    pub marked: bool,
    /// Put to the reader: a "you"/"your" among its words.
    pub to_reader: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Questions {
    pub questions: Vec<Question>,
    /// "let me know", "what do you think", "share yours"…
    pub invitations: Vec<Span>,
    /// Requests and suggestions to the reader: "please…", "you should…", imperatives.
    pub requests: Vec<Span>,
    /// The writer's own words in the whole post.
    pub words: usize,
    /// The last sentence that has words of the writer's own (trailing links and tags skipped).
    pub last_sentence: Option<Span>,
    /// The sentence before the post's closing coda, when it closes on one: a line about the
    /// answers ("Happy to share my notes.", "Thanks in advance!") or an aside in brackets
    /// ("(No pitch, I'm collecting examples.)"). A question there is what the post ends on.
    pub before_coda: Option<Span>,
    /// The post is said to someone: it is a reply, or it opens with their @name (also inside
    /// "RT @x: @name …").
    pub addressed: bool,
    /// The first sentence that has words of the writer's own.
    pub first_sentence: Option<Span>,
    /// Engagement bait ("tag 3 friends", "like if…"): asks for a reaction, not an answer.
    pub bait: Vec<Span>,
}

impl Questions {
    pub fn genuine(&self) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(|q| q.kind != QuestionKind::Rhetorical)
    }

    /// Some sentence is a genuine question, however small a part of the post it is.
    pub fn any_genuine(&self) -> bool {
        self.genuine().next().is_some()
    }

    /// The post *asks the reader a question*: its genuine questions are its main act, because
    /// the post ends on one or they carry at least [`DOMINANT_SHARE`] of its words. A question
    /// tucked into the middle of a longer statement or outburst ("Loved it. Who knew? Anyway,
    /// the ending…") is a figure of speech inside another act, not the thing the post asks.
    ///
    /// A post addressed to no one (it does not open with an @mention) asks less readily than a
    /// reply does: its "?" after statement word order ("Fair trial?", "So he gets a
    /// pass?") is incredulity, while the same form said to someone ("@sam you're coming?") asks
    /// them. On the Tweet Act dev half, posts with a "?" that do not open with a mention are
    /// questions 31–37% of the time, replies 78%. For the same reason a reply that opens with
    /// an open question asks it, whatever follows ("@sam what time is it? I'll bring snacks"),
    /// and a "?!" in a reply is an emphatic question to its addressee, not astonishment. So
    /// does a reply that opens with a yes/no question put to "you" ("@sam would you ever write
    /// a play? It would be amazing!").
    pub fn has_question(&self) -> bool {
        let mut words = 0;
        for q in self.genuine().filter(|q| self.asks_as_posted(q)) {
            if Some(q.span) == self.last_sentence
                || Some(q.span) == self.before_coda
                || (self.addressed
                    && Some(q.span) == self.first_sentence
                    && (q.kind == QuestionKind::Open || q.to_reader))
            {
                return true;
            }
            words += q.words;
        }
        words > 0 && words as f64 >= DOMINANT_SHARE * self.words as f64
    }

    /// The question a post asks only in passing: it has a genuine question with the form of
    /// one, but the post neither ends on it nor gives it most of its words, so its main act is
    /// something else ("Congrats on the launch! What was the hardest part? I loved it"). The
    /// last such question, the one nearest the end. Only a question marked with "?": without
    /// one, question syntax inside a longer post is too often a headline or a clause ("How the
    /// team is fooling the media.").
    pub fn buried(&self) -> Option<&Question> {
        if self.has_question() {
            return None;
        }
        self.genuine()
            .filter(|q| q.marked && self.asks_as_posted(q))
            .last()
    }

    /// A genuine question asks in this post when the post is said to someone or the question
    /// has the form of one (see [`Question::interrogative`]).
    fn asks_as_posted(&self, q: &Question) -> bool {
        self.addressed || q.interrogative
    }

    pub fn count(&self, kind: QuestionKind) -> usize {
        self.questions.iter().filter(|q| q.kind == kind).count()
    }

    /// Asks something open: an open question, an either/or choice or an invitation.
    pub fn opens(&self) -> bool {
        self.count(QuestionKind::Open) > 0
            || self.count(QuestionKind::Choice) > 0
            || !self.invitations.is_empty()
    }

    /// Asks the reader something: a real question, an invitation, a request, or (for a
    /// reaction, not an answer) engagement bait. The verdict is Tweet Act's "asks something of
    /// the reader", where "RT if you agree" is a request; the score and the cards do not count
    /// bait as an invitation.
    pub fn invites(&self) -> bool {
        self.has_question()
            || !self.invitations.is_empty()
            || !self.requests.is_empty()
            || !self.bait.is_empty()
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
/// Determiners that open a noun-phrase subject after a fronted auxiliary ("Did the store…").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "my", "his", "her", "our", "their", "its", "all", "every", "no",
];
/// Auxiliaries that, fronted before a determiner, open a question: do-support and modals.
/// "do", "have" and "be" are left out (commands: "Do the dishes", "Have a nice day"), and so are
/// "is"/"was"/"has", which follow a skipped @mention or #tag subject ("@team is the best").
const DETERMINER_AUX: &[&str] = &[
    "did",
    "does",
    "didn't",
    "doesn't",
    "didnt",
    "doesnt",
    "can",
    "could",
    "would",
    "should",
    "will",
    "can't",
    "couldn't",
    "wouldn't",
    "shouldn't",
    "won't",
];
/// Fronted words that open wishes or relative clauses, not questions, when no "?" follows
/// ("May she rest in peace", "Anyone who…").
const NOT_QUESTION_OPENERS: &[&str] = &["may", "might", "must", "shall"];
/// Contracted question words that already carry their verb ("what's", "how's").
const WH_CONTRACTED: &[&str] = &[
    "what's", "whats", "how's", "hows", "where's", "who's", "whos", "when's",
];
/// Share of the post's own words that its genuine questions must carry to be its main act when
/// the post does not end on one. One half is the plain majority reading of "dominant act" (Tweet
/// Act labels one act per tweet); on the Tweet Act dev half, shares of 0.3 to 0.6 all score
/// within 0.01 F1 of each other, so the round, principled value was kept.
pub const DOMINANT_SHARE: f64 = 0.5;
/// A question of at most this many content words, not starting with a question word, is a
/// reaction ("Really?", "Pretty please?") rather than a question.
const REACTION_MAX_WORDS: usize = 2;

fn hits_in(hits: &[PhraseHit], list: List, span: Span) -> impl Iterator<Item = &PhraseHit> {
    // Hits are sorted by start (Data::phrase_hits): bisect to the span instead of scanning all
    // of them for every sentence, which is quadratic on a long paste.
    let first = hits.partition_point(|h| h.span.start < span.start);
    hits[first..]
        .iter()
        .take_while(move |h| h.span.start < span.end)
        .filter(move |h| h.list == list && h.span.end <= span.end)
}

/// A closing line about the answers, or an aside in brackets (see [`Questions::before_coda`]).
fn is_coda(doc: &Document, hits: &[PhraseHit], si: usize) -> bool {
    let span = doc.sentences[si].span;
    let text = doc.slice(span).trim();
    let bracketed = text.starts_with('(') && text.trim_end_matches(['.', '!']).ends_with(')');
    bracketed || hits_in(hits, lists::CODA, span).next().is_some()
}

/// The content words of a sentence into `words` (one buffer for every sentence): own words
/// after the leading fillers, mentions and tags.
fn content<'d, 'a>(toks: &'d [Token<'a>], words: &mut Vec<&'d Token<'a>>) {
    words.clear();
    words.extend(toks.iter().filter(|t| t.is_own_word()));
    let lead = words
        .iter()
        .take_while(|t| LEAD_FILLERS.contains(&t.lower.as_ref()))
        .count();
    words.drain(..lead);
}

/// The questions, invitations and requests of `doc`; `context` says whether it is a reply.
pub fn find(doc: &Document, hits: &[PhraseHit], context: Context) -> Questions {
    let (rhetorical, tag, invitation) = (lists::RHETORICAL, lists::TAG, lists::INVITATION);
    let (question_invitation, request) = (lists::QUESTION_INVITATION, lists::REQUEST);
    let asks = lists::ASKS;
    let mut q = Questions {
        words: doc.own_words().count(),
        // A reply is addressed whether or not it opens with the @name (the extension knows the
        // box is a reply; the text alone only shows the @name).
        addressed: context == Context::Reply || opens_with_mention(doc),
        ..Questions::default()
    };
    // Sentences ending in "?" (question-bound invitations count only inside one).
    let mut asked: Vec<Span> = Vec::new();
    // The genuine question just before this sentence: its index in `q.questions` and its shape.
    let mut pending: Option<(usize, Asked)> = None;
    // Content words of each sentence in turn; sized once for the longest possible.
    let mut words = Vec::with_capacity(doc.tokens.len());
    // A post of one short sentence is a message, as in a chat: asked, it asks (see
    // [`short_ask`]).
    let own_sentences = doc
        .sentences
        .iter()
        .enumerate()
        .filter(|&(i, _)| doc.sentence_tokens(i).iter().any(|t| t.is_own_word()))
        .count();
    for (si, s) in doc.sentences.iter().enumerate() {
        let toks = doc.sentence_tokens(si);
        if toks.iter().all(|t| t.quoted || t.kind != TokenKind::Word) {
            continue;
        }
        // Trailing codas keep the sentence before them.
        q.before_coda = match is_coda(doc, hits, si) {
            true => q.before_coda.or(q.last_sentence),
            false => None,
        };
        q.last_sentence = Some(s.span);
        if q.first_sentence.is_none() {
            q.first_sentence = Some(s.span);
        }
        // Only the writer's own "?" marks a question: one inside quotes is someone else's
        // ("She asked \"why not?\"").
        let marked = toks
            .iter()
            .any(|t| t.kind == TokenKind::Punct && !t.quoted && doc.slice(t.span).contains('?'));
        if let Some((qi, shape)) = pending.take() {
            if !marked && answers(shape, toks, doc) {
                q.questions[qi].kind = QuestionKind::Rhetorical;
            }
        }
        content(toks, &mut words);
        let first = words.first().map(|t| t.lower.as_ref()).unwrap_or("");
        let second = words.get(1).map(|t| t.lower.as_ref()).unwrap_or("");
        // Class bits from the tokens' own info (annotated), not new lookups.
        let first_is = |bits| words.first().is_some_and(|t| t.is(bits));
        let wh = first_is(class::QUESTION_WORD);
        let aux = first_is(class::AUXILIARY);
        let second_aux = words.get(1).is_some_and(|t| t.is(class::AUXILIARY));
        // "So did the kings." / "So do I": an auxiliary inverted after "so" says "too"; it
        // asks nothing unless a "?" says so ("So did you like it?").
        let so_inverted = aux
            && !marked
            && toks
                .iter()
                .filter(|t| t.is_own_word())
                .take_while(|t| t.span != words[0].span)
                .last()
                .is_some_and(|t| t.lower == "so");
        let syntax = (WH_CONTRACTED.contains(&first) || (wh && second_aux))
            || (aux
                && !so_inverted
                && !NOT_QUESTION_OPENERS.contains(&first)
                && (((SUBJECTS.contains(&second)
                    || (DETERMINERS.contains(&second) && DETERMINER_AUX.contains(&first)))
                    && !matches!(first, "any" | "anyone" | "anybody" | "anything"))
                    || (matches!(first, "anyone" | "anybody") && second != "who")));
        let invites_here = hits_in(hits, invitation, s.span).next().is_some()
            || (marked && hits_in(hits, question_invitation, s.span).next().is_some());
        if marked {
            asked.push(s.span);
        }
        // Said to someone, a sentence that opens with a question word asks even without its
        // "?": replies drop it ("@sam why the long face").
        let addressed_wh = q.addressed
            && wh
            && s.terminator != Terminator::Exclamation
            && unmarked_wh_question(&words);
        let announced = hits_in(hits, asks, s.span).next().is_some();
        let alone = own_sentences == 1 && words.len() <= SHORT_ASK_WORDS;
        let short = alone && short_ask(doc, toks, &words, marked, s.terminator);
        if marked
            || announced
            || short
            || ((syntax || addressed_wh) && words.len() >= UNMARKED_MIN_WORDS)
        {
            // The tag must close the question: "…, right?" / "Really?".
            let last_word_end = toks
                .iter()
                .rev()
                .find(|t| t.is_own_word())
                .map(|t| t.span.end);
            // A tag put to someone by name asks them to confirm ("…, right @sam?").
            let tag_named = toks.iter().any(|t| {
                t.kind == TokenKind::Mention && last_word_end.is_some_and(|e| t.span.start > e)
            });
            // A tag closing a very short message asks to confirm ("it's tomorrow, right?"); on a
            // longer one it argues ("This can't be good for the harbour, right?").
            let confirms = short && words.len() <= TAG_ASKS_WORDS;
            let tagged = !(tag_named || confirms)
                && hits_in(hits, tag, s.span).any(|h| {
                    Some(h.span.end) == last_word_end
                        && (h.span.start == words.first().map_or(0, |w| w.span.start)
                            || preceded_by_comma(doc, h.span.start))
                });
            // A reaction ("Really?") inside a longer post is astonishment; alone, a message
            // asking for confirmation ("seriously?", "same time next week?").
            let reaction =
                marked && !wh && !invites_here && !short && words.len() <= REACTION_MAX_WORDS;
            if marked && !invites_here && tentative_statement(&words) {
                // "I suppose the bus is late again?": the writer's own statement, voiced unsure.
                continue;
            }
            let kind = if (s.terminator == Terminator::Interrobang && !q.addressed)
                || tagged
                || reaction
                || hits_in(hits, rhetorical, s.span).any(|h| {
                    h.span.start == words.first().map_or(0, |w| w.span.start)
                        || preceded_by_comma(doc, h.span.start)
                }) {
                QuestionKind::Rhetorical
            } else if marked && either_or(&words) {
                QuestionKind::Choice
            } else if wh
                || announced
                || WH_CONTRACTED.contains(&first)
                || invites_here
                || has_wh_after_comma(toks)
            {
                QuestionKind::Open
            } else {
                QuestionKind::Closed
            };
            if kind != QuestionKind::Rhetorical
                && (polite_request(&words)
                    || (kind == QuestionKind::Closed && first_is(class::IMPERATIVE)))
            {
                // "Could you please share this?" asks for an action, not an answer.
                q.requests.push(s.span);
                continue;
            }
            if kind != QuestionKind::Rhetorical {
                let shape = if first == "why" {
                    Asked::Why
                } else if kind == QuestionKind::Closed {
                    Asked::YesNo
                } else {
                    Asked::Other
                };
                pending = Some((q.questions.len(), shape));
            }
            let to_reader = words.iter().any(|w| w.is(class::YOU));
            q.questions.push(Question {
                span: s.span,
                kind,
                words: toks.iter().filter(|t| t.is_own_word()).count(),
                interrogative: syntax
                    || short
                    || kind == QuestionKind::Choice
                    || announced
                    || tag_named
                    || aux
                    || invites_here
                    || to_reader
                    || words.iter().any(|w| w.is(class::QUESTION_WORD))
                    || inverted(&words),
                marked,
                to_reader,
            });
        } else if first_is(class::IMPERATIVE)
            && !matches!(second, "i" | "me" | "my")
            && !is_label(doc, toks, words[0])
        {
            // "Read her books." / "Follow me please". The span is the verb. The `imperatives`
            // class holds only verbs whose bare imperative asks the reader to act; verbs whose
            // bare form mostly opens something else are left to phrases: "look" ("Look, …",
            // "look who's here"; "look at this" is a request phrase), "go" (cheers: "Go team!";
            // "go read" is a phrase), "remember" and "imagine" (recollection and hypotheticals:
            // "Remember when…", "Imagine if…"; "remember to" is a phrase), "stop" and "make"
            // (slogans at third parties: "Stop the war", "Make no mistake"), "keep"
            // (encouragement: "Keep up the good work"), "meet" (introductions: "Meet the team").
            q.requests.push(words[0].span);
        }
    }
    for h in hits {
        if h.list == invitation
            || (h.list == question_invitation
                && asked
                    .iter()
                    .any(|s| s.start <= h.span.start && h.span.end <= s.end))
        {
            q.invitations.push(h.span);
        } else if h.list == request {
            q.requests.push(h.span);
        }
    }
    crate::sort::by_key(&mut q.requests, |&s| crate::sort::span_key(s));
    q.requests.dedup();
    without_bait(&mut q, doc, hits);
    q
}

/// What a genuine question asked, for recognising the writer's own answer to it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Asked {
    Why,
    YesNo,
    Other,
}

/// Words that open the writer's own answer to a "why" question ("Why? Because…", "Why? To…").
const ANSWERS_WHY: &[&str] = &["because", "cause", "cuz", "coz", "cos", "bc", "to"];
/// Words that open the writer's own answer to a yes/no question ("Did it work? No.").
const ANSWERS_YES_NO: &[&str] = &["yes", "no", "nope", "yep", "nah"];
/// Labels that introduce an answer when a colon follows ("Answer: …", "Short answer: …").
const ANSWER_LABELS: &[&str] = &["answer", "a"];
/// How far into the next sentence an answer label may sit ("short answer:" is the second word).
const ANSWER_LABEL_MAX_POS: usize = 2;

/// Hypophora: the sentence after a question answers it in the writer's own voice, so the
/// question was asked for effect, not of the reader ("Why does it matter? Because…").
fn answers(asked: Asked, toks: &[Token], doc: &Document) -> bool {
    let own: Vec<(usize, &Token)> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_own_word())
        .collect();
    let Some(&(_, first)) = own.first() else {
        return false;
    };
    let labelled = own.iter().take(ANSWER_LABEL_MAX_POS).any(|&(i, t)| {
        ANSWER_LABELS.contains(&t.lower.as_ref())
            && toks
                .get(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Punct && doc.slice(n.span).starts_with(':'))
    });
    labelled
        || match asked {
            Asked::Why => ANSWERS_WHY.contains(&first.lower.as_ref()),
            Asked::YesNo => ANSWERS_YES_NO.contains(&first.lower.as_ref()),
            Asked::Other => false,
        }
}

/// Words after "how" that make it ask ("how long", "how come") rather than exclaim ("how
/// cool is that").
const HOW_ASKS: &[&str] = &[
    "many", "much", "long", "often", "far", "old", "about", "come", "to",
];

/// A sentence without its "?" that opens with a question word asks when the word opens a
/// question, not a clause or an exclamation: not "when I was a kid…" (time), "what he became…"
/// (a subject follows: a relative clause), "what a game" or "how cool is that" (exclamatives).
fn unmarked_wh_question(words: &[&Token]) -> bool {
    let (Some(first), second) = (words.first(), words.get(1)) else {
        return false;
    };
    let second_word = second.map_or("", |t| t.lower.as_ref());
    match first.lower.as_ref() {
        "when" => false,
        "how" => second.is_some_and(|t| t.is(class::AUXILIARY)) || HOW_ASKS.contains(&second_word),
        _ => !matches!(
            second_word,
            "a" | "an" | "i" | "he" | "she" | "we" | "they" | "it"
        ),
    }
}

/// Without a "?", question syntax needs at least this many content words: "Do it." and "Will
/// do." are commands and replies; "Do you ship abroad" (three words) is the shortest question.
const UNMARKED_MIN_WORDS: usize = 3;

/// Words up to which a short message's closing tag asks to confirm.
const TAG_ASKS_WORDS: usize = 5;
/// Question marks from which a short message is an outcry, not a question ("for real??????").
const OUTCRY_MARKS: usize = 3;
/// Own words from which a one-sentence post is no longer a short message (see [`short_ask`]).
const SHORT_ASK_WORDS: usize = 8;
/// Auxiliaries that open a short unmarked question ("is practice cancelled", "did u eat");
/// not "have" ("have a good one") or the modals of wishes ("may…").
const SHORT_ASK_AUX: &[&str] = &[
    "is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "should",
    "any", "anyone", "anybody", "r", "isn't", "aren't", "don't", "didn't", "can't", "won't",
];
/// What follows "you" in a short question without its inversion ("you awake", "u coming").
const AFTER_YOU_ASKS: &[&str] = &[
    "want", "wanna", "still", "awake", "up", "good", "ok", "okay", "alright", "around", "home",
    "there", "coming", "going", "free", "ready", "sure", "done", "in", "busy", "serious", "here",
    "feeling", "fed",
];

/// A post of one short sentence (at most [`SHORT_ASK_WORDS`] own words) asks the way a chat
/// message does: marked with a "?" ("seriously?", "tomorrow at 5?", "it's tomorrow, right?"),
/// unless a run of three marks makes it an outcry; or unmarked, when it opens as a question
/// does ("where r u", "how much was it", "is practice cancelled", "you still coming", "any plans
/// this weekend"). In a longer post the same words read as incredulity or a headline.
fn short_ask(
    doc: &Document,
    toks: &[Token],
    words: &[&Token],
    marked: bool,
    terminator: Terminator,
) -> bool {
    if marked {
        // "seriously?", "ok?", "and?": a filler word alone, asked, is a question too.
        let marks: usize = toks
            .iter()
            .filter(|t| t.kind == TokenKind::Punct)
            .map(|t| doc.slice(t.span).matches('?').count())
            .sum();
        return marks < OUTCRY_MARKS;
    }
    let Some(first) = words.first() else {
        return false;
    };
    if terminator != Terminator::None {
        return false;
    }
    // Said at the start of the message, not after an @name or a #tag that is its subject
    // ("@sam is my favourite").
    let opens = toks
        .iter()
        .find(|t| t.kind != TokenKind::Punct)
        .map(|t| t.span)
        == Some(first.span);
    let second = words.get(1).map_or("", |t| t.lower.as_ref());
    opens
        && ((first.is(class::QUESTION_WORD) && unmarked_wh_question(words))
            || (SHORT_ASK_AUX.contains(&first.lower.as_ref()) && words.len() >= 2)
            || (first.is(class::YOU) && AFTER_YOU_ASKS.contains(&second)))
}

/// Modals that, fronted before "you", turn a yes/no question into a polite request.
const REQUEST_MODALS: &[&str] = &["can", "could", "would", "will"];
/// Anyone reading, asked to act: "Can someone please explain…?" is a request like "Could you…".
const REQUEST_ADDRESSEES: &[&str] = &["someone", "somebody", "anyone", "anybody"];
/// Politeness markers that make such a question a request ("Could you please…?").
const POLITE_MARKERS: &[&str] = &["please", "pls", "plz", "kindly"];

/// The writer as the subject of a sentence in statement order ("I guess…", "I'm sure…").
const WRITER_SUBJECTS: &[&str] = &["i", "i'm", "im", "i've", "ive", "i'd", "i'll"];

/// "I thought the second season dragged?": a statement about the writer, voiced unsure. It opens
/// with the writer as subject, and no question word or inverted auxiliary ("…, am I wrong?",
/// "I wonder, do you…") follows anywhere in it.
fn tentative_statement(words: &[&Token]) -> bool {
    words
        .first()
        .is_some_and(|w| WRITER_SUBJECTS.contains(&w.lower.as_ref()))
        && !words.iter().any(|w| w.is(class::QUESTION_WORD))
        && !inverted(words)
}

/// An auxiliary before its subject somewhere in the sentence ("…, am I wrong?").
fn inverted(words: &[&Token]) -> bool {
    words
        .windows(2)
        .any(|p| p[0].is(class::AUXILIARY) && SUBJECTS.contains(&p[1].lower.as_ref()))
}

/// "Could you please read this?" / "Can u pls share": a request dressed as a question.
fn polite_request(words: &[&Token]) -> bool {
    let (Some(m), Some(you)) = (words.first(), words.get(1)) else {
        return false;
    };
    REQUEST_MODALS.contains(&m.lower.as_ref())
        && (you.is(class::YOU) || REQUEST_ADDRESSEES.contains(&you.lower.as_ref()))
        && words
            .iter()
            .any(|w| POLITE_MARKERS.contains(&w.lower.as_ref()))
}

/// A verb followed at once by ":" or "|" labels what follows ("WATCH: …", "Read more: <link>"),
/// the way a headline does; it asks the reader nothing.
fn is_label(doc: &Document, toks: &[Token], verb: &Token) -> bool {
    let Some(at) = toks.iter().position(|t| t.span == verb.span) else {
        return false;
    };
    let mut rest = toks[at + 1..].iter().peekable();
    if rest.peek().is_some_and(|t| t.lower == "more") {
        rest.next();
    }
    rest.next()
        .is_some_and(|t| t.kind == TokenKind::Punct && doc.slice(t.span).starts_with([':', '|']))
}

/// The post opens with an @mention, after any "RT @source:" prefix: it is addressed to someone.
fn opens_with_mention(doc: &Document) -> bool {
    let mut toks = doc
        .tokens
        .iter()
        .filter(|t| !(t.kind == TokenKind::Punct && doc.slice(t.span).trim() == "."))
        .peekable();
    if toks.peek().is_some_and(|t| t.lower == "rt") {
        toks.next();
        if toks.peek().is_some_and(|t| t.kind == TokenKind::Mention) {
            toks.next();
        }
        if toks
            .peek()
            .is_some_and(|t| t.kind == TokenKind::Punct && doc.slice(t.span).starts_with(':'))
        {
            toks.next();
        }
    }
    toks.next().is_some_and(|t| t.kind == TokenKind::Mention)
}

fn preceded_by_comma(doc: &Document, at: usize) -> bool {
    doc.text[..at].trim_end().ends_with([',', '—', '-', '…'])
}

/// "…, what do you think?" (or "…, and what should I do?") after a comma is open even when the
/// sentence starts otherwise.
fn has_wh_after_comma(toks: &[Token]) -> bool {
    let wh = |t: &Token| t.is_own_word() && t.is(class::QUESTION_WORD);
    toks.windows(3).any(|w| {
        w[0].kind == TokenKind::Punct
            && (wh(&w[1]) || (matches!(w[1].lower.as_ref(), "and" | "or" | "but") && wh(&w[2])))
    }) || toks
        .windows(2)
        .any(|w| w[0].kind == TokenKind::Punct && wh(&w[1]))
}

/// Words after "or" that close a yes/no question rather than offer a choice ("…, or not?").
const NOT_A_CHOICE: &[&str] = &[
    "not",
    "no",
    "what",
    "something",
    "anything",
    "so",
    "else",
    "nothing",
    "nah",
    "never",
];

/// An either/or question: "or" between two alternatives, each with a word of its own ("Tea or
/// coffee?", "… cheap paper first, or just go for it?", a poll's "…, yes or no?", "astropy or
/// something else?"), not "…, or not?", "… or so?" or "… or something?".
fn either_or(words: &[&Token]) -> bool {
    let poll = words.len() > 3
        && words[words.len() - 3..]
            .iter()
            .map(|w| w.lower.as_ref())
            .eq(["yes", "or", "no"]);
    poll || words.iter().enumerate().any(|(i, w)| {
        w.lower == "or"
            && i > 0
            && words.get(i + 1).is_some_and(|n| {
                !NOT_A_CHOICE.contains(&n.lower.as_ref())
                    || words.get(i + 2).is_some_and(|m| m.lower == "else")
            })
            && !(i >= 2 && words[i - 1].lower == "whether")
    })
}

/// What the questions become beside the post's pitch: invitations and requests that are part of
/// a pitch cue go ("buy now" is not an invitation to talk), and in a post that pitches, a
/// question that opens with a sales hook ("Struggling to grow on X? My course…") is rhetorical:
/// the pitch answers it.
pub fn with_pitch(q: &mut Questions, pitch: &super::pitch::Pitch, hits: &[PhraseHit]) {
    q.invitations.retain(|s| !pitch.covers(*s));
    q.requests.retain(|s| !pitch.covers(*s));
    if pitch.cues.is_empty() {
        return;
    }
    for question in &mut q.questions {
        if opens_with_hook(question, hits) && question.marked {
            question.kind = QuestionKind::Rhetorical;
        }
    }
}

/// Whether a question opens with a sales hook ("Struggling to…?", "Tired of…?").
pub fn opens_with_hook(question: &Question, hits: &[PhraseHit]) -> bool {
    hits_in(hits, lists::HOOK, question.span).any(|h| h.span.start == question.span.start)
}

/// Drops the invitations and requests that are engagement bait: "tag 3 friends" asks for a
/// reaction, not an answer.
fn without_bait(q: &mut Questions, doc: &Document, hits: &[PhraseHit]) {
    let bait: Vec<Span> = hits
        .iter()
        .filter(|h| h.list == lists::BAIT)
        .map(|h| with_condition(doc, h.span))
        .collect();
    if bait.is_empty() {
        return;
    }
    q.bait = bait;
    let in_bait = |s: &Span| q.bait.iter().any(|b| b.start <= s.start && s.start < b.end);
    let (invitations, requests) = (
        q.invitations
            .iter()
            .copied()
            .filter(|s| !in_bait(s))
            .collect(),
        q.requests.iter().copied().filter(|s| !in_bait(s)).collect(),
    );
    q.invitations = invitations;
    q.requests = requests;
}

/// Bait that ends on its condition ("Like if", "RT if you'd") takes the condition's verb:
/// "Like if you agree", "RT if you'd cancel".
fn with_condition(doc: &Document, span: Span) -> Span {
    let (first, after) = doc.tokens_after(span);
    let Some(last) = first.checked_sub(1).map(|i| &doc.tokens[i]) else {
        return span;
    };
    if !matches!(
        last.lower.as_ref(),
        "if" | "you" | "you're" | "you'd" | "you've"
    ) {
        return span;
    }
    let mut end = span;
    for t in after.iter().take(3) {
        if t.kind != TokenKind::Word || t.sentence != last.sentence || t.quoted {
            break;
        }
        end = span.join(t.span);
        if !t.is(class::YOU) {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn questions(text: &str) -> Questions {
        let data = crate::data::Data::get();
        let doc = data.document(text);
        find(&doc, &data.phrase_hits(&doc), Context::Post)
    }

    #[test]
    fn bait_takes_its_condition() {
        for (text, want) in [
            (
                "Like if you agree: meetings are too long.",
                vec!["Like if you agree"],
            ),
            ("RT if you'd cancel every one", vec!["RT if you'd cancel"]),
            ("Share if you care!", vec!["Share if you care"]),
            ("Tag a friend who needs this", vec!["Tag a friend who"]),
            ("like and reblog for part 2!!", vec!["like and reblog"]),
        ] {
            let q = questions(text);
            let got: Vec<&str> = q.bait.iter().map(|s| &text[s.start..s.end]).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn question_verdict_follows_the_main_act() {
        // (text, asks a question, asks something of the reader)
        let cases: &[(&str, bool, bool)] = &[
            ("What should we build next?", true, true),
            ("We shipped it today. What should we build next?", true, true),
            ("Which plugin do you use for this? I have tried three so far.", true, true),
            // A question tucked inside a longer statement is not the post's main act.
            (
                "Loved the show last night. Who knew the drummer could sing? The encore was long and the crowd stayed until the very end.",
                false,
                false,
            ),
            // Hypophora: the writer answers their own question.
            ("Why does this matter? Because the deadline is Friday.", false, false),
            ("Did the plan work? No, it failed within a week.", false, false),
            ("When is a shortcut not a shortcut? (Answer: when it breaks.)", false, false),
            ("Why do I run? Because it clears my head.", false, false),
            // A reason for asking is not an answer.
            ("Are you coming to the fair? Because we are driving up early.", true, true),
            // Polite requests dressed as questions.
            ("Could you please share this with your team?", false, true),
            ("Can someone please explain the new rules?", false, true),
            ("Could you share this with your team?", true, true),
            // A "?" inside quotes is someone else's.
            ("She asked me \"why not?\" and I had no answer for her.", false, false),
            // Commands that look like questions without a "?".
            ("Do it.", false, false),
            ("Do you ship abroad", true, true),
            // Question-bound invitations count only when asked.
            ("Thoughts with everyone affected by the storm today.", false, false),
            ("New logo is live. Thoughts?", true, true),
            ("I don't want anyone else on the team.", false, false),
            ("Anyone else still waiting for the update?", true, true),
            // Bare verbs that rarely ask the reader to act.
            ("Look, the plan was never going to work.", false, false),
            ("Go team!", false, false),
            ("Remember when phones had buttons.", false, false),
            ("Remember to back up your files tonight.", false, true),
            ("Keep up the good work.", false, false),
            ("Read her books.", false, true),
            // Headline labels are not requests.
            ("WATCH: the launch from the pad", false, false),
            // A fronted auxiliary before a noun phrase asks even without a "?".
            ("Did the new update break anything for you", true, true),
            ("Do the dishes before you go.", false, false),
            // The writer's own statement, voiced unsure, asks nothing.
            ("I guess nobody read the manual?", false, false),
            ("I picked the blue one, am I wrong?", true, true),
            // A command with a "?" is still a request.
            ("Share this with a friend?", false, true),
            // A rhetorical phrase makes a question rhetorical only where it opens it.
            ("Do you know which shop sells what kind of paint?", true, true),
            ("How many times do I have to say it?", false, false),
            // "?" after statement word order asks someone it is said to, not the world at large.
            ("Fair trial? Hardly.", false, false),
            ("So he gets a pass on this? After everything he did to those kids.", false, false),
            // A post of one short sentence is a message: asked, it asks, as in a chat.
            ("So he gets a pass on this?", true, true),
            ("seriously?", true, true),
            ("same time next week?", true, true),
            ("where r u", true, true),
            ("is practice cancelled", true, true),
            ("you still coming", true, true),
            ("for real??????", false, false),
            ("@jk is my favourite", false, false),
            ("have a good one", false, false),
            ("@sam you're coming to the fair?", true, true),
            ("RT @news: @sam you're coming to the fair?", true, true),
            ("Has @sam seen the new logo?", true, true),
            // A reply asks readily: "?!" to someone, or an opening question before an aside.
            ("@sam did you plan this?! Amazing.", true, true),
            ("Did you plan this?!", false, false),
            (
                "@sam what time does it start? I will bring snacks and drinks for everyone there.",
                true,
                true,
            ),
            (
                "What time does it start? I will bring snacks and drinks for everyone there.",
                false,
                false,
            ),
            // Said to someone, a question word asks even when the "?" is dropped; a time
            // clause, a relative clause or an exclamation does not.
            ("@sam why the long face", true, true),
            ("@sam how long does the drive take", true, true),
            ("@sam when I was a kid we had no phones", false, false),
            ("@sam what he said was true", false, false),
            ("@sam what a game", false, false),
            ("@sam how cool is that", false, false),
            // Alone, a message: it asks, as in a chat ("why the long face").
            ("why the long face", true, true),
            // A tag question put to someone by name asks them.
            ("This can't be good for the harbour, right @sam?", true, true),
            ("This can't be good for the harbour, right?", false, false),
            // A reply that opens with a yes/no question to "you" asks it, whatever follows.
            ("@sam would you ever write a play? It would be amazing, I'd watch it twice.", true, true),
            ("@sam is it raining there? It has poured here all day, the garden is a lake.", false, false),
            // An auxiliary inverted after "so" says "too" and asks nothing, unless a "?" asks.
            ("Its power seems inescapable. So did the divine right of kings.", false, false),
            ("So did you like the ending?", true, true),
            // An announced question asks, "?" or not.
            ("I have a question did you ever meet him", true, true),
            ("Quick question: when does the shop open", true, true),
        ];
        for &(text, question, invites) in cases {
            let q = questions(text);
            assert_eq!(q.has_question(), question, "question: {text:?} -> {q:?}");
            assert_eq!(q.invites(), invites, "invites: {text:?} -> {q:?}");
        }
    }

    #[test]
    fn a_question_the_post_moves_on_from_is_buried() {
        // (text, the buried question's text, or None)
        let cases: &[(&str, Option<&str>)] = &[
            ("Great talk! What did you think of it? We loved the demo and the slides were great.", Some("What did you think of it?")),
            ("Who's in? What time works? Anyway, the venue is booked for Friday at the old hall.", Some("What time works?")),
            ("Great talk! What did you think of it?", None),
            ("What did you think of the talk? The demo was great.", None),
            ("Great talk. Fair trial? Anyway, the venue is booked.", None),
            ("Why? Because we can. The venue is booked for Friday.", None),
            // A closing line about the answers, or an aside in brackets, is not moving on.
            ("Passed both exams this month. If you're prepping for either, what's tripping you up? Happy to share my notes.", None),
            ("We talk to a lot of teams. What's the most painful report you still build by hand? (No pitch, I'm collecting examples for a talk.)", None),
            ("Made pierogi tonight. Does the dough need to rest overnight? Anyway, the cheese ones came out great.", Some("Does the dough need to rest overnight?")),
            // Question syntax without a "?" mid-post is not flagged.
            ("Big news. How the team is changing the game. We shipped it all today.", None),
        ];
        for &(text, want) in cases {
            let q = questions(text);
            let got = q.buried().map(|b| &text[b.span.start..b.span.end]);
            assert_eq!(got, want, "{text:?} -> {q:?}");
        }
    }

    #[test]
    fn answered_questions_read_as_rhetorical() {
        let q = questions("Why? Because we can.");
        assert_eq!(q.count(QuestionKind::Rhetorical), 1);
        assert!(q.any_genuine() == q.has_question());
    }
}
