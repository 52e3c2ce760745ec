//! Folding: the one normal form in which resources and text are compared.
//!
//! Resources are written folded (lower case, no accents, ASCII apostrophe) so
//! that "Président", "president" and "PRÉSIDENT" all meet one entry. Folding is
//! applied per token, so it never moves an offset into the original text.

/// The folded form of one token. Nearly every word folds to a few bytes, so
/// it is kept inline (up to 24 bytes) rather than in an allocation of its own:
/// an article has thousands of tokens, and one `String` each was a malloc and
/// a free per word, a sixth of the extraction's instructions. It compares
/// with `&str` and `String` and hashes like `str`, so sets of resource words
/// are looked up with it directly.
pub type Folded = compact_str::CompactString;

/// Lower-cases `s`, strips diacritics and writes typographic apostrophes as `'`.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // The common case: ASCII lower-cases in place, and only the backtick
        // of the apostrophes is ASCII.
        let mut out = s.to_ascii_lowercase();
        if out.contains('`') {
            out = out.replace('`', "'");
        }
        return out;
    }
    let mut out = String::with_capacity(s.len());
    fold_chars(s, |c| out.push(c));
    out
}

/// [`fold`], into an inline [`Folded`]: for tokens.
pub fn fold_token(s: &str) -> Folded {
    if s.is_ascii() && !s.bytes().any(|b| b == b'`') {
        // The common case: copied (inline when short) and lower-cased in place.
        let mut out = Folded::from(s);
        out.make_ascii_lowercase();
        return out;
    }
    let mut out = Folded::with_capacity(s.len());
    fold_chars(s, |c| out.push(c));
    out
}

/// The characters of `s` folded, one by one, to `push`.
fn fold_chars(s: &str, mut push: impl FnMut(char)) {
    for c in s.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => push('\''),
            'ß' => {
                push('s');
                push('s');
            }
            'œ' | 'Œ' => {
                push('o');
                push('e');
            }
            'æ' | 'Æ' => {
                push('a');
                push('e');
            }
            _ => {
                for l in c.to_lowercase() {
                    push(strip_accent(l));
                }
            }
        }
    }
}

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ū' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

/// Folds a whole name for comparison: folded, punctuation dropped, single spaces.
pub fn fold_name(s: &str) -> String {
    let folded = fold(s);
    let cleaned: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(fold("Président’s"), "president's");
        assert_eq!(fold("Straße Œuvre"), "strasse oeuvre");
        assert_eq!(fold("Álvarez-Pallete"), "alvarez-pallete");
        for s in ["Président’s", "Straße Œuvre", "ÁLVAREZ-PALLETE", "Rock`n", "a-very-long-compound-word-beyond-inline-size-Équipe"] {
            assert_eq!(fold_token(s), fold(s));
        }
    }

    #[test]
    fn fold_name_drops_punctuation() {
        assert_eq!(fold_name("John W. Thompson"), "john w thompson");
    }
}
