//! Actor resolution on real sentences (`tests/data/actor_mentions.tsv`).
//!
//! For each row the actor mention overlapping the labelled substring is
//! resolved to a name the way the extractor does it (`rasd-extract`
//! `mentions::resolve_actors`): a dictionary entry gives its canonical name, a
//! force noun with a country its composed name, and a definite bare force
//! noun (قوات الجيش) the last state force of the sentence's focus country, else
//! that country's forces. `cargo test --release -p rasd-lexicon --test actors
//! -- --nocapture` prints the report and every failure.

mod common;

use common::{lex, rows, token_range};

use rasd_lexicon::{ActorRef, Lexicon};
use rasd_text::Analysis;
use std::collections::BTreeMap;

const CASES: &str = include_str!("data/actor_mentions.tsv");
/// The project's target.
const TARGET: f64 = 0.90;

struct Case<'a> {
    line: usize,
    doc: &'a str,
    mention: &'a str,
    expected: &'a str,
    sentence: &'a str,
}

fn cases() -> Vec<Case<'static>> {
    rows(CASES, "actor_mentions.tsv", 4)
        .into_iter()
        .map(|(line, c)| Case { line, doc: c[0], mention: c[1], expected: c[2], sentence: c[3] })
        .collect()
}

/// What one mention resolved to.
struct Resolved {
    start: usize,
    end: usize,
    name: Option<String>,
    how: &'static str,
}

/// Resolves every actor mention of the sentence as the extractor does.
fn resolve_all(lex: &Lexicon, a: &Analysis<'_>) -> Vec<Resolved> {
    let raw = lex.actors.find(a);
    // the focus country, voted like rasd-extract's gather(): places, adjectives, actor countries
    let places = lex.places.find(a, &lex.cues.org_heads, lex.text.vocab());
    let actor_countries: Vec<String> = raw
        .iter()
        .filter_map(|m| match m.actor {
            ActorRef::Entry(i) => lex.actors.entry(i).country.clone(),
            ActorRef::Composed { country, .. } => Some(lex.actors.countries[country as usize].iso3.clone()),
            ActorRef::BareForce(_) => None,
        })
        .filter_map(|iso3| lex.actors.country_by_iso3(&iso3).map(|c| lex.actors.countries[c as usize].iso2.clone()))
        .collect();
    let focus = lex.places.focus_country(a, &places, &actor_countries);
    let focus_iso3 = focus
        .as_deref()
        .and_then(|f| lex.actors.country_by_iso2(f))
        .map(|c| lex.actors.countries[c as usize].iso3.clone());
    // (name, inter, generic, country) of the mentions resolved so far
    let mut prev: Vec<(String, u8, bool, Option<String>)> = Vec::new();
    let mut out = Vec::new();
    for m in &raw {
        let (name, how) = match m.actor {
            ActorRef::Entry(i) => {
                let e = lex.actors.entry(i);
                prev.push((e.name.clone(), e.inter, e.generic, e.country.clone()));
                (Some(e.name.clone()), "entry")
            }
            ActorRef::Composed { force, country } => {
                let (name, inter, iso3) = lex.actors.composed(force, country);
                prev.push((name.clone(), inter, false, Some(iso3)));
                (Some(name), "composed")
            }
            ActorRef::BareForce(force) => {
                let definite = (m.start..m.end).any(|j| rasd_text::clitics::splits(a.norm(j)).any(|s| s.article));
                if !definite {
                    (None, "bare force (indefinite: nobody)")
                } else if let Some(p) = prev
                    .iter()
                    .rev()
                    .find(|p| p.1 == 1 && !p.2 && focus_iso3.is_some() && p.3.as_deref() == focus_iso3.as_deref())
                {
                    (Some(p.0.clone()), "bare force → previous state force")
                } else if let Some(ci) = focus.as_deref().and_then(|f| lex.actors.country_by_iso2(f)) {
                    let (name, inter, iso3) = lex.actors.composed(force, ci);
                    prev.push((name.clone(), inter, false, Some(iso3)));
                    (Some(name), "bare force + focus country")
                } else {
                    (None, "bare force, no focus country")
                }
            }
        };
        out.push(Resolved { start: m.start, end: m.end, name, how });
    }
    out
}

#[test]
fn actor_mentions_resolve_to_the_labelled_actor() {
    let lex = lex();
    let cases = cases();
    let mut ok = 0usize;
    let mut by_how: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for c in &cases {
        let a = lex.text.analyze(c.sentence);
        let Some((s, e)) = token_range(&a, c.mention) else {
            failures.push(format!("line {} {}: mention {:?} not in the sentence", c.line, c.doc, c.mention));
            continue;
        };
        let resolved = resolve_all(lex, &a);
        // the overlapping mention with the most tokens in common, earliest first
        let hit = resolved
            .iter()
            .filter(|r| r.start < e && s < r.end)
            .max_by_key(|r| (r.end.min(e) - r.start.max(s), std::cmp::Reverse(r.start)));
        let (got, how, surface) = match hit {
            Some(r) => {
                let surf = &c.sentence[a.tokens[r.start].span.start..a.tokens[r.end - 1].span.end];
                (r.name.clone(), r.how, surf.to_string())
            }
            None => (None, "no mention", String::new()),
        };
        let good = got.as_deref() == Some(c.expected);
        let slot = by_how.entry(how).or_default();
        slot.1 += 1;
        if good {
            ok += 1;
            slot.0 += 1;
        } else {
            failures.push(format!(
                "line {} {}: {:?} expected {:?}, got {:?} [{how}{}]",
                c.line,
                c.doc,
                c.mention,
                c.expected,
                got.unwrap_or_default(),
                if surface.is_empty() { String::new() } else { format!(": {surface:?}") }
            ));
        }
    }
    let n = cases.len();
    let acc = ok as f64 / n as f64;
    println!("\n== actor resolution: {ok}/{n} = {:.1}%", 100.0 * acc);
    for (how, (g, t)) in &by_how {
        println!("   {how:<40} {g:>4}/{t:<4}");
    }
    println!("-- failures ({}):", failures.len());
    for f in &failures {
        println!("   {f}");
    }
    assert!(acc >= TARGET, "actor accuracy {:.1}% below {:.0}%", 100.0 * acc, 100.0 * TARGET);
}
