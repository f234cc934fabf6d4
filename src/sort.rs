//! Stable sorting through one shared sort of `(key, index)` pairs.
//!
//! Every `sort_by_key` on a new element type or key closure is another copy of the standard
//! library's stable sort (driftsort, 5–10 KB of wasm each): a dozen of them were ~65 KB of the
//! module. Here each call site only computes keys and applies a permutation, and the sort
//! itself exists once. Keys are `u128`, which holds a span (see [`span_key`]) with a bit to spare.

use crate::kinds::Span;

/// Sorts `v` by `key`, keeping equal elements in their order (a stable sort).
pub fn by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    // Lists are most often built in text order already: then nothing is allocated.
    if v.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    let keys: Vec<u128> = v.iter().map(key).collect();
    by_keys(v, &keys);
}

/// Sorts `v` by `keys[i]` for its item `i` (as [`by_key`]).
pub fn by_keys<T>(v: &mut Vec<T>, keys: &[u128]) {
    assert_eq!(v.len(), keys.len(), "one key per item");
    if keys.windows(2).all(|w| w[0] <= w[1]) {
        return;
    }
    let mut order: Vec<(u128, u32)> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, u32::try_from(i).expect("fewer than 2^32 items")))
        .collect();
    sort_pairs(&mut order);
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(
        order
            .iter()
            .map(|&(_, i)| slots[i as usize].take().expect("each index once")),
    );
}

/// The one sort. Indices are distinct, so an unstable sort of the pairs is a stable sort of
/// the items.
#[inline(never)]
fn sort_pairs(order: &mut [(u128, u32)]) {
    order.sort_unstable();
}

/// A span as a sort key: by start, then end; bit 0 is left for a flag.
pub fn span_key(s: Span) -> u128 {
    ((s.start as u128) << 64) | ((s.end as u128) << 1)
}

/// An `f32` as a key in its numeric order (`total_cmp`'s order).
pub fn f32_key(x: f32) -> u128 {
    let bits = x.to_bits();
    let ordered = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    };
    ordered as u128
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pseudo-random items with many equal keys: ties must keep their order.
        let mut seed = 7u32;
        let items: Vec<(u8, u32)> = (0..500)
            .map(|i| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((seed >> 16) as u8 % 13, i)
            })
            .collect();
        let mut ours = items.clone();
        by_key(&mut ours, |x| x.0 as u128);
        let mut std = items;
        std.sort_by_key(|x| x.0);
        assert_eq!(ours, std);
    }

    #[test]
    fn keys_keep_the_order_of_spans_and_floats() {
        let spans = [
            Span::new(0, 5),
            Span::new(0, 9),
            Span::new(3, 4),
            Span::new(70_000, 70_001),
        ];
        for w in spans.windows(2) {
            assert!(span_key(w[0]) < span_key(w[1]));
        }
        let floats = [
            f32::NEG_INFINITY,
            -2.5,
            -0.0,
            0.0,
            1e-9,
            0.5,
            3.0,
            f32::INFINITY,
        ];
        for w in floats.windows(2) {
            assert!(f32_key(w[0]) < f32_key(w[1]), "{} {}", w[0], w[1]);
        }
    }
}
