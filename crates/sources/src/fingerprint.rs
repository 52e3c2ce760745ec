//! Fingerprints for finding the same story twice.
//!
//! The same wire story reaches us through a feed, a crawl and a publisher's
//! page, with different boilerplate, a corrected typo or a changed headline.
//! Counting it once per source would inflate the evidence for an event, so
//! later stages can compare [`exact_hash`] (same words, any case, spacing or
//! punctuation) and [`simhash`] with [`near_duplicate`] (a few words changed).
//!
//! Hashes are FNV-1a, written out here rather than `std`'s `DefaultHasher`,
//! whose output may change between Rust releases: fingerprints get stored.

/// Lowercased words of `text`, punctuation and whitespace runs collapsed to
/// one space.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Hash of the normalized text: equal for exact duplicates up to case,
/// whitespace and punctuation.
pub fn exact_hash(text: &str) -> u64 {
    fnv1a(normalize(text).as_bytes())
}

/// 64-bit SimHash over word 3-shingles of the normalized text (the whole text
/// as one shingle when it has fewer than three words). Texts that share most
/// shingles get hashes a few bits apart.
pub fn simhash(text: &str) -> u64 {
    let normalized = normalize(text);
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return 0;
    }
    let mut weights = [0i64; 64];
    let mut add = |shingle: &[&str]| {
        // FNV's high bits mix poorly for short inputs; a SplitMix64 finalizer
        // spreads every input bit over all 64 output bits.
        let h = mix(fnv1a(shingle.join(" ").as_bytes()));
        for (bit, w) in weights.iter_mut().enumerate() {
            *w += if h >> bit & 1 == 1 { 1 } else { -1 };
        }
    };
    if words.len() < 3 {
        add(&words);
    } else {
        words.windows(3).for_each(&mut add);
    }
    weights.iter().enumerate().filter(|(_, &w)| w > 0).fold(0, |acc, (bit, _)| acc | 1 << bit)
}

/// Whether two [`simhash`]es are at most 3 bits apart: the same story, lightly
/// edited.
pub fn near_duplicate(a: u64, b: u64) -> bool {
    (a ^ b).count_ones() <= 3
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Fabrikam a annoncé mardi la nomination de Claire Martin au poste de directrice générale, \
        à compter du 1er septembre. Elle succède à Jean Dupont, qui quitte le groupe après douze ans à sa tête \
        pour rejoindre le conseil de surveillance de Contoso. Diplômée de Polytechnique, Claire Martin était \
        jusqu'ici directrice financière du groupe, qu'elle avait rejoint en 2015 après un passage chez Northwind. \
        Le conseil d'administration a salué « une transition préparée de longue date » et rappelé que la \
        nouvelle dirigeante aura pour mission de poursuivre le plan stratégique présenté au printemps, \
        centré sur les services numériques et la réduction de la dette. Les syndicats ont demandé à la \
        rencontrer rapidement afin d'obtenir des garanties sur l'emploi dans les usines françaises du groupe, \
        où plusieurs centaines de postes pourraient être supprimés d'ici la fin de l'année prochaine.";

    #[test]
    fn exact_hash_ignores_case_spacing_and_punctuation() {
        assert_eq!(exact_hash("Claire Martin quitte Fabrikam."), exact_hash("  claire MARTIN — quitte\nFabrikam"));
        assert_ne!(exact_hash("Claire Martin quitte Fabrikam."), exact_hash("Claire Martin rejoint Fabrikam."));
    }

    #[test]
    fn a_lightly_edited_copy_is_near_and_another_story_is_not() {
        let edited = STORY.replace("mardi", "lundi").replace("« une transition préparée de longue date »", "une transition préparée de longue date") + " (AFP)";
        let other = "Le club de football de Lyon a limogé son entraîneur dimanche soir après une série de cinq défaites \
            consécutives en championnat. Le président du club a expliqué que l'équipe avait besoin d'un nouvel élan \
            avant la trêve hivernale et qu'un successeur serait nommé dans la semaine. Les supporters, réunis devant le \
            stade, ont réclamé le départ de la direction sportive, jugée responsable d'un mercato estival raté. \
            L'ancien entraîneur, arrivé il y a deux ans, avait pourtant qualifié le club pour la Ligue des champions.";
        let (a, b, c) = (simhash(STORY), simhash(&edited), simhash(other));
        assert!(near_duplicate(a, b), "distance {}", (a ^ b).count_ones());
        assert!(!near_duplicate(a, c), "distance {}", (a ^ c).count_ones());
        assert!(near_duplicate(a, a));
    }

    #[test]
    fn short_and_empty_texts_do_not_panic() {
        assert_eq!(simhash(""), 0);
        assert_eq!(simhash("..."), 0);
        assert_ne!(simhash("Bonjour"), 0);
        assert_eq!(normalize("  Hello,   World! "), "hello world");
    }
}
