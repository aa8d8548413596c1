//! Month and weekday names (`data/calendar/names.tsv`): Gregorian months in
//! every Arabic tradition (يناير / جانفي / كانون الثاني, from CLDR), Hijri
//! months, and weekdays.

use crate::matcher::PhraseMatcher;
use crate::tsv::{need, parse, records, DataError};
use rasd_text::Analysis;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarWord {
    /// Gregorian month 1–12.
    Month(u8),
    /// Hijri month 1–12.
    HijriMonth(u8),
    /// Weekday, 0 = Monday … 6 = Sunday.
    Weekday(u8),
}

#[derive(Debug, Clone, Default)]
pub struct Calendar {
    words: Vec<CalendarWord>,
    matcher: PhraseMatcher,
}

impl Calendar {
    pub(crate) fn matchers_mut(&mut self) -> Vec<&mut PhraseMatcher> {
        vec![&mut self.matcher]
    }

    pub fn load(tsv: &str) -> Result<Calendar, DataError> {
        const F: &str = "data/calendar/names.tsv";
        let mut c = Calendar { matcher: PhraseMatcher::new(false), ..Default::default() };
        for (line, cols) in records(F, tsv) {
            let k = need(F, line, &cols, 3)?;
            let n: u8 = parse(F, line, "index", k[1])?;
            let w = match k[0] {
                "gregorian" if (1..=12).contains(&n) => CalendarWord::Month(n),
                "hijri" if (1..=12).contains(&n) => CalendarWord::HijriMonth(n),
                "weekday" if n <= 6 => CalendarWord::Weekday(n),
                _ => return Err(DataError { file: F.into(), line, msg: format!("bad kind/index {} {}", k[0], k[1]) }),
            };
            let id = c.words.len() as u32;
            c.words.push(w);
            c.matcher.insert(k[2], id);
        }
        Ok(c)
    }

    /// The calendar word starting at token `i`: (end token, word).
    pub fn at(&self, a: &Analysis<'_>, i: usize) -> Option<(usize, CalendarWord)> {
        self.matcher.longest_at(a, i).map(|m| (m.end, self.words[m.ids[0] as usize]))
    }

    /// All calendar words: (start, end, word).
    pub fn find(&self, a: &Analysis<'_>) -> Vec<(usize, usize, CalendarWord)> {
        self.matcher.find_all(a).into_iter().map(|m| (m.start, m.end, self.words[m.ids[0] as usize])).collect()
    }
}
