//! `compound(text)`: VADER's compound score of one post, from the `vader_sentiment` crate,
//! for `tests/bench/wasm.mjs`. Only a number crosses back to JavaScript, so the reference pays
//! almost nothing at the boundary (Rapport returns a whole report).

use std::sync::OnceLock;
use wasm_bindgen::prelude::*;

fn analyzer() -> &'static vader_sentiment::SentimentIntensityAnalyzer<'static> {
    static ANALYZER: OnceLock<vader_sentiment::SentimentIntensityAnalyzer<'static>> =
        OnceLock::new();
    ANALYZER.get_or_init(vader_sentiment::SentimentIntensityAnalyzer::new)
}

#[wasm_bindgen]
pub fn compound(text: &str) -> f64 {
    analyzer().polarity_scores(text)["compound"]
}
