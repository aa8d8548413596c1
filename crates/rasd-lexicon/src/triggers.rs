//! The trigger lexicon (`data/triggers/triggers.tsv`): words that signal an
//! event, a killing, a wounding, a weapon or a running total, each with the
//! ACLED sub-event type and PLOVER event/mode it points to.

use crate::matcher::{Match, PhraseMatcher};
use crate::tsv::{need, opt, records, DataError};
use rasd_core::{PloverEvent, PloverMode, SubEventType};
use rasd_text::Analysis;

/// The payload of `block` entries: phrases whose words are no trigger.
const BLOCK: u32 = u32::MAX;

/// What a trigger contributes to an event frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Names a kind of event (غارة، اشتباكات، مظاهرة).
    Event,
    /// A generic attack; the weapon or the actors decide its type (هجوم، استهدف).
    Attack,
    /// A death predicate (قتل، مقتل، لقي حتفه).
    Kill,
    /// Wounding (أصيب، جرحى).
    Injure,
    /// A weapon or means (صاروخ، عبوة ناسفة).
    Weapon,
    /// A running-total word (حصيلة).
    Cumulative,
}

/// Part of speech of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    Verb,
    Passive,
    Masdar,
    Noun,
    Participle,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    pub phrase: String,
    pub role: Role,
    pub sub_event_type: Option<SubEventType>,
    pub plover_event: Option<PloverEvent>,
    pub plover_mode: Option<PloverMode>,
    pub pos: Pos,
    /// Needs a violent context (مسيرة: a march or a drone).
    pub ctx: bool,
    /// Plural or several happenings (غارات).
    pub plural: bool,
    /// The object of the verb is the victim.
    pub victim_obj: bool,
    /// Read only without the article: with it the word is another noun
    /// (الأسر "the families", أُسَر; أسر 5 جنود "the capture of five soldiers").
    pub indef: bool,
}

/// A trigger found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerMention {
    pub start: usize,
    pub end: usize,
    /// Trigger ids (one phrase may carry several roles).
    pub ids: Vec<u32>,
    pub pre_len: usize,
    /// A pronoun suffix was attached (قتلهم: the object is a pronoun).
    pub suffix: bool,
}

#[derive(Debug, Clone, Default)]
pub struct TriggerLexicon {
    pub triggers: Vec<Trigger>,
    matcher: PhraseMatcher,
}

impl TriggerLexicon {
    pub(crate) fn matchers_mut(&mut self) -> Vec<&mut PhraseMatcher> {
        vec![&mut self.matcher]
    }

    pub fn load(tsv: &str) -> Result<TriggerLexicon, DataError> {
        const F: &str = "data/triggers/triggers.tsv";
        let mut lex = TriggerLexicon { matcher: PhraseMatcher::new(true), ..Default::default() };
        for (line, cols) in records(F, tsv) {
            let c = need(F, line, &cols, 6)?;
            let bad = |what: &str, v: &str| DataError { file: F.into(), line, msg: format!("bad {what}: {v:?}") };
            if c[1] == "block" {
                // a name that contains trigger words but names no event
                // (منظمة حظر الأسلحة الكيميائية): matched, then dropped
                lex.matcher.insert(c[0], BLOCK);
                continue;
            }
            let role = match c[1] {
                "event" => Role::Event,
                "attack" => Role::Attack,
                "kill" => Role::Kill,
                "injure" => Role::Injure,
                "weapon" => Role::Weapon,
                "cumulative" => Role::Cumulative,
                r => return Err(bad("role", r)),
            };
            let sub = opt(c[2]).map(|s| s.parse().map_err(|_| bad("sub_event_type", s))).transpose()?;
            let pe = opt(c[3]).map(|s| s.parse().map_err(|_| bad("plover_event", s))).transpose()?;
            let pm = opt(c[4]).map(|s| s.parse().map_err(|_| bad("plover_mode", s))).transpose()?;
            let flags: Vec<&str> = c[5].split(',').map(str::trim).collect();
            let pos = if flags.contains(&"passive") {
                Pos::Passive
            } else if flags.contains(&"verb") {
                Pos::Verb
            } else if flags.contains(&"masdar") {
                Pos::Masdar
            } else if flags.contains(&"participle") {
                Pos::Participle
            } else {
                Pos::Noun
            };
            let id = lex.triggers.len() as u32;
            lex.triggers.push(Trigger {
                phrase: c[0].into(),
                role,
                sub_event_type: sub,
                plover_event: pe,
                plover_mode: pm,
                pos,
                ctx: flags.contains(&"ctx"),
                plural: flags.contains(&"plural"),
                victim_obj: flags.contains(&"victim_obj"),
                indef: flags.contains(&"indef"),
            });
            lex.matcher.insert(c[0], id);
        }
        Ok(lex)
    }

    pub fn get(&self, id: u32) -> &Trigger {
        &self.triggers[id as usize]
    }

    /// All trigger mentions in text order.
    pub fn find(&self, a: &Analysis<'_>) -> Vec<TriggerMention> {
        self.matcher
            .find_all(a)
            .into_iter()
            .filter(|m| !m.ids.contains(&BLOCK))
            .filter_map(|Match { start, end, ids, pre_len, suffix, .. }| {
                let ids: Vec<u32> =
                    if ids.iter().any(|&id| self.triggers[id as usize].indef) && a.keys().definite(start) {
                        ids.iter().copied().filter(|&id| !self.triggers[id as usize].indef).collect()
                    } else {
                        ids.to_vec()
                    };
                (!ids.is_empty()).then_some(TriggerMention { start, end, ids, pre_len, suffix })
            })
            .collect()
    }
}
