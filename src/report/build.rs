//! The report of one analysis: hints in order, verdicts, score, and the signals with their
//! evidence (none in a brief report).

use super::*;
use crate::kinds::Span;
use crate::rules::Analysis;
use crate::signals::counters::Counter;
use crate::signals::questions::QuestionKind;

/// The report of `a`, with its `hints` (in any order), its platform's counter and the counters
/// shown (all platforms' or, brief, only its own), for `analyzed_bytes` of text.
pub fn build(
    a: &Analysis,
    mut hints: Vec<Hint>,
    counter: Counter,
    counters: Vec<Counter>,
    analyzed_bytes: usize,
    brief: bool,
) -> Report {
    sort_hints(&mut hints);
    let verdicts = verdicts(a);
    let score = score::score(a, &verdicts);
    let signals = signals(a, analyzed_bytes, brief);
    Report {
        platform: a.platform,
        context: a.context,
        hints,
        signals,
        counter,
        counters,
        score,
        verdicts,
    }
}

fn verdicts(a: &Analysis) -> Verdicts {
    let s = a.strictness();
    if !a.english() {
        // The English rule sets have nothing reliable to say; only "?" is universal.
        let question = a
            .doc
            .sentences
            .iter()
            .any(|x| x.terminator == crate::text::Terminator::Question);
        return Verdicts {
            sentiment: Sentiment {
                score: 0.0,
                label: "neutral",
            },
            question,
            invites_reply: question,
            pitch: false,
            aggressive: false,
            shouting: false,
            self_focused: false,
        };
    }
    Verdicts {
        sentiment: Sentiment {
            score: a.signals.tone.compound,
            label: a.signals.tone.label(),
        },
        question: a.signals.questions.has_question(),
        invites_reply: a.signals.questions.invites(),
        pitch: a.signals.pitch.is_pitch(s),
        aggressive: a.signals.aggression.aggressive(a.signals.tone.compound, s),
        shouting: a.signals.shouting.shouting(s),
        self_focused: a.signals.self_focused(s, a.context),
    }
}

/// Most evidence spans one signal lists; its counts stay exact. A long post has hundreds of
/// pronouns and toned words, and the report is rebuilt per keystroke and crosses into
/// JavaScript each time, where every span is an object: 24 show the working as well as 300.
pub const MAX_EVIDENCE: usize = 24;

/// Orders hints by start, end, then rule id, through the shared sort (see `crate::sort`): each
/// rule id is replaced by its rank among the ids present, at most the number of rules.
fn sort_hints(hints: &mut Vec<Hint>) {
    fn order(h: &Hint) -> (usize, usize, &str) {
        (h.span.start, h.span.end, h.rule.as_ref())
    }
    if hints.windows(2).all(|w| order(&w[0]) <= order(&w[1])) {
        return;
    }
    let mut ids: Vec<&str> = Vec::new();
    for h in hints.iter() {
        // Insertion into a sorted list of distinct ids: a few dozen at most.
        if let Err(at) = ids.binary_search(&h.rule.as_ref()) {
            ids.insert(at, h.rule.as_ref());
        }
    }
    let keys: Vec<u128> = hints
        .iter()
        .map(|h| {
            let rank = ids.binary_search(&h.rule.as_ref()).unwrap_or_default();
            ((h.span.start as u128) << 80) | ((h.span.end as u128) << 40) | rank as u128
        })
        .collect();
    crate::sort::by_keys(hints, &keys);
}

/// Sorts an evidence list by position and keeps the first [`MAX_EVIDENCE`]. One function for
/// every list, so the wasm has one copy of the sort.
fn sort_by_span(evidence: &mut Vec<Evidence>) {
    crate::sort::by_key(evidence, |e| crate::sort::span_key(e.span));
    evidence.truncate(MAX_EVIDENCE);
}

/// One signal's evidence list, sorted and capped; none at all for a brief report, where the
/// items are not even produced.
fn evidence(brief: bool, items: impl Iterator<Item = Evidence>) -> Vec<Evidence> {
    if brief {
        return Vec::new();
    }
    let mut ev: Vec<Evidence> = items.collect();
    sort_by_span(&mut ev);
    ev
}

/// The words that moved the tone most (by absolute weight), at most [`MAX_EVIDENCE`], in text
/// order.
fn tone_evidence(words: &[(Span, f32)]) -> Vec<Evidence> {
    let mut ev: Vec<Evidence> = words
        .iter()
        .map(|&(span, weight)| Evidence {
            span,
            weight,
            kind: "",
        })
        .collect();
    if ev.len() > MAX_EVIDENCE {
        // Largest first: the key is the magnitude's order, inverted.
        crate::sort::by_key(&mut ev, |x| !crate::sort::f32_key(x.weight.abs()));
        ev.truncate(MAX_EVIDENCE);
    }
    sort_by_span(&mut ev);
    ev
}

fn n(x: usize) -> u32 {
    x as u32
}

/// The signals; a brief report (see `Options::brief`) has no evidence spans.
fn signals(a: &Analysis, analyzed_bytes: usize, brief: bool) -> Signals {
    let p = &a.signals.pronouns;
    let q = &a.signals.questions;
    let self_ev = evidence(
        brief,
        p.i.iter()
            .map(|&s| Evidence::of("i", s))
            .chain(p.we.iter().map(|&s| Evidence::of("we", s)))
            .chain(p.brand.iter().map(|&s| Evidence::of("brand", s)))
            .chain(p.boasts.iter().map(|&s| Evidence::of("boast", s)))
            .chain(p.you.iter().map(|&s| Evidence::of("you", s))),
    );
    let q_ev = evidence(
        brief,
        q.questions
            .iter()
            .map(|x| {
                let kind = match x.kind {
                    QuestionKind::Open => "open",
                    QuestionKind::Closed => "closed",
                    QuestionKind::Rhetorical => "rhetorical",
                    QuestionKind::Choice => "choice",
                };
                Evidence::of(kind, x.span)
            })
            .chain(q.invitations.iter().map(|&s| Evidence::of("invitation", s)))
            .chain(q.requests.iter().map(|&s| Evidence::of("request", s)))
            .chain(q.bait.iter().map(|&s| Evidence::of("bait", s))),
    );
    let last = a.doc.sentences.last().map(|s| s.span);
    let ends_with_invitation = last.is_some_and(|l| {
        q.genuine().any(|x| x.span == l)
            || q.invitations
                .iter()
                .chain(&q.requests)
                .any(|s| s.start >= l.start)
    });
    let total = p.self_count() + p.you_count();
    let sh = &a.signals.shouting;
    let shout_ev = evidence(
        brief,
        sh.caps_runs
            .iter()
            .map(|&(s, _)| Evidence::of("caps", s))
            .chain(sh.mark_runs.iter().map(|&(s, _)| Evidence::of("marks", s)))
            .chain(
                sh.stretched
                    .iter()
                    .map(|(s, _)| Evidence::of("stretched", *s)),
            ),
    );
    let ag = &a.signals.aggression;
    let ag_ev = evidence(
        brief,
        ag.insults
            .iter()
            .map(|&s| Evidence::of("insult", s))
            .chain(ag.directed_harsh.iter().map(|&s| Evidence::of("insult", s)))
            .chain(ag.harsh.iter().map(|&s| Evidence::of("harsh", s)))
            .chain(ag.profanity.iter().map(|&s| Evidence::of("profanity", s)))
            .chain(ag.mild.iter().map(|&s| Evidence::of("mild_profanity", s)))
            .chain(ag.hostile.iter().map(|&s| Evidence::of("hostile", s))),
    );
    Signals {
        language: a.signals.language.clone(),
        tone: ToneSignal {
            score: a.signals.tone.compound,
            label: a.signals.tone.label(),
            evidence: if brief {
                Vec::new()
            } else {
                tone_evidence(&a.signals.tone.evidence)
            },
        },
        self_focus: SelfFocusSignal {
            i: n(p.i.len()),
            we: n(p.we.len()),
            brand: n(p.brand.len()),
            you: n(p.you.len()),
            boasts: n(p.boasts.len()),
            self_share: if total == 0 {
                0.0
            } else {
                p.self_count() as f32 / total as f32
            },
            focused: a.english() && a.signals.self_focused(a.strictness(), a.context),
            evidence: self_ev,
        },
        questions: QuestionSignal {
            open: n(q.count(QuestionKind::Open)),
            closed: n(q.count(QuestionKind::Closed)),
            rhetorical: n(q.count(QuestionKind::Rhetorical)),
            choice: n(q.count(QuestionKind::Choice)),
            bait: n(q.bait.len()),
            invitations: n(q.invitations.len()),
            requests: n(q.requests.len()),
            ends_with_invitation,
            evidence: q_ev,
        },
        pitch: PitchSignal {
            score: a.signals.pitch.score,
            evidence: evidence(
                brief,
                a.signals
                    .pitch
                    .cues
                    .iter()
                    .map(|c| Evidence::of(c.kind, c.span)),
            ),
        },
        figures: FiguresSignal {
            count: n(a.signals.figures.spans.len()),
            per_100_words: a.signals.figures.per_100_words,
            max_in_sentence: n(a.signals.figures.max_in_sentence),
            evidence: evidence(
                brief,
                a.signals
                    .figures
                    .spans
                    .iter()
                    .map(|&s| Evidence::of("figure", s)),
            ),
        },
        shouting: ShoutingSignal {
            caps_words: n(sh.caps_words),
            mark_runs: n(sh.mark_runs.len()),
            stretched: n(sh.stretched.len()),
            evidence: shout_ev,
        },
        aggression: AggressionSignal {
            insults: n(ag.insults.len() + ag.directed_harsh.len()),
            profanity: n(ag.profanity.len()),
            mild_profanity: n(ag.mild.len()),
            hostile_phrases: n(ag.hostile.len()),
            evidence: ag_ev,
        },
        words: n(a.doc.word_count()),
        sentences: n(a.doc.sentences.len()),
        analyzed_bytes: n(analyzed_bytes),
    }
}
