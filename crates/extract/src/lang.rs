//! Languages tenure reads, and how it tells them apart.

use std::fmt;
use std::str::FromStr;

/// A language with resources under `resources/<code>/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Fr,
    En,
    De,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Fr, Lang::En, Lang::De, Lang::Es];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::De => "de",
            Lang::Es => "es",
        }
    }

    /// Detects the language of `text` among the supported ones; `None` when
    /// the text gives too little to tell (it is then reported, not guessed).
    pub fn detect(text: &str) -> Option<Lang> {
        use whatlang::{Detector, Lang as W};
        let letters = text.chars().filter(|c| c.is_alphabetic()).take(12).count();
        if letters < 12 {
            return None;
        }
        let detector = Detector::with_allowlist(vec![W::Fra, W::Eng, W::Deu, W::Spa]);
        let sample = &text[..text.char_indices().nth(4000).map_or(text.len(), |(b, _)| b)];
        let info = detector.detect(sample)?;
        if info.confidence() < 0.05 {
            return None;
        }
        Some(match info.lang() {
            W::Fra => Lang::Fr,
            W::Eng => Lang::En,
            W::Deu => Lang::De,
            W::Spa => Lang::Es,
            _ => return None,
        })
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let code = s.trim().to_ascii_lowercase();
        let code = code.split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == code)
            .ok_or_else(|| format!("unsupported language {s:?} (supported: fr, en, de, es)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_four_languages() {
        assert_eq!(Lang::detect("La directrice financière quitte l'entreprise après dix ans de service."), Some(Lang::Fr));
        assert_eq!(Lang::detect("The chief financial officer is leaving the company after ten years."), Some(Lang::En));
        assert_eq!(Lang::detect("Die Finanzchefin verlässt das Unternehmen nach zehn Jahren im Amt."), Some(Lang::De));
        assert_eq!(Lang::detect("La directora financiera deja la empresa después de diez años en el cargo."), Some(Lang::Es));
    }

    #[test]
    fn too_little_text_is_unknown() {
        assert_eq!(Lang::detect("1234 !!"), None);
        assert!("xx".parse::<Lang>().is_err());
        assert_eq!("fr-FR".parse::<Lang>(), Ok(Lang::Fr));
    }
}
