//! Coding a frame: filters (negation, modality, background), the ACLED
//! sub-event type and PLOVER mode, actors in their roles, place, date, death
//! toll, scope, the source of the claim and a confidence.

use crate::dates::DateMention;
use crate::frames::Frame;
use crate::mentions::{ActorHit, Mentions};
use jiff::civil::Date;
use jiff::ToSpan;
use rasd_core::{GeoPrecision, PloverEvent, PloverMode, Qualifier, Scope, Span, SubEventType, TimePrecision};
use rasd_lexicon::triggers::Pos;
use rasd_lexicon::{Lexicon, PlaceKind, Role, Trigger};
use rasd_text::clitics::strip_article;
use rasd_text::keys::StemSet;
use rasd_text::{QuantityKind, TokenKind};
use std::sync::LazyLock;

/// A coded frame, still in token/byte terms.
#[derive(Debug, Clone)]
pub struct Coded {
    pub sub: SubEventType,
    pub plover: PloverEvent,
    pub mode: Option<PloverMode>,
    pub anchor: usize,
    pub actor1: Option<ActorHit>,
    pub actor2: Option<ActorHit>,
    pub place: Option<PlaceChoice>,
    pub date: DateChoice,
    pub toll: Option<Toll>,
    pub scope: Scope,
    pub count: Option<u32>,
    pub source: Option<SourceChoice>,
    pub evidence: Vec<Span>,
    pub rules: Vec<&'static str>,
    pub coref: bool,
    /// The date came from the frame's own words (not the publication date).
    pub own_date: bool,
    pub specific: bool,
    /// The victim is named by rank, office or trade (مقتل العميد ...، اغتيال الصحفي ...).
    pub named_victim: bool,
    /// The records made of one list of places (غارات على التحيتا وزبيد) share this
    /// mark (the first token of the frame): they are separate events, never merged.
    pub list: Option<usize>,
    /// How many of the toll are the attackers' own dead (المسلحين الثمانية قتلوا جميعهم):
    /// ACLED counts them on top of their victims.
    pub attackers_dead: Option<u32>,
    /// The toll counts armed men of any side (قتل 45 مسلحا، مقتل اثنين من المسلحين): the
    /// attackers' dead told apart may be these again.
    pub armed_dead: bool,
}

#[derive(Debug, Clone)]
pub struct PlaceChoice {
    pub place: u32,
    pub span: Span,
    pub precision: GeoPrecision,
    pub offset_km: Option<f64>,
    pub bearing: Option<String>,
    /// Coordinates of the chosen place.
    pub point: Option<(f64, f64)>,
    /// The place is a whole country.
    pub country: bool,
    /// ISO alpha-2 of the place's country.
    pub cc: String,
}

#[derive(Debug, Clone)]
pub struct DateChoice {
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub precision: TimePrecision,
    pub span: Option<Span>,
}

#[derive(Debug, Clone)]
pub struct Toll {
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub qualifier: Qualifier,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct SourceChoice {
    pub name: String,
    pub span: Span,
}

/// Why a frame was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drop {
    Negated,
    Modal,
    Background,
    NoContext,
    NoParticipant,
    Court,
}

impl Drop {
    pub fn reason(&self) -> &'static str {
        match self {
            Drop::Negated => "negated (لم، لن، نفى)",
            Drop::Modal => "future, hypothetical or a threat (سوف، قد، يجب)",
            Drop::Background => "historical background (an earlier year, منذ تولي ...)",
            Drop::NoContext => "no violent context (an accident, a march, a listing)",
            Drop::NoParticipant => "no one in it (no actor, death, wounding or weapon) and no place of its own",
            Drop::Court => "a court ruling about the act, not the act",
        }
    }
}

fn trig<'l>(lex: &'l Lexicon, m: &Mentions<'_>, t: usize) -> impl Iterator<Item = &'l Trigger> + 'l {
    let ids = m.triggers[t].ids.clone();
    ids.into_iter().map(move |id| lex.triggers.get(id))
}

/// Priority of sub-event types when several words of a frame name one
/// (a strike inside a reported battle is the battle: ACLED).
fn priority(s: SubEventType) -> u8 {
    use SubEventType::*;
    match s {
        GovernmentRegainsTerritory | NonStateActorOvertakesTerritory => 0,
        ArmedClash => 1,
        SuicideBomb => 2,
        ChemicalWeapon => 3,
        RemoteExplosive => 4,
        AirDroneStrike => 5,
        Shelling => 6,
        Grenade => 7,
        ExcessiveForce => 8,
        ViolentDemonstration => 9,
        MobViolence => 10,
        ProtestWithIntervention => 11,
        Abduction => 12,
        SexualViolence => 13,
        Attack => 14,
        PeacefulProtest => 15,
        Arrests => 16,
        DisruptedWeaponsUse => 17,
        Looting => 18,
        NonViolentTransfer => 19,
        HeadquartersEstablished => 20,
        Agreement => 21,
        ChangeToGroup => 22,
        Other => 23,
    }
}

fn in_frame_tokens(f: &Frame) -> impl Iterator<Item = usize> + '_ {
    f.ranges.iter().flat_map(|r| r.clone())
}

/// The clause (comma-delimited) holding token `i`.
fn clause_of(m: &Mentions<'_>, i: usize) -> std::ops::Range<usize> {
    m.a.clauses.iter().find(|c| c.tokens.contains(&i)).map(|c| c.tokens.clone()).unwrap_or(i..i + 1)
}

/// Codes one frame; `Err` says why it is not an event.
pub fn code(lex: &Lexicon, m: &Mentions<'_>, f: &Frame) -> Result<Coded, Drop> {
    let a = &m.a;
    let mut rules: Vec<&'static str> = Vec::new();
    // a word in a reply clause names the happening replied to, not this one
    // (ضربات على مواقع للنظام ردا على الهجوم الكيميائي في دوما)
    let ts: Vec<usize> = f.triggers.iter().copied().filter(|&t| !in_reply(m, m.triggers[t].start)).collect();
    // nor does a word of fighting that ended or is to end, an aim after purpose ل, or the
    // dead named as mourned ones: none of them makes the frame violent (see the functions)
    let ts: Vec<usize> = ts
        .into_iter()
        .filter(|&t| {
            let i = m.triggers[t].start;
            let violent = trig(lex, m, t).any(|x| matches!(x.role, Role::Event | Role::Attack | Role::Kill));
            let kill = trig(lex, m, t).all(|x| x.role == Role::Kill);
            !(violent && (ended(m, i) || fight_purpose(m, i))) && !(kill && mourned(m, i))
        })
        .collect();
    let has_role = |role: Role| ts.iter().any(|&t| trig(lex, m, t).any(|x| x.role == role));
    // a weapon made, stored or found is not the act's ([`handled_weapon`], [`found_weapon`]),
    // and neither is the next weapon of its list (عثر على 70 عبوة، وعدد 60 قنبلة يدوية);
    // `held` keeps the first kind for the event-word filter below
    let mut kept = Vec::with_capacity(ts.len());
    let mut held = Vec::new();
    let mut last_held: Option<usize> = None;
    for &t in ts.iter().filter(|&&t| trig(lex, m, t).any(|x| x.role == Role::Weapon)) {
        let (i, e) = (m.triggers[t].start, m.triggers[t].end);
        let listed = last_held.is_some_and(|h| i <= h + 8 && a.sentence_of(h) == a.sentence_of(i));
        let handled = handled_weapon(m, i) || found_weapon(m, i);
        if handled {
            held.push(t);
        }
        if handled || listed {
            last_held = Some(e);
        } else {
            kept.push(t);
        }
    }
    let weapons: Vec<(usize, &Trigger)> =
        kept.iter().flat_map(|&t| trig(lex, m, t).filter(|x| x.role == Role::Weapon).map(move |x| (t, x))).collect();
    let armed_actor = m.actors.iter().any(|h| f.contains(h.start) && h.armed());
    // a context-dependent word (ضربة، عملية، استهدف) counts when the frame
    // is otherwise violent: a killing, a wounding, a firm trigger, a weapon
    // wielded by an armed actor, or (for a verb) an armed actor
    // (a death word that needs context, توفي، وفاة، جثة، is none by itself:
    // توفي المدافع الدولي ... عن عمر ناهز 31 عاما)
    let firm = ts.iter().any(|&t| trig(lex, m, t).any(|x| x.role == Role::Kill && !x.ctx))
        || has_role(Role::Injure)
        || (!weapons.is_empty() && armed_actor)
        || f.coref
        || ts.iter().any(|&t| trig(lex, m, t).any(|x| matches!(x.role, Role::Event | Role::Attack) && !x.ctx));
    // a plural event word whose clause names a place below the country
    // (وتشهد الجوف مواجهات عنيفة، تركزت المواجهات في القطابا): fighting there
    // (not a match report: مواجهات الدوري، فوزه في المواجهة)
    let placed_clause = |i: usize| {
        let cl = clause_of(m, i);
        let sent = a.sentences[a.sentence_of(i)].tokens.clone();
        if sent.clone().any(|j| SPORTS.contains(a, j) || matches!(strip_article(a.norm(j)), "كلاسيكو" | "ديربي"))
        {
            return false;
        }
        m.places
            .iter()
            .any(|p| cl.contains(&p.start) && !p.in_org && lex.places.get(p.chosen()).kind != PlaceKind::Country)
    };
    // a fight told only as the cause of something else (نزح الآلاف بسبب
    // القتال، توقفت مستشفيات عن العمل بسبب الغارات) is no event of its own
    // unless people are killed or wounded in the frame
    let harm = has_role(Role::Kill) || has_role(Role::Injure);
    let anchors: Vec<(usize, &Trigger)> = ts
        .iter()
        .flat_map(|&t| trig(lex, m, t).map(move |x| (t, x)))
        .filter(|(_, x)| matches!(x.role, Role::Event | Role::Attack | Role::Kill))
        .filter(|(t, x)| {
            !x.ctx
                || firm
                || (armed_actor && matches!(x.pos, Pos::Verb | Pos::Passive))
                || (x.plural && x.role == Role::Event && placed_clause(m.triggers[*t].start))
                || (x.pos != Pos::Verb && told_happened(m, m.triggers[*t].start, m.triggers[*t].end))
        })
        .filter(|(t, x)| !(x.ctx && after_title_head(m, m.triggers[*t].start)))
        .filter(|(t, x)| {
            !(matches!(x.role, Role::Event | Role::Attack) && !harm && after_cause(m, m.triggers[*t].start))
        })
        .filter(|(t, x)| {
            !(matches!(x.role, Role::Event | Role::Attack) && !harm && fled_or_feared(m, m.triggers[*t].start))
        })
        .filter(|(t, x)| !(x.role == Role::Event && !harm && generic_battle(m, m.triggers[*t].start)))
        .filter(|(t, x)| {
            !(matches!(x.role, Role::Event | Role::Attack) && !harm && describes_group(m, m.triggers[*t].start))
        })
        // the sound of explosions heard (سمع دوي انفجارات) tells no attack by itself (a sound of
        // strikes or shelling still names what was done: سمع دوي الغارات)
        .filter(|(t, _)| {
            let i = m.triggers[*t].start;
            // (and gunfire heard: يسمعون أصوات إطلاق رصاص في الخارج)
            let blast = ["انفجار", "تفجير", "اطلاق", "رصاص"].iter().any(|b| strip_article(a.norm(i)).starts_with(b));
            harm || i == 0
                || !blast
                || !matches!(strip_article(a.norm(i - 1).trim_start_matches('و')), "دوي" | "صوت" | "اصوات")
        })
        .filter(|(t, x)| !(matches!(x.role, Role::Event | Role::Attack) && figurative(m, m.triggers[*t].end)))
        .filter(|(t, _)| !war_on_abstract(m, m.triggers[*t].start, m.triggers[*t].end))
        .filter(|(t, x)| !(territorial(x) && (purpose(m, m.triggers[*t].start) || period_of(m, m.triggers[*t].start))))
        // قبل تطهيرها من الميليشيا: a takeover named after قبل only dates something else
        .filter(|(t, x)| {
            let i = m.triggers[*t].start;
            !(territorial(x) && x.pos != Pos::Verb && i > 0 && a.norm(i - 1).trim_start_matches('و') == "قبل")
        })
        .filter(|(t, x)| !(territorial(x) && not_ground(m, m.triggers[*t].end)))
        // (leaflets or aid dropped from the air are no shoot-down: أسقطت مروحيات منشورات على الغوطة)
        .filter(|(t, x)| dropped_load(m, *t, x) != Some(false))
        // (bodies handed over or received are no ground given: المستشفى تسلم 40 جثة)
        .filter(|(t, x)| handed_people(m, *t, x) != Some(false))
        // (wrecking told as a relative's past, or of gear of war with no armed side in the frame, is
        // no happening of its own: جامع النوري الذي دمره التنظيم، أسفرت عن تدمير أربعة أطقم)
        .filter(|(t, x)| {
            !(bare_destruction(x) && (wrecked_before(m, *t) || (!armed_actor && combat_destruction(lex, m, *t, x))))
        })
        .filter(|(t, x)| !(territorial(x) && held_control(m, m.triggers[*t].start)))
        .filter(|(t, x)| !(demonstration(x) && no_demonstration(m, *t)))
        .filter(|(t, _)| !charged(m, m.triggers[*t].start))
        .filter(|(t, x)| !(x.role == Role::Kill && war_toll(m, m.triggers[*t].start)))
        // (a killing named as an aim is no harm done: تهدف للقضاء على الإرهابيين)
        .filter(|(t, x)| {
            let hurt = ts.iter().any(|&u| {
                trig(lex, m, u).any(|y| matches!(y.role, Role::Kill | Role::Injure)) && !purpose(m, m.triggers[u].start)
            });
            hurt || !bare_operation(x) || conducted(m, m.triggers[*t].start, m.triggers[*t].end)
        })
        // (a truce broken by a blow or a death still carries that violence: القذائف التي سقطت
        // السبت على مواقع للقوات الحكومية يبدو أنها خرقت الاتفاق)
        .filter(|(t, x)| {
            !truce_noun(x) || harm || !weapons.is_empty() || truce_made(m, m.triggers[*t].start, m.triggers[*t].end)
        })
        // (a weapon noun made or found names no blast: معمل لتصنيع العبوات الناسفة)
        .filter(|(t, x)| !(x.pos == Pos::Noun && held.contains(t)))
        // "any" strike is none in particular (حذر من أي ضربة أميركية، للرد على أي هجوم)
        .filter(|(t, x)| {
            let i = m.triggers[*t].start;
            x.pos == Pos::Verb || i == 0 || a.norm(i - 1).trim_start_matches(['و', 'ل', 'ب']) != "اي"
        })
        .collect();
    if anchors.is_empty() {
        return Err(Drop::NoContext);
    }
    // منذ تطهيرها، منذ سيطرة التنظيم: an event word right after منذ names a
    // past happening the news is dated from, not the news itself
    // (and so does the rest of its clause: منذ الهجوم الكيميائي الذي استهدف ...)
    let since_at = |t: usize| {
        let i = m.triggers[t].start;
        i > 0 && a.norm(i - 1) == "منذ"
    };
    let since_ref = |t: usize| {
        let i = m.triggers[t].start;
        anchors.iter().any(|(s, _)| {
            let j = m.triggers[*s].start;
            since_at(*s) && j <= i && clause_of(m, j).contains(&i)
        })
    };
    let past: Vec<bool> = anchors.iter().map(|(t, _)| since_ref(*t)).collect();
    if past.iter().all(|&p| p) {
        return Err(Drop::Background);
    }
    let anchors: Vec<(usize, &Trigger)> = anchors.into_iter().zip(past).filter(|(_, p)| !p).map(|(x, _)| x).collect();
    // a taking of ground in a time clause, told of a side already named (قبل
    // طردها من مديرية حيس، عقب دحرهم من المدينة), dates the news against an
    // earlier or later change of hands; it names the sub-event only when
    // nothing else in the frame does
    let timed_takeover = |t: usize, x: &Trigger| {
        let i = m.triggers[t].start;
        territorial(x)
            && (a.norm(i).ends_with("هم") || a.norm(i).ends_with("ها"))
            && i > 0
            && matches!(strip_article(a.norm(i - 1).trim_start_matches(['و', 'ف'])), "قبل" | "بعد" | "عقب" | "اثر")
    };
    // a taking of ground told only after بعد (بعد السيطرة على الغوطة الشرقية، بعد استعادة القوات
    // العراقية مدينة الموصل) is the earlier change of hands a later state is dated from
    // (and so is one a success came after: بعد نجاح الجيش السوري في استعادة السيطرة على مناطق)
    let after_success = |i: usize| {
        i > 2
            && a.norm(i - 1) == "في"
            && (i.saturating_sub(7)..i - 1).any(|k| {
                matches!(strip_article(a.norm(k).trim_start_matches(['و', 'ف'])), "بعد" | "عقب" | "اثر")
                    && matches!(strip_article(a.norm(k + 1)), "نجاح" | "تمكن")
            })
    };
    let after_takeover = |t: usize, x: &Trigger| {
        let i = m.triggers[t].start;
        territorial(x)
            && x.pos != Pos::Verb
            && i > 0
            && (matches!(strip_article(a.norm(i - 1).trim_start_matches(['و', 'ف'])), "بعد" | "عقب" | "اثر")
                || after_success(i))
    };
    if anchors.iter().all(|(t, x)| after_takeover(*t, x)) {
        return Err(Drop::Background);
    }
    // an event word opening a relative clause that tells a state or a practice of its head,
    // not a dated act: ground taken (الغوطة الشرقية التي سيطر عليها الجيش مؤخرا) or a present
    // tense (الغوطة الشرقية التي تتعرض لقصف مستمر، تركيا التي تقصف بطائراتها المدنيين)
    let relative_state = |t: usize, x: &Trigger| {
        let i = m.triggers[t].start;
        let rel = i > 0
            && matches!(
                a.norm(i - 1).trim_start_matches('و'),
                "الذي" | "التي" | "الذين" | "اللذين" | "اللتين" | "اللاتي"
            );
        let w = a.norm(i).trim_start_matches(['و', 'ف']);
        let present = w.starts_with('ي')
            || w.starts_with("تت")
            || w.strip_prefix('ت').is_some_and(|r| lex.text.vocab().contains(&format!("ي{r}")));
        rel && x.role != Role::Kill && (territorial(x) || (x.pos == Pos::Verb || x.pos == Pos::Passive) && present)
    };
    if anchors.iter().all(|(t, x)| relative_state(*t, x)) {
        return Err(Drop::Background);
    }
    let anchors: Vec<(usize, &Trigger)> = if anchors.iter().any(|(t, x)| !timed_takeover(*t, x)) {
        anchors.into_iter().filter(|(t, x)| !timed_takeover(*t, x)).collect()
    } else {
        anchors
    };
    // the main anchor: the first non-context-dependent one
    let anchor_t = anchors
        .iter()
        .find(|(_, x)| !x.ctx)
        .or(anchors.first())
        .map(|(t, _)| *t)
        .unwrap_or(ts.first().copied().unwrap_or(0));
    let anchor_tok = m.triggers.get(anchor_t).map_or(f.first(), |t| t.start);

    // ---- filters: negation, modality, background, court rulings
    let clause = clause_of(m, anchor_tok);
    let sent = &a.sentences[a.sentence_of(anchor_tok)].tokens;
    let all_anchor_toks: Vec<usize> = anchors.iter().map(|(t, _)| m.triggers[*t].start).collect();
    // (ما inside a conjunction is no negation: بعدما اقتحم متظاهرون، عندما، بينما)
    let conjunction = |c: &rasd_lexicon::cues::Cue| {
        matches!(
            a.norm(c.start).trim_start_matches(['و', 'ف']),
            "بعدما"
                | "عندما"
                | "حينما"
                | "بينما"
                | "كلما"
                | "طالما"
                | "ربما"
                | "انما"
                | "مثلما"
                | "قبلما"
                | "فيما"
                | "كما"
        )
    };
    let negated = |tok: usize| {
        m.negation.iter().filter(|c| lex.cues.negation.label(c.id) != "none" && !conjunction(c)).any(|c| {
            let pre = lex.cues.negation.label(c.id) == "pre";
            // a one-word particle read out of a longer word is none (كما قتل 16: ك + ما)
            let phrase = lex.cues.negation.norm_phrases[c.id as usize].as_str();
            if pre && !phrase.contains(' ') && a.norm(c.start).trim_start_matches(['و', 'ف']) != phrase {
                return false;
            }
            let cl = clause_of(m, tok);
            if pre {
                c.end <= tok && tok - c.end <= 1 && cl.contains(&c.start)
            } else {
                c.end <= tok && cl.contains(&c.start)
            }
        })
    };
    if !all_anchor_toks.is_empty() && all_anchor_toks.iter().all(|&t| negated(t)) {
        return Err(Drop::Negated);
    }
    // a negated word beside others names nothing that happened: it does not
    // set the type (تجمع أقارب القتيل ... دون حدوث صدام مع رجال الشرطة)
    let anchors: Vec<(usize, &Trigger)> = anchors.into_iter().filter(|(t, _)| !negated(m.triggers[*t].start)).collect();
    let all_anchor_toks: Vec<usize> = anchors.iter().map(|(t, _)| m.triggers[*t].start).collect();
    let modal = |tok: usize| {
        let cl = clause_of(m, tok);
        // سيقتل، ستشن: س + present-tense prefix ي ت ن
        let future_form = |w: &str| {
            (w.starts_with("سي") || w.starts_with("ست") || w.starts_with("سن"))
                && w.chars().count() > 4
                && !lex.text.vocab().contains(w)
        };
        let future_prefix = future_form(a.norm(tok));
        // a future auxiliary governing the word (ستقوم منظمة "سيف ذي تشيلدرن" غير الحكومية بتنظيم
        // احتجاج), unless a time word or a relative starts a clause of its own between them
        let is_future = |k: usize| {
            let v = a.norm(k).trim_start_matches(['و', 'ف']);
            // (its present tense a known word: ستقوم/تقوم; not a name: سيهوفر، ستيفن)
            future_form(v) && v.strip_prefix('س').is_some_and(|p| lex.text.vocab().contains(p))
        };
        let governed = (tok.saturating_sub(7)..tok).filter(|k| cl.contains(k)).any(|k| {
            is_future(k)
                && !(k + 1..tok).any(|j| {
                    matches!(
                        strip_article(a.norm(j).trim_start_matches(['و', 'ف'])),
                        "بعد"
                            | "قبل"
                            | "اثر"
                            | "عقب"
                            | "منذ"
                            | "خلال"
                            | "الذي"
                            | "التي"
                            | "الذين"
                            | "حيث"
                            | "بينما"
                            | "فيما"
                    )
                })
        });
        future_prefix
            || governed
            || m.modality.iter().any(|c| {
                // قد + past is "has (done)"; only قد + imperfect is "may"
                let qad_past = lex.cues.modality.phrases[c.id as usize] == "قد"
                    && c.end < a.tokens.len()
                    && !a.norm(c.end).starts_with(['ي', 'ت', 'ن']);
                let label = lex.cues.modality.label(c.id);
                let phrase = lex.cues.modality.phrases[c.id as usize].as_str();
                // a condition governs its whole clause (إذا كان هناك أدلة على استخدام أسلحة كيماوية);
                // a threat its بـ object (هدد الرئيس الفرنسي إيمانويل ماكرون، بضربات)
                // (not في حالة, a state: في حالة صعبة; not عما إذا, "whether")
                let whether = c.start > 0 && matches!(a.norm(c.start - 1), "عما" | "ما" | "بما");
                let reach =
                    if label == "hypothetical" && matches!(phrase, "إذا" | "إذا ما" | "في حال" | "لو") && !whether
                    {
                        usize::MAX
                    } else if label == "habitual" {
                        // a practice governs its clause (عادة ما يشن التحالف الدولي بقيادة الولايات المتحدة غارات)
                        usize::MAX
                    } else if label == "threat" && a.norm(tok).starts_with('ب') {
                        8
                    } else {
                        4
                    };
                // (a threat's بـ object may follow its subject across a comma: هدد الرئيس
                // الفرنسي إيمانويل ماكرون، بضربات)
                let threat_object = reach == 8 && sent.contains(&c.start);
                // "from time to time" tells a practice of the words next to it, before or after
                // (الاحتجاجات التي تخرج ضد النظام بين الحين والآخر، تتعرض المحافظة من حين لآخر لقصف);
                // not of a word further off (داعش يواصل هجماته المضادة في منطقة هجين، فيما ...
                // التحالف الدولي الذي يستهدف مواقع التنظيم بين الحين والآخر)
                if label == "occasional" {
                    let near = if c.start > tok { c.start - tok <= 5 } else { tok >= c.end && tok - c.end <= 4 };
                    return near && cl.contains(&c.start);
                }
                label != "attempt"
                    && !qad_past
                    && c.end <= tok
                    && tok - c.end <= reach
                    && (cl.contains(&c.start) || threat_object)
            })
    };
    if !all_anchor_toks.is_empty() && all_anchor_toks.iter().all(|&t| modal(t)) {
        return Err(Drop::Modal);
    }
    // nor does an aim, a threat or a demand beside a told word set the type
    // (رفض ... إعلان هدنة في إدلب، وتمسك بضرورة دحر "التنظيمات الإرهابية" هناك)
    // (an agreement or a protest stays: يدعو إلى وقف لإطلاق النار names the call itself)
    let anchors: Vec<(usize, &Trigger)> = anchors
        .into_iter()
        .filter(|(t, x)| {
            x.sub_event_type.is_some_and(|s| {
                matches!(s.event_type(), rasd_core::EventType::StrategicDevelopments | rasd_core::EventType::Protests)
            }) || !modal(m.triggers[*t].start)
        })
        .collect();
    // a hand-over named as a term, a demand or a refusal is none that happened
    // (طلب الوفد الروسي من الفصائل الانسحاب من معبر نصيب وتسليم سلاحها، إصرارهم على تسليم السلاح)
    // (with the halt of the fighting offered for it: مقابل وقف القصف)
    let halted = |t: usize| {
        let i = m.triggers[t].start;
        let halt = |w: &str| matches!(w, "وقف" | "ايقاف" | "توقف");
        i > 0 && {
            let w = a.norm(i - 1);
            halt(w) || w.strip_prefix(['و', 'ب', 'ل']).is_some_and(halt)
        }
    };
    if anchors.iter().any(|(t, x)| handover_term(m, m.triggers[*t].start, x))
        && anchors.iter().all(|(t, x)| handover_term(m, m.triggers[*t].start, x) || halted(*t))
    {
        return Err(Drop::Modal);
    }
    let anchors: Vec<(usize, &Trigger)> =
        anchors.into_iter().filter(|(t, x)| !handover_term(m, m.triggers[*t].start, x)).collect();
    // a named war of the past anywhere in the sentence, not as a yardstick after منذ
    let era = m.historical.iter().any(|c| {
        lex.cues.historical.label(c.id) == "era"
            && sent.contains(&c.start)
            && !(c.start.saturating_sub(2)..c.start).any(|j| a.norm(j).trim_start_matches('و') == "منذ")
    });
    let background =
        era || m.historical.iter().any(|c| {
            lex.cues.historical.label(c.id) != "era"
                && sent.contains(&c.start)
                && c.start < anchor_tok
                && clause.contains(&c.start)
        }) || m.dates.iter().any(|d| {
            // a bare other year in the sentence (في 2015، عام 2014), not a "since" date
            // (nor one a yardstick or a lasting state dates: أكبر هجوم منذ حرب عام 2014)
            d.year_only.is_some_and(|y| m.published.is_some_and(|p| (p.year() - y).abs() >= 1))
                && !d.since
                && sent.contains(&d.start)
                && !yardstick_year(m, d.start)
        });
    if background || continues_background(lex, m, anchor_tok) {
        return Err(Drop::Background);
    }
    // a court ruling reports a trial, not the act (حكم بالإعدام، قضت المحكمة)
    if sent.clone().any(|i| COURT.contains(a, i)) {
        return Err(Drop::Court);
    }
    // deaths in an accident, a disaster or an illness are no attack (حادث
    // سير، إعصار، الكوليرا); with a word that names only those, a
    // context-dependent one does not make them an attack (تحطم مروحية خلال
    // عملية تدريب)
    let only_kills = anchors.iter().all(|(_, x)| x.role == Role::Kill);
    let kills_or_ctx = anchors.iter().all(|(_, x)| x.role == Role::Kill || (x.ctx && x.role == Role::Attack));
    if (only_kills && sent.clone().any(|i| ACCIDENTS.contains(a, i) || DISASTERS.contains(a, i)))
        || (kills_or_ctx && sent.clone().any(|i| DISASTERS.contains(a, i) || air_crash(m, i)))
    {
        return Err(Drop::NoContext);
    }

    // ---- sub-event type
    let actors_in: Vec<&ActorHit> = m.actors.iter().filter(|h| f.contains(h.start)).collect();
    let aerial_actor = actors_in.iter().any(|h| h.aerial);
    let mut sub: Option<SubEventType> = None;
    let mut mode: Option<PloverMode> = None;
    let mut plover = PloverEvent::Assault;
    let mut specific = false;
    // a killing told before a non-violent word is the happening, the rest its sequel
    // (مقتل 3 عناصر تكفيرية واعتقال شخصين، 30 مسلحا قتلوا في تبادل لإطلاق النار مع قوة المداهمات)
    // (a counted killing, told by a verb or its noun: not قتيل، not قتل أو اعتقال)
    let counted_kill = |t: usize| {
        let (s, e) = (m.triggers[t].start, m.triggers[t].end);
        a.quantities.iter().any(|q| {
            q.kind == QuantityKind::Cardinal
                && (q.value_tokens.start >= e && q.value_tokens.start <= e + 1
                    || q.value_tokens.end + 2 >= s && q.value_tokens.end <= s)
        })
    };
    let first_kill = anchors
        .iter()
        .filter(|(t, x)| x.role == Role::Kill && x.pos != Pos::Noun && counted_kill(*t))
        .map(|(t, _)| m.triggers[*t].start)
        .min();
    // air defences that confront a strike (تصدت الدفاعات الجوية لهجوم صاروخي، قصف صاروخي
    // تصدى له الدفاع الجوي) intercept it: no clash; the strike or the interception names it
    let air_defence = sent.clone().any(|j| {
        let w = strip_article(a.norm(j).trim_start_matches(['و', 'ف', 'ب', 'ل']));
        let next = if j + 1 < a.tokens.len() { strip_article(a.norm(j + 1)) } else { "" };
        (matches!(w, "دفاع" | "دفاعات" | "دفاعاتها" | "دفاعاته") && next.starts_with("جوي"))
            || (w == "قبه" && next.starts_with("حديدي"))
            || w == "باتريوت"
    });
    let intercepted =
        |x: &Trigger| air_defence && x.sub_event_type == Some(SubEventType::ArmedClash) && x.phrase.starts_with("تصد");
    let events: Vec<&Trigger> = anchors
        .iter()
        .filter(|(_, x)| !intercepted(x))
        .filter(|(t, x)| !combat_destruction(lex, m, *t, x))
        .filter(|(t, x)| dropped_load(m, *t, x).is_none())
        .filter(|(t, x)| handed_people(m, *t, x).is_none())
        // a raid that kills is a fight, not an arrest (أسفرت مداهمة أمنية عن مقتل 10 من العناصر الإرهابية)
        .filter(|(t, x)| !(raid_word(x) && kill_in_sentence(lex, m, m.triggers[*t].start)))
        .filter(|(t, x)| {
            x.role == Role::Event
                && x.sub_event_type.is_some_and(|s| {
                    s.event_type() != rasd_core::EventType::StrategicDevelopments
                        || first_kill.is_none_or(|k| k > m.triggers[*t].start)
                })
        })
        .map(|(_, x)| *x)
        .collect();
    // a bare explosion (انفجار, no device named) is what a strike or a shell
    // did: the word naming those decides (هزت انفجارات صنعاء عقب غارات التحالف)
    let bare_blast = |x: &Trigger| x.ctx && x.sub_event_type == Some(SubEventType::RemoteExplosive);
    let other_kind = events.iter().any(|x| {
        !bare_blast(x)
            && x.sub_event_type.is_some_and(|s| {
                use SubEventType::*;
                matches!(s, AirDroneStrike | Shelling | ChemicalWeapon | SuicideBomb | Grenade | ArmedClash)
            })
    });
    let events: Vec<&Trigger> = events.into_iter().filter(|x| !(other_kind && bare_blast(x))).collect();
    let only_blast = !events.is_empty() && events.iter().all(|x| bare_blast(x));
    if let Some(best) = events.iter().min_by_key(|x| priority(x.sub_event_type.unwrap())) {
        sub = best.sub_event_type;
        mode = best.plover_mode;
        plover = best.plover_event.unwrap_or(PloverEvent::Assault);
        specific = true;
        rules.push("event word names the sub-event type");
    }
    // (captives handed back are a release: Strategic developments / Other)
    if sub.is_none() && anchors.iter().any(|(t, x)| handed_people(m, *t, x) == Some(true)) {
        sub = Some(SubEventType::Other);
        plover = PloverEvent::Concede;
        specific = true;
        rules.push("captives handed over are a release");
    }
    // (the raid that killed, with no other word naming the fight: forces against the raided)
    if sub.is_none() && anchors.iter().any(|(t, x)| raid_word(x) && kill_in_sentence(lex, m, m.triggers[*t].start)) {
        sub = Some(SubEventType::ArmedClash);
        specific = true;
        rules.push("a raid that kills is a fight");
    }
    if sub == Some(SubEventType::DisruptedWeaponsUse)
        && anchors
            .iter()
            .any(|(t, x)| x.sub_event_type == Some(SubEventType::DisruptedWeaponsUse) && foiled_assault(lex, m, *t, x))
    {
        sub = Some(SubEventType::ArmedClash);
        mode = None;
        plover = PloverEvent::Assault;
        rules.push("an assault foiled on the ground is a clash");
    }
    let weapon_best = weapons
        .iter()
        .filter(|(_, w)| w.sub_event_type.is_some())
        .min_by_key(|(_, w)| priority(w.sub_event_type.unwrap()));
    let generic_attack = only_blast
        || sub.is_none_or(|s| matches!(s, SubEventType::Attack | SubEventType::Shelling) && !specific_kind(&events));
    if let Some((_, w)) = weapon_best {
        let ws = w.sub_event_type.unwrap();
        // (a disrupted weapon, أسقطت طائرة بدون طيار، اعترضت صاروخا, is the object, not the means;
        // unless it still killed someone: then it was a missile attack all the same)
        let kill_in_sentence = m
            .triggers
            .iter()
            .any(|t| sent.contains(&t.start) && t.ids.iter().any(|&id| lex.triggers.get(id).role == Role::Kill));
        let disrupted = sub == Some(SubEventType::DisruptedWeaponsUse) && !kill_in_sentence;
        if !disrupted
            && (generic_attack || sub.is_some_and(|s| priority(ws) < priority(s) && s != SubEventType::ArmedClash))
        {
            sub = Some(ws);
            plover = w.plover_event.unwrap_or(PloverEvent::Assault);
            rules.push("the weapon decides the sub-event type");
        }
        if w.plover_mode.is_some() && (mode.is_none() || generic_attack) {
            mode = w.plover_mode;
        }
    }
    if aerial_actor && sub.is_none_or(|s| matches!(s, SubEventType::Attack) && !specific) {
        sub = Some(SubEventType::AirDroneStrike);
        mode = Some(PloverMode::Aerial);
        rules.push("an aerial actor makes it an air strike");
    }

    // ---- actors in their roles
    let source = attribution(lex, m, f, anchor_tok);
    let src_span = source.as_ref().map(|s| s.1.clone());
    let cands: Vec<&ActorHit> =
        actors_in.iter().copied().filter(|h| src_span.as_ref().is_none_or(|r| !r.contains(&h.start))).collect();
    let anchor_trig = anchors.iter().find(|(t, _)| *t == anchor_t).map(|(_, x)| *x);
    let anchor_end = m.triggers.get(anchor_t).map_or(anchor_tok + 1, |t| t.end);
    let active = anchor_trig.is_some_and(|x| x.pos == Pos::Verb);
    let mut actor1: Option<ActorHit> = None;
    let mut actor2: Option<ActorHit> = None;
    // (the tokens of a state named as the attacker, with its country)
    let mut state_subject: Option<(std::ops::Range<usize>, &str)> = None;
    // a claim of responsibility names the perpetrator, even as the speaker
    // (أعلنت حركة الشباب مسؤوليتها عن الهجوم، تبنى تنظيم داعش التفجير)
    if let Some(h) = claimant(lex, m, anchor_tok) {
        actor1 = Some(h);
        rules.push("a claim of responsibility names the perpetrator");
    }
    // agent markers: بضربة أمريكية (an adjective on an event word), نفذتها X, على يد X, برصاص X
    let agent_after = |i: usize| -> Option<ActorHit> {
        // (not a struck site: الضربات التي نفذتها ليلا على مواقع عسكرية لإيران)
        cands.iter().find(|h| h.start >= i && h.start <= i + 2 && !(h.victim && h.armed())).map(|h| (*h).clone())
    };
    if actor1.is_none() {
        // a state named as the subject of the act (قصفت إسرائيل مواقع، صاروخا
        // أطلقتها إيران): its armed forces
        let sent_end = a.sentences[a.sentence_of(anchor_tok)].tokens.end;
        let launched = |i: usize| {
            let w = a.norm(i).trim_start_matches(['و', 'ف']);
            ["اطلق", "شن", "قصف", "استهدف"].iter().any(|p| w.starts_with(p)) && w.ends_with("تها")
        };
        // (a past verb agreeing with a state, which is feminine: قصفت إسرائيل; after
        // يهاجم، تستهدف، هاجموا the state is the object)
        let feminine_past = |i: usize| {
            let w = a.norm(i).trim_start_matches(['و', 'ف']);
            w.ends_with('ت') && !w.starts_with(['ي', 'ت', 'ن'])
        };
        for (t, x) in anchors.iter().chain(weapons.iter()) {
            let tm = &m.triggers[*t];
            // or a light verb before the event noun: شنت إسرائيل غارات، نفذت تركيا ضربات
            let light_verb = |i: usize| {
                let w = a.norm(i).trim_start_matches(['و', 'ف']);
                (w.starts_with("شن") || w.starts_with("نفذ")) && feminine_past(i)
            };
            // (further back over a list of states and a time, with no other
            // event word between: شنت الولايات المتحدة وفرنسا وبريطانيا فجر السبت، ضربات)
            let sent_start = a.sentences[a.sentence_of(tm.start)].tokens.start;
            let light = (tm.start.saturating_sub(3)..tm.start).find(|&i| light_verb(i)).or_else(|| {
                (tm.start.saturating_sub(10).max(sent_start)..tm.start.saturating_sub(3))
                    .rev()
                    .find(|&i| light_verb(i) && !m.triggers.iter().any(|o| o.start > i && o.start < tm.start))
            });
            // (or a cleft before the verb: إسرائيل هي التي شنت الهجوم، إيران هي من أطلقت)
            let cleft = |v: usize| {
                let rel = v >= 3 && matches!(a.norm(v - 1), "التي" | "الذي" | "من");
                (rel && matches!(a.norm(v - 2), "هي" | "هو")).then(|| v - 3)
            };
            // (or before the verb, opening a reported clause: أكدت أن إسرائيل
            // شنت غارات، قال إن الولايات المتحدة قصفت)
            let svo = |p: &rasd_lexicon::PlaceMention, v: usize| {
                p.end == v
                    && (p.start == a.sentences[a.sentence_of(v)].tokens.start
                        || (p.start > 0 && matches!(a.norm(p.start - 1), "ان" | "بان" | "لان" | "انه")))
            };
            let (subject_at, verb) = if x.pos == Pos::Verb && feminine_past(tm.end - 1) {
                ([Some(tm.end), cleft(tm.start)], Some(tm.start))
            } else if let (Some(i), true) = (light, matches!(x.pos, Pos::Noun | Pos::Masdar)) {
                ([Some(i + 1), cleft(i)], Some(i))
            } else if x.role == Role::Weapon && tm.end < sent_end && launched(tm.end) {
                ([Some(tm.end + 1), None], None)
            } else {
                ([None, None], None)
            };
            let Some(p) = m.places.iter().find(|p| {
                (subject_at.contains(&Some(p.start)) || verb.is_some_and(|v| svo(p, v)))
                    // (no preposition on it; the article is part of the name: الولايات المتحدة)
                    && no_preposition(a, p.start, p.pre_len)
                    && !p.in_org
                    && lex.places.get(p.chosen()).kind == PlaceKind::Country
            }) else {
                continue;
            };
            let Some(ci) = lex.actors.country_by_iso2(&lex.places.get(p.chosen()).country) else { continue };
            let aerial = sub == Some(SubEventType::AirDroneStrike);
            let force = if aerial { "air" } else { "military" };
            if let Some(fi) = lex.actors.forces.iter().position(|fz| fz.kind == force) {
                actor1 = Some(ActorHit::composed(
                    lex,
                    (p.start, p.end, 0),
                    fi as u32,
                    ci,
                    m.focus.as_deref(),
                    aerial,
                    false,
                ));
                rules.push("a state named as the subject of the act");
                // (the attacker's name is not where it struck: قصفت إسرائيل مواقع;
                // nor are the states listed with it: قصفت فرنسا والولايات المتحدة وبريطانيا)
                let mut end = p.end;
                while let Some(q) = m
                    .places
                    .iter()
                    .find(|q| q.start == end && !q.in_org && lex.places.get(q.chosen()).kind == PlaceKind::Country)
                {
                    end = q.end;
                }
                state_subject = Some((p.start..end, lex.places.get(p.chosen()).country.as_str()));
                break;
            }
        }
    }
    for (t, x) in anchors.iter().chain(weapons.iter()) {
        if actor1.is_some() {
            break;
        }
        // the missiles' country is whose weapons were stopped, not who stopped
        // them (اعترض الجيش السوري صاروخين إسرائيليين)
        if x.role == Role::Weapon && sub == Some(SubEventType::DisruptedWeaponsUse) {
            continue;
        }
        // the nationality of the dead or wounded is the victims', not the attacker's
        // (سقوط عشرات القتلى الفلسطينيين برصاص الجيش الإسرائيلي)
        if matches!(x.role, Role::Kill | Role::Injure) && x.pos != Pos::Verb {
            continue;
        }
        let tm = &m.triggers[*t];
        // support for another side's offensive names no attacker of this one:
        // قوات النظام، مدعومة بغارات جوية روسية، تخوض معارك
        if tm.start > 0 && SUPPORT.contains(a, tm.start - 1) {
            continue;
        }
        // the country adjective may follow a descriptive one: غارة جوية أمريكية، قصف مدفعي تركي
        let mut at = tm.end;
        while at < tm.end + 2 && at < a.tokens.len() && DESCRIPTORS.contains(a, at) {
            at += 1;
        }
        if let Some((end, cidx)) = lex.places.adjective_at(a, at) {
            let iso2 = lex.places.get(cidx).country.clone();
            if let Some(ci) = lex.actors.country_by_iso2(&iso2) {
                let force = if x.plover_mode == Some(PloverMode::Aerial)
                    || x.sub_event_type == Some(SubEventType::AirDroneStrike)
                {
                    "air"
                } else {
                    "military"
                };
                let fi = lex
                    .actors
                    .forces
                    .iter()
                    .position(|fz| fz.kind == force)
                    .or(Some(0))
                    .filter(|_| !lex.actors.forces.is_empty());
                if let Some(fi) = fi {
                    let span = (at, end, 0);
                    let focus = m.focus.as_deref();
                    actor1 = Some(ActorHit::composed(lex, span, fi as u32, ci, focus, force == "air", false));
                    rules.push("a country adjective on the event word names the attacker");
                    break;
                }
            }
        }
    }
    if actor1.is_none() {
        // the agent of an event noun after the preposition ل: غارات لطيران
        // التحالف، هجوم لمسلحين، قصف مدفعي لقوات النظام
        let lam = |h: &ActorHit| {
            let pre = a.norm(h.start).get(..h.pre_len).unwrap_or("");
            matches!(pre.trim_start_matches(['و', 'ف']), "ل" | "لل")
        };
        for (t, x) in anchors.iter().chain(weapons.iter()) {
            if !matches!(x.pos, Pos::Noun | Pos::Masdar) || !matches!(x.role, Role::Event | Role::Attack | Role::Weapon)
            {
                continue;
            }
            let tm = &m.triggers[*t];
            // (aircraft named with their owner are the attacker themselves: استهدف
            // الطيران الإسرائيلي موقعا للجيش السوري)
            if cands.iter().any(|h| h.armed() && h.start <= tm.start && tm.start < h.end) {
                continue;
            }
            if let Some(h) = cands.iter().find(|h| h.start >= tm.end && h.start <= tm.end + 1 && lam(h) && h.armed()) {
                actor1 = Some((*h).clone());
                rules.push("the agent of an event noun after ل (غارات لطيران التحالف)");
                break;
            }
        }
    }
    if actor1.is_none() {
        actor1 = announced_own_strike(m, src_span.as_ref(), anchor_tok, anchor_trig, &actors_in);
        if actor1.is_some() {
            rules.push("a force announcing a strike as its deed is its agent (أعلن الجيش الإسرائيلي قصف موقع)");
        }
    }
    if actor1.is_none() {
        actor1 = genitive_attacker(m, &anchors, &cands);
        if actor1.is_some() {
            rules.push("the genitive of a strike noun is its agent (غارات التحالف)");
        }
    }
    if actor1.is_none() {
        // the genitive after a masdar of taking ground is its agent, whoever the
        // sentence counts as killed (قتل 5 مسلحين خلال تطهير القوات العراقية مناطق)
        // (not سيطرة: its genitive more often holds ground than takes it, الخاضعة لسيطرة الحوثيين)
        for (t, x) in anchors.iter() {
            if x.pos != Pos::Masdar || !territorial(x) || x.phrase.contains("سيطر") {
                continue;
            }
            let tm = &m.triggers[*t];
            // (no preposition on it: تطهير القوات)
            if let Some(h) =
                cands.iter().find(|h| h.start == tm.end && no_preposition(a, h.start, h.pre_len) && h.armed())
            {
                actor1 = Some((*h).clone());
                rules.push("the genitive after a masdar of taking ground is its agent");
                break;
            }
        }
    }
    if actor1.is_none() {
        for i in in_frame_tokens(f) {
            // (قام بها X: الهجمات بالصواريخ التي قام بها النظام الإيراني)
            let did_it = i > 0
                && matches!(a.norm(i), "بها" | "به" | "بهما")
                && matches!(a.norm(i - 1), "قام" | "قامت" | "قاموا" | "يقوم" | "تقوم" | "يقومون");
            let marker = strip_article(a.norm(i)) == "قبل" || AGENT_MARKERS.contains(a, i) || did_it;
            // (a marker whose subject may be a pronoun takes only the very next word, and not in a
            // reply clause: هجوم مباغت شنته على تجمعات للميليشيات، ردا على هجوم نفذته هيئة تحرير الشام)
            let pronoun_subject = did_it
                || matches!(
                    a.norm(i).trim_start_matches('و'),
                    "نفذته" | "شنته" | "ارتكبها" | "ارتكبتها" | "ارتكبه" | "ارتكبته"
                );
            let next_word = |h: &ActorHit| {
                let pre = a.norm(h.start).get(..h.pre_len).unwrap_or("");
                h.start == i + 1 && !pre.contains(['ل', 'ب'])
            };
            let agent = if pronoun_subject {
                if in_reply(m, i) {
                    None
                } else {
                    cands.iter().find(|h| next_word(h)).map(|h| (*h).clone())
                }
            } else {
                agent_after(i + 1)
            };
            if marker && i > anchor_tok {
                if let Some(h) = agent {
                    rules.push("agent marker (على يد، نفذتها، برصاص)");
                    actor1 = Some(h);
                    break;
                }
            }
        }
    }
    let is_clash = sub.is_some_and(|s| s.event_type() == rasd_core::EventType::Battles);
    // an actor introduced as support fights beside the one before it, not against it
    // (انتزعت قوات الجيش اليمني، بإسناد من التحالف، عدة مواقع)
    // (back over other supporters and linking words: بإسناد من القوات الإماراتية العاملة ضمن التحالف)
    let supporting = |h: &ActorHit| {
        for j in (h.start.saturating_sub(8)..h.start).rev() {
            if SUPPORT.contains(a, j) {
                return true;
            }
            let linking = matches!(
                strip_article(a.norm(j)),
                "من" | "في"
                    | "ضمن"
                    | "مع"
                    | "مشاركه"
                    | "عامله"
                    | "تابعه"
                    | "كبير"
                    | "جوي"
                    | "بري"
                    | "مباشر"
                    // (an intensity adjective: مدعومة بغطاء جوي كثيف لطائرات التحالف)
                    | "كثيف"
                    | "مكثف"
            );
            if !linking && !m.actors.iter().any(|x| x.start <= j && j < x.end) {
                return false;
            }
        }
        false
    };
    // (unless the side it backs goes unnamed: then it stands for that side)
    let backer = |h: &ActorHit| supporting(h) && cands.iter().any(|x| x.armed() && x.start < h.start && !supporting(x));
    if is_clash {
        // a generic group named by its organisation next is that organisation (20 مسلحا من ميليشيات الحوثي)
        let named_next = |h: &ActorHit| {
            h.generic
                && cands.iter().any(|n| {
                    !n.generic
                        && n.start >= h.end
                        && n.start <= h.end + 1
                        && ((h.end..n.start).any(|i| strip_article(a.norm(i)) == "من")
                            || a.norm(n.start).get(..n.pre_len) == Some("من"))
                })
        };
        let armed: Vec<&ActorHit> =
            cands.iter().copied().filter(|h| h.armed() && !backer(h) && !named_next(h)).collect();
        // (a struck military site is the second side: قصف مدفعي على مواقع عسكرية تركية)
        if let Some(h) = armed.iter().find(|h| !h.victim).or(armed.first()) {
            actor1.get_or_insert_with(|| (*h).clone());
        }
        let a1 = actor1.clone();
        actor2 = armed.iter().find(|h| a1.as_ref().is_none_or(|x| !same_side(x, h))).map(|h| (*h).clone());
        rules.push("a clash lists both sides");
    } else {
        // subject of an active verb: right after it (VSO) or right before it (SVO)
        // a weapon or warplane right before the verb is its subject (طيرانا حربيا استهدف X): X is the object
        let weapon_subject = weapons.iter().any(|(t, _)| {
            let w = &m.triggers[*t];
            w.end <= anchor_tok && anchor_tok - w.end <= 1
        });
        if active && actor1.is_none() && !weapon_subject {
            // (a counted noun after the verb is its passive subject: قتل أربعة جنود)
            // (a verb agreeing in the plural has its subject before it: what follows is its object,
            // مقاتلي حركة الشباب هاجموا قاعدة قوات حفظ السلام)
            let plural = a.norm(anchor_end - 1).ends_with("وا");
            let after = cands.iter().find(|h| {
                !plural
                    && h.start >= anchor_end
                    && h.start <= anchor_end + 1
                    && !h.victim
                    && !crate::mentions::counted(a, h.start)
            });
            // (and before a killing verb: 30 مسلحا قتلوا, "were killed")
            let kill_verb = anchor_trig.is_some_and(|x| x.role == Role::Kill);
            let before = cands.iter().rev().find(|h| {
                h.end <= anchor_tok
                    && anchor_tok - h.end <= 2
                    && !h.victim
                    && !(kill_verb && crate::mentions::counted(a, h.start))
            });
            if let Some(h) = after.or(before) {
                actor1 = Some((*h).clone());
                rules.push("subject of the active verb");
            }
        }
        // the victim: the actor after the kill/attack word, or one marked as a victim
        // the subject of لقي ... مصرعه is the dead (لقي ثلاثة من عناصر ميليشيا الحوثي مصرعهم)
        let met = (anchor_tok.saturating_sub(14)..anchor_tok)
            .rev()
            .find(|&i| f.contains(i) && met_death_verb(a.norm(i)) && a.sentence_of(i) == a.sentence_of(anchor_tok))
            .filter(|_| met_death_noun(a.norm(anchor_tok)));
        let among_dead = |h: &ActorHit| met.is_some_and(|v| h.start > v && h.end <= anchor_tok);
        if actor1.as_ref().is_some_and(among_dead) {
            actor1 = None;
        }
        let met_subject = cands.iter().find(|h| among_dead(h));
        let a1 = actor1.as_ref().map(|h| (h.start, h.name.clone()));
        let a1_hit = actor1.clone();
        let victim = met_subject
            .or_else(|| in_ranks(m, f, &cands, a1.as_ref().map(|(_, n)| n.as_str())))
            .or_else(|| {
                cands
                    .iter()
                    .filter(|h| a1.as_ref().is_none_or(|(s, n)| *s != h.start && *n != h.name))
                    .filter(|h| a1_hit.as_ref().is_none_or(|x| !same_side(x, h)))
                    .find(|h| h.start >= anchor_end && h.start <= anchor_end + 12)
            })
            .or_else(|| cands.iter().find(|h| h.victim && a1.as_ref().is_none_or(|(_, n)| *n != h.name)))
            // a counted group right before a killing verb is its passive subject (30 مسلحا قتلوا)
            .or_else(|| {
                let kill = anchor_trig.is_some_and(|x| x.role == Role::Kill);
                cands.iter().rev().find(|h| {
                    kill && h.end <= anchor_tok
                        && anchor_tok - h.end <= 2
                        && crate::mentions::counted(a, h.start)
                        && a1.as_ref().is_none_or(|(_, n)| *n != h.name)
                })
            });
        // a generic group named by its organisation next: مسلحين من تنظيم داعش، عناصر من حركة الشباب
        let victim = victim.map(|v| {
            let named = || {
                let next = cands.iter().find(|h| h.start > v.start && !h.generic)?;
                let from = (v.end..next.start).any(|i| strip_article(a.norm(i)) == "من")
                    || a.norm(next.start).get(..next.pre_len) == Some("من");
                (v.generic && next.start <= v.end + 1 && from).then_some(next)
            };
            named().unwrap_or(v)
        });
        if let Some(v) = victim {
            actor2 = Some((*v).clone());
        }
        // with the dead of لقي مصرعه as the victim, the armed side named after the idiom dealt
        // the blow (لقي القيادي الحوثي مصرعه بنيران ألوية العمالقة، بعد هجوم على مواقع للجيش)
        if let (None, Some(v)) = (&actor1, met_subject) {
            // (named right after a word of fire, attack or fighting: not مناطق تسيطر عليها الفصائل)
            let dealt = |h: &ActorHit| {
                h.start > 0
                    && (AGENT_MARKERS.contains(a, h.start - 1)
                        || matches!(
                            strip_article(a.norm(h.start - 1).trim_start_matches(['و', 'ف', 'ب', 'ل'])),
                            "نيران"
                                | "غاره"
                                | "غارات"
                                | "قصف"
                                | "هجوم"
                                | "هجمات"
                                | "مقاتلات"
                                | "طيران"
                                | "طائرات"
                                | "مع"
                                | "مواقع"
                        ))
            };
            actor1 = cands
                .iter()
                .find(|h| {
                    h.armed() && h.start >= anchor_end && h.start <= anchor_end + 12 && h.name != v.name && dealt(h)
                })
                .map(|h| (*h).clone());
        }
        if actor1.is_none() {
            // the remaining armed actor before the anchor is the perpetrator
            let a2 = actor2.as_ref().map(|h| h.name.clone());
            // or the subject of a verb of attack in the frame (بعد أن شن مسلحون هجوما)
            let launcher = |h: &&&ActorHit| {
                h.start > 0
                    && f.contains(h.start - 1)
                    && {
                        let w = a.norm(h.start - 1).trim_start_matches(['و', 'ف']);
                        matches!(w, "اطلق" | "اطلقت" | "شن" | "شنت" | "نفذ" | "نفذت" | "هاجم" | "هاجمت")
                        // (an attack "from" its author: إثر تعرضهم لهجوم من تنظيم داعش)
                        || (w == "من"
                            && h.start > 1
                            && matches!(strip_article(a.norm(h.start - 2).trim_start_matches(['و', 'ل'])), "هجوم" | "هجمات"))
                    }
            };
            if let Some(h) = cands.iter().find(|h| {
                h.armed()
                    && !h.victim
                    && !among_dead(h)
                    && Some(&h.name) != a2.as_ref()
                    && (h.start < anchor_tok || launcher(h))
                    && !finder(m, h.start)
            }) {
                actor1 = Some((*h).clone());
            }
        }
    }
    // a state's forces announcing a blow against militants dealt it
    // (أعلنت القوات المسلحة المصرية مقتل 3 عناصر تكفيرية، أعلن الجيش التركي عن مقتل 26 مسلحا)
    let militant = |h: &Option<ActorHit>| h.as_ref().is_some_and(|h| matches!(h.inter, 2..=4));
    let one_side = (actor1.is_none() && militant(&actor2)) || (is_clash && actor2.is_none() && militant(&actor1));
    if let (true, true, Some(r)) = (one_side, sub.is_none_or(|s| s.is_violent()), src_span.as_ref()) {
        // (a state's own forces only: a coalition speaks for its partners too)
        let state_force = |h: &ActorHit| {
            h.inter == 1 || h.name.starts_with("Military Forces of") || h.name.starts_with("Police Forces of")
        };
        // (in a story with a coalition in it, an air strike a home army reports is the coalition's:
        // وقال موقع الجيش اليمني إن غارات مكثفة استهدفت مواقع للحوثيين)
        let coalition_strikes = sub == Some(SubEventType::AirDroneStrike)
            && m.actors.iter().any(|h| h.inter == 8 && h.name.contains("Coalition"));
        let force = m
            .actors
            .iter()
            .find(|h| {
                r.contains(&h.start) && state_force(h) && !h.generic && (!coalition_strikes || h.aerial || h.inter == 8)
            })
            .cloned();
        let state = || {
            let p = m.places.iter().find(|p| {
                p.start == r.start
                    && p.pre_len == 0
                    && !p.in_org
                    && lex.places.get(p.chosen()).kind == PlaceKind::Country
            })?;
            let ci = lex.actors.country_by_iso2(&lex.places.get(p.chosen()).country)?;
            let aerial = sub == Some(SubEventType::AirDroneStrike);
            let fi = lex.actors.forces.iter().position(|fz| fz.kind == if aerial { "air" } else { "military" })?;
            Some(ActorHit::composed(lex, (p.start, p.end, 0), fi as u32, ci, m.focus.as_deref(), aerial, false))
        };
        if let Some(h) = force.or_else(state) {
            if actor1.is_some() {
                actor2 = actor1.take();
            }
            actor1 = Some(h);
            rules.push("a state's forces announcing a blow against militants dealt it");
        }
    }
    // a taking of ground an armed side announces is that side's own
    // (أعلن الجيش الوطني في اليمن، الجمعة، عن سيطرته على مديرية القبيطة)
    if actor1.is_none() && sub.is_none_or(|s| matches!(s.event_type(), rasd_core::EventType::Battles)) {
        if let Some(h) = own_takeover_announcer(m, &anchors, src_span.as_ref()) {
            if actor2.as_ref().is_some_and(|v| v.name == h.name) {
                actor2 = None;
            }
            actor1 = Some(h);
            rules.push("an armed side announcing its own taking of ground took it");
        }
    }
    // a later claim that refers back to the attack names its perpetrator
    // (وأعلنت حركة الشباب مسؤوليتها عن الهجوم، a sentence after the bombing)
    if actor1.is_none() && sub.is_none_or(|s| s.is_violent()) {
        if let Some(h) = later_claim(lex, m, anchor_tok).filter(|h| actor2.as_ref().is_none_or(|v| v.name != h.name)) {
            actor1 = Some(h);
            rules.push("a later claim of responsibility names the perpetrator");
        }
    }
    // an aerial perpetrator makes it an air strike even after a generic kill verb
    if actor1.as_ref().is_some_and(|h| h.aerial) && sub.is_none_or(|s| s == SubEventType::Attack && !specific) {
        sub = Some(SubEventType::AirDroneStrike);
        mode = Some(PloverMode::Aerial);
    }
    // a firm attack word with a kind of its own names it when no event word, weapon
    // or aerial actor did (قصفت قوات النظام بلدة ... ما أسفر عن مقتل ثلاثة مدنيين;
    // جنديين قتلا في القصف): shelling, not a shooting of civilians
    let attack_default = anchors
        .iter()
        .filter(|(_, x)| x.role == Role::Attack && !x.ctx)
        .filter_map(|(_, x)| Some((x.sub_event_type?, x.plover_mode)))
        .min_by_key(|(s, _)| priority(*s));
    let sub = match (sub, attack_default) {
        (Some(s), _) => s,
        (None, Some((s, md))) => {
            if mode.is_none() {
                mode = md;
            }
            rules.push("the attack word names its kind");
            s
        }
        (None, None) => {
            // a generic attack or killing: civilians as victims → Attack, else a clash
            let victim_civ = actor2.as_ref().is_some_and(|h| !h.armed());
            // a foreign state named as the subject of a strike, with no
            // weapon named, strikes from the air (أعلن النظام أن اسرائيل استهدفت موقعا)
            let foreign_state =
                state_subject.as_ref().is_some_and(|(_, c)| m.focus.as_deref().is_some_and(|fc| *c != fc));
            let strike = anchors.iter().any(|(_, x)| x.role == Role::Attack) && weapons.is_empty();
            if foreign_state && strike && !victim_civ {
                rules.push("a foreign state's strike with no weapon named is from the air");
                mode = Some(PloverMode::Aerial);
                SubEventType::AirDroneStrike
            } else if victim_civ || actor2.is_none() {
                rules.push("a killing with no armed opponent is an attack");
                SubEventType::Attack
            } else {
                rules.push("a killing between armed actors is a clash");
                SubEventType::ArmedClash
            }
        }
    };
    // a clash needs two sides; one armed side and civilians is an attack
    let sub = if sub == SubEventType::ArmedClash && actor2.as_ref().is_some_and(|h| !h.armed()) {
        SubEventType::Attack
    } else {
        sub
    };
    // territory: who took it decides
    let sub = match sub {
        SubEventType::GovernmentRegainsTerritory | SubEventType::NonStateActorOvertakesTerritory => match &actor1 {
            Some(h) if h.inter == 1 || h.inter == 8 => SubEventType::GovernmentRegainsTerritory,
            Some(_) => SubEventType::NonStateActorOvertakesTerritory,
            None => sub,
        },
        s => s,
    };
    // a demonstration: who protests, and what happened to it (ACLED's protest and riot sub-types)
    // (not a mob's: a brawl that kills is no force against protesters: تحول إلى مشاجرة بالأيدي
    // والعصي والبنادق، وأدت إلى مقتل 4 أشخاص)
    let protest_word = events.iter().any(|x| {
        x.sub_event_type.is_some_and(|s| {
            matches!(s.event_type(), rasd_core::EventType::Protests | rasd_core::EventType::Riots)
                && s != SubEventType::MobViolence
        })
    });
    let two_sides = actor1.as_ref().is_some_and(|h| h.armed()) && actor2.as_ref().is_some_and(|h| h.armed());
    // a shooting or clash of the state's forces (named) with no armed side against them,
    // in a report whose lede tells a demonstration, is that protest's (المتظاهرون ... ثم: شخصا
    // قتل خلال اشتباكات عنيفة مع قوات الأمن)
    let state_or_none = |h: &Option<ActorHit>| h.as_ref().is_none_or(|h| matches!(h.inter, 1 | 8) || !h.armed());
    let protest_setting = !protest_word
        && matches!(sub, SubEventType::ArmedClash | SubEventType::Attack)
        && mode.is_none_or(|md| md == PloverMode::Firearms)
        && state_or_none(&actor1)
        && state_or_none(&actor2)
        && ([&actor1, &actor2].into_iter().flatten().any(|h| matches!(h.inter, 1 | 8))
            // (or clashes with no side named at all: قتلوا خلال اليومين الماضيين في اشتباكات)
            || (actor1.is_none()
                && actor2.is_none()
                && sub == SubEventType::ArmedClash
                && (has_role(Role::Kill) || has_role(Role::Injure))))
        && !actors_in.iter().any(|h| matches!(h.inter, 2..=4))
        && lede_demonstration(lex, m, anchor_tok);
    if protest_setting {
        rules.push("a shooting or clash of the state's forces in a protest report is the protest's");
    }
    // (or a protest kind the weapon named: قتلوا في إطلاق نار وقنابل الغاز المسيل للدموع)
    let protest_word =
        protest_word || protest_setting || (sub.event_type() == rasd_core::EventType::Protests && has_role(Role::Kill));
    let sub = if protest_word && !two_sides {
        let words = |set: &StemSet| in_frame_tokens(f).any(|i| set.contains(a, i));
        let s = if has_role(Role::Kill) {
            SubEventType::ExcessiveForce
        } else if matches!(sub, SubEventType::ViolentDemonstration | SubEventType::MobViolence) || words(&RIOT_WORDS) {
            // (an angry crowd beside a demonstration word has its aims: a riot, not mob violence:
            // وتتزامن المظاهرات ... مع خروج حشود غاضبة)
            SubEventType::ViolentDemonstration
        } else if words(&INTERVENTION_WORDS) || sub == SubEventType::ProtestWithIntervention {
            SubEventType::ProtestWithIntervention
        } else if sub.event_type() == rasd_core::EventType::Protests {
            sub
        } else {
            SubEventType::PeacefulProtest
        };
        // ACLED codes the crowd as Protesters (COUNTRY) / Rioters (COUNTRY); the state's forces as the other side
        let crowd = if s.event_type() == rasd_core::EventType::Riots { "Rioters" } else { "Protesters" };
        if let Some(id) = lex.actors.by_name(crowd) {
            let e = lex.actors.entry(id);
            let tm = &m.triggers[anchor_t];
            let other = [&actor1, &actor2].into_iter().flatten().find(|h| h.armed()).cloned();
            actor1 = Some(ActorHit { local: true, ..ActorHit::entry(e, tm.start, tm.end, tm.pre_len) });
            actor2 = other;
            rules.push("a demonstration: the crowd is actor1");
        }
        s
    } else {
        sub
    };
    if !sub.is_violent()
        && matches!(sub.event_type(), rasd_core::EventType::StrategicDevelopments)
        && plover == PloverEvent::Assault
    {
        plover = PloverEvent::Coerce;
    }
    if sub == SubEventType::ExcessiveForce {
        // lethal force against a crowd is the state's assault on it (PLOVER
        // ASSAULT, the protesters its recipient); the protest is its setting
        plover = PloverEvent::Assault;
        if mode.is_some_and(|m| matches!(m, PloverMode::Demo | PloverMode::Riot)) {
            mode = None;
        }
    } else if sub == SubEventType::MobViolence {
        // a crowd attacking people with no demonstration's aims (سحل، عنف طائفي) is an assault
        // on them, not a protest (PLOVER ASSAULT, as the trigger lexicon codes it)
        plover = PloverEvent::Assault;
        if mode.is_none_or(|m| matches!(m, PloverMode::Demo | PloverMode::Riot)) {
            mode = Some(PloverMode::Beat);
        }
    } else if matches!(sub.event_type(), rasd_core::EventType::Protests | rasd_core::EventType::Riots) {
        plover = PloverEvent::Protest;
        if mode.is_none() {
            mode =
                Some(if sub.event_type() == rasd_core::EventType::Riots { PloverMode::Riot } else { PloverMode::Demo });
        }
    }
    if mode.is_none() && sub == SubEventType::AirDroneStrike {
        mode = Some(PloverMode::Aerial);
    }

    // an event has someone in it: an actor, a death, a wounding or a weapon;
    // or else a firm event word (المواجهات، الغارات، القصف الجوي) placed
    // with a place below the country (checked below, once the place is known)
    // (a military site alone is a place, not a participant: طائرة إلى قاعدة عسكرية روسية)
    let site = |h: &ActorHit| h.victim && h.armed();
    let participant = f.coref
        || actor1.as_ref().is_some_and(|h| !site(h))
        || actor2.as_ref().is_some_and(|h| !site(h))
        || has_role(Role::Kill)
        || has_role(Role::Injure)
        || !weapons.is_empty();
    // (a change of territory needs the side that took it)
    let firm_event = anchors.iter().any(|(t, x)| {
        let (i, e) = (m.triggers[*t].start, m.triggers[*t].end);
        // (an attack told as having taken place: الهجوم وقع في منطقة السعدونية)
        (x.role == Role::Attack && x.pos != Pos::Verb && told_happened(m, i, e))
            || x.role == Role::Event
                && (!x.ctx || (x.plural && placed_clause(m.triggers[*t].start)))
                && x.sub_event_type.is_some_and(|s| {
                    !matches!(
                        s,
                        SubEventType::GovernmentRegainsTerritory | SubEventType::NonStateActorOvertakesTerritory
                    )
                })
    });
    if !participant && !firm_event {
        return Err(Drop::NoParticipant);
    }

    // ---- death toll
    let toll = death_toll(lex, m, f, &anchors).or_else(|| {
        let t = singular_victim(lex, m, f, &anchors);
        if t.is_some() {
            rules.push(SINGULAR_VICTIM);
        }
        t
    });
    // ---- scope
    let plural_event =
        ts.iter().any(|&t| trig(lex, m, t).any(|x| x.plural && !x.ctx && matches!(x.role, Role::Event | Role::Attack)))
            && !events.iter().any(|x| !x.plural);
    // (not hours: a toll of the past hours is one day's, خلال الساعات الماضية، خلال 24 ساعة)
    let hours = |r: std::ops::Range<usize>| r.into_iter().any(|i| strip_article(a.norm(i)).starts_with("ساع"));
    let period = m
        .cumulative
        .iter()
        .any(|c| f.contains(c.start) && lex.cues.cumulative.label(c.id) == "period" && !hours(c.start..c.end));
    let since = m.dates.iter().find(|d| f.contains(d.start) && d.since && d.date.is_some() && !hours(d.start..d.end));
    // منذ ثلاث سنوات، منذ أشهر: a toll over months or years is a total, whatever the verb
    // (not after a superlative: أعنف هجوم منذ ثلاثة أعوام، الأكثر دموية منذ بداية النزاع)
    // (أكثر من 500 is a quantity, not a superlative: أكثر من 500 مدني قتلوا منذ بدء القصف)
    let superlative = |i: usize| {
        (i.saturating_sub(6)..i).any(|j| {
            let w = strip_article(a.norm(j));
            let quantity = matches!(w, "اكثر" | "ازيد") && j + 1 < a.tokens.len() && a.norm(j + 1) == "من";
            !quantity && matches!(w, "اعنف" | "اكثر" | "اكبر" | "اسوا" | "اول" | "اشد" | "افدح" | "اخطر" | "اعلي")
        })
    };
    // (in the anchor's own sentence: a frame that runs on into ومنذ بدء النزاع عام 2011، قصفت
    // إسرائيل مرارا does not make the toll before it a total)
    let long_since = in_frame_tokens(f).any(|i| {
        sent.contains(&i)
            && a.norm(i).strip_prefix('و').unwrap_or(a.norm(i)) == "منذ"
            && !superlative(i)
            && (i + 1..(i + 4).min(a.tokens.len())).any(|j| {
                // (a year: قتل 246 شخصا منذ 2015 في اعتداءات)
                a.tokens[j].kind == TokenKind::Number && a.norm(j).len() == 4 && a.norm(j).starts_with(['1', '2'])
                    || matches!(
                        strip_article(a.norm(j)),
                        "سنوات"
                            | "سنه"
                            | "سنتين"
                            | "عام"
                            | "عامين"
                            | "اعوام"
                            | "اشهر"
                            | "شهور"
                            | "عقود"
                            | "عقدين"
                            | "بدايه"
                            | "بدء"
                            | "انطلاق"
                            | "اندلاع"
                    )
            })
    });
    // a toll of an operation that lasted weeks or months is a total (بعد عملية عسكرية استمرت
    // نحو شهرين وأسفرت عن مقتل 1700 مدني)
    let lasted = sent.clone().any(|i| {
        matches!(a.norm(i).trim_start_matches('و'), "استمرت" | "استمر" | "دامت" | "دام")
            && (i + 1..(i + 4).min(sent.end)).any(|j| {
                matches!(
                    strip_article(a.norm(j)),
                    "شهرين"
                        | "اشهر"
                        | "شهور"
                        | "اسابيع"
                        | "اسبوعين"
                        | "سنوات"
                        | "عامين"
                        | "اعوام"
                        | "سنتين"
                )
            })
    });
    let long_since = long_since || lasted;
    // a total of one named happening (ارتفاع عدد الشهداء إلى ثلاثة من جراء المقذوف،
    // الحصيلة الأولية للانفجار) is that happening's toll, not a running total
    let happening_words: Vec<(usize, &Trigger)> = ts
        .iter()
        .flat_map(|&t| trig(lex, m, t).map(move |x| (t, x)))
        .filter(|(_, x)| matches!(x.role, Role::Event | Role::Attack | Role::Weapon))
        .collect();
    let one_happening = !happening_words.is_empty()
        && happening_words.iter().all(|(_, x)| !x.plural)
        && happening_words.iter().any(|(t, _)| {
            // tied to the total: حصيلة الهجوم، الحصيلة للانفجار، قتلى في الغارة، من جراء المقذوف
            let i = m.triggers[*t].start;
            let w = a.norm(i).trim_start_matches(['و', 'ف']);
            let linked = w.starts_with("لل")
                || i > 0
                    && (matches!(a.norm(i - 1), "جراء" | "اثر" | "في" | "بسبب" | "خلال")
                        || m.cumulative.iter().any(|c| c.end == i && lex.cues.cumulative.label(c.id) == "total"));
            (w.starts_with("ال") || w.starts_with("لل")) && linked && i < f.first() + 10
        })
        && !period
        && since.is_none();
    // a toll over days up to publication (في الأيام التسعة الماضية، خلال اليومين الماضيين);
    // not a takeover's, which is one outcome however long the fighting before it
    let takeover = anchors.iter().any(|(_, x)| {
        x.sub_event_type.is_some_and(|s| {
            matches!(s, SubEventType::GovernmentRegainsTerritory | SubEventType::NonStateActorOvertakesTerritory)
        })
    });
    let past_days = !takeover
        && m.dates.iter().any(|d| {
            f.contains(d.start)
                && d.since
                && d.until.is_some()
                && d.until == m.published
                && d.date.zip(m.published).is_some_and(|(x, p)| p.since(x).is_ok_and(|s| s.get_days() >= 2))
                // (not after the toll's own day, told after its verb: قتل 14 الأحد ... إثر قصف لقوات
                // النظام التي عززت تواجدها على مدى الأسبوعين الماضيين)
                && !m.dates.iter().any(|e| {
                    sent.contains(&e.start)
                        && anchor_tok < e.start
                        && e.start < d.start
                        && e.one_day()
                })
        });
    // (not after a superlative, الأكثر دموية منذ 2014، nor in a clause dated to its own day:
    // قتل أربعة الجمعة ... حيث يواصلون الاحتجاج منذ 30 مارس)
    let own_day = m.dates.iter().any(|d| f.contains(d.start) && d.one_day());
    let days_since = since
        .filter(|d| sent.contains(&d.start) && !superlative(d.start) && !own_day)
        .and_then(|d| d.date.zip(m.published))
        .and_then(|(x, p)| p.since(x).ok())
        .map_or(0, |s| s.get_days());
    // a toll of several happenings told apart (في واقعتين منفصلتين، في هجمات متفرقة)
    let separate = in_frame_tokens(f).any(|i| match strip_article(a.norm(i)) {
        "منفصلتين" | "منفصلين" | "متفرقتين" | "متفرقين" => true,
        // (after a plural only: في حادثة منفصلة is one happening)
        "منفصله" | "متفرقه" => i > 0 && strip_article(a.norm(i - 1)).ends_with("ات"),
        _ => false,
    });
    // a numbered statement sums an operation's results (في البيان رقم 19 للعملية الشاملة)
    let statement = sent.clone().any(|i| {
        i + 1 < sent.end && matches!(strip_article(a.norm(i)), "بيان" | "بيانه" | "بيانها") && a.norm(i + 1) == "رقم"
    });
    let counted = toll.as_ref().is_some_and(|t| t.min.is_some());
    // hundreds or thousands of strikes or attacks (آلاف الضربات الجوية التي شنها التحالف) are a
    // campaign summed up, not one happening
    let many = anchors.iter().any(|(t, x)| {
        let i = m.triggers[*t].start;
        x.plural
            && matches!(x.role, Role::Event | Role::Attack)
            && !demonstration(x)
            && i > 0
            && matches!(a.norm(i - 1).trim_start_matches(['و', 'ف']), "الاف" | "مئات" | "الالاف" | "المئات")
    });
    // deaths in "the protests", a series named as a whole (قتل الجيش في هذه التظاهرات نحو 150،
    // مقتل أكثر من 100 فلسطيني في الاحتجاجات), are a running total unless the clause gives one
    // day; not the protesters (آلاف المتظاهرين), the protests only going on (مع استمرار
    // الاحتجاجات) or their bloodiest day (أكثر يوم دموية في الاحتجاجات)
    let protest_series = !own_day
        && toll.as_ref().is_some_and(|t| t.min.is_some_and(|n| n > 1))
        && ts.iter().any(|&t| {
            let i = m.triggers[t].start;
            let pointed = i > 0 && matches!(a.norm(i - 1), "هذه" | "تلك");
            let setting = |j: usize| j > 0 && matches!(a.norm(j - 1), "في" | "خلال");
            trig(lex, m, t).any(|x| demonstration(x) && x.plural && matches!(x.pos, Pos::Noun | Pos::Masdar))
                && (a.norm(i).starts_with("ال") && setting(i) || pointed && setting(i - 1))
                && !superlative(i)
        });
    let period_not_yardstick = m.cumulative.iter().any(|c| {
        f.contains(c.start)
            && lex.cues.cumulative.label(c.id) == "period"
            && !hours(c.start..c.end)
            && !superlative(c.start)
    });
    let cumulative = many
        || protest_series
        || (f.total && !one_happening)
        || ((separate || statement) && counted)
        // (not a yardstick: غارات جوية هي الأعنف منذ شهر، مما أدى إلى مقتل عدد من المدنيين)
        || (plural_event && (period_not_yardstick || since.is_some_and(|d| !superlative(d.start))) && toll.is_some())
        || (past_days && toll.as_ref().is_some_and(|t| t.min.is_some_and(|n| n > 1)))
        || (long_since && toll.as_ref().is_some_and(|t| t.min.is_some()))
        // a toll since a day two or more days back is one of days (عدد القتلى في الغوطة، منذ الأحد
        // الماضي، تجاوز 400)
        || (days_since >= 2 && !takeover && !one_happening && toll.as_ref().is_some_and(|t| t.min.is_some_and(|n| n > 1)));
    let scope = if cumulative { Scope::Cumulative } else { Scope::Event };
    let count = cumulative.then(|| happenings(lex, m, f)).flatten();
    if cumulative {
        rules.push("running total");
    }
    if separate && counted {
        rules.push(SEPARATE_HAPPENINGS);
    }

    // ---- place, date
    let demo = matches!(sub.event_type(), rasd_core::EventType::Protests | rasd_core::EventType::Riots);
    let place = locate(lex, m, f, anchor_tok, src_span.as_ref(), state_subject.as_ref().map(|(r, _)| r), demo);
    let (mut date, own_date) = date_of(m, f, anchor_tok, cumulative, src_span.as_ref(), demo);
    if day_before(m, anchor_tok, &date) {
        date.start = date.start.and_then(|d| d.yesterday().ok());
        date.end = date.start;
        rules.push("غداة: the happening is of the day before the sentence's day");
    }
    // background told in a pluperfect or a "came after" sentence, with no day of its own, is no
    // news of the report's day (وكانت الولايات المتحدة قد شنت غارة، وجاءت هذه الضربات في أعقاب ...)
    if !own_date
        && !cumulative
        && !anchors.is_empty()
        && anchors.iter().all(|(t, _)| told_before(m, m.triggers[*t].start))
    {
        return Err(Drop::Background);
    }
    // a known happening only answered, followed or looked into, with no day of its own
    // beside the report's (قالت هيلي الاثنين إن واشنطن سترد على الهجوم الكيماوي على دوما)
    // (a killing told in its clause is part of it: على خلفية هجوم كيماوي مفترض أسفر عن مقتل
    // عشرات; a wounding before it is news: أصيب أربعة إسرائيليين إثر سقوط القذيفة)
    // (not a taking of ground, the news itself: بعد السيطرة على عدة مناطق)
    let back: Vec<usize> = anchors
        .iter()
        .filter(|(_, x)| !territorial(x))
        .map(|(t, _)| m.triggers[*t].start)
        .filter(|&i| referred_back(m, i))
        .collect();
    let covered = |i: usize, x: &Trigger| {
        back.contains(&i)
            // (the relative clause that describes it: الغارة التي استهدفت منشأة)
            || back.iter().any(|&b| {
                b < i && i - b <= 4 && (b + 1..i).any(|j| matches!(a.norm(j), "التي" | "الذي" | "اللتين" | "اللذين"))
            })
            || (x.role == Role::Kill
                && back.iter().any(|&b| {
                    b < i && (clause_of(m, b).contains(&i) || (i - b <= 16 && a.sentence_of(i) == a.sentence_of(b)))
                }))
    };
    let harm_before = ts.iter().any(|&t| {
        trig(lex, m, t).any(|x| x.role == Role::Injure) && back.first().is_none_or(|&b| m.triggers[t].start < b)
    });
    let first_back = back.iter().copied().min().unwrap_or(0);
    // (a strategic word in the frame does not make it news: الاتفاق المبرم بين الدول العظمى)
    if !cumulative
        && !back.is_empty()
        && !harm_before
        && anchors
            .iter()
            .filter(|(_, x)| {
                x.sub_event_type.is_none_or(|s| s.event_type() != rasd_core::EventType::StrategicDevelopments)
            })
            .all(|(t, x)| covered(m.triggers[*t].start, x))
    {
        // (its own day follows the event word: الهجوم الكيميائي المفترض في دوما في السابع من
        // نيسان; one before it is the main verb's: قابلت مسؤولي المنظمة مساء السبت ... موقع الهجوم)
        let own_day = m.dates.iter().find(|d| {
            f.contains(d.start)
                && d.start > first_back
                && a.sentence_of(d.start) == a.sentence_of(first_back)
                && d.year_only.is_none()
                && d.date.is_some()
                && !on_report(m, src_span.as_ref(), d.start, d.end)
        });
        match own_day {
            // (that day, not the main verb's: وصول فريق ... ظهر السبت للتحقيق في الهجوم ... الذي
            // أدى في السابع من نيسان إلى مقتل أربعين)
            Some(d) => {
                date = DateChoice {
                    start: d.date,
                    end: d.until.or(d.date),
                    precision: d.precision,
                    span: Some(a.span(d.start, d.end)),
                };
            }
            None => return Err(Drop::Background),
        }
    }
    // a day of its own after the report's is to come, not news (يوم 20 مارس المقبل، بحلول العاشر
    // من أكتوبر)
    if let (true, Some(d), Some(p), false) = (own_date, date.start, m.published, cumulative) {
        if d > p {
            return Err(Drop::Modal);
        }
    }
    // a report of something long past is background, not news (في 12 نوفمبر 2015)
    if let (true, Some(d), Some(p), false) = (own_date, date.start, m.published, cumulative) {
        let long_past =
            |d: Date| p.since(d).is_ok_and(|s| s.get_days() > 60) || d > p.checked_add(2.days()).unwrap_or(p);
        if long_past(d) {
            // unless the sentence also dates something recent, which is then its news
            // (... في أبريل 2017، والهجوم الذي استهدف دوما الشهر الجاري؛ تشن القوات منذ 19 حزيران عملية)
            // (a recent period it is part of, or a later date told after the old one, not the
            // reporting verb's day)
            let old = m.dates.iter().find(|x| f.contains(x.start) && x.date == Some(d)).map_or(0, |x| x.start);
            let on_report = |i: usize| src_span.as_ref().is_some_and(|r| i < r.end + 1);
            let recent = m
                .dates
                .iter()
                .filter(|x| f.contains(x.start) && x.year_only.is_none())
                .filter(|x| x.since || (x.start > old && !on_report(x.start)))
                // (a day, or this week/month; not a bare month whose year is assumed)
                .filter(|x| x.since || x.precision == TimePrecision::Day || x.until == m.published)
                .find(|x| x.date.is_some_and(|r| !long_past(r)));
            match recent {
                Some(x) if x.since => {
                    date = DateChoice { start: Some(p), end: Some(p), precision: TimePrecision::Week, span: None };
                }
                Some(x) => {
                    date = DateChoice {
                        start: x.date,
                        end: x.until.or(x.date),
                        precision: x.precision,
                        span: Some(a.span(x.start, x.end)),
                    };
                }
                None => return Err(Drop::Background),
            }
        }
    }

    if !participant {
        let placed =
            place.as_ref().is_some_and(|p| !p.span.is_empty() && lex.places.get(p.place).kind != PlaceKind::Country);
        if !placed {
            return Err(Drop::NoParticipant);
        }
        rules.push("a firm event word with a place of its own");
    }

    // a victim named by rank, office or trade right after the killing word
    // (مقتل العميد إسماعيل، اغتيال الصحفي ...، قتل القيادي في ...) is someone
    // specific: the record reports one happening even with no place or date
    let named_victim = anchors.iter().any(|(t, x)| {
        let e = m.triggers[*t].end;
        // (not a casualty noun used as an epithet: الشهيد الرئيس ...)
        matches!(x.role, Role::Kill | Role::Attack | Role::Event)
            && x.pos != Pos::Noun
            && (e..(e + 2).min(a.tokens.len())).any(|i| VICTIM_TITLES.contains(a, i))
    });
    let mut evidence: Vec<Span> = f.ranges.iter().filter(|r| !r.is_empty()).map(|r| a.span(r.start, r.end)).collect();
    evidence.dedup();
    let attackers_dead = toll.as_ref().filter(|t| attackers_toll(m, t)).and_then(|t| t.min);
    let armed_dead = toll.as_ref().is_some_and(|t| armed_toll(m, t));
    // (last, so the kind of event stays as told) the attacker's own air force or government is no victim of it (قصفت طائرات
    // إسرائيلية موقعا: not Israel against its Air Force)
    if let (Some(x), Some(v)) = (&actor1, &actor2) {
        if same_side(x, v) {
            actor2 = None;
            rules.push("one state's forces are one side");
        }
    }
    Ok(Coded {
        sub,
        plover,
        mode,
        anchor: anchor_t,
        actor1,
        actor2,
        place,
        date,
        toll,
        scope,
        count,
        source: source.map(|s| s.0),
        evidence,
        rules,
        coref: f.coref,
        own_date,
        specific,
        named_victim,
        list: None,
        attackers_dead,
        armed_dead,
    })
}

/// Whether a toll counts the attackers themselves, named again by a definite noun
/// (وأكد المتحدث أن المسلحين الثمانية قتلوا جميعهم، قتل خمسة من المهاجمين).
fn attackers_toll(m: &Mentions<'_>, t: &Toll) -> bool {
    let a = &m.a;
    let n = a.tokens.len();
    let (i, j) = toll_tokens(m, t);
    let attackers = |k: usize| k < n && matches!(a.norm(k), "المهاجمين" | "المهاجمون" | "الانتحاريين");
    // (before the number: المسلحين الثمانية; after it: ثمانية من المهاجمين; not "45 من المسلحين
    // الموالين للنظام", a side's fighters)
    (i > 0 && (attackers(i - 1) || matches!(a.norm(i - 1), "المسلحين" | "المسلحون")))
        || (j + 1 < n && a.norm(j) == "من" && attackers(j + 1))
}

/// The tokens of a toll's words.
fn toll_tokens(m: &Mentions<'_>, t: &Toll) -> (usize, usize) {
    let a = &m.a;
    let n = a.tokens.len();
    let i = (0..n).find(|&i| a.span(i, i + 1).start >= t.span.start).unwrap_or(n);
    let j = (i..n).take_while(|&k| a.span(k, k + 1).end <= t.span.end).last().map_or(i, |k| k + 1);
    (i, j)
}

/// Whether a toll counts armed men, of whichever side (قتل 45 مسلحا، مقتل اثنين من المسلحين،
/// قتلت القوات 4 مسلحين): the word before it, its words, or the two after it name them.
fn armed_toll(m: &Mentions<'_>, t: &Toll) -> bool {
    let a = &m.a;
    let n = a.tokens.len();
    let (i, j) = toll_tokens(m, t);
    (i.saturating_sub(1)..(j + 2).min(n)).any(|k| {
        let w = strip_article(a.norm(k).trim_start_matches('و'));
        ["مسلح", "مهاجم", "انتحاري", "ارهابي", "مقاتل", "متشدد"].iter().any(|p| w.starts_with(p))
    })
}

/// A context word that names an office or a unit, not a happening:
/// غرفة عمليات، قائد عمليات، مسرح العمليات.
/// The subject of a verb of finding (عثرت السلطات على جثة معارض بعد قتله،
/// انتشلت فرق الإنقاذ جثث القتلى) found the dead: it did not kill them.
/// Two actors of one side: one name with its branch (Military Forces of Israel and its
/// Air Force), or one state's army, police and government.
fn same_side(x: &ActorHit, y: &ActorHit) -> bool {
    let base = |n: &str| n.split(" (").next().unwrap_or(n).to_string();
    let state =
        |n: &str| ["Military Forces of ", "Police Forces of ", "Government of "].iter().any(|p| n.starts_with(p));
    base(&x.name) == base(&y.name)
        || (state(&x.name) && state(&y.name) && x.country.is_some() && x.country == y.country)
}

fn finder(m: &Mentions<'_>, start: usize) -> bool {
    let finding = |w: &str| {
        matches!(w, "عثر" | "عثرت" | "يعثر" | "تعثر" | "وجد" | "وجدت" | "انتشل" | "انتشلت" | "تنتشل" | "ينتشل")
    };
    start > 0 && {
        let w = m.a.norm(start - 1);
        finding(w) || w.strip_prefix(['و', 'ف']).is_some_and(finding)
    }
}

/// A sentence with no date of its own whose event word refers back (a
/// definite noun, or one named by a place the sentence before names: الهجمات الثلاثة،
/// هجوم الوادي الجديد)
/// goes on with the background the sentence before dates to an earlier year
/// (... في يناير العام الماضي. وقتل ثمانية من رجال الشرطة في هجوم الوادي الجديد).
fn continues_background(lex: &Lexicon, m: &Mentions<'_>, anchor_tok: usize) -> bool {
    let a = &m.a;
    let si = a.sentence_of(anchor_tok);
    let (Some(p), Some(prev)) = (m.published, si.checked_sub(1).and_then(|i| a.sentences.get(i))) else {
        return false;
    };
    let sent = &a.sentences[si].tokens;
    if m.dates.iter().any(|d| sent.contains(&d.start)) {
        return false;
    }
    // (a turn back to the news ends the background: في غضون ذلك، إلى ذلك، من جهة أخرى)
    let w = |k: usize| if sent.contains(&k) { a.norm(k).trim_start_matches('و') } else { "" };
    let s0 = sent.start;
    if (s0..s0 + 3).any(|k| w(k) == "غضون")
        || (matches!(w(s0), "الى" | "إلى") && w(s0 + 1) == "ذلك")
        || (w(s0) == "من" && matches!(w(s0 + 1), "جهه" | "جانب") && matches!(w(s0 + 2), "اخري" | "اخرى" | "اخر"))
    {
        return false;
    }
    // (a year after منذ is a yardstick, not the sentence's time: منذ اندلاع الحرب عام 2011;
    // and a sentence that also dates something this year is no background: الأربعاء)
    let yardstick = |d: &DateMention| (d.start.saturating_sub(6)..d.start).any(|j| a.norm(j) == "منذ");
    let old = |d: &DateMention| {
        !d.since
            && !yardstick(d)
            && (d.year_only.is_some_and(|y| y < p.year()) || d.date.is_some_and(|x| x.year() < p.year()))
    };
    let in_prev: Vec<&DateMention> = m.dates.iter().filter(|d| prev.tokens.contains(&d.start)).collect();
    if !in_prev.iter().any(|d| old(d)) || in_prev.iter().any(|d| d.date.is_some_and(|x| x.year() >= p.year())) {
        return false;
    }
    // (any one-word word of violence of the sentence: the anchor may be its verb, وقتل ... في هجوم الوادي الجديد)
    let violent = |t: usize| {
        trig(lex, m, t).any(|x| {
            matches!(x.role, Role::Event | Role::Attack)
                && matches!(x.pos, Pos::Noun | Pos::Masdar)
                && x.sub_event_type.is_none_or(|s| s.is_violent())
        })
    };
    (0..m.triggers.len()).filter(|&t| sent.contains(&m.triggers[t].start) && violent(t)).any(|t| {
        let x = &m.triggers[t];
        // (the same place in both: بمحافظة الوادي الجديد ... هجوم الوادي الجديد)
        let named = m.places.iter().any(|pl| {
            pl.start == x.end
                && (pl.pre_len == 0 || a.norm(pl.start).starts_with("ال"))
                && m.places.iter().any(|q| prev.tokens.contains(&q.start) && a.norm(q.end - 1) == a.norm(pl.end - 1))
        });
        a.keys().definite(x.start) || named
    })
}

/// A happening told after غداة ("the day after") is of the day before the
/// day its sentence gives (عاد الهدوء إلى واغادوغو السبت، غداة سلسلة هجمات
/// استخدمت فيها سيارة مفخخة: the attacks were on Friday), unless a date of
/// its own follows غداة.
fn day_before(m: &Mentions<'_>, anchor_tok: usize, date: &DateChoice) -> bool {
    let a = &m.a;
    if date.precision != TimePrecision::Day || date.start.is_none() || date.start != date.end {
        return false;
    }
    let clause = clause_of(m, anchor_tok);
    let Some(g) = (anchor_tok.saturating_sub(8)..anchor_tok)
        .rev()
        .find(|&j| clause.contains(&j) && a.norm(j).trim_start_matches('و') == "غداه")
    else {
        return false;
    };
    // (the sentence's date comes before غداة, none after it: وغداة الاشتباكات ... أمس الثلاثاء)
    let sent = &a.sentences[a.sentence_of(anchor_tok)].tokens;
    m.dates.iter().any(|d| sent.contains(&d.start) && d.start < g && d.precision == TimePrecision::Day)
        && !m.dates.iter().any(|d| sent.contains(&d.start) && d.start > g)
}

fn after_title_head(m: &Mentions<'_>, i: usize) -> bool {
    i > 0
        && matches!(
            strip_article(m.a.norm(i - 1)),
            "غرفه" | "قائد" | "قياده" | "مسرح" | "مركز" | "ضابط" | "مدير" | "رئيس" | "هيئه" | "مديريه"
        )
}

/// Whether token `i` lies in a reply clause: after ردا على / للرد على /
/// انتقاما لـ in its clause, within a few words (ردا على تقارير حول هجوم كيميائي).
fn in_reply(m: &Mentions<'_>, i: usize) -> bool {
    let a = &m.a;
    let clause = clause_of(m, i);
    let from = i.saturating_sub(10).max(clause.start);
    (from..i).any(|k| {
        let w = a.norm(k).trim_start_matches(['و', 'ف']);
        let reply = matches!(w, "ردا" | "رد" | "الرد" | "للرد" | "كرد") && k + 1 < i && a.norm(k + 1) == "علي";
        let revenge = matches!(w, "انتقاما" | "ثارا") && (k + 1 == i || a.norm(k + 1).starts_with('ل'));
        reply || revenge
    })
}

/// Whether the event word at token `i` is told as the background of the news: in a
/// pluperfect, كان ... قد + a past verb a few words before it (وكانت الولايات المتحدة قد شنت
/// غارة شمال سوريا), or as the subject of a sentence that dates a happening told before after
/// something else (وتأتي هذه المداهمة بعد يوم من ...، وجاءت الاشتباكات بعد ساعات من); what it
/// came after is often recent news of its own (جاء التقدم بعد أن نفذت مقاتلات التحالف غارات);
/// or as the charge of an accusation (اتهم الجبير الحوثيين بتجنيد أطفال للمشاركة في المعارك).
fn told_before(m: &Mentions<'_>, i: usize) -> bool {
    let a = &m.a;
    let s = a.sentence_of(i);
    let bare = |j: usize| a.norm(j).trim_start_matches(['و', 'ف']);
    let same = |j: usize| j < a.tokens.len() && a.sentence_of(j) == s;
    // (قد + a past verb is "had (done)"; قد + the present is "may": قد تؤثر; a report or a claim
    // that had come is often of the news itself: وكان الحوثيون قد أعلنوا استهداف المصفاة)
    let report = |k: usize| ["اعلن", "اكد", "ذكر", "افاد", "قال", "تبن"].iter().any(|p| a.norm(k).starts_with(p));
    let pluperfect = (i.saturating_sub(3)..i).any(|k| {
        same(k)
            && a.norm(k) == "قد"
            && k + 1 < a.tokens.len()
            && !a.norm(k + 1).starts_with(['ي', 'ت', 'ن'])
            && !report(k + 1)
            && (k.saturating_sub(8)..k).any(|j| same(j) && matches!(bare(j), "كان" | "كانت" | "كانوا" | "كانا"))
    });
    // (the last hours are news: وكانت الساعات الماضية قد شهدت مواجهات)
    let hours = (i.saturating_sub(12)..i)
        .any(|j| same(j) && matches!(strip_article(bare(j)), "ساعات" | "ساعه" | "ساعتين" | "امس" | "البارحه"));
    let pluperfect = pluperfect && !hours;
    if pluperfect {
        return true;
    }
    // the charge of an accusation (اتهم الجبير الحوثيين بتجنيد أطفال، اتهمت الوكالة الحوثيين
    // بالوقوف خلف القصف): a practice charged or a happening already told
    let accuse = |j: usize| {
        let w = bare(j);
        ["اتهم", "يتهم", "تتهم", "متهم", "اتهام"].iter().any(|p| w.starts_with(p))
    };
    let charged = a.norm(i).starts_with('ب')
        || (i.saturating_sub(3)..i)
            .any(|k| matches!(strip_article(bare(k)), "بالوقوف" | "بالمسؤوليه" | "بالمسووليه" | "بمسؤوليه"));
    if charged && (i.saturating_sub(10)..i).any(|j| same(j) && accuse(j)) {
        return true;
    }
    let came = |j: usize| matches!(bare(j), "جاء" | "جاءت" | "ياتي" | "تاتي");
    let after = |j: usize| {
        let w = strip_article(bare(j));
        matches!(w, "بعد" | "عقب" | "اثر" | "اعقاب" | "غداه" | "بعيد")
    };
    (i.saturating_sub(6)..i).any(|j| {
        // (not جاء في البيان, "the statement read")
        let read = j + 2 < a.tokens.len() && bare(j + 1) == "في" && strip_article(bare(j + 2)) != "اعقاب";
        same(j) && came(j) && !read && (i + 1..(j + 7).min(a.tokens.len())).any(|c| same(c) && after(c))
    })
}

/// Whether the event word at token `i` names a happening already known that
/// the sentence only answers, follows or looks into: after a reply (سترد على
/// الهجوم الكيماوي، برد قوي على هجوم), a cause (على خلفية هجوم، إثر الضربة، في
/// أعقاب الهجوم، بعد الهجوم الكيميائي المفترض), an inquiry or a claim (التحقيق
/// في الهجوم، تقارير عن هجوم، موقع الهجوم، مسؤوليته عن الغارة). With no day of
/// its own in the frame it is background, not news of the report's day.
fn referred_back(m: &Mentions<'_>, i: usize) -> bool {
    let a = &m.a;
    if i == 0 {
        return false;
    }
    // (a conjunction و/ف off a word longer than في، عن)
    let bare = |j: usize| {
        let w = a.norm(j);
        strip_article(if w.chars().count() > 3 { w.strip_prefix(['و', 'ف']).unwrap_or(w) } else { w })
    };
    let prev = bare(i - 1);
    // (إثر، عقب، بعد، على خلفية: the cause of what the sentence tells; only a definite or an
    // alleged happening, since many a new report starts so: فر السكان بعد قصف عنيف، أصيب أربعة
    // إثر سقوط قذيفة; بعد الهجوم الكيميائي، على خلفية هجوم كيماوي مفترض)
    let alleged = (i + 1..(i + 4).min(a.tokens.len()))
        .any(|j| matches!(strip_article(a.norm(j)), "مزعوم" | "مزعومه" | "مفترض" | "مفترضه" | "مشتبه"));
    if matches!(prev, "اثر" | "عقب" | "اعقاب" | "خلفيه" | "بعيد" | "بعد") && (a.keys().definite(i) || alleged)
    {
        return true;
    }
    // a time after it (بعد أسبوع من هجوم كيميائي، بعد أيام من الهجوم)
    let time_after = prev == "من"
        && i >= 3
        && matches!(bare(i - 3), "بعد" | "عقب")
        && matches!(
            bare(i - 2),
            "ساعات"
                | "ساعه"
                | "يوم"
                | "يومين"
                | "ايام"
                | "اسبوع"
                | "اسبوعين"
                | "اسابيع"
                | "شهر"
                | "شهرين"
                | "اشهر"
        );
    if time_after {
        return true;
    }
    // the place of a happening, its makers or the one answerable for it (موقع الهجوم، منفذي الهجوم)
    if matches!(prev, "موقع" | "منفذي" | "مرتكبي" | "ذكري") {
        return true;
    }
    // an admission owns up to an earlier act, unlike a claim, which is often the news itself
    // (اعترف الجيش الإسرائيلي، الأربعاء، بمسؤوليته عن الغارة، الاعتراف الآن بالهجوم); not to
    // deaths, which are news (اعترفت الميليشيات بمقتل أحد قادتها)
    let admission = |k: usize| {
        let w = strip_article(a.norm(k).trim_start_matches(['و', 'ف']));
        let w = w.strip_prefix('ل').map_or(w, strip_article);
        w.starts_with("اعترف") || w.starts_with("اعتراف") || matches!(w, "اقر" | "اقرت" | "يقر" | "تقر" | "اقرار")
    };
    let own_up =
        |k: usize| (k.saturating_sub(6)..=k).any(|j| j < i && a.sentence_of(j) == a.sentence_of(i) && admission(j));
    let word = a.norm(i).trim_start_matches(['و', 'ف']);
    let killing = word.starts_with("بمقتل") || word.starts_with("بقتل");
    if !killing
        && (prev == "عن" && i >= 2 && bare(i - 2).trim_start_matches('ب').starts_with("مسؤولي") && own_up(i - 2)
            || word.starts_with('ب') && own_up(i - 1))
    {
        return true;
    }
    if i < 2 || !matches!(prev, "علي" | "في" | "حول" | "بشان" | "عن") {
        return false;
    }
    let cl = clause_of(m, i);
    // a reply a few words before its على (برد قوي مشترك على هجوم)
    let reply = prev == "علي"
        && (i.saturating_sub(5)..i - 1).filter(|k| cl.contains(k)).any(|k| {
            let w = strip_article(a.norm(k).trim_start_matches(['و', 'ف']));
            let w = w.trim_start_matches(['ب', 'ل', 'س']);
            matches!(w, "رد" | "ردا" | "يرد" | "ترد" | "نرد" | "ردود" | "ردها" | "رده")
        });
    // an inquiry, reports or evidence about it, the blame for it
    let about = matches!(prev, "في" | "حول" | "بشان" | "عن")
        && (i.saturating_sub(5)..i - 1).filter(|&k| a.sentence_of(k) == a.sentence_of(i)).any(|k| {
            let w = strip_article(a.norm(k).trim_start_matches(['و', 'ف']));
            let w = w.trim_start_matches(['ب', 'ل']);
            let w = strip_article(w);
            // (those answerable for it, المسؤولين عن الهجوم; not reports or news of it, nor a
            // claim for it, مسؤوليته عن الهجوم: both often the news itself)
            w.starts_with("تحقيق") || matches!(w, "يحقق" | "ادله" | "مسؤول" | "مسؤوله" | "مسؤولين" | "مسؤولون")
        });
    reply || about
}

/// Whether the adjective at token `end`, right after an attack word, makes it
/// no physical attack (هجمات شخصية على الصحافيين، هجوم إلكتروني، معركة كلامية،
/// شن هجوما حادا على إيران في كلمة).
fn figurative(m: &Mentions<'_>, end: usize) -> bool {
    end < m.a.tokens.len()
        && matches!(
            strip_article(m.a.norm(end)).trim_end_matches('ه'),
            "شخصي"
                | "اعلامي"
                | "كلامي"
                | "لفظي"
                | "الكتروني"
                | "سيبراني"
                | "سياسي"
                | "دبلوماسي"
                | "اقتصادي"
                | "تجاري"
                | "حاد"
                | "حادا"
                | "لاذع"
                | "لاذعا"
        )
}

/// A battle or a war waged on an abstraction is a cause, not a fight (نخوض المعركة ضد الإرهاب،
/// معركة التصدي للإرهاب، الحرب على الفساد); a fight with the terrorists (ضد الإرهابيين) stays.
fn war_on_abstract(m: &Mentions<'_>, i: usize, end: usize) -> bool {
    let a = &m.a;
    let w = strip_article(a.norm(i).trim_start_matches(['و', 'ف', 'ب', 'ل']));
    let war = ["معرك", "حرب", "تصدي", "مواجه", "مكافح", "محارب"].iter().any(|p| w.starts_with(p));
    let abstract_noun = |j: usize| j < a.tokens.len() && abstract_noun_word(strip_article(a.norm(j)));
    // (ل + the article: للإرهاب)
    let lam = end < a.tokens.len() && a.norm(end).strip_prefix("لل").is_some_and(abstract_noun_word);
    war && (lam || (end < a.tokens.len() && matches!(a.norm(end), "ضد" | "علي") && abstract_noun(end + 1)))
}

fn abstract_noun_word(w: &str) -> bool {
    matches!(w, "ارهاب" | "تطرف" | "فساد" | "مخدرات" | "فقر" | "جهل")
}

/// Whether an attack noun from token `i` to `end` is told as a happening:
/// "took place" right after it (الهجوم الذي وقع في السابع من الشهر، الضربات
/// وقعت قرب منشأة) or launched by a past شن/نفذ a few words before it in its
/// clause (شن التحالف منذ ستة أسابيع هجوما; not the present, often habitual or
/// negated: يشن منها هجمات متكررة، لم يشن هجمات).
fn told_happened(m: &Mentions<'_>, i: usize, end: usize) -> bool {
    let a = &m.a;
    let cl = clause_of(m, i);
    let occurred = |w: &str| matches!(w, "وقع" | "وقعت" | "وقعا" | "حدث" | "حدثت" | "جرى" | "جرت");
    let after = (end..(end + 2).min(a.tokens.len()))
        .take_while(|&j| cl.contains(&j))
        .map(|j| a.norm(j))
        .find(|w| !matches!(*w, "الذي" | "التي" | "اللذان" | "اللتان"))
        .is_some_and(occurred);
    // (not the masdar right before its noun, often under a modal: تستبعد شن هجوم، عن شن الهجوم)
    let launched = (i.saturating_sub(6)..i).filter(|j| cl.contains(j)).any(|j| {
        let w = a.norm(j).trim_start_matches(['و', 'ف']);
        let masdar = j + 1 == i && matches!(w, "شن" | "نفذ");
        !masdar && matches!(w, "شن" | "شنت" | "شنوا" | "نفذ" | "نفذت" | "نفذوا")
    });
    after || launched
}

/// Whether the battle word at token `i` names fighting in general, not a
/// happening: the field it is fought on (جبهات المعارك، أرض المعركة، ساحات
/// القتال). (What people flee is [`fled_or_feared`]'s.)
fn generic_battle(m: &Mentions<'_>, i: usize) -> bool {
    let a = &m.a;
    if i == 0 || !matches!(strip_article(a.norm(i)), "معارك" | "معركه" | "قتال" | "حرب" | "اشتباكات" | "مواجهات")
    {
        return false;
    }
    matches!(
        strip_article(a.norm(i - 1).trim_start_matches(['و', 'ف'])),
        "جبهه"
            | "جبهات"
            | "ساحه"
            | "ساحات"
            | "ارض"
            | "ميدان"
            | "ميادين"
            | "خطوط"
            | "خط"
            | "اتون"
    )
}

/// Whether token `i` tells an air crash: an aircraft falling (سقوط طائرة
/// مقاتلة بعد إقلاعها، بسقوط مروحية) or aviation accidents (حوادث الطيران); a
/// falling shell (سقوط قذيفة) is no crash, and a downing has its own word (أسقطت).
fn air_crash(m: &Mentions<'_>, i: usize) -> bool {
    let a = &m.a;
    let w = strip_article(a.norm(i).trim_start_matches(['و', 'ف', 'ب']));
    let next = if i + 1 < a.tokens.len() { strip_article(a.norm(i + 1)) } else { "" };
    (w == "سقوط" && matches!(next, "طائره" | "مروحيه" | "طائرات" | "مروحيات"))
        || (matches!(w, "حوادث" | "حادث") && matches!(next, "طيران" | "الطيران"))
}

/// Whether token `i` follows a word of cause (بسبب، نتيجة، جراء، بفعل).
/// (A reply clause, ردا على هجمات, is left out of the frame: [`in_reply`].)
/// A word of intensity may stand between (بسبب احتدام المعارك), and the
/// damage a fight left names it as its cause too (الدمار الذي خلفته المعارك).
fn after_cause(m: &Mentions<'_>, i: usize) -> bool {
    let word = |j: usize| m.a.norm(j).trim_start_matches(['و', 'ف']);
    let cause =
        |j: usize| matches!(word(j), "بسبب" | "نتيجه" | "جراء" | "بفعل" | "خلفته" | "خلفتها" | "خلفه" | "خلفها");
    let intensity = |j: usize| {
        matches!(
            strip_article(word(j)),
            "احتدام" | "اشتداد" | "تصاعد" | "استمرار" | "تواصل" | "شده" | "كثافه" | "ضراوه"
        )
    };
    (i > 0 && cause(i - 1)) || (i > 1 && intensity(i - 1) && cause(i - 2))
}

/// A weapon made, stored, smuggled or seized is not the weapon of the act told
/// beside it (خبراء في صناعة الألغام قتلوا في غارات، مستودعات صواريخ، عثر
/// بحوزتهم على عبوات ناسفة).
fn handled_weapon(m: &Mentions<'_>, i: usize) -> bool {
    let a = &m.a;
    let cl = clause_of(m, i);
    (i.saturating_sub(5)..i).filter(|j| cl.contains(j)).any(|j| {
        let w = strip_article(a.norm(j).trim_start_matches(['و', 'ف']));
        // (and after ب or ل: بحوزتهم، لتصنيع)
        let bare = w.strip_prefix(['ب', 'ل']).map(strip_article);
        [Some(w), bare].into_iter().flatten().any(handling)
    })
}

/// Whether a mention at token `start` whose first `pre_len` bytes are
/// proclitics carries no preposition: none, or only the article, which is
/// part of the name (الولايات المتحدة، القوات; not للقوات، بإسرائيل).
fn no_preposition(a: &rasd_text::Analysis<'_>, start: usize, pre_len: usize) -> bool {
    pre_len == 0 || a.norm(start).get(..pre_len) == Some("ال")
}

/// A force that announces a strike noun as its own deed is its agent: أعلن
/// الجيش الإسرائيلي، الجمعة، قصف موقع عسكري سوري (not قال الجيش إن ..., a report).
fn announced_own_strike(
    m: &Mentions<'_>,
    src: Option<&std::ops::Range<usize>>,
    anchor_tok: usize,
    anchor: Option<&Trigger>,
    actors_in: &[&ActorHit],
) -> Option<ActorHit> {
    let a = &m.a;
    let src = src?;
    let x = anchor?;
    if !matches!(x.pos, Pos::Noun | Pos::Masdar) || !matches!(x.role, Role::Event | Role::Attack) {
        return None;
    }
    if src.start == 0 || !matches!(a.norm(src.start - 1).trim_start_matches(['و', 'ف']), "اعلن" | "اعلنت") {
        return None;
    }
    // only a comma, عن or a day between the announcer and the strike noun (أعلن الجيش عن ضرب)
    if anchor_tok < src.end || anchor_tok - src.end > 4 {
        return None;
    }
    let day = |i: usize| {
        a.tokens[i].kind == TokenKind::Punct
            || matches!(
                a.norm(i),
                "عن" | "اليوم"
                    | "امس"
                    | "السبت"
                    | "الاحد"
                    | "الاثنين"
                    | "الثلاثاء"
                    | "الاربعاء"
                    | "الخميس"
                    | "الجمعه"
            )
    };
    if !(src.end..anchor_tok).all(day) || a.norm(anchor_tok).starts_with("ال") {
        return None;
    }
    actors_in.iter().find(|h| src.contains(&h.start) && h.armed() && !h.generic).map(|h| (*h).clone())
}

/// The losses are of the side named after «في صفوف» (قتلى وجرحى في صفوف ميليشيات
/// الحوثي): it is the victim, however far from the event word.
fn in_ranks<'c, 'h>(
    m: &Mentions<'_>,
    f: &Frame,
    cands: &'c [&'h ActorHit],
    a1: Option<&str>,
) -> Option<&'c &'h ActorHit> {
    let a = &m.a;
    cands.iter().find(|h| {
        h.start >= 2
            && f.contains(h.start)
            && h.pre_len == 0
            && a.norm(h.start - 1) == "صفوف"
            && matches!(a.norm(h.start - 2).trim_start_matches('و'), "في" | "من" | "بين")
            && a1 != Some(h.name.as_str())
    })
}

/// The definite genitive right after a strike noun is its agent: غارات التحالف،
/// قصف قوات النظام، هجوم داعش (not استهداف/قتال, whose genitive is the target).
fn genitive_attacker(m: &Mentions<'_>, anchors: &[(usize, &Trigger)], cands: &[&ActorHit]) -> Option<ActorHit> {
    let a = &m.a;
    for (t, x) in anchors {
        if !matches!(x.pos, Pos::Noun | Pos::Masdar) || !matches!(x.role, Role::Event | Role::Attack) {
            continue;
        }
        let head = x.phrase.split(' ').next().unwrap_or("");
        if !matches!(head, "غارة" | "غارات" | "ضربة" | "ضربات" | "قصف" | "هجوم" | "هجمات")
        {
            continue;
        }
        let tm = &m.triggers[*t];
        // the strike word itself is bare (not الغارات), the genitive definite or a name
        if a.norm(tm.start).starts_with("ال") {
            continue;
        }
        if let Some(h) = cands.iter().find(|h| h.start == tm.end && no_preposition(a, h.start, h.pre_len) && h.armed())
        {
            return Some((*h).clone());
        }
    }
    None
}

/// Found: عثر بداخلهما على 70 عبوة، العثور على عبوة ناسفة (not عثر عليها
/// عقب استهداف الطائرة: the bodies were found).
fn found_weapon(m: &Mentions<'_>, i: usize) -> bool {
    let a = &m.a;
    let cl = clause_of(m, i);
    (i.saturating_sub(6)..i).filter(|j| cl.contains(j)).any(|j| {
        let w = strip_article(a.norm(j).trim_start_matches(['و', 'ف']));
        matches!(w, "عثر" | "عثرت" | "عثور" | "اكتشاف" | "ضبطت" | "صادرت")
            && (j + 1..i).any(|k| matches!(a.norm(k), "علي" | "بداخلها" | "بداخلهما" | "بداخله"))
    })
}

fn handling(w: &str) -> bool {
    matches!(
        w,
        "صناعه"
            | "تصنيع"
            | "مصنع"
            | "مصانع"
            | "معمل"
            | "معامل"
            | "ورشه"
            | "ورش"
            | "مخزن"
            | "مخازن"
            | "مستودع"
            | "مستودعات"
            | "تهريب"
            | "مهربه"
            | "شحنه"
            | "شحنات"
            | "ضبط"
            | "مصادره"
            | "حوزه"
            | "حوزتهم"
            | "حوزته"
            | "حوزتها"
            | "ترسانه"
            | "امدادات"
            | "صفقه"
            | "صفقات"
            | "بيع"
            | "شراء"
    )
}

/// A present-tense verb in a relative clause right after a group's name
/// describes the group, it tells no act (الميليشيات الطائفية التي تقاتل في
/// سوريا، الفصائل التي تقاتل ضد النظام).
fn describes_group(m: &Mentions<'_>, i: usize) -> bool {
    let a = &m.a;
    i >= 2
        && a.norm(i).trim_start_matches('و').starts_with(['ي', 'ت'])
        && matches!(a.norm(i - 1), "التي" | "الذي" | "الذين" | "اللذين" | "اللتين" | "اللذان" | "اللتان")
        && m.actors.iter().any(|h| h.end == i - 1)
}

/// A fight named only as what people flee or fear, no happening of its own
/// without harm: الفارين من المعارك، هربا من القصف، خشية تعرضهم لهجوم بري،
/// تحسبا لهجوم.
fn fled_or_feared(m: &Mentions<'_>, i: usize) -> bool {
    let cl = clause_of(m, i);
    let bare = |j: usize| strip_article(m.a.norm(j).trim_start_matches(['و', 'ف']));
    let flight = |w: &str| {
        matches!(
            w,
            "فارين"
                | "فارون"
                | "فرار"
                | "فرارا"
                | "فروا"
                | "فر"
                | "فرت"
                | "يفرون"
                | "هاربين"
                | "هاربون"
                | "هرب"
                | "هربا"
                | "هروب"
                | "هربوا"
                | "هربت"
                | "يهربون"
                | "نازحين"
                | "نازحون"
                | "نزوح"
                | "نزح"
                | "نزحت"
                | "نزحوا"
                | "ينزحون"
        )
    };
    let fear = |w: &str| matches!(w, "خشيه" | "خوفا" | "تخوفا" | "مخاوف" | "تحسبا" | "خشيتهم" | "خوفهم");
    // the fled thing follows من within three words (الفارين من مناطق القتال)
    let fled = (i.saturating_sub(4)..i)
        .filter(|j| cl.contains(j))
        .any(|j| flight(bare(j)) && (j + 1..i).any(|k| m.a.norm(k) == "من" || m.a.norm(k) == "منه"));
    // the feared thing is the rest of the clause, a few words on (خشية وقوعهم في حصار أو تعرضهم لهجوم)
    let feared = (i.saturating_sub(8)..i).filter(|j| cl.contains(j)).any(|j| fear(bare(j)));
    fled || feared
}

fn specific_kind(events: &[&Trigger]) -> bool {
    events.iter().any(|x| x.sub_event_type.is_some_and(|s| !matches!(s, SubEventType::Attack | SubEventType::Shelling)))
}

/// Ranks, offices and trades that name a particular victim (العميد، الصحفي).
static VICTIM_TITLES: LazyLock<StemSet> = LazyLock::new(|| {
    StemSet::new(&[
        "عميد",
        "لواء",
        "عقيد",
        "مقدم",
        "رائد",
        "نقيب",
        "ملازم",
        "جنرال",
        "شيخ",
        "قيادي",
        "صحفي",
        "صحافي",
        "اعلامي",
        "مصور",
        "ناشط",
        "طبيب",
        "قاضي",
        "نائب",
        "وزير",
        "محافظ",
        "مفتي",
        "امام",
        "داعيه",
        "زعيم",
        "قائد",
        "مدير",
        "رئيس",
        "مراسل",
        "محامي",
        "عضو",
    ])
});

/// The armed actor that claims the happening of `anchor`'s sentence: the
/// one before مسؤوليته/مسؤوليتها/المسؤولية (أعلنت X مسؤوليتها عن، X يتبنى
/// المسؤولية) or right after تبنى/تبنت (تبنى تنظيم داعش الهجوم). A denial
/// (نفى، تنفي، لم تعلن، عدم) claims nothing.
fn claimant(lex: &Lexicon, m: &Mentions<'_>, anchor: usize) -> Option<ActorHit> {
    let a = &m.a;
    let sent = a.sentences[a.sentence_of(anchor)].tokens.clone();
    let bare = |i: usize| a.norm(i).trim_start_matches(['و', 'ف']).to_string();
    // a denial, or blame laid on someone (حمّل X المسؤولية، تتحمل مسؤولية)
    let denied = |i: usize| {
        (sent.start.max(i.saturating_sub(6))..i).any(|j| {
            let w = bare(j);
            ["نفي", "نفت", "ينفي", "تنفي", "حمل", "يحمل", "تحمل", "محمل"].iter().any(|p| w.starts_with(p))
                || matches!(w.as_str(), "لم" | "عدم" | "دون")
        })
    };
    // the claim is of a happening: an event word follows (not a resolution
    // adopted on it: تبنى مجلس الأمن قرارا بوقف إطلاق النار)
    let claimed = |from: usize| {
        m.triggers.iter().any(|t| {
            t.start >= from
                && t.start <= from + 4
                && !(from..t.start).any(|j| bare(j).trim_start_matches('ل').starts_with("قرار"))
                && sent.contains(&t.start)
                && t.ids.iter().any(|&id| matches!(lex.triggers.get(id).role, Role::Event | Role::Attack | Role::Kill))
        })
    };
    for i in sent.clone() {
        let w = bare(i);
        let w = w.strip_prefix("ال").unwrap_or(&w);
        let responsibility = w.starts_with("مسؤوليت") || w == "مسؤوليه";
        let adopt = matches!(w, "تبني" | "تبنت" | "يتبني" | "تتبني");
        if !(responsibility || adopt) || denied(i) {
            continue;
        }
        let hit = if responsibility {
            // مسؤوليته عن ...، or announced (أعلن X مسؤوليته)
            let about = i + 1 < sent.end && matches!(a.norm(i + 1), "عن" | "عنه" | "عنها" | "عنهما");
            let announced = (sent.start.max(i.saturating_sub(5))..i).any(|j| bare(j).starts_with("اعلن"));
            m.actors
                .iter()
                .rev()
                .find(|h| h.end <= i && i - h.end <= 4 && sent.contains(&h.start) && h.armed())
                .filter(|_| about || announced)
        } else {
            m.actors
                .iter()
                .find(|h| h.start > i && h.start <= i + 2 && sent.contains(&h.start) && h.armed())
                .filter(|h| claimed(h.end))
        };
        if let Some(h) = hit {
            return Some((*h).clone());
        }
    }
    None
}

/// A claim of responsibility in a later sentence for "the attack" (a definite
/// event word after عن: مسؤوليتها عن الهجوم، عن التفجير): the non-state group
/// claiming it.
fn later_claim(lex: &Lexicon, m: &Mentions<'_>, anchor: usize) -> Option<ActorHit> {
    let a = &m.a;
    let after = a.sentences[a.sentence_of(anchor)].tokens.end;
    (after..a.tokens.len().saturating_sub(2)).find_map(|i| {
        let w = strip_article(a.norm(i).trim_start_matches(['و', 'ف']));
        if !(w.starts_with("مسؤوليت") || w == "مسؤوليه") || a.norm(i + 1) != "عن" {
            return None;
        }
        let o = i + 2;
        let attack = a.keys().definite(o)
            && m.triggers.iter().any(|t| {
                t.start == o
                    && t.ids
                        .iter()
                        .any(|&id| matches!(lex.triggers.get(id).role, Role::Event | Role::Attack | Role::Weapon))
            });
        let sent = a.sentences[a.sentence_of(i)].tokens.clone();
        // (not a denial: نفت مسؤوليتها، لم تعلن أي جهة مسؤوليتها)
        let denied = (sent.start.max(i.saturating_sub(6))..i).any(|j| {
            let b = a.norm(j).trim_start_matches(['و', 'ف']);
            b.starts_with("نف") || b.starts_with("تنف") || b.starts_with("ينف") || matches!(b, "لم" | "عدم" | "دون")
        });
        // (nor a claim for an older attack: وفي مايو الماضي، أعلن التنظيم مسؤوليته عن الهجوم على ...)
        let older = m.historical.iter().any(|c| sent.contains(&c.start))
            || m.dates.iter().any(|d| {
                sent.contains(&d.start)
                    && (d.year_only.is_some()
                        || d.until
                            .or(d.date)
                            .zip(m.published)
                            .is_some_and(|(u, p)| p.since(u).is_ok_and(|x| x.get_days() > 7)))
            });
        if !attack || denied || older {
            return None;
        }
        m.actors
            .iter()
            .rev()
            .find(|h| h.end <= i && i - h.end <= 4 && sent.contains(&h.start) && matches!(h.inter, 2..=4))
            .cloned()
    })
}

/// The armed actor of an announcing phrase right before a takeover word
/// (أعلن الجيش السوري الأحد سيطرته على، وأكدت الفصائل في بيان سيطرتها على، أعلن
/// الجيش السوري مساء السبت استعادة كامل الغوطة): the side announcing its own
/// taking of ground, as a state's forces announcing a blow dealt it.
fn own_takeover_announcer(
    m: &Mentions<'_>,
    anchors: &[(usize, &Trigger)],
    src: Option<&std::ops::Range<usize>>,
) -> Option<ActorHit> {
    let a = &m.a;
    let r = src?;
    // (the reporting phrase may run on over it: أعلنت القوات الحكومية صباح الأربعاء سيطرتها)
    let takeover = anchors.iter().find_map(|(t, x)| {
        let i = m.triggers[*t].start;
        (territorial(x) && i > r.start && i <= r.end + 6 && a.sentence_of(i) == a.sentence_of(r.start)).then_some(i)
    });
    // (the announcing verb: أعلن، أكد; not a report of others: قالت مصادر)
    let announced = r.clone().chain(r.start.saturating_sub(2)..r.start).any(|j| {
        let w = a.norm(j).trim_start_matches(['و', 'ف']);
        w.starts_with("اعلن") || w.starts_with("اكد")
    });
    let i = takeover.filter(|_| announced)?;
    m.actors.iter().find(|h| r.contains(&h.start) && h.end <= i && h.armed() && !h.victim).cloned()
}

/// A hand-over noun (تسليم السلاح، الانسحاب) governed in its clause by a word that makes it
/// the term of a deal, a demand or a refusal, a few words before it (اتفاق يقضي بحل جيش
/// الإسلام وتسليم الأسلحة الثقيلة، رفضت الاستسلام وتسليم السلاح، اشترط تسليمه الأسلحة).
fn handover_term(m: &Mentions<'_>, tok: usize, x: &Trigger) -> bool {
    let a = &m.a;
    let handover = x.pos == Pos::Masdar
        && matches!(x.sub_event_type, Some(SubEventType::NonViolentTransfer | SubEventType::ChangeToGroup));
    if !handover {
        return false;
    }
    // (a hand-over joined by و to an earlier term runs on across a comma: يجب أن تقود إلى انسحاب
    // الحوثيين الكامل من العاصمة صنعاء، وتسليم السلاح للدولة)
    let joined = a.norm(tok).starts_with('و');
    let cl = if joined { a.sentences[a.sentence_of(tok)].tokens.clone() } else { clause_of(m, tok) };
    let reach = if joined { 20 } else { 12 };
    (tok.saturating_sub(reach)..tok).filter(|k| cl.contains(k)).any(|k| {
        let w = a.norm(k).trim_start_matches(['و', 'ف']);
        let w = w.strip_prefix('ب').filter(|r| r.chars().count() > 3).unwrap_or(w);
        matches!(
            strip_article(w),
            "طلب"
                | "طلبت"
                | "يطلب"
                | "تطلب"
                | "اصرار"
                | "اصرارهم"
                | "اصراره"
                | "اصرارها"
                | "يصر"
                | "تصر"
                | "اشترط"
                | "اشترطت"
                | "شرط"
                | "شروط"
                | "يقضي"
                | "تقضي"
                | "يتضمن"
                | "تتضمن"
                | "بنود"
                | "مقابل"
                | "رفض"
                | "رفضت"
                | "رفضوا"
                | "يرفض"
                | "ترفض"
                | "يجب"
                | "ضرورة"
                | "مطالبة"
                | "مطالبا"
                | "مطالبين"
        )
    })
}

/// أسقط is "shoot down" and "drop": with a load as its object (after the subject too) it drops it, a bomb
/// (`Some(true)`: أسقطت مروحيات براميل متفجرة, the weapon names the strike) or leaflets
/// or aid (`Some(false)`: أسقطت مروحيات منشورات); `None` for any other word or object.
fn dropped_load(m: &Mentions<'_>, t: usize, x: &Trigger) -> Option<bool> {
    if x.sub_event_type != Some(SubEventType::DisruptedWeaponsUse)
        || !["أسقط", "إسقاط", "اسقط", "اسقاط"].iter().any(|p| x.phrase.starts_with(p))
    {
        return None;
    }
    let a = &m.a;
    let e = m.triggers[t].end;
    let sent = a.sentences[a.sentence_of(m.triggers[t].start)].tokens.clone();
    (e..(e + 5).min(sent.end)).find_map(|j| {
        let w = strip_article(a.norm(j).trim_start_matches(['و', 'ل']));
        if matches!(w, "براميل" | "برميل" | "قنابل" | "قنبله" | "حمم") {
            Some(true)
        } else if matches!(w, "منشورات" | "مساعدات" | "صناديق" | "اغذيه" | "مواد") {
            Some(false)
        } else {
            None
        }
    })
}

/// A handover word (سلم، تسليم، تسلم) whose object is people gives no ground: captives handed
/// back (`Some(true)`: وسلمت الفتيات، تسليم الرهائن) are a release, bodies (`Some(false)`: تسلم 40
/// جثة، رفض تسلم الجثمان) no event; `None` for any other word or object.
fn handed_people(m: &Mentions<'_>, t: usize, x: &Trigger) -> Option<bool> {
    if x.sub_event_type != Some(SubEventType::NonViolentTransfer)
        || !["سلم", "تسليم", "تسلم"].iter().any(|p| x.phrase.starts_with(p))
    {
        return None;
    }
    let a = &m.a;
    let e = m.triggers[t].end;
    let sent = a.sentences[a.sentence_of(m.triggers[t].start)].tokens.clone();
    (e..(e + 3).min(sent.end)).find_map(|j| {
        let w = strip_article(a.norm(j).trim_start_matches('و'));
        if matches!(
            w,
            "فتيات"
                | "فتاه"
                | "رهائن"
                | "رهينه"
                | "مختطفين"
                | "مخطوفين"
                | "اسري"
                | "طالبات"
                | "تلميذات"
                | "محتجزين"
        ) {
            Some(true)
        } else if matches!(w, "جثث" | "جثه" | "جثمان" | "جثامين" | "رفات") {
            Some(false)
        } else {
            None
        }
    })
}

/// A raid word of the arrests family (مداهمة، داهمت، حملة دهم).
fn raid_word(x: &Trigger) -> bool {
    x.sub_event_type == Some(SubEventType::Arrests)
        && ["مداهم", "داهم", "دهم", "يداهم", "حملة دهم", "حملة مداهمات", "حملات دهم"]
            .iter()
            .any(|p| x.phrase.starts_with(p))
}

/// Whether a killing word stands in the sentence of token `i`.
fn kill_in_sentence(lex: &Lexicon, m: &Mentions<'_>, i: usize) -> bool {
    let sent = m.a.sentences[m.a.sentence_of(i)].tokens.clone();
    m.triggers
        .iter()
        .any(|t| sent.contains(&t.start) && t.ids.iter().any(|&id| lex.triggers.get(id).role == Role::Kill))
}

/// A bare word of destruction (تدمير، دمر), not a looting, burning or demolition word.
fn bare_destruction(x: &Trigger) -> bool {
    x.sub_event_type == Some(SubEventType::Looting) && (x.phrase.starts_with("تدمير") || x.phrase.starts_with("دمر"))
}

/// Wrecking told in a relative clause is a past state of its head (جامع النوري الذي دمره التنظيم),
/// unless the clause dates it (راجمات التي دمرها الجيش الإسرائيلي شمالي دمشق في 10 مايو).
fn wrecked_before(m: &Mentions<'_>, t: usize) -> bool {
    let i = m.triggers[t].start;
    let cl = clause_of(m, i);
    i > 0
        && matches!(m.a.norm(i - 1).trim_start_matches('و'), "الذي" | "التي" | "الذين")
        && !m.dates.iter().any(|d| d.start > i && cl.contains(&d.start) && d.date.is_some() && d.year_only.is_none())
}

/// A bare word of destruction names looting or property destruction only when told of civil
/// property on its own: wrecking in a strike or a fight is that attack's (وأسفر القصف عن تدمير
/// آليات عسكرية، دمرت مقاتلات التحالف معسكرا), and gear of war wrecked is combat (تدمير زورقين للميليشيات).
fn combat_destruction(lex: &Lexicon, m: &Mentions<'_>, t: usize, x: &Trigger) -> bool {
    if !bare_destruction(x) {
        return false;
    }
    let a = &m.a;
    let (i, e) = (m.triggers[t].start, m.triggers[t].end);
    let sent = a.sentences[a.sentence_of(i)].tokens.clone();
    let violence = m.triggers.iter().enumerate().any(|(u, tm)| {
        u != t
            && sent.contains(&tm.start)
            && trig(lex, m, u).any(|y| {
                matches!(y.role, Role::Attack | Role::Kill | Role::Injure | Role::Weapon)
                    || (y.role == Role::Event
                        && y.sub_event_type
                            .is_some_and(|s| s.event_type() != rasd_core::EventType::StrategicDevelopments))
            })
    });
    let property = (e..(e + 3).min(sent.end)).any(|j| PROPERTY.contains(a, j));
    violence || !property
}

/// Civil property whose wrecking, told on its own, is property destruction (هدم منازل، دمروا مسجدا).
static PROPERTY: LazyLock<StemSet> = LazyLock::new(|| {
    StemSet::new(&[
        "منزل",
        "منازل",
        "بيت",
        "بيوت",
        "مسكن",
        "مساكن",
        "مسجد",
        "مساجد",
        "جامع",
        "كنيسه",
        "كنائس",
        "كنايس",
        "محل",
        "محلات",
        "متجر",
        "متاجر",
        "ممتلكات",
        "مزرعه",
        "مزارع",
        "مدرسه",
        "مدارس",
        "مستشفي",
        "مبني",
        "مباني",
        "قريه",
        "قري",
        "اثار",
        "ضريح",
        "اضرحه",
        "مقام",
        "مقبره",
        "مقابر",
        "محاصيل",
        "حقول",
        "اراضي",
    ])
});

/// A ground assault foiled (أحبطت القوات محاولة تسلل للميليشيات، أحبط الجيش هجوما على مواقعه)
/// was fought off: a clash, not a disrupted weapon (unless the assault's weapon is named and
/// stopped, أحبط هجوما بزورق مفخخ, or a plot was foiled before it began, هجوم كان يخطط له).
fn foiled_assault(lex: &Lexicon, m: &Mentions<'_>, t: usize, x: &Trigger) -> bool {
    if !["أحبط", "إحباط", "احبط", "احباط"].iter().any(|p| x.phrase.starts_with(p)) {
        return false;
    }
    let a = &m.a;
    let (i, e) = (m.triggers[t].start, m.triggers[t].end);
    let cl = clause_of(m, i);
    let near =
        |n: usize| (e..(e + n).min(cl.end)).map(|j| strip_article(a.norm(j).trim_start_matches(['و', 'ل', 'ب'])));
    let assault = near(4).any(|w| {
        matches!(
            w,
            "محاوله"
                | "محاولات"
                | "تسلل"
                | "تقدم"
                | "زحف"
                | "التفاف"
                | "اقتحام"
                | "هجوم"
                | "هجوما"
                | "هجمات"
        )
    });
    let weapon = m.triggers.iter().any(|tm| {
        tm.start >= e
            && tm.start < e + 8
            && cl.contains(&tm.start)
            && tm.ids.iter().any(|&id| lex.triggers.get(id).role == Role::Weapon)
    });
    let plot = near(8).any(|w| {
        w.starts_with("مخطط")
            || w.starts_with("خطط")
            || w.starts_with("يخطط")
            || w == "كان"
            || w.starts_with("مفخخ")
            || w.starts_with("زورق")
            || w.starts_with("زوارق")
            || w.starts_with("صاروخ")
            || w.starts_with("طائر")
            || w.starts_with("مسير")
            || w.starts_with("انتحاري")
    });
    assault && !weapon && !plot
}

fn territorial(x: &Trigger) -> bool {
    matches!(
        x.sub_event_type,
        Some(SubEventType::GovernmentRegainsTerritory | SubEventType::NonStateActorOvertakesTerritory)
    )
}

fn demonstration(x: &Trigger) -> bool {
    x.sub_event_type
        .is_some_and(|s| matches!(s.event_type(), rasd_core::EventType::Protests | rasd_core::EventType::Riots))
}

/// A protest word that names no gathering: a diplomatic or verbal protest
/// (خطاب احتجاج، استدعى السفير للاحتجاج، يلزمون منازلهم احتجاجا), a right
/// (الحق في الاحتجاج السلمي), pretending (يتظاهرون بقبول المحادثات), a
/// past one pointed back to (خلال تلك الاحتجاجات), or protesters only named
/// as someone's cause (تضامنه مع المحتجين).
fn no_demonstration(m: &Mentions<'_>, t: usize) -> bool {
    let a = &m.a;
    let tm = &m.triggers[t];
    let (i, n) = (tm.start, a.tokens.len());
    let w = a.norm(i);
    let prev = (i > 0).then(|| strip_article(a.norm(i - 1).trim_start_matches('و')));
    let next = (tm.end < n).then(|| a.norm(tm.end));
    let stem = strip_article(w.trim_start_matches(['و', 'ف']));
    let singular_protest = matches!(stem, "احتجاج" | "احتجاجا" | "لاحتجاج" | "للاحتجاج");
    // (a gathering told in the sentence makes the protest one: تجمع عمال ... احتجاجا على)
    let sent = a.sentences[a.sentence_of(i)].tokens.clone();
    let gathering = || sent.clone().any(|j| GATHERING.contains(a, j));
    // (a note of protest sent: بعث بخطاب احتجاج، تقدمت بمذكرة احتجاج; not برسالة احتجاج, which may
    // be a crowd's or a banner's message: تحليق مظلي برسالة احتجاج ضد ترامب)
    let letter = prev.map(|p| p.strip_prefix('ب').unwrap_or(p)).map(strip_article);
    if singular_protest
        && (stem == "للاحتجاج"
            || stem == "احتجاجا"
            || matches!(prev, Some("خطاب" | "رساله" | "مذكره" | "بيان" | "حق" | "في"))
            || matches!(letter, Some("خطاب" | "مذكره")))
        && !gathering()
    {
        // (في: الحق في الاحتجاج; a sit-in's "في احتجاج" is rare next to the gathering words)
        return prev != Some("في") || (i >= 2 && strip_article(a.norm(i - 2)) == "حق");
    }
    // the right to protest, with ب as well as في (للمواطنين الحق بالاحتجاج، ولكن بلا تخريب)
    let object = strip_article(stem.strip_prefix('ب').unwrap_or(stem));
    if prev == Some("حق") && stem.starts_with('ب') && (object.starts_with("احتجاج") || object.starts_with("تظاهر"))
    {
        return true;
    }
    if stem.starts_with("تظاهر") || stem.starts_with("يتظاهر") {
        // تظاهر بـ: to pretend
        if next.is_some_and(|x| x.starts_with('ب') && !x.starts_with("بال")) {
            return true;
        }
    }
    if prev == Some("تلك") {
        return true;
    }
    // the protests a war grew out of are its origin, not news (بدأ باحتجاجات سلمية قبل أن يتم
    // قمعها بالقوة وتتحول إلى حرب مدمرة، تحولت انتفاضة سلمية ... إلى حرب أهلية شاملة)
    let into_war = sent.clone().any(|j| {
        let w = strip_article(a.norm(j).trim_start_matches('و'));
        (w.starts_with("تحول") || w.starts_with("يتحول") || w.starts_with("تتحول"))
            && (j + 1..j + 12).any(|k| {
                sent.contains(&k)
                    && a.norm(k) == "الي"
                    && sent.contains(&(k + 1))
                    && matches!(strip_article(a.norm(k + 1)), "حرب" | "نزاع" | "صراع")
            })
    });
    if into_war {
        return true;
    }
    // اعتصم بحبل: to hold fast to a rope (of God, of patience), no sit-in
    // (لا خيار أمام اللاجئ سوى الاعتصام بحبل الانتظار والصبر)
    if stem.contains("عتص") && next.is_some_and(|x| x.starts_with("بحبل")) {
        return true;
    }
    // roads cut as what shelling or ruin caused, not by a crowd (تسببت شدة
    // الدمار جراء القصف في قطع الطرق الرئيسية)
    if stem.starts_with("قطع")
        && (i.saturating_sub(8)..i).any(|j| {
            let w = strip_article(a.norm(j).trim_start_matches(['و', 'ف']));
            w.starts_with("تسبب") || matches!(w, "ادي" | "ادت" | "يؤدي" | "تؤدي")
        })
    {
        return true;
    }
    // قطع الطريق على / أمام: to forestall (قطع الطريق على الأحلام الإيرانية، قطع الطريق أمام
    // المهاجرين غير الشرعيين), no road block
    if stem.starts_with("قطع") && tm.end < n && matches!(a.norm(tm.end), "علي" | "امام") {
        return true;
    }
    // a road cut by fighters is a move of war, not a crowd blocking it
    // (انتصارات الجيش ... وآخرها قطع طريق الملاحيظ)
    if stem.starts_with("قطع") && m.actors.iter().any(|h| sent.contains(&h.start) && h.armed()) && !gathering() {
        return true;
    }
    // a town in a list of towns (بصر الحرير والحراك والغارية): الحراك is no movement there
    let in_place = |j: usize| m.places.iter().any(|p| p.start <= j && j < p.end && !p.in_org);
    if in_place(i) && ((i > 0 && in_place(i - 1)) || in_place(tm.end)) {
        return true;
    }
    // a charge or a suspicion names what someone is accused of, not a gathering
    // (اعتقال 11 مطلوبا يشتبه في ضلوعهم بنشاطات إرهابية وأعمال شغب، للاشتباه في تخطيطهم لمظاهرات)
    let cl = clause_of(m, i);
    if (i.saturating_sub(10)..i).any(|j| cl.contains(&j) && CHARGE.contains(a, j)) {
        return true;
    }
    // protesters named after مع, in a sentence of solidarity and no event of its own
    if prev == Some("مع") && matches!(stem, "محتجين" | "متظاهرين") {
        return sent.clone().any(|j| strip_article(a.norm(j)).starts_with("تضامن"));
    }
    false
}

/// Whether the document's first sentence tells a demonstration (not a past
/// one: منذ اندلاع احتجاجات 2011) and the token `i` comes after it.
fn lede_demonstration(lex: &Lexicon, m: &Mentions<'_>, i: usize) -> bool {
    let a = &m.a;
    let Some(lede) = a.sentences.first().map(|s| s.tokens.clone()) else {
        return false;
    };
    if lede.contains(&i) && a.sentences.len() > 1 {
        // (the lede's own demonstration is in its frame already)
        return false;
    }
    let past = |j: usize| {
        (j.saturating_sub(2)..j).any(|k| matches!(strip_article(a.norm(k).trim_start_matches('و')), "منذ" | "اندلاع"))
            // (or one dated back after it: تحولت انتفاضة سلمية ضد رئيس سوريا منذ سبع سنوات)
            || (j + 1..j + 7).any(|k| lede.contains(&k) && a.norm(k) == "منذ")
            || m.dates.iter().any(|d| d.year_only.is_some() && lede.contains(&d.start))
    };
    (0..m.triggers.len()).any(|t| {
        let j = m.triggers[t].start;
        lede.contains(&j) && j < i && trig(lex, m, t).any(demonstration) && !no_demonstration(m, t) && !past(j)
    })
}

/// Words of a charge or a suspicion (بتهمة، للاشتباه، يشتبه في ضلوعهم).
static CHARGE: LazyLock<StemSet> =
    LazyLock::new(|| StemSet::new(&["يشتبه", "اشتباه", "مشتبه", "تهمه", "تهم", "اتهامات", "ضلوع", "ضلوعهم"]));

/// Legal charges and the charged (تهمة، التهم، المتهمين): the violence
/// named after them in the sentence is what someone is charged with, not a
/// happening told (يواجهون عدة تهم من بينها القتل والشروع في القتل).
static CHARGES: LazyLock<StemSet> =
    LazyLock::new(|| StemSet::new(&["تهمه", "تهم", "متهم", "متهمين", "متهمون", "متهمه", "متهمان", "متهمي"]));

fn charged(m: &Mentions<'_>, i: usize) -> bool {
    let sent = m.a.sentences[m.a.sentence_of(i)].tokens.clone();
    (sent.start..i).any(|j| CHARGES.contains(&m.a, j))
}

/// Words of a crowd gathering (تجمع، تجمهر، اعتصم، احتشد، خرج المئات).
static GATHERING: LazyLock<StemSet> = LazyLock::new(|| {
    StemSet::new(&[
        "تجمع",
        "تجمعوا",
        "تجمعت",
        "يتجمعون",
        "تجمهر",
        "تجمهروا",
        "اعتصم",
        "اعتصموا",
        "اعتصام",
        "احتشد",
        "احتشدوا",
        "خرج",
        "خرجوا",
        "يخرجون",
        "وقفه",
        "نظموا",
        "مئات",
        "الاف",
        "الالاف",
        "عشرات",
        "حشود",
        "حشد",
    ])
});

/// A control word whose object is no ground: a situation or a fire
/// (تمت السيطرة على الوضع، أعلن الدفاع المدني السيطرة على حريق).
fn not_ground(m: &Mentions<'_>, end: usize) -> bool {
    end < m.a.tokens.len()
        && matches!(
            strip_article(m.a.norm(end)),
            "وضع" | "اوضاع" | "موقف" | "حريق" | "حرائق" | "نيران" | "السنه" | "انتشار" | "تفشي"
        )
}

/// A taking of ground named as an aim, not as done: للسيطرة، لاستعادة،
/// بهدف السيطرة، في محاولة للسيطرة، من أجل تحرير، تسعى لاستكمال تحرير.
/// A territorial word naming a period of control, not a takeover
/// (خلال فترة سيطرتهم، إبان سيطرة التنظيم، سنوات سيطرة داعش).
fn period_of(m: &Mentions<'_>, i: usize) -> bool {
    let period = |w: &str| matches!(strip_article(w), "فتره" | "ابان" | "سنوات" | "اعوام" | "طيله");
    (i.saturating_sub(2)..i).any(|j| period(m.a.norm(j)) || period(m.a.norm(j).trim_start_matches('و')))
}

fn purpose(m: &Mentions<'_>, i: usize) -> bool {
    let a = &m.a;
    let bare = |j: usize| {
        let w = a.norm(j).trim_start_matches(['و', 'ف']);
        w.strip_prefix("ال").unwrap_or(w).to_string()
    };
    let w = a.norm(i).trim_start_matches(['و', 'ف']);
    let lam = w.starts_with('ل') && !w.starts_with("ال");
    let cl = clause_of(m, i);
    let aim = (i.saturating_sub(2)..i).filter(|j| cl.contains(j)).any(|j| {
        matches!(
            bare(j).as_str(),
            "بهدف"
                | "هدف"
                | "محاوله"
                | "لمحاوله"
                | "سعيا"
                | "اجل"
                | "بغيه"
                | "بغرض"
                | "بقصد"
                | "راميه"
                | "هادفه"
                | "تسعي"
                | "يسعي"
                | "تحاول"
                | "يحاول"
                | "حاولت"
                | "حاول"
                | "تعتزم"
                | "يعتزم"
                | "لاستكمال"
                // what something would enable (من شأن طرده منها أن يمكنها من استعادة المحافظة)
                | "يمكنها"
                | "يمكنه"
                | "يمكنهم"
                | "سيمكن"
                | "تمكنها"
                | "تمكنه"
                | "تمكنهم"
        )
    });
    // what an operation is to allow, its beneficiary between (تمهيدا لبدء عملية عسكرية تتيح
    // للجيش السوري السيطرة على كامل العاصمة)
    let enable =
        (i.saturating_sub(4)..i).filter(|j| cl.contains(j)).any(|j| matches!(bare(j).as_str(), "تتيح" | "يتيح"));
    lam || aim || enable
}

/// An event word right after a word of ending or stopping names fighting that
/// ended or is to end, not a happening (رغم إعلان انتهاء المعارك، دعت إلى إنهاء
/// القتال، اقتراح لوقف المعارك، توقف القصف عن درعا); not "ended with" (انتهى بدحرها).
/// Whether the منذ at token `k` dates a yardstick or a lasting state, not
/// the happening told: a first or a superlative before it (أكبر هجوم صاروخي
/// استهدفها منذ حرب عام 2014، للمرة الأولى منذ عام 2012), a state that has
/// lasted since (الغوطة الشرقية المحاصرة منذ عام 2013), or a founding (أول
/// مسعفة تقتل منذ تأسيس المنظمة).
fn yardstick_since(m: &Mentions<'_>, k: usize) -> bool {
    let a = &m.a;
    let cl = clause_of(m, k);
    let first = (k.saturating_sub(6)..k).filter(|j| cl.contains(j)).any(|j| {
        let w = strip_article(a.norm(j).trim_start_matches(['و', 'ل']));
        let quantity = w == "اكثر" && j + 1 < a.tokens.len() && a.norm(j + 1) == "من";
        !quantity && matches!(w, "اعنف" | "اكثر" | "اكبر" | "اسوا" | "اول" | "اولي" | "اشد" | "افدح" | "اخطر" | "اعلي")
    });
    // (not a war's own length, the period of its toll: الحرب المستمرة منذ ثلاث سنوات)
    let war = k > 1 && {
        let w = strip_article(a.norm(k - 2).trim_start_matches(['و', 'ف', 'ب', 'ل']));
        matches!(w, "حرب" | "نزاع" | "صراع" | "ازمه" | "حمله" | "قتال" | "معارك" | "عمليه" | "هجوم")
    };
    let state = k > 0
        && cl.contains(&(k - 1))
        && !war
        && matches!(
            strip_article(a.norm(k - 1).trim_start_matches('و')),
            "محاصره"
                | "محاصر"
                | "مستمر"
                | "مستمره"
                | "دائر"
                | "دائره"
                | "متواصل"
                | "متواصله"
                | "خاضعه"
                | "خاضع"
        );
    let founding = k + 1 < a.tokens.len() && matches!(a.norm(k + 1), "تاسيس" | "تاسيسها" | "تاسيسه" | "انشاء");
    first || state || founding
}

/// Whether the year at token `i` stands in a منذ phrase that is a yardstick
/// or a lasting state ([`yardstick_since`]), a few words after its منذ with
/// no comma between, in a sentence that dates its news to a day of its own
/// (قامت بـ30 غارة جوية على قطاع غزة، الثلاثاء، ... في ردها على أكبر هجوم صاروخي
/// استهدفها منذ حرب عام 2014).
fn yardstick_year(m: &Mentions<'_>, i: usize) -> bool {
    let a = &m.a;
    let sentence = a.sentence_of(i);
    let day = |d: &crate::dates::DateMention| !d.since && d.date.is_some() && d.precision == TimePrecision::Day;
    if !m.dates.iter().any(|d| day(d) && a.sentence_of(d.start) == sentence) {
        return false;
    }
    let cl = clause_of(m, i);
    (i.saturating_sub(7)..i)
        .filter(|k| cl.contains(k))
        .any(|k| a.norm(k).trim_start_matches('و') == "منذ" && yardstick_since(m, k))
}

fn ended(m: &Mentions<'_>, i: usize) -> bool {
    let a = &m.a;
    if i == 0 || a.norm(i).trim_start_matches(['و', 'ف']).starts_with('ب') {
        return false;
    }
    let prev = a.norm(i - 1).trim_start_matches(['و', 'ف']);
    let prev = prev.strip_prefix(['ل', 'ب']).filter(|p| p.chars().count() > 3).unwrap_or(prev);
    matches!(
        strip_article(prev),
        "انتهاء"
            | "نهايه"
            | "انهاء"
            | "وقف"
            | "توقف"
            | "ايقاف"
            | "انتهت"
            | "انتهي"
            | "توقفت"
            | "لوقف"
    )
}

/// A bare operation noun (عملية عسكرية، العمليات العسكرية، حملة عسكرية) names a campaign,
/// not a happening, unless it is launched or carried out (see [`conducted`]).
fn bare_operation(x: &Trigger) -> bool {
    matches!(
        x.phrase.as_str(),
        "عملية"
            | "عمليات"
            | "عملية عسكرية"
            | "عمليات عسكرية"
            | "عملية برية"
            | "حملة عسكرية"
            | "حملة"
    )
}

/// An operation is told as done when a verb of launching or carrying out governs it
/// (أطلق الجيش الليبي عملية عسكرية، نفذت القوات عمليات تطهير، بدأت العملية باستهداف);
/// not when it only frames something else (في إطار عملية عسكرية تهدف، وتثير العملية
/// العسكرية ضد الأكراد اتهامات، مخططين لعمليات عسكرية، العملية العسكرية المرتقبة).
fn conducted(m: &Mentions<'_>, i: usize, end: usize) -> bool {
    let a = &m.a;
    let cl = clause_of(m, i);
    let verb = |w: &str| {
        let w = strip_article(w);
        [
            "بدا",
            "بدء",
            "يبدا",
            "تبدا",
            "اطلق",
            "يطلق",
            "تطلق",
            "انطلق",
            "تنطلق",
            "شن",
            "يشن",
            "تشن",
            "نفذ",
            "ينفذ",
            "تنفذ",
        ]
        .iter()
        .any(|v| w.starts_with(v))
            || ["تنفيذ", "شرع", "شرعت", "باشر", "باشرت", "خاض", "خاضت", "تخوض", "يخوض", "اجرت", "اجري", "تجري", "يجري"]
                .contains(&w)
    };
    // an operation told as going on, the verb right before it (وتتواصل العمليات العسكرية للجيش
    // الوطني); not a going on of something else (وتواصل ألوية العمالقة استعداداتها لإطلاق عملية)
    let going_on = |w: &str| {
        ["تتواصل", "يتواصل", "تواصلت", "تواصل", "واصلت", "يواصل", "تستمر", "يستمر", "استمرت"]
            .contains(&w.trim_start_matches(['و', 'ف']))
    };
    // (بشن، بتنفيذ: the masdar after ب)
    let doing = |w: &str| {
        let w = w.trim_start_matches(['و', 'ف']);
        verb(w) || w.strip_prefix('ب').is_some_and(|r| r.chars().count() > 2 && verb(r))
    };
    // (the verb may stand before an aside: بدأت قوات سوريا الديمقراطية، المدعومة من الولايات
    // المتحدة، ما سمته المرحلة الأخيرة من حملة عسكرية)
    let sent = a.sentence_of(i);
    let before = (i.saturating_sub(16)..i).filter(|&j| a.sentence_of(j) == sent).any(|j| doing(a.norm(j)))
        || (i.saturating_sub(2)..i).filter(|j| cl.contains(j)).any(|j| going_on(a.norm(j)));
    // the operation as subject of its start or its outcome, or told under way (انطلقت العملية،
    // العملية التي بدأت فجر اليوم، هناك عملية عسكرية جارية حاليا في سوريا)
    let after = (end..(end + 3).min(a.tokens.len())).filter(|j| cl.contains(j)).any(|j| {
        let w = a.norm(j).trim_start_matches(['و', 'ف']);
        doing(w) || w.starts_with("اسفر") || w.starts_with("ادت") || matches!(w, "استهدفت" | "جاريه")
    });
    before || after
}

/// A ceasefire or truce noun: an Agreement only when it is reached, declared or signed.
fn truce_noun(x: &Trigger) -> bool {
    x.sub_event_type == Some(SubEventType::Agreement)
        && matches!(x.pos, Pos::Noun | Pos::Masdar)
        && !["توقيع", "تبادل", "صفقة"].iter().any(|p| x.phrase.starts_with(p))
}

/// A truce named as made (أعلنت روسيا هدنة، توصلت الأطراف إلى وقف لإطلاق النار، اتفقنا على
/// وقف إطلاق النار، دخلت الهدنة حيز التنفيذ), not one asked for, debated, broken or failed
/// (طالبت بوقف القتال، مشروع قرار يطلب وقف إطلاق النار، رغم الهدنة، انهيار الهدنة،
/// أخفقوا في الاتفاق على وقف لإطلاق النار).
fn truce_made(m: &Mentions<'_>, i: usize, end: usize) -> bool {
    let a = &m.a;
    let cl = clause_of(m, i);
    let bare = |j: usize| {
        let w = a.norm(j).trim_start_matches(['و', 'ف']);
        let w = w.strip_prefix(['ب', 'ل']).filter(|r| r.chars().count() > 3).unwrap_or(w);
        strip_article(w).to_string()
    };
    let window: Vec<usize> = (i.saturating_sub(10)..i).filter(|j| cl.contains(j)).collect();
    let failed = window.iter().any(|&j| {
        let w = bare(j);
        // (a call for one is not one: دعت الأمم المتحدة إلى هدنة، طالبت بوقف القتال)
        ["فشل", "اخفق", "تعثر", "رفض", "يرفض", "ترفض", "دعا", "دعت", "دعو", "يطالب", "تطالب", "مطالب", "ناشد", "يطلب"]
            .iter()
            .any(|v| w.starts_with(v))
            || ["طالب", "طالبت", "طالبوا", "حث", "حثت"].contains(&w.as_str())
    });
    let made = window.iter().any(|&j| {
        let w = bare(j);
        ["توصل", "يتوصل", "اتفق", "اعلن", "علان", "ابرم", "وافق", "توافق"].iter().any(|v| w.starts_with(v))
            || ["وقع", "وقعت", "وقعوا", "توقيع", "سريان", "دخلت", "دخل", "عقد", "عقدت"].contains(&w.as_str())
    });
    // دخلت الهدنة حيز التنفيذ، الهدنة التي أعلنتها روسيا
    let after = (end..(end + 4).min(a.tokens.len())).filter(|j| cl.contains(j)).any(|j| {
        let w = bare(j);
        w == "حيز" || w.starts_with("اعلن") || w.starts_with("توصل") || w.starts_with("ابرم")
    });
    !failed && (made || after)
}

/// Control named as a state, not a change of hands: the area under or outside a side's
/// control (المناطق الواقعة تحت سيطرتها، خارجة عن سيطرتها، رقعة سيطرتها) or control held,
/// in the present tense (يفرض سيطرته حاليا على، يبسط النظام سيطرته، تعزز سيطرتها، يحتفظ
/// التنظيم بسيطرته); not control taken (أحكمت سيطرتها، أعلن عن سيطرته، بسطت سيطرتها).
fn held_control(m: &Mentions<'_>, i: usize) -> bool {
    let a = &m.a;
    let w = |j: usize| strip_article(a.norm(j).trim_start_matches('و')).to_string();
    let prev = if i > 0 { w(i - 1) } else { String::new() };
    // places held, named by their holder (أحياء سيطرة الفصائل، مواقع تسيطر عليها الميليشيات)
    let places = matches!(
        prev.as_str(),
        "مناطق"
            | "منطقه"
            | "احياء"
            | "مواقع"
            | "مدن"
            | "قري"
            | "بلدات"
            | "اراضي"
            | "نقاط"
            | "جيوب"
    );
    if places && matches!(w(i).as_str(), "تسيطر" | "يسيطر") {
        return true;
    }
    if !w(i).trim_start_matches(['ب', 'ل']).starts_with("سيطر") {
        return false;
    }
    let state = places
        || matches!(prev.as_str(), "تحت" | "تخت" | "خارج" | "رقعه" | "مساحه" | "نطاق")
        || (prev == "عن" && i > 1 && matches!(w(i - 2).as_str(), "خارجه" | "خارجا" | "خارجين" | "بعيدا"));
    let cl = clause_of(m, i);
    let holding = (i.saturating_sub(3)..i).filter(|j| cl.contains(j)).any(|j| {
        matches!(
            w(j).as_str(),
            "يفرض"
                | "تفرض"
                | "يفرضون"
                | "يبسط"
                | "تبسط"
                | "يبسطون"
                | "يحكم"
                | "تحكم"
                | "يحكمون"
                | "يعزز"
                | "تعزز"
                | "يحتفظ"
                | "تحتفظ"
        )
    });
    state || holding
}

/// The dead of a whole war, told as what the war caused (النزاع في سوريا الذي أوقع أكثر من
/// 340 ألف قتيل، حرب أهلية خلّفت ما يقارب 10 آلاف قتيل، الصراع في اليمن خلف عشرة آلاف قتيل):
/// a war's toll, no happening of its own.
fn war_toll(m: &Mentions<'_>, i: usize) -> bool {
    let a = &m.a;
    let sent = a.sentence_of(i);
    let w =
        |j: usize| strip_article(a.norm(j).trim_start_matches(['و', 'ف']).trim_start_matches(['ل', 'ب'])).to_string();
    let causing = |v: &str| {
        ["اوقع", "اودي", "ادي", "ادت", "خلف", "اسفر", "حصد", "تسبب", "راح ضحيت"].iter().any(|c| v.starts_with(c))
    };
    let back: Vec<usize> = (i.saturating_sub(10)..i).filter(|&j| a.sentence_of(j) == sent).collect();
    back.iter().enumerate().any(|(k, &j)| {
        matches!(w(j).as_str(), "حرب" | "نزاع" | "صراع" | "حربا" | "نزاعا" | "صراعا")
            && back[k + 1..].iter().any(|&c| causing(&w(c)) || causing(a.norm(c)))
    })
}

/// A fight after purpose ل names an aim, not a fight (أطلقت تركيا في 20 يناير
/// الماضي عملية ... لقتال وحدات حماية الشعب؛ نقلهم إلى الجبهات للقتال).
fn fight_purpose(m: &Mentions<'_>, i: usize) -> bool {
    matches!(
        m.a.norm(i).trim_start_matches(['و', 'ف']),
        "لقتال"
            | "للقتال"
            | "لمحاربه"
            | "لمقاتله"
            | "لمواجهه"
            | "للمواجهه"
            | "لضرب"
            | "لدحر"
            | "لسحق"
    )
}

/// The dead named as someone's kin or mourned ones point back to a death told
/// elsewhere, not a new killing (تجمع أقارب القتيل، تعازيها لأهالي الضحايا،
/// مراسم تشييع القتلى، أسماء الشهداء).
fn mourned(m: &Mentions<'_>, i: usize) -> bool {
    let word = |k: usize| strip_article(m.a.norm(k).trim_start_matches(['و', 'ف']));
    // pictures of those killed (رفع المتظاهرون صوراً لمدنيين قتلوا في الهجوم), and a slogan
    // (كفى قتلا كفى خطفا، أوقفوا قتل الأطفال)
    let pictured =
        i > 1 && m.a.norm(i - 1).starts_with('ل') && matches!(word(i - 2), "صور" | "صورا" | "صوره" | "لافتات" | "اسماء");
    let slogan = i > 0 && matches!(word(i - 1), "كفي" | "كفى" | "اوقفوا" | "اوقفو" | "اوقف");
    pictured
        || slogan
        || i > 0
            && matches!(
                strip_article(m.a.norm(i - 1).trim_start_matches(['و', 'ف']).trim_start_matches(['ل', 'ب'])),
                "اقارب"
                    | "ذوي"
                    | "اهالي"
                    | "اهل"
                    | "اسر"
                    | "اسره"
                    | "عائله"
                    | "عائلات"
                    | "امهات"
                    | "ارامل"
                    | "ايتام"
                    | "اسماء"
                    | "صور"
                    | "تشييع"
                    | "جنازه"
                    | "جنازات"
                    | "جثامين"
                    | "جثمان"
                    | "ذكري"
            )
}

/// Words of a match report, where مواجهات are games (فوز، مباراة، الدوري).
static SPORTS: LazyLock<StemSet> = LazyLock::new(|| {
    StemSet::new(&[
        "فوز",
        "فوزه",
        "مباراه",
        "مباريات",
        "دوري",
        "ستاد",
        "ملعب",
        "بطوله",
        "منتخب",
        "كاس",
        "لاعب",
        "لاعبين",
        "نقاط",
        "نقطه",
        "هدف",
        "اهداف",
        "المجموعات",
        "خساره",
        "تعادل",
        "نادي",
    ])
});

/// Words after which the agent follows (على يد، نفذتها، برصاص، لغم زرعه الحوثيون).
static AGENT_MARKERS: LazyLock<StemSet> = LazyLock::new(|| {
    StemSet::new(&[
        "يد",
        "نفذتها",
        "نفذها",
        // (not هجوم شنه/نفذه X: an attack's victims may be the other armed side, found elsewhere)
        "نفذته",
        "شنتها",
        "شنها",
        "شنته",
        "ارتكبها",
        "ارتكبتها",
        "ارتكبه",
        "ارتكبته",
        "رصاص",
        "زرعه",
        "زرعته",
        "زرعها",
        "زرعتها",
    ])
});

/// Singular nouns for one person, nominative and accusative (شخص/شخصا):
/// next to a kill word with no number, the toll is one.
static ONE_PERSON: LazyLock<StemSet> = LazyLock::new(|| {
    StemSet::new(&[
        "شخص",
        "شخصا",
        "مدني",
        "مدنيا",
        "جندي",
        "جنديا",
        "شرطي",
        "شرطيا",
        "طفل",
        "طفلا",
        "طفله",
        "امراه",
        "رجل",
        "رجلا",
        "مواطن",
        "مواطنا",
        "مواطنه",
        "ضابط",
        "ضابطا",
        "صحفي",
        "صحفيا",
        "مسلح",
        "مسلحا",
        "متظاهر",
        "متظاهرا",
        "شاب",
        "شابا",
        "فتي",
        "فتاه",
        "مقاتل",
        "مقاتلا",
        "مسن",
        "مسنا",
        "فلسطيني",
        "فلسطينيا",
        "سائق",
        "سائقا",
        // (trades and stations of one victim: استشهاد مقيم، مقتل عامل، مقتل صياد)
        "مقيم",
        "مقيما",
        "عامل",
        "عاملا",
        "صياد",
        "صيادا",
        "مزارع",
        "مزارعا",
        "راعي",
        "راعيا",
        "طبيب",
        "طبيبا",
        "ممرض",
        "ممرضا",
        "ممرضه",
        "معلم",
        "معلما",
        "ناشط",
        "ناشطا",
        "سيده",
        "جنديه",
        "لاجئ",
        "لاجئا",
        "نازح",
        "نازحا",
        // (a guard, a detainee, a prisoner: حارس مياه، وفاة محتجز، توفي معتقل تحت التعذيب)
        "حارس",
        "حارسا",
        "محتجز",
        "محتجزا",
        "معتقل",
        "معتقلا",
        "سجين",
        "سجينا",
        "موظف",
        "موظفا",
    ])
});

/// Words that present a strike as support for someone else's fighting.
static SUPPORT: LazyLock<StemSet> =
    LazyLock::new(|| StemSet::new(&["مدعوم", "مدعومه", "مدعومين", "مدعومون", "دعم", "غطاء", "اسناد", "مسانده"]));

/// Adjectives that describe a strike's kind, between it and the attacker's
/// country adjective (غارة جوية أمريكية، قصف مدفعي تركي، ضربات صاروخية إسرائيلية).
static DESCRIPTORS: LazyLock<StemSet> = LazyLock::new(|| {
    StemSet::new(&[
        "جوي",
        "جويه",
        "صاروخي",
        "صاروخيه",
        "مدفعي",
        "مدفعيه",
        "حربي",
        "حربيه",
        "بحري",
        "بحريه",
        "جديده",
        "جديد",
    ])
});

/// Words of a court ruling: the sentence reports a trial, not the act.
static COURT: LazyLock<StemSet> = LazyLock::new(|| StemSet::new(&["محكمه", "حكم", "محاكمه", "قاضي"]));

/// Violence by demonstrators (رشق بالحجارة، أحرقوا، أضرموا النار، اقتحموا).
static RIOT_WORDS: LazyLock<StemSet> = LazyLock::new(|| {
    StemSet::new(&[
        "حجاره",
        "الحجاره",
        "احرق",
        "احرقوا",
        // (the masdar: وأقدم بعضهم على إحراق وتدمير أجزاء من المقر)
        "احراق",
        "اضرم",
        "اضرموا",
        "حرق",
        "اقتحم",
        "اقتحموا",
        "اقتحام",
        "شغب",
        "تخريب",
        "النيران",
        "نيران",
        "مولوتوف",
        "حارقه",
        "رشق",
        "رشقوا",
        "اشتباكات",
        "اشتبك",
        "اشتبكوا",
        "مواجهات",
    ])
});

/// Intervention against a demonstration (فرقت، الغاز المسيل للدموع، اعتقلت).
static INTERVENTION_WORDS: LazyLock<StemSet> = LazyLock::new(|| {
    StemSet::new(&[
        "فرقت",
        "فرق",
        // (the headline's present tense: الشرطة العراقية تفرق محتجين قرب حقل نفطي)
        "تفرق",
        "يفرق",
        "تفريق",
        "لتفريق",
        "تفريقهم",
        "لتفريقهم",
        "مسيل",
        "المسيل",
        "دموع",
        "للدموع",
        "اعتقلت",
        "اعتقال",
        "اعتقل",
        "مطاطي",
        "المطاطي",
        "هراوات",
        "فض",
        "فضت",
    ])
});

/// Words of accidents that also name an attack (الحادث "the incident",
/// انهيار "a rout"): deaths with only these around are no political violence
/// (حادث سير، انقلاب حافلة).
static ACCIDENTS: LazyLock<StemSet> =
    LazyLock::new(|| StemSet::new(&["حادث", "حادثه", "حوادث", "انهيار", "سير", "انقلاب"]));

/// Words of disasters, accidents and illness that name no attack
/// (تحطم مروحية، غرق قارب، إعصار، الكوليرا، عن عمر ناهز 87 عاما).
static DISASTERS: LazyLock<StemSet> = LazyLock::new(|| {
    StemSet::new(&[
        "تحطم",
        "تحطمت",
        "اعصار",
        "فيضانات",
        "فيضان",
        "سيول",
        "زلزال",
        "غرق",
        "غرقت",
        "صعق",
        "مروري",
        "وباء",
        "كوليرا",
        "مرض",
        "امراض",
        "نزله",
        "سكته",
        "جلطه",
        "ناهز",
        "دفتيريا",
    ])
});

/// Duals of person nouns whose plural differs (جنديين، not مدنيين, which is a plural too).
const DUAL_PERSONS: &[&str] = &[
    "جنديين",
    "جنديان",
    "شخصين",
    "شخصان",
    "طفلين",
    "طفلان",
    "طفلتين",
    "طفلتان",
    "رجلين",
    "رجلان",
    "ضابطين",
    "ضابطان",
    "شابين",
    "شابان",
    "امراتين",
    "امراتان",
    "فتاتين",
    "فتاتان",
    "شقيقين",
    "شقيقان",
    "فلسطينيان",
];

/// The rule of a toll of one victim read from a singular word (لقي مصرعه): the toll
/// alone does not make a record (على مقتله، والد القتيل are background).
pub const SINGULAR_VICTIM: &str = "one victim told by a singular word";

/// The rule of a toll over several happenings told apart (في واقعتين منفصلتين).
pub const SEPARATE_HAPPENINGS: &str = "a toll of separate happenings";

/// Units after a number that make it no death toll (ساعات، كم، عاما).
pub(crate) const NOT_TOLL_UNITS: &[&str] = &[
    "ساعه",
    "ساعات",
    "يوم",
    "ايام",
    "اسبوع",
    "اسابيع",
    "شهر",
    "اشهر",
    "شهور",
    "عام",
    "عاما",
    "اعوام",
    "سنه",
    "سنوات",
    "عقود",
    "عقدين",
    "كم",
    "كلم",
    "كيلومتر",
    "كيلومترا",
    "كيلومترات",
    "متر",
    "مترا",
    "امتار",
    "دقيقه",
    "دقائق",
    "مره",
    "مرات",
    "دولار",
    "بالمئه",
    "بالمائه",
    "%",
    "الف",
    "مليون",
    "طن",
    "غارات",
    "غاره",
    "ضربات",
    "صاروخ",
    "صواريخ",
    "قذيفه",
    "قذائف",
    "هجمات",
    "هجوم",
    // (targets, buildings and vehicles counted: قتلوا في غارة على ثلاثة أهداف)
    "اهداف",
    "مواقع",
    "منازل",
    "مباني",
    "مبان",
    "سيارات",
    "اليات",
    "مركبات",
    "دبابات",
    "طائرات",
    "بلدات",
    "قري",
];

fn death_toll(lex: &Lexicon, m: &Mentions<'_>, f: &Frame, anchors: &[(usize, &Trigger)]) -> Option<Toll> {
    let a = &m.a;
    let kills: Vec<&rasd_lexicon::TriggerMention> =
        anchors.iter().filter(|(_, x)| x.role == Role::Kill).map(|(t, _)| &m.triggers[*t]).collect();
    let injures: Vec<usize> = f
        .triggers
        .iter()
        .filter(|&&t| trig(lex, m, t).any(|x| x.role == Role::Injure))
        .map(|&t| m.triggers[t].start)
        .collect();
    let mut best: Option<(usize, Toll)> = None;
    let mut risen = false;
    // numbers right after (or right before) a kill word, in text order
    let mut tight: Vec<(std::ops::Range<usize>, usize, Toll)> = vec![];
    for q in a.quantities.iter().filter(|q| f.contains(q.tokens.start) && q.kind != QuantityKind::Ordinal) {
        let after = q.value_tokens.end;
        if after < a.tokens.len() {
            let unit = strip_article(a.norm(after));
            if NOT_TOLL_UNITS.contains(&unit) || NOT_TOLL_UNITS.contains(&a.norm(after)) {
                continue;
            }
        }
        if q.min.is_some_and(|v| (1900..2100).contains(&v))
            && q.kind == QuantityKind::Cardinal
            && q.qualifier == Qualifier::Exact
        {
            continue;
        }
        // the day of a date is no toll (قتلى الاحتجاجات منذ 30 آذار)
        if m.dates.iter().any(|d| (d.start..d.end).contains(&q.tokens.start)) {
            continue;
        }
        // the figure a total rises to is the toll (ترتفع حصيلة القتلى منذ 30 آذار إلى 37)
        // (not the wounded beside it: إضافة إلى أكثر من 200 مصاب)
        let wounded_next = injures.iter().any(|&j| (q.tokens.end..q.tokens.end + 2).contains(&j));
        let risen_to = q.tokens.start > 1
            && a.norm(q.tokens.start - 1) == "الي"
            && !matches!(a.norm(q.tokens.start - 2), "اضافه" | "بالاضافه")
            && !wounded_next
            && !risen
            && m.cumulative.iter().any(|c| {
                f.contains(c.start)
                    && c.end <= q.tokens.start
                    && q.tokens.start - c.end <= 12
                    && lex.cues.cumulative.label(c.id) == "total"
                    // (حصيلة alone is a death toll: لترتفع حصيلة هذا القصف إلى 1517 مدنيا)
                    && ((c.start..c.end).any(|i| strip_article(a.norm(i)).ends_with("حصيله"))
                        && !injures.iter().any(|&j| c.start <= j && j < q.tokens.end + 2)
                        || kills.iter().any(|k| {
                        (c.start <= k.start
                            && k.start < q.tokens.start
                            && !injures.iter().any(|&j| k.start < j && j < q.tokens.start))
                            || (q.tokens.end..q.tokens.end + 2).contains(&k.start)
                    }))
            });
        if risen_to {
            let toll = Toll {
                min: q.min.map(|v| v.min(u32::MAX as u64) as u32),
                max: q.max.map(|v| v.min(u32::MAX as u64) as u32),
                qualifier: q.qualifier,
                span: q.span,
            };
            best = Some((0, toll));
            risen = true;
            continue;
        }
        // distance to a kill word: after it (قتل ... 43 مسلحا، مقتل سبعة) or before a kill noun (43 قتيلا)
        let mut dist = None;
        let mut kill_at = 0;
        for k in &kills {
            if q.tokens.start >= k.end && q.tokens.start <= k.end + 6 {
                dist = Some(q.tokens.start - k.end);
            } else if q.tokens.end <= k.start
                && k.start - q.tokens.end <= 2
                // (the living around the dead are no toll: عدد من أقارب القتيل)
                && !(q.tokens.end..k.start).any(|i| {
                    matches!(
                        strip_article(a.norm(i)),
                        "اقارب" | "ذوي" | "اهالي" | "اهل" | "عائلات" | "اسر" | "مشيعي" | "جثامين" | "اسماء"
                    )
                })
            {
                dist = Some(k.start - q.tokens.end);
            } else if q.tokens.end + 1 < k.start
                && k.start - q.tokens.end <= 4
                && (q.tokens.end + 1..k.start).all(|i| a.norm(i) == "قد" || !a.norm(i).chars().any(char::is_alphabetic))
            {
                // the counted noun, then only quotes or قد before the verb: "خمسة جنود" قد قتلوا
                dist = Some(2);
            } else if q.tokens.end < k.start
                && k.start - q.tokens.end <= 12
                && q.tokens.start > 0
                && matches!(a.norm(q.tokens.start - 1), "ان" | "بان")
                && a.norm(k.start).ends_with("وا")
                && !m.triggers.iter().any(|x| q.tokens.end <= x.start && x.start < k.start)
                // (not a share, 85 في المئة من هؤلاء قتلوا, nor the killed or wounded: قتلوا أو أصيبوا)
                && !(q.tokens.end + 1 < a.tokens.len()
                    && a.norm(q.tokens.end) == "في"
                    && matches!(a.norm(q.tokens.end + 1), "المئه" | "المائه"))
                && !injures.iter().any(|&j| k.end <= j && j <= k.end + 2)
                && a.sentence_of(q.tokens.start) == a.sentence_of(k.start)
            {
                // the number heads the subject of أن and the plural verb ends it: أن 45 عنصرا من
                // تنظيم "الدولة الإسلامية"، بينهم قياديون قتلوا
                dist = Some(3);
            } else if q.tokens.end < k.start
                && k.start - q.tokens.end <= 14
                && met_death(a, q.tokens.start, k.start)
                && !kills.iter().any(|x| q.tokens.end <= x.start && x.start < k.start)
                && a.sentence_of(q.tokens.start) == a.sentence_of(k.start)
            {
                // لقي ... مصرعهم brackets its subject, the dead: لقي أكثر من 40 مسلحا من الميليشيات مصرعهم
                dist = Some(1);
            }
            if let Some(d0) = dist {
                // a wounding word nearer to the number takes it (5 جرحى)
                // (not a wounding clause after the number's "at least": قتل فيه عشرة أشخاص على
                // الأقل وأصيب أكثر من 40)
                let qualified = q.tokens.end > 0 && matches!(a.norm(q.tokens.end - 1), "الاقل" | "الاكثر");
                let inj_near = injures.iter().any(|&j| {
                    let dj = if j >= q.tokens.end { j - q.tokens.end } else { q.tokens.start.saturating_sub(j + 1) };
                    dj < d0 && dj <= 2 && !(j >= q.tokens.end && qualified)
                });
                if inj_near {
                    dist = None;
                }
            }
            if dist.is_some() {
                kill_at = k.start;
                break;
            }
        }
        let Some(d) = dist else { continue };
        let toll = Toll {
            min: q.min.map(|v| v.min(u32::MAX as u64) as u32),
            max: q.max.map(|v| v.min(u32::MAX as u64) as u32),
            qualifier: q.qualifier,
            span: q.span,
        };
        if d == 0 && !risen && !injures.contains(&q.tokens.end) {
            tight.push((q.tokens.clone(), kill_at, toll.clone()));
        }
        if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
            best = Some((d, toll));
        }
    }
    // ACLED counts every death of a happening: the killed of both sides, each
    // counted after its own kill word, add up (قتل 14 من المسلحين ... في عملية أسفرت
    // عن مقتل 8 عسكريين); not a subset, a total, a figure repeated, or a second
    // happening told in the same sentence (بينما قتل 3 في ...)
    // the killed listed together after one kill word add up too (مقتل سبعة مدنيين وأربعة مسلحين)
    if let [(r1, _, t1)] = tight.as_slice() {
        let listed = a.quantities.iter().find(|q| {
            let i = q.tokens.start;
            i > r1.end
                && i <= r1.end + 3
                && f.contains(i)
                && q.kind == QuantityKind::Cardinal
                && (a.norm(i).starts_with('و') || a.norm(i - 1) == "و")
                // (not "من أسرة واحدة")
                && !matches!(a.norm(i), "واحد" | "واحده" | "واحدا")
                && !(r1.end..q.tokens.end + 1).any(|j| injures.contains(&j))
                // (not the parts of a subset: ومن بين الضحايا 11 امرأة و6 أطفال)
                && !(r1.start.saturating_sub(4)..i)
                    .any(|j| matches!(a.norm(j), "بين" | "بينهم" | "منهم" | "بينهن" | "بينها" | "منها"))
                && q.tokens.end < a.tokens.len()
                && !NOT_TOLL_UNITS.contains(&strip_article(a.norm(q.tokens.end)))
                && !m.dates.iter().any(|d| (d.start..d.end).contains(&i))
        });
        let exact = |qu: Qualifier| matches!(qu, Qualifier::Exact | Qualifier::AtLeast);
        if let Some(q) = listed.filter(|q| exact(q.qualifier) && exact(t1.qualifier)) {
            if let (Some(x), Some(y), false) = (t1.min, q.min, m.cumulative.iter().any(|c| f.contains(c.start))) {
                let y = y.min(u32::MAX as u64) as u32;
                let at_least = t1.qualifier == Qualifier::AtLeast || q.qualifier == Qualifier::AtLeast;
                return Some(Toll {
                    min: Some(x + y),
                    max: (!at_least).then_some(x + y),
                    qualifier: if at_least { Qualifier::AtLeast } else { Qualifier::Exact },
                    span: Span::new(t1.span.start, q.span.end),
                });
            }
        }
    }
    if let [(r1, k1, t1), (r2, k2, t2)] = tight.as_slice() {
        let total_cue = m.cumulative.iter().any(|c| f.contains(c.start));
        let between = r1.end..r2.start;
        let apart = between.clone().any(|i| {
            matches!(a.norm(i), "بينهم" | "منهم" | "بينما" | "فيما" | "كما" | "بالاضافه" | "اضافه" | "مقابل")
                || a.norm(i).starts_with("وفي")
        }) || (m.places.iter().any(|p| between.contains(&p.start))
            && m.places.iter().any(|p| p.start >= r2.end && f.contains(p.start)));
        let exact = |t: &Toll| matches!(t.qualifier, Qualifier::Exact | Qualifier::AtLeast);
        // (each after its own kill word: not 60 قتيلا وما يربو على مئة)
        if let (Some(x), Some(y), false, false, true, true, true) =
            (t1.min, t2.min, total_cue, apart, exact(t1), exact(t2), k1 != k2)
        {
            if x != y {
                let at_least = t1.qualifier == Qualifier::AtLeast || t2.qualifier == Qualifier::AtLeast;
                return Some(Toll {
                    min: Some(x + y),
                    max: (!at_least).then_some(x + y),
                    qualifier: if at_least { Qualifier::AtLeast } else { Qualifier::Exact },
                    span: Span::new(t1.span.start, t2.span.end),
                });
            }
        }
    }
    if let Some((_, t)) = best {
        return Some(t);
    }
    // one victim named by a singular noun and no number (إن شخصا قتل، مقتل جندي، قتل مدني برصاص)
    for k in &kills {
        let next = (k.end < a.tokens.len()).then_some(k.end);
        for i in [k.start.checked_sub(1), next].into_iter().flatten() {
            if !(f.contains(i) && ONE_PERSON.contains(a, i)) {
                continue;
            }
            // a subset of a counted group (أربعة فلسطينيين بينهم طفل قتلوا): the group's number
            if i > 0 && matches!(a.norm(i - 1), "بينهم" | "منهم" | "بينهن" | "منهن" | "بينها") {
                let q = a.quantities.iter().find(|q| q.tokens.end + 2 == i && q.kind != QuantityKind::Ordinal);
                return q.map(|q| Toll {
                    min: q.min.map(|v| v.min(u32::MAX as u64) as u32),
                    max: q.max.map(|v| v.min(u32::MAX as u64) as u32),
                    qualifier: q.qualifier,
                    span: q.span,
                });
            }
            // one of a list (مقتل المواطن ياسر جعدول وزوجته، بالإضافة إلى سائق الدراجة): no count
            let listed = (i + 1..(i + 6).min(a.tokens.len())).filter(|&j| f.contains(j)).any(|j| {
                let w = a.norm(j);
                let kin = w.strip_prefix('و').is_some_and(|r| {
                    ["زوج", "ابن", "ابنت", "شقيق", "اخي", "اخو", "طفل", "اطفال", "والد", "اسرت", "عائلت"]
                        .iter()
                        .any(|k| r.starts_with(k))
                });
                kin || matches!(w, "بالاضافه" | "اضافه")
            });
            if listed {
                return None;
            }
            return Some(Toll { min: Some(1), max: Some(1), qualifier: Qualifier::Exact, span: a.span(i, i + 1) });
        }
    }
    // two victims named by a dual (إن جنديين من القوات الحكومية قتلا في القصف)
    for k in &kills {
        let near = k.start.saturating_sub(4)..(k.end + 2).min(a.tokens.len());
        // (not the killers: قتل برصاص شخصين، على يد رجلين)
        let agent = |i: usize| i > 0 && matches!(a.norm(i - 1), "برصاص" | "يد" | "بيد" | "ايدي" | "بايدي" | "قبل");
        let dual = |i: usize| DUAL_PERSONS.contains(&strip_article(a.norm(i))) && !agent(i);
        if let Some(i) = near.filter(|&i| f.contains(i)).find(|&i| dual(i)) {
            return Some(Toll { min: Some(2), max: Some(2), qualifier: Qualifier::Exact, span: a.span(i, i + 1) });
        }
    }
    // heavy losses with no number (خسائر فادحة)
    for c in m.vague.iter().filter(|c| f.contains(c.start)) {
        let v = &lex.cues.vague_values[c.id as usize];
        // deaths denied are no toll (لم يسفر الانفجار عن سقوط قتلى، دون وقوع ضحايا)
        let denied = m.negation.iter().any(|n| {
            // (a denying phrase, not a bare particle: ما تسبب في سقوط قتلى is "which caused")
            lex.cues.negation.label(n.id) == "clause"
                && n.start < c.start
                && c.start <= n.end + 4
                && clause_of(m, c.start).contains(&n.start)
        });
        // ("many" tells deaths only beside a kill word: قتل الكثيرين، not يبدو أن الكثيرين في الغرب)
        let many = (c.start..c.end).any(|i| a.norm(i).contains("كثير"));
        let killed = kills.iter().any(|k| k.end + 3 >= c.start && c.end + 3 >= k.start);
        if v.min.is_none() && !denied && (!many || killed) {
            let span = a.span(c.start, c.end);
            return Some(Toll { min: None, max: None, qualifier: Qualifier::Vague, span });
        }
    }
    None
}

/// Whether the number starting at token `q` is the subject of لقي (with a
/// فيها/خلالها between) and `k` the مصرع/حتف that closes the idiom: لقي 18 من قوات
/// النظام مصرعهم، لقي خلالها 7 أشخاص حتفهم.
fn met_death(a: &rasd_text::Analysis<'_>, q: usize, k: usize) -> bool {
    let met = |i: usize| met_death_verb(a.norm(i));
    let closes = met_death_noun(a.norm(k));
    let before = match q.checked_sub(1) {
        Some(i) if met(i) => true,
        Some(i) if i > 0 && matches!(a.norm(i), "فيها" | "فيه" | "خلالها" | "خلاله" | "جراءها" | "جراءه") => {
            met(i - 1)
        }
        _ => false,
    };
    closes && before
}

/// مصرعه، حتفهم: the noun that closes لقي ... مصرعه.
fn met_death_noun(w: &str) -> bool {
    w.starts_with("مصرع") || w.starts_with("حتف")
}

/// لقي، لقيت، لقوا: the verb of "met his death" (لقي مصرعه، لقوا حتفهم).
fn met_death_verb(w: &str) -> bool {
    matches!(w.trim_start_matches(['و', 'ف']), "لقي" | "لقيت" | "لقوا" | "يلقي" | "لقى")
}

/// Death words whose own form tells one victim: a singular pronoun or a singular
/// noun (لقي حتفه، أدى إلى مقتله، توفي بعد اعتقاله ... لوفاته، فأردوه قتيلا).
static ONE_DEATH: LazyLock<StemSet> = LazyLock::new(|| {
    StemSet::new(&[
        "حتفه",
        "حتفها",
        "مصرعه",
        "مصرعها",
        "نحبه",
        "مقتله",
        "مقتلها",
        "وفاته",
        "وفاتها",
        "اغتياله",
        "اغتيالها",
        "استشهاده",
        "استشهادها",
        "قتيلا",
        "قتيل",
    ])
});

/// One victim when no number is told (ACLED codes a singular victim's death as 1):
/// a death word of one person anywhere in the frame (لقي حتفه، أدى لوفاته)
/// or a singular victim further after a kill verb (قتل بالسلاح في ديونتزا حارس مياه).
fn singular_victim(lex: &Lexicon, m: &Mentions<'_>, f: &Frame, anchors: &[(usize, &Trigger)]) -> Option<Toll> {
    let a = &m.a;
    let one = |i: usize| Toll { min: Some(1), max: Some(1), qualifier: Qualifier::Exact, span: a.span(i, i + 1) };
    let kills: Vec<usize> = anchors.iter().filter(|(_, x)| x.role == Role::Kill).map(|(t, _)| *t).collect();
    // (not a count: مئة قتيل، 70 قتيلا; nor a vague pair: بين قتيل وجريح)
    let counted = |i: usize| {
        a.quantities.iter().any(|q| q.value_tokens.end == i || (q.tokens.start..q.tokens.end).contains(&i))
            || i > 0 && (a.tokens[i - 1].kind == TokenKind::Number || strip_article(a.norm(i - 1)).ends_with("بين"))
            || i + 1 < a.tokens.len() && strip_article(a.norm(i + 1)).starts_with("وجريح")
    };
    // (one of a group counted elsewhere: ومن بين قتلى الحوثيين القائد ... الذي لقي مصرعه)
    let subset = |k: usize| {
        let sent = a.sentences[a.sentence_of(k)].tokens.clone();
        (sent.start..k).any(|j| matches!(a.norm(j), "بين" | "بينهم" | "منهم" | "بينهن" | "منهن"))
            // (nor one killed with others: قتل بمواجهات ... مع 4 من مرافقيه)
            || (k..sent.end).any(|j| {
                a.norm(j) == "مع" && a.quantities.iter().any(|q| q.tokens.start == j + 1 && q.min.is_some())
            })
    };
    // (a death that only dates the news, told after "days after": بعد خمسة أيام من مقتله على
    // أيدي الميليشيا في المواجهات السابقة)
    let dated_by = |k: usize| {
        k > 2
            && a.norm(k - 1) == "من"
            && (k.saturating_sub(5)..k - 1).any(|j| matches!(a.norm(j).trim_start_matches('و'), "بعد" | "قبل" | "عقب"))
            && (k.saturating_sub(4)..k - 1).any(|j| {
                matches!(
                    strip_article(a.norm(j)),
                    "ايام"
                        | "يومين"
                        | "يوم"
                        | "اسبوع"
                        | "اسبوعين"
                        | "اسابيع"
                        | "اشهر"
                        | "شهر"
                        | "شهرين"
                        | "ساعات"
                )
            })
    };
    let kills: Vec<usize> =
        kills.into_iter().filter(|&t| !subset(m.triggers[t].start) && !dated_by(m.triggers[t].start)).collect();
    // the kill word itself or the word after it (لقي القيادي مصرعه، أدى إلى مقتله، فأردوه قتيلا)
    for &t in &kills {
        let k = &m.triggers[t];
        let near = k.start..(k.end + 1).min(a.tokens.len());
        // (not one of a pair or a group: أدى إلى مقتله وسائقه، لقي مصرعه مع شقيقه)
        let listed = |i: usize| {
            i + 1 < a.tokens.len() && a.norm(i + 1) == "مع"
                || i + 1 < a.tokens.len()
                    && a.norm(i + 1).starts_with('و')
                    && a.tokens[i + 1].kind == TokenKind::Arabic
                    && !m.triggers.iter().any(|x| x.start == i + 1)
        };
        if let Some(i) =
            near.filter(|&i| f.contains(i)).find(|&i| ONE_DEATH.contains(a, i) && !counted(i) && !listed(i))
        {
            return Some(one(i));
        }
    }
    // the object of a kill verb a few words on, past a weapon or a place (قتل بالسلاح في
    // ديونتزا (وسط) حارس مياه); not the killer (برصاص جندي) nor one of a group (بينهم طفل)
    for &t in &kills {
        let k = &m.triggers[t];
        if !trig(lex, m, t).any(|x| x.role == Role::Kill && x.pos == Pos::Verb) {
            continue;
        }
        let sent = a.sentences[a.sentence_of(k.start)].tokens.clone();
        for i in (k.end..(k.end + 8).min(sent.end)).take_while(|&i| f.contains(i)) {
            let w = a.norm(i);
            // (up to the clause's end or the next event word: قتل جندي وأصيب مدني)
            // (or a number or a pair told before it: قتل الأسبوع الماضي 55 مدنيا، فلسطينيان أحدهما فتى)
            if matches!(w, "," | "." | "،" | ":" | "؛")
                || m.triggers.iter().any(|x| x.start == i)
                || a.quantities.iter().any(|q| q.tokens.start == i)
                || a.tokens[i].kind == TokenKind::Number
                || matches!(w, "احدهما" | "احداهما" | "احدهم" | "احداهن")
            {
                break;
            }
            // (indefinite: not an adjective, المجتمع المدني)
            if ONE_PERSON.contains(a, i) && !a.norm(i).starts_with("ال") {
                let before = a.norm(i - 1);
                if matches!(before, "برصاص" | "يد" | "بيد" | "ايدي" | "بايدي" | "قبل" | "بينهم" | "منهم")
                {
                    break;
                }
                return Some(one(i));
            }
        }
    }
    None
}

/// How many happenings a running total sums: "4 غارات" or "الرابعة".
fn happenings(lex: &Lexicon, m: &Mentions<'_>, f: &Frame) -> Option<u32> {
    let a = &m.a;
    for q in a.quantities.iter().filter(|q| f.contains(q.tokens.start)) {
        let next = q.value_tokens.end;
        if next < a.tokens.len()
            && m.triggers.iter().any(|t| t.start == next && t.ids.iter().any(|&id| lex.triggers.get(id).plural))
        {
            return q.min.map(|v| v as u32);
        }
    }
    None
}

/// The source of the claim: the subject of a reporting verb before the
/// anchor, or a "according to" phrase; returns its token range too.
fn attribution(
    lex: &Lexicon,
    m: &Mentions<'_>,
    f: &Frame,
    anchor: usize,
) -> Option<(SourceChoice, std::ops::Range<usize>)> {
    let a = &m.a;
    let sent = a.sentences[a.sentence_of(anchor)].tokens.clone();
    let rep = m
        .reporting
        .iter()
        .filter(|c| sent.contains(&c.start))
        .find(|c| c.start < anchor || lex.cues.reporting.label(c.id) == "prep")?;
    // the subject: up to أن / إن / عن / a comma / 12 tokens
    let mut end = rep.end;
    while end < sent.end && end < rep.end + 12 {
        let w = a.norm(end);
        if matches!(w, "ان" | "بان" | "عن" | "," | ":" | "انه" | "انها" | "الي")
            || a.tokens[end].kind == TokenKind::Punct && w != "\""
        {
            break;
        }
        end += 1;
    }
    let _ = f;
    if end == rep.end {
        return None;
    }
    let range = rep.end..end;
    let span = a.span(range.start, range.end);
    let name = m
        .sources
        .iter()
        .find(|c| range.contains(&c.start))
        .map(|c| lex.cues.sources.label(c.id).to_string())
        .or_else(|| m.actors.iter().find(|h| range.contains(&h.start)).map(|h| h.name.clone()))
        .unwrap_or_else(|| span.slice(a.original).trim_matches(|c: char| c == '"' || c.is_whitespace()).to_string());
    Some((SourceChoice { name, span }, range))
}

/// A city right after a verb of saying, leading or backing stands for its
/// state, not for a place: الذي تقوده الرياض، دعت طهران، قالت تل أبيب.
/// So does a state that leads or carries out the act, even in a relative
/// clause: التحالف بقيادة السعودية، الغارات التي تنفذها تركيا، تشن تركيا عمليات قصف.
fn state_metonym(a: &rasd_text::Analysis<'_>, start: usize) -> bool {
    start > 0
        && matches!(
            a.norm(start - 1).trim_start_matches(['و', 'ف']),
            "تقوده"
                | "تقودها"
                | "تقود"
                | "قادتها"
                | "بقياده"
                | "بزعامه"
                | "تشن"
                | "يشن"
                | "شنت"
                | "تشنها"
                | "يشنها"
                | "شنتها"
                | "شنها"
                | "تنفذ"
                | "نفذت"
                | "تنفذها"
                | "ينفذها"
                | "نفذتها"
                | "نفذها"
                | "تحتلها"
                | "تحتله"
                | "تدعمه"
                | "تدعمها"
                | "يدعمها"
                | "تدخل"
                | "قالت"
                | "اعلنت"
                | "دعت"
                | "اتهمت"
                | "اكدت"
                | "نفت"
                | "حذرت"
                | "طالبت"
                | "رفضت"
                | "هددت"
                | "ردت"
        )
}

/// The states listed with such a state act with it: غارات شنتها دمشق مع حليفتها
/// موسكو، التي نفذتها أمريكا وبريطانيا وفرنسا.
fn allied_state(a: &rasd_text::Analysis<'_>, m: &Mentions<'_>, p: &rasd_lexicon::PlaceMention) -> bool {
    let mut cur = p;
    while let Some(q) = m.places.iter().find(|q| {
        q.end <= cur.start
            && q.end + 3 >= cur.start
            && (q.end..cur.start)
                .all(|i| matches!(a.norm(i), "و" | "مع" | "،" | "," | "حليفتها" | "وحليفتها" | "حليفها" | "وحليفها"))
            && (q.end < cur.start || cur.pre_len > 0 && a.norm(cur.start).starts_with('و'))
    }) {
        if state_metonym(a, q.start) {
            return true;
        }
        cur = q;
    }
    false
}

fn locate(
    lex: &Lexicon,
    m: &Mentions<'_>,
    f: &Frame,
    anchor: usize,
    src: Option<&std::ops::Range<usize>>,
    attacker: Option<&std::ops::Range<usize>>,
    demo: bool,
) -> Option<PlaceChoice> {
    let a = &m.a;
    let g = &lex.places;
    // حي X names a neighbourhood of the report's town: a namesake in another
    // country (حي المغار → al-Mughar, Israel) is no place of this report
    let foreign_quarter = |p: &rasd_lexicon::PlaceMention| {
        let before = (0..p.start).rev().find(|&i| a.tokens[i].kind != TokenKind::Punct);
        let quarter = before.is_some_and(|i| {
            p.start - i <= 2 && matches!(a.norm(i).trim_start_matches('و'), "حي" | "بحي" | "لحي" | "احياء")
        });
        quarter && m.focus.as_deref().is_some_and(|fc| lex.places.get(p.chosen()).country != fc)
    };
    let usable = |p: &&rasd_lexicon::PlaceMention| {
        !p.in_org
            && f.contains(p.start)
            && src.is_none_or(|r| !r.contains(&p.start))
            && attacker.is_none_or(|r| !r.contains(&p.start))
            && !foreign_quarter(p)
            && !state_metonym(a, p.start)
            && !allied_state(a, m, p)
            && !(demo && decried_target(m, p.start))
            && !peaceful_adjective(m, p)
    };
    // direction + البلاد / country adjective: جنوب البلاد، الجنوب الليبي
    let mut best: Option<(i32, PlaceChoice)> = None;
    // the parts of a country chosen by a bearing (شمال أفغانستان), with the bearing
    let mut parts: Vec<(Span, f64)> = Vec::new();
    let mut consider = |score: i32, c: PlaceChoice| {
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, c));
        }
    };
    // a reference point is no event place: قبالة نجران، المدعومين من إيران، التي تبعد 200 كلم عن يولا
    let reference = |p: &rasd_lexicon::PlaceMention| {
        let label = |c: &rasd_lexicon::cues::Cue| lex.cues.proximity.label(c.id);
        let filler = |i: usize| {
            matches!(strip_article(a.norm(i)), "منطقه" | "مدينه" | "بلده" | "محافظه" | "دوله" | "حدود" | "مع")
        };
        let right_before =
            |c: &&rasd_lexicon::cues::Cue| c.end <= p.start && c.end + 3 >= p.start && (c.end..p.start).all(filler);
        let ref_now = m.proximity.iter().filter(|c| matches!(label(c), "ref" | "ref_actor")).any(|c| right_before(&c));
        // (only when the clause describes a named place: موبي التي تبعد 200 كلم عن يولا; an
        // unnamed منطقة تبعد 20 كلم عن الحديدة is placed near its reference point)
        let an = p.start > 0 && a.norm(p.start - 1) == "عن"
            || p.start > 1 && a.norm(p.start - 2) == "عن" && strip_article(a.norm(p.start - 1)) == "عاصمه";
        let named_before = |c: &rasd_lexicon::cues::Cue| {
            m.places.iter().any(|q| q.end <= c.start && q.end + 2 >= c.start && !q.in_org)
                || (c.start.saturating_sub(3)..c.start).any(|i| {
                    matches!(strip_article(a.norm(i)), "مدينه" | "بلده" | "قريه" | "بمدينه" | "ببلده" | "بقريه")
                })
        };
        let distance = an
            && m.proximity
                .iter()
                .any(|c| label(c) == "ref_distance" && c.end < p.start && c.end + 6 >= p.start && named_before(c));
        ref_now || distance
    };
    // and what describes the reference point (قبالة منطقة نجران جنوبي السعودية), not a backer
    // (الموالية لإيران غرب مديرية بيت الفقيه)
    let backer = |p: &rasd_lexicon::PlaceMention| {
        m.proximity
            .iter()
            .any(|c| lex.cues.proximity.label(c.id) == "ref_actor" && c.end <= p.start && c.end + 1 >= p.start)
    };
    let refs: Vec<usize> =
        m.places.iter().filter(|p| f.contains(p.start) && reference(p) && !backer(p)).map(|p| p.end).collect();
    let reference = |p: &rasd_lexicon::PlaceMention| {
        reference(p) || m.directions.iter().any(|d| d.end <= p.start && d.end + 1 >= p.start && refs.contains(&d.start))
    };
    for p in m.places.iter().filter(usable) {
        if reference(p) {
            continue;
        }
        let place = p.chosen();
        let kind = g.get(place).kind;
        let mut precision = match kind {
            PlaceKind::City => GeoPrecision::Town,
            PlaceKind::Region | PlaceKind::Admin1 => GeoPrecision::Region,
            PlaceKind::Country => GeoPrecision::Region,
        };
        let mut offset_km = None;
        let mut bearing = None;
        // a region named by a bearing (شرق سوريا) is such a part too
        if kind == PlaceKind::Region {
            if let Some(d) = m.directions.iter().find(|d| d.start == p.start) {
                if let Some(b) = lex.cues.directions.values[d.id as usize] {
                    parts.push((a.span(p.start, p.end), b));
                }
            }
        }
        let mut score: i32 = match kind {
            PlaceKind::City => 40,
            PlaceKind::Region => 30,
            PlaceKind::Admin1 => 25,
            PlaceKind::Country => 5,
        };
        // القطاع (the Gaza Strip told again) yields to any place named in the clause, not to a
        // country; so does العاصمة السورية to a town it holds (مخيم اليرموك في العاصمة السورية)
        if a.norm(p.start).ends_with("لقطاع") {
            score = 8;
        } else if p.end == p.start + 2 && a.norm(p.start).trim_start_matches(['و', 'ف', 'ب']) == "العاصمه" {
            score = 22;
        }
        // relative: near / N km BEARING of / before PLACE
        let lo = p.start.saturating_sub(6);
        for c in m
            .proximity
            .iter()
            .filter(|c| c.end <= p.start && c.end + 2 >= p.start && !lex.cues.proximity.label(c.id).starts_with("ref"))
        {
            let _ = c;
            precision = GeoPrecision::Near;
        }
        if let Some(d) = m.directions.iter().find(|c| c.end <= p.start && c.end + 1 >= p.start) {
            if kind == PlaceKind::Country {
                // جنوب ليبيا: a part of the country
                if let Some(r) = lex.cues.directions.values[d.id as usize]
                    .and_then(|b| g.directional(&g.get(place).country, b as u16))
                {
                    parts.push((a.span(d.start, p.end), lex.cues.directions.values[d.id as usize].unwrap_or(0.0)));
                    consider(
                        score + 20,
                        PlaceChoice {
                            place: r,
                            span: a.span(d.start, p.end),
                            precision: GeoPrecision::Region,
                            offset_km: None,
                            bearing: None,
                            point: None,
                            country: false,
                            cc: String::new(),
                        },
                    );
                    continue;
                }
            }
            bearing = Some(lex.cues.directions.phrases[d.id as usize].clone());
            if kind == PlaceKind::City {
                precision = GeoPrecision::Near;
            }
        }
        for q in a.quantities.iter().filter(|q| {
            (q.tokens.start >= lo && q.tokens.end <= p.start)
                || (q.tokens.start >= p.end && q.tokens.start <= p.end + 2)
        }) {
            let unit = q.value_tokens.end;
            if unit < a.tokens.len()
                && matches!(strip_article(a.norm(unit)), "كم" | "كيلومتر" | "كيلومترا" | "كيلومترات" | "كلم")
            {
                offset_km = q.min.map(|v| v as f64);
                precision = GeoPrecision::Near;
            }
        }
        if p.start > anchor {
            score += 5;
        }
        // في / ب / قرب before the name, or the head noun of a named unit (في قضاء بنجوين،
        // بمديرية حيس): where it happened, not whose seat it is (التابعة لمديرية مقبنة)
        let head = |w: &str| {
            matches!(
                strip_article(w),
                "منطقه"
                    | "مدينه"
                    | "بلده"
                    | "قريه"
                    | "مدن"
                    | "محافظه"
                    | "ولايه"
                    | "مديريه"
                    | "قضاء"
                    | "ناحيه"
                    | "بلدات"
                    | "قري"
                    // the province of Afghanistan, Pakistan or Kurdistan (في إقليم غزنة)
                    | "اقليم"
                    | "مقاطعه"
            )
        };
        // في العاصمة صنعاء, but not قرب العاصمة دمشق (a reference point)
        let capital = p.start > 1 && {
            let w = a.norm(p.start - 1);
            w == "بالعاصمه" || strip_article(w) == "عاصمه" && a.norm(p.start - 2) == "في"
        };
        let prep = p.pre_len > 0 && matches!(a.norm(p.start).chars().next(), Some('ب'))
            || p.start > 0 && {
                let w = a.norm(p.start - 1);
                matches!(w, "في" | "قرب" | "داخل" | "علي")
                    || head(w)
                    || w.strip_prefix('ب').is_some_and(head)
                    || capital
            };
        // the unit a place just named belongs to: جسر الشغور بمحافظة إدلب، باقم بمحافظة صعدة،
        // الدريهمي في الحديدة، بلدة الهري جنوب شرق البوكمال; the first place is where it happened
        let bearing_at = |i: usize| m.directions.iter().any(|d| (d.start..d.end).contains(&i));
        let joiner = |i: usize| {
            let w = a.norm(i);
            w == "في"
                || head(w)
                || w.strip_prefix(['ب', 'ل']).is_some_and(head)
                || bearing_at(i)
                || matches!(w, "،" | ",")
        };
        let this = g.get(place);
        let container = m.places.iter().any(|q| {
            let inner = g.get(q.chosen());
            !q.in_org
                && q.end <= p.start
                && q.end + 3 >= p.start
                && (q.end..p.start).all(joiner)
                && (q.end < p.start || p.pre_len > 0 && a.norm(p.start).starts_with('ب'))
                && inner.kind != PlaceKind::Country
                && inner.country == this.country
                // (a town names a town's quarter only in its own province; نهم شرق العاصمة صنعاء)
                && (kind != PlaceKind::City
                    || inner.admin1.is_some() && inner.admin1 == this.admin1
                    || (q.end..p.start).any(bearing_at))
        });
        if container {
            score -= 5;
        } else if prep {
            score += 15;
        }
        score -= (p.start as i32 - anchor as i32).abs() / 10;
        consider(
            score,
            PlaceChoice {
                place,
                span: a.span(p.start, p.end),
                precision,
                offset_km,
                bearing,
                point: None,
                country: false,
                cc: String::new(),
            },
        );
    }
    // جنوب البلاد / غرب البلاد: a part of the focus country
    for d in m.directions.iter().filter(|c| f.contains(c.start)) {
        let next = d.end;
        if next < a.tokens.len() && strip_article(a.norm(next)) == "بلاد" {
            if let (Some(fc), Some(b)) = (m.focus.as_deref(), lex.cues.directions.values[d.id as usize]) {
                if let Some(r) = g.directional(fc, b as u16) {
                    parts.push((a.span(d.start, next + 1), b));
                    let score = 28 - (d.start as i32 - anchor as i32).abs() / 10;
                    consider(
                        score,
                        PlaceChoice {
                            place: r,
                            span: a.span(d.start, next + 1),
                            precision: GeoPrecision::Region,
                            offset_km: None,
                            bearing: None,
                            point: None,
                            country: false,
                            cc: String::new(),
                        },
                    );
                }
            }
        }
    }
    let with_point = |mut c: PlaceChoice| {
        let p = g.get(c.place);
        c.point = p.lat.zip(p.lon);
        c.country = p.kind == PlaceKind::Country;
        c.cc = p.country.clone();
        c
    };
    // a lede names a part of the country (في شمال أفغانستان، جنوب غربي ليبيا) and the next
    // sentence the province or town (رئيس مجلس إقليم فارياب، في ضواحي مدينة أوباري): that place,
    // if it lies on that side of the capital
    // (likewise a named region, كردستان العراق، ريف حلب، and the next sentence's town within
    // 150 km of its point: عثرت السلطات في كردستان العراق على جثة ... في قضاء بنجوين)
    let best = best.map(|(s, c)| {
        let region = g.get(c.place);
        let bearing = parts.iter().find(|(sp, _)| *sp == c.span).map(|p| p.1);
        // (a region of two words or more: a one-word region is a governorate, صعدة، الحديدة,
        // whose next sentence is as often another happening of the province)
        let phrase = m.places.iter().any(|p| a.span(p.start, p.end) == c.span && p.end >= p.start + 2);
        if bearing.is_none() && (region.kind != PlaceKind::Region || !phrase) {
            return (s, c);
        }
        let Some((clat, clon)) = g.country(&region.country).and_then(|i| g.get(i).lat.zip(g.get(i).lon)) else {
            return (s, c);
        };
        let next = a.sentence_of(anchor) + 1;
        let side = |q: &rasd_lexicon::Place| {
            let (Some(lat), Some(lon)) = (q.lat, q.lon) else { return false };
            match (bearing, region.lat.zip(region.lon)) {
                (Some(bearing), _) => {
                    let (sin, cos) = bearing.to_radians().sin_cos();
                    (lon - clon) * clat.to_radians().cos() * sin + (lat - clat) * cos > 0.5
                }
                // (a town, not the big city a region is told against: المتاخمة للعاصمة دمشق)
                (None, Some((rlat, rlon))) => {
                    if q.kind != PlaceKind::City || q.population >= 500_000 {
                        return false;
                    }
                    let km = |lat: f64, lon: f64| {
                        let (p1, p2) = (lat.to_radians(), rlat.to_radians());
                        let h = ((p2 - p1) / 2.0).sin().powi(2)
                            + p1.cos() * p2.cos() * ((rlon - lon).to_radians() / 2.0).sin().powi(2);
                        2.0 * 6371.0 * h.sqrt().asin()
                    };
                    // (farther, up to 250 km, when the sentence names the town's province and that
                    // lies within 150 km: في قضاء بنجوين شرقي محافظة السليمانية)
                    let province_near = || {
                        m.places.iter().filter(|u| !u.in_org && a.sentence_of(u.start) == next).any(|u| {
                            let pu = g.get(u.chosen());
                            pu.kind == PlaceKind::Admin1
                                && pu.admin1.is_some()
                                && pu.admin1 == q.admin1
                                && pu.lat.zip(pu.lon).is_some_and(|(ulat, ulon)| km(ulat, ulon) <= 150.0)
                        })
                    };
                    let d = km(lat, lon);
                    d <= 150.0 || d <= 250.0 && province_near()
                }
                (None, None) => false,
            }
        };
        let specific =
            m.places.iter().filter(|q| !q.in_org && a.sentence_of(q.start) == next && !reference(q)).find(|q| {
                let pl = g.get(q.chosen());
                matches!(pl.kind, PlaceKind::City | PlaceKind::Admin1) && pl.country == region.country && side(pl)
            });
        match specific {
            Some(q) => (
                s,
                PlaceChoice {
                    place: q.chosen(),
                    span: a.span(q.start, q.end),
                    precision: if g.get(q.chosen()).kind == PlaceKind::City {
                        GeoPrecision::Town
                    } else {
                        GeoPrecision::Region
                    },
                    offset_km: None,
                    bearing: None,
                    point: None,
                    country: false,
                    cc: String::new(),
                },
            ),
            None => (s, c),
        }
    });
    best.map(|(_, c)| c).map(with_point).or_else(|| named_unit(lex, m, f).map(with_point)).or_else(|| {
        // no place in the frame: the document's focus country
        let fc = m.focus.as_deref()?;
        let c = g.country(fc)?;
        Some(with_point(PlaceChoice {
            place: c,
            span: Span::new(0, 0),
            precision: GeoPrecision::Region,
            offset_km: None,
            bearing: None,
            point: None,
            country: false,
            cc: String::new(),
        }))
    })
}

/// ACLED codes one event per location: a strike or clash on places given
/// as a list (غارات على التحيتا وزبيد، في مديريتي حيس والخوخة، في مدينة
/// الحديدة وفي مديرية الدريهمي) is one record per place. The list is found
/// around the record's place, before it as well as after: towns of its
/// sentence and country joined by و (وفي، ومديرية، ، وفي مناطق شمال مديرية),
/// each at least 3 km from the others. A place that only qualifies a member
/// (مديرية حيدان بمحافظة صعدة، الظاهر غرب صعدة) is no member; nor a list told
/// as an origin, a stretch or a reference (أطلقت من غزة، بين X وY، قبالة X).
pub fn coordinated_places(lex: &Lexicon, m: &Mentions<'_>, f: &Frame, c: &Coded) -> Vec<PlaceChoice> {
    let Some(first) = c.place.as_ref() else { return Vec::new() };
    if c.scope != Scope::Event || first.precision == GeoPrecision::Region || first.country || first.span.is_empty() {
        return Vec::new();
    }
    // a change of hands over a list of places is more often a summary of a campaign
    // (نجحت في تحرير باب المندب والمخا وصولا إلى حيس) than one day's takeovers
    if matches!(c.sub, SubEventType::GovernmentRegainsTerritory | SubEventType::NonStateActorOvertakesTerritory) {
        return Vec::new();
    }
    let a = &m.a;
    let g = &lex.places;
    let Some(head) = m.places.iter().position(|q| a.span(q.start, q.end) == first.span && f.contains(q.start)) else {
        return Vec::new();
    };
    let anchor = m.triggers.get(c.anchor).map_or(f.first(), |t| t.start);
    let src = attribution(lex, m, f, anchor).map(|s| s.1);
    let sentence = a.sentence_of(m.places[head].start);
    // (the list told with the event word itself, not in a sentence the frame took in)
    if a.sentence_of(anchor) != sentence {
        return Vec::new();
    }
    let punct = |i: usize| a.tokens[i].kind == TokenKind::Punct;
    // the head noun of a named unit, one or two of them (مديرية، مديريتي، مناطق، جبهة)
    let unit = |w: &str| {
        matches!(
            strip_article(w),
            "مديريه"
                | "مديريتي"
                | "مديريات"
                | "منطقه"
                | "منطقتي"
                | "مناطق"
                | "مدينه"
                | "مدينتي"
                | "مدن"
                | "بلده"
                | "بلدتي"
                | "بلدات"
                | "قريه"
                | "قريتي"
                | "قري"
                | "محافظه"
                | "محافظتي"
                | "ناحيه"
                | "قضاء"
                | "اقليم"
                | "ولايه"
                | "جبهه"
                | "جبهتي"
                | "محور"
                | "عاصمه"
        )
    };
    let bearing_at = |i: usize| m.directions.iter().any(|d| (d.start..d.end).contains(&i));
    // (or on a bearing or a part of a place: وغرب الحسينية، وأطراف الجراحي، وفي محيط)
    let part_cue = |i: usize| {
        m.proximity.iter().any(|x| {
            (x.start..x.end).contains(&i) && matches!(lex.cues.proximity.label(x.id), "region" | "part" | "outskirts")
        })
    };
    // a word that may stand between two places of one list or between a place and its unit
    let filler = |i: usize| {
        let w = a.norm(i);
        punct(i)
            || bearing_at(i)
            || part_cue(i)
            || matches!(w, "في" | "علي" | "التابعه" | "التابع" | "البلاد")
            || unit(w)
            || w.strip_prefix(['ب', 'ل']).is_some_and(unit)
    };
    // و opening the gap (و، وفي، ومديرية، وبمدينة) or on the name itself (والتحيتا)
    let conj_word = |i: usize| {
        let w = a.norm(i);
        w == "و"
            || w.strip_prefix('و').is_some_and(|r| {
                matches!(r, "في" | "علي")
                    || unit(r)
                    || r.strip_prefix('ب').is_some_and(unit)
                    || bearing_at(i)
                    || part_cue(i)
            })
    };
    let usable = |p: &rasd_lexicon::PlaceMention| {
        !p.in_org && f.contains(p.start) && src.as_ref().is_none_or(|r| !r.contains(&p.start))
    };
    // the places of the sentence in the frame, in order
    let ps: Vec<usize> =
        (0..m.places.len()).filter(|&k| a.sentence_of(m.places[k].start) == sentence && usable(&m.places[k])).collect();
    let Some(at) = ps.iter().position(|&k| k == head) else { return Vec::new() };
    // how each place joins the one before it: Some(true) a member, Some(false) a qualifier,
    // None a new stretch of the sentence
    let link = |q: &rasd_lexicon::PlaceMention, p: &rasd_lexicon::PlaceMention| -> Option<bool> {
        if p.start < q.end || p.start > q.end + 6 {
            return None;
        }
        let on_name = p.pre_len > 0 && a.norm(p.start).starts_with('و');
        // an item of the list the gazetteer does not know, one or two words after و
        // (المنصورية وبيت الفقية وزبيد، مفرق المخا وجبل الشبكة وموزع): no number, event word or actor
        let plain = |i: usize| {
            a.tokens[i].kind != TokenKind::Punct
                && a.norm(i).chars().all(char::is_alphabetic)
                && !m.triggers.iter().any(|t| (t.start..t.end).contains(&i))
                && !m.actors.iter().any(|h| (h.start..h.end).contains(&i))
                && !m.places.iter().any(|h| (h.start..h.end).contains(&i))
                && !m.reporting.iter().any(|c| (c.start..c.end).contains(&i))
                && !filler(i)
                && !conj_word(i)
        };
        let item = |i: usize| {
            (i.saturating_sub(1)..=i).any(|j| j >= q.end && a.norm(j).starts_with('و') && (j..=i).all(plain))
        };
        // (a place after such an item with no و of its own qualifies it: الحجر الأسود والعسالي
        // جنوب دمشق، والتقدم نحو ذمار وتطويق العاصمة صنعاء)
        // (but one told with its own في or ب is the place of a new target: ومواقع في مديرية غمر)
        let after_item = (q.end..p.start).rev().find(|&i| item(i) && !conj_word(i)).map_or(q.end, |i| i + 1);
        let own_prep = |i: usize| {
            let w = a.norm(i);
            matches!(w, "في" | "علي") || w.strip_prefix('ب').is_some_and(unit)
        };
        let conj = on_name
            || (after_item..p.start).any(conj_word)
            || (after_item > q.end && (after_item..p.start).any(own_prep))
            || (after_item > q.end && p.pre_len > 0 && a.norm(p.start).starts_with('ب'));
        let fill = (q.end..p.start).all(|i| filler(i) || conj_word(i) || item(i));
        fill.then_some(conj)
    };
    let mut lo = at;
    while lo > 0 && link(&m.places[ps[lo - 1]], &m.places[ps[lo]]).is_some() {
        lo -= 1;
    }
    let mut hi = at;
    while hi + 1 < ps.len() && link(&m.places[ps[hi]], &m.places[ps[hi + 1]]).is_some() {
        hi += 1;
    }
    if lo == hi {
        return Vec::new();
    }
    // the words governing the list: not an origin, a stretch or a reference point
    // (أطلقت من غزة وخان يونس، بين عدن ولحج، قبالة نجران وجازان، على بعد 10 كم من X وY)
    let opening = m.places[ps[lo]].start;
    let mut k = opening;
    while k > 0 && {
        let w = a.norm(k - 1);
        unit(w) || w.strip_prefix('ب').is_some_and(unit) || bearing_at(k - 1)
    } {
        k -= 1;
    }
    let before = if k > 0 { a.norm(k - 1) } else { "" };
    // (a part of the list is no origin: في كل من X وY، في مناطق متفرقة من مديريات X وY)
    let part = (k.saturating_sub(3)..k.saturating_sub(1))
        .any(|i| matches!(strip_article(a.norm(i)), "كل" | "متفرقه" | "اجزاء" | "انحاء" | "عدد" | "مختلف"));
    let before = if before == "من" && part { "" } else { before };
    let from = m.places[ps[lo]].pre_len > 0 && a.norm(opening).starts_with("من");
    let cue_before = m.proximity.iter().any(|x| {
        x.end <= opening
            && x.end + 3 >= opening
            && !matches!(lex.cues.proximity.label(x.id), "region" | "part" | "outskirts")
    });
    // (nor a route: القادمة عبر مدينة تعز)
    // (nor a destination: نقل السجناء إلى حجة وصنعاء)
    if matches!(before, "من" | "عن" | "بين" | "وبين" | "مع" | "عبر" | "الي") || from || cue_before {
        return Vec::new();
    }
    // the members: the list's first place and each one joined by و
    let members: Vec<usize> = (lo..=hi)
        .filter(|&j| j == lo || link(&m.places[ps[j - 1]], &m.places[ps[j]]) == Some(true))
        .map(|j| ps[j])
        .collect();
    if !members.contains(&head) {
        return Vec::new();
    }
    let country = &g.get(first.place).country;
    let km = |x: (f64, f64), y: (f64, f64)| {
        let (p1, p2) = (x.0.to_radians(), y.0.to_radians());
        let h = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * ((y.1 - x.1).to_radians() / 2.0).sin().powi(2);
        2.0 * 6371.0 * h.sqrt().asin()
    };
    let mut seen: Vec<(u32, Option<(f64, f64)>)> = vec![(first.place, first.point)];
    let mut out: Vec<PlaceChoice> = Vec::new();
    for &k in members.iter().filter(|&&k| k != head) {
        let p = &m.places[k];
        // a town of the list (مدينة الحديدة: the city, not the governorate of its name)
        let headed = p.start > 0 && strip_article(a.norm(p.start - 1)).trim_start_matches(['و', 'ب']) == "مدينه";
        let id = if g.get(p.chosen()).kind == PlaceKind::City {
            p.chosen()
        } else if headed {
            match p.candidates.iter().copied().find(|&c| g.get(c).kind == PlaceKind::City) {
                Some(c) => c,
                None => continue,
            }
        } else {
            continue;
        };
        let q = g.get(id);
        let Some(point) = q.lat.zip(q.lon) else { continue };
        let apart = seen.iter().all(|&(s, sp)| s != id && sp.is_some_and(|sp| km(sp, point) >= 3.0));
        if &q.country != country || !apart {
            continue;
        }
        seen.push((id, Some(point)));
        out.push(PlaceChoice {
            place: id,
            span: a.span(p.start, p.end),
            precision: GeoPrecision::Town,
            offset_km: None,
            bearing: None,
            point: Some(point),
            country: false,
            cc: q.country.clone(),
        });
    }
    out
}

/// A second strike told in the same sentence with a verb of its own and no
/// subject of its own (قصفت طائرات التحالف مواقع في مديرية صرواح، كما
/// استهدفت معاقل في مديرية المضاربة؛ أسقطت طائرة ... أبها، ودمرت أخرى
/// بجازان): the same attacker's same kind of blow at another place, one more
/// record. The clause must open with the verb (after كما) and name a town or
/// district governed by في / ب.
pub fn second_clause_places(lex: &Lexicon, m: &Mentions<'_>, f: &Frame, c: &Coded) -> Vec<PlaceChoice> {
    let Some(first) = c.place.as_ref() else { return Vec::new() };
    if c.scope != Scope::Event || first.precision == GeoPrecision::Region || first.country || first.span.is_empty() {
        return Vec::new();
    }
    if matches!(c.sub, SubEventType::GovernmentRegainsTerritory | SubEventType::NonStateActorOvertakesTerritory) {
        return Vec::new();
    }
    let a = &m.a;
    let g = &lex.places;
    let Some(anchor) = m.triggers.get(c.anchor).map(|t| t.start) else { return Vec::new() };
    let Some(head) = m.places.iter().find(|q| a.span(q.start, q.end) == first.span && f.contains(q.start)) else {
        return Vec::new();
    };
    let sentence = a.sentence_of(anchor);
    if a.sentence_of(head.start) != sentence || head.start < anchor {
        return Vec::new();
    }
    let src = attribution(lex, m, f, anchor).map(|s| s.1);
    let anchor_at = |i: usize| {
        m.triggers.iter().any(|t| {
            t.start == i
                && t.ids.iter().any(|&id| matches!(lex.triggers.get(id).role, Role::Event | Role::Attack | Role::Kill))
        })
    };
    let km = |x: (f64, f64), y: (f64, f64)| {
        let (p1, p2) = (x.0.to_radians(), y.0.to_radians());
        let h = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * ((y.1 - x.1).to_radians() / 2.0).sin().powi(2);
        2.0 * 6371.0 * h.sqrt().asin()
    };
    let mut seen: Vec<(u32, Option<(f64, f64)>)> = vec![(first.place, first.point)];
    let mut out = Vec::new();
    for cl in a.clauses.iter().filter(|cl| cl.tokens.start > head.end && a.sentence_of(cl.tokens.start) == sentence) {
        let r = cl.tokens.clone();
        if !f.contains(r.start) {
            break;
        }
        // the verb opens the clause: ودمرت، كما استهدفت، كما شنت
        let mut v = r.start;
        if v < r.end && a.norm(v) == "كما" {
            v += 1;
        }
        let opens = v < r.end && anchor_at(v) && (v > r.start || a.norm(v).starts_with('و'));
        // (with no subject of its own: another actor is another event, coded apart)
        // (the subject stands right after the verb, with no preposition: كما استهدفت مقاتلات
        // حربية روسية is another attacker; استهدفت معاقل للحوثيين names the target)
        let subj_at = if v + 1 < r.end && a.norm(v + 1) == "ايضا" { v + 2 } else { v + 1 };
        let own_subject = m
            .actors
            .iter()
            .any(|h| (h.start == subj_at || h.start == subj_at + 1) && no_preposition(a, h.start, h.pre_len));
        if !opens || own_subject {
            continue;
        }
        let governed = |p: &rasd_lexicon::PlaceMention| {
            p.pre_len > 0 && a.norm(p.start).starts_with('ب')
                || p.start > 0 && {
                    let w = strip_article(a.norm(p.start - 1));
                    matches!(w, "في" | "علي" | "مديريه" | "مدينه" | "بلده" | "قريه" | "منطقه" | "بمديريه" | "بمدينه")
                }
        };
        // (a town, or a province other than the first place's when the gazetteer knows no
        // town of the clause: في مديرية المضاربة بمحافظة لحج)
        let home = g.get(first.place).admin1.clone();
        let place = m.places.iter().filter(|p| r.contains(&p.start) && !p.in_org).find(|p| {
            let q = g.get(p.chosen());
            let town = q.kind == PlaceKind::City && governed(p);
            let province = q.kind != PlaceKind::City && q.kind != PlaceKind::Country && {
                let name = Some(q.name.clone());
                home.is_some() && name != home && q.admin1 != home
            };
            src.as_ref().is_none_or(|s| !s.contains(&p.start)) && (town || province)
        });
        let Some(p) = place else { continue };
        let q = g.get(p.chosen());
        let Some(point) = q.lat.zip(q.lon) else { continue };
        let apart = seen.iter().all(|&(s, sp)| s != p.chosen() && sp.is_some_and(|sp| km(sp, point) >= 3.0));
        if q.country != g.get(first.place).country || !apart {
            continue;
        }
        let precision = if q.kind == PlaceKind::City { GeoPrecision::Town } else { GeoPrecision::Region };
        seen.push((p.chosen(), Some(point)));
        out.push(PlaceChoice {
            place: p.chosen(),
            span: a.span(p.start, p.end),
            precision,
            offset_km: None,
            bearing: None,
            point: Some(point),
            country: false,
            cc: q.country.clone(),
        });
    }
    out
}

/// A bare "the province" in a frame with no place (وسط معارك ... في محور علب
/// بالمحافظة) is the province named before the frame in its sentence (بمحافظة
/// صعدة): that place. (Not "the city": a report's المدينة is often another
/// town than the last one named.)
fn named_unit(lex: &Lexicon, m: &Mentions<'_>, f: &Frame) -> Option<PlaceChoice> {
    let a = &m.a;
    let g = &lex.places;
    let i = in_frame_tokens(f).find(|&i| {
        let w = a.norm(i);
        let w = w
            .strip_prefix('و')
            .filter(|x| x.starts_with("ال") || x.starts_with("لل") || x.starts_with("بال"))
            .unwrap_or(w);
        let w = w.strip_prefix('ب').filter(|x| x.starts_with("ال")).unwrap_or(w);
        let w = w.strip_prefix("لل").map_or(w.to_string(), |x| format!("ال{x}"));
        let next_place = m.places.iter().any(|p| p.start == i + 1);
        w == "المحافظه" && !next_place
    })?;
    let sentence = a.sentence_of(i);
    let p = m.places.iter().filter(|p| p.end <= f.first() && !p.in_org && a.sentence_of(p.start) == sentence).rfind(
        |p| {
            let q = g.get(p.chosen());
            let head = p.start > 0 && strip_article(a.norm(p.start - 1).trim_start_matches(['و', 'ب'])) == "محافظه";
            q.kind == PlaceKind::Admin1 || head
        },
    )?;
    let q = g.get(p.chosen());
    Some(PlaceChoice {
        place: p.chosen(),
        span: a.span(i, i + 1),
        precision: if q.kind == PlaceKind::City { GeoPrecision::Town } else { GeoPrecision::Region },
        offset_km: None,
        bearing: None,
        point: None,
        country: false,
        cc: String::new(),
    })
}

/// Whether the date at tokens `start..end` is the day of the report, not of
/// the happening: before the source (قال، السبت، المرصد), or right after it
/// and before the reported clause (قالت مصادر عسكرية السبت، إن ... ليل الخميس).
fn on_report(m: &Mentions<'_>, src: Option<&std::ops::Range<usize>>, start: usize, end: usize) -> bool {
    let a = &m.a;
    src.is_some_and(|r| {
        let before = end <= r.start + 1;
        let after = start >= r.end && start <= r.end + 1 && {
            let next = (end..a.tokens.len().min(end + 2)).find(|&i| a.tokens[i].kind != TokenKind::Punct);
            next.is_some_and(|i| matches!(a.norm(i), "ان" | "انه" | "انها" | "بان" | "بانه"))
        };
        // (or read into the source's words: مصادر عسكرية السبت)
        before || after || r.contains(&start)
    })
}

fn date_of(
    m: &Mentions<'_>,
    f: &Frame,
    anchor: usize,
    cumulative: bool,
    src: Option<&std::ops::Range<usize>>,
    demo: bool,
) -> (DateChoice, bool) {
    let a = &m.a;
    let pubd = m.published;
    if cumulative {
        if let Some(d) = m.dates.iter().find(|d| f.contains(d.start) && d.since && d.date.is_some()) {
            return (
                DateChoice {
                    start: d.date,
                    end: pubd.or(d.until).or(d.date),
                    precision: TimePrecision::Day,
                    span: Some(a.span(d.start, d.end)),
                },
                true,
            );
        }
        // the current week or month up to publication (هذا الأسبوع، الشهر الجاري)
        if let Some(d) = m.dates.iter().find(|d| {
            f.contains(d.start)
                && d.date.is_some()
                && d.until.is_some()
                && d.until == pubd
                && matches!(d.precision, TimePrecision::Week | TimePrecision::Month)
        }) {
            return (
                DateChoice { start: d.date, end: d.until, precision: d.precision, span: Some(a.span(d.start, d.end)) },
                true,
            );
        }
        // خلال أسبوعين، خلال الأسبوع: the period before publication
        if let Some(p) = pubd {
            let weeks = if f.ranges.iter().flat_map(|r| r.clone()).any(|i| a.norm(i).contains("اسبوعين")) {
                14
            } else {
                7
            };
            return (
                DateChoice {
                    start: p.checked_sub(weeks.days()).ok(),
                    end: Some(p),
                    precision: TimePrecision::Week,
                    span: None,
                },
                false,
            );
        }
    }
    // the frame's own date, nearest the anchor; one on the reporting verb only if nothing else
    // (a day told after the report's day is the happening's: قالت مصادر
    // عسكرية السبت، إن ... قتلوا في كمين ليل الخميس; a month is not)
    let dated =
        |d: &&crate::dates::DateMention| f.contains(d.start) && d.year_only.is_none() && !d.since && d.date.is_some();
    let narrow = |d: &crate::dates::DateMention| src.is_some_and(|r| d.end <= r.start + 1);
    let other_day =
        m.dates.iter().filter(dated).any(|d| d.precision == TimePrecision::Day && !on_report(m, src, d.start, d.end));
    let own = m.dates.iter().filter(dated).min_by_key(|d| {
        let report = narrow(d) || (other_day && on_report(m, src, d.start, d.end));
        (report, (d.start as i64 - anchor as i64).abs())
    });
    if let Some(d) = own {
        // (a date read into the source or after it still dates the
        // happening when nothing else does: ووثق المرصد السوري الأحد مقتل 12)
        let on_report = src.is_some_and(|r| d.end <= r.start + 1);
        return (
            DateChoice {
                start: d.date,
                end: d.until.or(d.date),
                precision: d.precision,
                span: Some(a.span(d.start, d.end)),
            },
            !on_report,
        );
    }
    // a demonstration going on "for the Nth day" with no day of its own is told of the
    // report's day (استمر المتظاهرون بالاحتجاج لليوم الرابع في مدينة البصرة)
    if let (Some(p), true) = (pubd, demo && nth_day_running(m, anchor)) {
        return (DateChoice { start: Some(p), end: Some(p), precision: TimePrecision::Day, span: None }, true);
    }
    // no date of its own: the nearest recent day its context gives (the
    // sentence before, or the lede: قال المرصد، الجمعة، إن ...), else the
    // publication date, as "this week"
    let first = f.first();
    let fs = a.sentence_of(first);
    let context = m
        .dates
        .iter()
        .filter(|d| d.start < first && d.year_only.is_none() && !d.since && d.precision == TimePrecision::Day)
        .filter(|d| {
            let ds = a.sentence_of(d.start);
            ds == 0 || ds + 2 >= fs
        })
        .filter(|d| d.date.zip(pubd).is_some_and(|(x, p)| x <= p && p.since(x).is_ok_and(|s| s.get_days() <= 7)))
        .max_by_key(|d| d.start);
    if let Some(d) = context {
        return (DateChoice { start: d.date, end: d.until.or(d.date), precision: d.precision, span: None }, false);
    }
    (DateChoice { start: pubd, end: pubd, precision: TimePrecision::Week, span: None }, false)
}

/// Whether the anchor's clause says its happening goes on "for the Nth day"
/// (لليوم الرابع، لليوم الثاني على التوالي).
fn nth_day_running(m: &Mentions<'_>, anchor: usize) -> bool {
    let a = &m.a;
    let cl = clause_of(m, anchor);
    cl.clone().any(|i| a.norm(i) == "لليوم" && cl.contains(&(i + 1)) && crate::dates::ordinal_day(a, i + 1).is_some())
}

/// Whether the place at token `start` is the target of an attack that a demonstration
/// decries, not where the crowd gathered (ورفع المتظاهرون صوراً لمدنيين قتلوا في الهجوم التركي
/// على عفرين).
fn decried_target(m: &Mentions<'_>, start: usize) -> bool {
    let a = &m.a;
    if start == 0 || a.norm(start - 1).trim_start_matches('و') != "علي" {
        return false;
    }
    (start.saturating_sub(5)..start - 1).any(|k| {
        let w = a.norm(k).trim_start_matches('و');
        let bare = [
            Some(strip_article(w)),
            w.strip_prefix("لل"),
            w.strip_prefix('ب').map(strip_article),
            w.strip_prefix('ل').map(strip_article),
        ];
        bare.into_iter().flatten().any(|x| {
            matches!(
                x,
                "هجوم"
                    | "هجمات"
                    | "عدوان"
                    | "غزو"
                    | "حرب"
                    | "حمله"
                    | "غارات"
                    | "قصف"
                    | "اعتداء"
                    | "اعتداءات"
            )
        })
    })
}

/// Whether a mention of As Salamiyah (سلمية) is the adjective "peaceful" (تظاهرات سلمية، الطرق
/// السلمية): the town is named after a place slot (في السلمية، مدينة سلمية، ريف السلمية).
fn peaceful_adjective(m: &Mentions<'_>, p: &rasd_lexicon::PlaceMention) -> bool {
    let a = &m.a;
    let w = a.norm(p.start).trim_start_matches('و');
    if p.end != p.start + 1 || !matches!(w, "سلميه" | "السلميه") {
        return false;
    }
    let prev = (p.start > 0).then(|| strip_article(a.norm(p.start - 1).trim_start_matches(['و', 'ف'])));
    !prev.is_some_and(|x| {
        matches!(
            x,
            "في" | "الي"
                | "من"
                | "قرب"
                | "مدينه"
                | "بمدينه"
                | "منطقه"
                | "بلده"
                | "ريف"
                | "محيط"
                | "نحو"
                | "باتجاه"
                | "شرق"
                | "غرب"
                | "شمال"
                | "جنوب"
                | "شرقي"
                | "غربي"
                | "شمالي"
                | "جنوبي"
        )
    })
}
