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

impl DateMention {
    /// A single known day, not the start of a period (الأحد، في السابع من نيسان; not منذ الأحد).
    pub fn one_day(&self) -> bool {
        !self.since && self.precision == TimePrecision::Day && self.date.is_some() && self.until.is_none()
    }
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
        // (also over a part of the day: منذ ليل الجمعة، منذ صباح أمس)
        let since = i > 0
            && (strip_article(a.norm(i - 1)) == "منذ"
                || (i > 1
                    && matches!(
                        strip_article(a.norm(i - 1)),
                        "ليل" | "ليله" | "مساء" | "صباح" | "فجر" | "يوم" | "ظهر" | "عصر" | "منتصف"
                    )
                    && strip_article(a.norm(i - 2)) == "منذ"));
        let w = a.norm(i);
        let rel = RELATIVE_SET.at(a, i).map(|(k, s)| (RELATIVE[k], s.article));
        // اليوم is today; يوم alone is "day" (يوم الأحد)
        let rel =
            rel.filter(|((stem, _), article)| *stem != "يوم" || (*article && lex.calendar.at(a, i + 1).is_none()));
        // relative days (not الأول in "الأول من نيسان")
        let rel = rel.filter(|_| !ordinal_date_at(lex, a, i));
        // اليوم with an adjective is "the … day", not today (لليوم الرابع، في اليوم التالي)
        let rel = rel.filter(|((stem, _), _)| *stem != "يوم" || !day_adjective(a, i + 1));
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
        // a period up to publication (خلال اليومين الماضيين، الأيام الثلاثة
        // الماضية، الساعات الـ24 الماضية): the start of a running total's span
        if let Some((days, end)) = past_period(a, i) {
            out.push(DateMention {
                start: i,
                end,
                date: published.and_then(|p| shift(p, -days)),
                until: published,
                precision: TimePrecision::Day,
                since: true,
                year_only: None,
            });
            i = end;
            continue;
        }
        // the current week / month: الأسبوع الجاري، الشهر الحالي، هذا الأسبوع
        // (the week from its Sunday, the first day of the working week in most Arab states)
        let this =
            w.trim_start_matches(['و', 'ف']) == "هذا" && i + 1 < n && matches!(a.norm(i + 1), "الاسبوع" | "الشهر");
        if this
            || matches!(strip_article(w), "اسبوع" | "شهر")
                && i + 1 < n
                && a.keys().definite(i)
                && matches!(strip_article(a.norm(i + 1)), "جاري" | "حالي")
        {
            let unit = if this { strip_article(a.norm(i + 1)) } else { strip_article(w) };
            let week = unit == "اسبوع";
            let d = published.map(|p| if week { last_weekday(p, Weekday::Sunday) } else { p.first_of_month() });
            let precision = if week { TimePrecision::Week } else { TimePrecision::Month };
            out.push(DateMention {
                start: i,
                end: i + 2,
                date: d,
                until: published,
                precision,
                since,
                year_only: None,
            });
            i += 2;
            continue;
        }
        // a span back from publication: قبل يومين، قبل نحو أسبوع، منذ نحو أسبوعين، قبل 3 أيام
        // (not one counted from another day: قبل أسبوع من الانتخابات)
        if let Some((days, end)) = ago(a, i) {
            let precision = match days {
                0..=3 => TimePrecision::Day,
                4..=27 => TimePrecision::Week,
                _ => TimePrecision::Month,
            };
            out.push(DateMention {
                start: i,
                end,
                date: published.and_then(|p| shift(p, -days)),
                until: None,
                precision,
                since: strip_article(w) == "منذ",
                year_only: None,
            });
            i = end;
            continue;
        }
        // week / month before publication (الأسبوع الماضي، الشهر الماضي), or the one
        // before it (الأسبوع قبل الماضي، الشهر قبل الماضي)
        if matches!(strip_article(w), "اسبوع" | "شهر") {
            let back = if i + 1 < n && strip_article(a.norm(i + 1)) == "ماضي" {
                Some(1)
            } else if i + 2 < n && a.norm(i + 1) == "قبل" && strip_article(a.norm(i + 2)) == "ماضي" {
                Some(2)
            } else {
                None
            };
            if let Some(back) = back {
                let week = strip_article(w) == "اسبوع";
                let (d, u) = match published {
                    Some(p) if week => (shift(p, -7 * back), shift(p, -7 * back + 6)),
                    Some(p) => {
                        let first = p.first_of_month().checked_sub(back.months()).ok();
                        (first, first.map(|f| f.last_of_month()))
                    }
                    None => (None, None),
                };
                let precision = if week { TimePrecision::Week } else { TimePrecision::Month };
                let end = i + 1 + back as usize;
                out.push(DateMention { start: i, end, date: d, until: u, precision, since, year_only: None });
                i = end;
                continue;
            }
        }
        // absolute: [day] [من] month [year]; the day in digits or as an
        // ordinal (السابع من نيسان، الحادي والعشرين من مارس)
        let (day, mut j) = match number(a, i).filter(|d| (1..=31).contains(d)) {
            Some(d) => (Some(d), i + 1),
            None => match ordinal_day(a, i) {
                Some((d, e)) if a.tokens.get(e).is_some_and(|_| a.norm(e) == "من") => (Some(d), e),
                _ => (None, i),
            },
        };
        if day.is_some() && j < n && a.norm(j) == "من" {
            j += 1;
        }
        // a slash between the day and the month's name (يوم 10/ سبتمبر أيلول)
        if day.is_some()
            && j + 1 < n
            && a.norm(j) == "/"
            && matches!(lex.calendar.at(a, j + 1), Some((_, CalendarWord::Month(_) | CalendarWord::HijriMonth(_))))
        {
            j += 1;
        }
        // a day of this month or the last (في السابع من الشهر الحالي، 12 من الشهر الماضي)
        if let (Some(dd), Some(p)) = (day, published) {
            let w = |k: usize| (k < n).then(|| strip_article(a.norm(k)));
            let month = match (w(j), w(j + 1)) {
                (Some("شهر"), Some("حالي" | "جاري")) => Some(p.first_of_month()),
                (Some("شهر"), Some("ماضي")) => p.first_of_month().checked_sub(1.month()).ok(),
                _ => None,
            };
            if let Some(f) = month {
                let date = Date::new(f.year(), f.month(), dd as i8).ok();
                out.push(DateMention {
                    start: i,
                    end: j + 2,
                    date,
                    until: None,
                    precision: TimePrecision::Day,
                    since: since || (i > 0 && strip_article(a.norm(i - 1)) == "منذ"),
                    year_only: None,
                });
                i = j + 2;
                continue;
            }
        }
        if let Some((mend, cw)) = lex.calendar.at(a, j) {
            match cw {
                CalendarWord::Month(m) | CalendarWord::HijriMonth(m) => {
                    let hijri = matches!(cw, CalendarWord::HijriMonth(_));
                    let mut end = mend;
                    // the month named twice (أيلول/سبتمبر، نوفمبر (تشرين الثاني)): the year follows the second
                    if end + 1 < n && matches!(a.norm(end), "/" | "(" | "-") {
                        if let Some((e2, CalendarWord::Month(_))) = lex.calendar.at(a, end + 1) {
                            end = if e2 < n && a.norm(e2) == ")" { e2 + 1 } else { e2 };
                        }
                    }
                    let mend = end;
                    let mut year =
                        number(a, mend)
                            .filter(|y| if hijri { (1300..1600).contains(y) } else { (1900..2100).contains(y) });
                    // من العام نفسه / من نفس العام: the year of the date told before
                    let w = |k: usize| (k < n).then(|| strip_article(a.norm(k)));
                    let same_year = w(mend) == Some("من")
                        && ((matches!(w(mend + 1), Some("عام" | "سنه"))
                            && matches!(w(mend + 2), Some("نفسه" | "ذاته")))
                            || (w(mend + 1) == Some("نفس") && matches!(w(mend + 2), Some("عام" | "سنه"))));
                    // في يناير العام الماضي / من السنة الماضية: the year before publication
                    let k = if w(mend) == Some("من") { mend + 1 } else { mend };
                    let last_year = matches!(w(k), Some("عام" | "سنه")) && matches!(w(k + 1), Some("ماضي" | "ماضيه"));
                    if year.is_none() && last_year && !hijri && published.is_some() {
                        year = published.map(|p| p.year() as i64 - 1);
                        end = k + 2;
                    } else if year.is_none() && same_year {
                        year = out.iter().rev().find_map(|d: &DateMention| d.date).map(|d| d.year() as i64);
                        if year.is_some() {
                            end += 3;
                        }
                    } else if year.is_none() && !hijri {
                        // a day told after an explicit other year of the same sentence is of that year
                        // (في تقرير بتاريخ 19 سبتمبر 2011 ... في 22 أغسطس)
                        let s = a.sentence_of(i);
                        year = out
                            .iter()
                            .rev()
                            .filter(|d: &&DateMention| a.sentence_of(d.start) == s)
                            .find_map(|d| d.date)
                            .map(|d| d.year() as i64)
                            .filter(|y| published.is_some_and(|p| p.year() as i64 - y >= 2));
                    } else if year.is_some() {
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
                // a weekday has the article or follows يوم/مساء/ليلة (اثنين
                // alone is the number two: مستشارين اثنين)
                CalendarWord::Weekday(wd) if day.is_none() && weekday_form(a, i) => {
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
            // also a year in brackets (1982-1983), as a biography or a chronology gives it
            // (and after the conjunction و: وفي 2015، سيطر التنظيم على معظم أجزاء الحي)
            let before = |w: &'_ str| {
                let w = w.strip_prefix('و').filter(|r| r.chars().count() >= 2).unwrap_or(w);
                matches!(strip_article(w), "عام" | "سنه" | "في" | "منذ" | "العام")
            };
            if i > 0 && (before(a.norm(i - 1)) || a.norm(i - 1) == "(") {
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
    // N years ago (قبل 11 عاما، قبل ثلاثة أعوام): the year it happened, as background
    if let Some(p) = published {
        for q in &a.quantities {
            let (s, e) = (q.tokens.start, q.value_tokens.end);
            let ago = s > 0 && strip_article(a.norm(s - 1)) == "قبل";
            let years = e < n && matches!(a.norm(e), "عاما" | "عام" | "اعوام" | "سنه" | "سنوات" | "سنين");
            if let (true, true, Some(v)) = (ago, years, q.min.filter(|&v| (1..200).contains(&v))) {
                let y = p.year() as i64 - v as i64;
                out.push(DateMention {
                    start: s - 1,
                    end: e + 1,
                    date: Date::new(y as i16, 1, 1).ok(),
                    until: Date::new(y as i16, 12, 31).ok(),
                    precision: TimePrecision::Month,
                    since: false,
                    year_only: Some(y as i16),
                });
            }
        }
        out.sort_by_key(|d| d.start);
    }
    // the launch of an operation or a campaign told as background (في عملية عسكرية
    // بدأت قبل عدة أسابيع، منذ بدء القصف الجوي على المنطقة قبل نحو أسبوع): the start of a
    // period, not the day of what the sentence tells
    for d in out.iter_mut() {
        // (a span back only, قبل أسبوعين: a day of a month after a launch often dates the
        // happening told, وبدأ الجيش عملياته في الغوطة 18 فبراير)
        let ago = d.start < n && matches!(strip_article(a.norm(d.start).trim_start_matches('و')), "قبل" | "منذ");
        if d.year_only.is_some() || !ago {
            continue;
        }
        let s = a.sentence_of(d.start);
        let launch = (d.start.saturating_sub(9)..d.start).filter(|&k| a.sentence_of(k) == s).any(|k| {
            let w = strip_article(a.norm(k).trim_start_matches(['و', 'ف']));
            let started = |w: &str| {
                matches!(
                    w,
                    "بدا"
                        | "بدات"
                        | "بدء"
                        | "بدايه"
                        | "بداها"
                        | "بداته"
                        | "انطلاق"
                        | "انطلقت"
                        | "انطلق"
                        | "اطلاق"
                        | "اطلق"
                        | "اطلقت"
                        | "اطلقها"
                        | "اطلقته"
                        | "اطلقه"
                        | "دشن"
                        | "دشنت"
                )
            };
            started(w) || w.strip_prefix(['ب', 'ل']).map(strip_article).is_some_and(started)
        });
        if launch {
            d.since = true;
        }
    }
    out
}

fn weekday_form(a: &Analysis<'_>, i: usize) -> bool {
    let article = a.keys().definite(i);
    let after_time_word = i > 0
        && matches!(
            strip_article(a.norm(i - 1)),
            "يوم" | "مساء" | "صباح" | "ليله" | "فجر" | "ظهر" | "عصر" | "نهار" | "ليل"
        );
    article || after_time_word
}

/// Whether token `i` makes a preceding اليوم "the … day": an ordinal or a
/// relational adjective (اليوم الرابع، اليوم التالي، اليوم نفسه، اليوم العالمي).
fn day_adjective(a: &Analysis<'_>, i: usize) -> bool {
    i < a.tokens.len()
        && (ordinal_day(a, i).is_some()
            || matches!(
                strip_article(a.norm(i)),
                "تالي" | "سابق" | "نفسه" | "ذاته" | "عالمي" | "وطني" | "موعود" | "اخير" | "ذي"
            ))
}

/// A span of time that ends at publication, at token `i`: the number of
/// days it reaches back and the token after it. يومين/أسبوعين/شهرين
/// الماضيين, or الأيام/الساعات/الأسابيع/الأشهر [N] الماضية.
fn past_period(a: &Analysis<'_>, i: usize) -> Option<(i64, usize)> {
    let n = a.tokens.len();
    let w = |k: usize| (k < n).then(|| strip_article(a.norm(k)));
    match w(i)? {
        dual @ ("يومين" | "اسبوعين" | "شهرين") if w(i + 1) == Some("ماضيين") => {
            let days = match dual {
                "يومين" => 2,
                "اسبوعين" => 14,
                _ => 61,
            };
            Some((days, i + 2))
        }
        unit @ ("ايام" | "ساعات" | "اسابيع" | "اشهر" | "شهور") => {
            // an optional count between (الأيام الثلاثة، الساعات الـ24)
            let mut j = i + 1;
            let mut count = None;
            if let Some(q) =
                a.quantities.iter().find(|q| q.tokens.start == j || (w(j) == Some("ال") && q.tokens.start == j + 1))
            {
                count = q.min.filter(|&v| (1..=100).contains(&v));
                j = q.value_tokens.end.max(j + 1);
            }
            if w(j) != Some("ماضيه") {
                return None;
            }
            let days = match (unit, count) {
                ("ساعات", c) => c.map_or(1, |h| (h as i64 + 23) / 24),
                ("ايام", c) => c.map_or(7, |d| d as i64),
                ("اسابيع", c) => c.map_or(3, |d| d as i64) * 7,
                (_, c) => c.map_or(3, |d| d as i64) * 30,
            };
            Some((days, j + 1))
        }
        _ => None,
    }
}

/// A span of time back from publication at token `i` (قبل / منذ, an optional
/// نحو، حوالي، قرابة, then يومين، أسبوع، أسبوعين، شهر، أيام or a count and a
/// unit): the days it reaches back and the token after it. Not when من or
/// على counts it from another day (قبل أسبوع من الانتخابات، قبل يومين على).
fn ago(a: &Analysis<'_>, i: usize) -> Option<(i64, usize)> {
    let n = a.tokens.len();
    let w = |k: usize| (k < n).then(|| strip_article(a.norm(k).trim_start_matches('و')));
    if !matches!(w(i)?, "قبل" | "منذ") {
        return None;
    }
    let mut j = i + 1;
    if matches!(w(j)?, "نحو" | "حوالي" | "قرابه" | "زهاء") {
        j += 1;
    }
    let unit = |u: &str| match u {
        "يوم" | "ايام" => Some(1),
        "اسبوع" | "اسابيع" => Some(7),
        "شهر" | "اشهر" | "شهور" => Some(30),
        _ => None,
    };
    let (days, end) = match w(j)? {
        "يومين" => (2, j + 1),
        "اسبوعين" => (14, j + 1),
        "شهرين" => (60, j + 1),
        // (a few days: a week's precision, not a day's)
        "ايام" => (4, j + 1),
        "اسبوع" => (7, j + 1),
        "شهر" => (30, j + 1),
        _ => {
            // a count: قبل 3 أيام، قبل ثلاثة أسابيع
            let q = a.quantities.iter().find(|q| q.tokens.start == j)?;
            let e = q.value_tokens.end;
            let v = q.min.filter(|&v| (1..=12).contains(&v))? as i64;
            (v * unit(w(e)?)?, e + 1)
        }
    };
    if matches!(w(end), Some("من" | "علي")) {
        return None;
    }
    Some((days, end))
}

/// Ordinal day words (normalized, article-free) 1–10.
const ORDINALS: &[&str] = &["اول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر"];

/// An ordinal day at token `i` (السابع، الحادي عشر، الثاني والعشرين،
/// الثلاثين): the day and the token after it.
pub(crate) fn ordinal_day(a: &Analysis<'_>, i: usize) -> Option<(i64, usize)> {
    let w = |k: usize| (k < a.tokens.len()).then(|| strip_article(a.norm(k)));
    let tens = |s: &str| match s.strip_prefix('و').map(strip_article).unwrap_or(s) {
        "عشرين" => Some(20),
        "ثلاثين" => Some(30),
        _ => None,
    };
    let first = w(i)?;
    if let Some(t) = tens(first) {
        return Some((t, i + 1));
    }
    // الأولى، الحادية: feminine forms
    let base = match first {
        "اولي" => "اول",
        "حادي" | "حاديه" => "حادي",
        f => f.strip_suffix('ه').unwrap_or(f),
    };
    let unit = if base == "حادي" { 1 } else { ORDINALS.iter().position(|o| *o == base)? as i64 + 1 };
    match w(i + 1) {
        Some("عشر" | "عشره") if unit < 10 => Some((10 + unit, i + 2)),
        Some(next) if tens(next).is_some() && next.starts_with('و') && unit < 10 => {
            let d = tens(next)? + unit;
            (d <= 31).then_some((d, i + 2))
        }
        _ if base == "حادي" => None,
        _ => Some((unit, i + 1)),
    }
}

/// Whether an ordinal date (السابع من نيسان) begins at token `i`.
fn ordinal_date_at(lex: &Lexicon, a: &Analysis<'_>, i: usize) -> bool {
    ordinal_day(a, i).is_some_and(|(_, e)| {
        e + 1 < a.tokens.len()
            && a.norm(e) == "من"
            && matches!(lex.calendar.at(a, e + 1), Some((_, CalendarWord::Month(_) | CalendarWord::HijriMonth(_))))
    })
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
    fn ordinal_days_before_a_month_name() {
        let lex = Lexicon::bundled().unwrap();
        let p = Date::new(2018, 4, 16).ok();
        let date_of = |text: &str| {
            let a = lex.text.analyze(text);
            find_dates(&lex, &a, p).into_iter().find(|d| d.precision == TimePrecision::Day).and_then(|d| d.date)
        };
        let d = |m, d| Date::new(2018, m, d).ok();
        assert_eq!(date_of("الهجوم الذي وقع في السابع من نيسان/أبريل في دوما"), d(4, 7));
        assert_eq!(date_of("في الحادي والعشرين من مارس"), d(3, 21));
        assert_eq!(date_of("يوم الثاني عشر من أبريل"), d(4, 12));
        assert_eq!(date_of("في الأول من أبريل"), d(4, 1));
        assert_eq!(date_of("يوم 10/ أبريل نيسان"), d(4, 10), "a slash between the day and the month");
        assert_eq!(date_of("قتل أول أمس"), d(4, 14), "أول أمس stays the day before yesterday");
        assert_eq!(date_of("الجولة الثانية من المفاوضات"), None);
        assert_eq!(date_of("قتل مستشارين عسكريين اثنين"), None, "اثنين alone is the number two");
        assert_eq!(date_of("قتل مستشاران الاثنين"), d(4, 16));
        assert_eq!(date_of("مساء اثنين"), d(4, 16));
    }

    #[test]
    fn the_nth_day_is_not_today_and_a_month_named_twice_keeps_its_year() {
        let lex = Lexicon::bundled().unwrap();
        let p = Date::new(2018, 9, 6).ok();
        let dates = |text: &str| {
            let a = lex.text.analyze(text);
            find_dates(&lex, &a, p).into_iter().map(|d| (d.date, d.until, d.since)).collect::<Vec<_>>()
        };
        let d = |y, m, d| Date::new(y, m, d).ok();
        // لليوم الرابع على التوالي: "for the fourth day running"
        assert_eq!(dates("استمرت الاحتجاجات لليوم الرابع على التوالي"), vec![]);
        assert_eq!(dates("وقتل مسلح شرطية في اليوم التالي"), vec![]);
        assert_eq!(dates("قتل اليوم ثلاثة جنود"), vec![(p, None, false)]);
        assert_eq!(dates("قتل في 28 أيلول/سبتمبر 2015"), vec![(d(2015, 9, 28), None, false)]);
        assert_eq!(dates("في 9 أبريل/ نيسان 2018"), vec![(d(2018, 4, 9), None, false)]);
        assert_eq!(dates("في نوفمبر (تشرين الثاني) 2015"), vec![(d(2015, 11, 1), d(2015, 11, 30), false)]);
        // the year of the date before: من العام نفسه, or an old year earlier in the sentence
        assert_eq!(
            dates("في العاشر من يوليو 2017، ثم في نهاية أغسطس من العام نفسه"),
            vec![(d(2017, 7, 10), None, false), (d(2017, 8, 1), d(2017, 8, 31), false)]
        );
        assert_eq!(
            dates("في تقرير بتاريخ 19 سبتمبر 2011، وفي 22 أغسطس"),
            vec![(d(2011, 9, 19), None, false), (d(2011, 8, 22), None, false)]
        );
        // a month of last year (في يناير العام الماضي), not this year's
        assert_eq!(dates("في يناير العام الماضي"), vec![(d(2017, 1, 1), d(2017, 1, 31), false)]);
        assert_eq!(dates("في مارس من السنة الماضية"), vec![(d(2017, 3, 1), d(2017, 3, 31), false)]);
        // this month, up to publication
        assert_eq!(dates("الهجوم على دوما الشهر الجاري"), vec![(d(2018, 9, 1), p, false)]);
    }

    #[test]
    fn a_span_back_from_publication_dates_its_happening() {
        let lex = Lexicon::bundled().unwrap();
        let p = Date::new(2018, 9, 6).ok();
        let first = |text: &str| {
            let a = lex.text.analyze(text);
            find_dates(&lex, &a, p).first().map(|d| (d.date, d.since))
        };
        let d = |m, d| Date::new(2018, m, d).ok();
        assert_eq!(first("قتل قبل يومين"), Some((d(9, 4), false)));
        assert_eq!(first("وقع الهجوم قبل نحو أسبوع"), Some((d(8, 30), false)));
        assert_eq!(first("قتل قبل 3 أيام"), Some((d(9, 3), false)));
        assert_eq!(first("تتواصل المعارك منذ نحو أسبوعين"), Some((d(8, 23), true)));
        assert_eq!(first("في الأسبوع قبل الماضي"), Some((d(8, 23), false)));
        assert_eq!(first("قبل أسبوع من الانتخابات"), None, "counted from another day");
        assert_eq!(first("في السابع من الشهر الحالي"), Some((d(9, 7), false)));
        assert_eq!(first("في 12 من الشهر الماضي"), Some((d(8, 12), false)));
        // the launch of an operation: the start of a period
        assert_eq!(first("في عملية عسكرية بدأت قبل أسبوعين"), Some((d(8, 23), true)));
    }

    #[test]
    fn a_period_up_to_publication_starts_a_running_total() {
        let lex = Lexicon::bundled().unwrap();
        let p = Date::new(2018, 9, 6).ok();
        let start = |text: &str| {
            let a = lex.text.analyze(text);
            let ds = find_dates(&lex, &a, p);
            assert!(ds.iter().all(|d| d.since && d.until == p), "{text}: {ds:?}");
            ds.first().and_then(|d| d.date)
        };
        let d = |m, d| Date::new(2018, m, d).ok();
        assert_eq!(start("قتل 6 أشخاص خلال اليومين الماضيين"), d(9, 4));
        assert_eq!(start("في الأيام التسعة الماضية"), d(8, 28));
        assert_eq!(start("خلال الساعات الـ48 الماضية"), d(9, 4));
        assert_eq!(start("خلال الساعات الماضية"), d(9, 5));
        assert_eq!(start("في الأسبوعين الماضيين"), d(8, 23));
        assert_eq!(start("الأيام القليلة"), None, "no الماضية: no period");
        assert_eq!(start("بعدها بثلاثة أيام"), None, "a unit word at the very end of the text");
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
