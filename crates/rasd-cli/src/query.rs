//! `rasd events`, `rasd incidents` and `rasd export --db`: filters given on
//! the command line, results as a table for people or JSON lines for tools.

use anyhow::{bail, Context, Result};
use clap::Args;
use rasd_core::{Event, Incident};
use rasd_store::{BBox, EventFilter, Page, Store};
use std::io::Write;
use std::path::Path;

/// The filters shared by `events`, `incidents` and `export --db`.
#[derive(Args, Debug, Default, Clone)]
pub struct FilterArgs {
    /// ISO 3166-1 alpha-2 country code (LY, SY, YE …).
    #[arg(long)]
    pub country: Option<String>,
    /// First-level division, as stored (e.g. "Murzuq").
    #[arg(long)]
    pub admin1: Option<String>,
    /// ACLED event type ("Battles", "Explosions/Remote violence" …).
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// ACLED sub-event type ("Air/drone strike" …).
    #[arg(long = "sub-type")]
    pub sub_event_type: Option<String>,
    /// `event` (single happenings) or `cumulative` (running totals).
    #[arg(long)]
    pub scope: Option<String>,
    /// Part of an actor's name (English canonical or the Arabic text).
    #[arg(long)]
    pub actor: Option<String>,
    /// On or after this day (YYYY-MM-DD).
    #[arg(long = "from")]
    pub date_from: Option<String>,
    /// On or before this day (YYYY-MM-DD).
    #[arg(long = "to")]
    pub date_to: Option<String>,
    /// Bounding box `MIN_LON,MIN_LAT,MAX_LON,MAX_LAT`.
    #[arg(long, allow_hyphen_values = true)]
    pub bbox: Option<String>,
    /// At least this many deaths (the conservative figure).
    #[arg(long)]
    pub min_fatalities: Option<u32>,
    /// Words that must all occur in the evidence (Arabic or not).
    #[arg(long)]
    pub text: Option<String>,
    /// Only the records of this document (its id).
    #[arg(long = "doc")]
    pub doc_id: Option<String>,
}

/// The options of `rasd events` and `rasd incidents`.
#[derive(Args, Debug, Clone)]
pub struct ListArgs {
    #[arg(long, default_value = "rasd.db")]
    pub db: std::path::PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most this many (default 50 for the table, all with --json).
    #[arg(long)]
    pub limit: Option<usize>,
    /// Start after this id (the cursor printed at the end of a page).
    #[arg(long)]
    pub after: Option<String>,
    #[arg(long)]
    pub json: bool,
}

/// Runs a listing: opens the database, reads the pages the options ask for,
/// prints them, and says on stderr where the next page starts.
pub fn list<T>(
    a: &ListArgs,
    what: &str,
    page: impl Fn(&Store, &EventFilter) -> Result<Page<T>, rasd_store::StoreError>,
    print: impl FnOnce(&mut dyn Write, &Store, Vec<T>, bool) -> Result<()>,
) -> Result<i32> {
    let store = open(&a.db)?;
    let mut f = a.filter.to_filter()?;
    f.after = a.after.clone();
    let max = a.limit.or(if a.json { None } else { Some(50) });
    let (items, next) = collect(f, max, |f| page(&store, f))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    print(&mut out, &store, items, a.json)?;
    out.flush()?;
    if let Some(next) = next.filter(|_| !a.json) {
        eprintln!("rasd: more {what}: --after {next}");
    }
    Ok(0)
}

impl FilterArgs {
    pub fn to_filter(&self) -> Result<EventFilter> {
        for (flag, d) in [("from", &self.date_from), ("to", &self.date_to)] {
            if let Some(d) = d {
                d.parse::<jiff::civil::Date>().map_err(|_| anyhow::anyhow!("--{flag} {d:?}: expected YYYY-MM-DD"))?;
            }
        }
        Ok(EventFilter {
            country: self.country.clone(),
            admin1: self.admin1.clone(),
            event_type: parse("type", &self.event_type)?,
            sub_event_type: parse("sub-type", &self.sub_event_type)?,
            scope: parse("scope", &self.scope)?,
            actor: self.actor.clone(),
            date_from: self.date_from.clone(),
            date_to: self.date_to.clone(),
            bbox: self.bbox.as_deref().map(parse_bbox).transpose()?,
            min_fatalities: self.min_fatalities,
            text: self.text.clone(),
            doc_id: self.doc_id.clone(),
            limit: None,
            after: None,
        })
    }
}

/// A closed-set value given on the command line, or an error naming the flag.
fn parse<T: std::str::FromStr>(flag: &str, v: &Option<String>) -> Result<Option<T>>
where
    T::Err: std::fmt::Display,
{
    v.as_deref().map(|s| s.parse().map_err(|e| anyhow::anyhow!("--{flag} {s:?}: {e}"))).transpose()
}

fn parse_bbox(s: &str) -> Result<BBox> {
    let v: Vec<f64> = s
        .split(',')
        .map(|x| x.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .with_context(|| format!("--bbox {s:?}: expected four numbers MIN_LON,MIN_LAT,MAX_LON,MAX_LAT"))?;
    let [min_lon, min_lat, max_lon, max_lat] = v[..] else {
        bail!("--bbox {s:?}: expected four numbers MIN_LON,MIN_LAT,MAX_LON,MAX_LAT");
    };
    if !(min_lat <= max_lat && min_lon <= max_lon) || [min_lat, max_lat].iter().any(|x| x.abs() > 90.0) {
        bail!("--bbox {s:?}: minimums must not exceed maximums and latitudes lie within ±90");
    }
    Ok(BBox { min_lat, min_lon, max_lat, max_lon })
}

pub fn open(db: &Path) -> Result<Store> {
    if !db.exists() {
        bail!("{}: no such database (create it with `rasd ingest --db {0} SOURCES…`)", db.display());
    }
    Store::open_read_only(db).with_context(|| format!("opening the database {}", db.display()))
}

/// Every page of a query (up to `max` items), following the cursor.
pub fn collect<T>(
    mut f: EventFilter,
    max: Option<usize>,
    mut page: impl FnMut(&EventFilter) -> Result<Page<T>, rasd_store::StoreError>,
) -> Result<(Vec<T>, Option<String>)> {
    let mut out = Vec::new();
    loop {
        let want = max.map(|m| m - out.len());
        f.limit = Some(want.unwrap_or(rasd_store::MAX_LIMIT).min(rasd_store::MAX_LIMIT));
        let p = page(&f)?;
        out.extend(p.items);
        match p.next {
            Some(next) if max.is_none_or(|m| out.len() < m) => f.after = Some(next),
            next => return Ok((out, next)),
        }
    }
}

fn cut(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n <= width {
        format!("{s:<width$}")
    } else {
        let mut t: String = s.chars().take(width - 1).collect();
        t.push('…');
        t
    }
}

fn actors(a1: Option<&rasd_core::Actor>, a2: Option<&rasd_core::Actor>) -> String {
    match (a1, a2) {
        (Some(a), Some(b)) => format!("{} → {}", a.name, b.name),
        (Some(a), None) => a.name.clone(),
        (None, Some(b)) => format!("? → {}", b.name),
        (None, None) => String::new(),
    }
}

fn place(l: Option<&rasd_core::Location>) -> String {
    l.map(|l| match &l.country {
        Some(c) if !l.name.ends_with(c.as_str()) => format!("{} ({c})", l.name),
        _ => l.name.clone(),
    })
    .unwrap_or_default()
}

fn date(d: &rasd_core::EventDate) -> String {
    match (&d.start, &d.end) {
        (Some(s), Some(e)) if s != e => format!("{s}…{}", &e[5..]),
        (Some(s), _) => s.clone(),
        _ => "?".into(),
    }
}

pub fn print_events(out: &mut dyn Write, events: &[(Event, String)], json: bool) -> Result<()> {
    if json {
        for (e, incident) in events {
            let mut v = serde_json::to_value(e)?;
            v["incident_id"] = incident.clone().into();
            serde_json::to_writer(&mut *out, &v)?;
            out.write_all(b"\n")?;
        }
        return Ok(());
    }
    writeln!(out, "{:<28} {:<21} {:<28} {:<44} {:<26} {:>6}", "ID", "DATE", "TYPE", "ACTORS", "PLACE", "DEATHS")?;
    for (e, _) in events {
        let deaths = match &e.fatalities {
            Some(f) => match (f.min, f.max) {
                (Some(a), Some(b)) if a != b => format!("{a}-{b}"),
                (Some(a), _) | (None, Some(a)) => a.to_string(),
                _ => "some".into(),
            },
            None => String::new(),
        };
        let total = if e.scope == rasd_core::Scope::Cumulative { " Σ" } else { "" };
        writeln!(
            out,
            "{} {} {} {} {} {:>6}{total}",
            cut(&e.id, 28),
            cut(&date(&e.date), 21),
            cut(e.sub_event_type.as_str(), 28),
            cut(&actors(e.actor1.as_ref(), e.actor2.as_ref()), 44),
            cut(&place(e.location.as_ref()), 26),
            deaths
        )?;
    }
    Ok(())
}

/// Prints incidents; a running total also gets its coverage gap (what the
/// single incidents it covers account for, and what they leave unexplained).
pub fn print_incidents(out: &mut dyn Write, store: &Store, incidents: &[Incident], json: bool) -> Result<()> {
    let gap = |i: &Incident| -> Result<Option<rasd_store::CoverageGap>> {
        Ok(if i.scope == rasd_core::Scope::Cumulative { store.coverage_gap(&i.id)? } else { None })
    };
    if json {
        for i in incidents {
            let mut v = serde_json::to_value(i)?;
            if let Some(g) = gap(i)? {
                v["coverage_gap"] = serde_json::to_value(g)?;
            }
            serde_json::to_writer(&mut *out, &v)?;
            out.write_all(b"\n")?;
        }
        return Ok(());
    }
    writeln!(
        out,
        "{:<28} {:<21} {:<28} {:<44} {:<26} {:>11} {:>7}",
        "ID", "DATE", "TYPE", "ACTORS", "PLACE", "DEATHS", "REPORTS"
    )?;
    for i in incidents {
        let deaths = i
            .fatalities
            .as_ref()
            .map(|f| if f.low == f.high { f.low.to_string() } else { format!("{}-{}-{}", f.low, f.best, f.high) })
            .unwrap_or_default();
        let total = if i.scope == rasd_core::Scope::Cumulative { " Σ" } else { "" };
        writeln!(
            out,
            "{} {} {} {} {} {:>11} {:>7}{total}",
            cut(&i.id, 28),
            cut(&date(&i.date), 21),
            cut(i.sub_event_type.as_str(), 28),
            cut(&actors(i.actor1.as_ref(), i.actor2.as_ref()), 44),
            cut(&place(i.location.as_ref()), 26),
            deaths,
            i.sources.len()
        )?;
        if let Some(g) = gap(i)? {
            let happenings = match (g.stated_count, g.missing_happenings) {
                (Some(n), Some(m)) if m > 0 => format!(" of the {n} it sums up ({m} with no report stored)"),
                _ => String::new(),
            };
            writeln!(
                out,
                "{:28} Σ running total of {}: {} single incident(s) stored{happenings} account for {}, {} unaccounted",
                "", g.total, g.covered, g.known, g.unaccounted
            )?;
        }
    }
    Ok(())
}
