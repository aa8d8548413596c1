//! ACLED-style English `notes` generated from a record.
//!
//! A sentence is `<date phrase>, <template> <place phrase><toll phrase>.`; the
//! templates, one line per sub-event type, are in `data/export/notes.tsv`.

use crate::record::{long_date, month_name, Record, Toll};
use rasd_core::{Actor, GeoPrecision, Qualifier, Scope, SubEventType, TimePrecision};
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../data/export/notes.tsv");

/// The templates of one sub-event type.
#[derive(Debug, Clone, Copy)]
struct Template {
    sub: SubEventType,
    one: &'static str,
    many: &'static str,
    one_no_actor: &'static str,
    many_no_actor: &'static str,
    unit: &'static str,
    units: &'static str,
}

fn templates() -> &'static [Template] {
    static PARSED: OnceLock<Vec<Template>> = OnceLock::new();
    PARSED.get_or_init(|| parse(TABLE).unwrap_or_else(|e| panic!("data/export/notes.tsv: {e}")))
}

fn parse(text: &'static str) -> Result<Vec<Template>, String> {
    let mut out: Vec<Template> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&'static str> = line.split('\t').collect();
        let [sub, one, many, one_no_actor, many_no_actor, unit, units] = f[..] else {
            return Err(format!("line {}: expected 7 tab-separated fields, got {}", n + 1, f.len()));
        };
        let sub: SubEventType = sub.parse().map_err(|e| format!("line {}: {e}", n + 1))?;
        if out.iter().any(|t| t.sub == sub) {
            return Err(format!("line {}: {sub} listed twice", n + 1));
        }
        out.push(Template { sub, one, many, one_no_actor, many_no_actor, unit, units });
    }
    if let Some(missing) = SubEventType::ALL.iter().find(|s| !out.iter().any(|t| t.sub == **s)) {
        return Err(format!("no line for {missing}"));
    }
    Ok(out)
}

/// Renders a template: `{a1}`, `{a2}`, `{a2|fallback}`, and `[optional parts]`
/// that are dropped when an actor in them is unknown.
fn render(template: &str, a1: Option<&str>, a2: Option<&str>) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('[') {
        out.push_str(&render_plain(&rest[..open], a1, a2).unwrap_or_default());
        let close = rest[open..].find(']').map_or(rest.len(), |c| open + c);
        if let Some(part) = render_plain(&rest[open + 1..close], a1, a2) {
            out.push_str(&part);
        }
        rest = rest.get(close + 1..).unwrap_or("");
    }
    out.push_str(&render_plain(rest, a1, a2).unwrap_or_default());
    out
}

/// `None` when a placeholder without fallback has no value.
fn render_plain(s: &str, a1: Option<&str>, a2: Option<&str>) -> Option<String> {
    let mut out = String::new();
    let mut rest = s;
    let mut complete = true;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 1..close];
        let (name, fallback) = inner.split_once('|').map_or((inner, None), |(n, f)| (n, Some(f)));
        let value = match name {
            "a1" => a1,
            "a2" => a2,
            _ => None,
        };
        match value.or(fallback) {
            Some(v) => out.push_str(v),
            None => complete = false,
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    complete.then_some(out)
}

/// The notes of a record.
pub(crate) fn notes(r: &Record) -> String {
    let t = templates().iter().find(|t| t.sub == r.sub_event_type).expect("the table covers every sub-event type");
    let (mut a1, mut a2) = (r.actor1, r.actor2);
    // Protest templates speak of the protesters first, whichever slot they are in.
    let crowd = |a: Option<&Actor>| a.is_some_and(|a| a.inter == 5 || a.inter == 6);
    let protest = matches!(
        r.sub_event_type,
        SubEventType::PeacefulProtest
            | SubEventType::ProtestWithIntervention
            | SubEventType::ExcessiveForce
            | SubEventType::ViolentDemonstration
    );
    if protest && !crowd(a1) && crowd(a2) {
        std::mem::swap(&mut a1, &mut a2);
    }
    let (a1, a2) = (actor_name(a1), actor_name(a2));
    let cumulative = r.scope == Scope::Cumulative;
    let template = match (a1.is_some(), cumulative) {
        (true, false) => t.one,
        (true, true) => t.many,
        (false, false) => t.one_no_actor,
        (false, true) => t.many_no_actor,
    };

    let mut s = String::new();
    if let Some(d) = date_phrase(r) {
        s.push_str(&d);
        s.push_str(", ");
    }
    s.push_str(&render(template, a1, a2));
    if let Some(p) = place_phrase(r) {
        s.push(' ');
        s.push_str(&p);
    }
    s.push_str(&toll_phrase(r, t));
    s.push('.');
    capitalize(&s)
}

fn actor_name(a: Option<&Actor>) -> Option<&str> {
    a.map(|a| a.name.trim()).filter(|n| !n.is_empty())
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn date_phrase(r: &Record) -> Option<String> {
    let d = r.dates();
    match (d.start, d.end) {
        (Some(s), Some(e)) if d.is_range() => {
            let from = if s.year() != e.year() {
                long_date(s)
            } else if s.month() != e.month() {
                format!("{} {}", s.day(), month_name(s))
            } else {
                s.day().to_string()
            };
            Some(format!("Between {from} and {}", long_date(e)))
        }
        (Some(x), _) | (None, Some(x)) => Some(match d.precision {
            TimePrecision::Day => format!("On {}", long_date(x)),
            TimePrecision::Week => format!("On or around {}", long_date(x)),
            TimePrecision::Month => format!("In {} {}", month_name(x), x.year()),
        }),
        (None, None) => None,
    }
}

const BEARINGS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];

fn place_phrase(r: &Record) -> Option<String> {
    let l = r.location?;
    let name = l.name.trim();
    if name.is_empty() {
        return None;
    }
    let mut p = match (l.geo_precision, l.offset_km) {
        (GeoPrecision::Near, Some(km)) if km.is_finite() && km > 0.0 => {
            let bearing = l.bearing.as_deref().map(str::to_lowercase).filter(|b| BEARINGS.contains(&b.as_str()));
            match bearing {
                Some(b) => format!("about {} km {b} of {name}", km.round()),
                None => format!("about {} km from {name}", km.round()),
            }
        }
        (GeoPrecision::Near, _) => format!("near {name}"),
        (GeoPrecision::Town | GeoPrecision::Region, _) => format!("in {name}"),
    };
    if let Some(admin1) = l.admin1.as_deref().map(str::trim).filter(|a| !a.is_empty() && !a.eq_ignore_ascii_case(name))
    {
        p.push_str(&format!(" ({admin1})"));
    }
    Some(p)
}

fn toll_phrase(r: &Record, t: &Template) -> String {
    let cumulative = r.scope == Scope::Cumulative;
    let total = if cumulative { " in total" } else { "" };
    let across = match r.count {
        Some(n) if cumulative && n > 0 => format!(" across {n} {}", if n == 1 { t.unit } else { t.units }),
        _ => String::new(),
    };
    let figure = match r.toll {
        Toll::Unknown => None,
        Toll::Claim(f) => Some(match (f.qualifier, f.min, f.max) {
            (Qualifier::Vague, None, _) => {
                format!("an unspecified number (coded as {})", r.toll.coded())
            }
            (Qualifier::Vague, Some(n), _) => format!("an unspecified number (coded as {n})"),
            (Qualifier::Range, Some(a), Some(b)) if a != b => format!("between {a} and {b}"),
            (Qualifier::AtLeast, Some(n), _) => format!("at least {n}"),
            (Qualifier::About, Some(n), _) | (Qualifier::About, None, Some(n)) => format!("about {n}"),
            (Qualifier::UpTo, _, Some(n)) | (Qualifier::UpTo, Some(n), None) => format!("up to {n}"),
            (_, Some(n), _) | (_, None, Some(n)) => n.to_string(),
            (_, None, None) => "an unspecified number".to_string(),
        }),
        Toll::Range(g) if g.low == g.high => Some(g.low.to_string()),
        Toll::Range(g) => Some(format!("between {} and {} (best estimate {})", g.low, g.high, g.best)),
    };
    let zero = match r.toll {
        Toll::Claim(f) => f.qualifier != Qualifier::Vague && f.min.unwrap_or(0) == 0 && f.max.unwrap_or(0) == 0,
        Toll::Range(g) => g.high == 0,
        Toll::Unknown => false,
    };
    match figure {
        Some(_) if zero => format!(", with no fatalities reported{across}"),
        Some(f) => format!(", killing {f}{total}{across}"),
        None if !across.is_empty() => format!(" ({} {}{total})", r.count.unwrap_or(0), t.units),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_renders_cleanly() {
        for t in templates() {
            for tpl in [t.one, t.many] {
                assert!(tpl.contains("{a1}"), "{}: {tpl}", t.sub);
            }
            for tpl in [t.one_no_actor, t.many_no_actor] {
                assert!(!tpl.contains("{a1"), "{}: {tpl}", t.sub);
            }
            let with_a1 = [t.one, t.many].map(|tpl| (tpl, Some("A")));
            let without = [t.one_no_actor, t.many_no_actor].map(|tpl| (tpl, None));
            for (tpl, a1) in with_a1.into_iter().chain(without) {
                for a2 in [Some("B"), None] {
                    let s = render(tpl, a1, a2);
                    assert!(!s.contains(['{', '}', '[', ']', '|']), "{}: {s}", t.sub);
                    assert!(!s.contains("  ") && !s.starts_with(' ') && !s.ends_with(' '), "{}: {s:?}", t.sub);
                }
            }
        }
    }

    #[test]
    fn render_drops_unknown_parts() {
        assert_eq!(render("{a1} clashed[ with {a2}]", Some("X"), None), "X clashed");
        assert_eq!(render("{a1} clashed[ with {a2}]", Some("X"), Some("Y")), "X clashed with Y");
        assert_eq!(render("{a2|civilians} were attacked", None, None), "civilians were attacked");
        assert_eq!(render("property[ of {a2}] was looted", None, Some("Y")), "property of Y was looted");
    }
}
