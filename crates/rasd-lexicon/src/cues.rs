//! Cue lexicons (`data/cues/`): negation, modality, reporting, sources,
//! historical background, running totals, vague quantities, directions and
//! proximity words. Each is a phrase matcher with a small label per entry.

use crate::matcher::PhraseMatcher;
use crate::tsv::{need, parse, records, DataError};
use rasd_text::Analysis;

/// A cue list: phrases with one label each.
#[derive(Debug, Clone, Default)]
pub struct CueList {
    pub labels: Vec<String>,
    /// Numeric value of the second column where it is one (bearings, counts).
    pub values: Vec<Option<f64>>,
    pub phrases: Vec<String>,
    /// The phrases in the text layer's normalized form, to compare with a
    /// token's `norm` without normalizing again on every look.
    pub norm_phrases: Vec<String>,
    matcher: PhraseMatcher,
}

/// A cue found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub id: u32,
}

impl CueList {
    /// One phrase a line, an optional label after a tab.
    pub fn load(file: &str, text: &str) -> Result<CueList, DataError> {
        let mut c = CueList { matcher: PhraseMatcher::new(false), ..Default::default() };
        for (line, cols) in records(file, text) {
            let cols = need(file, line, &cols, 1)?;
            let id = c.labels.len() as u32;
            let label = cols.get(1).copied().unwrap_or("");
            c.values.push(label.parse().ok());
            c.labels.push(label.to_string());
            c.phrases.push(cols[0].to_string());
            c.norm_phrases.push(rasd_text::normalize_str(cols[0]));
            if !c.matcher.insert(cols[0], id) {
                return Err(DataError { file: file.into(), line, msg: "empty phrase".into() });
            }
        }
        Ok(c)
    }

    pub fn find(&self, a: &Analysis<'_>) -> Vec<Cue> {
        self.matcher.find_all(a).into_iter().map(|m| Cue { start: m.start, end: m.end, id: m.ids[0] }).collect()
    }

    /// The cue starting at token `i`, if any.
    pub fn at(&self, a: &Analysis<'_>, i: usize) -> Option<Cue> {
        self.matcher.longest_at(a, i).map(|m| Cue { start: m.start, end: m.end, id: m.ids[0] })
    }

    pub fn label(&self, id: u32) -> &str {
        &self.labels[id as usize]
    }
}

/// A vague quantity convention: (min, qualifier label).
#[derive(Debug, Clone, PartialEq)]
pub struct VagueQuantity {
    pub min: Option<u32>,
    pub qualifier: String,
}

/// All cue lists.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    pub negation: CueList,
    pub modality: CueList,
    pub reporting: CueList,
    pub sources: CueList,
    pub historical: CueList,
    pub cumulative: CueList,
    pub vague: CueList,
    pub vague_values: Vec<VagueQuantity>,
    pub directions: CueList,
    pub proximity: CueList,
    /// Words before a place that make it part of an organization's name
    /// (غرفة عمليات اجدابيا، جامعة طرابلس).
    pub org_heads: CueList,
}

/// The texts of the cue files, by name.
pub struct CueSources<'a> {
    pub negation: &'a str,
    pub modality: &'a str,
    pub reporting: &'a str,
    pub sources: &'a str,
    pub historical: &'a str,
    pub cumulative: &'a str,
    pub vague: &'a str,
    pub directions: &'a str,
    pub proximity: &'a str,
    pub org_heads: &'a str,
}

impl Cues {
    pub(crate) fn matchers_mut(&mut self) -> Vec<&mut PhraseMatcher> {
        [
            &mut self.negation,
            &mut self.modality,
            &mut self.reporting,
            &mut self.sources,
            &mut self.historical,
            &mut self.cumulative,
            &mut self.vague,
            &mut self.directions,
            &mut self.proximity,
            &mut self.org_heads,
        ]
        .into_iter()
        .map(|c| &mut c.matcher)
        .collect()
    }

    pub fn load(s: &CueSources<'_>) -> Result<Cues, DataError> {
        let vague = CueList::load("data/cues/vague_quantities.tsv", s.vague)?;
        let mut vague_values = Vec::new();
        const V: &str = "data/cues/vague_quantities.tsv";
        for (line, cols) in records(V, s.vague) {
            let c = need(V, line, &cols, 3)?;
            let min = match c[1] {
                "-" | "" => None,
                n => Some(parse(V, line, "min", n)?),
            };
            vague_values.push(VagueQuantity { min, qualifier: c[2].to_string() });
        }
        Ok(Cues {
            negation: CueList::load("data/cues/negation.txt", s.negation)?,
            modality: CueList::load("data/cues/modality.txt", s.modality)?,
            reporting: CueList::load("data/cues/reporting.txt", s.reporting)?,
            sources: CueList::load("data/cues/sources.tsv", s.sources)?,
            historical: CueList::load("data/cues/historical.txt", s.historical)?,
            cumulative: CueList::load("data/cues/cumulative.txt", s.cumulative)?,
            vague,
            vague_values,
            directions: CueList::load("data/cues/directions.tsv", s.directions)?,
            proximity: CueList::load("data/cues/proximity.txt", s.proximity)?,
            org_heads: CueList::load("data/places/org_heads.txt", s.org_heads)?,
        })
    }
}
