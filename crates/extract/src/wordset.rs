//! Sets of folded words, and the quick "no" in front of them.
//!
//! Every lexicon is asked about nearly every token of an article ("is this a
//! stopword?", "does a title start here?"), and nearly every answer is no.
//! Hashing the word to learn so was the larger part of those look-ups, so
//! each set keeps a small bitmap over a cheap key of its words (length, first
//! and last byte) and hashes only the words the bitmap lets through.

use crate::fold::Folded;
use crate::fxhash::FxHashSet;

/// A bitmap over a cheap key of a set of words, which says "no" for most
/// words outside the set without hashing them. Sized at 8 bits a word or
/// more, so that about one absent word in ten goes on to the hash look-up.
#[derive(Clone, Debug)]
pub(crate) struct WordFilter {
    bits: Vec<u64>,
    /// log2 of the number of bits.
    order: u32,
    words: usize,
}

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter { bits: vec![0], order: 6, words: 0 }
    }
}

impl WordFilter {
    fn slot(&self, word: &str) -> usize {
        let b = word.as_bytes();
        let (first, last) = (b.first().copied().unwrap_or(0), b.last().copied().unwrap_or(0));
        let key = u64::from(first) | u64::from(last) << 8 | (b.len() as u64) << 16;
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.order)) as usize
    }

    fn set(&mut self, word: &str) {
        let slot = self.slot(word);
        self.bits[slot / 64] |= 1 << (slot % 64);
    }

    /// Adds a word not seen before; `all` lists every word of the set (the
    /// new one included), to fill a larger bitmap when the set outgrows this one.
    pub(crate) fn insert<'w, I: Iterator<Item = &'w str>>(&mut self, word: &str, all: impl FnOnce() -> I) {
        self.words += 1;
        if self.words * 8 <= 1 << self.order {
            self.set(word);
            return;
        }
        self.order += 1;
        self.bits = vec![0; (1 << self.order) / 64];
        for w in all() {
            self.set(w);
        }
    }

    #[inline]
    pub(crate) fn may_contain(&self, word: &str) -> bool {
        let slot = self.slot(word);
        self.bits[slot / 64] & (1 << (slot % 64)) != 0
    }
}

/// A set of folded words, asked with a token's folded form as it is
/// (`set.contains(&token.folded)`) or with a `&str`.
#[derive(Clone, Debug, Default)]
pub struct WordSet {
    words: FxHashSet<Folded>,
    filter: WordFilter,
}

impl WordSet {
    #[inline]
    pub fn contains<Q: AsRef<str> + ?Sized>(&self, word: &Q) -> bool {
        let word = word.as_ref();
        self.filter.may_contain(word) && self.words.contains(word)
    }

    pub fn insert(&mut self, word: Folded) -> bool {
        if self.words.contains(&word) {
            return false;
        }
        let words = &self.words;
        self.filter.insert(&word, || words.iter().map(Folded::as_str).chain(std::iter::once(word.as_str())));
        self.words.insert(word)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(Folded::as_str)
    }
}

impl FromIterator<Folded> for WordSet {
    fn from_iter<I: IntoIterator<Item = Folded>>(iter: I) -> Self {
        let mut set = WordSet::default();
        for w in iter {
            set.insert(w);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_its_words_and_only_them_as_it_grows() {
        let words: Vec<String> = (0..500).map(|i| format!("mot{i}x")).collect();
        let set: WordSet = words.iter().map(|w| Folded::from(w.as_str())).collect();
        assert_eq!(set.len(), 500);
        assert!(words.iter().all(|w| set.contains(w.as_str())));
        assert!(!set.contains("mot500x") && !set.contains("") && !set.contains("mot1"));
        let f = Folded::from("mot7x");
        assert!(set.contains(&f));
    }
}
