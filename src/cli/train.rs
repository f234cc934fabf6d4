//! `rapport train-promo FILE.tsv...`: trains the comment-spam model (`signals::promo`) on
//! labelled comments (`yes`/`no<TAB>text`) and prints it in the form `src/data/model/promo.tsv`
//! holds. Deterministic: the same files give the same bytes (a test retrains and compares).
//!
//! A logistic regression with an L2 penalty (C = 10, sklearn's convention) over the TF-IDF
//! features the signal reads (sublinear tf, smoothed idf, L2-normalised rows), keeping the
//! features seen in at least [`MIN_DF`] comments, fitted by Nesterov-accelerated gradient
//! descent. Only single words and word pairs seen in two comments or more are written: no
//! comment's text can be read back from the model.

use super::eval::decode;
use rapport::data::Data;
use rapport::signals::promo::{occurrences, tf_idf};
use std::collections::BTreeMap;

/// A feature must occur in this many training comments to be kept.
pub const MIN_DF: usize = 2;
/// The inverse of the L2 penalty's strength (sklearn's C): the weights fit the data more the
/// larger it is. 10 scored best of 1, 4 and 10 across the two sets (trained on one, measured on
/// the other).
const C: f64 = 10.0;
const ITERATIONS: usize = 3000;
/// Weights smaller than this are dropped from the file (they change no probability visibly).
const KEEP: f64 = 1e-4;

pub fn run(paths: &[String]) -> Result<String, String> {
    if paths.is_empty() {
        return Err("train-promo needs one or more label<TAB>text files".into());
    }
    let data = Data::get();
    let mut docs: Vec<(BTreeMap<String, usize>, f64)> = Vec::new();
    for path in paths {
        let src = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        for (n, line) in src.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
            let (label, text) = line
                .split_once('\t')
                .ok_or_else(|| format!("{path}:{}: expected label<TAB>text", n + 1))?;
            let y = match label {
                "yes" => 1.0,
                "no" => 0.0,
                _ => return Err(format!("{path}:{}: label must be yes or no", n + 1)),
            };
            let text = decode(text);
            let doc = data.document(&text);
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            occurrences(&doc, |name, _| {
                *counts.entry(name.to_string()).or_default() += 1
            });
            docs.push((counts, y));
        }
    }
    let n = docs.len();
    // Document frequency, then the kept features in byte order (their index is their column).
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for (counts, _) in &docs {
        for name in counts.keys() {
            *df.entry(name.as_str()).or_default() += 1;
        }
    }
    let kept: Vec<(&str, f64)> = df
        .iter()
        .filter(|(_, &d)| d >= MIN_DF)
        .map(|(&name, &d)| (name, ((1 + n) as f64 / (1 + d) as f64).ln() + 1.0))
        .collect();
    let column: BTreeMap<&str, usize> =
        kept.iter().enumerate().map(|(i, (f, _))| (*f, i)).collect();
    // Rows: (column, normalised value).
    let rows: Vec<(Vec<(usize, f64)>, f64)> = docs
        .iter()
        .map(|(counts, y)| {
            let mut row: Vec<(usize, f64)> = counts
                .iter()
                .filter_map(|(name, &c)| {
                    column
                        .get(name.as_str())
                        .map(|&j| (j, tf_idf(c, kept[j].1 as f32) as f64))
                })
                .collect();
            let norm = row.iter().map(|(_, v)| v * v).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, v) in &mut row {
                    *v /= norm;
                }
            }
            (row, *y)
        })
        .collect();
    let (w, b) = fit(&rows, kept.len());
    let mut out = String::from(
        "# The comment-spam model of signals::promo, written by `rapport train-promo` (a\n\
         # logistic regression over TF-IDF word and word-pair features; see src/cli/train.rs).\n\
         # feature<TAB>idf<TAB>weight; <bias> is the intercept.\n",
    );
    out.push_str(&format!("<bias>\t0\t{b:.6}\n"));
    for (j, (name, idf)) in kept.iter().enumerate() {
        if w[j].abs() >= KEEP {
            out.push_str(&format!("{name}\t{idf:.6}\t{:.6}\n", w[j]));
        }
    }
    Ok(out)
}

/// Minimises the mean log loss plus `1 / (2 C n) |w|²` by Nesterov-accelerated gradient descent
/// (rows are unit vectors, so a step of 2 is safe for the loss's curvature of at most 1/4).
fn fit(rows: &[(Vec<(usize, f64)>, f64)], dim: usize) -> (Vec<f64>, f64) {
    let n = rows.len() as f64;
    let lambda = 1.0 / (C * n);
    let step = 2.0;
    let (mut w, mut b) = (vec![0.0; dim], 0.0);
    let (mut prev_w, mut prev_b) = (w.clone(), b);
    for k in 0..ITERATIONS {
        let momentum = k as f64 / (k as f64 + 3.0);
        let look_w: Vec<f64> = w
            .iter()
            .zip(&prev_w)
            .map(|(x, p)| x + momentum * (x - p))
            .collect();
        let look_b = b + momentum * (b - prev_b);
        let mut grad = vec![0.0; dim];
        let mut grad_b = 0.0;
        for (row, y) in rows {
            let z = look_b + row.iter().map(|&(j, v)| look_w[j] * v).sum::<f64>();
            let err = 1.0 / (1.0 + (-z).exp()) - y;
            for &(j, v) in row {
                grad[j] += err * v / n;
            }
            grad_b += err / n;
        }
        prev_w = std::mem::replace(
            &mut w,
            look_w
                .iter()
                .zip(&grad)
                .map(|(x, g)| x - step * (g + lambda * x))
                .collect(),
        );
        prev_b = std::mem::replace(&mut b, look_b - step * grad_b);
    }
    (w, b)
}
