//! Publication dates cut to the day.

use jiff::civil::Date;

/// The day of a publication date, as `YYYY-MM-DD`: from `YYYY-MM-DD` (or `YYYY/MM/DD`) and anything after it
/// (an ISO timestamp), or from RFC 2822 (`Thu, 01 Mar 2018 15:37:22 +0400`). The day is the one written, in
/// the publisher's own offset, not converted to UTC: "yesterday" in the article means the day before *that*.
/// `None` if the text is none of these.
pub fn day_of(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(head) = s.get(..10) {
        let head = head.replace('/', "-");
        let rest_ok = s[10..].chars().next().is_none_or(|c| !c.is_ascii_digit());
        if let (Ok(d), true) = (head.parse::<Date>(), rest_ok) {
            return Some(d.to_string());
        }
    }
    jiff::fmt::rfc2822::parse(s).ok().map(|z| z.date().to_string())
}

#[cfg(test)]
mod tests {
    use super::day_of;

    #[test]
    fn forms() {
        assert_eq!(day_of("2019-10-02").as_deref(), Some("2019-10-02"));
        assert_eq!(day_of(" 2019-10-02T23:30:00+02:00 ").as_deref(), Some("2019-10-02"));
        assert_eq!(day_of("2019/10/02 10:00").as_deref(), Some("2019-10-02"));
        assert_eq!(day_of("Thu, 01 Mar 2018 23:37:22 -0400").as_deref(), Some("2018-03-01"));
        assert_eq!(day_of("2019-13-02"), None);
        assert_eq!(day_of("20191002"), None);
        assert_eq!(day_of("أمس"), None);
        assert_eq!(day_of(""), None);
    }
}
