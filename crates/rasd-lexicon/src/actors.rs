//! The actor dictionary (`data/actors/`): named actors with their aliases,
//! and the compositional rule "force noun + country adjective or name is that
//! country's forces" (الطيران الأمريكي → Military Forces of the United States).

use crate::matcher::PhraseMatcher;
use crate::tsv::{list, need, opt, parse, records, DataError};
use rasd_text::Analysis;

/// One dictionary entry.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    /// Canonical ACLED-style English name.
    pub name: String,
    /// ACLED actor class 1–8.
    pub inter: u8,
    /// ISO alpha-3.
    pub country: Option<String>,
    pub wikidata: Option<String>,
    /// The name takes the event country: "Islamic State" → "Islamic State (Libya)".
    pub local: bool,
    /// An air force or aircraft: its attacks are air strikes.
    pub aerial: bool,
    /// An unnamed actor (gunmen, civilians).
    pub generic: bool,
    /// Normally a victim (civilians, journalists).
    pub victim: bool,
}

/// A country as actors name it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorCountry {
    pub iso3: String,
    pub iso2: String,
    /// As it stands in "Military Forces of …" ("the United States").
    pub acled_name: String,
}

/// A force noun of the compositional rule.
#[derive(Debug, Clone, PartialEq)]
pub struct ForceNoun {
    pub kind: String,
    /// "Military Forces of {country}".
    pub template: String,
    pub aerial: bool,
    /// Written without the article (قوات، جيش): in construct state it takes
    /// a country name (قوات سوريا); a definite noun (القوات، الأمن) only an
    /// adjective (القوات السورية) — لأمن السعودية is "Saudi Arabia's security".
    pub construct: bool,
}

/// How a mention was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRef {
    /// A dictionary entry.
    Entry(u32),
    /// A force noun with a country (index into countries).
    Composed { force: u32, country: u32 },
    /// A bare force noun (قوات الجيش): the country comes from the context.
    BareForce(u32),
}

/// An actor found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// Token range.
    pub start: usize,
    pub end: usize,
    pub actor: ActorRef,
    /// Byte length of proclitics on the first token.
    pub pre_len: usize,
}

/// The compiled actor dictionary.
#[derive(Debug, Clone, Default)]
pub struct ActorDict {
    pub entries: Vec<ActorEntry>,
    pub countries: Vec<ActorCountry>,
    pub forces: Vec<ForceNoun>,
    aliases: PhraseMatcher,
    force_nouns: PhraseMatcher,
    /// Country names (id = 2·i) and adjectives (id = 2·i + 1).
    country_words: PhraseMatcher,
}

impl ActorDict {
    pub(crate) fn matchers_mut(&mut self) -> Vec<&mut PhraseMatcher> {
        vec![&mut self.aliases, &mut self.force_nouns, &mut self.country_words]
    }

    /// Compiles the three actor files.
    pub fn load(actors: &str, countries: &str, forces: &str) -> Result<ActorDict, DataError> {
        let mut d = ActorDict {
            aliases: PhraseMatcher::new(false),
            force_nouns: PhraseMatcher::new(false),
            country_words: PhraseMatcher::new(false),
            ..Default::default()
        };
        const A: &str = "data/actors/actors.tsv";
        for (line, cols) in records(A, actors) {
            let c = need(A, line, &cols, 6)?;
            let inter: u8 = parse(A, line, "inter", c[1])?;
            if !(1..=8).contains(&inter) {
                return Err(DataError { file: A.into(), line, msg: format!("inter {inter} not in 1..=8") });
            }
            let flags: Vec<&str> = c[4].split(',').map(str::trim).collect();
            let id = d.entries.len() as u32;
            d.entries.push(ActorEntry {
                name: c[0].to_string(),
                inter,
                country: opt(c[2]).map(str::to_string),
                wikidata: opt(c[3]).map(str::to_string),
                local: flags.contains(&"local"),
                aerial: flags.contains(&"aerial"),
                generic: flags.contains(&"generic"),
                victim: flags.contains(&"victim"),
            });
            d.aliases.insert(c[0], id);
            for alias in list(c[5]) {
                d.aliases.insert(alias, id);
            }
        }
        const C: &str = "data/actors/countries.tsv";
        for (line, cols) in records(C, countries) {
            let c = need(C, line, &cols, 5)?;
            let i = d.countries.len() as u32;
            d.countries.push(ActorCountry { iso3: c[0].into(), iso2: c[1].into(), acled_name: c[2].into() });
            for n in list(c[3]) {
                d.country_words.insert(n, 2 * i);
            }
            for adj in list(c[4]) {
                d.country_words.insert(adj, 2 * i + 1);
            }
        }
        const F: &str = "data/actors/forces.tsv";
        for (line, cols) in records(F, forces) {
            let c = need(F, line, &cols, 3)?;
            let i = d.forces.len() as u32;
            d.forces.push(ForceNoun {
                kind: c[1].into(),
                template: c[2].into(),
                aerial: cols.get(3).is_some_and(|f| f.contains("aerial")),
                construct: !rasd_text::normalize_str(c[0]).starts_with("ال"),
            });
            d.force_nouns.insert(c[0], i);
        }
        Ok(d)
    }

    pub fn entry(&self, id: u32) -> &ActorEntry {
        &self.entries[id as usize]
    }

    /// Index of an entry by canonical name.
    pub fn by_name(&self, name: &str) -> Option<u32> {
        self.entries.iter().position(|e| e.name == name).map(|i| i as u32)
    }

    pub fn country_by_iso3(&self, iso3: &str) -> Option<u32> {
        self.countries.iter().position(|c| c.iso3 == iso3).map(|i| i as u32)
    }

    pub fn country_by_iso2(&self, iso2: &str) -> Option<u32> {
        self.countries.iter().position(|c| c.iso2 == iso2).map(|i| i as u32)
    }

    /// Name, inter, country of a composed actor.
    pub fn composed(&self, force: u32, country: u32) -> (String, u8, String) {
        let f = &self.forces[force as usize];
        let c = &self.countries[country as usize];
        (f.template.replace("{country}", &c.acled_name), 1, c.iso3.clone())
    }

    /// Country names and adjectives mentioned in a document: (token start,
    /// token end, country index, is adjective).
    pub fn country_mentions(&self, a: &Analysis<'_>) -> Vec<(usize, usize, u32, bool)> {
        self.country_words.find_all(a).into_iter().map(|m| (m.start, m.end, m.ids[0] / 2, m.ids[0] % 2 == 1)).collect()
    }

    /// All actor mentions, in text order: dictionary aliases first, then force
    /// nouns composed with a following country adjective or name.
    pub fn find(&self, a: &Analysis<'_>) -> Vec<ActorMention> {
        let mut out: Vec<ActorMention> = self
            .aliases
            .find_all(a)
            .into_iter()
            .map(|m| ActorMention { start: m.start, end: m.end, actor: ActorRef::Entry(m.ids[0]), pre_len: m.pre_len })
            .collect();
        let taken = |out: &[ActorMention], s: usize, e: usize| out.iter().any(|m| m.start < e && s < m.end);
        let mut extra = Vec::new();
        for f in self.force_nouns.find_all(a) {
            if taken(&out, f.start, f.end) {
                continue;
            }
            let force = f.ids[0];
            // force noun + country adjective/name (القوات التركية، قوات النظام السوري)
            // skip up to one linking word: قوات *النظام* السوري، قوات *الحكومة* اليمنية
            let mut actor = ActorRef::BareForce(force);
            let mut end = f.end;
            for j in f.end..(f.end + 2).min(a.tokens.len()) {
                if let Some(m) = self.country_words.longest_at(a, j) {
                    let adjective = m.ids[0] % 2 == 1;
                    let construct = self.forces[force as usize].construct && j == f.end;
                    if (adjective || construct) && (m.pre_len == 0 || j == f.end) {
                        actor = ActorRef::Composed { force, country: m.ids[0] / 2 };
                        end = m.end;
                    }
                    break;
                }
                if !matches!(
                    rasd_text::clitics::strip_article(a.norm(j)),
                    "نظام" | "حكومه" | "جيش" | "امن" | "جويه" | "بحريه"
                ) {
                    break;
                }
            }
            if !taken(&out, f.start, end) {
                extra.push(ActorMention { start: f.start, end, actor, pre_len: f.pre_len });
            }
        }
        out.extend(extra);
        out.sort_by_key(|m| m.start);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_text::TextLayer;

    const ACTORS: &str = "# test\nIslamic State\t2\t-\tQ2429253\tlocal\tداعش|تنظيم الدولة|ISIS\nCivilians\t7\t-\t-\tlocal,generic,victim\tمدنيين|المدنيون\n";
    const COUNTRIES: &str = "USA\tUS\tthe United States\tالولايات المتحدة|أمريكا\tأمريكي|أمريكية|أميركي|أميركية\nTUR\tTR\tTurkey\tتركيا\tتركي|تركية\n";
    const FORCES: &str = "القوات\tmilitary\tMilitary Forces of {country}\t-\nالطيران\tair\tMilitary Forces of {country}\taerial\nقوات\tmilitary\tMilitary Forces of {country}\t-\n";

    #[test]
    fn aliases_and_composition() {
        let d = ActorDict::load(ACTORS, COUNTRIES, FORCES).unwrap();
        let a =
            TextLayer::default().analyze("قتل الطيران الأميركي عناصر لداعش وقصفت القوات التركية المدنيين ثم قوات الجيش");
        let found: Vec<String> = d
            .find(&a)
            .iter()
            .map(|m| match m.actor {
                ActorRef::Entry(i) => d.entry(i).name.clone(),
                ActorRef::Composed { force, country } => d.composed(force, country).0,
                ActorRef::BareForce(_) => "bare".into(),
            })
            .collect();
        assert_eq!(
            found,
            ["Military Forces of the United States", "Islamic State", "Military Forces of Turkey", "Civilians", "bare"]
        );
    }

    #[test]
    fn bad_inter_names_the_file_and_line() {
        let e = ActorDict::load("X\t9\t-\t-\t-\tس\n", "", "").unwrap_err();
        assert_eq!(e.to_string(), "data/actors/actors.tsv:1: inter 9 not in 1..=8");
    }
}
