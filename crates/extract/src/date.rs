//! Partial calendar dates: a year, a month of a year, or a day.
//!
//! News gives dates at every precision ("in 2019", "last May", "on 6 August
//! 2024"); the spec prints them as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. The
//! arithmetic here is the small part of a calendar that resolving relative
//! expressions needs, so no calendar crate is pulled in.

use std::fmt;

/// A date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate { year, month: None, day: None }
    }

    pub fn month(year: i32, month: u8) -> Self {
        PartialDate { year, month: Some(month), day: None }
    }

    /// A full day; `None` when the day does not exist.
    pub fn day(year: i32, month: u8, day: u8) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(PartialDate { year, month: Some(month), day: Some(day) })
    }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a timestamp that starts with a day.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let head: String = s.chars().take(10).collect();
        let parts: Vec<&str> = head.split('-').collect();
        let year: i32 = parts.first()?.parse().ok()?;
        if parts[0].len() != 4 {
            return None;
        }
        match parts.len() {
            1 => Some(Self::year(year)),
            2 => {
                let m: u8 = parts[1].parse().ok()?;
                (1..=12).contains(&m).then(|| Self::month(year, m))
            }
            3 => Self::day(year, parts[1].parse().ok()?, parts[2].parse().ok()?),
            _ => None,
        }
    }

    /// Whether `self` is `other` or a more precise date inside it.
    pub fn within(&self, other: &PartialDate) -> bool {
        self.year == other.year
            && (other.month.is_none() || self.month == other.month)
            && (other.day.is_none() || self.day == other.day)
    }

    /// Whether one of the two lies within the other.
    pub fn compatible(&self, other: &PartialDate) -> bool {
        self.within(other) || other.within(self)
    }

    pub fn precision(&self) -> u8 {
        1 + self.month.is_some() as u8 + self.day.is_some() as u8
    }

    /// The first day of the period, as `(year, month, day)`.
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day of the period.
    pub fn last_day(&self) -> (i32, u8, u8) {
        let m = self.month.unwrap_or(12);
        (self.year, m, self.day.unwrap_or(days_in_month(self.year, m)))
    }

    /// The same precision, `n` years later (negative: earlier).
    pub fn add_years(&self, n: i32) -> Self {
        let mut d = *self;
        d.year += n;
        if let (Some(m), Some(day)) = (d.month, d.day) {
            d.day = Some(day.min(days_in_month(d.year, m)));
        }
        d
    }

    /// `n` months later, at month precision or finer (a bare year gains no month).
    pub fn add_months(&self, n: i32) -> Self {
        let Some(m) = self.month else { return self.add_years(n / 12) };
        let total = self.year * 12 + (m as i32 - 1) + n;
        let (year, month) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
        let day = self.day.map(|d| d.min(days_in_month(year, month)));
        PartialDate { year, month: Some(month), day }
    }

    /// `n` days later; a date without a day is taken at its first day.
    pub fn add_days(&self, n: i64) -> Self {
        let (y, m, d) = self.first_day();
        let (y, m, d) = civil_from_days(days_from_civil(y, m, d) + n);
        PartialDate { year: y, month: Some(m), day: Some(d) }
    }

    /// Day of the week of the first day: 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> u8 {
        let (y, m, d) = self.first_day();
        // 1970-01-01 was a Thursday (3).
        (days_from_civil(y, m, d) + 3).rem_euclid(7) as u8
    }

    /// Truncates to month precision.
    pub fn to_month(&self) -> Self {
        PartialDate { day: None, ..*self }
    }

    /// Days since 1970-01-01 of the first day, for ordering periods.
    pub fn ordinal_start(&self) -> i64 {
        let (y, m, d) = self.first_day();
        days_from_civil(y, m, d)
    }

    /// Days since 1970-01-01 of the last day.
    pub fn ordinal_end(&self) -> i64 {
        let (y, m, d) = self.last_day();
        days_from_civil(y, m, d)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days.
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_each_precision() {
        for s in ["2024", "2024-08", "2024-08-06"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(PartialDate::parse("2024-08-06T10:00:00Z").unwrap().to_string(), "2024-08-06");
        assert!(PartialDate::parse("2024-02-30").is_none());
        assert!(PartialDate::parse("yesterday").is_none());
    }

    #[test]
    fn arithmetic_crosses_month_and_year_ends() {
        let d = PartialDate::day(2024, 3, 1).unwrap();
        assert_eq!(d.add_days(-1).to_string(), "2024-02-29");
        assert_eq!(PartialDate::month(2024, 1).add_months(-2).to_string(), "2023-11");
        assert_eq!(PartialDate::day(2024, 8, 6).unwrap().weekday(), 1, "6 August 2024 was a Tuesday");
    }

    #[test]
    fn refinement_is_one_way() {
        let day = PartialDate::parse("2024-08-06").unwrap();
        let month = PartialDate::parse("2024-08").unwrap();
        assert!(day.within(&month) && !month.within(&day) && day.compatible(&month));
    }
}
