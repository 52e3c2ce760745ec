//! Folding: the one normal form in which resources and text are compared.
//!
//! Resources are written folded (lower case, no accents, ASCII apostrophe) so
//! that "Président", "president" and "PRÉSIDENT" all meet one entry. Folding is
//! applied per token, so it never moves an offset into the original text.

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
    for c in s.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
            'ß' => out.push_str("ss"),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            _ => {
                for l in c.to_lowercase() {
                    out.push(strip_accent(l));
                }
            }
        }
    }
    out
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
    }

    #[test]
    fn fold_name_drops_punctuation() {
        assert_eq!(fold_name("John W. Thompson"), "john w thompson");
    }
}
