//! The extraction core of rasd (رصد): text in, event records out.
//!
//! The stages follow DESIGN.md §2:
//!
//! - [`body`]: the article itself, without the blocks a site appends to
//!   every page (related stories);
//! - [`mentions`]: the text layer's [`rasd_text::Analysis`] plus every
//!   lexicon hit — triggers, actors (with back-references), places (resolved
//!   against the document's focus country), [`dates`], quantities and cues;
//! - [`frames`]: event frames around anchor triggers, per sentence, with
//!   continuations and running totals cut apart;
//! - [`coding`]: filters (negation, modality, background), ACLED/PLOVER
//!   coding, actor roles, place, date, toll, scope and source;
//! - [`Extractor::extract`]: one record per happening per document (the lede
//!   and the body merged), in the contract of DESIGN.md §4.
//!
//! Pure: no I/O, no global state; a [`rasd_lexicon::Lexicon`] is borrowed.

pub mod body;
pub mod coding;
pub mod dates;
pub mod frames;
pub mod mentions;

use coding::Coded;
use jiff::civil::Date;
use rasd_core::{
    Actor, CharIndex, Document, Event, EventDate, Evidence, Explain, Fatalities, GeoPrecision, Location, Plover, Scope,
    Source, Span, SubEventType, TimePrecision,
};
use rasd_lexicon::Lexicon;

/// Why a document could not be processed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    #[error(
        "document {id}: unreadable publication date {value:?} (expected YYYY-MM-DD, an ISO timestamp or RFC 2822)"
    )]
    BadDate { id: String, value: String },
    /// A bug in rasd met this document; the others of a batch go on.
    #[error("document {id}: internal error in extraction (please report it with the document): {message}")]
    Internal { id: String, message: String },
}

/// One event frame of a document and what became of it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FrameTrace {
    pub doc_id: String,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// The trigger words of the frame, with their character spans.
    pub triggers: Vec<(String, rasd_core::CharSpan)>,
    /// "coded: SUB-EVENT TYPE" or "dropped: REASON".
    pub outcome: String,
}

/// Extraction options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Add the trigger, frame and rules to each record.
    pub explain: bool,
}

/// The extractor: a lexicon and options.
#[derive(Debug, Clone, Copy)]
pub struct Extractor<'l> {
    lex: &'l Lexicon,
    opts: Options,
}

/// Parses a publication date: `YYYY-MM-DD`, an ISO timestamp, or RFC 2822
/// ("Thu, 01 Mar 2018 15:37:22 +0400").
pub fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(d) = s.get(..10).and_then(|p| p.parse::<Date>().ok()) {
        return Some(d);
    }
    if let Ok(z) = jiff::fmt::rfc2822::parse(s) {
        return Some(z.date());
    }
    s.parse::<Date>().ok()
}

impl<'l> Extractor<'l> {
    pub fn new(lex: &'l Lexicon, opts: Options) -> Extractor<'l> {
        Extractor { lex, opts }
    }

    /// All events of one document.
    pub fn extract(&self, doc: &Document) -> Result<Vec<Event>, ExtractError> {
        self.run(doc, None)
    }

    /// Like [`Extractor::extract`], also reporting every event frame rasd
    /// built and what became of it (coded, or dropped and why): the answer
    /// to "why did rasd not code this sentence?" (`rasd extract --trace`).
    pub fn trace(&self, doc: &Document) -> Result<(Vec<Event>, Vec<FrameTrace>), ExtractError> {
        let mut traces = Vec::new();
        let events = self.run(doc, Some(&mut traces))?;
        Ok((events, traces))
    }

    /// Runs the pipeline; a panic, which is a bug, fails this document only,
    /// so no caller has to guard a batch against it.
    fn run(&self, doc: &Document, trace: Option<&mut Vec<FrameTrace>>) -> Result<Vec<Event>, ExtractError> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.run_unguarded(doc, trace))).unwrap_or_else(|p| {
            let message = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            Err(ExtractError::Internal { id: doc.id.clone(), message })
        })
    }

    fn run_unguarded(
        &self,
        doc: &Document,
        mut trace: Option<&mut Vec<FrameTrace>>,
    ) -> Result<Vec<Event>, ExtractError> {
        let published = match doc.published.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(s) => Some(
                parse_published(s).ok_or_else(|| ExtractError::BadDate { id: doc.id.clone(), value: s.to_string() })?,
            ),
        };
        let a = self.lex.text.analyze(&doc.text[..body::body_len(&doc.text)]);
        let m = mentions::gather(self.lex, a, published);
        let frames = frames::build(self.lex, &m);
        let index = CharIndex::new(&doc.text);
        let mut coded: Vec<Coded> = Vec::with_capacity(frames.len());
        for f in &frames {
            let r = coding::code(self.lex, &m, f);
            if let Some(t) = trace.as_deref_mut() {
                t.push(FrameTrace {
                    doc_id: doc.id.clone(),
                    sentence: f.sentence,
                    triggers: f
                        .triggers
                        .iter()
                        .map(|&t| {
                            let tm = &m.triggers[t];
                            let span = m.a.span(tm.start, tm.end);
                            (span.slice(&doc.text).to_string(), index.char_span(&doc.text, span))
                        })
                        .collect(),
                    outcome: match &r {
                        Ok(c) => format!("coded: {}", c.sub.as_str()),
                        Err(d) => format!("dropped: {}", d.reason()),
                    },
                });
            }
            if let Ok(mut c) = r {
                // one record per place of a list (غارات على التحيتا وزبيد)
                let mut more = coding::coordinated_places(self.lex, &m, f, &c);
                // and a second blow told with its own verb (كما استهدفت ... في مديرية المضاربة)
                for p in coding::second_clause_places(self.lex, &m, f, &c) {
                    if more.iter().all(|q| q.place != p.place) {
                        more.push(p);
                    }
                }
                if !more.is_empty() {
                    c.list = Some(f.first());
                }
                let split: Vec<Coded> = more
                    .into_iter()
                    .map(|p| {
                        let mut d = c.clone();
                        d.place = Some(p);
                        // (the toll is the list's, told once)
                        d.toll = None;
                        d.rules.push("one record per place of a list");
                        d
                    })
                    .collect();
                coded.push(c);
                coded.extend(split);
            }
        }
        report_day_to_happening_day(&m, &mut coded);
        let others = TriggerMarks { another: another_happenings(&m), definite: definite_triggers(&m) };
        merge(self.lex, &others, &mut coded);
        join_told_crowd(self.lex, &m, &mut coded);
        fold_elaborations(self.lex, &mut coded);
        join_vague_places(self.lex, &mut coded);
        let lede = inherit_lede_place(self.lex, &m, &mut coded);
        strikes_inside_battles(self.lex, &m, &mut coded);
        if inherit_previous_place(self.lex, &m, &mut coded) || lede {
            // a record placed now may be the lede's happening told again
            merge(self.lex, &others, &mut coded);
        }
        if date_undated_by_later(&m, &mut coded) {
            // a lede dated now by a later record of its place may be that record's happening
            merge(self.lex, &others, &mut coded);
        }
        fold_killings_into_strikes(&mut coded);
        fold_totals_of_one_happening(self.lex, &mut coded);
        settle_tolls(&mut coded);
        // a violent record must say something specific (ACLED codes a
        // happening, not a statement about the war): at least two of a
        // named actor, a place below the region, its own date, a toll, a victim
        // named by rank or trade, or a bombing named by its device
        coded.retain(|c| !c.sub.is_violent() || specifics(c) >= 1);
        if historical_report(&m) {
            coded.clear();
        }
        Ok(coded.iter().enumerate().map(|(n, c)| self.record(doc, &m, &index, c, n + 1)).collect())
    }

    fn record(&self, doc: &Document, m: &mentions::Mentions<'_>, ix: &CharIndex, c: &Coded, n: usize) -> Event {
        let text = doc.text.as_str();
        let cs = |s: Span| ix.char_span(text, s);
        let lex = self.lex;
        let loc_country = c.place.as_ref().map(|p| lex.places.get(p.place).country.clone());
        let actor = |h: &mentions::ActorHit| {
            let span = m.a.span(h.start, h.end);
            let span = Span::new(span.start + h.pre_len.min(span.len()), span.end);
            let name = match (&loc_country, h.local) {
                (Some(cc), true) => format!("{} ({})", h.name, country_label(lex, cc)),
                _ => h.name.clone(),
            };
            Actor {
                name,
                text: span.slice(text).to_string(),
                inter: h.inter,
                country: h.country.clone(),
                wikidata: h.wikidata.clone(),
                span: Some(cs(span)),
            }
        };
        // ACLED codes a civilian group as Civilians (COUNTRY), the group itself
        // (Fishers, Journalists, Refugees/IDPs) as the associated actor: صيادين، صحفيين
        let civ = lex.actors.by_name("Civilians").map(|i| lex.actors.entry(i));
        let group = |h: &&mentions::ActorHit| h.inter == 7 && civ.is_some_and(|e| e.name != h.name);
        let civilians = |h: &mentions::ActorHit| match civ.filter(|_| group(&h)) {
            Some(e) => {
                mentions::ActorHit { backref: h.backref, ..mentions::ActorHit::entry(e, h.start, h.end, h.pre_len) }
            }
            None => h.clone(),
        };
        let location = c.place.as_ref().map(|p| {
            let pl = lex.places.get(p.place);
            Location {
                name: pl.name.clone(),
                text: p.span.slice(text).to_string(),
                country: Some(pl.country.clone()),
                admin1: pl.admin1.clone(),
                lat: pl.lat,
                lon: pl.lon,
                geo_precision: p.precision,
                gazetteer_id: Some(pl.id.clone()),
                offset_km: p.offset_km,
                bearing: p.bearing.clone(),
                span: (!p.span.is_empty()).then(|| cs(p.span)),
            }
        });
        let evidence_span =
            c.evidence.iter().copied().reduce(|x, y| if x.start <= y.start { x } else { y }).unwrap_or_default();
        let evidence = Evidence {
            start: cs(evidence_span).start,
            end: cs(evidence_span).end,
            text: evidence_span.slice(text).to_string(),
        };
        let trig = &m.triggers[c.anchor.min(m.triggers.len().saturating_sub(1))];
        let tspan = m.a.span(trig.start, trig.end);
        Event {
            id: format!("{}#{}", doc.id, n),
            doc_id: doc.id.clone(),
            event_type: c.sub.event_type(),
            sub_event_type: c.sub,
            plover: Plover { event: c.plover, mode: c.mode },
            actor1: c.actor1.as_ref().map(|h| actor(&civilians(h))),
            actor2: c.actor2.as_ref().map(|h| actor(&civilians(h))),
            assoc_actor1: c.actor1.as_ref().filter(|h| group(h)).map(actor).into_iter().collect(),
            assoc_actor2: c.actor2.as_ref().filter(|h| group(h)).map(actor).into_iter().collect(),
            location,
            date: EventDate {
                start: c.date.start.map(|d| d.to_string()),
                end: c.date.end.map(|d| d.to_string()),
                time_precision: c.date.precision,
                text: c.date.span.map(|s| s.slice(text).to_string()),
                span: c.date.span.map(cs),
            },
            fatalities: c.toll.as_ref().map(|t| Fatalities {
                min: t.min,
                max: t.max,
                qualifier: t.qualifier,
                text: t.span.slice(text).to_string(),
                span: Some(cs(t.span)),
            }),
            scope: c.scope,
            count: c.count,
            reported_by: c.source.as_ref().map(|s| Source {
                name: s.name.clone(),
                text: s.span.slice(text).to_string(),
                span: Some(cs(s.span)),
            }),
            evidence,
            evidence_all: if c.evidence.len() > 1 { c.evidence.iter().map(|s| cs(*s)).collect() } else { vec![] },
            confidence: confidence(c),
            explain: self.opts.explain.then(|| Explain {
                trigger: tspan.slice(text).to_string(),
                trigger_span: cs(tspan),
                rules: c.rules.iter().map(|r| r.to_string()).collect(),
            }),
        }
    }
}

/// "Libya" for LY, as ACLED writes it inside "Civilians (Libya)".
fn country_label(lex: &Lexicon, iso2: &str) -> String {
    if let Some(c) = lex.actors.country_by_iso2(iso2) {
        let n = &lex.actors.countries[c as usize].acled_name;
        return n.strip_prefix("the ").unwrap_or(n).to_string();
    }
    lex.places.country(iso2).map(|c| lex.places.get(c).name.clone()).unwrap_or_else(|| iso2.to_string())
}

/// How complete and direct the frame is.
fn confidence(c: &Coded) -> f32 {
    let mut s = 0.3;
    if c.specific {
        s += 0.1;
    }
    if c.actor1.is_some() {
        s += 0.15;
    }
    if c.actor2.is_some() {
        s += 0.1;
    }
    s += match c.place.as_ref().map(|p| p.precision) {
        Some(GeoPrecision::Town) => 0.15,
        Some(GeoPrecision::Near) => 0.1,
        Some(GeoPrecision::Region) => 0.05,
        None => 0.0,
    };
    if c.own_date {
        s += 0.1;
    }
    if c.toll.is_some() {
        s += 0.1;
    }
    ((s * 100.0f32).round() / 100.0).min(1.0)
}

fn same_actor(x: &Option<mentions::ActorHit>, y: &Option<mentions::ActorHit>, loose: bool) -> bool {
    match (x, y) {
        (Some(a), Some(b)) => a.name == b.name || (loose && one_side(a, b)),
        _ => true,
    }
}

/// The side an actor stands for: a state's government, army, police and air
/// force are one side of a happening (ضربة جوية نفذتها الحكومة ... القوات
/// الجوية الأفغانية); a named unit (Government of National Accord) stays its own.
fn side(name: &str) -> String {
    let name = name.strip_suffix(" (Air Force)").unwrap_or(name);
    ["Government of ", "Military Forces of ", "Police Forces of "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .map_or_else(|| name.to_string(), |country| format!("state: {country}"))
}

/// Whether two actor mentions of a document can be one party: the same side,
/// or an unnamed armed group and the named armed group the report blames
/// elsewhere (نفذ مسلحون هجوما ... استهدف تنظيم الدولة الإسلامية مبنى).
fn one_side(a: &mentions::ActorHit, b: &mentions::ActorHit) -> bool {
    let unnamed = |h: &mentions::ActorHit| h.generic && h.inter == 3;
    let named = |h: &mentions::ActorHit| !h.generic && matches!(h.inter, 2 | 3);
    a.name == b.name || side(&a.name) == side(&b.name) || (unnamed(a) && named(b)) || (unnamed(b) && named(a))
}

/// Whether two records share a party (or one names none); `loose` lets a
/// state's forces stand for it and an unnamed group for a named one.
fn shared_party(x: &Coded, y: &Coded, loose: bool) -> bool {
    let xs: Vec<&mentions::ActorHit> = [&x.actor1, &x.actor2].into_iter().flatten().collect();
    let ys: Vec<&mentions::ActorHit> = [&y.actor1, &y.actor2].into_iter().flatten().collect();
    xs.is_empty()
        || ys.is_empty()
        || xs.iter().any(|a| ys.iter().any(|b| a.name == b.name || (loose && one_side(a, b))))
}

/// Whether place `b` lies inside place `a` (or is it): a country holds its
/// places, a province (admin-1) the towns of its own admin-1 code.
fn within(lex: &Lexicon, a: &coding::PlaceChoice, b: &coding::PlaceChoice) -> bool {
    if a.place == b.place || (a.country && a.cc == b.cc) {
        return true;
    }
    let (pa, pb) = (lex.places.get(a.place), lex.places.get(b.place));
    pa.kind == rasd_lexicon::PlaceKind::Admin1
        && pb.kind == rasd_lexicon::PlaceKind::City
        && pa.country == pb.country
        && pa.admin1.is_some()
        && pa.admin1 == pb.admin1
}

/// Whether two places are known to be apart: two towns, two provinces, or a
/// province and a town of another province of one country (the gazetteer's
/// admin-1 codes; قصف على دوما ... غارات على إدلب). A region (وسط مالي) or a
/// place of unknown province may be anywhere.
fn apart(lex: &Lexicon, a: &coding::PlaceChoice, b: &coding::PlaceChoice) -> bool {
    use rasd_lexicon::PlaceKind::{Admin1, City};
    if within(lex, a, b) || within(lex, b, a) {
        return false;
    }
    if a.precision == GeoPrecision::Town && b.precision == GeoPrecision::Town {
        return true;
    }
    let (pa, pb) = (lex.places.get(a.place), lex.places.get(b.place));
    let coded = |p: &rasd_lexicon::Place| matches!(p.kind, Admin1 | City) && p.admin1.is_some();
    pa.country == pb.country
        && coded(pa)
        && coded(pb)
        && (pa.kind == Admin1 || pb.kind == Admin1)
        && pa.admin1 != pb.admin1
}

/// Whether two records are at one place: the same one, or one inside the
/// other (a country and a place in it, a province and its town); a province
/// and a town of another are not.
fn one_place(lex: &Lexicon, x: &Coded, y: &Coded) -> bool {
    match (&x.place, &y.place) {
        (Some(a), Some(b)) => within(lex, a, b) || within(lex, b, a),
        // (a record not placed yet may be of anywhere)
        _ => false,
    }
}

/// Whether two coded frames report one happening (lede and body).
/// How many of the specifics of a happening a record has.
fn specifics(c: &Coded) -> usize {
    let actor = c.actor1.is_some() || c.actor2.is_some();
    let place = c.place.as_ref().is_some_and(|p| p.precision < GeoPrecision::Region);
    let toll = c.toll.as_ref().is_some_and(|t| t.min.is_some() || t.qualifier == rasd_core::Qualifier::Vague)
        && !c.rules.contains(&coding::SINGULAR_VICTIM);
    // a bombing named by its device (انفجار عبوة ناسفة، تفجير انتحاري) is one happening by itself
    let device = c.specific
        && c.scope == Scope::Event
        && matches!(c.sub, SubEventType::RemoteExplosive | SubEventType::SuicideBomb | SubEventType::Grenade);
    [actor, place, c.own_date, toll, c.named_victim, device].into_iter().filter(|&b| b).count()
}

fn compatible(lex: &Lexicon, x: &Coded, y: &Coded) -> bool {
    // (the places of one list are one event each, and a record of a list is told again
    // only at its own place, or by a mention of its province or country: قتل 8 في البيضاء)
    let precise = |c: &Coded| c.place.as_ref().is_some_and(|p| !p.country && p.precision == GeoPrecision::Town);
    let elsewhere = precise(x) && precise(y) && !one_place(lex, x, y);
    if (x.list.is_some() && x.list == y.list) || ((x.list.is_some() || y.list.is_some()) && elsewhere) {
        return false;
    }
    let family = x.sub.event_type() == y.sub.event_type();
    // two wordings of one party (الحكومة / القوات الأفغانية، مسلحون / تنظيم الدولة)
    // join only at one place: elsewhere they may be two fights
    // (and on days that do not disagree, even days read off the reporting verb)
    let loose = one_place(lex, x, y) && texted_days_agree(x, y);
    let actors = shared_party(x, y, loose);
    let roles = (same_actor(&x.actor1, &y.actor1, loose) && same_actor(&x.actor2, &y.actor2, loose))
        || (same_actor(&x.actor1, &y.actor2, loose) && same_actor(&x.actor2, &y.actor1, loose));
    let tolls = match (&x.toll, &y.toll) {
        (Some(a), Some(b)) => {
            a.min == b.min
                || a.qualifier == rasd_core::Qualifier::Vague
                || b.qualifier == rasd_core::Qualifier::Vague
                || same_spot_and_day(x, y)
        }
        _ => true,
    };
    let dates = !(x.own_date && y.own_date) || days_agree(&x.date, &y.date);
    // (places that contain each other: the town and its province, not a town of another province)
    let places = match (&x.place, &y.place) {
        (Some(a), Some(b)) => !apart(lex, a, b),
        _ => true,
    };
    // and something positive says it is the same happening
    // (an unnamed group is no positive sign; a state's army and its government are)
    let eq = |p: &Option<mentions::ActorHit>, q: &Option<mentions::ActorHit>| matches!((p, q), (Some(a), Some(b)) if side(&a.name) == side(&b.name));
    let shared = eq(&x.actor1, &y.actor1)
        || matches!((&x.toll, &y.toll), (Some(a), Some(b)) if a.min.is_some() && a.min == b.min)
        || (x.own_date && y.own_date && x.date.start == y.date.start)
        || matches!((&x.place, &y.place), (Some(a), Some(b)) if a.place == b.place && a.precision != GeoPrecision::Region)
        || (x.sub.event_type() == rasd_core::EventType::Battles && actors);
    family && x.scope == y.scope && actors && roles && tolls && dates && places && shared
}

/// Whether two records tell of one place (below the region) and one day read
/// from the text: there, tolls that disagree are one happening's disputed or
/// partial counts (ACLED: one event per actor pair, place and day), not two
/// happenings (قتلت الضربة 35 من طالبان ... وقالت طالبان إن الضربة قتلت 150).
fn same_spot_and_day(x: &Coded, y: &Coded) -> bool {
    let texted = |c: &Coded| (c.own_date || c.date.span.is_some()) && c.date.precision == TimePrecision::Day;
    matches!((&x.place, &y.place), (Some(a), Some(b))
        if a.place == b.place && !a.country && a.precision < GeoPrecision::Region)
        && texted(x)
        && texted(y)
        && x.date.start.is_some()
        && x.date.start == y.date.start
}

/// Whether two dates can be one happening's: the same day, or a day inside
/// the other's week or month so far.
fn days_agree(a: &coding::DateChoice, b: &coding::DateChoice) -> bool {
    a.start == b.start || day_within(a, b) || day_within(b, a)
}

/// Whether the days two records read from the text (their own, or one on the
/// reporting verb) do not disagree.
fn texted_days_agree(x: &Coded, y: &Coded) -> bool {
    let texted = |c: &Coded| c.own_date || c.date.span.is_some();
    !(texted(x) && texted(y)) || days_agree(&x.date, &y.date)
}

/// Whether `d` is a day inside the week, or the month so far, `r` (أوائل هذا
/// الشهر ... في التاسع من أغسطس); a whole past month (في نيسان الماضي) is too
/// wide to say two reports tell one happening.
fn day_within(d: &coding::DateChoice, r: &coding::DateChoice) -> bool {
    let so_far = |b: Date| r.precision == TimePrecision::Week || b != b.last_of_month();
    d.precision == TimePrecision::Day
        && matches!(r.precision, TimePrecision::Week | TimePrecision::Month)
        && matches!((d.start, r.start, r.end), (Some(x), Some(a), Some(b)) if a <= x && x <= b && so_far(b))
}

/// Merges records of one happening: a later frame that adds nothing new, or
/// a back-reference (الضربة الجديدة التي شنت الأحد), joins the earlier one
/// and lends it what it lacks.
fn merge(lex: &Lexicon, others: &TriggerMarks, coded: &mut Vec<Coded>) {
    let mut out: Vec<Coded> = Vec::with_capacity(coded.len());
    'next: for c in coded.drain(..) {
        // a back-reference lends its own date to the last event of its type
        if c.coref {
            let target = out.iter_mut().rev().find(|o| {
                o.scope == Scope::Event
                    && o.sub.is_violent()
                    && (!c.specific || o.sub.event_type() == c.sub.event_type())
            });
            if let Some(o) = target {
                if c.own_date && !o.own_date {
                    o.date = c.date;
                    o.own_date = true;
                }
                o.evidence.extend(c.evidence);
                o.rules.push("a later back-reference (الضربة الجديدة) gives its date");
                continue 'next;
            }
            // a dated back-reference to a running total tells one day of it, a happening
            // of its own there (قتلوا هذا الأسبوع في اشتباكات ... واندلعت الاشتباكات، الإثنين)
            let total = out.iter().rev().find(|o| {
                o.scope == Scope::Cumulative && o.sub.is_violent() && o.sub.event_type() == c.sub.event_type()
            });
            if let (Some(o), true, true) = (total, c.own_date, c.scope == Scope::Event) {
                let mut c = c;
                if c.place.as_ref().is_none_or(|p| p.country) {
                    c.place = o.place.clone();
                }
                if c.actor1.is_none() && c.actor2.is_none() {
                    c.actor1 = o.actor1.clone();
                    c.actor2 = o.actor2.clone();
                }
                c.sub = o.sub;
                c.rules.push("a dated back-reference to a running total is a day of it");
                out.push(c);
            }
            // a back-reference with nothing to refer to is not an event of its own
            continue 'next;
        }
        for o in out.iter_mut().rev() {
            let same_sub = o.sub == c.sub || (c.coref && o.sub.event_type() == c.sub.event_type());
            // (tolls that disagree join at one place and day, but not another happening's)
            let another = others.another.contains(&c.anchor) && !same_toll(o, &c);
            if same_sub && !another && (compatible(lex, o, &c) || the_same_told_again(others, o, &c)) {
                absorb(o, c);
                continue 'next;
            }
        }
        out.push(c);
    }
    *coded = out;
}

/// The triggers of sentences that tell another happening than one told
/// before (وفي هجوم آخر ... قتلوا 3 أشخاص، غارة ثانية): they join no earlier record.
fn another_happenings(m: &mentions::Mentions<'_>) -> Vec<usize> {
    let n = m.a.tokens.len();
    // (آخر before its noun is "the last": انسحبت آخر دفعة)
    let after = |k: usize| {
        k >= n
            || m.a.tokens[k].kind == rasd_text::TokenKind::Punct
            || matches!(m.a.norm(k), "في" | "علي" | "قرب" | "نفسه" | "استهدف")
    };
    let another = |k: usize| match m.a.norm(k) {
        "اخري" | "ثان" => true,
        "اخر" => after(k + 1),
        _ => false,
    };
    // (the marked trigger and those after it in its sentence)
    let marked: Vec<usize> = m.triggers.iter().filter(|t| t.end < n && another(t.end)).map(|t| t.start).collect();
    (0..m.triggers.len())
        .filter(|&i| {
            let t = &m.triggers[i];
            marked.iter().any(|&s| s <= t.start && m.a.sentence_of(s) == m.a.sentence_of(t.start))
        })
        .collect()
}

/// Marks on a document's triggers that merging reads.
struct TriggerMarks {
    /// Triggers of a happening told as another one (وفي هجوم آخر).
    another: Vec<usize>,
    /// Triggers that are definite nouns (الضربة الجوية، الهجوم).
    definite: Vec<usize>,
}

/// The triggers that are definite nouns: a happening named again (قالت طالبان إن الضربة
/// الجوية قتلت 150).
fn definite_triggers(m: &mentions::Mentions<'_>) -> Vec<usize> {
    let n = m.a.tokens.len();
    (0..m.triggers.len())
        .filter(|&i| {
            let k = m.triggers[i].start;
            k < n && {
                let w = m.a.norm(k);
                w.starts_with("ال") || w.starts_with("وال")
            }
        })
        .collect()
}

/// A happening named again by a definite noun (الضربة الجوية) with no attacker of its own, at
/// the place and on the day of a record of its type, is that record, whoever the sources say
/// died (قتلت 35 من طالبان ... قالت طالبان إن الضربة الجوية قتلت 150 من رجال الدين والمدنيين).
fn the_same_told_again(marks: &TriggerMarks, o: &Coded, c: &Coded) -> bool {
    marks.definite.contains(&c.anchor)
        && c.actor1.is_none()
        && o.scope == Scope::Event
        && c.scope == Scope::Event
        && o.list.is_none()
        && c.list.is_none()
        && same_spot_and_day(o, c)
}

/// Whether two records tell no different tolls.
fn same_toll(x: &Coded, y: &Coded) -> bool {
    match (&x.toll, &y.toll) {
        (Some(a), Some(b)) => a.min == b.min,
        _ => true,
    }
}

/// The exact or at-least toll of an event-scope record of a happening.
fn counted_toll(c: &Coded) -> Option<u32> {
    let t = c.toll.as_ref()?;
    let countable = matches!(t.qualifier, rasd_core::Qualifier::Exact | rasd_core::Qualifier::AtLeast);
    (c.scope == Scope::Event && c.sub.event_type() != rasd_core::EventType::StrategicDevelopments && countable)
        .then_some(t.min)
        .flatten()
        .filter(|&n| n > 0)
}

/// Keeps one document's deaths counted once (ACLED: a summary total is not an
/// event; the single events carry their own counts):
/// - a toll told first and then split over later records of the same day is
///   that day's total, not a happening: 42 مدنيا قتلوا جراء الغارات ... مقتل 31 ... مقتل 11;
/// - a later record of the same day and area that repeats an earlier toll
///   tells the same deaths again and keeps no toll of its own: قتل أربعة
///   فلسطينيين ... وأعلن الناطق مقتل أربعة فلسطينيين الجمعة.
fn settle_tolls(coded: &mut Vec<Coded>) {
    let same_day = |x: &Coded, y: &Coded| x.date.start.is_some() && x.date.start == y.date.start;
    // the parts of a total are distinct deaths, whatever their tolls (52 = 26 + 26)
    let mut part = vec![false; coded.len()];
    for i in 0..coded.len() {
        let Some(total) = counted_toll(&coded[i]) else { continue };
        let start = coded[i].toll.as_ref().map_or(0, |t| t.span.start);
        let parts: Vec<(usize, u32)> = (0..coded.len())
            .filter(|&j| same_day(&coded[j], &coded[i]) && coded[j].toll.as_ref().is_some_and(|t| t.span.start > start))
            .filter_map(|j| counted_toll(&coded[j]).map(|n| (j, n)))
            .filter(|&(_, n)| n < total)
            .collect();
        if let Some(used) = summing_to(&parts, total) {
            coded[i].scope = Scope::Cumulative;
            coded[i].rules.push("a total told before the records that split it");
            for j in used {
                part[j] = true;
            }
        }
    }
    let mut gone = vec![false; coded.len()];
    for j in 0..coded.len() {
        let Some(n) = counted_toll(&coded[j]) else { continue };
        let span = coded[j].toll.as_ref().map(|t| t.span);
        let told = (0..j).filter(|&i| !gone[i]).find(|&i| {
            let c = &coded[i];
            let area = match (&c.place, &coded[j].place) {
                (Some(x), Some(y)) => {
                    x.place == y.place
                        || (n >= 2
                            && x.cc == y.cc
                            && (x.precision != GeoPrecision::Town || y.precision != GeoPrecision::Town))
                }
                _ => n >= 2,
            };
            !part[i]
                && !part[j]
                && counted_toll(c) == Some(n)
                && c.toll.as_ref().map(|t| t.span) != span
                && same_day(c, &coded[j])
                && area
        });
        let Some(i) = told else { continue };
        // a bare killing with no attacker named (وأعلن الناطق مقتل أربعة فلسطينيين الجمعة) that
        // repeats the toll of a violent happening of another type told before (shots at a protest
        // among them) is those deaths told again
        // (two or more: one more death may be another one, وقتل مواطن آخر)
        let bare_killing = n >= 2
            && coded[j].sub == SubEventType::Attack
            && coded[j].actor1.as_ref().is_none_or(|a| a.generic)
            && coded[j].rules.contains(&"a killing with no armed opponent is an attack")
            && (coded[i].sub.is_violent() || coded[i].sub == SubEventType::ExcessiveForce)
            && coded[i].scope == Scope::Event;
        if coded[i].sub.event_type() == coded[j].sub.event_type() || bare_killing {
            // one happening told twice: one record
            let c = coded[j].clone();
            absorb(&mut coded[i], c);
            coded[i].rules.push("a later record repeating its toll joins it");
            gone[j] = true;
        } else {
            coded[j].toll = None;
            coded[j].rules.push("repeats the toll of an earlier record");
        }
    }
    drop_marked(coded, &gone);
}

/// Which of `parts` (record, toll; each toll below `total`, so two or more)
/// add up to `total`.
fn summing_to(parts: &[(usize, u32)], total: u32) -> Option<Vec<usize>> {
    let total = total as usize;
    if total > 10_000 || parts.len() < 2 {
        return None;
    }
    // from[s] = the part that first reached the sum s, and the sum before it
    let mut from: Vec<Option<(usize, usize)>> = vec![None; total + 1];
    let mut reach = vec![false; total + 1];
    reach[0] = true;
    for (k, &(_, p)) in parts.iter().enumerate() {
        let p = p as usize;
        for s in (p..=total).rev() {
            if !reach[s] && reach[s - p] {
                reach[s] = true;
                from[s] = Some((k, s - p));
            }
        }
    }
    let mut used = vec![];
    let mut s = total;
    while s > 0 {
        let (k, prev) = from[s]?;
        used.push(parts[k].0);
        s = prev;
    }
    Some(used)
}

/// A bombardment or a bombing is often told twice: by its weapon (قصف،
/// غارات، تفجير) and by its dead (ارتكبت الميليشيات مجزرة ... ذهب ضحيتها 9
/// قتلى): an attack on civilians at the very place and day of a remote-violence
/// record of the same attacker (or of none named, or an unnamed group) is
/// that record's toll, not a happening of its own (ACLED: civilians killed by
/// shelling are Explosions/Remote violence).
fn fold_killings_into_strikes(coded: &mut Vec<Coded>) {
    let mut gone = vec![false; coded.len()];
    for i in 0..coded.len() {
        let c = &coded[i];
        if c.sub != SubEventType::Attack || c.scope != Scope::Event {
            continue;
        }
        let target = (0..coded.len()).find(|&j| {
            let o = &coded[j];
            let attacker = match (&c.actor1, &o.actor1) {
                (Some(a), Some(b)) => one_side(a, b),
                (Some(a), None) => a.generic,
                _ => true,
            };
            !gone[j]
                && j != i
                && o.scope == Scope::Event
                && o.sub.event_type() == rasd_core::EventType::Explosions
                && matches!((&c.place, &o.place), (Some(a), Some(b)) if a.place == b.place && !a.country)
                && c.date.start.is_some()
                && c.date.start == o.date.start
                && attacker
        });
        if let Some(j) = target {
            let c = coded[i].clone();
            let o = &mut coded[j];
            let killer = o.actor1.clone();
            absorb_as(o, c, true);
            // (the weapon's wielder stays the attacker)
            if killer.is_some() {
                o.actor1 = killer;
            }
            o.rules.push("the killings at its place and day are its toll");
            gone[i] = true;
        }
    }
    drop_marked(coded, &gone);
}

/// A toll over days that counts exactly the dead of one happening of its kind told in the
/// document, at its place and inside its days, is that happening told again, not a running
/// total (قتل أربعة جنود ... في هجوم بعبوة ناسفة ... وأوردت القوة أن حصيلة موقتة تفيد أن أربعة
/// جنود قضوا إثر انفجار لغم).
fn fold_totals_of_one_happening(lex: &Lexicon, coded: &mut Vec<Coded>) {
    let mut gone = vec![false; coded.len()];
    for i in 0..coded.len() {
        let c = &coded[i];
        let Some(n) = c.toll.as_ref().and_then(|t| t.min).filter(|&n| n > 0) else { continue };
        if c.scope != Scope::Cumulative || !c.sub.is_violent() || c.list.is_some() {
            continue;
        }
        let target = (0..coded.len()).find(|&j| {
            let o = &coded[j];
            !gone[j]
                && j != i
                && o.scope == Scope::Event
                && o.sub == c.sub
                && o.toll.as_ref().and_then(|t| t.min) == Some(n)
                && o.date.precision == TimePrecision::Day
                && (o.date.start == c.date.start || within_range(&o.date, &c.date))
                && one_place(lex, o, c)
        });
        if let Some(j) = target {
            let c = coded[i].clone();
            let o = &mut coded[j];
            let (date, own, a1, a2) = (o.date.clone(), o.own_date, o.actor1.clone(), o.actor2.clone());
            absorb(o, c);
            // (the happening keeps its own day and parties: a total's are read more loosely)
            o.date = date;
            o.own_date = own;
            o.actor1 = a1;
            o.actor2 = a2;
            o.rules.push("a toll over days that counts only its dead is it told again");
            gone[i] = true;
        }
    }
    drop_marked(coded, &gone);
}

/// Removes the records marked in `gone` (one flag per record, in order).
fn drop_marked(coded: &mut Vec<Coded>, gone: &[bool]) {
    let mut flags = gone.iter();
    coded.retain(|_| !flags.next().copied().unwrap_or(false));
}

/// Whether the day `d` lies inside the days of `r`.
fn within_range(d: &coding::DateChoice, r: &coding::DateChoice) -> bool {
    matches!((d.start, r.start, r.end), (Some(x), Some(a), Some(b)) if a <= x && x <= b)
}

/// Whether a record places and dates nothing of its own: no place below
/// the country and no date of its own words.
fn unplaced_undated(lex: &Lexicon, c: &Coded) -> bool {
    let placed = c
        .place
        .as_ref()
        .is_some_and(|p| !p.span.is_empty() && lex.places.get(p.place).kind != rasd_lexicon::PlaceKind::Country);
    !placed && !c.own_date && c.scope == Scope::Event
}

/// A report tells its main happening first and then elaborates on it
/// (who said what, the toll, the weapon): a later event of a document with
/// no place below the country and no date of its own is one of those
/// elaborations, not a happening of its own (ACLED: one event per actor
/// pair, place and day). It joins the document's first record of its type,
/// or, for a violent one, falls away when the document has a placed or
/// dated violent record already.
fn fold_elaborations(lex: &Lexicon, coded: &mut Vec<Coded>) {
    let mut out: Vec<Coded> = Vec::with_capacity(coded.len());
    let all: Vec<Coded> = std::mem::take(coded);
    let anchored: Vec<bool> = all.iter().map(|c| !unplaced_undated(lex, c)).collect();
    for (i, c) in all.into_iter().enumerate() {
        if anchored[i] || out.is_empty() {
            out.push(c);
            continue;
        }
        if let Some(o) = out.iter_mut().find(|o| o.scope == Scope::Event && o.sub.event_type() == c.sub.event_type()) {
            absorb_elaboration(o, c);
            continue;
        }
        if c.sub.is_violent() && out.iter().any(|o| o.sub.is_violent() && o.scope == Scope::Event) {
            continue;
        }
        out.push(c);
    }
    *coded = out;
}

/// "The protesters" of a later sentence are the crowd told before: with no day of its own
/// and no place fronted as a new scene (وفي الناصرية، ...), a peaceful protest named only by
/// them joins the document's earlier protest, whatever place their words mention
/// (ورفع المتظاهرون صوراً لمدنيين قتلوا في الهجوم التركي على عفرين).
fn join_told_crowd(lex: &Lexicon, m: &mentions::Mentions<'_>, coded: &mut Vec<Coded>) {
    let a = &m.a;
    let mut out: Vec<Coded> = Vec::with_capacity(coded.len());
    for c in coded.drain(..) {
        let tok = m.triggers.get(c.anchor).map(|t| t.start);
        let told = tok.is_some_and(|i| {
            let s = a.sentence_of(i);
            let first = a.sentences.get(s).map(|x| x.tokens.start);
            let new_scene = first.is_some_and(|k| matches!(a.norm(k), "وفي" | "في"));
            // (not a crowd counted or placed anew: المئات من المتظاهرين في محافظة المثنى تجمعوا;
            // nor one told of an earlier time: وكان المحتجون قد نجحوا في وقت سابق)
            let prev = (i > 0).then(|| a.norm(i - 1).trim_start_matches('و'));
            let counted = i > 0 && a.tokens[i - 1].kind == rasd_text::TokenKind::Number
                || matches!(prev, Some("من" | "مئات" | "الاف" | "عشرات" | "المئات" | "الالاف" | "العشرات"));
            let placed = m.places.iter().any(|p| p.start > i && p.start <= i + 3);
            let earlier = first.is_some_and(|k| {
                (k..i).any(|j| matches!(a.norm(j), "كان" | "وكان" | "كانوا" | "وكانوا"))
                    || a.sentences[s].tokens.clone().any(|j| a.norm(j) == "سابق")
            });
            s > 0
                && !new_scene
                && !counted
                && !placed
                && !earlier
                && matches!(
                    a.norm(i).trim_start_matches('و'),
                    "المتظاهرون" | "المتظاهرين" | "المحتجون" | "المحتجين" | "المعتصمون" | "المعتصمين"
                )
        });
        let country = |x: &Coded| x.place.as_ref().map(|p| lex.places.get(p.place).country.clone());
        if told && c.sub == SubEventType::PeacefulProtest && c.scope == Scope::Event && !c.own_date {
            let target = out.iter_mut().find(|o| {
                o.sub.event_type() == rasd_core::EventType::Protests
                    && o.scope == Scope::Event
                    && (country(&c).is_none() || country(o) == country(&c))
            });
            if let Some(o) = target {
                absorb_elaboration(o, c);
                o.rules.push("\"the protesters\" of a later sentence are the crowd told before");
                continue;
            }
        }
        out.push(c);
    }
    *coded = out;
}

fn absorb_elaboration(o: &mut Coded, mut c: Coded) {
    align_actors(o, &mut c);
    join_toll(o, &c, true, false);
    more_named(&mut o.actor1, &c.actor1);
    more_named(&mut o.actor2, &c.actor2);
    if o.actor1.is_none() && c.actor1.as_ref().is_none_or(|h| o.actor2.as_ref().is_none_or(|x| !one_side(x, h))) {
        o.actor1 = c.actor1;
    }
    if o.actor2.is_none() && c.actor2.as_ref().is_none_or(|h| o.actor1.as_ref().is_none_or(|x| !one_side(x, h))) {
        o.actor2 = c.actor2;
    }
    if o.source.is_none() {
        o.source = c.source;
    }
    o.evidence.extend(c.evidence);
    o.rules.push("a later elaboration with no place or date of its own joins it");
}

/// Whether a record's place is no finer than a country.
fn vague_place(lex: &Lexicon, c: &Coded) -> bool {
    c.place
        .as_ref()
        .is_none_or(|p| p.span.is_empty() || lex.places.get(p.place).kind == rasd_lexicon::PlaceKind::Country)
}

/// A lede often places its happening only in a country (غارات ... وسط
/// اليمن) and a later sentence names the town, or the other way round with
/// the day: two records of one type where one has only the country and
/// their own dates do not disagree are one happening told twice; the
/// merged record keeps the finer place and the own date.
fn join_vague_places(lex: &Lexicon, coded: &mut Vec<Coded>) {
    let mut out: Vec<Coded> = Vec::with_capacity(coded.len());
    'next: for c in coded.drain(..) {
        for o in out.iter_mut() {
            let same = o.sub.event_type() == c.sub.event_type() && o.scope == c.scope && o.scope == Scope::Event;
            let vague = (vague_place(lex, o) || vague_place(lex, &c)) && !(vague_place(lex, o) && vague_place(lex, &c));
            // (two days read from the text must agree, even one on the reporting verb)
            let dates = texted_days_agree(o, &c);
            let same_country = match (&o.place, &c.place) {
                (Some(a), Some(b)) => lex.places.get(a.place).country == lex.places.get(b.place).country,
                _ => true,
            };
            let tolls = match (&o.toll, &c.toll) {
                (Some(a), Some(b)) => a.min.is_none() || b.min.is_none() || a.min == b.min,
                _ => true,
            };
            let actors = shared_party(o, &c, o.sub == c.sub);
            if same && vague && dates && same_country && tolls && actors {
                if vague_place(lex, o) {
                    o.place = c.place.clone();
                }
                if c.own_date && (!o.own_date || day_within(&c.date, &o.date)) {
                    o.date = c.date.clone();
                    o.own_date = true;
                }
                absorb_elaboration(o, c);
                o.rules.push("a country-level mention and a placed one of the same happening joined");
                continue 'next;
            }
        }
        out.push(c);
    }
    *coded = out;
}

/// A lede often dates only its report (قال قرويون، الثلاثاء، إنهم دفنوا
/// ضحايا ضربة جوية) and the next sentences give the happening's own day
/// (وأعلن مكتب الحاكم إن هجوم، الاثنين، الذي نفذته القوات الجوية): a record
/// dated by the day of a reporting verb takes the earlier day, at most two
/// before, of a record of the same type in one of the two next sentences,
/// when that day is no reporting verb's and their places do not disagree.
fn report_day_to_happening_day(m: &mentions::Mentions<'_>, coded: &mut [Coded]) {
    let a = &m.a;
    let n = a.tokens.len();
    // the date mention a record's date was read from, and whether it is a reporting verb's
    // (right before its إن: قالت طالبان، الاثنين، إن)
    let mention = |c: &Coded| {
        let sp = c.date.span?;
        let d = m.dates.iter().find(|d| a.span(d.start, d.end) == sp)?;
        let next = (d.end..n.min(d.end + 3)).find(|&i| a.tokens[i].kind != rasd_text::TokenKind::Punct);
        let report = next.is_some_and(|i| matches!(a.norm(i), "ان" | "انه" | "انها" | "انهم" | "بان" | "بانه"));
        Some((a.sentence_of(d.start), report))
    };
    let info: Vec<Option<(usize, bool)>> = coded.iter().map(mention).collect();
    for i in 0..coded.len() {
        let Some((si, true)) = info[i] else { continue };
        let (Some(day), TimePrecision::Day, Scope::Event) =
            (coded[i].date.start, coded[i].date.precision, coded[i].scope)
        else {
            continue;
        };
        let earlier = (0..coded.len()).find(|&j| {
            let o = &coded[j];
            let Some((sj, false)) = info[j] else { return false };
            let places = match (&o.place, &coded[i].place) {
                (Some(x), Some(y)) => x.place == y.place || x.country || y.country,
                _ => true,
            };
            j != i
                && sj > si
                && sj <= si + 2
                && o.own_date
                && o.scope == Scope::Event
                && o.sub == coded[i].sub
                && o.date.precision == TimePrecision::Day
                && o.date.start.is_some_and(|x| x < day && day.since(x).is_ok_and(|s| s.get_days() <= 2))
                && places
        });
        if let Some(j) = earlier {
            coded[i].date = coded[j].date.clone();
            coded[i].rules.push("takes the happening's day a next sentence gives, not the report's");
        }
    }
}

/// A lede often gives no day, and the body does (وقع الهجوم الثلاثاء): an
/// undated record (its date is only the publication's) takes the day of a
/// later record of the same place, when that day is one of the week before
/// publication.
fn date_undated_by_later(m: &mentions::Mentions<'_>, coded: &mut [Coded]) -> bool {
    let Some(p) = m.published else { return false };
    let mut dated_by_record = false;
    let recent = |d: Date| d <= p && p.since(d).is_ok_and(|s| s.get_days() <= 7);
    for i in 0..coded.len() {
        if coded[i].own_date || coded[i].date.span.is_some() || coded[i].scope != Scope::Event {
            continue;
        }
        // (not when its own sentence names a day, read or not: اليوم الأحد)
        let sentence = m.triggers.get(coded[i].anchor).map(|t| m.a.sentence_of(t.start));
        if m.dates.iter().any(|d| Some(m.a.sentence_of(d.start)) == sentence && d.year_only.is_none()) {
            continue;
        }
        let Some(place) = coded[i].place.as_ref().filter(|x| !x.country && !x.span.is_empty()).map(|x| x.place) else {
            continue;
        };
        let later = coded.iter().skip(i + 1).find(|o| {
            o.own_date
                && o.scope == Scope::Event
                && o.date.precision == TimePrecision::Day
                && o.date.start.is_some_and(recent)
                && o.place.as_ref().is_some_and(|x| x.place == place)
        });
        if let Some(date) = later.map(|o| o.date.clone()) {
            coded[i].date = date;
            coded[i].rules.push("takes the day a later sentence gives its place");
            dated_by_record = true;
            continue;
        }
        // or a day a later sentence of the lede's paragraph gives a happening word at its place,
        // though no record came of it (شهود عيان في مدينة أوباري قالوا إن انفجارا كبيرا سمع
        // منتصف يوم السبت); not a reporting verb's day (قالت ..., السبت، إن)
        let Some(s) = sentence.filter(|&s| s == 0) else { continue };
        let n = m.a.tokens.len();
        let day = m.dates.iter().find(|d| {
            let ds = m.a.sentence_of(d.start);
            let report = (d.end..n.min(d.end + 3))
                .find(|&k| m.a.tokens[k].kind != rasd_text::TokenKind::Punct)
                .is_some_and(|k| matches!(m.a.norm(k), "ان" | "انه" | "انها" | "انهم" | "بان" | "بانه"));
            // (not a deadline or a bound: بحلول مساء الأربعاء، حتى الخميس)
            let bound = d.start > 0
                && matches!(
                    m.a.norm(d.start - 1).trim_start_matches('و'),
                    "بحلول" | "حتي" | "قبل" | "بعد" | "موعد" | "منذ"
                );
            ds > s
                && ds <= s + 5
                && !report
                && !bound
                && !d.since
                && d.year_only.is_none()
                && d.precision == TimePrecision::Day
                && d.date.is_some_and(recent)
                && m.places.iter().any(|p| m.a.sentence_of(p.start) == ds && p.chosen() == place)
                && m.triggers.iter().any(|t| m.a.sentence_of(t.start) == ds)
        });
        if let Some(d) = day {
            coded[i].date = coding::DateChoice {
                start: d.date,
                end: d.until.or(d.date),
                precision: d.precision,
                span: Some(m.a.span(d.start, d.end)),
            };
            coded[i].rules.push("takes the day a later sentence gives a happening at its place");
        }
    }
    dated_by_record
}

/// A chronology or an anniversary piece (بعد ثلاثة أسابيع من قصف جوي بدأ في
/// 20 آذار/مارس 2003 ... في التاسع من نيسان دخلت القوات): its lede dates the
/// story to a year at least two before publication, the text names such years
/// more than once, and nothing ties it to the days of publication (no weekday,
/// أمس، اليوم، الليلة، this year's number). Its year-less days are that past
/// year's, so it reports no current event.
fn historical_report(m: &mentions::Mentions<'_>) -> bool {
    let Some(p) = m.published else { return false };
    let a = &m.a;
    let year_at = |i: usize| {
        let w = a.norm(i);
        (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())).then(|| w.parse::<i16>().ok()).flatten()
    };
    let old = |y: i16| (1900..=p.year() - 2).contains(&y);
    let Some(lede) = a.sentences.first() else { return false };
    // the lede opens on that year (في 25 أكتوبر عام 1984، وصلت) or is an anniversary (الذكرى 15 لسقوط)
    let opens_old = lede.tokens.clone().take(8).any(|i| year_at(i).is_some_and(old));
    let anniversary = m.historical.iter().any(|c| lede.tokens.contains(&c.start))
        && lede.tokens.clone().any(|i| year_at(i).is_some_and(old));
    if !(opens_old || anniversary) {
        return false;
    }
    if (0..a.tokens.len()).filter(|&i| year_at(i).is_some_and(old)).count() < 2 {
        return false;
    }
    let current = (0..a.tokens.len()).any(|i| {
        let w = a.norm(i).trim_start_matches(['و', 'ف', 'ب']);
        let next = if i + 1 < a.tokens.len() { a.norm(i + 1) } else { "" };
        year_at(i) == Some(p.year())
            || matches!(
                w,
                "الاثنين"
                    | "الثلاثاء"
                    | "الاربعاء"
                    | "الخميس"
                    | "الجمعه"
                    | "السبت"
                    | "الاحد"
                    | "امس"
                    | "البارحه"
                    | "الليله"
            )
            || (w == "اليوم" && !matches!(next, "التالي" | "نفسه" | "ذاته"))
    });
    !current
}

/// A report names its place once, in the lede: a later happening of the same
/// report with no place below the country (or a place only inside an
/// organization's name, which is no place) happened there too, when it is in
/// the same country and its day is within three days of the lede's
/// (هاجموا نقطة تفتيش ... بمدينة سرت ... وقع الهجوم الثلاثاء عندما اقتحم
/// انتحاري). A record dated further away is another happening and stays
/// where it is.
fn inherit_lede_place(lex: &Lexicon, m: &mentions::Mentions<'_>, coded: &mut [Coded]) -> bool {
    let sentence = |c: &Coded| m.triggers.get(c.anchor).map(|t| m.a.sentence_of(t.start));
    let Some(lede) = coded
        .iter()
        .find(|c| {
            // (a lede toll of separate happenings places each of them: هاجموا ... في واقعتين منفصلتين بمدينة سرت)
            let placed_total = c.rules.contains(&coding::SEPARATE_HAPPENINGS);
            (c.scope == Scope::Event || placed_total) && sentence(c).is_some_and(|s| s <= 1) && !vague_place(lex, c)
        })
        .and_then(|c| Some((c.place.clone()?, c.date.start.filter(|_| c.scope == Scope::Event), c.own_date)))
    else {
        return false;
    };
    let (place, day, _) = lede;
    let mut changed = false;
    let cc = lex.places.get(place.place).country.clone();
    for c in coded.iter_mut() {
        // a running total of a few weeks placed only in the country, over a span that holds the
        // lede's day, sums that place's violence (ترتفع حصيلة قتلى الاحتجاجات منذ 30 آذار إلى 37،
        // in a report of shootings at Gaza's border); a longer one is the whole war's
        let local_total = c.scope == Scope::Cumulative
            && c.toll.as_ref().is_some_and(|t| t.min.is_some())
            && c.own_date
            && match (c.date.start, c.date.end, day) {
                (Some(s), Some(e), Some(d)) => s <= d && d <= e && e.since(s).is_ok_and(|x| x.get_days() <= 31),
                _ => false,
            };
        let countrywide = vague_place(lex, c) || (local_total && c.place.as_ref().is_some_and(|p| p.country));
        if !(c.scope == Scope::Event || local_total) || !countrywide {
            continue;
        }
        let same_country = c.place.as_ref().is_none_or(|p| lex.places.get(p.place).country == cc);
        let near_day = local_total || within_three_days(c.date.start, day);
        if same_country && near_day {
            c.place = Some(place.clone());
            c.rules.push("takes the place of the report's lede");
            changed = true;
        }
    }
    changed
}

/// A report places a happening once and tells more of it in the next
/// sentences with no place of their own (قذائف سقطت على مواقع في محافظة حماه.
/// وقال المرصد إن جنديين قتلا في القصف): a record placed no finer than its
/// country takes the place of the nearest earlier placed record of the
/// report, one or two sentences back, in the same country and within three
/// days. A record further on (a new paragraph, another day) stays where it is.
fn inherit_previous_place(lex: &Lexicon, m: &mentions::Mentions<'_>, coded: &mut [Coded]) -> bool {
    let sentence = |c: &Coded| m.triggers.get(c.anchor).map(|t| m.a.sentence_of(t.start));
    let donors: Vec<(usize, coding::PlaceChoice, Option<Date>)> = coded
        .iter()
        .filter(|c| !vague_place(lex, c))
        .filter_map(|c| Some((sentence(c)?, c.place.clone()?, c.date.start.filter(|_| c.scope == Scope::Event))))
        .collect();
    let mut changed = false;
    for c in coded.iter_mut() {
        // (only a violent happening that names no place at all: مقتل 23 في مناطق عدة في سوريا stays
        // in the country, and a toll in the thousands is a war's, not one happening's)
        let unnamed = c.place.as_ref().is_none_or(|p| p.span.is_empty());
        let war_toll = c.toll.as_ref().and_then(|t| t.min).is_some_and(|n| n >= 1000);
        if c.scope != Scope::Event || !vague_place(lex, c) || !unnamed || !c.sub.is_violent() || war_toll {
            continue;
        }
        let Some(s) = sentence(c) else { continue };
        let Some((_, place, day)) = donors.iter().filter(|(d, _, _)| *d < s && s - *d <= 2).max_by_key(|(d, _, _)| *d)
        else {
            continue;
        };
        let same_country = c.place.as_ref().is_none_or(|p| lex.places.get(p.place).country == place.cc);
        let near_day = within_three_days(c.date.start, *day);
        if same_country && near_day {
            c.place = Some(place.clone());
            c.rules.push("takes the place of the happening told just before");
            changed = true;
        }
    }
    changed
}

/// A strike told with no place of its own just after a battle, on its day and on one of the
/// battle's sides, is the battle's air or artillery support, part of it (ACLED: a strike inside an
/// ongoing battle is merged into the battle): بعد معارك عنيفة اقتحمت القوات حرم مطار الحديدة ...
/// وشنت مقاتلات التحالف فجر الأحد غارات على تعزيزات الحوثيين بجوار المطار.
fn strikes_inside_battles(lex: &Lexicon, m: &mentions::Mentions<'_>, coded: &mut Vec<Coded>) {
    let sentence = |c: &Coded| m.triggers.get(c.anchor).map(|t| m.a.sentence_of(t.start));
    let mut gone = vec![false; coded.len()];
    for i in 0..coded.len() {
        let c = &coded[i];
        let strike = matches!(c.sub, SubEventType::AirDroneStrike | SubEventType::Shelling);
        let unnamed = c.place.as_ref().is_none_or(|p| p.span.is_empty());
        if !strike || c.scope != Scope::Event || c.list.is_some() {
            continue;
        }
        let Some(s) = sentence(c) else { continue };
        // (the happening told just before: the one whose place it would take)
        let Some(b) = (0..coded.len())
            .filter(|&j| j != i && !gone[j] && !vague_place(lex, &coded[j]))
            .filter(|&j| sentence(&coded[j]).is_some_and(|d| d < s && s - d <= 2))
            .max_by_key(|&j| sentence(&coded[j]))
        else {
            continue;
        };
        let o = &coded[b];
        // (or, with no dead of its own, at the battle's very town or its edge: غارات على مواقعهم
        // في باقم، وصلت القوات إلى أطراف مدينة الدريهمي بإسناد من طائرات التحالف)
        let town = |p: &coding::PlaceChoice| p.precision != GeoPrecision::Region;
        let here = unnamed
            || c.toll.is_none()
                && c.place
                    .as_ref()
                    .zip(o.place.as_ref())
                    .is_some_and(|(p, q)| p.place == q.place && town(p) && town(q));
        let battle = o.sub.event_type() == rasd_core::EventType::Battles && o.scope == Scope::Event && here;
        let same_day = o.date.start == c.date.start || !o.own_date || !c.own_date;
        let side = |h: &Option<mentions::ActorHit>| {
            c.actor2.as_ref().zip(h.as_ref()).is_some_and(|(t, x)| t.name == x.name || one_side(t, x))
        };
        let one_toll = c.toll.is_none() || o.toll.is_none();
        if !(battle && same_day && one_toll && (side(&o.actor1) || side(&o.actor2))) {
            continue;
        }
        let c = coded[i].clone();
        let o = &mut coded[b];
        if c.own_date && !o.own_date {
            o.date = c.date;
            o.own_date = true;
        }
        if o.toll.is_none() {
            o.toll = c.toll;
        }
        o.evidence.extend(c.evidence);
        o.rules.push("a strike inside the battle told just before is part of it");
        gone[i] = true;
    }
    drop_marked(coded, &gone);
}

/// Whether two days are at most three days apart (an unknown one may be any).
fn within_three_days(a: Option<Date>, b: Option<Date>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.since(b).is_ok_and(|s| s.get_days().abs() <= 3),
        _ => true,
    }
}

/// A finer place replaces a coarser one only if it lies inside it (300 km).
fn near(a: &coding::PlaceChoice, b: &coding::PlaceChoice) -> bool {
    match (a.point, b.point) {
        (Some((la1, lo1)), Some((la2, lo2))) => {
            let (p1, p2) = (la1.to_radians(), la2.to_radians());
            let h =
                ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * ((lo2 - lo1).to_radians() / 2.0).sin().powi(2);
            2.0 * 6371.0 * h.sqrt().asin() <= 300.0
        }
        _ => false,
    }
}

/// The more telling of two mentions of one party: the named group over
/// «مسلحون», the army over «الحكومة» for what it did.
fn more_named(o: &mut Option<mentions::ActorHit>, c: &Option<mentions::ActorHit>) {
    let rank = |h: &mentions::ActorHit| match () {
        _ if h.generic => 0,
        _ if h.name.starts_with("Government of ") => 1,
        _ => 2,
    };
    if let (Some(a), Some(b)) = (o.as_ref(), c.as_ref()) {
        if a.name != b.name && one_side(a, b) && rank(b) > rank(a) {
            *o = c.clone();
        }
    }
}

/// Puts the actors of `c` in the slots of `o` when it names them the other
/// way round (الضربة نفذتها القوات ... قتلت الضربة مدنيين), so that merging
/// does not set one party against itself.
fn align_actors(o: &mut Coded, c: &mut Coded) {
    let m = |x: &Option<mentions::ActorHit>, y: &Option<mentions::ActorHit>| matches!((x, y), (Some(a), Some(b)) if one_side(a, b));
    // one party named here and both there: the pair told together is the surer order
    let lone = o.actor1.is_some() != o.actor2.is_some();
    let pair = c.actor1.is_some() && c.actor2.is_some();
    let lone_actor = if o.actor1.is_some() { &o.actor1 } else { &o.actor2 };
    if lone && pair && (m(lone_actor, &c.actor1) || m(lone_actor, &c.actor2)) {
        let named = |x: &Option<mentions::ActorHit>, y: &Option<mentions::ActorHit>| {
            let mut y = y.clone();
            more_named(&mut y, x);
            y
        };
        let (a1, a2) = (named(lone_actor, &c.actor1), named(lone_actor, &c.actor2));
        o.actor1 = a1;
        o.actor2 = a2;
        return;
    }
    let straight = m(&o.actor1, &c.actor1) || m(&o.actor2, &c.actor2);
    let crossed = m(&o.actor1, &c.actor2) || m(&o.actor2, &c.actor1);
    if crossed && !straight {
        std::mem::swap(&mut c.actor1, &mut c.actor2);
    }
}

/// The toll of one happening told by two records `o` and `c` (ACLED: every death of the
/// happening, the attackers' own included):
/// - the attackers' dead told apart from their victims' add up (قتل عشرة أشخاص ... وأكد
///   المتحدث أن المسلحين الثمانية قتلوا جميعهم: 18);
/// - an elaboration (`elaboration`) only fills a missing toll: a later count of one group or
///   one stage of the happening is a part of it (فقدنا ثلاثة من الموظفين قتلوا في انفجار السيارة);
/// - killings folded into a strike (`fold`) whose toll, told first in their own frame, is the
///   count of the whole replace the strike's toll lent by such an elaboration;
/// - else the record's toll stands, and a count outdoes a vague one.
fn join_toll(o: &mut Coded, c: &Coded, elaboration: bool, fold: bool) {
    use rasd_core::Qualifier;
    let counted = |t: &coding::Toll| t.min.is_some() && matches!(t.qualifier, Qualifier::Exact | Qualifier::AtLeast);
    // (a toll told in the record's own frame, not lent by an elaboration)
    let own = |r: &Coded, t: &coding::Toll| {
        r.evidence.first().is_some_and(|e| e.start <= t.span.start && t.span.end <= e.end)
    };
    // (a war's toll told in passing is no elaboration of a happening: بلد شهد مقتل أكثر من 350
    // ألف شخص، أدى النزاع منذ التدخل السعودي إلى مقتل نحو 10 آلاف شخص)
    let war = c.toll.as_ref().is_some_and(|t| t.min.is_some_and(|n| n >= 1000));
    let (Some(a), Some(b)) = (o.toll.clone(), c.toll.clone()) else {
        if o.toll.is_none() && c.toll.is_some() && !(elaboration && war) {
            take_toll(o, c);
        }
        return;
    };
    // (not to a toll of armed men already, which may be these again: مقتل اثنين من المسلحين ...
    // مقتل اثنين من المهاجمين)
    if counted(&a) && counted(&b) {
        let only = |t: &coding::Toll, ad: Option<u32>| ad.is_some() && ad == t.min;
        let add = (!o.armed_dead && only(&b, c.attackers_dead)) || (only(&a, o.attackers_dead) && !c.armed_dead);
        if let (true, Some(x), Some(y)) = (add, a.min, b.min) {
            let at_least = a.qualifier == Qualifier::AtLeast || b.qualifier == Qualifier::AtLeast;
            let first = if b.span.start < a.span.start { b.span } else { a.span };
            o.toll = Some(coding::Toll {
                min: Some(x.saturating_add(y)),
                max: (!at_least).then_some(x.saturating_add(y)),
                qualifier: if at_least { Qualifier::AtLeast } else { Qualifier::Exact },
                span: first,
            });
            o.attackers_dead = o.attackers_dead.or(c.attackers_dead);
            o.armed_dead = true;
            o.rules.push("the attackers' own dead add to their victims'");
            return;
        }
    }
    if elaboration {
        return;
    }
    if counted(&a) && counted(&b) && a.min != b.min {
        // the killings told first, in their own frame, count the whole happening where the
        // strike holds only an elaboration's count of a part
        if fold && b.span.start < a.span.start && !own(o, &a) && own(c, &b) {
            take_toll(o, c);
        }
    } else if a.qualifier == Qualifier::Vague && b.qualifier != Qualifier::Vague {
        take_toll(o, c);
    }
}

/// `o` takes `c`'s toll with what it says of the attackers' dead.
fn take_toll(o: &mut Coded, c: &Coded) {
    o.toll = c.toll.clone();
    o.attackers_dead = c.attackers_dead;
    o.armed_dead = c.armed_dead;
}

fn absorb(o: &mut Coded, c: Coded) {
    absorb_as(o, c, false)
}

/// `absorb`; `fold`: `c` tells the killings of the strike `o` (their toll, told first, is the
/// happening's count of the whole: استهدف التنظيم مبنى ... أسفر عن مقتل عشرة أشخاص).
fn absorb_as(o: &mut Coded, mut c: Coded, fold: bool) {
    align_actors(o, &mut c);
    join_toll(o, &c, false, fold);
    more_named(&mut o.actor1, &c.actor1);
    more_named(&mut o.actor2, &c.actor2);
    if o.actor1.is_none() && c.actor1.as_ref().is_none_or(|h| o.actor2.as_ref().is_none_or(|x| !one_side(x, h))) {
        o.actor1 = c.actor1;
    }
    if o.actor2.is_none() && c.actor2.as_ref().is_none_or(|h| o.actor1.as_ref().is_none_or(|x| !one_side(x, h))) {
        o.actor2 = c.actor2;
    }
    let better_place = match (&o.place, &c.place) {
        (None, Some(_)) => true,
        // a country, however qualified (وسط اليمن), yields to a place inside it
        (Some(a), Some(b)) if a.country && !b.country && a.cc == b.cc => true,
        (Some(a), Some(b)) => b.precision < a.precision && near(a, b),
        _ => false,
    };
    if better_place {
        o.place = c.place;
    }
    if c.own_date && (!o.own_date || day_within(&c.date, &o.date)) {
        o.date = c.date;
        o.own_date = true;
    } else if o.scope == Scope::Cumulative
        && o.date.precision == TimePrecision::Week
        && c.date.precision == TimePrecision::Day
    {
        o.date = c.date;
    }
    if o.count.is_none() {
        o.count = c.count;
    }
    if o.source.is_none() {
        o.source = c.source;
    }
    o.specific |= c.specific;
    o.named_victim |= c.named_victim;
    o.list = o.list.or(c.list);
    o.evidence.extend(c.evidence);
    o.rules.push("merged with another mention of the same happening");
}
