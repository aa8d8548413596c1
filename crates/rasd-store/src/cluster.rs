//! Incident clustering: which reports tell of the same happening, and what
//! the merged record says. Pure logic, no SQLite: the store calls these
//! functions, and [`cluster`] is the in-memory reference that the store's
//! incremental result must equal.
//!
//! An incident is a connected component of the [`compatible`] relation over
//! events. The relation is a fixed function of two events, so its components
//! (and thus the incidents) depend only on the set of events, never on the
//! order they arrived in. Every incident field is then recomputed from the
//! members sorted by id, with every tie broken by id, so it is order-free too.

use rasd_core::{
    Actor, Event, EventDate, EventType, Fatalities, FatalityRange, GeoPrecision, Incident, IncidentSource, Location,
    Qualifier, Scope, SubEventType, TimePrecision,
};
use std::collections::{BTreeMap, BTreeSet};

/// One event together with the document metadata an incident lists as its
/// source.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub event: Event,
    /// The document's `source` (the outlet).
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// How far apart two reported dates may be, in days, for a time precision:
/// a day (time zones, "last night"), a week, a month.
pub const fn date_window_days(p: TimePrecision) -> i64 {
    match p {
        TimePrecision::Day => 1,
        TimePrecision::Week => 7,
        TimePrecision::Month => 30,
    }
}

/// The widest date window: the store's candidate query must not miss a pair.
pub const MAX_DATE_WINDOW_DAYS: i64 = 30;

/// How far apart two reported places may be, in km, for a geo precision.
pub const fn distance_km(p: GeoPrecision) -> f64 {
    match p {
        GeoPrecision::Town => 25.0,
        GeoPrecision::Near => 50.0,
        GeoPrecision::Region => 150.0,
    }
}

/// Days since 1970-01-01 of an ISO `YYYY-MM-DD` date (a longer timestamp is
/// cut to the day); `None` when it is not a valid date.
pub fn day_number(date: &str) -> Option<i64> {
    let d = date.get(..10)?;
    let b = d.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = d[..4].parse().ok()?;
    let m: i64 = d[5..7].parse().ok()?;
    let day: i64 = d[8..10].parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let dim = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || day < 1 || day > dim[(m - 1) as usize] {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146097 + doe - 719468)
}

/// The ISO date of a day number (inverse of [`day_number`]).
pub fn iso_date(days: i64) -> String {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The day interval `[start, end]` of a date; `None` when it has no start.
pub fn day_range(d: &EventDate) -> Option<(i64, i64)> {
    let s = day_number(d.start.as_deref()?)?;
    let e = d.end.as_deref().and_then(day_number).unwrap_or(s);
    Some((s.min(e), s.max(e)))
}

fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Outcome of comparing one criterion: `Match` is positive evidence that the
/// two reports are about the same happening, `Unknown` means a side is
/// missing (compatible, but no evidence), `Clash` rules the pair out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmp {
    Match,
    Unknown,
    Clash,
}

fn cmp_dates(a: &EventDate, b: &EventDate) -> Cmp {
    let (Some((s1, e1)), Some((s2, e2))) = (day_range(a), day_range(b)) else { return Cmp::Unknown };
    let gap = (s1.max(s2) - e1.min(e2)).max(0);
    // The vaguer report sets the tolerance: its date could be anywhere in its window.
    let w = date_window_days(a.time_precision).max(date_window_days(b.time_precision));
    if gap <= w {
        Cmp::Match
    } else {
        Cmp::Clash
    }
}

/// Whether an event's date and a stored event's date columns (its day
/// range and precision) could be compatible: [`compatible`] requires it, so
/// the store skips a candidate that fails it without decoding the record.
pub fn dates_may_match(a: &EventDate, b_days: Option<(i64, i64)>, b_precision: TimePrecision) -> bool {
    let (Some((s1, e1)), Some((s2, e2))) = (day_range(a), b_days) else { return true };
    let gap = (s1.max(s2) - e1.min(e2)).max(0);
    gap <= date_window_days(a.time_precision).max(date_window_days(b_precision))
}

fn coords(l: &Location) -> Option<(f64, f64)> {
    Some((l.lat?, l.lon?))
}

fn cmp_places(a: Option<&Location>, b: Option<&Location>) -> Cmp {
    let (Some(a), Some(b)) = (a, b) else { return Cmp::Unknown };
    if let (Some(ca), Some(cb)) = (&a.country, &b.country) {
        if !ca.eq_ignore_ascii_case(cb) {
            return Cmp::Clash;
        }
    }
    if let (Some(pa), Some(pb)) = (coords(a), coords(b)) {
        // A stated offset ("40 km before al-Qatrun") moves the real place away
        // from the named one's point, so it widens the tolerance.
        let limit = distance_km(a.geo_precision).max(distance_km(b.geo_precision))
            + a.offset_km.unwrap_or(0.0).abs()
            + b.offset_km.unwrap_or(0.0).abs();
        return if haversine_km(pa, pb) <= limit { Cmp::Match } else { Cmp::Clash };
    }
    // Without coordinates on both sides only names can tell: different
    // provinces rule the pair out, the same province or country ties it.
    match (&a.admin1, &b.admin1) {
        (Some(x), Some(y)) if !x.eq_ignore_ascii_case(y) => Cmp::Clash,
        (Some(_), Some(_)) => Cmp::Match,
        _ if a.country.is_some() && b.country.is_some() => Cmp::Match,
        _ => Cmp::Unknown,
    }
}

/// An actor that names nobody in particular ("Unidentified Armed Group",
/// civilians, protesters, rioters): it never rules a pair out and never ties one.
pub fn is_generic(a: &Actor) -> bool {
    let n = a.name.trim_start().to_ascii_lowercase();
    matches!(a.inter, 5..=7)
        || a.name.trim().is_empty()
        || ["unidentified", "unknown", "civilians", "protesters", "rioters"].iter().any(|p| n.starts_with(p))
}

/// A name without ACLED's period suffix: "Military Forces of Libya (2014-)".
fn base_name(name: &str) -> String {
    let n = name.trim();
    let n = match n.rfind(" (") {
        Some(i) if n[i + 2..].starts_with(|c: char| c.is_ascii_digit()) => &n[..i],
        _ => n,
    };
    n.to_lowercase()
}

fn cmp_actor(a: Option<&Actor>, b: Option<&Actor>) -> Cmp {
    match (a, b) {
        (Some(a), Some(b)) if !is_generic(a) && !is_generic(b) => {
            if base_name(&a.name) == base_name(&b.name) {
                Cmp::Match
            } else {
                Cmp::Clash
            }
        }
        _ => Cmp::Unknown,
    }
}

fn combine(c: &[Cmp]) -> Cmp {
    if c.contains(&Cmp::Clash) {
        Cmp::Clash
    } else if c.contains(&Cmp::Match) {
        Cmp::Match
    } else {
        Cmp::Unknown
    }
}

fn cmp_actors(a: &Event, b: &Event, unordered: bool) -> Cmp {
    let straight =
        combine(&[cmp_actor(a.actor1.as_ref(), b.actor1.as_ref()), cmp_actor(a.actor2.as_ref(), b.actor2.as_ref())]);
    if !unordered || straight != Cmp::Clash {
        return straight;
    }
    // Two sides of a battle may be named in either order.
    combine(&[cmp_actor(a.actor1.as_ref(), b.actor2.as_ref()), cmp_actor(a.actor2.as_ref(), b.actor1.as_ref())])
}

/// ACLED codes a strike inside an ongoing battle as part of the battle. We
/// only apply it in the clear case: an air strike or shelling whose two sides
/// are both named, non-generic, and are exactly the battle's two sides.
fn battle_absorbs(battle: &Event, strike: &Event) -> bool {
    let named = |a: &Option<Actor>| a.as_ref().is_some_and(|a| !is_generic(a));
    battle.event_type == EventType::Battles
        && matches!(strike.sub_event_type, SubEventType::AirDroneStrike | SubEventType::Shelling)
        && named(&battle.actor1)
        && named(&battle.actor2)
        && named(&strike.actor1)
        && named(&strike.actor2)
        && cmp_actors(battle, strike, true) == Cmp::Match
}

/// Whether two events may tell of the same happening (see the crate docs).
///
/// Rules: never two events of one document (the extractor already split
/// them), never a running total with a single happening; the same ACLED
/// event type (or a battle absorbing a strike between its two sides); dates
/// within the vaguer precision's window; places in one country and within
/// the vaguer precision's distance; no two different named actors in one
/// role. A missing date, place or actor is compatible, but the pair must be
/// positively tied by at least two of date, place and actors, so that
/// near-empty reports do not chain unrelated incidents together.
pub fn compatible(a: &Event, b: &Event) -> bool {
    if a.doc_id == b.doc_id || a.scope != b.scope {
        return false;
    }
    let same_type = a.event_type == b.event_type;
    let absorbed = !same_type && (battle_absorbs(a, b) || battle_absorbs(b, a));
    if !same_type && !absorbed {
        return false;
    }
    let battle = a.event_type == EventType::Battles || b.event_type == EventType::Battles;
    let checks =
        [cmp_dates(&a.date, &b.date), cmp_places(a.location.as_ref(), b.location.as_ref()), cmp_actors(a, b, battle)];
    !checks.contains(&Cmp::Clash) && checks.iter().filter(|c| **c == Cmp::Match).count() >= 2
}

/// The event types an event of type `t` may be compatible with (for the
/// store's candidate query).
pub fn type_family(t: EventType) -> &'static [EventType] {
    match t {
        EventType::Battles | EventType::Explosions => &[EventType::Battles, EventType::Explosions],
        EventType::ViolenceAgainstCivilians => &[EventType::ViolenceAgainstCivilians],
        EventType::Protests => &[EventType::Protests],
        EventType::Riots => &[EventType::Riots],
        EventType::StrategicDevelopments => &[EventType::StrategicDevelopments],
    }
}

/// One claim's conservative and highest figure, `None` without a number.
fn claim_bounds(f: &Fatalities) -> Option<(u32, u32)> {
    let lo = f.min.or(f.max)?;
    let hi = f.max.unwrap_or(lo).max(lo);
    Some((lo, hi))
}

/// UCDP-style range of the members' death tolls: `low` the most conservative
/// figure, `high` the highest, `best` the figure most reports give (ties to
/// the lower). Vague tolls ("dozens") count only when no report gives a
/// number.
pub fn fatality_range<'a>(claims: impl IntoIterator<Item = &'a Fatalities>) -> Option<FatalityRange> {
    let claims: Vec<&Fatalities> = claims.into_iter().collect();
    let precise: Vec<(u32, u32)> =
        claims.iter().filter(|f| f.qualifier != Qualifier::Vague).filter_map(|f| claim_bounds(f)).collect();
    let used = if precise.is_empty() { claims.iter().filter_map(|f| claim_bounds(f)).collect() } else { precise };
    if used.is_empty() {
        return None;
    }
    let low = used.iter().map(|c| c.0).min()?;
    let high = used.iter().map(|c| c.1).max()?;
    let mut votes: BTreeMap<u32, usize> = BTreeMap::new();
    for c in &used {
        *votes.entry(c.0).or_default() += 1;
    }
    // BTreeMap iterates ascending, and max_by_key keeps the last maximum:
    // reverse so that the lowest figure wins a tie.
    let best = votes.iter().rev().max_by_key(|(_, n)| **n).map(|(v, _)| *v)?;
    Some(FatalityRange { low, best, high })
}

/// A location's rank: town before near before region, with coordinates
/// before without, exact place before one at an offset.
fn place_rank(l: &Location) -> (GeoPrecision, bool, bool) {
    (l.geo_precision, coords(l).is_none(), l.offset_km.is_some())
}

fn date_rank(d: &EventDate) -> (bool, TimePrecision, i64) {
    match day_range(d) {
        Some((s, e)) => (false, d.time_precision, e - s),
        None => (true, d.time_precision, 0),
    }
}

fn pick_actor<'a>(members: &[&'a Report], role: impl Fn(&'a Event) -> Option<&'a Actor>) -> Option<Actor> {
    // A named actor beats a generic one; then the most precisely placed report.
    members
        .iter()
        .filter_map(|r| role(&r.event).map(|a| (is_generic(a), r, a)))
        .min_by(|x, y| {
            let rx = x.1.event.location.as_ref().map(place_rank);
            let ry = y.1.event.location.as_ref().map(place_rank);
            (x.0, rx.is_none(), rx, &x.1.event.id).cmp(&(y.0, ry.is_none(), ry, &y.1.event.id))
        })
        .map(|(_, _, a)| a.clone())
}

/// The merged record of one component. `members` may come in any order.
///
/// # Panics
/// If `members` is empty.
pub fn build_incident(members: &[&Report]) -> Incident {
    assert!(!members.is_empty(), "an incident has at least one member");
    let mut ms: Vec<&Report> = members.to_vec();
    ms.sort_by(|a, b| a.event.id.cmp(&b.event.id));
    ms.dedup_by(|a, b| a.event.id == b.event.id);
    let first = &ms[0].event;
    // A battle that absorbed a strike stays a battle.
    let event_type =
        if ms.iter().any(|r| r.event.event_type == EventType::Battles) { EventType::Battles } else { first.event_type };
    let mut subs: BTreeMap<SubEventType, usize> = BTreeMap::new();
    for r in ms.iter().filter(|r| r.event.event_type == event_type) {
        *subs.entry(r.event.sub_event_type).or_default() += 1;
    }
    let sub_event_type = subs.iter().rev().max_by_key(|(_, n)| **n).map(|(s, _)| *s).unwrap_or(first.sub_event_type);
    let location = ms
        .iter()
        .filter_map(|r| r.event.location.as_ref().map(|l| (place_rank(l), &r.event.id, l)))
        .min_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))
        .map(|x| x.2.clone());
    let date = ms
        .iter()
        .map(|r| (date_rank(&r.event.date), &r.event.id, &r.event.date))
        .min_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))
        .map(|x| x.2.clone())
        .unwrap_or_else(|| first.date.clone());
    Incident {
        id: first.id.clone(),
        event_type,
        sub_event_type,
        actor1: pick_actor(&ms, |e| e.actor1.as_ref()),
        actor2: pick_actor(&ms, |e| e.actor2.as_ref()),
        location,
        date,
        fatalities: fatality_range(ms.iter().filter_map(|r| r.event.fatalities.as_ref())),
        scope: first.scope,
        events: ms.iter().map(|r| r.event.id.clone()).collect(),
        sources: ms
            .iter()
            .map(|r| IncidentSource {
                doc_id: r.event.doc_id.clone(),
                event_id: r.event.id.clone(),
                outlet: r.outlet.clone(),
                url: r.url.clone(),
                published: r.published.clone(),
                quoted: r.event.reported_by.as_ref().map(|s| s.name.clone()),
            })
            .collect(),
        covers: Vec::new(),
        covered_by: Vec::new(),
    }
}

/// Whether the running total `cumulative` includes the single incident
/// `single`: the same event type and country (both known), compatible actors,
/// and the single incident's dates inside the total's period (widened by the
/// total's precision window).
pub fn covers(cumulative: &Incident, single: &Incident) -> bool {
    if cumulative.scope != Scope::Cumulative || single.scope != Scope::Event {
        return false;
    }
    if cumulative.event_type != single.event_type {
        return false;
    }
    let country = |i: &Incident| i.location.as_ref().and_then(|l| l.country.clone());
    match (country(cumulative), country(single)) {
        (Some(a), Some(b)) if a.eq_ignore_ascii_case(&b) => {}
        _ => return false,
    }
    let (Some((cs, ce)), Some((ss, se))) = (day_range(&cumulative.date), day_range(&single.date)) else {
        return false;
    };
    let w = date_window_days(cumulative.date.time_precision);
    if ss < cs - w || se > ce + w {
        return false;
    }
    let actors = combine(&[
        cmp_actor(cumulative.actor1.as_ref(), single.actor1.as_ref()),
        cmp_actor(cumulative.actor2.as_ref(), single.actor2.as_ref()),
    ]);
    actors != Cmp::Clash
}

/// What a running total leaves unexplained by the single incidents it covers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CoverageGap {
    /// The running total's conservative figure (its `low`).
    pub total: u32,
    /// Deaths of the covered single incidents (sum of their `low`).
    pub known: u32,
    /// `total - known` (0 when the known ones already exceed it): deaths of
    /// happenings no stored report tells of. Never turned into events.
    pub unaccounted: u32,
    /// How many single incidents it covers.
    pub covered: u32,
    /// Happenings the total says it sums ("in four strikes"), where stated.
    pub stated_count: Option<u32>,
    /// `stated_count - covered`, where stated.
    pub missing_happenings: Option<u32>,
}

/// The gap of a running total; `None` when it has no figure.
pub fn coverage_gap(cumulative: &Incident, covered: &[&Incident], stated_count: Option<u32>) -> Option<CoverageGap> {
    let total = cumulative.fatalities?.low;
    let known: u32 = covered.iter().filter_map(|i| i.fatalities.map(|f| f.low)).sum();
    let n = covered.len() as u32;
    Some(CoverageGap {
        total,
        known,
        unaccounted: total.saturating_sub(known),
        covered: n,
        stated_count,
        missing_happenings: stated_count.map(|c| c.saturating_sub(n)),
    })
}

/// Clusters a whole set of reports at once, with `covers`/`covered_by`
/// filled; incidents sorted by id. The store computes the same thing
/// incrementally.
pub fn cluster(reports: &[Report]) -> Vec<Incident> {
    let n = reports.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for i in 0..n {
        for j in i + 1..n {
            if compatible(&reports[i].event, &reports[j].event) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<&Report>> = BTreeMap::new();
    for (i, report) in reports.iter().enumerate() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(report);
    }
    let mut incidents: Vec<Incident> = groups.values().map(|g| build_incident(g)).collect();
    incidents.sort_by(|a, b| a.id.cmp(&b.id));
    let mut links: BTreeSet<(String, String)> = BTreeSet::new();
    for c in incidents.iter().filter(|i| i.scope == Scope::Cumulative) {
        for s in incidents.iter().filter(|i| covers(c, i)) {
            links.insert((c.id.clone(), s.id.clone()));
        }
    }
    for inc in &mut incidents {
        inc.covers = links.iter().filter(|l| l.0 == inc.id).map(|l| l.1.clone()).collect();
        inc.covered_by = links.iter().filter(|l| l.1 == inc.id).map(|l| l.0.clone()).collect();
    }
    incidents
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rasd_core::{Evidence, Plover, PloverEvent, PloverMode, Source};

    fn actor(name: &str, inter: u8) -> Actor {
        Actor { name: name.into(), text: name.into(), inter, country: None, wikidata: None, span: None }
    }

    fn place(name: &str, admin1: &str, lat: f64, lon: f64, p: GeoPrecision) -> Location {
        Location {
            name: name.into(),
            text: name.into(),
            country: Some("LY".into()),
            admin1: Some(admin1.into()),
            lat: Some(lat),
            lon: Some(lon),
            geo_precision: p,
            gazetteer_id: None,
            offset_km: None,
            bearing: None,
            span: None,
        }
    }

    fn deaths(min: Option<u32>, max: Option<u32>, q: Qualifier) -> Fatalities {
        Fatalities { min, max, qualifier: q, text: String::new(), span: None }
    }

    fn strike(id: &str, date: &str, p: TimePrecision) -> Event {
        Event {
            id: id.into(),
            doc_id: id.split('#').next().unwrap().into(),
            event_type: EventType::Explosions,
            sub_event_type: SubEventType::AirDroneStrike,
            plover: Plover { event: PloverEvent::Assault, mode: Some(PloverMode::Aerial) },
            actor1: Some(actor("Military Forces of the United States", 8)),
            actor2: Some(actor("Islamic State (Libya)", 2)),
            assoc_actor1: vec![],
            assoc_actor2: vec![],
            location: Some(place("Murzuq", "Murzuq", 25.9155, 13.9184, GeoPrecision::Town)),
            date: EventDate {
                start: Some(date.into()),
                end: Some(date.into()),
                time_precision: p,
                text: None,
                span: None,
            },
            fatalities: Some(deaths(Some(7), Some(7), Qualifier::Exact)),
            scope: Scope::Event,
            count: None,
            reported_by: Some(Source { name: "AFRICOM".into(), text: "أفريكوم".into(), span: None }),
            evidence: Evidence { start: 0, end: 1, text: "x".into() },
            evidence_all: vec![],
            confidence: 0.9,
            explain: None,
        }
    }

    fn report(e: Event) -> Report {
        Report { outlet: Some(format!("outlet of {}", e.doc_id)), url: None, published: None, event: e }
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2019-09-29T10:00:00Z"), day_number("2019-09-29"));
        assert_eq!(day_number("2019-02-29"), None);
        assert_eq!(day_number("2020-02-29").map(iso_date).as_deref(), Some("2020-02-29"));
        for d in [-1000, 0, 18_000, 20_000] {
            assert_eq!(day_number(&iso_date(d)), Some(d));
        }
    }

    #[test]
    fn dates_must_fall_within_the_vaguer_precision_window() {
        let a = strike("a#1", "2019-09-29", TimePrecision::Day);
        assert!(compatible(&a, &strike("b#1", "2019-09-30", TimePrecision::Day)));
        assert!(!compatible(&a, &strike("b#1", "2019-10-01", TimePrecision::Day)));
        assert!(compatible(&a, &strike("b#1", "2019-10-05", TimePrecision::Week)));
        assert!(!compatible(&a, &strike("b#1", "2019-10-08", TimePrecision::Week)));
        assert!(compatible(&a, &strike("b#1", "2019-10-25", TimePrecision::Month)));
        let mut undated = strike("b#1", "2019-09-29", TimePrecision::Day);
        undated.date.start = None;
        undated.date.end = None;
        assert!(compatible(&a, &undated), "a missing date is compatible (place and actors still tie it)");
    }

    #[test]
    fn distance_depends_on_geo_precision_and_country() {
        let a = strike("a#1", "2019-09-29", TimePrecision::Day);
        let mut b = strike("b#1", "2019-09-29", TimePrecision::Day);
        // Umm al Aranib, ~60 km from Murzuq.
        b.location = Some(place("Umm al Aranib", "Murzuq", 26.1442, 14.4717, GeoPrecision::Town));
        assert!(!compatible(&a, &b));
        b.location.as_mut().unwrap().geo_precision = GeoPrecision::Region;
        assert!(compatible(&a, &b));
        b.location.as_mut().unwrap().country = Some("NE".into());
        assert!(!compatible(&a, &b), "different countries never match");
        b.location.as_mut().unwrap().country = Some("LY".into());
        b.location.as_mut().unwrap().geo_precision = GeoPrecision::Town;
        b.location.as_mut().unwrap().offset_km = Some(40.0);
        assert!(compatible(&a, &b), "a stated offset widens the tolerance");
        b.location = None;
        assert!(compatible(&a, &b), "a missing place is compatible");
        let mut c = strike("c#1", "2019-09-29", TimePrecision::Day);
        c.location.as_mut().unwrap().lat = None;
        c.location.as_mut().unwrap().admin1 = Some("Wadi al Hayaa".into());
        assert!(!compatible(&a, &c), "no coordinates: different provinces clash");
    }

    #[test]
    fn actors_named_differently_clash_but_generic_or_missing_do_not() {
        let a = strike("a#1", "2019-09-29", TimePrecision::Day);
        let mut b = strike("b#1", "2019-09-29", TimePrecision::Day);
        b.actor1 = Some(actor("Military Forces of Libya (2014-)", 1));
        assert!(!compatible(&a, &b));
        b.actor1 = Some(actor("Unidentified Armed Group (Libya)", 3));
        assert!(compatible(&a, &b));
        b.actor1 = None;
        assert!(compatible(&a, &b));
        b.actor1 = Some(actor("military forces of the united states (2017-)", 8));
        assert!(compatible(&a, &b), "period suffix and case do not matter");
    }

    #[test]
    fn a_pair_needs_two_positive_ties() {
        let a = strike("a#1", "2019-09-29", TimePrecision::Day);
        let mut b = strike("b#1", "2019-09-29", TimePrecision::Day);
        b.location = None;
        b.actor1 = None;
        b.actor2 = None;
        assert!(!compatible(&a, &b), "the same day alone does not make the same strike");
    }

    #[test]
    fn same_document_cumulative_and_type_rules() {
        let a = strike("a#1", "2019-09-29", TimePrecision::Day);
        assert!(!compatible(&a, &strike("a#2", "2019-09-29", TimePrecision::Day)));
        let mut c = strike("b#1", "2019-09-29", TimePrecision::Day);
        c.scope = Scope::Cumulative;
        assert!(!compatible(&a, &c));
        let mut v = strike("b#1", "2019-09-29", TimePrecision::Day);
        v.event_type = EventType::ViolenceAgainstCivilians;
        v.sub_event_type = SubEventType::Attack;
        assert!(!compatible(&a, &v));
        // A battle between the strike's two sides absorbs it; a battle with
        // one side unnamed does not.
        let mut battle = strike("b#1", "2019-09-29", TimePrecision::Day);
        battle.event_type = EventType::Battles;
        battle.sub_event_type = SubEventType::ArmedClash;
        std::mem::swap(&mut battle.actor1, &mut battle.actor2);
        assert!(compatible(&a, &battle));
        let inc = build_incident(&[&report(a.clone()), &report(battle.clone())]);
        assert_eq!(inc.event_type, EventType::Battles);
        assert_eq!(inc.sub_event_type, SubEventType::ArmedClash);
        battle.actor2 = None;
        assert!(!compatible(&a, &battle));
    }

    #[test]
    fn fatality_ranges() {
        let f = |v: &[Fatalities]| fatality_range(v.iter());
        let r = |low, best, high| Some(FatalityRange { low, best, high });
        assert_eq!(f(&[]), None);
        assert_eq!(
            f(&[
                deaths(Some(7), Some(7), Qualifier::Exact),
                deaths(Some(7), None, Qualifier::AtLeast),
                deaths(Some(11), Some(11), Qualifier::Exact),
            ]),
            r(7, 7, 11)
        );
        // A tie goes to the lower figure.
        assert_eq!(
            f(&[deaths(Some(9), Some(9), Qualifier::Exact), deaths(Some(5), Some(5), Qualifier::Exact)]),
            r(5, 5, 9)
        );
        // Vague counts only when nothing else is given.
        assert_eq!(
            f(&[deaths(Some(12), None, Qualifier::Vague), deaths(Some(3), Some(3), Qualifier::Exact)]),
            r(3, 3, 3)
        );
        assert_eq!(f(&[deaths(Some(12), None, Qualifier::Vague), deaths(None, None, Qualifier::Vague)]), r(12, 12, 12));
        assert_eq!(f(&[deaths(None, None, Qualifier::Vague)]), None);
        assert_eq!(
            f(&[deaths(Some(4), Some(9), Qualifier::Range), deaths(None, Some(20), Qualifier::UpTo)]),
            r(4, 4, 20)
        );
    }

    #[test]
    fn incident_takes_the_most_precise_member() {
        let mut a = strike("a#1", "2019-09-29", TimePrecision::Week);
        a.location = Some(place("Southern Libya", "Murzuq", 26.0, 14.0, GeoPrecision::Region));
        a.actor1 = None;
        let b = strike("b#1", "2019-09-29", TimePrecision::Day);
        let inc = build_incident(&[&report(b.clone()), &report(a.clone())]);
        assert_eq!(inc.id, "a#1");
        assert_eq!(inc.events, ["a#1", "b#1"]);
        assert_eq!(inc.location, b.location);
        assert_eq!(inc.date, b.date);
        assert_eq!(inc.actor1, b.actor1);
        assert_eq!(inc.sources[1].quoted.as_deref(), Some("AFRICOM"));
        assert_eq!(inc.sources[0].outlet.as_deref(), Some("outlet of a"));
    }

    #[test]
    fn running_totals_cover_singles_and_expose_the_gap() {
        let mut s1 = strike("a#1", "2019-09-29", TimePrecision::Day);
        s1.fatalities = Some(deaths(Some(7), Some(7), Qualifier::Exact));
        let mut s2 = strike("b#1", "2019-09-24", TimePrecision::Day);
        s2.location = Some(place("Ubari", "Wadi al Hayaa", 26.5921, 12.7805, GeoPrecision::Town));
        s2.fatalities = Some(deaths(Some(11), Some(11), Qualifier::Exact));
        let mut late = strike("d#1", "2019-10-20", TimePrecision::Day);
        late.fatalities = Some(deaths(Some(2), Some(2), Qualifier::Exact));
        let mut total = strike("c#1", "2019-09-19", TimePrecision::Day);
        total.scope = Scope::Cumulative;
        total.count = Some(4);
        total.date.end = Some("2019-10-02".into());
        total.location = Some(place("Southern Libya (Fezzan)", "Murzuq", 27.03766, 14.42832, GeoPrecision::Region));
        total.location.as_mut().unwrap().admin1 = None;
        total.fatalities = Some(deaths(Some(43), None, Qualifier::AtLeast));
        let reports: Vec<Report> = [s1, s2, late, total].into_iter().map(report).collect();
        let incs = cluster(&reports);
        assert_eq!(incs.len(), 4, "{incs:#?}");
        let by = |id: &str| incs.iter().find(|i| i.id == id).unwrap();
        assert_eq!(by("c#1").covers, ["a#1", "b#1"]);
        assert_eq!(by("a#1").covered_by, ["c#1"]);
        assert!(by("d#1").covered_by.is_empty());
        assert_eq!(by("c#1").fatalities.unwrap().low, 43, "a total never adds to its singles");
        let gap = coverage_gap(by("c#1"), &[by("a#1"), by("b#1")], Some(4)).unwrap();
        assert_eq!((gap.total, gap.known, gap.unaccounted, gap.missing_happenings), (43, 18, 25, Some(2)));
    }

    proptest! {
        #[test]
        fn clustering_ignores_input_order(perm in Just((0..8usize).collect::<Vec<_>>()).prop_shuffle()) {
            let mut base = Vec::new();
            for (k, (day, lat)) in [("2019-09-29", 25.9), ("2019-09-30", 25.95), ("2019-10-01", 26.0), ("2019-10-02", 26.1),
                ("2019-09-29", 26.6), ("2019-10-10", 25.9), ("2019-09-28", 25.92), ("2019-09-29", 27.0)].iter().enumerate() {
                let mut e = strike(&format!("d{k}#1"), day, if k % 3 == 0 { TimePrecision::Week } else { TimePrecision::Day });
                e.location.as_mut().unwrap().lat = Some(*lat);
                if k % 4 == 1 { e.actor1 = None; }
                e.fatalities = Some(deaths(Some(k as u32), Some(k as u32), Qualifier::Exact));
                base.push(report(e));
            }
            let shuffled: Vec<Report> = perm.iter().map(|&i| base[i].clone()).collect();
            prop_assert_eq!(cluster(&base), cluster(&shuffled));
        }
    }
}
