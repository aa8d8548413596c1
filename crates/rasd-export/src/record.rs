//! One view over [`Event`] and [`Incident`] that every writer reads, and the
//! coding rules shared by the formats (fatalities, dates, actor classes).

use crate::country::{country, Country};
use crate::ExportOptions;
use jiff::civil::Date;
use rasd_core::{
    Actor, Event, EventDate, EventType, Evidence, Fatalities, FatalityRange, Incident, Location, PloverEvent,
    PloverMode, Qualifier, Scope, SubEventType, TimePrecision,
};

/// What a writer needs of one event or incident.
pub(crate) struct Record<'a> {
    pub id: &'a str,
    pub doc_id: Option<&'a str>,
    pub event_type: EventType,
    pub sub_event_type: SubEventType,
    pub plover_event: Option<PloverEvent>,
    pub plover_mode: Option<PloverMode>,
    pub actor1: Option<&'a Actor>,
    pub actor2: Option<&'a Actor>,
    pub assoc1: &'a [Actor],
    pub assoc2: &'a [Actor],
    pub location: Option<&'a Location>,
    pub date: &'a EventDate,
    pub toll: Toll<'a>,
    pub scope: Scope,
    pub count: Option<u32>,
    /// Outlets and quoted sources, deduplicated, in order.
    pub sources: Vec<String>,
    pub evidence: Option<&'a Evidence>,
    pub confidence: Option<f32>,
    /// Member event ids (incidents only).
    pub members: &'a [String],
}

/// A death toll: one report's claim, or an incident's range.
#[derive(Clone, Copy)]
pub(crate) enum Toll<'a> {
    Unknown,
    Claim(&'a Fatalities),
    Range(FatalityRange),
}

/// ACLED's figure for deaths reported with no number: a significant attack.
pub const VAGUE_SIGNIFICANT: u32 = 10;
/// ACLED's figure for deaths reported with no number: a limited attack.
pub const VAGUE_LIMITED: u32 = 3;
/// Words in a vague toll's text that make it "significant" (lower-cased
/// match); anything else counts as limited, the conservative reading.
const VAGUE_SIGNIFICANT_MARKERS: &[&str] = &[
    "فادح",
    "كبير",
    "جسيم",
    "ضخم",
    "عشرات",
    "العشرات",
    "العديد",
    "كثير",
    "مئات",
    "heavy",
    "many",
    "numerous",
    "dozens",
    "scores",
    "hundreds",
    "several",
    "significant",
];

impl Toll<'_> {
    /// ACLED's `fatalities`: the most conservative figure, 0 when unknown;
    /// a vague toll with no number follows ACLED's 10 / 3 convention.
    pub fn coded(&self) -> u32 {
        match self {
            Toll::Unknown => 0,
            Toll::Claim(f) => match (f.qualifier, f.min.or(f.max)) {
                (_, Some(n)) => n,
                (Qualifier::Vague, None) => vague_default(&f.text),
                (_, None) => 0,
            },
            Toll::Range(r) => r.low,
        }
    }

    /// UCDP's `(low, best, high)`.
    pub fn ucdp(&self) -> (u32, u32, u32) {
        match self {
            Toll::Claim(f) if f.qualifier == Qualifier::Range => {
                let low = self.coded();
                (low, low, f.max.unwrap_or(low).max(low))
            }
            Toll::Range(r) => (r.low, r.best, r.high),
            _ => {
                let n = self.coded();
                (n, n, n)
            }
        }
    }

    /// The figure stated in the text, if any (no convention applied).
    pub fn stated(&self) -> Option<u32> {
        match self {
            Toll::Unknown => None,
            Toll::Claim(f) => f.min.or(f.max),
            Toll::Range(r) => Some(r.low),
        }
    }
}

fn vague_default(text: &str) -> u32 {
    let text = text.to_lowercase();
    if VAGUE_SIGNIFICANT_MARKERS.iter().any(|m| text.contains(m)) {
        VAGUE_SIGNIFICANT
    } else {
        VAGUE_LIMITED
    }
}

fn push_unique(v: &mut Vec<String>, s: Option<&str>) {
    if let Some(s) = s.map(str::trim).filter(|s| !s.is_empty()) {
        if !v.iter().any(|x| x == s) {
            v.push(s.to_string());
        }
    }
}

impl<'a> Record<'a> {
    pub fn from_event(e: &'a Event, opts: &ExportOptions) -> Self {
        let mut sources = Vec::new();
        push_unique(&mut sources, opts.outlets.get(&e.doc_id).map(String::as_str));
        push_unique(&mut sources, e.reported_by.as_ref().map(|s| s.name.as_str()));
        Record {
            id: &e.id,
            doc_id: Some(&e.doc_id),
            event_type: e.event_type,
            sub_event_type: e.sub_event_type,
            plover_event: Some(e.plover.event),
            plover_mode: e.plover.mode,
            actor1: e.actor1.as_ref(),
            actor2: e.actor2.as_ref(),
            assoc1: &e.assoc_actor1,
            assoc2: &e.assoc_actor2,
            location: e.location.as_ref(),
            date: &e.date,
            toll: e.fatalities.as_ref().map_or(Toll::Unknown, Toll::Claim),
            scope: e.scope,
            count: e.count,
            sources,
            evidence: Some(&e.evidence),
            confidence: Some(e.confidence),
            members: &[],
        }
    }

    pub fn from_incident(i: &'a Incident) -> Self {
        let mut sources = Vec::new();
        for s in &i.sources {
            push_unique(&mut sources, s.outlet.as_deref());
            push_unique(&mut sources, s.quoted.as_deref());
        }
        let (plover_event, plover_mode) = plover_for(i.sub_event_type);
        Record {
            id: &i.id,
            doc_id: None,
            event_type: i.event_type,
            sub_event_type: i.sub_event_type,
            plover_event,
            plover_mode,
            actor1: i.actor1.as_ref(),
            actor2: i.actor2.as_ref(),
            assoc1: &[],
            assoc2: &[],
            location: i.location.as_ref(),
            date: &i.date,
            toll: i.fatalities.map_or(Toll::Unknown, Toll::Range),
            scope: i.scope,
            count: (i.scope == Scope::Cumulative && !i.covers.is_empty()).then_some(i.covers.len() as u32),
            sources,
            evidence: None,
            confidence: None,
            members: &i.events,
        }
    }

    pub fn country(&self) -> Option<&'static Country> {
        self.location.and_then(|l| l.country.as_deref()).and_then(country)
    }

    /// The location's alpha-2 code as given, even when the table lacks it.
    pub fn country_code(&self) -> Option<&'a str> {
        self.location.and_then(|l| l.country.as_deref())
    }

    pub fn coordinates(&self) -> Option<(f64, f64)> {
        let l = self.location?;
        match (l.lat, l.lon) {
            (Some(lat), Some(lon)) if lat.is_finite() && lon.is_finite() => Some((lat, lon)),
            _ => None,
        }
    }

    pub fn sources_joined(&self) -> String {
        self.sources.join("; ")
    }

    pub fn dates(&self) -> Dates {
        Dates::of(self.date)
    }

    /// ACLED's `interaction`: the two classes, lower first (28); a sole actor X → X0.
    pub fn interaction(&self) -> Option<u8> {
        match (self.actor1.map(|a| a.inter), self.actor2.map(|a| a.inter)) {
            (Some(a), Some(b)) => Some(a.min(b) * 10 + a.max(b)),
            (Some(a), None) | (None, Some(a)) => Some(a * 10),
            (None, None) => None,
        }
    }

    /// ACLED's `civilian_targeting`: civilians are the (main) target.
    pub fn civilian_targeting(&self) -> bool {
        self.event_type == EventType::ViolenceAgainstCivilians
            || (self.sub_event_type.is_violent() && self.actor2.is_some_and(|a| a.inter == 7))
    }
}

/// ACLED's `disorder_type`.
pub(crate) fn disorder_type(sub: SubEventType) -> &'static str {
    use SubEventType::*;
    match sub {
        ExcessiveForce => "Political violence; Demonstrations",
        PeacefulProtest | ProtestWithIntervention | ViolentDemonstration => "Demonstrations",
        MobViolence => "Political violence",
        s if s.event_type() == EventType::StrategicDevelopments => "Strategic developments",
        _ => "Political violence",
    }
}

/// PLOVER category and mode for an ACLED sub-event type (used for incidents,
/// which carry no PLOVER coding of their own).
pub(crate) fn plover_for(sub: SubEventType) -> (Option<PloverEvent>, Option<PloverMode>) {
    use PloverEvent as P;
    use PloverMode as M;
    use SubEventType::*;
    let (e, m) = match sub {
        ArmedClash | GovernmentRegainsTerritory | NonStateActorOvertakesTerritory | ChemicalWeapon | Attack => {
            (P::Assault, None)
        }
        AirDroneStrike => (P::Assault, Some(M::Aerial)),
        SuicideBomb => (P::Assault, Some(M::SuicideAttack)),
        Shelling => (P::Assault, Some(M::HeavyWeapons)),
        RemoteExplosive | Grenade => (P::Assault, Some(M::Explosives)),
        SexualViolence => (P::Assault, Some(M::Sexual)),
        Abduction => (P::Assault, Some(M::Abduct)),
        Looting => (P::Assault, Some(M::Destroy)),
        PeacefulProtest | ProtestWithIntervention | ExcessiveForce => (P::Protest, Some(M::Demo)),
        ViolentDemonstration => (P::Protest, Some(M::Riot)),
        // a crowd attacking people with no demonstration's aims
        MobViolence => (P::Assault, Some(M::Beat)),
        Agreement => (P::Agree, None),
        Arrests => (P::Coerce, None),
        HeadquartersEstablished => (P::Mobilize, None),
        NonViolentTransfer => (P::Retreat, None),
        ChangeToGroup | DisruptedWeaponsUse | Other => return (None, None),
    };
    (Some(e), m)
}

/// An event's dates, parsed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dates {
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub precision: TimePrecision,
}

impl Dates {
    fn of(d: &EventDate) -> Self {
        let parse = |s: &Option<String>| s.as_deref().and_then(|s| s.trim().get(..10)).and_then(|s| s.parse().ok());
        let (mut start, mut end): (Option<Date>, Option<Date>) = (parse(&d.start), parse(&d.end));
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                (start, end) = (Some(e), Some(s));
            }
        }
        Dates { start, end, precision: d.time_precision }
    }

    /// Days from start to end (0 for one day).
    pub fn span_days(&self) -> i64 {
        match (self.start, self.end) {
            (Some(s), Some(e)) => e.since(s).map(|sp| sp.get_days() as i64).unwrap_or(0),
            _ => 0,
        }
    }

    pub fn is_range(&self) -> bool {
        self.span_days() > 0
    }

    /// ACLED's single `event_date` and `time_precision`: a range is coded at
    /// its middle, with precision 2 (up to a week) or 3 (longer).
    pub fn acled(&self) -> (Option<Date>, u8) {
        let p = self.precision as u8;
        match (self.start, self.end) {
            (Some(s), Some(_)) if self.is_range() => {
                let days = self.span_days();
                let mid = s.checked_add(jiff::Span::new().days(days / 2)).unwrap_or(s);
                (Some(mid), p.max(if days <= 7 { 2 } else { 3 }))
            }
            (Some(d), _) | (None, Some(d)) => (Some(d), p),
            (None, None) => (None, p),
        }
    }

    /// UCDP's `date_prec` (1 day, 2 within 2–6 days, 3 a week, 4 a month, 5 a year).
    pub fn ucdp_prec(&self) -> u8 {
        let by_precision = match self.precision {
            TimePrecision::Day => 1,
            TimePrecision::Week => 3,
            TimePrecision::Month => 4,
        };
        let by_range = match self.span_days() {
            0 => 1,
            1..=5 => 2,
            6 => 3,
            7..=30 => 4,
            _ => 5,
        };
        by_precision.max(by_range)
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub(crate) fn month_name(d: Date) -> &'static str {
    MONTHS[(d.month() as usize).clamp(1, 12) - 1]
}

/// `29 September 2019`.
pub(crate) fn long_date(d: Date) -> String {
    format!("{} {} {}", d.day(), month_name(d), d.year())
}

/// `YYYY-MM-DD`.
pub(crate) fn iso_date(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(start: &str, end: &str, p: TimePrecision) -> Dates {
        Dates::of(&EventDate {
            start: Some(start.into()),
            end: Some(end.into()),
            time_precision: p,
            text: None,
            span: None,
        })
    }

    #[test]
    fn acled_dates_code_the_middle_of_a_range() {
        let d = date("2019-09-19", "2019-10-02", TimePrecision::Day);
        assert_eq!(d.acled(), (Some("2019-09-25".parse().unwrap()), 3));
        assert_eq!(d.ucdp_prec(), 4);
        let d = date("2019-10-02", "2019-10-02", TimePrecision::Week);
        assert_eq!(d.acled(), (Some("2019-10-02".parse().unwrap()), 2));
        assert_eq!(d.ucdp_prec(), 3);
        let d = date("2019-10-04", "2019-10-02", TimePrecision::Day);
        assert_eq!((d.span_days(), d.ucdp_prec()), (2, 2));
    }

    #[test]
    fn vague_tolls_follow_acled() {
        let f =
            |min, text: &str| Fatalities { min, max: None, qualifier: Qualifier::Vague, text: text.into(), span: None };
        let heavy = f(None, "خسائر فادحة");
        assert_eq!(Toll::Claim(&heavy).coded(), 10);
        let some = f(None, "قتلى");
        assert_eq!(Toll::Claim(&some).coded(), 3);
        let dozens = f(Some(12), "عشرات");
        assert_eq!(Toll::Claim(&dozens).coded(), 12);
        assert_eq!(Toll::Unknown.coded(), 0);
        assert_eq!(Toll::Range(FatalityRange { low: 3, best: 5, high: 9 }).ucdp(), (3, 5, 9));
    }
}
