//! Stretched letters: "pleaseeee", "sooo", "gooood".

/// A letter written this many times in a row or more is one letter stretched ("pleaseeee",
/// "sooo"): no English word has three of a letter in a row.
pub const STRETCH: usize = 3;

/// A stretched word said plainly, two ways: each run of [`STRETCH`] or more of a letter cut to
/// one, and cut to two ("gooood" → "god", "good"); `None` when no ASCII letter is stretched
/// (see [`has_stretch`]). Case is kept.
#[inline]
pub fn squeezed(word: &str) -> Option<[String; 2]> {
    // Most words hold no letter three times: find out without allocating.
    if !has_stretch(word.as_bytes()) {
        return None;
    }
    squeeze(word)
}

/// [`squeezed`] past its first test.
#[cold]
fn squeeze(word: &str) -> Option<[String; 2]> {
    let mut runs: Vec<(char, usize)> = Vec::new();
    for c in word.chars() {
        match runs.last_mut() {
            Some((p, n)) if *p == c => *n += 1,
            _ => runs.push((c, 1)),
        }
    }
    let cut = |keep: usize| -> String {
        runs.iter()
            .flat_map(|&(c, n)| {
                let stretched = n >= STRETCH && c.is_alphabetic();
                std::iter::repeat_n(c, if stretched { keep } else { n })
            })
            .collect()
    };
    let (one, two) = (cut(1), cut(2));
    (one != word).then_some([one, two])
}

/// Whether some ASCII letter stands [`STRETCH`] times in a row (in either case) in `bytes`.
#[inline]
pub fn has_stretch(bytes: &[u8]) -> bool {
    const _: () = assert!(STRETCH == 3, "the scans compare three bytes");
    if bytes.len() < 32 {
        // A word or a short post: a loop that stops early, and at the first byte of most
        // windows, costs less than the long scan's set-up.
        bytes.windows(STRETCH).any(held)
    } else {
        has_stretch_long(bytes)
    }
}

/// [`has_stretch`] for longer texts: one pass without early exit, which the compiler turns
/// into vector compares.
#[inline(never)]
fn has_stretch_long(bytes: &[u8]) -> bool {
    let n = bytes.len() - (STRETCH - 1);
    let (a, b, c) = (&bytes[..n], &bytes[1..n + 1], &bytes[2..n + 2]);
    let mut any = false;
    for i in 0..n {
        let x = a[i] | 0x20;
        any |= (x == b[i] | 0x20) & (x == c[i] | 0x20) & (x.wrapping_sub(b'a') < 26);
    }
    any
}

/// Whether a window of [`STRETCH`] bytes is one ASCII letter (in either case).
#[inline(always)]
fn held(w: &[u8]) -> bool {
    let x = w[0] | 0x20;
    x == w[1] | 0x20 && x == w[2] | 0x20 && x.is_ascii_lowercase()
}

/// Where each run of [`STRETCH`] or more of an ASCII letter (in either case) begins, in order.
/// The text is scanned in blocks by [`has_stretch`], and a block with a stretch byte by byte.
pub fn stretch_starts(bytes: &[u8]) -> Vec<usize> {
    const BLOCK: usize = 64;
    let mut starts = Vec::new();
    let last = bytes.len().saturating_sub(STRETCH - 1); // windows start before this
    for block in (0..last).step_by(BLOCK) {
        let stop = (block + BLOCK).min(last);
        if !has_stretch(&bytes[block..stop + STRETCH - 1]) {
            continue;
        }
        for j in block..stop {
            if held(&bytes[j..j + STRETCH])
                && (j == 0 || !bytes[j - 1].eq_ignore_ascii_case(&bytes[j]))
            {
                starts.push(j);
            }
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The block scan finds every run the plain definition finds, at block edges too.
    #[test]
    fn stretch_starts_are_where_runs_begin() {
        let mut state = 7u32;
        for len in [0usize, 1, 2, 3, 5, 63, 64, 65, 66, 67, 130, 500] {
            for _ in 0..40 {
                let text: Vec<u8> = (0..len)
                    .map(|_| {
                        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                        b"aAab!. "[(state >> 24) as usize % 7]
                    })
                    .collect();
                let plain: Vec<usize> = (0..len.saturating_sub(2))
                    .filter(|&j| {
                        let run = |k: usize| text[k].eq_ignore_ascii_case(&text[j]);
                        text[j].is_ascii_alphabetic()
                            && run(j + 1)
                            && run(j + 2)
                            && (j == 0 || !run(j - 1))
                    })
                    .collect();
                assert_eq!(
                    stretch_starts(&text),
                    plain,
                    "{:?}",
                    String::from_utf8_lossy(&text)
                );
            }
        }
    }
}
