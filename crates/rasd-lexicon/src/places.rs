//! The gazetteer (`data/places/`) and the geocoder.
//!
//! Places come from GeoNames (towns, admin-1 units), CLDR (countries), an
//! ODbL list of extra Arabic names, and a hand-written list of the region
//! expressions conflict reports use (جنوب ليبيا، ريف إدلب). Every Arabic name
//! is normalized like the text and compiled into one phrase matcher.
//!
//! Geocoding a mention: candidates are narrowed to the document's focus
//! country (voted by country names and adjectives, unambiguous places and
//! actors), then ranked by kind and population; the choice, the alternatives
//! and the reason are kept. A place that is only part of an organization's
//! name (غرفة عمليات اجدابيا، جامعة طرابلس) is flagged so it never becomes an
//! event location.

use crate::matcher::PhraseMatcher;
use crate::tsv::{list, need, opt, parse, records, DataError};
use rasd_text::clitics::strip_article;
use rasd_text::{normalize_str, Analysis, Vocab};
use rustc_hash::FxHashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    Country,
    Admin1,
    Region,
    City,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// `geonames:N`, `country:XX` or `region:Name`.
    pub id: String,
    pub name: String,
    /// ISO alpha-2.
    pub country: String,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
    pub kind: PlaceKind,
}

/// Why a candidate was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Only,
    FocusCountry,
    Rank,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Only => "only candidate",
            Reason::FocusCountry => "in the document's focus country",
            Reason::Rank => "highest admin rank and population",
        }
    }
}

/// A place name found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub pre_len: usize,
    /// Candidate places, best first once resolved.
    pub candidates: Vec<u32>,
    pub reason: Reason,
    /// Only part of an organization or source name: never an event location.
    pub in_org: bool,
    /// Preceded by an admin word (محافظة، ولاية): prefer the admin-1 unit.
    pub admin_hint: bool,
}

impl PlaceMention {
    pub fn chosen(&self) -> u32 {
        self.candidates[0]
    }
}

/// The compiled gazetteer.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub places: Vec<Place>,
    by_id: FxHashMap<String, u32>,
    country_of_iso2: FxHashMap<String, u32>,
    names: PhraseMatcher,
    /// One-word names that are also frequent words (دوما "always", Douma):
    /// a place only right after the head noun of a settlement (مدينة دوما).
    headed_names: PhraseMatcher,
    /// Country adjectives (الليبي): id = country place index.
    adjectives: PhraseMatcher,
    /// (country, bearing) → region place, from regions.tsv direction phrases.
    directional: FxHashMap<(String, u16), u32>,
    /// Towns of 1,000 people or more by country (for [`Gazetteer::directional`],
    /// which would otherwise scan every place on each call).
    towns: FxHashMap<String, Vec<u32>>,
}

/// The texts of the place files.
pub struct PlaceSources<'a> {
    pub places: &'a str,
    pub admin1: &'a str,
    pub countries: &'a str,
    pub regions: &'a str,
    pub odbl: &'a str,
    /// Ordinary words that some entry uses as a name (`not_names.txt`).
    pub not_names: &'a str,
}

/// Countries whose town names are Arabic words: elsewhere (Iran, Turkey,
/// the world) a transliterated name that is also a common Arabic word is
/// almost always the word.
const ARABIC_SPEAKING: &[&str] = &[
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY",
    "TN", "AE", "YE", "EH", "TD",
];

const MIN_NAME_CHARS: usize = 3;

impl Gazetteer {
    pub(crate) fn matchers_mut(&mut self) -> Vec<&mut PhraseMatcher> {
        vec![&mut self.names, &mut self.headed_names, &mut self.adjectives]
    }

    /// Compiles the gazetteer. `vocab` keeps frequent common words that are
    /// also the names of small villages (حرب، سوق) out of the name index.
    pub fn load(s: &PlaceSources<'_>, vocab: &Vocab) -> Result<Gazetteer, DataError> {
        let mut g = Gazetteer {
            names: PhraseMatcher::new(false),
            headed_names: PhraseMatcher::new(false),
            adjectives: PhraseMatcher::new(false),
            ..Default::default()
        };
        let mut arabic: Vec<(u32, String)> = Vec::new();
        const C: &str = "data/places/countries.tsv";
        for (line, cols) in records(C, s.countries) {
            let c = need(C, line, &cols, 6)?;
            let i = g.push(Place {
                id: format!("country:{}", c[0]),
                name: c[2].into(),
                country: c[0].into(),
                admin1: None,
                lat: opt(c[3]).map(|v| parse(C, line, "lat", v)).transpose()?,
                lon: opt(c[4]).map(|v| parse(C, line, "lon", v)).transpose()?,
                population: 0,
                kind: PlaceKind::Country,
            });
            g.country_of_iso2.insert(c[0].into(), i);
            arabic.extend(list(c[5]).map(|n| (i, n.to_string())));
            for adj in list(cols.get(6).copied().unwrap_or("")) {
                g.adjectives.insert(adj, i);
            }
        }
        const A: &str = "data/places/admin1.tsv";
        for (line, cols) in records(A, s.admin1) {
            let c = need(A, line, &cols, 6)?;
            let i = g.push(Place {
                id: c[0].into(),
                name: c[1].into(),
                country: c[2].into(),
                admin1: Some(c[1].into()),
                lat: opt(c[4]).map(|v| parse(A, line, "lat", v)).transpose()?,
                lon: opt(c[5]).map(|v| parse(A, line, "lon", v)).transpose()?,
                population: 0,
                kind: PlaceKind::Admin1,
            });
            arabic.extend(list(cols.get(6).copied().unwrap_or("")).map(|n| (i, n.to_string())));
        }
        const P: &str = "data/places/places.tsv";
        for (line, cols) in records(P, s.places) {
            let c = need(P, line, &cols, 9)?;
            let i = g.push(Place {
                id: c[0].into(),
                name: c[1].into(),
                country: c[2].into(),
                admin1: opt(c[3]).map(str::to_string),
                lat: Some(parse(P, line, "lat", c[4])?),
                lon: Some(parse(P, line, "lon", c[5])?),
                population: parse(P, line, "population", c[6])?,
                kind: PlaceKind::City,
            });
            arabic.extend(list(c[8]).map(|n| (i, n.to_string())));
        }
        const O: &str = "data/places/mena_odbl.tsv";
        for (line, cols) in records(O, s.odbl) {
            let c = need(O, line, &cols, 2)?;
            if let Some(&i) = g.by_id.get(c[0]) {
                arabic.extend(list(c[1]).map(|n| (i, n.to_string())));
            }
        }
        const R: &str = "data/places/regions.tsv";
        for (line, cols) in records(R, s.regions) {
            let c = need(R, line, &cols, 5)?;
            let id = format!("region:{}", c[4]);
            let i = match g.by_id.get(&id) {
                Some(&i) => i,
                None => g.push(Place {
                    id,
                    name: c[4].into(),
                    country: c[1].into(),
                    admin1: None,
                    lat: Some(parse(R, line, "lat", c[2])?),
                    lon: Some(parse(R, line, "lon", c[3])?),
                    population: 0,
                    kind: PlaceKind::Region,
                }),
            };
            // regions are inserted as written, bypassing the common-word filter
            g.names.insert(c[0], i);
        }
        let stop: rustc_hash::FxHashSet<String> =
            records("data/places/not_names.txt", s.not_names).map(|(_, c)| normalize_str(c[0])).collect();
        for (i, name) in arabic {
            let norm = normalize_str(&name);
            let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
            let key_chars: usize =
                words.iter().map(|w| strip_article(w).chars().filter(|c| c.is_alphabetic()).count()).sum();
            if words.is_empty() || key_chars < MIN_NAME_CHARS || stop.contains(&norm) {
                continue;
            }
            let p = &g.places[i as usize];
            if words.len() == 1 {
                // a one-word name that is also a frequent word (سوق، كامل، الجديدة)
                let w = strip_article(words[0]);
                let freq = vocab.logp(words[0]).into_iter().chain(vocab.logp(w)).fold(f32::MIN, f32::max);
                let arabic_country = ARABIC_SPEAKING.contains(&p.country.as_str());
                let common = match p.kind {
                    PlaceKind::City if arabic_country => freq > -4.6 && p.population < 200_000,
                    PlaceKind::City => freq > -5.8 && p.population < 1_000_000,
                    PlaceKind::Admin1 => freq > -4.2,
                    _ => false,
                };
                if common {
                    if p.kind == PlaceKind::City {
                        g.headed_names.insert(&norm, i);
                    }
                    continue;
                }
            }
            g.names.insert(&norm, i);
        }
        for (i, p) in g.places.iter().enumerate() {
            if p.kind == PlaceKind::City && p.lat.is_some() && p.lon.is_some() && p.population >= 1000 {
                g.towns.entry(p.country.clone()).or_default().push(i as u32);
            }
        }
        Ok(g)
    }

    fn push(&mut self, p: Place) -> u32 {
        let i = self.places.len() as u32;
        self.by_id.insert(p.id.clone(), i);
        self.places.push(p);
        i
    }

    pub fn get(&self, i: u32) -> &Place {
        &self.places[i as usize]
    }

    pub fn by_id(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// The country place of an ISO alpha-2 code.
    pub fn country(&self, iso2: &str) -> Option<u32> {
        self.country_of_iso2.get(iso2).copied()
    }

    /// Country adjectives in a document (الليبي → Libya): (start, end, country place).
    pub fn adjectives(&self, a: &Analysis<'_>) -> Vec<(usize, usize, u32)> {
        self.adjectives.find_all(a).into_iter().map(|m| (m.start, m.end, m.ids[0])).collect()
    }

    /// The adjective at token `i`, if any.
    pub fn adjective_at(&self, a: &Analysis<'_>, i: usize) -> Option<(usize, u32)> {
        self.adjectives.longest_at(a, i).map(|m| (m.end, m.ids[0]))
    }

    /// All place names in a document, unresolved (candidates unordered).
    pub fn find(&self, a: &Analysis<'_>, org_heads: &crate::cues::CueList, vocab: &Vocab) -> Vec<PlaceMention> {
        let org_ends: Vec<usize> = org_heads.find(a).into_iter().map(|c| c.end).collect();
        let mut found = self.names.find_all(a);
        // a frequent word is a town's name after a settlement's head noun: مدينة دوما، بلدة دوما,
        let settlement = |i: usize| {
            i > 0 && {
                let w = a.norm(i - 1);
                let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
                let w = strip_article(w.strip_prefix('ب').filter(|r| r.chars().count() > 3).unwrap_or(w));
                matches!(w, "مدينه" | "بلده" | "قريه" | "بلدتي" | "مدينتي")
            }
        };
        // and, once so named, anywhere in the document: مدينة دوما … القصف على دوما
        let headed = self.headed_names.find_all(a);
        let named: Vec<&[u32]> =
            headed.iter().filter(|m| m.pre_len == 0 && settlement(m.start)).map(|m| m.ids).collect();
        for m in headed {
            if named.contains(&m.ids) && !found.iter().any(|f| f.start < m.end && m.start < f.end) {
                found.push(m);
            }
        }
        found.sort_by_key(|m| m.start);
        found
            .into_iter()
            .filter(|m| {
                // only the clitics before the article need the vocabulary's blessing: الموصل is no split
                let w = a.norm(m.start);
                let pre = &w[..m.pre_len.min(w.len())];
                let clitics = pre.strip_suffix("ال").map_or(pre.len(), str::len);
                // a proclitic before the article splits an Arab place's name or a country's however
                // frequent the joined form (بالقاهرة is ب + القاهرة; not بحجة "under the pretext",
                // with no article, nor باللوم "the blame" read as Lomé)
                let article = || {
                    (pre.ends_with("ال") || w[m.pre_len.min(w.len())..].starts_with("ال"))
                        && m.ids.iter().any(|&i| {
                            let p = self.get(i);
                            matches!(p.kind, PlaceKind::Country | PlaceKind::Region)
                                || ARABIC_SPEAKING.contains(&p.country.as_str())
                        })
                };
                m.end > m.start + 1 || clitics == 0 || article() || vocab.prefers_split(w, clitics)
            })
            // no name is read from a word with one more final alif: كانوا (they were) is not كانو (Kano)
            .filter(|m| !m.accusative)
            .map(|m| {
                let in_org = org_ends.iter().any(|&e| e == m.start || (e + 1 == m.start && is_filler(a.norm(e))));
                let admin_hint =
                    m.start > 0 && matches!(strip_article(a.norm(m.start - 1)), "محافظه" | "ولايه" | "اقليم" | "مقاطعه");
                PlaceMention {
                    start: m.start,
                    end: m.end,
                    pre_len: m.pre_len,
                    candidates: m.ids.to_vec(),
                    reason: Reason::Only,
                    in_org,
                    admin_hint,
                }
            })
            .collect()
    }

    /// The country a document is about: votes from country names and the parts
    /// of a country named by a bearing (weight 2), adjectives, and places with
    /// a single candidate country.
    pub fn focus_country(&self, a: &Analysis<'_>, mentions: &[PlaceMention], extra: &[String]) -> Option<String> {
        let mut votes: FxHashMap<&str, f32> = FxHashMap::default();
        for m in mentions.iter().filter(|m| !m.in_org) {
            let first = &self.get(m.candidates[0]).country;
            if m.candidates.iter().all(|&c| &self.get(c).country == first) {
                // a part of a country by a bearing holds the country's name (شرق سوريا): it counts as one
                let c = m.candidates[0];
                let w = if self.get(c).kind == PlaceKind::Country || self.directional.values().any(|&r| r == c) {
                    2.0
                } else {
                    1.0
                };
                *votes.entry(first.as_str()).or_default() += w;
            }
        }
        for (_, _, c) in self.adjectives(a) {
            *votes.entry(self.get(c).country.as_str()).or_default() += 1.0;
        }
        for c in extra {
            *votes.entry(c.as_str()).or_default() += 0.5;
        }
        votes.into_iter().max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(x.0))).map(|(c, _)| c.to_string())
    }

    /// Drops one-word mentions that are frequent words and name no place in
    /// the focus country (الجديدة in a Libyan report is "the new"), and towns
    /// of a country the document never names.
    pub fn drop_unlikely(
        &self,
        a: &Analysis<'_>,
        mentions: &mut Vec<PlaceMention>,
        focus: Option<&str>,
        vocab: &Vocab,
    ) {
        // a town (not a big city) of another country that the document never names, by a country
        // name, an adjective or another of its places, is a word or a person's name: صالح الصماد in a
        // Yemeni report is no Şamād (SY), بشريا no Bsharri (LB)
        if let Some(f) = focus {
            let adjectives: Vec<&str> =
                self.adjectives(a).into_iter().map(|(_, _, c)| self.get(c).country.as_str()).collect();
            // named as a place: مدينة مزار شريف، جنوب شرق البوكمال، قرب جنين
            let slot = |m: &PlaceMention| {
                m.start > 0 && {
                    let w = a.norm(m.start - 1);
                    let w = strip_article(w.strip_prefix(['و', 'ف']).unwrap_or(w));
                    let w = strip_article(w.strip_prefix('ب').filter(|r| r.chars().count() > 3).unwrap_or(w));
                    matches!(
                        w,
                        "مدينه"
                            | "بلده"
                            | "قريه"
                            | "منطقه"
                            | "محافظه"
                            | "ولايه"
                            | "اقليم"
                            | "مديريه"
                            | "قضاء"
                            | "ناحيه"
                            | "قرب"
                            | "ضواحي"
                            | "جنوب"
                            | "شمال"
                            | "شرق"
                            | "غرب"
                            | "جنوبي"
                            | "شمالي"
                            | "شرقي"
                            | "غربي"
                    )
                }
            };
            let foreign = |m: &PlaceMention| {
                !slot(m)
                    && m.candidates.iter().all(|&i| {
                        let p = self.get(i);
                        let named_by_another = || {
                            mentions.iter().any(|o| {
                                !o.in_org
                                    && o.candidates != m.candidates
                                    && o.candidates.iter().any(|&j| self.get(j).country == p.country)
                            })
                        };
                        p.country != f
                            && matches!(p.kind, PlaceKind::City | PlaceKind::Admin1)
                            && p.population < 500_000
                            && !adjectives.contains(&p.country.as_str())
                            && !named_by_another()
                    })
            };
            let keep: Vec<bool> = mentions.iter().map(|m| !foreign(m)).collect();
            let mut k = keep.iter();
            mentions.retain(|_| *k.next().unwrap());
        }
        mentions.retain(|m| {
            if m.end > m.start + 1 || focus.is_none() {
                return true;
            }
            let in_focus = m.candidates.iter().any(|&c| focus.is_some_and(|f| self.get(c).country == f));
            // countries, regions and big cities are frequent words because they are places (بيروت، الخرطوم)
            let big = m.candidates.iter().any(|&c| {
                let p = self.get(c);
                matches!(p.kind, PlaceKind::Country | PlaceKind::Region) || p.population >= 500_000
            });
            let w = a.norm(m.start);
            let freq = vocab.logp(w).unwrap_or(f32::MIN);
            in_focus || big || freq < -5.5
        });
    }

    /// Orders each mention's candidates best first and records why.
    pub fn resolve(&self, mentions: &mut [PlaceMention], focus: Option<&str>) {
        for m in mentions {
            if m.candidates.len() < 2 {
                m.reason = Reason::Only;
                continue;
            }
            let in_focus = |c: &u32| focus.is_some_and(|f| self.get(*c).country == f);
            let any_focus = m.candidates.iter().any(in_focus);
            let admin_hint = m.admin_hint;
            m.candidates.sort_by(|a, b| {
                let (pa, pb) = (self.get(*a), self.get(*b));
                let rank = |p: &Place| match p.kind {
                    PlaceKind::Country => 0,
                    PlaceKind::Region => 1,
                    PlaceKind::Admin1 if admin_hint => 0,
                    PlaceKind::City | PlaceKind::Admin1 => 2,
                };
                in_focus(b)
                    .cmp(&in_focus(a))
                    .then(rank(pa).cmp(&rank(pb)))
                    // a town over its province of the same name (حلب), a big town over a village
                    .then((pa.kind == PlaceKind::Admin1).cmp(&(pb.kind == PlaceKind::Admin1)))
                    .then(pb.population.cmp(&pa.population))
                    .then(pa.id.cmp(&pb.id))
            });
            m.reason =
                if any_focus && !m.candidates.iter().all(in_focus) { Reason::FocusCountry } else { Reason::Rank };
        }
    }

    /// A representative point for "the BEARING of COUNTRY" (جنوب ليبيا):
    /// the region listed for it, else the most populous town in that part of
    /// the country (the outer third along the bearing).
    pub fn directional(&self, iso2: &str, bearing: u16) -> Option<u32> {
        if let Some(&r) = self.directional.get(&(iso2.to_string(), bearing)) {
            return Some(r);
        }
        let towns: Vec<&Place> =
            self.towns.get(iso2).map_or_else(Vec::new, |ts| ts.iter().map(|&i| &self.places[i as usize]).collect());
        if towns.len() < 3 {
            return self.country(iso2);
        }
        let (s, c) = (f64::from(bearing).to_radians().sin(), f64::from(bearing).to_radians().cos());
        let proj = |p: &Place| p.lon.unwrap() * s + p.lat.unwrap() * c;
        let mut ps: Vec<f64> = towns.iter().map(|p| proj(p)).collect();
        ps.sort_by(f64::total_cmp);
        let cut = ps[ps.len() * 2 / 3];
        let best = towns.iter().filter(|p| proj(p) >= cut).max_by_key(|p| p.population)?;
        self.by_id(&best.id)
    }

    /// Registers direction phrases of regions.tsv (جنوب ليبيا → Sabha) for
    /// [`Gazetteer::directional`].
    pub fn register_directional(&mut self, iso2: &str, bearing: u16, place: u32) {
        self.directional.insert((iso2.to_string(), bearing), place);
    }
}

fn is_filler(w: &str) -> bool {
    matches!(w, "في" | "ب" | "ل" | "\"")
}
