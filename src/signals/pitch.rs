//! Pitch: selling instead of talking — urgency, discounts, calls to buy, "link in bio",
//! "DM me", self-promotion (the phrase rules of the `pitch` set in `src/data/phrases.json`,
//! each with its weight), plus prices, "% off" and links in video comments found from the
//! tokens (the rule set that shows them: `rules::pitch`).

use crate::data::{lists, Data, PhraseHit};
use crate::kinds::{by_strictness, Context, Platform, RuleSet, Span, Strictness};
use crate::text::{Document, TokenKind};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pitch {
    /// Every pitch cue found, phrase lists and heuristics alike, in text order.
    pub cues: Vec<Cue>,
    /// Sum of the weights of the distinct kinds of cue present.
    pub score: f32,
}

/// One pitch cue: its kind (the id of the rule that shows it), where, and how much its kind
/// says "this is an ad" (a kind counts once however often it appears).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cue {
    pub kind: &'static str,
    pub span: Span,
    pub weight: f32,
}

/// The heuristic cues and their weights (the phrase rules' weights are in their data): a
/// percentage discount and a link in a video comment say "ad" as plainly as "buy now"; a
/// price alone is an offer, but also what a recommendation quotes.
pub const PERCENT_OFF: (&str, f32) = ("pitch.percent_off", 1.0);
pub const PRICE: (&str, f32) = ("pitch.price", 0.6);
pub const COMMENT_LINK: (&str, f32) = ("pitch.comment_link", 1.0);
/// "code SPRING20": the discount of the phrase list, with the code the lists cannot spell.
pub const PROMO_CODE: (&str, f32) = ("pitch.discount", 1.0);
/// "Join 2,000+ students": the call to sign up of the phrase list, with a number in it.
pub const JOIN_COUNT: (&str, f32) = ("pitch.call_to_action", 1.0);
/// A video comment the spam model ([`super::promo`]) reads as spam when no list said so: as
/// plain an ad as a link in it.
pub const COMMENT_SPAM: (&str, f32) = ("pitch.comment_spam", 1.0);
/// The model's probability from which a comment is spam. Measured trained on one video's
/// comments and read on the other's: 0.8 keeps the lists' precision and adds the recall the
/// lists lack (F1 of lists or model 0.949 and 0.977, against the model alone at 0.5: 0.924
/// and 0.925); below it, creators' own posts about their channel read as spam.
pub const SPAM_FROM: f32 = 0.8;
/// The model's strongest features named as the card's words.
const SPAM_WORDS: usize = 4;
/// Score from which the post is a pitch, by strictness.
const PITCH_MIN_LOW: f32 = 1.5;
const PITCH_MIN: f32 = 1.0;
const PITCH_MIN_HIGH: f32 = 0.6;

/// Scarcity with its count ("Only 12 seats left", "the last 2 spots", "only 5 slots this
/// month"): the urgency of the phrase list, with the number it cannot spell.
pub const SCARCITY: (&str, f32) = ("pitch.urgency", 1.0);
/// What a seller has few of.
const SCARCE: &[&str] = &[
    "spot", "spots", "slot", "slots", "seat", "seats", "place", "places", "space", "spaces",
    "ticket", "tickets", "copy", "copies", "opening", "openings", "unit", "units", "pieces",
];
/// Before the count: "only 5", "just 3", "the last 2", "final 10".
const SCARCE_LEADS: &[&str] = &["only", "just", "last", "final"];
/// After the noun: "12 seats left", "3 spots remaining".
const SCARCE_TAILS: &[&str] = &["left", "remaining", "remain", "available"];
/// Counts written as words.
const COUNT_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few",
];

/// Top-level domains of links spaced out to dodge link filters ("site . com").
const SPACED_TLDS: &[&str] = &["com", "net", "org", "tv", "co", "ly", "io"];

/// Words before a price that make it an offer ("only $9", "from €20", "normally $59", "Price:
/// $1,497").
const PRICE_LEADS: &[&str] = &[
    "only",
    "just",
    "from",
    "for",
    "starting",
    "at",
    "now",
    "price",
    "priced",
    "costs",
    "save",
    "normally",
    "was",
    "regularly",
    "usually",
];
/// Words after an amount that make it a result, not a price ("$12k MRR", "$2M in revenue").
const RESULTS: &[&str] = &[
    "mrr",
    "arr",
    "revenue",
    "raised",
    "profit",
    "profits",
    "funding",
    "budget",
    "salary",
    "sales",
    "gmv",
    "valuation",
    "income",
    "debt",
    "loan",
    "rent",
];
/// Words before an amount that make it a result or a claim, not a price ("I made $3,200",
/// "revenue hit $2M", "stuck at $1M ARR" is caught by its result word).
const CLAIMS: &[&str] = &[
    "made", "make", "making", "earned", "earn", "earning", "hit", "reached", "raised", "won",
    "worth", "charged", "paid", "spent", "lost", "owe", "owed",
];

pub fn find(
    doc: &Document,
    data: &Data,
    hits: &[PhraseHit],
    platform: Platform,
    context: Context,
) -> Pitch {
    let mut cues: Vec<Cue> = Vec::new();
    let cue = |(kind, weight): (&'static str, f32), span: Span| Cue { kind, span, weight };
    for h in hits {
        if let Some(rule) = data.rule_of(h.list) {
            if rule.rule_set == RuleSet::Pitch && rule.weight > 0.0 {
                let span = if rule.id == "pitch.urgency" {
                    with_deadline(doc, h.span)
                } else {
                    h.span
                };
                cues.push(cue((rule.id, rule.weight), span));
            }
        }
    }
    let toks = &doc.tokens;
    for (i, t) in toks.iter().enumerate() {
        if t.quoted {
            continue;
        }
        let next_word = toks
            .get(i + 1)
            .filter(|n| n.kind == TokenKind::Word)
            .map(|n| n.lower.as_ref());
        match t.kind {
            TokenKind::Percent
                if matches!(
                    next_word,
                    Some("off" | "discount" | "sale" | "savings" | "cashback")
                ) =>
            {
                cues.push(cue(PERCENT_OFF, t.span.join(toks[i + 1].span)));
            }
            TokenKind::Money if is_price(doc, i) => cues.push(cue(PRICE, t.span)),
            // "use code SPRING20": the discount, with its code.
            TokenKind::Word if t.lower == "code" => {
                if let Some(span) = promo_code(doc, i) {
                    cues.push(cue(PROMO_CODE, span));
                }
            }
            // "Join 2,000+ students": a call to sign up, counted.
            TokenKind::Word
                if t.lower == "join"
                    && toks.get(i + 1).is_some_and(|n| n.kind == TokenKind::Number) =>
            {
                cues.push(cue(JOIN_COUNT, t.span.join(toks[i + 1].span)));
            }
            // A link in a video comment is the classic spam move, spaced out ("site . com") or not.
            TokenKind::Url if platform == Platform::Youtube => cues.push(cue(COMMENT_LINK, t.span)),
            TokenKind::Word
                if platform == Platform::Youtube
                    && SPACED_TLDS.contains(&t.lower.as_ref())
                    && i >= 2
                    && doc.slice(toks[i - 1].span) == "."
                    && toks[i - 2].kind == TokenKind::Word =>
            {
                cues.push(cue(COMMENT_LINK, toks[i - 2].span.join(t.span)));
            }
            _ => {}
        }
    }
    // A price list ("Headshots $25, half body $45"): amounts that are not results, claims or
    // ranges, two or more, in a post that also sells, are prices.
    let amounts: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].kind == TokenKind::Money && !toks[i].quoted)
        .collect();
    // (Only beside a call to act: a founder's story with "£4,000 in savings" and "£20M in
    // revenue" sells nothing.)
    let acts = [
        "pitch.call_to_action",
        "pitch.dm_me",
        "pitch.link_in_bio",
        "pitch.urgency",
    ];
    // A count of what is left: "only 12 seats left" joins the list's "seats left"; without a
    // tail ("only 5 slots this month", "the last 2 spots") only beside another call to act, as a
    // story's "I got the last 2 tickets" sells nothing.
    let selling = cues.iter().any(|c| acts.contains(&c.kind));
    for i in 0..toks.len() {
        if let Some(span) = scarcity(doc, i, selling) {
            cues.push(cue(SCARCITY, span));
        }
    }
    if amounts.len() >= 2 && cues.iter().any(|c| acts.contains(&c.kind)) {
        for &i in &amounts {
            if !cues.iter().any(|c| c.span == toks[i].span) && not_a_result(doc, i) {
                cues.push(cue(PRICE, toks[i].span));
            }
        }
    }
    // Comments under a video (what it learned from): the learned model speaks where the lists
    // said too little.
    let grateful = hits
        .iter()
        .any(|h| h.list == lists::THANKS || h.list == lists::SYMPATHY);
    if platform == Platform::Youtube && context == Context::Reply && !grateful {
        // (Thanks and sympathy are what viewers write to a creator, not spam: "your channel
        // reminds me of my dad's garage, thank you".)
        let listed: f32 = weighed(&cues);
        if listed < PITCH_MIN {
            let model = super::promo::read(doc);
            if model.probability >= SPAM_FROM {
                for (spans, _) in model.evidence.iter().take(SPAM_WORDS) {
                    for &span in spans {
                        cues.push(cue(COMMENT_SPAM, span));
                    }
                }
            }
        }
    }
    // "DM us your order number so we can look into it" is service, not a sales opener.
    let support = hits.iter().any(|h| h.list == lists::SUPPORT_DETAIL);
    if support {
        cues.retain(|c| c.kind != "pitch.dm_me");
    }
    if service_reply(context, hits) {
        cues.retain(|c| !SERVICE_NOT_SALES.contains(&c.kind));
    }
    crate::sort::by_key(&mut cues, |c| crate::sort::span_key(c.span));
    let score = weighed(&cues);
    Pitch { cues, score }
}

/// Cues that a reply which apologises uses as service: "Sorry the discount code didn't work,
/// here is a new one" (the code is the customer's), "so sorry, DM us the card's last digits",
/// "sorry! 20% off your next order is on us".
pub const SERVICE_NOT_SALES: &[&str] = &["pitch.dm_me", "pitch.discount", "pitch.percent_off"];

/// A reply that apologises or sympathises: customer service, whose offers are make-goods.
pub fn service_reply(context: Context, hits: &[PhraseHit]) -> bool {
    context == Context::Reply && hits.iter().any(|h| h.list == lists::SYMPATHY)
}

/// When a deadline falls: "Friday", "at noon", "tonight", "on the 5th at 9pm".
const WHEN: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "tonight",
    "tomorrow",
    "midnight",
    "noon",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "weekend",
    "month",
    "am",
    "pm",
    "est",
    "pst",
    "cet",
    "gmt",
    "utc",
];
/// Words that join the parts of a deadline ("Friday at noon", "this Sunday", "in 3 days").
const WHEN_JOINS: &[&str] = &["at", "on", "this", "next", "by", "in", "the"];

/// A time of day written as one word: "9pm", "11am".
fn is_clock(w: &str) -> bool {
    let digits = w.trim_end_matches(['a', 'p', 'm']);
    (w.ends_with("am") || w.ends_with("pm"))
        && digits.len() + 2 == w.len()
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// An urgency phrase with the deadline it names after it ("doors close" → "Doors close Friday
/// at noon"), in its sentence; joining words count only between deadline words.
fn with_deadline(doc: &Document, span: Span) -> Span {
    let (_, after) = doc.tokens_after(span);
    let Some(sentence) = after.first().map(|t| t.sentence) else {
        return span;
    };
    let mut end = span;
    for t in after {
        if t.sentence != sentence || t.quoted {
            break;
        }
        let w = t.lower.as_ref();
        let when = match t.kind {
            TokenKind::Word => WHEN.contains(&w) || is_clock(w),
            TokenKind::Number => true,
            _ => false,
        };
        if when {
            end = span.join(t.span);
        } else if !(t.kind == TokenKind::Word && WHEN_JOINS.contains(&w)) {
            break;
        }
    }
    end
}

/// The scarcity at token `i`, a count ("12", "two", "few") of something scarce, with its lead
/// and tail words: "Only 12 seats left". Needs a lead or a tail; with a lead alone, `selling`.
fn scarcity(doc: &Document, i: usize, selling: bool) -> Option<Span> {
    let toks = &doc.tokens;
    let t = &toks[i];
    let count = t.kind == TokenKind::Number
        || (t.kind == TokenKind::Word && COUNT_WORDS.contains(&t.lower.as_ref()));
    if !count || t.quoted {
        return None;
    }
    let word = |j: usize| {
        toks.get(j)
            .filter(|w| w.kind == TokenKind::Word && w.sentence == t.sentence)
    };
    let noun = word(i + 1).filter(|w| SCARCE.contains(&w.lower.as_ref()))?;
    let lead = i
        .checked_sub(1)
        .and_then(word)
        .filter(|w| SCARCE_LEADS.contains(&w.lower.as_ref()));
    let tail = word(i + 2).filter(|w| SCARCE_TAILS.contains(&w.lower.as_ref()));
    if tail.is_none() && !(lead.is_some() && selling) {
        return None;
    }
    let start = lead.map_or(t.span, |w| w.span);
    Some(start.join(tail.map_or(noun.span, |w| w.span)))
}

/// The pitch score of some cues: each kind present counts once, added in the order of the
/// kinds' ids.
fn weighed(cues: &[Cue]) -> f32 {
    // Insertion into a sorted list of distinct kinds: a dozen at most.
    let mut kinds: Vec<(&str, f32)> = Vec::new();
    for c in cues {
        if let Err(at) = kinds.binary_search_by(|k| k.0.cmp(c.kind)) {
            kinds.insert(at, (c.kind, c.weight));
        }
    }
    // From +0.0: `sum()` starts from −0.0, which a post with no cue would report.
    kinds.iter().fold(0.0, |acc, (_, w)| acc + w)
}

/// The two words before an amount (skipping a colon, "Price: $9", or an opening bracket,
/// "(was $249)") and the word right after it.
fn around<'d>(doc: &'d Document, i: usize) -> (Vec<&'d str>, Option<&'d str>) {
    let toks = &doc.tokens;
    let before: Vec<&str> = toks[..i]
        .iter()
        .rev()
        .filter(|t| !(t.kind == TokenKind::Punct && matches!(doc.slice(t.span), ":" | "(")))
        .take(2)
        .take_while(|t| t.kind == TokenKind::Word)
        .map(|t| t.lower.as_ref())
        .collect();
    let next = toks[i + 1..]
        .iter()
        .find(|t| t.kind == TokenKind::Word)
        .filter(|t| t.span.start <= toks[i].span.end + 1)
        .map(|t| t.lower.as_ref());
    (before, next)
}

/// An amount that may be a price: not a result ("$12k MRR"), a claim ("I made $3,200"), a
/// complaint ("charged me $40"), the start of a range ("from $0 to $12k") or an amount asked
/// about ("…, or upgrading an old PC for €150?").
fn not_a_result(doc: &Document, i: usize) -> bool {
    let toks = &doc.tokens;
    let (before, next) = around(doc, i);
    let result =
        next.is_some_and(|w| RESULTS.contains(&w)) || before.iter().any(|w| CLAIMS.contains(w));
    let range = before.first() == Some(&"from")
        && toks[i + 1..]
            .iter()
            .take(3)
            .any(|t| t.kind == TokenKind::Money);
    let asked = doc
        .sentences
        .get(toks[i].sentence)
        .is_some_and(|x| x.terminator == crate::text::Terminator::Question);
    !(result || range || asked)
}

/// An amount offered as a price: after a word that leads one in ("only $9", "Price: $1,497",
/// "then it goes to $49") or before one that follows one ("$9 off", "€8 plus shipping"), and
/// [`not_a_result`].
fn is_price(doc: &Document, i: usize) -> bool {
    let (before, next) = around(doc, i);
    let goes_to = before.first() == Some(&"to")
        && before
            .get(1)
            .is_some_and(|w| matches!(*w, "goes" | "go" | "going" | "jumps" | "rises"));
    not_a_result(doc, i)
        && (before.first().is_some_and(|w| PRICE_LEADS.contains(w))
            || goes_to
            || next.is_some_and(|w| PRICE_FOLLOWS.contains(&w)))
}

/// Words after an amount that make it an offer ("$9 off", "€8 plus shipping", "$5 each").
const PRICE_FOLLOWS: &[&str] = &["off", "plus", "each", "per", "only"];

/// "code SPRING20": a promo code, as the word "code" and the code after it (a word with a
/// capital or a digit, or in capitals).
fn promo_code(doc: &Document, i: usize) -> Option<Span> {
    let toks = &doc.tokens;
    let code = toks
        .get(i + 1)
        .filter(|n| n.kind == TokenKind::Word && n.space_before)?;
    let word = doc.slice(code.span);
    let coded = word.len() >= 3
        && word.chars().all(|c| c.is_ascii_alphanumeric())
        && word
            .chars()
            .any(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    (toks[i].lower == "code" && coded).then(|| toks[i].span.join(code.span))
}

impl Pitch {
    pub fn is_pitch(&self, s: Strictness) -> bool {
        self.score >= by_strictness(s, PITCH_MIN_LOW, PITCH_MIN, PITCH_MIN_HIGH)
    }

    /// Whether a span lies inside a pitch cue (a "buy now" is not an invitation to talk).
    pub fn covers(&self, span: Span) -> bool {
        self.cues
            .iter()
            .any(|c| c.span.start <= span.start && span.end <= c.span.end)
    }
}
