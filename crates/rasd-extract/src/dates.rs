//! Date expressions resolved against the publication date.
//!
//! Relative days (أمس، أمس الأول / أول من أمس، اليوم، الليلة الماضية),
//! weekdays (the most recent such day on or before publication), absolute
//! dates in every month-name tradition (19 سبتمبر، 19 من أيلول 2019،
//! جانفي 2017) and Hijri dates (tabular calendar), plus "منذ DATE" periods.
//! With no publication date, relative expressions stay unresolved.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use rasd_core::TimePrecision;
use rasd_lexicon::{CalendarWord, Lexicon};
use rasd_text::clitics::strip_article;
use rasd_text::keys::StemSet;
use rasd_text::{Analysis, TokenKind};
use std::sync::LazyLock;

/// A date expression.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub date: Option<Date>,
    /// Last day when the expression is a range (a month, a week).
    pub until: Option<Date>,
    pub precision: TimePrecision,
    /// Preceded by منذ (since): the start of a period.
    pub since: bool,
    /// Only a year (في عام 2014): background, not an event date.
    pub year_only: Option<i16>,
}

fn shift(d: Date, days: i64) -> Option<Date> {
    d.checked_add(days.days()).ok()
}

fn weekday_of(n: u8) -> Weekday {
    // data: 0 = Monday … 6 = Sunday
    Weekday::from_monday_zero_offset(n as i8).unwrap_or(Weekday::Monday)
}

/// The most recent `wd` on or before `pub_date`.
fn last_weekday(pub_date: Date, wd: Weekday) -> Date {
    let back = (pub_date.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7);
    shift(pub_date, -(back as i64)).unwrap_or(pub_date)
}

/// Julian day number of a tabular Islamic date (civil epoch, the usual
/// arithmetic calendar; within a day or two of the observed one).
fn hijri_to_date(y: i64, m: i64, d: i64) -> Option<Date> {
    let jd = d + ((29.5 * (m - 1) as f64).ceil() as i64) + (y - 1) * 354 + (3 + 11 * y) / 30 + 1948439 - 1;
    // JD → Gregorian (Fliegel–Van Flandern)
    let l = jd + 68569;
    let n = 4 * l / 146097;
    let l = l - (146097 * n + 3) / 4;
    let i = 4000 * (l + 1) / 1461001;
    let l = l - 1461 * i / 4 + 31;
    let j = 80 * l / 2447;
    let day = l - 2447 * j / 80;
    let l = j / 11;
    let month = j + 2 - 12 * l;
    let year = 100 * (n - 49) + i + l;
    Date::new(year as i16, month as i8, day as i8).ok()
}

fn hijri_year_of(d: Date) -> i64 {
    // inverse of the epoch offset, good to a year
    let days = d.since(Date::new(622, 7, 16).unwrap()).map(|s| s.get_days() as f64).unwrap_or(0.0);
    (days / 354.367).floor() as i64 + 1
}

fn number(a: &Analysis<'_>, i: usize) -> Option<i64> {
    (a.tokens.get(i)?.kind == TokenKind::Number).then(|| a.norm(i).parse().ok()).flatten()
}

/// All date expressions of a document.
pub fn find_dates(lex: &Lexicon, a: &Analysis<'_>, published: Option<Date>) -> Vec<DateMention> {
    let mut out = Vec::new();
    let n = a.tokens.len();
    let mut i = 0;
    while i < n {
        let since = i > 0 && strip_article(a.norm(i - 1)) == "منذ";
        let w = a.norm(i);
        let rel = RELATIVE_SET.at(a, i).map(|(k, s)| (RELATIVE[k], s.article));
        // اليوم is today; يوم alone is "day" (يوم الأحد)
        let rel =
            rel.filter(|((stem, _), article)| *stem != "يوم" || (*article && lex.calendar.at(a, i + 1).is_none()));
        // relative days
        if let Some(((stem, off), _)) = rel {
            let mut off = off;
            let mut end = i + 1;
            let next = (i + 1 < n).then(|| strip_article(a.norm(i + 1)));
            if stem == "امس" && next == Some("اول") {
                off = -2;
                end += 1;
            } else if stem == "اول" {
                // أول أمس / أول من أمس
                let j = if next == Some("من") { i + 2 } else { i + 1 };
                if j < n && strip_article(a.norm(j)) == "امس" {
                    off = -2;
                    end = j + 1;
                } else {
                    i += 1;
                    continue;
                }
            } else if stem == "ليله" {
                if next == Some("ماضيه") {
                    off = -1;
                    end += 1;
                } else {
                    i += 1;
                    continue;
                }
            }
            out.push(DateMention {
                start: i,
                end,
                date: published.and_then(|p| shift(p, off)),
                until: None,
                precision: TimePrecision::Day,
                since,
                year_only: None,
            });
            i = end;
            continue;
        }
        // week / month before publication: الأسبوع الماضي، الشهر الماضي
        if matches!(strip_article(w), "اسبوع" | "شهر") && i + 1 < n && strip_article(a.norm(i + 1)) == "ماضي"
        {
            let week = strip_article(w) == "اسبوع";
            let (d, u) = match published {
                Some(p) if week => (shift(p, -7), shift(p, -1)),
                Some(p) => {
                    let first = p.first_of_month().checked_sub(1.month()).ok();
                    (first, first.map(|f| f.last_of_month()))
                }
                None => (None, None),
            };
            let precision = if week { TimePrecision::Week } else { TimePrecision::Month };
            out.push(DateMention { start: i, end: i + 2, date: d, until: u, precision, since, year_only: None });
            i += 2;
            continue;
        }
        // absolute: [day] [من] month [year]
        let day = number(a, i).filter(|d| (1..=31).contains(d));
        let mut j = if day.is_some() { i + 1 } else { i };
        if day.is_some() && j < n && a.norm(j) == "من" {
            j += 1;
        }
        if let Some((mend, cw)) = lex.calendar.at(a, j) {
            match cw {
                CalendarWord::Month(m) | CalendarWord::HijriMonth(m) => {
                    let hijri = matches!(cw, CalendarWord::HijriMonth(_));
                    let mut end = mend;
                    let mut year =
                        number(a, mend)
                            .filter(|y| if hijri { (1300..1600).contains(y) } else { (1900..2100).contains(y) });
                    if year.is_some() {
                        end += 1;
                        // هـ / م after the year
                        if end < n && matches!(a.norm(end), "ه" | "م") {
                            end += 1;
                        }
                    }
                    // a bare month word needs a day or a year (مارس alone is fine too, but أيار/ماي are ambiguous)
                    if day.is_none() && year.is_none() && (hijri || a.norm(j).chars().count() < 4) {
                        i += 1;
                        continue;
                    }
                    let start = i;
                    let (date, until, precision) = if hijri {
                        let y = year.or_else(|| published.map(hijri_year_of));
                        match (y, day) {
                            (Some(y), Some(d)) => (hijri_to_date(y, m as i64, d), None, TimePrecision::Day),
                            (Some(y), None) => {
                                (hijri_to_date(y, m as i64, 1), hijri_to_date(y, m as i64, 29), TimePrecision::Month)
                            }
                            _ => (None, None, TimePrecision::Day),
                        }
                    } else {
                        if year.is_none() {
                            // the publication year, or the one before for a date after publication
                            year = published.map(|p| {
                                let y = p.year() as i64;
                                let d = Date::new(y as i16, m as i8, day.unwrap_or(1) as i8);
                                match d {
                                    Ok(d) if d > p.checked_add(7.days()).unwrap_or(p) => y - 1,
                                    _ => y,
                                }
                            });
                        }
                        match (year, day) {
                            (Some(y), Some(d)) => {
                                (Date::new(y as i16, m as i8, d as i8).ok(), None, TimePrecision::Day)
                            }
                            (Some(y), None) => {
                                let f = Date::new(y as i16, m as i8, 1).ok();
                                (f, f.map(|f| f.last_of_month()), TimePrecision::Month)
                            }
                            _ => (None, None, TimePrecision::Day),
                        }
                    };
                    out.push(DateMention {
                        start,
                        end,
                        date,
                        until,
                        precision,
                        since: since || (start > 0 && strip_article(a.norm(start - 1)) == "منذ"),
                        year_only: None,
                    });
                    i = end;
                    continue;
                }
                CalendarWord::Weekday(wd) if day.is_none() => {
                    out.push(DateMention {
                        start: i,
                        end: mend,
                        date: published.map(|p| last_weekday(p, weekday_of(wd))),
                        until: None,
                        precision: TimePrecision::Day,
                        since,
                        year_only: None,
                    });
                    i = mend;
                    continue;
                }
                _ => {}
            }
        }
        // a bare year after عام / سنة / في: background marker
        if let Some(y) = number(a, i).filter(|y| (1900..2100).contains(y)) {
            if i > 0 && matches!(strip_article(a.norm(i - 1)), "عام" | "سنه" | "في" | "منذ" | "العام") {
                out.push(DateMention {
                    start: i - 1,
                    end: i + 1,
                    date: Date::new(y as i16, 1, 1).ok(),
                    until: Date::new(y as i16, 12, 31).ok(),
                    precision: TimePrecision::Month,
                    since,
                    year_only: Some(y as i16),
                });
            }
        }
        i += 1;
    }
    out
}

/// Relative day words and their offsets.
const RELATIVE: &[(&str, i64)] = &[("امس", -1), ("بارحه", -1), ("يوم", 0), ("اول", -2), ("ليله", -1)];
static RELATIVE_SET: LazyLock<StemSet> =
    LazyLock::new(|| StemSet::new(&RELATIVE.iter().map(|(w, _)| *w).collect::<Vec<_>>()));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_is_the_last_one_on_or_before_publication() {
        let p = Date::new(2019, 10, 2).unwrap(); // a Wednesday
        assert_eq!(last_weekday(p, Weekday::Sunday), Date::new(2019, 9, 29).unwrap());
        assert_eq!(last_weekday(p, Weekday::Wednesday), p);
    }

    #[test]
    fn hijri_dates_convert_within_a_day() {
        // 1 Ramadan 1440 was 6 May 2019
        let d = hijri_to_date(1440, 9, 1).unwrap();
        let diff = d.since(Date::new(2019, 5, 6).unwrap()).unwrap().get_days().abs();
        assert!(diff <= 1, "{d}");
        assert_eq!(hijri_year_of(Date::new(2019, 10, 2).unwrap()), 1441);
    }
}
