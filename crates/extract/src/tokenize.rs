//! Tokens and sentences with byte offsets into the original text.
//!
//! Offsets never move: every later stage points back into the article through
//! the `start..end` byte spans kept here, and only the output converts them to
//! the character offsets of the spec. Each token also carries its folded form,
//! which is what the resources are matched against.

use std::ops::Range;

use crate::fold::{fold_token, Folded};
use crate::wordset::WordSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// A social handle such as `@gdb`.
    Handle,
    Punct,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub folded: Folded,
    pub kind: TokenKind,
    /// Starts with an upper-case letter.
    pub upper: bool,
    /// A line break comes before this token.
    pub newline_before: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn is(&self, folded: &str) -> bool {
        self.folded == folded
    }
}

/// A sentence: a range of token indices and its byte span.
#[derive(Clone, Debug)]
pub struct Sentence {
    pub tokens: Range<usize>,
    pub start: usize,
    pub end: usize,
}

/// What a language tells the tokenizer.
#[derive(Default, Debug)]
pub struct TokenRules {
    /// Elided words with their apostrophe, folded: `l'`, `qu'`.
    pub elisions: WordSet,
    /// Words that keep their final dot, folded with the dot: `m.`, `dr.`.
    pub abbreviations: WordSet,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str, rules: &TokenRules) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    // About one token for every five characters of news text: sized once
    // rather than grown (and copied) a dozen times.
    let mut tokens = Vec::with_capacity(chars.len() / 5 + 1);
    let mut newline = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            newline |= c == '\n' || c == '\u{2029}';
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c == '@' && chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphanumeric() || n == '_') {
            i += 1;
            while i < chars.len() && (chars[i].1.is_alphanumeric() || chars[i].1 == '_') {
                i += 1;
            }
            kind = TokenKind::Handle;
        } else if is_apostrophe(c)
            && matches!(chars.get(i + 1), Some((_, 's' | 'S')))
            && !chars.get(i + 2).is_some_and(|&(_, c)| c.is_alphanumeric())
            && i > 0
            && chars[i - 1].1.is_alphanumeric()
        {
            i += 2; // the possessive 's, a word of its own
            kind = TokenKind::Word;
        } else if c.is_alphanumeric() {
            i = word_end(&chars, i, text, rules);
            let all_digits = chars[start..i].iter().all(|&(_, c)| c.is_ascii_digit());
            kind = if all_digits { TokenKind::Number } else { TokenKind::Word };
        } else {
            i += 1;
            kind = TokenKind::Punct;
        }
        let (s, e) = (byte_at(start), byte_at(i));
        let raw = &text[s..e];
        tokens.push(Token {
            start: s,
            end: e,
            folded: fold_token(raw),
            kind,
            upper: raw.chars().next().is_some_and(char::is_uppercase),
            newline_before: std::mem::take(&mut newline),
        });
    }
    tokens
}

/// The end (char index) of the word starting at `i`.
fn word_end(chars: &[(usize, char)], mut i: usize, text: &str, rules: &TokenRules) -> usize {
    let start = i;
    let letter_at = |j: usize| chars.get(j).is_some_and(|&(_, c)| c.is_alphanumeric());
    let mut segment_start = i;
    while i < chars.len() {
        let c = chars[i].1;
        // Letters, soft hyphens, and hyphens inside a word ("vice-président").
        if c.is_alphanumeric() || c == '\u{00AD}' || ((c == '-' || c == '\u{2011}') && letter_at(i + 1)) {
            i += 1;
        } else if c == '&' && letter_at(i + 1) && i - start <= 2 {
            i += 1; // AT&T
        } else if c == '.' && letter_at(i + 1) && i - segment_start <= 2 && !letter_at(i + 2) {
            // Initialisms such as U.S. or S.A.: a dot between single letters.
            i += 1;
            segment_start = i;
        } else if is_apostrophe(c) {
            let mut elided = fold_token(&text[chars[start].0..chars[i].0]);
            elided.push('\'');
            if rules.elisions.contains(elided.as_str()) {
                return i + 1; // l' | entreprise
            }
            let next = chars.get(i + 1).map(|&(_, c)| c);
            let after = chars.get(i + 2).map(|&(_, c)| c);
            if matches!(next, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric) {
                return i; // OpenAI | 's
            }
            if letter_at(i + 1) {
                i += 1; // O'Brien, aujourd'hui
            } else {
                return i;
            }
        } else {
            break;
        }
    }
    i
}

/// Groups tokens into sentences: after `.`, `!`, `?`, `…` (unless the dot
/// ends an abbreviation or an initial), and at every line break.
pub fn sentences(tokens: &[Token], rules: &TokenRules) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    for i in 0..tokens.len() {
        let t = &tokens[i];
        let next = tokens.get(i + 1);
        let mut boundary = next.is_none() || next.is_some_and(|n| n.newline_before);
        if !boundary && t.kind == TokenKind::Punct && matches!(t.folded.as_str(), "." | "!" | "?" | "…") {
            let prev = i.checked_sub(1).map(|p| &tokens[p]).filter(|p| p.end == t.start);
            let abbreviation = prev.is_some_and(|p| {
                rules.abbreviations.contains(with_dot(&p.folded).as_str())
                    || (p.is_word() && p.upper && p.folded.chars().count() == 1)
            });
            let next_starts = next.is_some_and(|n| {
                n.upper || n.kind != TokenKind::Word || n.folded.starts_with(|c: char| !c.is_alphabetic())
            });
            boundary = t.folded != "." || (!abbreviation && next_starts);
        }
        if boundary {
            out.push(Sentence { tokens: first..i + 1, start: tokens[first].start, end: t.end });
            first = i + 1;
        }
    }
    out
}

/// `folded` followed by a dot, as abbreviations are listed (`m.`), without an allocation.
fn with_dot(folded: &str) -> Folded {
    let mut s = Folded::with_capacity(folded.len() + 1);
    s.push_str(folded);
    s.push('.');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> TokenRules {
        TokenRules {
            elisions: ["l'", "d'", "qu'"].into_iter().map(Folded::from).collect(),
            abbreviations: ["m.", "dr."].into_iter().map(Folded::from).collect(),
        }
    }

    fn folded(text: &str) -> Vec<String> {
        tokenize(text, &rules()).into_iter().map(|t| t.folded.into()).collect()
    }

    #[test]
    fn splits_elisions_and_possessives() {
        assert_eq!(folded("l’entreprise d'OpenAI"), ["l'", "entreprise", "d'", "openai"]);
        assert_eq!(folded("OpenAI's co-founder"), ["openai", "'s", "co-founder"]);
        assert_eq!(folded("O'Brien aujourd'hui"), ["o'brien", "aujourd'hui"]);
    }

    #[test]
    fn keeps_handles_initialisms_and_offsets() {
        let text = "Greg (@gdb) left the U.S. firm.";
        let toks = tokenize(text, &rules());
        let f: Vec<&str> = toks.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(f, ["greg", "(", "@gdb", ")", "left", "the", "u.s", ".", "firm", "."]);
        assert!(toks.iter().all(|t| text[t.start..t.end].chars().count() > 0));
        assert_eq!(toks[2].kind, TokenKind::Handle);
    }

    #[test]
    fn sentences_respect_abbreviations_initials_and_lines() {
        let text = "M. Dupont part. John W. Thompson stays.\nNew line here";
        let toks = tokenize(text, &rules());
        let s = sentences(&toks, &rules());
        let spans: Vec<&str> = s.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(spans, ["M. Dupont part.", "John W. Thompson stays.", "New line here"]);
    }
}
