//! Time expressions: recognised with the language's date resources, resolved
//! against the publication date.
//!
//! Resolution looks back by default (news reports what happened) and forward
//! when the sentence announces a plan, so "en mai" in an August article is
//! last May, and "en mai" in "partira en mai" is next May.

use crate::date::PartialDate;
use crate::phrase::{year_of, Slots};
use crate::resources::{Language, Resolve};
use crate::tokenize::{Token, TokenKind};

/// A recognised time expression.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timex {
    pub len: usize,
    /// `None` when it cannot be resolved (no publication date, or narrative "later").
    pub date: Option<PartialDate>,
    /// "days later", "trois jours plus tard": the story's previous date, and
    /// how many days after it (0 when the phrase gives no count of days).
    pub later: Option<u16>,
    /// "for six months", "pendant trois mois": a duration, in months (no date).
    pub span_months: Option<u16>,
    /// "the same year" (0), "two years later" (2), "dos años después de
    /// fundar" (-2, of the founding): that many years after the story's
    /// previous date.
    pub years_after: Option<i16>,
}

impl Timex {
    /// A date (or none, where it cannot be resolved) over `len` tokens.
    fn on(len: usize, date: Option<PartialDate>) -> Timex {
        Timex { len, date, later: None, span_months: None, years_after: None }
    }
}

/// Reads a day number: `6`, `1er`, `1st`, `21st`.
fn day_of(t: &Token) -> Option<u8> {
    let n = t.folded.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 2 {
        return None;
    }
    let (digits, rest) = t.folded.split_at(n);
    if !matches!(rest, "" | "er" | "st" | "nd" | "rd" | "th" | "e" | "o" | "a") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// Recognises a time expression starting at token `i` (tokens end at the sentence end).
pub fn timex_at(lang: &Language, toks: &[Token], i: usize, published: Option<PartialDate>, future: bool) -> Option<Timex> {
    let t = toks.get(i)?;
    if !may_start_date(lang, t) {
        return None;
    }
    if let Some(m) = lang.relatives.longest_at(toks, i, lang) {
        let date = published.and_then(|p| resolve(*m.value, p, m.slots.number, m.slots.month, m.slots.weekday, m.slots.year));
        let later = match *m.value {
            Resolve::Later => Some(0),
            Resolve::DaysLater => Some(m.slots.number.unwrap_or(1).min(366) as u16),
            _ => None,
        };
        let span_months = match *m.value {
            Resolve::ForMonths => Some(m.slots.number.unwrap_or(1).min(120) as u16),
            Resolve::ForYears => Some((m.slots.number.unwrap_or(1).min(10) * 12) as u16),
            _ => None,
        };
        let years_after = match *m.value {
            Resolve::SameYear => Some(0),
            Resolve::YearsLater => Some(m.slots.number.unwrap_or(1).min(100) as i16),
            Resolve::YearsBeforeIt => Some(-(m.slots.number.unwrap_or(1).min(100) as i16)),
            _ => None,
        };
        return Some(Timex { len: m.len, date, later, span_months, years_after });
    }
    let skip_fillers = |mut j: usize| {
        while toks.get(j).is_some_and(|t| lang.day_fillers.contains(&t.folded) || t.folded == ",") {
            j += 1;
        }
        j
    };
    let year_after = |j: usize| -> Option<(i32, usize)> {
        let k = skip_fillers(j);
        toks.get(k).and_then(year_of).map(|y| (y, k + 1))
    };
    // ISO dates: 2024-08-06.
    if let Some(y) = year_of(t) {
        if toks.get(i + 1).is_some_and(|t| t.folded == "-") {
            if let (Some(m), Some(d)) = (toks.get(i + 2).and_then(day_of), toks.get(i + 4).and_then(day_of)) {
                if toks.get(i + 3).is_some_and(|t| t.folded == "-") {
                    if let Some(date) = PartialDate::day(y, m, d) {
                        return Some(Timex::on(5, Some(date)));
                    }
                }
            }
        }
    }
    // A day from which a change takes effect looks ahead: "übernimmt zum 1. Januar"
    // (asked only of a day without a year).
    let ahead = || future || (i.saturating_sub(4)..i).any(|j| lang.effective.longest_at(&toks[..i], j, &crate::phrase::NoSlots).is_some_and(|m| j + m.len == i));
    // Day before month: "6 août 2024", "6. August", "6 de agosto de 2024".
    if let Some(day) = day_of(t) {
        let k = skip_fillers(i + 1);
        if let Some(month) = toks.get(k).and_then(|t| lang.month(&t.folded)) {
            return Some(match year_after(k + 1) {
                Some((y, end)) => Timex::on(end - i, PartialDate::day(y, month, day)),
                None => Timex::on(k + 1 - i, month_in_context(month, Some(day), published, ahead())),
            });
        }
    }
    if let Some(month) = lang.month(&t.folded).filter(|_| t.kind == TokenKind::Word) {
        // Month before day: "August 6, 2024", "Nov. 17".
        let d = if toks.get(i + 1).is_some_and(|t| t.folded == ".") { i + 2 } else { i + 1 };
        if let Some(day) = toks.get(d).and_then(day_of).filter(|_| toks[d].kind != TokenKind::Word || toks[d].folded.len() <= 4) {
            if year_of(&toks[d]).is_none() {
                return Some(match year_after(d + 1) {
                    Some((y, end)) => Timex::on(end - i, PartialDate::day(y, month, day)),
                    None => Timex::on(d + 1 - i, month_in_context(month, Some(day), published, ahead())),
                });
            }
        }
        // Month and year: "mai 2024", "mayo de 2024".
        if let Some((y, end)) = year_after(i + 1) {
            return Some(Timex::on(end - i, Some(PartialDate::month(y, month))));
        }
        // A bare month after a preposition ("en mai", "in May") or written in lower case.
        let after_prep = i > 0 && lang.year_prepositions.matches_at(toks, i - 1);
        if after_prep || !t.upper {
            return Some(Timex::on(1, month_in_context(month, None, published, ahead())));
        }
    }
    if let Some(y) = year_of(t) {
        return Some(Timex::on(1, Some(PartialDate::year(y))));
    }
    if let Some(w) = lang.weekday(&t.folded).filter(|_| t.kind == TokenKind::Word) {
        // "Sunday, Nov. 19": the full date that follows says more.
        let next = if toks.get(i + 1).is_some_and(|t| t.folded == ",") { i + 2 } else { i + 1 };
        if let Some(full) = timex_at(lang, toks, next, published, future).filter(|t| t.date.is_some_and(|d| d.day.is_some())) {
            return Some(Timex { len: next - i + full.len, ..full });
        }
        // News tells of days just past ("announced on Wednesday"); only a plan
        // stated right before the day looks ahead ("will step down on Friday").
        let planned_here = future && (i.saturating_sub(5)..i).any(|k| lang.planned.matches_at(toks, k));
        let date = published.filter(|p| p.day.is_some()).map(|p| weekday_near(p, w, planned_here));
        return Some(Timex::on(1, date));
    }
    None
}

/// Whether a time expression may start at `t`: a number (or a word starting
/// with a digit, such as "1er"), or a word of `Language::date_starts`. A cheap
/// test that spares most tokens the lookups of `timex_at`.
fn may_start_date(lang: &Language, t: &Token) -> bool {
    let Some(starts) = &lang.date_starts else { return true };
    let f = t.folded.as_str();
    if t.kind == TokenKind::Number || f.as_bytes().first().is_some_and(u8::is_ascii_digit) || starts.contains(f) {
        return true;
    }
    // Months are looked up without a final dot ("nov.").
    let trimmed = f.trim_end_matches('.');
    trimmed.len() != f.len() && starts.contains(trimmed)
}

fn month_in_context(month: u8, day: Option<u8>, published: Option<PartialDate>, future: bool) -> Option<PartialDate> {
    let p = published?;
    let pm = p.month.unwrap_or(12);
    let year = match (future, month.cmp(&pm)) {
        (false, std::cmp::Ordering::Greater) => p.year - 1,
        (true, std::cmp::Ordering::Less) => p.year + 1,
        _ => p.year,
    };
    match day {
        // A day without a year is the one nearest the publication date:
        // "tritt am 1. Oktober zurück" in September is next month, not last year.
        // In a sentence about the future, a day long past is next year's:
        // "prendra ses fonctions le 1er janvier" in June.
        Some(d) => {
            let candidates = [p.year - 1, p.year, p.year + 1].map(|y| PartialDate::day(y, month, d));
            let distance = |c: &PartialDate| (c.ordinal_start() - p.ordinal_start()).abs();
            let nearest = candidates.into_iter().flatten().min_by_key(distance);
            let long_past = |c: &PartialDate| p.ordinal_start() - c.ordinal_start() > 60;
            match nearest {
                Some(c) if future && long_past(&c) => candidates.into_iter().flatten().find(|c| c.ordinal_start() >= p.ordinal_start()),
                _ => nearest,
            }
            .or_else(|| PartialDate::day(year, month, d))
        }
        None => Some(PartialDate::month(year, month)),
    }
}

/// The weekday `w` nearest to `p` in the past (or the future for plans); `p` itself counts.
fn weekday_near(p: PartialDate, w: u8, future: bool) -> PartialDate {
    let today = p.weekday() as i64;
    if future {
        p.add_days((w as i64 - today).rem_euclid(7))
    } else {
        p.add_days(-(today - w as i64).rem_euclid(7))
    }
}

fn resolve(r: Resolve, p: PartialDate, n: Option<u32>, month: Option<u8>, weekday: Option<u8>, year: Option<i32>) -> Option<PartialDate> {
    let n = n.unwrap_or(1) as i32;
    let day_or_month = |d: PartialDate| if p.day.is_some() { d } else { d.to_month() };
    Some(match r {
        Resolve::YearsAgo => PartialDate::year(p.year - n),
        Resolve::MonthsAgo => PartialDate::month(p.year, p.month?).add_months(-n),
        Resolve::WeeksAgo => day_or_month(p.add_days(-7 * n as i64)),
        Resolve::DaysAgo => day_or_month(p.add_days(-(n as i64))),
        Resolve::PreviousYear => PartialDate::year(p.year - 1),
        Resolve::CurrentYear => PartialDate::year(p.year),
        Resolve::NextYear => PartialDate::year(p.year + 1),
        Resolve::EndOfYear => PartialDate::day(p.year, 12, 31)?,
        // (A month, not a day: "the end of last year" is told of a change, not a deadline.)
        Resolve::EndOfPreviousYear => PartialDate::month(p.year - 1, 12),
        Resolve::PreviousMonth => PartialDate::month(p.year, p.month?).add_months(-1),
        Resolve::CurrentMonth => PartialDate::month(p.year, p.month?),
        Resolve::NextMonth => PartialDate::month(p.year, p.month?).add_months(1),
        Resolve::Yesterday => day_or_month(p.add_days(-1)),
        Resolve::Today => p,
        Resolve::Tomorrow => day_or_month(p.add_days(1)),
        Resolve::PreviousNamedMonth => {
            let m = month?;
            PartialDate::month(if m < p.month? { p.year } else { p.year - 1 }, m)
        }
        Resolve::NextNamedMonth => {
            let m = month?;
            PartialDate::month(if m > p.month? { p.year } else { p.year + 1 }, m)
        }
        Resolve::PreviousWeekday => {
            p.day?;
            let back = (p.weekday() as i64 - weekday? as i64).rem_euclid(7);
            p.add_days(-if back == 0 { 7 } else { back })
        }
        Resolve::NextWeekday => {
            p.day?;
            let ahead = (weekday? as i64 - p.weekday() as i64).rem_euclid(7);
            p.add_days(if ahead == 0 { 7 } else { ahead })
        }
        Resolve::EndOfNamedYear => PartialDate::day(year?, 12, 31)?,
        Resolve::Later | Resolve::DaysLater | Resolve::ForMonths | Resolve::ForYears | Resolve::SameYear | Resolve::YearsLater | Resolve::YearsBeforeIt => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::{Common, Language};
    use crate::tokenize::tokenize;
    use crate::Lang;

    fn resolve_in(lang: Lang, text: &str, published: &str, future: bool) -> Option<String> {
        let common = Common::load();
        let language = Language::load(lang, &common).unwrap();
        let toks = tokenize(text, &language.rules);
        let p = PartialDate::parse(published);
        (0..toks.len()).find_map(|i| timex_at(&language, &toks, i, p, future)).and_then(|t| t.date).map(|d| d.to_string())
    }

    #[test]
    fn absolute_dates_in_french_and_english() {
        assert_eq!(resolve_in(Lang::Fr, "le 6 août 2024", "2025-01-01", false).as_deref(), Some("2024-08-06"));
        assert_eq!(resolve_in(Lang::En, "on August 6, 2024", "2025-01-01", false).as_deref(), Some("2024-08-06"));
        assert_eq!(resolve_in(Lang::En, "in 2019", "2025-01-01", false).as_deref(), Some("2019"));
    }

    #[test]
    fn bare_months_look_back_unless_planned() {
        assert_eq!(resolve_in(Lang::Fr, "a quitté l'entreprise en mai", "2024-08-06", false).as_deref(), Some("2024-05"));
        assert_eq!(resolve_in(Lang::Fr, "partira en mai", "2024-08-06", true).as_deref(), Some("2025-05"));
        assert_eq!(resolve_in(Lang::En, "left in November", "2024-09-26", false).as_deref(), Some("2023-11"));
    }

    #[test]
    fn days_without_a_year_are_the_nearest_or_the_next_in_plans() {
        assert_eq!(resolve_in(Lang::Fr, "prendra ses fonctions le 1er janvier", "2024-06-14", true).as_deref(), Some("2025-01-01"));
        assert_eq!(resolve_in(Lang::Fr, "a pris ses fonctions le 1er janvier", "2024-06-14", false).as_deref(), Some("2024-01-01"));
        // The day of the decision, weeks before, stays past in a sentence about the future.
        assert_eq!(resolve_in(Lang::En, "said on May 30 that she will leave", "2024-06-14", true).as_deref(), Some("2024-05-30"));
        assert_eq!(resolve_in(Lang::De, "tritt am 1. Oktober zurück", "2024-09-14", true).as_deref(), Some("2024-10-01"));
        assert_eq!(resolve_in(Lang::De, "übernimmt zum 1. Januar den Vorsitz", "2024-06-14", false).as_deref(), Some("2025-01-01"));
    }

    #[test]
    fn weekdays_resolve_to_the_week_of_publication() {
        // 26 September 2024 was a Thursday.
        assert_eq!(resolve_in(Lang::Fr, "a annoncé mercredi", "2024-09-26", false).as_deref(), Some("2024-09-25"));
        assert_eq!(resolve_in(Lang::En, "said on Tuesday", "2014-02-05", false).as_deref(), Some("2014-02-04"));
        // In a sentence about a future post, the day of the decision is still past.
        assert_eq!(resolve_in(Lang::De, "hat am Mittwoch den künftigen Chef bestellt", "2023-02-09", true).as_deref(), Some("2023-02-08"));
        assert_eq!(resolve_in(Lang::En, "will step down on Friday", "2014-02-05", true).as_deref(), Some("2014-02-07"));
    }

    #[test]
    fn abbreviated_months_and_weekday_with_date() {
        assert_eq!(resolve_in(Lang::En, "on Nov. 17, the board", "2023-11-30", false).as_deref(), Some("2023-11-17"));
        assert_eq!(resolve_in(Lang::En, "On Sunday, Nov. 19, the board", "2023-11-30", false).as_deref(), Some("2023-11-19"));
    }

    #[test]
    fn relative_expressions() {
        assert_eq!(resolve_in(Lang::Fr, "il y a neuf ans", "2024-08-06", false).as_deref(), Some("2015"));
        assert_eq!(resolve_in(Lang::Fr, "l'année dernière", "2024-08-06", false).as_deref(), Some("2023"));
        assert_eq!(resolve_in(Lang::Fr, "jusqu'à la fin de l'année", "2024-08-06", false).as_deref(), Some("2024-12-31"));
        assert_eq!(resolve_in(Lang::En, "last August", "2014-02-05", false).as_deref(), Some("2013-08"));
        assert_eq!(resolve_in(Lang::En, "nine years ago", "2024-08-06", false).as_deref(), Some("2015"));
    }
}
