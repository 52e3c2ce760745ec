//! Publication dates as `YYYY-MM-DD`, from whatever a page or record says.
//!
//! Pages write dates as ISO 8601 (`2024-08-06T09:30:00+02:00`), as bare or
//! slashed dates, as compact `20240806`, or as RFC 2822 (WARC-Date is ISO,
//! HTTP and RSS dates are RFC 2822). The extractor only needs the day, and the
//! day *as the publisher wrote it*: converting `23:30-05:00` to UTC would move
//! the article to the next day, so the local date part is kept.

/// The calendar day in `s`, as `YYYY-MM-DD`; `None` when no valid date is found.
pub fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    leading_ymd(s).or_else(|| jiff::fmt::rfc2822::parse(s).ok().map(|z| z.date().to_string()))
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` or `YYYYMMDD` at the start of `s`,
/// with a real calendar day (no 2024-02-30).
fn leading_ymd(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<i32> {
        let part = b.get(r)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    let (y, m, d, end) = if matches!(b.get(4), Some(b'-' | b'/' | b'.')) && b.get(7) == b.get(4) {
        (digits(0..4)?, digits(5..7)?, digits(8..10)?, 10)
    } else {
        (digits(0..4)?, digits(4..6)?, digits(6..8)?, 8)
    };
    // "2024-08-06T…", "2024-08-06 09:30", but not "2024-08-061".
    if b.get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let date = jiff::civil::Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
    Some(date.to_string())
}

#[cfg(test)]
mod tests {
    use super::normalize_date;

    #[test]
    fn iso_and_bare_dates_keep_the_publisher_day() {
        assert_eq!(normalize_date("2024-08-06T23:30:00-05:00").as_deref(), Some("2024-08-06"));
        assert_eq!(normalize_date(" 2024-08-06 ").as_deref(), Some("2024-08-06"));
        assert_eq!(normalize_date("2024/08/06").as_deref(), Some("2024-08-06"));
        assert_eq!(normalize_date("20240806").as_deref(), Some("2024-08-06"));
        assert_eq!(normalize_date("2024-08-06T07:00:00Z").as_deref(), Some("2024-08-06"));
    }

    #[test]
    fn rfc2822_dates_are_read() {
        assert_eq!(normalize_date("Tue, 06 Aug 2024 10:00:00 +0200").as_deref(), Some("2024-08-06"));
        assert_eq!(normalize_date("Tue, 06 Aug 2024 10:00:00 GMT").as_deref(), Some("2024-08-06"));
    }

    #[test]
    fn impossible_or_garbage_dates_are_none() {
        for s in ["", "2024-02-30", "2024-13-01", "yesterday", "2024-08-061", "2024-08", "é", "99999999"] {
            assert_eq!(normalize_date(s), None, "{s:?}");
        }
    }
}
