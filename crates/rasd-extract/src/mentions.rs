//! The mention layer of one document: every trigger, actor, place, date,
//! quantity and cue found by the lexicons, with the document's focus country.

use crate::dates::{find_dates, DateMention};
use jiff::civil::Date;
use rasd_lexicon::cues::Cue;
use rasd_lexicon::places::Reason;
use rasd_lexicon::{ActorMention, ActorRef, Lexicon, PlaceKind, PlaceMention, TriggerMention};
use rasd_text::clitics::strip_article;
use rasd_text::keys::{FirstKey, StemSet};
use rasd_text::Analysis;
use std::sync::LazyLock;

/// An actor mention with its resolved identity.
#[derive(Debug, Clone)]
pub struct ActorHit {
    pub start: usize,
    pub end: usize,
    pub pre_len: usize,
    /// Canonical name before the country suffix of local actors.
    pub name: String,
    pub inter: u8,
    pub country: Option<String>,
    pub wikidata: Option<String>,
    pub local: bool,
    pub aerial: bool,
    pub generic: bool,
    pub victim: bool,
    /// Resolved from a back-reference (التنظيم، قوات الجيش).
    pub backref: bool,
}

impl ActorHit {
    /// A dictionary entry found at tokens `start..end`.
    pub fn entry(e: &rasd_lexicon::ActorEntry, start: usize, end: usize, pre_len: usize) -> ActorHit {
        ActorHit {
            start,
            end,
            pre_len,
            name: e.name.clone(),
            inter: e.inter,
            country: e.country.clone(),
            wikidata: e.wikidata.clone(),
            local: e.local,
            aerial: e.aerial,
            generic: e.generic,
            victim: e.victim,
            backref: false,
        }
    }

    /// A country's forces (force noun + country): external forces (inter 8)
    /// when the document is about another country.
    pub fn composed(
        lex: &Lexicon,
        (start, end, pre_len): (usize, usize, usize),
        force: u32,
        country: u32,
        focus: Option<&str>,
        aerial: bool,
        backref: bool,
    ) -> ActorHit {
        let (name, inter, iso3) = lex.actors.composed(force, country);
        let abroad = focus.is_some_and(|f| f != lex.actors.countries[country as usize].iso2);
        ActorHit {
            start,
            end,
            pre_len,
            name,
            inter: if abroad { 8 } else { inter },
            country: Some(iso3),
            wikidata: None,
            local: false,
            aerial,
            generic: false,
            victim: false,
            backref,
        }
    }

    pub fn armed(&self) -> bool {
        matches!(self.inter, 1..=4 | 8)
    }
}

pub struct Mentions<'a> {
    pub a: Analysis<'a>,
    pub published: Option<Date>,
    pub triggers: Vec<TriggerMention>,
    pub actors: Vec<ActorHit>,
    pub places: Vec<PlaceMention>,
    pub focus: Option<String>,
    pub dates: Vec<DateMention>,
    pub negation: Vec<Cue>,
    pub modality: Vec<Cue>,
    pub reporting: Vec<Cue>,
    pub sources: Vec<Cue>,
    pub historical: Vec<Cue>,
    pub cumulative: Vec<Cue>,
    pub vague: Vec<Cue>,
    pub directions: Vec<Cue>,
    pub proximity: Vec<Cue>,
}

/// Definite back-references to the last non-state actor (التنظيم المتشدد).
static GROUP_BACKREFS: LazyLock<StemSet> =
    LazyLock::new(|| StemSet::new(&["تنظيم", "حركه", "جماعه", "ميليشيا", "مليشيا", "ميليشيات", "مليشيات", "فصيل"]));

/// Heads of a media outlet's name (قناة، صحيفة): the name after them is no trigger.
static MEDIA_HEADS: LazyLock<StemSet> =
    LazyLock::new(|| StemSet::new(&["قناه", "صحيفه", "جريده", "اذاعه", "مجله", "تلفزيون", "شبكه", "فضائيه"]));

pub fn gather<'a>(lex: &Lexicon, a: Analysis<'a>, published: Option<Date>) -> Mentions<'a> {
    let mut triggers = lex.triggers.find(&a);
    // the name of a channel or a paper (قناة "المسيرة"، صحيفة الثورة) is no event
    triggers.retain(|t| {
        let mut j = t.start;
        while j > 0
            && a.tokens[j - 1].kind == rasd_text::TokenKind::Punct
            && matches!(a.norm(j - 1), "\"" | "«" | "“" | "'")
        {
            j -= 1;
        }
        !(j > 0 && MEDIA_HEADS.contains(&a, j - 1))
    });
    fired_projectiles(lex, &a, &mut triggers);
    let mut places = lex.places.find(&a, &lex.cues.org_heads, lex.text.vocab());
    mark_dateline(&a, &mut places);
    places.retain(|p| {
        let not_place =
            p.end == p.start + 1 && NOT_PLACE_FORMS.contains(&a.norm(p.start).trim_start_matches(['و', 'ف']));
        !(not_place || adjective_or_idiom(&a, p))
    });
    let raw_actors = lex.actors.find(&a);
    let actor_countries: Vec<String> = raw_actors
        .iter()
        .filter_map(|m| match m.actor {
            ActorRef::Entry(i) => lex.actors.entry(i).country.clone(),
            ActorRef::Composed { country, .. } => Some(lex.actors.countries[country as usize].iso3.clone()),
            ActorRef::BareForce(_) => None,
        })
        .filter_map(|iso3| lex.actors.country_by_iso3(&iso3).map(|c| lex.actors.countries[c as usize].iso2.clone()))
        .collect();
    let focus = lex.places.focus_country(&a, &places, &actor_countries);
    lex.places.drop_unlikely(&a, &mut places, focus.as_deref(), lex.text.vocab());
    lex.places.resolve(&mut places, focus.as_deref());
    the_strip(lex, &a, &mut places);
    named_capital(&a, &mut places);
    let mut actors = resolve_actors(lex, &a, &raw_actors, focus.as_deref());
    add_coalition(lex, &a, &mut actors, focus.as_deref());
    add_yemen_rebels(lex, &a, &mut actors, focus.as_deref());
    members_of(&a, &mut actors);
    add_group_backrefs(&a, &mut actors);
    let dates = find_dates(lex, &a, published);
    let c = &lex.cues;
    Mentions {
        triggers,
        actors,
        places,
        focus,
        dates,
        negation: c.negation.find(&a),
        modality: c.modality.find(&a),
        reporting: c.reporting.find(&a),
        sources: c.sources.find(&a),
        historical: c.historical.find(&a),
        cumulative: c.cumulative.find(&a),
        vague: c.vague.find(&a),
        directions: c.directions.find(&a),
        proximity: c.proximity.find(&a),
        a,
        published,
    }
}

/// A firing verb and the projectiles it fires with their count between them
/// (أطلقت ثمانية صواريخ باليستية على جازان، أطلق أكثر من 13 صاروخاً، إطلاق 7
/// صواريخ على الهدف) are one missile-attack word, as the adjacent phrase
/// (أطلقت صواريخ) is in the lexicon; so is a falling verb with its counted
/// projectiles (بسقوط ثلاثة صواريخ على مطار المدينة، سقطت 4 قذائف).
fn fired_projectiles(lex: &Lexicon, a: &Analysis<'_>, triggers: &mut Vec<TriggerMention>) {
    const FIRE_VERBS: &[&str] = &["اطلق", "اطلقت", "اطلقوا", "اطلقا", "اطلقتا", "يطلق", "تطلق", "يطلقون"];
    // (not the present يسقط، تسقط: also "brings down", الدفاعات الجوية تسقط 13 صاروخا)
    const FALL_VERBS: &[&str] = &["سقط", "سقطت", "سقطا", "سقطتا"];
    counted_projectiles(lex, a, triggers, ("أطلق صاروخا", "إطلاق صاروخ"), FIRE_VERBS, &["اطلاق", "الاطلاق"]);
    counted_projectiles(lex, a, triggers, ("سقطت قذيفة", "سقوط صاروخ"), FALL_VERBS, &["سقوط"]);
}

/// A verb or masdar (`verbs`, `masdars`), a count, then a shelling weapon: one
/// trigger of the lexicon's `phrases` (verb, masdar) over the whole span.
fn counted_projectiles(
    lex: &Lexicon,
    a: &Analysis<'_>,
    triggers: &mut Vec<TriggerMention>,
    phrases: (&str, &str),
    verbs: &[&str],
    masdars: &[&str],
) {
    use rasd_lexicon::Role;
    // (start, end, proclitic bytes, masdar) of each phrase found
    let mut found: Vec<(usize, usize, usize, bool)> = Vec::new();
    for i in 0..a.tokens.len() {
        let full = a.norm(i);
        let w = if full.chars().count() > 4 { full.trim_start_matches(['و', 'ف']) } else { full };
        let m = w.trim_start_matches(['ب', 'ل']);
        let masdar = masdars.contains(&m);
        let core = if masdar { m } else { w };
        let verb = verbs.contains(&w);
        // (a one-word trigger there gives way to the longer phrase: سقوط alone is a context word)
        if !(masdar || verb) || triggers.iter().any(|t| t.start == i && t.end > i + 1) {
            continue;
        }
        let sentence = a.sentence_of(i);
        // (only a count between them: a number, عدة، أكثر من، نحو، عشرات)
        let count = |j: usize| {
            a.quantities.iter().any(|q| q.tokens.contains(&j))
                || matches!(
                    a.norm(j),
                    "عده"
                        | "اكثر"
                        | "من"
                        | "نحو"
                        | "حوالي"
                        | "حوالى"
                        | "قرابه"
                        | "عشرات"
                        | "مئات"
                        | "ما"
                        | "يزيد"
                        | "عن"
                )
        };
        let mut j = i + 1;
        while j < a.tokens.len() && j <= i + 5 && a.sentence_of(j) == sentence && count(j) {
            j += 1;
        }
        if j == i + 1 || j >= a.tokens.len() || a.sentence_of(j) != sentence {
            continue;
        }
        let projectile = triggers.iter().find(|t| {
            t.start == j
                && t.ids.iter().any(|&id| {
                    let x = lex.triggers.get(id);
                    x.role == Role::Weapon && x.sub_event_type == Some(rasd_core::SubEventType::Shelling)
                })
        });
        if let Some(p) = projectile {
            // (the proclitics stripped, two bytes a letter: وبإطلاق)
            let pre_len = 2 * (full.chars().count() - core.chars().count());
            found.push((i, p.end, pre_len, masdar));
        }
    }
    if found.is_empty() {
        return;
    }
    // (the lexicon's phrases are looked up only for a document that has one: a scan of the list)
    let id_of = |phrase: &str| lex.triggers.triggers.iter().position(|t| t.phrase == phrase).map(|i| i as u32);
    let (Some(verb_id), Some(masdar_id)) = (id_of(phrases.0), id_of(phrases.1)) else {
        return;
    };
    triggers.retain(|t| !found.iter().any(|x| x.0 == t.start));
    triggers.extend(found.into_iter().map(|(start, end, pre_len, masdar)| TriggerMention {
        start,
        end,
        ids: vec![if masdar { masdar_id } else { verb_id }],
        pre_len,
        suffix: false,
    }));
    triggers.sort_by_key(|t| t.start);
}

/// Written forms that the gazetteer's matching takes for a place but that
/// are ordinary words as written: كانوا ("they were", not Kano), سانا (the
/// Syrian news agency, not Ulsan), a bare عين ("eye, spring", not العين), صعيد
/// (على صعيد "as regards", not الصعيد), المشهد ("the scene", not مشهد),
/// الجيب ("the pocket" of a front, not al-Jib).
const NOT_PLACE_FORMS: &[&str] = &["كانوا", "سانا", "عين", "يكونوا", "كانا", "صعيد", "المشهد", "الجيب"];

/// A place name that is an ordinary word where it stands: the adjective
/// "white" agreeing with the definite noun before it (الأرملة البيضاء،
/// الراية البيضاء، السلاح الأبيض; not محافظة البيضاء), and مسقط رأس
/// ("birthplace", not Muscat).
/// In a report that names the Gaza Strip, القطاع alone is the Strip: سقطت الأخرى في القطاع،
/// الحصار المفروض على القطاع; not a sector (القطاع الخاص، القطاع الجنوبي للجبهة).
fn the_strip(lex: &Lexicon, a: &Analysis<'_>, places: &mut Vec<PlaceMention>) {
    let g = &lex.places;
    let Some(strip) = places.iter().map(|p| p.chosen()).find(|&c| {
        let p = g.get(c);
        p.country == "PS" && p.kind == PlaceKind::Region && p.name == "Gaza Strip"
    }) else {
        return;
    };
    const WORD: &str = "القطاع";
    for i in 0..a.tokens.len() {
        let w = a.norm(i);
        // (the clitics before it: بالقطاع، وفي القطاع، للقطاع whose ل takes the article's alif)
        let pre_len = match w.strip_suffix(WORD) {
            Some(pre @ ("" | "و" | "ب" | "وب" | "ف")) => pre.len(),
            _ if matches!(w, "للقطاع" | "وللقطاع") => w.len() - "لقطاع".len(),
            _ => continue,
        };
        // (an adjective after it makes it a sector, unless it describes the Strip: القطاع المحاصر)
        let next = (i + 1 < a.tokens.len()).then(|| a.norm(i + 1));
        if next.is_some_and(|n| n.starts_with("ال") && !matches!(n, "المحاصر" | "الساحلي")) {
            continue;
        }
        if places.iter().any(|p| (p.start..p.end).contains(&i)) {
            continue;
        }
        places.push(PlaceMention {
            start: i,
            end: i + 1,
            pre_len,
            candidates: vec![strip],
            reason: Reason::Only,
            in_org: false,
            admin_hint: false,
        });
    }
    places.sort_by_key(|p| p.start);
}

/// العاصمة اليمنية names the capital only when no name follows: the name itself stands for it
/// (العاصمة اليمنية صنعاء), and a named temporary seat is another town (العاصمة اليمنية المؤقتة عدن).
fn named_capital(a: &Analysis<'_>, places: &mut Vec<PlaceMention>) {
    let capital = |p: &PlaceMention| {
        p.end == p.start + 2 && a.norm(p.start).trim_start_matches(['و', 'ف']).trim_start_matches('ب') == "العاصمه"
    };
    let named: Vec<usize> = places
        .iter()
        .filter(|p| capital(p))
        .filter(|p| {
            p.end < a.tokens.len() && matches!(a.norm(p.end), "المؤقته" | "الموقته")
                || places.iter().any(|q| q.start == p.end || q.start == p.end + 1 && a.norm(p.end).starts_with('#'))
        })
        .map(|p| p.start)
        .collect();
    places.retain(|p| !(capital(p) && named.contains(&p.start)));
}

fn adjective_or_idiom(a: &Analysis<'_>, p: &PlaceMention) -> bool {
    let w = a.norm(p.start);
    let prev = if p.start > 0 { a.norm(p.start - 1).trim_start_matches(['و', 'ف']) } else { "" };
    let next = if p.start + 1 < a.tokens.len() { a.norm(p.start + 1) } else { "" };
    let white = p.end == p.start + 1 && matches!(w, "البيضاء" | "الابيض");
    let place_head = matches!(
        strip_article(prev.trim_start_matches('ب')),
        "محافظه"
            | "مدينه"
            | "مديريه"
            | "منطقه"
            | "ولايه"
            | "بلده"
            | "قريه"
            | "جبهه"
            | "اطراف"
            | "ريف"
            | "مركز"
    );
    let definite_noun = prev.starts_with("ال") && prev.chars().count() > 3;
    (white && definite_noun && !place_head) || (w == "مسقط" && next.starts_with("راس"))
}

/// A dateline (دبي، الإمارات العربية المتحدة (CNN)): places at the very
/// start of the text, before an outlet's name in brackets, with nothing but
/// commas between them, are where the report was filed, never where the
/// event happened; they are treated like a place inside a source's name.
fn mark_dateline(a: &Analysis<'_>, places: &mut [PlaceMention]) {
    let open = (0..a.tokens.len().min(12)).find(|&i| a.norm(i) == "(");
    let Some(open) = open else { return };
    let close = (open + 1..a.tokens.len().min(open + 6)).find(|&i| a.norm(i) == ")");
    if close.is_none() || open == 0 {
        return;
    }
    let covered = |i: usize| places.iter().any(|p| p.start <= i && i < p.end);
    let only_places = (0..open).all(|i| a.tokens[i].kind == rasd_text::TokenKind::Punct || covered(i));
    if !only_places {
        return;
    }
    for p in places.iter_mut().filter(|p| p.end <= open) {
        p.in_org = true;
    }
}

fn resolve_actors(lex: &Lexicon, a: &Analysis<'_>, raw: &[ActorMention], focus: Option<&str>) -> Vec<ActorHit> {
    let mut out: Vec<ActorHit> = Vec::with_capacity(raw.len());
    let countries = lex.actors.country_mentions(a);
    for m in raw {
        let hit = match m.actor {
            ActorRef::Entry(i) => {
                // an uncounted accusative after another is an adjective: نزاعا مسلحا، هدفا مدنيا
                let e = lex.actors.entry(i);
                let adjective = e.generic
                    && m.end == m.start + 1
                    && m.start > 0
                    && a.norm(m.start).ends_with('ا')
                    && a.norm(m.start - 1).ends_with('ا')
                    && !counted(a, m.start);
                if adjective {
                    continue;
                }
                ActorHit::entry(e, m.start, m.end, m.pre_len)
            }
            ActorRef::Composed { force, country } => {
                let f = &lex.actors.forces[force as usize];
                let hit = ActorHit::composed(lex, (m.start, m.end, m.pre_len), force, country, focus, f.aerial, false);
                // (a military site is struck, it strikes nobody: موقعا عسكريا سوريا)
                ActorHit { victim: f.kind == "site", ..hit }
            }
            ActorRef::BareForce(force) => {
                // قوات الجيش: the last state force of the focus country, else that country's forces;
                // an indefinite one (طيرانا حربيا: "a warplane") is nobody in particular
                let definite = (m.start..m.end).any(|j| a.keys().definite(j));
                let f = &lex.actors.forces[force as usize];
                // (a military site with no country is nobody's: قصف مواقع عسكرية)
                if f.kind == "site" {
                    continue;
                }
                if !definite {
                    // but a counted one is that country's men (ضابطا وثلاثة جنود قتلوا، مقتل 7 عسكريين);
                    // not its aircraft or ships (أربع طائرات من طراز تورنادو)
                    let men =
                        matches!(f.kind.as_str(), "military" | "security" | "police" | "gendarmerie") && !f.aerial;
                    if let Some(ci) =
                        focus.and_then(|fc| lex.actors.country_by_iso2(fc)).filter(|_| men && counted(a, m.start))
                    {
                        out.push(ActorHit::composed(
                            lex,
                            (m.start, m.end, m.pre_len),
                            force,
                            ci,
                            focus,
                            f.aerial,
                            true,
                        ));
                    }
                    continue;
                }
                // the army of the state whose voice reports it: ذكر راديو إسرائيل أن الجيش قصف
                if let Some(ci) = reporter_state(lex, a, &out, &countries, m.start) {
                    out.push(ActorHit::composed(lex, (m.start, m.end, m.pre_len), force, ci, focus, f.aerial, true));
                    continue;
                }
                let prev = out.iter().rev().find(|h| {
                    h.inter == 1
                        && !h.generic
                        && focus.is_some_and(|fc| h.country.as_deref() == iso3_of(lex, fc).as_deref())
                });
                if let Some(p) = prev {
                    ActorHit { start: m.start, end: m.end, pre_len: m.pre_len, backref: true, ..p.clone() }
                } else if let Some(ci) = focus.and_then(|fc| lex.actors.country_by_iso2(fc)) {
                    ActorHit::composed(lex, (m.start, m.end, m.pre_len), force, ci, focus, f.aerial, true)
                } else {
                    continue;
                }
            }
        };
        out.push(hit);
    }
    out
}

/// The state named right before «أن» that opens the report of a bare force
/// (ذكر راديو إسرائيل أن الجيش، قال متحدث عسكري إسرائيلي إن الجيش).
fn reporter_state(
    lex: &Lexicon,
    a: &Analysis<'_>,
    out: &[ActorHit],
    countries: &[(usize, usize, u32, bool)],
    start: usize,
) -> Option<u32> {
    // (only «الجيش»: the reporter's own army; «القوات المهاجمة» after قال الجيش الأميركي إن are others)
    if start < 2 || !matches!(a.norm(start - 1), "ان" | "بان") || a.norm(start) != "الجيش" {
        return None;
    }
    if let Some(&(_, _, ci, _)) = countries.iter().find(|c| c.1 + 1 == start) {
        return Some(ci);
    }
    let h = out.last().filter(|h| h.end + 1 == start && h.inter == 1 && !h.generic)?;
    lex.actors.country_by_iso3(h.country.as_deref()?)
}

/// A cardinal number ends right before token `i` (ثلاثة جنود، 7 عسكريين).
pub fn counted(a: &Analysis<'_>, i: usize) -> bool {
    a.quantities.iter().any(|q| q.kind == rasd_text::QuantityKind::Cardinal && q.value_tokens.end == i)
}

fn iso3_of(lex: &Lexicon, iso2: &str) -> Option<String> {
    lex.actors.country_by_iso2(iso2).map(|c| lex.actors.countries[c as usize].iso3.clone())
}

/// The byte length of the proclitics before the article (و of والتنظيم):
/// the evidence of a definite back-reference keeps its article.
fn before_article(f: &FirstKey) -> usize {
    f.pre_len as usize - "ال".len().min(f.pre_len as usize)
}

static COALITION: LazyLock<StemSet> = LazyLock::new(|| StemSet::new(&["تحالف"]));
static AIRCRAFT: LazyLock<StemSet> =
    LazyLock::new(|| StemSet::new(&["طيران", "طائرات", "طائره", "مقاتلات", "مقاتله", "مروحيات", "مروحيه"]));

/// A bare "the coalition" (التحالف، قوات التحالف، طيران التحالف) is the
/// coalition fighting in the document's country: the Saudi-led one in
/// Yemen, the US-led one in Syria and Iraq. Elsewhere it stays unresolved.
fn add_coalition(lex: &Lexicon, a: &Analysis<'_>, actors: &mut Vec<ActorHit>, focus: Option<&str>) {
    let name = match focus {
        Some("YE") => "Saudi-led Coalition",
        Some("SY" | "IQ") => "US-led Coalition",
        _ => return,
    };
    for i in 0..a.tokens.len() {
        let Some((_, s)) = COALITION.at(a, i).filter(|(_, s)| s.article) else { continue };
        if actors.iter().any(|h| h.start <= i && i < h.end) {
            continue;
        }
        // قوات التحالف، طيران التحالف: the force noun before it was read as
        // the country's own forces; it is the coalition's
        let before = actors.iter().position(|h| h.end == i && h.backref);
        let aircraft = i > 0 && AIRCRAFT.contains(a, i - 1);
        let aerial = before.is_some_and(|k| actors[k].aerial) || aircraft;
        let full = if aerial { format!("{name} (Air Force)") } else { name.to_string() };
        let Some(e) = lex.actors.by_name(&full).or_else(|| lex.actors.by_name(name)) else { continue };
        let (start, pre_len) = match before {
            Some(k) => (actors[k].start, actors[k].pre_len),
            None if aircraft => (i - 1, AIRCRAFT.at(a, i - 1).map_or(0, |(_, f)| f.pre_len as usize)),
            None => (i, before_article(&s)),
        };
        let hit = ActorHit::entry(lex.actors.entry(e), start, i + 1, pre_len);
        match before {
            Some(k) => actors[k] = hit,
            None => actors.push(hit),
        }
    }
    actors.sort_by_key(|h| h.start);
}

/// Soldiers "in" or "from" a named force are that force's men, whatever the
/// country the bare noun was given: قتل أربعة جنود في قوة الأمم المتحدة،
/// ثلاثة عسكريين من صفوف وحدات حماية الشعب.
fn members_of(a: &Analysis<'_>, actors: &mut [ActorHit]) {
    for k in 0..actors.len() {
        if !actors[k].backref || !matches!(actors[k].inter, 1 | 8) {
            continue;
        }
        let end = actors[k].end;
        let Some(next) = actors.iter().find(|h| h.start >= end && h.start <= end + 2) else { continue };
        let linked = (end..next.start).any(|j| matches!(a.norm(j), "في" | "من"))
            && (end..next.start).all(|j| matches!(a.norm(j), "في" | "من" | "صفوف"));
        if linked && !next.generic && next.armed() && !next.backref {
            let named = ActorHit { start: actors[k].start, end, pre_len: actors[k].pre_len, ..next.clone() };
            actors[k] = named;
        }
    }
}

static REBELS: LazyLock<StemSet> = LazyLock::new(|| StemSet::new(&["متمردين", "متمردون", "انقلابيين", "انقلابيون"]));

/// In a report on Yemen "the rebels" and "the putschists" (المتمردون،
/// الانقلابيين) are the Houthis: the government side is never called so
/// (شنت قوات الشرعية قصفا على مواقع المتمردين في كتاف). Elsewhere they stay
/// unresolved (الانقلابيين in Turkey are the 2016 plotters).
fn add_yemen_rebels(lex: &Lexicon, a: &Analysis<'_>, actors: &mut Vec<ActorHit>, focus: Option<&str>) {
    if focus != Some("YE") {
        return;
    }
    let Some(e) = lex.actors.by_name("Houthi Movement") else { return };
    for i in 0..a.tokens.len() {
        let Some((_, s)) = REBELS.at(a, i).filter(|(_, s)| s.article) else { continue };
        if actors.iter().any(|h| h.start <= i && i < h.end) {
            continue;
        }
        actors.push(ActorHit::entry(lex.actors.entry(e), i, i + 1, before_article(&s)));
    }
    actors.sort_by_key(|h| h.start);
}

/// التنظيم، الحركة، التنظيم المتشدد: a definite group noun with no name
/// after it refers to the last named non-state actor.
fn add_group_backrefs(a: &Analysis<'_>, actors: &mut Vec<ActorHit>) {
    let mut extra = Vec::new();
    for i in 0..a.tokens.len() {
        let Some((_, s)) = GROUP_BACKREFS.at(a, i).filter(|(_, s)| s.article) else { continue };
        if actors.iter().any(|h| h.start <= i && i < h.end) {
            continue;
        }
        let prev = actors.iter().rev().find(|h| h.end <= i && matches!(h.inter, 2..=4) && !h.generic);
        if let Some(p) = prev {
            extra.push(ActorHit { start: i, end: i + 1, pre_len: before_article(&s), backref: true, ..p.clone() });
        }
    }
    actors.extend(extra);
    actors.sort_by_key(|h| h.start);
}
