//! The document model: one pass over the draft into tokens, sentences and quoted regions. It
//! knows nothing of the vocabulary: each token has an [`Info`] slot that the data layer fills
//! (`Data::annotate`), and the emoticons it keeps whole come from a table `build.rs` generates
//! from the lexicon.
//!
//! Every offset in this module is a **byte offset into the analysed `&str`**, always on a
//! `char` boundary. The wasm facade converts them to UTF-16 code units once per report.

mod stretch;
mod tokenize;

pub use crate::kinds::Span;
pub use stretch::{has_stretch, squeezed, stretch_starts, STRETCH};
pub use tokenize::{is_emoji_token, EMOTICONS};

/// What the vocabulary knows of one token: its class bits, languages and tone valence. Empty
/// until the data layer annotates the document.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Info {
    /// Word class bits (the data layer's `class` constants).
    pub class: u32,
    /// A bit per other language the data layer knows.
    pub languages: u16,
    /// VADER-scale valence (−4..4), if the word carries tone.
    pub valence: Option<f32>,
}

impl Info {
    /// The vocabulary has the word: it carries a class or a tone.
    pub fn is_known(&self) -> bool {
        *self != Info::default()
    }
}

/// What a token is. URLs, mentions and hashtags are tokens of their own so that `@you` is not
/// "you" and a link's path is not a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Word,
    /// `42`, `3.5`, `1,000`, `50k`, `2nd`.
    Number,
    /// A number with a currency sign: `$50`, `€9.99`, `£1m`.
    Money,
    /// A number with `%`: `50%`.
    Percent,
    Url,
    Mention,
    Hashtag,
    /// One emoji sequence: a single pictograph, a ZWJ family, a flag, a keycap, with modifiers.
    Emoji,
    /// A text emoticon such as `:)`, `:-(`, `<3`, `xD`.
    Emoticon,
    Punct,
}

/// One token. `lower` is the lower-cased text for words (empty for other kinds), borrowed from
/// the text when it is lower case already.
#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    pub kind: TokenKind,
    /// Byte offsets.
    pub span: Span,
    pub lower: std::borrow::Cow<'a, str>,
    /// Classes and valence, filled by the data layer (empty until then).
    pub info: Info,
    /// Inside a quoted region: the writer is quoting, not saying it.
    pub quoted: bool,
    /// Index into [`Document::sentences`].
    pub sentence: usize,
    /// Whitespace (or the start of text) directly before this token.
    pub space_before: bool,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    /// A word or emoticon/emoji the writer says in their own voice (not quoted).
    pub fn is_own_word(&self) -> bool {
        self.kind == TokenKind::Word && !self.quoted
    }
    /// Whether the token has any of these class bits: what the vocabulary says of its lower
    /// case, read from the info the data layer filled (no second hash lookup).
    pub fn is(&self, bits: u32) -> bool {
        self.info.class & bits != 0
    }
}

/// How a sentence ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Terminator {
    Period,
    Question,
    Exclamation,
    /// `?!` or `!?` (interrobang-like).
    Interrobang,
    /// A line break or the end of the text without punctuation.
    None,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Byte offsets, trimmed of surrounding whitespace.
    pub span: Span,
    /// Indices into [`Document::tokens`].
    pub tokens: std::ops::Range<usize>,
    pub terminator: Terminator,
}

/// A tokenised draft.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    pub sentences: Vec<Sentence>,
    /// Quoted regions (byte offsets), quote marks included.
    pub quotes: Vec<Span>,
    /// Whether some letter is stretched ([`has_stretch`]): the rules that read stretched words
    /// skip that work for the other texts (nearly all).
    pub stretched: bool,
}

impl<'a> Document<'a> {
    pub fn parse(text: &'a str) -> Self {
        tokenize::parse(text, None)
    }

    /// [`Document::parse`] given the text's ASCII lower case as well (`text.to_ascii_lowercase()`,
    /// or `text` itself when it has no ASCII capital): words borrow their lower case from it
    /// instead of allocating one per capitalised word.
    pub fn parse_folded(text: &'a str, folded: &'a str) -> Self {
        tokenize::parse(text, Some(folded))
    }

    /// The source text of a token.
    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.start..span.end]
    }

    /// The tokens from where `span` ends: the index of the first one and the tokens from it.
    pub fn tokens_after(&self, span: Span) -> (usize, &[Token<'a>]) {
        let first = self.tokens.partition_point(|t| t.span.start < span.end);
        (first, &self.tokens[first..])
    }

    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, index: usize) -> &[Token<'a>] {
        &self.tokens[self.sentences[index].tokens.clone()]
    }

    /// Words in the writer's own voice (not quoted), in order.
    pub fn own_words(&self) -> impl Iterator<Item = &Token<'a>> {
        self.tokens.iter().filter(|t| t.is_own_word())
    }

    pub fn word_count(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count()
    }
}

#[cfg(test)]
mod tests;
