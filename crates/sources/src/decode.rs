//! Bytes to text: byte-order marks, UTF-8, then a detected legacy encoding.
//!
//! News archives hold Windows-1252 French and Latin-1 German as often as
//! UTF-8. Rejecting them would lose articles; reading them as UTF-8 with
//! replacement characters would lose the accents the lexicons match on.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

#[derive(Debug, PartialEq)]
pub enum Decoded {
    Text {
        text: String,
        /// The encoding used, where it was not UTF-8.
        guessed: Option<&'static str>,
        /// Invalid UTF-8 sequences replaced by U+FFFD in text that is
        /// otherwise UTF-8.
        invalid: usize,
    },
    /// NUL bytes or control characters: not text.
    Binary,
}

/// Decodes `bytes`: a BOM decides; else valid UTF-8; else UTF-8 with the
/// invalid sequences replaced when it has at least as many valid non-ASCII
/// characters as invalid sequences (a few corrupt bytes in a UTF-8 article
/// must not turn every accent into mojibake); else the encoding that
/// `chardetng` finds most likely. Data with NUL bytes and no UTF-16 BOM is binary.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Decoded::Text { text: text.into_owned(), guessed: (enc != UTF_8).then(|| enc.name()), invalid: 0 };
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head.iter().filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b) && b != 0x1B).count();
    if head.contains(&0) || controls * 20 > head.len().max(1) {
        return Decoded::Binary;
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded::Text { text: s.to_string(), guessed: None, invalid: 0 };
    }
    let (mut valid_non_ascii, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        valid_non_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if valid_non_ascii >= invalid {
        return Decoded::Text { text: String::from_utf8_lossy(bytes).into_owned(), guessed: None, invalid };
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let enc = if enc == UTF_16LE || enc == UTF_16BE { encoding_rs::WINDOWS_1252 } else { enc };
    let (text, _, _) = enc.decode(bytes);
    Decoded::Text { text: text.into_owned(), guessed: Some(enc.name()), invalid: 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_french_is_decoded_not_rejected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Le président a été évincé de la société à Paris.");
        match decode(&bytes) {
            Decoded::Text { text, guessed, .. } => {
                assert_eq!(text, "Le président a été évincé de la société à Paris.");
                assert!(guessed.is_some());
            }
            Decoded::Binary => panic!("text taken for binary"),
        }
    }

    #[test]
    fn utf16_with_bom_and_binary() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Bonjour".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&bytes), Decoded::Text { text: "Bonjour".into(), guessed: Some("UTF-16LE"), invalid: 0 });
        assert_eq!(decode(&[0x7F, 0x45, 0x4C, 0x46, 0, 0, 1]), Decoded::Binary);
    }

    #[test]
    fn a_few_invalid_bytes_in_utf8_keep_the_accents() {
        let bytes = ["Le président a démissionné".as_bytes(), b" \xFF fin"].concat();
        assert_eq!(decode(&bytes), Decoded::Text { text: "Le président a démissionné \u{FFFD} fin".into(), guessed: None, invalid: 1 });
    }
}
