//! The vocabularies rasd codes with, compiled from plain data files.
//!
//! Every lexicon is a reviewable text file under `data/` (one entry a line,
//! `#` comments): actors and the compositional force rule (`actors/`),
//! event triggers (`triggers/`), cue words (`cues/`), places
//! (`places/`), month and weekday names (`calendar/`) and the word
//! frequency list of the text layer (`lexicon/`). [`Lexicon::load`] compiles
//! them once into [`matcher::PhraseMatcher`]s — token tries keyed on
//! normalized, article-free words, so that one pass over a document finds
//! every entry whatever its clitics or letter variants — and
//! [`Lexicon::bundled`] does so from the copies embedded in the binary.
//!
//! Nothing here does I/O: callers hand in the file texts.

pub mod actors;
pub mod calendar;
pub mod cues;
pub mod matcher;
pub mod places;
pub mod triggers;
pub mod tsv;

pub use actors::{ActorDict, ActorEntry, ActorMention, ActorRef};
pub use calendar::{Calendar, CalendarWord};
pub use cues::{CueList, CueSources, Cues};
pub use places::{Gazetteer, Place, PlaceKind, PlaceMention, PlaceSources};
pub use triggers::{Role, Trigger, TriggerLexicon, TriggerMention};
pub use tsv::DataError;

use rasd_text::{TextLayer, Vocab};

/// The texts of every data file.
pub struct Sources<'a> {
    pub wordfreq: &'a str,
    pub actors: &'a str,
    pub actor_countries: &'a str,
    pub forces: &'a str,
    pub triggers: &'a str,
    pub cues: CueSources<'a>,
    pub places: PlaceSources<'a>,
    pub calendar: &'a str,
}

/// Everything compiled: the text layer and all vocabularies.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub text: TextLayer,
    pub actors: ActorDict,
    pub triggers: TriggerLexicon,
    pub cues: Cues,
    pub places: Gazetteer,
    pub calendar: Calendar,
}

impl Lexicon {
    /// Compiles all data files.
    pub fn load(s: &Sources<'_>) -> Result<Lexicon, DataError> {
        let vocab = Vocab::from_wordfreq(s.wordfreq).map_err(|e| DataError {
            file: "data/lexicon/wordfreq_ar.tsv".into(),
            line: e.line,
            msg: e.msg,
        })?;
        let cues = Cues::load(&s.cues)?;
        let mut places = Gazetteer::load(&s.places, &vocab)?;
        register_directional(&mut places, &cues, s.places.regions);
        let mut lex = Lexicon {
            actors: ActorDict::load(s.actors, s.actor_countries, s.forces)?,
            triggers: TriggerLexicon::load(s.triggers)?,
            cues,
            places,
            calendar: Calendar::load(s.calendar)?,
            text: TextLayer::default(),
        };
        // every lexicon's first words, so that the text layer's lookup keys
        // say which lexicons may match at each token
        let mut roots = rasd_text::RootIndex::default();
        let Lexicon { actors, triggers, cues, places, calendar, .. } = &mut lex;
        let all = [
            actors.matchers_mut(),
            triggers.matchers_mut(),
            cues.matchers_mut(),
            places.matchers_mut(),
            calendar.matchers_mut(),
        ];
        for (slot, m) in all.into_iter().flatten().enumerate() {
            m.register(slot as u8, &mut roots);
        }
        lex.text = TextLayer::new(vocab).with_roots(roots);
        Ok(lex)
    }

    /// Runs every dictionary over an analysed document (actors, triggers,
    /// places with their organisation-name filter, every cue list, calendar
    /// words) and returns how many mentions they found: the lookup stage on
    /// its own, as `rasd bench` and the `lookup` benchmark time it.
    pub fn lookup_all(&self, a: &rasd_text::Analysis<'_>) -> usize {
        let c = &self.cues;
        let cues = [
            &c.negation,
            &c.modality,
            &c.reporting,
            &c.sources,
            &c.historical,
            &c.cumulative,
            &c.vague,
            &c.directions,
            &c.proximity,
        ];
        self.actors.find(a).len()
            + self.triggers.find(a).len()
            + self.places.find(a, &c.org_heads, self.text.vocab()).len()
            + cues.iter().map(|l| l.find(a).len()).sum::<usize>()
            + self.calendar.find(a).len()
    }

    /// The data files of the repository, embedded at build time.
    #[cfg(feature = "bundled")]
    pub fn bundled() -> Result<Lexicon, DataError> {
        Lexicon::load(&bundled::SOURCES)
    }
}

/// Region lines of the form "direction + country" (جنوب ليبيا) become the
/// point for that direction of the country, used for جنوب البلاد.
fn register_directional(g: &mut Gazetteer, cues: &Cues, regions: &str) {
    let layer = TextLayer::default();
    for (_, cols) in tsv::records("regions", regions) {
        if cols.len() < 5 {
            continue;
        }
        let a = layer.analyze(cols[0]);
        let Some(d) = cues.directions.at(&a, 0) else { continue };
        let Some(bearing) = cues.directions.values[d.id as usize] else { continue };
        let rest_is_country = g.adjective_at(&a, d.end).is_some_and(|(e, _)| e == a.tokens.len());
        let id = format!("region:{}", cols[4]);
        if let (true, Some(p)) = (rest_is_country, g.by_id(&id)) {
            g.register_directional(cols[1], bearing as u16, p);
        }
    }
}

#[cfg(feature = "bundled")]
mod bundled {
    use super::*;

    macro_rules! data {
        ($p:literal) => {
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/", $p))
        };
    }

    pub(super) const SOURCES: Sources<'static> = Sources {
        wordfreq: data!("lexicon/wordfreq_ar.tsv"),
        actors: data!("actors/actors.tsv"),
        actor_countries: data!("actors/countries.tsv"),
        forces: data!("actors/forces.tsv"),
        triggers: data!("triggers/triggers.tsv"),
        cues: CueSources {
            negation: data!("cues/negation.txt"),
            modality: data!("cues/modality.txt"),
            reporting: data!("cues/reporting.txt"),
            sources: data!("cues/sources.tsv"),
            historical: data!("cues/historical.txt"),
            cumulative: data!("cues/cumulative.txt"),
            vague: data!("cues/vague_quantities.tsv"),
            directions: data!("cues/directions.tsv"),
            proximity: data!("cues/proximity.txt"),
            org_heads: data!("places/org_heads.txt"),
        },
        places: PlaceSources {
            places: data!("places/places.tsv"),
            admin1: data!("places/admin1.tsv"),
            countries: data!("places/countries.tsv"),
            regions: data!("places/regions.tsv"),
            odbl: data!("places/mena_odbl.tsv"),
            not_names: data!("places/not_names.txt"),
        },
        calendar: data!("calendar/names.tsv"),
    };
}
