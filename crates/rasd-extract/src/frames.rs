#![allow(clippy::single_range_in_vec_init)] // frames hold a list of ranges that starts with one
//! Event frames: a trigger in context with its arguments.
//!
//! A frame is built per sentence around its anchor triggers (event, attack,
//! kill words); a sentence is cut into several frames where a running-total
//! word (حصيلة) starts a second claim, or where a later clause carries its
//! own trigger and its own toll. A sentence that continues the previous one
//! without a subject of its own (وكبدتهم خسائر فادحة، وأصاب ... في ضربات
//! جوية) adds its words to the previous frame.

use crate::mentions::Mentions;
use rasd_lexicon::{Lexicon, Role};
use std::ops::Range;

/// A frame before coding: which tokens and triggers it covers.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Token ranges it covers (a sentence, a part of one, continuations).
    pub ranges: Vec<Range<usize>>,
    /// Indices into `Mentions::triggers`.
    pub triggers: Vec<usize>,
    /// Starts at a running-total word: a cumulative claim.
    pub total: bool,
    /// Made of a definite singular trigger with no toll before a total
    /// (الضربة الجديدة التي شنت الأحد): a back-reference to an earlier event.
    pub coref: bool,
    /// Sentence index of the first range.
    pub sentence: usize,
}

impl Frame {
    pub fn contains(&self, i: usize) -> bool {
        self.ranges.iter().any(|r| r.contains(&i))
    }
    pub fn first(&self) -> usize {
        self.ranges[0].start
    }
}

fn is_anchor(lex: &Lexicon, m: &Mentions<'_>, t: usize) -> bool {
    m.triggers[t].ids.iter().any(|&id| matches!(lex.triggers.get(id).role, Role::Event | Role::Attack | Role::Kill))
}

/// Whether token `i` begins with the conjunction و / ف and nothing names a
/// new subject right after it.
fn continues(lex: &Lexicon, m: &Mentions<'_>, range: &Range<usize>) -> bool {
    let i = range.start;
    let w = m.a.norm(i);
    let conj = (w.starts_with('و') || w.starts_with('ف')) && lex.text.vocab().prefers_split(w, "و".len());
    if !conj || w.chars().count() < 4 {
        return false;
    }
    // a new report (ذكر موقع، أفادت مصادر) is a new claim
    if m.reporting.iter().any(|c| range.contains(&c.start)) {
        return false;
    }
    // a verb-initial continuation has no actor among its first words
    !m.actors.iter().any(|h| h.start >= i && h.start < (i + 3).min(range.end))
}

/// Whether clause `c` tells battles going on around a strike told before it
/// in the frame (كما شنت قوات التحالف قصفا صاروخيا على مواقع الحوثيين في مديرية حيدان،
/// وسط معارك بين القوات الحكومية والمتمردين في محور علب; قصف مدفعي للقوات التركية تسبب
/// في مقتل 43 مدنيا، فيما تدور معارك على الحدود الشمالية لمدينة عفرين): a second
/// happening, the fighting, coded apart from the strike.
fn battle_amid_strike(lex: &Lexicon, m: &Mentions<'_>, cur: &Frame, c: &Range<usize>) -> bool {
    use rasd_core::SubEventType as S;
    let a = &m.a;
    let sub = |t: usize, f: &dyn Fn(S) -> bool| {
        m.triggers[t].ids.iter().any(|&id| {
            let x = lex.triggers.get(id);
            x.role == Role::Event && x.sub_event_type.is_some_and(f)
        })
    };
    let strike = cur.triggers.iter().any(|&t| sub(t, &|s| matches!(s, S::AirDroneStrike | S::Shelling)));
    if !strike || c.len() < 2 {
        return false;
    }
    let w = a.norm(c.start);
    let w = if w == "وسط" { w } else { w.strip_prefix('و').unwrap_or(w) };
    let at = match w {
        "وسط" | "خلال" => c.start + 1,
        "فيما" | "بينما" if c.start + 2 < c.end && matches!(a.norm(c.start + 1), "تدور" | "تستمر" | "تتواصل") => {
            c.start + 2
        }
        _ => return false,
    };
    m.triggers.iter().any(|t| {
        t.start == at
            && t.ids.iter().any(|&id| {
                let x = lex.triggers.get(id);
                x.role == Role::Event && x.plural && x.sub_event_type == Some(S::ArmedClash)
            })
    })
}

/// The sentences that link to other articles rather than tell news: a line
/// led by اقرأ أيضا / للمزيد and a mark (اقرأ أيضا: الصليب الأحمر …،
/// للمزيد - معركة عفرين: من يقاتل من؟), and when the cue stands alone on its
/// line, the headline lines under it (they end with no full stop).
fn link_sentences(a: &rasd_text::Analysis<'_>) -> Vec<bool> {
    let text = a.original;
    let mut link = vec![false; a.sentences.len()];
    // byte ranges of link lines
    let mut lines: Vec<Range<usize>> = Vec::new();
    for sent in &a.sentences {
        let r = sent.tokens.clone();
        if r.is_empty() {
            continue;
        }
        let cue_end = match a.norm(r.start) {
            "اقرا" | "إقرا" if r.len() > 1 && a.norm(r.start + 1).starts_with("ايضا") => r.start + 1,
            "للمزيد" => r.start,
            _ => continue,
        };
        let after = a.tokens[cue_end].span.end;
        let rest = &text[after..];
        let mark = rest.trim_start_matches([' ', '\u{a0}', 'ً']).chars().next();
        if !matches!(mark, Some(':' | '-' | '|' | '،' | ',' | '\n') | None) {
            continue;
        }
        let line_end = rest.find('\n').map_or(text.len(), |k| after + k);
        let line_start = text[..a.tokens[r.start].span.start].rfind('\n').map_or(0, |k| k + 1);
        lines.push(line_start..line_end);
        let alone = text[after..line_end]
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '|' | 'ً'))
            .is_empty();
        if alone {
            // headline lines under a bare cue, up to four
            let mut at = line_end + 1;
            for _ in 0..4 {
                if at >= text.len() {
                    break;
                }
                let end = text[at..].find('\n').map_or(text.len(), |k| at + k);
                let line = text[at..end].trim();
                if line.is_empty() || line.ends_with('.') || line.starts_with('و') {
                    break;
                }
                lines.push(at..end);
                at = end + 1;
            }
        }
    }
    lines.extend(headline_lines(text));
    for (si, sent) in a.sentences.iter().enumerate() {
        if let Some(first) = sent.tokens.clone().next() {
            let b = a.tokens[first].span.start;
            link[si] = lines.iter().any(|l| l.contains(&b));
        }
    }
    link
}

/// The longest headline line, in characters.
const HEADLINE_CHARS: usize = 100;

/// Headline lines inside a page that ends its sentences with full stops: a short line after the
/// first, with no full stop, comma or linking و, is the title of a related story or a section
/// (الصومال: ارتفاع عدد القتلى في تفجير مقديشو إلى 358، معارك عفرين: خارطة الأعداء والحلفاء
/// المتحركة); its events belong to another article or are told in the paragraph under it.
fn headline_lines(text: &str) -> Vec<Range<usize>> {
    let mut lines: Vec<(Range<usize>, &str)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if !t.is_empty() {
            lines.push((at..at + line.trim_end().len(), t));
        }
        at += line.len();
    }
    let stopped = |t: &str| t.ends_with(['.', '!', '?', '؟']);
    if lines.iter().filter(|(_, t)| stopped(t)).count() < 3 {
        return Vec::new();
    }
    lines
        .into_iter()
        .skip(1)
        .filter(|(_, t)| {
            let last = t.chars().last();
            !stopped(t)
                && !matches!(last, Some(':' | '"' | '»' | '”' | ')' | '،' | ','))
                && t.chars().count() <= HEADLINE_CHARS
                && !t.starts_with('و')
                && !t.contains('،')
        })
        .map(|(r, _)| r)
        .collect()
}

/// Builds the frames of a document.
pub fn build(lex: &Lexicon, m: &Mentions<'_>) -> Vec<Frame> {
    let mut frames: Vec<Frame> = Vec::new();
    let links = link_sentences(&m.a);
    for (si, sent) in m.a.sentences.iter().enumerate() {
        let r = sent.tokens.clone();
        if links[si] {
            continue;
        }
        let ts: Vec<usize> = (0..m.triggers.len()).filter(|&t| r.contains(&m.triggers[t].start)).collect();
        let anchors: Vec<usize> = ts.iter().copied().filter(|&t| is_anchor(lex, m, t)).collect();
        let total_at = m
            .cumulative
            .iter()
            .find(|c| {
                let label = lex.cues.cumulative.label(c.id);
                // في حصيلة أولية after a stated toll qualifies it; before any toll it opens a total
                let toll_before = m.a.quantities.iter().any(|q| q.tokens.start >= r.start && q.tokens.end <= c.start);
                r.contains(&c.start) && (label == "total" || (label == "after_toll" && !toll_before))
            })
            .map(|c| c.start)
            // a bare toll closing the telling of one happening is that happening's, no second
            // claim (آلية انفجرت الثلاثاء عند مرورها على عبوة ناسفة، "والحصيلة ستة قتلى"); not a
            // rise (وارتفعت الحصيلة) or a toll over a period (والحصيلة منذ بداية الشهر)
            .filter(|&k| {
                let w = m.a.norm(k);
                let bare = w.strip_prefix('و').is_some_and(|x| x == "الحصيله")
                    || (w == "الحصيله" && (k == r.start || !m.a.norm(k - 1).chars().any(char::is_alphabetic)));
                let told_before = anchors.iter().any(|&t| m.triggers[t].start < k);
                let period_after = m.cumulative.iter().any(|c| c.start > k && r.contains(&c.start))
                    || m.dates.iter().any(|d| d.since && d.start > k && r.contains(&d.start));
                !(bare && told_before && !period_after)
            });
        // a continuation sentence joins the previous frame
        if let Some(prev) = frames.last_mut() {
            let adjacent = prev.ranges.last().is_some_and(|p| p.end == r.start);
            let own_toll = anchors.iter().any(|&t| {
                let tr = &m.triggers[t];
                m.a.quantities.iter().any(|q| q.tokens.start >= tr.end && q.tokens.start <= tr.end + 3)
            });
            if adjacent && continues(lex, m, &r) && !own_toll && total_at.is_none() && r.len() <= 40 {
                prev.ranges.push(r.clone());
                prev.triggers.extend(ts.iter().copied());
                continue;
            }
        }
        if anchors.is_empty() && total_at.is_none() {
            continue;
        }
        // a running total inside the sentence starts a second claim
        if let Some(k) = total_at {
            let before: Vec<usize> = ts.iter().copied().filter(|&t| m.triggers[t].start < k).collect();
            let after: Vec<usize> = ts.iter().copied().filter(|&t| m.triggers[t].start >= k).collect();
            if before.iter().any(|&t| is_anchor(lex, m, t)) {
                let coref = !m.a.quantities.iter().any(|q| q.tokens.start >= r.start && q.tokens.start < k);
                frames.push(Frame {
                    ranges: vec![r.start..k],
                    triggers: before.clone(),
                    total: false,
                    coref,
                    sentence: si,
                });
            }
            // the total takes the sub-event words of the whole sentence
            let mut trig = after;
            trig.extend(before);
            frames.push(Frame { ranges: vec![k..r.end], triggers: trig, total: true, coref: false, sentence: si });
            continue;
        }
        // one frame per sentence, cut where a later clause has its own anchor and toll
        let clauses: Vec<Range<usize>> =
            m.a.clauses
                .iter()
                .filter(|c| c.tokens.start >= r.start && c.tokens.end <= r.end)
                .map(|c| c.tokens.clone())
                .collect();
        let mut cur =
            Frame { ranges: vec![r.start..r.start], triggers: vec![], total: false, coref: false, sentence: si };
        let mut cur_has = (false, false); // (anchor, toll)
        for c in clauses {
            let c_anchor = anchors.iter().any(|&t| c.contains(&m.triggers[t].start));
            // a count of the wounded (فيما جرح أكثر من 20، 5 جرحى) is no toll of a new happening
            let injured = |q: &rasd_text::Quantity| {
                ts.iter().any(|&t| {
                    let tr = &m.triggers[t];
                    let near = (tr.end <= q.tokens.start && q.tokens.start - tr.end <= 3)
                        || (q.tokens.end <= tr.start && tr.start - q.tokens.end <= 1);
                    near && m.triggers[t].ids.iter().any(|&id| lex.triggers.get(id).role == Role::Injure)
                })
            };
            // (nor a distance or a span: على بعد حوالى 7 كلم)
            let unit = |q: &rasd_text::Quantity| {
                q.value_tokens.end < m.a.tokens.len()
                    && crate::coding::NOT_TOLL_UNITS
                        .contains(&rasd_text::clitics::strip_article(m.a.norm(q.value_tokens.end)))
            };
            let c_toll = m.a.quantities.iter().any(|q| {
                c.contains(&q.tokens.start) && q.kind != rasd_text::QuantityKind::Ordinal && !injured(q) && !unit(q)
            });
            if (cur_has.0 && cur_has.1 && c_anchor && c_toll) || battle_amid_strike(lex, m, &cur, &c) {
                frames.push(cur);
                cur = Frame {
                    ranges: vec![c.start..c.start],
                    triggers: vec![],
                    total: false,
                    coref: false,
                    sentence: si,
                };
                cur_has = (false, false);
            }
            cur.ranges[0].end = c.end;
            cur.triggers.extend(ts.iter().copied().filter(|&t| c.contains(&m.triggers[t].start)));
            cur_has = (cur_has.0 || c_anchor, cur_has.1 || c_toll);
        }
        if cur.triggers.iter().any(|&t| is_anchor(lex, m, t)) {
            frames.push(cur);
        } else if let Some(last) = frames.last_mut().filter(|f| f.sentence == si) {
            // trailing clause without an anchor belongs to the frame before
            last.ranges[0].end = cur.ranges[0].end;
            last.triggers.extend(cur.triggers);
        }
    }
    frames
}
