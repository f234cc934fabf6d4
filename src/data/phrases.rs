//! The one phrase matcher: built-in phrase lists, the user's custom phrase rules and brand names
//! all go through a [`PhraseIndex`], with one boundary policy:
//!
//! - whole words: no letter, digit, `_` or apostrophe directly before a phrase, no letter, digit
//!   or `_` directly after it;
//! - ASCII case folded (the phrases are stored in lower case), straight and curly apostrophes
//!   alike (each phrase with a `'` is stored in both spellings);
//! - a letter the text stretches three times or more ("pleaseeee") reads as the phrase's one;
//! - never inside a link, an @mention or a #hashtag, and never inside quotes (someone else's
//!   words) unless the list allows quotes.
//!
//! Each list is matched on its own, leftmost then longest, without overlaps within the list.
//! The built-in index walks a table `build.rs` wrote in byte order (nothing to build at run
//! time); a run-time index (brands, custom rules) sorts its phrases the same way once per
//! settings change.

use crate::kinds::Span;
use crate::text::{stretch_starts, Document, Token, TokenKind, STRETCH};

/// Which list of an index a phrase belongs to. In the built-in index: the phrase rules of
/// `phrases.json` first (`List(0)`…), then its signals (see `data::lists`); in a run-time index,
/// the position of the user's rule or brand list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct List(pub u16);

/// One phrase found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseHit {
    pub list: List,
    /// Byte offsets.
    pub span: Span,
}

/// The phrases of an index in byte order, each with its list: a static table or an owned one.
pub trait Phrases {
    type Phrase: AsRef<str>;
    fn all(&self) -> &[(Self::Phrase, List)];
}

impl Phrases for &'static [(&'static str, List)] {
    type Phrase = &'static str;
    fn all(&self) -> &[(&'static str, List)] {
        self
    }
}

impl Phrases for Vec<(Box<str>, List)> {
    type Phrase = Box<str>;
    fn all(&self) -> &[(Box<str>, List)] {
        self
    }
}

/// A set of phrase lists ready to be walked over a [`Document`].
pub struct PhraseIndex<P> {
    patterns: P,
    /// [`FIRST`], [`GLUE`] and [`WIDE`] flags by byte value.
    bytes: [u8; 256],
    /// The range of the patterns that starts with each (lower-case) byte.
    first: [(u16, u16); 256],
    /// The same per pair of first bytes: `(second byte, start, end)`, grouped by first byte in
    /// pattern order; `second_of[b]` is the group of first byte `b`. The second step of a walk
    /// is then a scan of a few small entries instead of a search of the phrases.
    second: Vec<(u8, u16, u16)>,
    second_of: [(u16, u16); 256],
    /// The byte length of the longest phrase.
    longest: usize,
    /// Whether the lists may match inside quotes ([`PhraseIndex::quoted_lists`]).
    quoted: Vec<List>,
}

/// A run-time index: brand names or custom phrase rules.
pub type UserPhrases = PhraseIndex<Vec<(Box<str>, List)>>;

// By hand: the tables are noise, and the derived form would put their Debug code in the wasm.
impl<P: Phrases> std::fmt::Debug for PhraseIndex<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "PhraseIndex({} phrases)", self.patterns.all().len())
    }
}

impl<P: Phrases + Clone> Clone for PhraseIndex<P> {
    fn clone(&self) -> Self {
        PhraseIndex {
            patterns: self.patterns.clone(),
            bytes: self.bytes,
            first: self.first,
            second: self.second.clone(),
            second_of: self.second_of,
            longest: self.longest,
            quoted: self.quoted.clone(),
        }
    }
}

/// A byte some phrase starts with.
const FIRST: u8 = 1;
/// An ASCII byte no phrase may directly follow: a letter, digit, `_` or `'`.
const GLUE: u8 = 2;
/// A byte of a character of several bytes (which may be a letter: decoded when it matters).
const WIDE: u8 = 4;

impl UserPhrases {
    /// An index of `lists` (each a list of phrases, `List(i)` for the i-th), as written by a
    /// user: trimmed, ASCII lower case, and a `'` in either spelling. `quoted` names the lists
    /// that also match inside quotes. Fails past 65,535 phrases.
    pub fn build<'a>(
        lists: impl IntoIterator<Item = impl IntoIterator<Item = &'a str>>,
        quoted: Vec<List>,
    ) -> Result<UserPhrases, String> {
        let mut patterns: Vec<(Box<str>, List)> = Vec::new();
        for (i, list) in lists.into_iter().enumerate() {
            let owner = List(u16::try_from(i).map_err(|_| "too many phrase lists")?);
            for phrase in list {
                let phrase = phrase.trim().to_ascii_lowercase();
                if phrase.is_empty() {
                    continue;
                }
                if phrase.contains('\'') {
                    patterns.push((phrase.replace('\'', "’").into(), owner));
                }
                if phrase.contains('’') {
                    patterns.push((phrase.replace('’', "'").into(), owner));
                }
                patterns.push((phrase.into(), owner));
            }
        }
        patterns.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()).then(a.1.cmp(&b.1)));
        patterns.dedup();
        PhraseIndex::new(patterns, quoted)
    }
}

impl<P: Phrases> PhraseIndex<P> {
    /// The index of `patterns`, which must be in byte order, non-empty and lower case.
    pub fn new(patterns: P, quoted: Vec<List>) -> Result<PhraseIndex<P>, String> {
        let all = patterns.all();
        let mut bytes = [0u8; 256];
        let mut first = [(0u16, 0u16); 256];
        for (i, (p, _)) in all.iter().enumerate() {
            let b = p.as_ref().as_bytes()[0]; // build.rs and `build` refuse empty phrases
                                              // The text's bytes are folded as the walk reads them.
            bytes[usize::from(b)] |= FIRST;
            bytes[usize::from(b.to_ascii_uppercase())] |= FIRST;
            let i = u16::try_from(i).map_err(|_| "more than 65,535 phrases".to_string())?;
            let range = &mut first[usize::from(b)];
            if range.1 == 0 {
                range.0 = i;
            }
            range.1 = i + 1;
        }
        let mut second: Vec<(u8, u16, u16)> = Vec::new();
        let mut second_of = [(0u16, 0u16); 256];
        for (i, (p, _)) in all.iter().enumerate() {
            let p = p.as_ref().as_bytes();
            let Some(&c) = p.get(1) else {
                continue; // a one-byte phrase: matched by the first step
            };
            let i = i as u16; // fits: checked above
            let n = second.len() as u16;
            // The phrases of one first byte are contiguous, and so its group.
            let group = &mut second_of[usize::from(p[0])];
            if group.0 == group.1 {
                *group = (n, n);
            }
            match second.last_mut() {
                Some(last) if group.1 > group.0 && last.0 == c => last.2 = i + 1,
                _ => {
                    second.push((c, i, i + 1));
                    group.1 = n + 1;
                }
            }
        }
        for b in 0..=255u8 {
            if b.is_ascii_alphanumeric() || b == b'_' || b == b'\'' {
                bytes[usize::from(b)] |= GLUE;
            } else if !b.is_ascii() {
                bytes[usize::from(b)] |= WIDE;
            }
        }
        let longest = all.iter().map(|(p, _)| p.as_ref().len()).max().unwrap_or(0);
        Ok(PhraseIndex {
            patterns,
            bytes,
            first,
            second,
            second_of,
            longest,
            quoted,
        })
    }

    /// The phrases, in byte order, with their lists.
    pub fn patterns(&self) -> &[(P::Phrase, List)] {
        self.patterns.all()
    }

    /// The lists that also match inside quotes.
    pub fn quoted_lists(&self) -> &[List] {
        &self.quoted
    }

    /// Every phrase of every list in `doc`, by the policy of the module doc, sorted by span.
    pub fn hits(&self, doc: &Document) -> Vec<PhraseHit> {
        self.walk::<false>(doc)
    }

    /// [`PhraseIndex::hits`]; every walk is the one that reads stretches when `ALL_SLOW`.
    pub(crate) fn walk<const ALL_SLOW: bool>(&self, doc: &Document) -> Vec<PhraseHit> {
        let text = doc.text;
        let patterns = self.patterns.all();
        if patterns.is_empty() {
            return Vec::new();
        }
        let quotes_allowed = !self.quoted.is_empty();
        // Where stretched letters begin, in order (nowhere in nearly every text). A walk meets
        // its first stretch within the longest phrase's length of its start, since until then
        // it reads a byte of text per byte of phrase: a walk that can reach one is the walk
        // that reads stretches, and every other walk the one that need not.
        let stretches = if doc.stretched {
            stretch_starts(text.as_bytes())
        } else {
            Vec::new()
        };
        let mut next_stretch = 0;
        let mut next_stretch_at = match stretches.first() {
            _ if ALL_SLOW => 0,
            Some(&at) => at,
            None => usize::MAX,
        };
        let blocked = |t: &&Token| {
            (t.quoted && !quotes_allowed)
                || matches!(
                    t.kind,
                    TokenKind::Url | TokenKind::Mention | TokenKind::Hashtag
                )
        };
        let is_word_char = |c: char| c.is_alphanumeric() || c == '_';
        let mut all: Vec<PhraseHit> = Vec::new();
        let mut later: Vec<WalkState> = Vec::new();
        // A phrase that overlaps a blocked token does not count, so the phrases are walked only
        // in the stretches between them (links and handles are a good part of a post), and no
        // walk crosses the end of its stretch.
        let stretch_ends = doc
            .tokens
            .iter()
            .filter(blocked)
            .map(|t| t.span)
            .chain([Span::new(text.len(), text.len())]);
        // A phrase counts only where no letter, digit or apostrophe stands before it, so rather
        // than an unanchored search over every byte (~40 instructions a byte), the phrases are
        // walked anchored from each such place only, stopping at the first byte no phrase
        // continues with (most words end the walk within a byte or two). This finds every
        // occurrence the unanchored overlapping search found that passes the check before it.
        // The patterns are lower case and the walk folds ASCII case as it goes (offsets stay
        // those of `text`). The patterns are in byte order, so the phrases that match the text
        // so far are one range: found for the first two bytes in small tables, then narrowed
        // by a binary search per byte.
        let bytes = text.as_bytes();
        let mut from: usize = 0;
        for b in stretch_ends {
            let end = b.start;
            // The flags of the byte before `i` (a start of text is like a space).
            let mut prev = from
                .checked_sub(1)
                .map_or(0, |p| self.bytes[usize::from(bytes[p])]);
            for i in from..end {
                let flags = self.bytes[usize::from(bytes[i])];
                // Only where some phrase starts with the byte, after nothing word-like (an ASCII
                // byte decides; a character of more bytes is decoded).
                if flags & FIRST != 0
                    && prev & GLUE == 0
                    && (prev & WIDE == 0
                        || text[..i]
                            .chars()
                            .next_back()
                            .is_none_or(|c| !is_word_char(c) && c != '’'))
                {
                    let (lo, hi) = self.first[usize::from(bytes[i].to_ascii_lowercase())];
                    let (mut lo, mut hi) = (usize::from(lo), usize::from(hi));
                    // One compare in nearly every walk: the stretch ahead is out of reach.
                    while !ALL_SLOW && next_stretch_at < i {
                        next_stretch += 1;
                        next_stretch_at =
                            stretches.get(next_stretch).copied().unwrap_or(usize::MAX);
                    }
                    if i + self.longest >= next_stretch_at {
                        let at = Walk {
                            text,
                            start: i,
                            end,
                        };
                        self.walk_stretched(&at, ((lo, hi), 1, i + 1), &mut later, &mut all);
                        prev = flags;
                        continue;
                    }
                    let mut k = 1; // bytes matched
                    loop {
                        // The phrases of exactly `k` bytes come first in the range: matches.
                        while lo < hi && patterns[lo].0.as_ref().len() == k {
                            let e = i + k;
                            // Whole words: nothing glued on after either.
                            if text[e..].chars().next().is_none_or(|c| !is_word_char(c)) {
                                all.push(PhraseHit {
                                    list: patterns[lo].1,
                                    span: Span::new(i, e),
                                });
                            }
                            lo += 1;
                        }
                        if lo == hi || i + k == end {
                            break;
                        }
                        match self.next_range(bytes[i], (lo, hi), k, bytes[i + k]) {
                            Some(range) => (lo, hi) = range,
                            None => break,
                        }
                        k += 1;
                    }
                }
                prev = flags;
            }
            from = b.end;
        }
        if quotes_allowed {
            // Walked through quotes for the lists that allow them: the others' hits there go.
            all.retain(|h| self.quoted.contains(&h.list) || !overlaps_quote(doc, h.span));
        }
        // Per list: leftmost, then longest, without overlaps (in place: a hit is dropped when it
        // starts inside the last one kept of its list).
        // (list, start, longest first) in one key for the shared sort (see `crate::sort`).
        crate::sort::by_key(&mut all, |h| {
            const END: u128 = (1 << 48) - 1;
            ((h.list.0 as u128) << 96) | ((h.span.start as u128) << 48) | (END - h.span.end as u128)
        });
        all.dedup_by(|h, prev| prev.list == h.list && h.span.start < prev.span.end);
        crate::sort::by_key(&mut all, |h| crate::sort::span_key(h.span));
        all
    }

    /// One step of a walk: of the phrases `lo..hi`, which the text matched for `k` bytes from
    /// one that starts with `first`, the range that goes on with `byte` (either case), if any.
    /// The second byte is found in the small per-first-byte table, later ones by a binary
    /// search.
    #[inline(always)]
    fn next_range(
        &self,
        first: u8,
        (lo, hi): (usize, usize),
        k: usize,
        byte: u8,
    ) -> Option<(usize, usize)> {
        let byte = byte.to_ascii_lowercase();
        if k == 1 {
            let (g0, g1) = self.second_of[usize::from(first.to_ascii_lowercase())];
            return self.second[usize::from(g0)..usize::from(g1)]
                .iter()
                .find(|e| e.0 == byte)
                .map(|&(_, a, b)| (usize::from(a), usize::from(b)));
        }
        let patterns = self.patterns.all();
        let from = lo + patterns[lo..hi].partition_point(|(p, _)| p.as_ref().as_bytes()[k] < byte);
        // The phrases that continue with `byte` are few: counted, not searched.
        let n = patterns[from..hi]
            .iter()
            .take_while(|(p, _)| p.as_ref().as_bytes()[k] == byte)
            .count();
        (n > 0).then_some((from, from + n))
    }

    /// Walks the phrases from `state` as [`PhraseIndex::hits`] does, but reading a stretched
    /// letter as the phrase's own, and pushes every whole-word match. A stretched letter can be
    /// read two ways; the other reading waits in `later` (empty but for stretches) and is
    /// walked after this one. Kept out of line: only walks that can reach a stretch come here.
    #[inline(never)]
    fn walk_stretched(
        &self,
        w: &Walk,
        state: WalkState,
        later: &mut Vec<WalkState>,
        all: &mut Vec<PhraseHit>,
    ) {
        let patterns = self.patterns.all();
        let (text, bytes, i, end) = (w.text, w.text.as_bytes(), w.start, w.end);
        let is_word_char = |c: char| c.is_alphanumeric() || c == '_';
        let mut state = Some(state);
        while let Some(((mut lo, mut hi), mut k, mut j)) = state.take().or_else(|| later.pop()) {
            loop {
                // The phrases of exactly `k` bytes come first in the range: matches, which take
                // in the rest of a stretched letter they end on.
                if lo < hi && patterns[lo].0.as_ref().len() == k {
                    let e = stretch_end(bytes, i, j, end).unwrap_or(j);
                    // Whole words: nothing glued on after either.
                    let whole = text[e..].chars().next().is_none_or(|c| !is_word_char(c));
                    while lo < hi && patterns[lo].0.as_ref().len() == k {
                        if whole {
                            all.push(PhraseHit {
                                list: patterns[lo].1,
                                span: Span::new(i, e),
                            });
                        }
                        lo += 1;
                    }
                }
                if lo == hi || j == end {
                    break;
                }
                let next = self.next_range(bytes[i], (lo, hi), k, bytes[j]);
                // Inside a stretched letter a phrase may have it once ("lol" in "looool") or
                // twice ("good" in "gooood"): reading on is walked now, skipping the stretch
                // later.
                match (next, stretch_end(bytes, i, j, end)) {
                    (Some(next), stretch) => {
                        if let Some(after) = stretch {
                            later.push(((lo, hi), k, after));
                        }
                        (lo, hi) = next;
                        k += 1;
                        j += 1;
                    }
                    (None, Some(after)) => j = after,
                    (None, None) => break,
                }
            }
        }
    }
}

/// Whether a span overlaps a quoted token.
fn overlaps_quote(doc: &Document, span: Span) -> bool {
    let first = doc.tokens.partition_point(|t| t.span.end <= span.start);
    doc.tokens[first..]
        .iter()
        .take_while(|t| t.span.start < span.end)
        .any(|t| t.quoted)
}

/// One anchored walk of [`PhraseIndex::hits`]: the text, where the walk starts, and the end of
/// its stretch.
struct Walk<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

/// A place a walk goes on from: the range of the patterns whose first `k` bytes the text
/// matched up to byte `j` (more than `k` bytes when a stretched letter, "pleaseeee", was read as
/// the phrase's one).
type WalkState = ((usize, usize), usize, usize);

/// Where a stretched letter ends, when `j` (inside `[start, end)`, after `start`) stands in one:
/// the byte at `j` is an ASCII letter equal (in either case) to the one before it, in a run of
/// at least [`STRETCH`] that began after `start`.
fn stretch_end(bytes: &[u8], start: usize, j: usize, end: usize) -> Option<usize> {
    let letter = bytes.get(j).filter(|_| j < end)?.to_ascii_lowercase();
    if !letter.is_ascii_lowercase() || !bytes[j - 1].eq_ignore_ascii_case(&letter) {
        return None;
    }
    let same = |b: &u8| b.to_ascii_lowercase() == letter;
    let before = bytes[start..j].iter().rev().take_while(|b| same(b)).count();
    let after = bytes[j..end].iter().take_while(|b| same(b)).count();
    (before + after >= STRETCH).then_some(j + after)
}
