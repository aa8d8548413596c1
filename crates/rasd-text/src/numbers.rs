//! Numbers and quantities: digits, Arabic number words, ordinals, vague
//! quantities ("عشرات") and their qualifiers ("ما لا يقل عن 43").
//!
//! [`find_quantities`] walks the token list once, left to right, and reads the
//! longest quantity starting at each token. Every word is looked up once in a
//! read-only table built on first use ([`std::sync::OnceLock`]); the table
//! holds each number word bare, with the article (الثالث) and with the
//! proclitics و ف ب ل ك (وثلاثة، بخمسة، لعشرين، للمرة الثالثة → للثالثة), so
//! a word that is no number costs one hash probe.
//!
//! Conventions (what the extractor gets):
//!
//! * `value` is the number read; `min`/`max` are the integer bounds ACLED
//!   counts with: `Exact` and `About` → min = max = N; `AtLeast` (ما لا يقل
//!   عن، أكثر من، على الأقل) → min N, max None; `UpTo` (ما يصل إلى، حتى) → min
//!   None, max N; `Range` (بين 10 و15، من 10 إلى 15، 10-15، ثلاثة أو أربعة) →
//!   min 10, max 15, `value` 10.
//! * Vague quantities (kind `Vague`, qualifier `Vague`) carry the
//!   conventional minimum in `value` and `min`, max None: عشرات 10، مئات 100،
//!   آلاف (alone) 1000، ملايين 1e6، بضع/بضعة/عدة/عدد من 3; with a scale word
//!   after them the two multiply (عشرات الآلاف 10000، بضعة آلاف 3000).
//! * Ordinals (kind `Ordinal`, qualifier `Exact`) carry the ordinal number in
//!   `value` and no `min`/`max` (they count nothing): الرابعة → 4، الحادي
//!   والعشرين → 21. A definite cardinal compound or ten is an ordinal, as in
//!   Duckling (العشرين، الأحد عشر); a definite unit is a cardinal (الأربعة).
//! * Negative and non-integer values (-5، 3.5) have no `min`/`max`.
//! * Precision over recall: weekdays (الاثنين، الأحد، يوم اثنين) are not
//!   numbers; أحد/إحدى alone ("one of": أحد عناصر الأمن) is 1 only before a
//!   word and not after a negation (لم يعلن أحد = nobody); indefinite
//!   feminine ordinals (ثانية = a second, رابعة = Rabaa) and ثاني after آل
//!   (آل ثاني) are not ordinals; bare متين (Egyptian 200, MSA "solid") is
//!   read only inside a compound; عدة takes no proclitic (بعده = after him);
//!   fractions `11/10` are left alone (dates); a single `.` is a decimal
//!   point (`1.000` is 1), `,` groups of three are thousands (`1,000`).

use crate::tokens::{Token, TokenKind};
use rasd_core::{Qualifier, Span};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    Cardinal,
    Ordinal,
    Vague,
}

/// A quantity found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// Tokens covered, the qualifier words included (and, for a trailing
    /// qualifier, the counted noun before it: `43 شخصا على الأقل`).
    pub tokens: Range<usize>,
    /// Byte span in the original, the qualifier included.
    pub span: Span,
    /// Tokens of the number itself, without the qualifier (for a range, from
    /// the first number to the end of the second).
    pub value_tokens: Range<usize>,
    pub kind: QuantityKind,
    pub value: f64,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub qualifier: Qualifier,
}

/// Finds every quantity in a token list, left to right, without overlap.
pub fn find_quantities(tokens: &[Token], norm: &str) -> Vec<Quantity> {
    let cx = Cx { t: tokens, norm, tab: table() };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match cx.at(i) {
            Some(q) => {
                i = q.tokens.end.max(i + 1);
                out.push(q);
            }
            None => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The word table

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// ألف، مليون (also the accusative ألفا)
    Sing,
    /// ألفان، مليونين
    Dual,
    /// آلاف، ملايين (after 3–10; alone a vague quantity)
    Plural,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cls {
    /// 0–10 (صفر … عشرة)
    Unit,
    /// teen heads احد/احدى (1), اثنا/اثني/اثنتا/اثنتي (2)
    Head,
    /// one-word teens (Egyptian حداشر … تسعتاشر)
    Teen,
    /// 20–90
    Tens,
    /// مئة/مائة: 100 alone, ×100 after a unit
    Hundred,
    /// a complete hundred: مئتان، ثلاثمئة
    Hundreds,
    Scale(Form),
    Ord,
    Vague,
    Qual,
}

/// A definite unit may stand alone as a cardinal (الأربعة).
const ART: u16 = 1;
/// عشر/عشرة closing a teen (ثلاثة عشر).
const TAIL: u16 = 2;
/// also a weekday (اثنين، أحد): not after يوم.
const WEEKDAY: u16 = 4;
/// feminine ordinal: needs the article.
const FEM: u16 = 8;
/// حادي: only in a compound.
const HEAD_ONLY: u16 = 16;
/// متين: only with a continuation.
const NEEDS_MORE: u16 = 32;
/// no proclitic forms (عدة: بعده is "after him").
const NO_PRE: u16 = 64;
/// vague word that must precede a word (عدة أشخاص).
const NEEDS_NOUN: u16 = 128;
/// عدد: only as عدد من.
const NEEDS_MIN: u16 = 256;

#[derive(Debug, Clone, Copy)]
struct Entry {
    cls: Cls,
    v: u64,
    f: u16,
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    e: Entry,
    /// bytes of proclitics before the stem (and article)
    pre: u8,
    /// the article was present
    art: bool,
    /// the proclitics are exactly و (a conjunction joining number parts)
    wa: bool,
}

struct Table {
    map: FxHashMap<Box<str>, Hit>,
    max_len: usize,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(build_table)
}

const PROCLITICS: &[&str] = &["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

fn base_entries() -> Vec<(&'static str, Entry)> {
    let mut v: Vec<(&'static str, Entry)> = Vec::with_capacity(256);
    let mut add = |words: &[&'static str], cls: Cls, val: u64, f: u16| {
        for w in words {
            v.push((w, Entry { cls, v: val, f }));
        }
    };
    use Cls::*;
    add(&["صفر"], Unit, 0, 0);
    add(&["واحد", "واحده"], Unit, 1, 0);
    add(&["اثنين", "اتنين", "اثنان"], Unit, 2, WEEKDAY);
    add(&["اثنتان", "اثنتين", "اتنان"], Unit, 2, 0);
    add(&["ثلاثه", "تلاته"], Unit, 3, ART);
    add(&["ثلاث", "ثلاثا", "تلات"], Unit, 3, 0);
    add(&["اربعه"], Unit, 4, ART);
    add(&["اربع", "اربعا"], Unit, 4, 0);
    add(&["خمسه"], Unit, 5, ART);
    add(&["خمس", "خمسا"], Unit, 5, 0);
    add(&["سته"], Unit, 6, ART);
    add(&["ست", "ستا"], Unit, 6, 0);
    add(&["سبعه"], Unit, 7, ART);
    add(&["سبع", "سبعا"], Unit, 7, 0);
    add(&["ثمانيه", "تمانيه"], Unit, 8, ART);
    add(&["ثمان", "ثماني", "ثمانيا", "تمن", "تمان"], Unit, 8, 0);
    add(&["تسعه"], Unit, 9, ART);
    add(&["تسع", "تسعا"], Unit, 9, 0);
    add(&["عشره"], Unit, 10, ART | TAIL);
    add(&["عشر"], Unit, 10, TAIL);
    add(&["عشرا"], Unit, 10, 0);
    add(&["احد"], Head, 1, WEEKDAY);
    add(&["احدي"], Head, 1, 0);
    add(&["اثنا", "اثني", "اثنتا", "اثنتي"], Head, 2, 0);
    add(&["حداشر", "احداشر"], Teen, 11, 0);
    add(&["اتناشر", "اطناشر", "اثناشر"], Teen, 12, 0);
    add(&["تلاتاشر", "تلتاشر", "تلطاشر"], Teen, 13, 0);
    add(&["اربعتاشر", "اربعطاشر", "اربعتعشر"], Teen, 14, 0);
    add(&["خمستاشر", "خمسطاشر"], Teen, 15, 0);
    add(&["ستاشر", "سطاشر"], Teen, 16, 0);
    add(&["سبعتاشر", "سبعطاشر"], Teen, 17, 0);
    add(&["تمنتاشر", "تمانتاشر", "تمنطاشر"], Teen, 18, 0);
    add(&["تسعتاشر", "تسعطاشر"], Teen, 19, 0);
    add(&["عشرون", "عشرين"], Tens, 20, 0);
    add(&["ثلاثون", "ثلاثين", "تلاتين"], Tens, 30, 0);
    add(&["اربعون", "اربعين"], Tens, 40, 0);
    add(&["خمسون", "خمسين"], Tens, 50, 0);
    add(&["ستون", "ستين"], Tens, 60, 0);
    add(&["سبعون", "سبعين"], Tens, 70, 0);
    add(&["ثمانون", "ثمانين", "تمانين"], Tens, 80, 0);
    add(&["تسعون", "تسعين"], Tens, 90, 0);
    add(&["مئه", "مائه"], Hundred, 100, 0);
    add(&["مئتان", "مئتين", "مائتان", "مائتين", "مئتي", "مائتي", "مئتا", "مائتا", "ميتين"], Hundreds, 200, 0);
    add(&["متين"], Hundreds, 200, NEEDS_MORE);
    add(&["الف", "الفا"], Scale(Form::Sing), 1_000, 0);
    add(&["الفان", "الفين", "الفي"], Scale(Form::Dual), 2_000, 0);
    add(&["الاف", "الوف"], Scale(Form::Plural), 1_000, 0);
    add(&["مليون", "مليونا"], Scale(Form::Sing), 1_000_000, 0);
    add(&["مليونان", "مليونين", "مليوني"], Scale(Form::Dual), 2_000_000, 0);
    add(&["ملايين"], Scale(Form::Plural), 1_000_000, 0);
    add(&["مليار", "مليارا", "بليون"], Scale(Form::Sing), 1_000_000_000, 0);
    add(&["ملياران", "مليارين"], Scale(Form::Dual), 2_000_000_000, 0);
    add(&["مليارات"], Scale(Form::Plural), 1_000_000_000, 0);
    add(&["اول"], Ord, 1, 0);
    add(&["اولي"], Ord, 1, FEM);
    add(&["حادي"], Ord, 1, HEAD_ONLY);
    add(&["حاديه"], Ord, 1, HEAD_ONLY | FEM);
    add(&["ثاني", "ثان"], Ord, 2, 0);
    add(&["ثانيه"], Ord, 2, FEM);
    add(&["ثالث"], Ord, 3, 0);
    add(&["ثالثه"], Ord, 3, FEM);
    add(&["رابع"], Ord, 4, 0);
    add(&["رابعه"], Ord, 4, FEM);
    add(&["خامس"], Ord, 5, 0);
    add(&["خامسه"], Ord, 5, FEM);
    add(&["سادس"], Ord, 6, 0);
    add(&["سادسه"], Ord, 6, FEM);
    add(&["سابع"], Ord, 7, 0);
    add(&["سابعه"], Ord, 7, FEM);
    add(&["ثامن"], Ord, 8, 0);
    add(&["ثامنه"], Ord, 8, FEM);
    add(&["تاسع"], Ord, 9, 0);
    add(&["تاسعه"], Ord, 9, FEM);
    add(&["عاشر"], Ord, 10, 0);
    add(&["عاشره"], Ord, 10, FEM);
    add(&["عشرات"], Vague, 10, 0);
    add(&["مئات"], Vague, 100, 0);
    add(&["بضع", "بضعه"], Vague, 3, 0);
    add(&["عده"], Vague, 3, NO_PRE | NEEDS_NOUN);
    add(&["عدد"], Vague, 3, NEEDS_MIN);
    // first words of qualifier phrases (see PHRASES)
    add(
        &[
            "نحو",
            "حوالي",
            "قرابه",
            "زهاء",
            "تقريبا",
            "فوق",
            "حتي",
            "بين",
            "من",
            "ما",
            "لا",
            "علي",
            "اكثر",
            "ازيد",
            "يزيد",
            "يربو",
            "يقارب",
            "يناهز",
            "يقرب",
            "قد",
        ],
        Qual,
        0,
        0,
    );
    v
}

fn build_table() -> Table {
    let base = base_entries();
    // Hundreds compounds: ثلاثمئة، خمسمائة، تلتمية …
    let mut owned: Vec<(String, Entry)> = Vec::new();
    let stems: &[(&str, u64)] = &[
        ("ثلاث", 3),
        ("تلت", 3),
        ("تلات", 3),
        ("اربع", 4),
        ("ربع", 4),
        ("خمس", 5),
        ("ست", 6),
        ("سبع", 7),
        ("ثمان", 8),
        ("ثماني", 8),
        ("تمن", 8),
        ("تمان", 8),
        ("تسع", 9),
    ];
    for (s, u) in stems {
        for h in ["مئه", "مائه", "ميه"] {
            owned.push((format!("{s}{h}"), Entry { cls: Cls::Hundreds, v: u * 100, f: 0 }));
        }
    }
    let all: Vec<(String, Entry)> = base.iter().map(|(w, e)| (w.to_string(), *e)).chain(owned).collect();

    let mut map: FxHashMap<Box<str>, Hit> = FxHashMap::default();
    let art_ok = |e: &Entry| {
        matches!(e.cls, Cls::Unit | Cls::Head | Cls::Tens | Cls::Ord | Cls::Scale(Form::Plural))
            || (e.cls == Cls::Vague && e.v >= 10)
    };
    // bare forms win over derived ones, fewer affixes over more
    for (w, e) in &all {
        map.entry(w.as_str().into()).or_insert(Hit { e: *e, pre: 0, art: false, wa: false });
    }
    for (w, e) in &all {
        if art_ok(e) {
            map.entry(format!("ال{w}").into()).or_insert(Hit { e: *e, pre: 0, art: true, wa: false });
        }
    }
    for p in PROCLITICS {
        for (w, e) in &all {
            if e.f & NO_PRE != 0 {
                continue;
            }
            let wa = *p == "و";
            let pre = p.len() as u8;
            if w.chars().count() >= 3 || e.cls == Cls::Qual {
                map.entry(format!("{p}{w}").into()).or_insert(Hit { e: *e, pre, art: false, wa });
            }
            if art_ok(e) {
                // ل + ال → لل
                let key = if p.ends_with('ل') { format!("{p}ل{w}") } else { format!("{p}ال{w}") };
                map.entry(key.into()).or_insert(Hit { e: *e, pre, art: true, wa });
            }
        }
    }
    let max_len = map.keys().map(|k| k.len()).max().unwrap_or(0);
    Table { map, max_len }
}

/// Qualifier phrases before a number (first word possibly with proclitics).
const PHRASES: &[(&[&str], Qualifier)] = &[
    (&["ما", "لا", "يقل", "عن"], Qualifier::AtLeast),
    (&["ما", "لا", "تقل", "عن"], Qualifier::AtLeast),
    (&["لا", "يقل", "عن"], Qualifier::AtLeast),
    (&["لا", "تقل", "عن"], Qualifier::AtLeast),
    (&["علي", "الاقل"], Qualifier::AtLeast),
    (&["اكثر", "من"], Qualifier::AtLeast),
    (&["ازيد", "من"], Qualifier::AtLeast),
    (&["ما", "يزيد", "عن"], Qualifier::AtLeast),
    (&["ما", "يزيد", "علي"], Qualifier::AtLeast),
    (&["يزيد", "عن"], Qualifier::AtLeast),
    (&["يزيد", "علي"], Qualifier::AtLeast),
    (&["ما", "يربو", "علي"], Qualifier::AtLeast),
    (&["يربو", "علي"], Qualifier::AtLeast),
    (&["فوق"], Qualifier::AtLeast),
    (&["نحو"], Qualifier::About),
    (&["حوالي"], Qualifier::About),
    (&["قرابه"], Qualifier::About),
    (&["زهاء"], Qualifier::About),
    (&["تقريبا"], Qualifier::About),
    (&["ما", "يقارب"], Qualifier::About),
    (&["يقارب"], Qualifier::About),
    (&["ما", "يناهز"], Qualifier::About),
    (&["يناهز"], Qualifier::About),
    (&["ما", "يقرب", "من"], Qualifier::About),
    (&["يقرب", "من"], Qualifier::About),
    (&["ما", "يصل", "الي"], Qualifier::UpTo),
    (&["قد", "يصل", "الي"], Qualifier::UpTo),
    (&["حتي"], Qualifier::UpTo),
];

/// Month names (normalized) that make a number after حتى a date.
const MONTHS: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
];

/// Words before which أحد alone is "anyone", not 1 (لم يعلن أحد).
const NEGATIONS: &[&str] = &["لم", "لن", "لا", "ما", "ليس", "ولم", "ولن", "ولا", "فلم", "فلا", "دون", "بدون", "غير"];

// ---------------------------------------------------------------------------
// Parsing

/// A number read from `start` up to `end` (exclusive).
#[derive(Debug, Clone, Copy)]
struct Num {
    end: usize,
    v: f64,
    /// the value when it is a non-negative integer
    int: Option<u64>,
    ord: bool,
    /// the last scale applied (1000 for ثلاثة آلاف), 0 if none
    scale: u64,
}

impl Num {
    fn int(end: usize, v: u64, ord: bool, scale: u64) -> Num {
        Num { end, v: v as f64, int: Some(v), ord, scale }
    }
}

/// A part below a thousand read from words.
struct Small {
    v: u64,
    end: usize,
    ord: bool,
    /// an ordinal only by its article (العشرين، الأحد عشر): a definite
    /// cardinal before a scale word (الخمسين ألف)
    art_card: bool,
}

enum Elem {
    Digits,
    Word(Hit),
}

struct Cx<'a> {
    t: &'a [Token],
    norm: &'a str,
    tab: &'static Table,
}

impl<'a> Cx<'a> {
    #[inline]
    fn w(&self, i: usize) -> &'a str {
        self.t[i].norm(self.norm)
    }

    #[inline]
    fn is(&self, i: usize, s: &str) -> bool {
        i < self.t.len() && self.w(i) == s
    }

    #[inline]
    fn is_num(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    #[inline]
    fn hit(&self, i: usize) -> Option<Hit> {
        let t = self.t.get(i)?;
        if t.kind != TokenKind::Arabic {
            return None;
        }
        let w = t.norm(self.norm);
        if w.len() > self.tab.max_len {
            return None;
        }
        self.tab.map.get(w).copied()
    }

    /// A hit without proclitic or article.
    #[inline]
    fn bare(&self, i: usize) -> Option<Hit> {
        self.hit(i).filter(|h| h.pre == 0 && !h.art)
    }

    /// The element after a conjunction و at `j`: a separate و token then a
    /// number or a bare word, or a word carrying و.
    fn conj(&self, j: usize) -> Option<(usize, Elem)> {
        if j >= self.t.len() {
            return None;
        }
        if self.t[j].kind == TokenKind::Arabic && self.w(j) == "و" {
            let k = j + 1;
            if self.is_num(k) {
                return Some((k, Elem::Digits));
            }
            let h = self.hit(k).filter(|h| h.pre == 0)?;
            return Some((k, Elem::Word(h)));
        }
        let h = self.hit(j).filter(|h| h.wa)?;
        Some((j, Elem::Word(h)))
    }

    /// unit + عشر (teen) or unit + و + tens, after a unit `u` at `i`.
    fn unit_compound(&self, i: usize, u: u64, head: bool) -> Option<(u64, usize)> {
        if !(1..=9).contains(&u) {
            return None;
        }
        if head || u >= 3 {
            if let Some(n) = self.bare(i + 1) {
                if n.e.f & TAIL != 0 {
                    return Some((10 + u, i + 2));
                }
            }
        }
        if let Some((k, Elem::Word(h))) = self.conj(i + 1) {
            if h.e.cls == Cls::Tens {
                return Some((u + h.e.v, k + 1));
            }
        }
        None
    }

    /// 1–99 in words at `k`, indefinite (a part after a hundred).
    fn rest99(&self, k: usize, h: Hit) -> Option<(u64, usize)> {
        if h.art {
            return None;
        }
        match h.e.cls {
            Cls::Unit if h.e.v >= 1 => Some(self.unit_compound(k, h.e.v, false).unwrap_or((h.e.v, k + 1))),
            Cls::Head => self.unit_compound(k, h.e.v, true),
            Cls::Teen | Cls::Tens => Some((h.e.v, k + 1)),
            _ => None,
        }
    }

    /// What follows a hundred: [و] 1–99 (the Egyptian form omits و).
    fn hundreds_tail(&self, j: usize, base: u64) -> (u64, usize) {
        if let Some((k, Elem::Word(h))) = self.conj(j) {
            if let Some((r, end)) = self.rest99(k, h) {
                return (base + r, end);
            }
        }
        if let Some(h) = self.bare(j) {
            if matches!(h.e.cls, Cls::Unit | Cls::Teen | Cls::Tens) && h.e.v >= 1 && h.e.f & TAIL == 0 {
                if let Some((r, end)) = self.rest99(j, h) {
                    return (base + r, end);
                }
            }
        }
        (base, j)
    }

    /// Whether token `e` (right after a number) makes it a date or a time:
    /// a month name, `:` or `/`.
    fn is_date_or_time(&self, e: usize) -> bool {
        e < self.t.len() && (matches!(self.w(e), ":" | "/") || MONTHS.contains(&self.w(e)))
    }

    fn prev_is_day(&self, i: usize) -> bool {
        i > 0 && matches!(self.w(i - 1), "يوم" | "ويوم" | "اليوم")
    }

    /// A number below a thousand (or an ordinal) in words at `i`.
    fn small(&self, i: usize, h: Hit) -> Option<Small> {
        let e = h.e;
        match e.cls {
            Cls::Hundreds | Cls::Hundred => {
                if h.art {
                    return None;
                }
                let (v, end) = self.hundreds_tail(i + 1, e.v);
                if end == i + 1 && e.f & NEEDS_MORE != 0 {
                    return None;
                }
                Some(Small { v, end, ord: false, art_card: false })
            }
            Cls::Unit | Cls::Head => {
                let head = e.cls == Cls::Head;
                if !h.art && !head && (3..=9).contains(&e.v) {
                    if let Some(n) = self.bare(i + 1) {
                        if n.e.cls == Cls::Hundred {
                            let (v, end) = self.hundreds_tail(i + 2, e.v * 100);
                            return Some(Small { v, end, ord: false, art_card: false });
                        }
                    }
                }
                if let Some((v, end)) = self.unit_compound(i, e.v, head) {
                    // a definite compound is an ordinal (الأحد عشر، الواحد والعشرون)
                    return Some(Small { v, end, ord: h.art, art_card: h.art });
                }
                if h.art && e.f & ART == 0 {
                    return None; // الاثنين، الأحد: weekdays
                }
                if e.f & WEEKDAY != 0 && self.prev_is_day(i) {
                    return None;
                }
                if head {
                    // احد/إحدى alone: "one of", never after a negation
                    let next_word = self.t.get(i + 1).is_some_and(|t| t.kind == TokenKind::Arabic);
                    let negated = (i.saturating_sub(3)..i).any(|k| NEGATIONS.contains(&self.w(k)));
                    if e.v != 1 || !next_word || negated {
                        return None;
                    }
                }
                Some(Small { v: e.v, end: i + 1, ord: false, art_card: false })
            }
            Cls::Teen if !h.art => Some(Small { v: e.v, end: i + 1, ord: false, art_card: false }),
            Cls::Tens => Some(Small { v: e.v, end: i + 1, ord: h.art, art_card: h.art }),
            Cls::Ord => self.ordinal(i, h),
            _ => None,
        }
    }

    fn ordinal(&self, i: usize, h: Hit) -> Option<Small> {
        let e = h.e;
        if e.f & FEM != 0 && !h.art {
            return None; // ثانية (a second), رابعة (Rabaa)
        }
        if !h.art && i > 0 && self.w(i - 1) == "ال" {
            return None; // آل ثاني
        }
        if e.v <= 9 {
            if let Some(n) = self.bare(i + 1) {
                if n.e.f & TAIL != 0 {
                    return Some(Small { v: 10 + e.v, end: i + 2, ord: true, art_card: false });
                }
            }
            if let Some((k, Elem::Word(t))) = self.conj(i + 1) {
                if t.e.cls == Cls::Tens {
                    return Some(Small { v: e.v + t.e.v, end: k + 1, ord: true, art_card: false });
                }
            }
        }
        if e.f & HEAD_ONLY != 0 {
            return None;
        }
        Some(Small { v: e.v, end: i + 1, ord: true, art_card: false })
    }

    /// A cardinal or ordinal number at `i` (digits or words), with its scale
    /// words and the parts joined after a scale (ثلاثة آلاف وخمسمائة).
    fn num(&self, i: usize) -> Option<Num> {
        let t = self.t.get(i)?;
        let mut n = if t.kind == TokenKind::Number {
            let (mant, fd) = parse_digits(self.w(i))?;
            dec_num(i + 1, mant, fd, 1)?
        } else {
            let h = self.hit(i)?;
            match h.e.cls {
                Cls::Scale(Form::Sing | Form::Dual) if !h.art => {
                    let unit = if let Cls::Scale(Form::Dual) = h.e.cls { h.e.v / 2 } else { h.e.v };
                    Num::int(i + 1, h.e.v, false, unit)
                }
                Cls::Scale(_) | Cls::Vague | Cls::Qual => return None,
                _ => {
                    let s = self.small(i, h)?;
                    let scaled = s.art_card
                        && self.bare(s.end).is_some_and(|x| matches!(x.e.cls, Cls::Scale(Form::Sing | Form::Plural)));
                    Num::int(s.end, s.v, s.ord && !scaled, 0)
                }
            }
        };
        if n.ord {
            return Some(n);
        }
        // scale word after the number: 3 آلاف، خمسة ملايين، 1.5 مليار
        if n.scale == 0 && n.v > 0.0 {
            if let Some(h) = self.bare(n.end) {
                if let Cls::Scale(Form::Sing | Form::Plural) = h.e.cls {
                    let (mant, fd) = to_dec(&n)?;
                    n = dec_num(n.end + 1, mant, fd, h.e.v)?;
                }
            }
        }
        // a smaller part after a scale: مليون و200 ألف، ألف وخمسمائة
        if n.scale > 0 {
            if let (Some(int), Some((k, el))) = (n.int, self.conj(n.end)) {
                let sub = match el {
                    Elem::Digits => self.num(k),
                    Elem::Word(h) if !h.art => self.num(k),
                    Elem::Word(_) => None,
                };
                if let Some(sub) = sub {
                    if let Some(s) = sub.int.filter(|s| !sub.ord && *s > 0 && *s < n.scale) {
                        n = Num::int(sub.end, int + s, false, sub.scale.max(1));
                    }
                }
            }
        } else if let Some(int) = n.int {
            // decimal in words: 1 فاصلة 5، واحد فاصلة واحد
            if self.is(n.end, "فاصله") {
                let k = n.end + 1;
                let frac = if self.is_num(k) {
                    let w = self.w(k);
                    w.bytes().all(|b| b.is_ascii_digit()).then(|| (w.parse::<u64>().ok(), w.len(), k + 1))
                } else {
                    self.bare(k).and_then(|h| self.small(k, h)).filter(|s| !s.ord).map(|s| {
                        let digits = s.v.max(1).ilog10() as usize + 1;
                        (Some(s.v), digits, s.end)
                    })
                };
                if let Some((Some(f), digits, end)) = frac {
                    if digits <= 18 {
                        let v = (int as f64 * 10f64.powi(digits as i32) + f as f64) / 10f64.powi(digits as i32);
                        n = Num { end, v, int: None, ord: false, scale: 0 };
                    }
                }
            }
        }
        Some(n)
    }

    fn quantity(&self, tok: Range<usize>, val: Range<usize>, n: &Num, q: Qualifier) -> Quantity {
        let span = Span::new(self.t[tok.start].span.start, self.t[tok.end - 1].span.end);
        let (kind, qualifier, min, max) = if n.ord {
            (QuantityKind::Ordinal, Qualifier::Exact, None, None)
        } else {
            let m = n.int;
            let (min, max) = match q {
                Qualifier::AtLeast => (m, None),
                Qualifier::UpTo => (None, m),
                _ => (m, m),
            };
            (QuantityKind::Cardinal, q, min, max)
        };
        Quantity { tokens: tok, span, value_tokens: val, kind, value: n.v, min, max, qualifier }
    }

    fn range(&self, start: usize, vstart: usize, a: &Num, b: &Num) -> Option<Quantity> {
        let (mut lo, hi) = (a.int?, b.int?);
        if a.ord || b.ord {
            return None;
        }
        // بين 3 و5 آلاف: the scale of the second number applies to the first
        if b.scale > 1 && a.scale == 0 && lo.saturating_mul(b.scale) < hi {
            lo *= b.scale;
        }
        if lo >= hi {
            return None;
        }
        let span = Span::new(self.t[start].span.start, self.t[b.end - 1].span.end);
        Some(Quantity {
            tokens: start..b.end,
            span,
            value_tokens: vstart..b.end,
            kind: QuantityKind::Cardinal,
            value: lo as f64,
            min: Some(lo),
            max: Some(hi),
            qualifier: Qualifier::Range,
        })
    }

    /// A trailing qualifier after a number, possibly after its noun:
    /// `43 على الأقل`، `43 شخصا على الأقل`، `30 قتيلا تقريبا`، `18 عاما فأكثر`.
    fn trailing(&self, end: usize) -> Option<(Qualifier, usize)> {
        for k in [end, end + 1] {
            if k == end + 1 {
                let noun = self.t.get(end).is_some_and(|t| t.kind == TokenKind::Arabic) && self.hit(end).is_none();
                if !noun {
                    break;
                }
            }
            if self.is(k, "علي") && self.is(k + 1, "الاقل") {
                return Some((Qualifier::AtLeast, k + 2));
            }
            if self.is(k, "تقريبا") {
                return Some((Qualifier::About, k + 1));
            }
            if self.is(k, "فاكثر") {
                return Some((Qualifier::AtLeast, k + 1));
            }
            if self.is(k, "او") && self.is(k + 1, "اكثر") {
                return Some((Qualifier::AtLeast, k + 2));
            }
        }
        None
    }

    /// A number at `i` with what may follow it: a range (`10-15`، `10 إلى
    /// 15`، `ثلاثة أو أربعة`) or a trailing qualifier.
    fn plain(&self, i: usize) -> Option<Quantity> {
        let n = self.num(i)?;
        if n.ord {
            return Some(self.quantity(i..n.end, i..n.end, &n, Qualifier::Exact));
        }
        let e = n.end;
        // 10-15, but not a dashed date (2024-03-15)
        let dash = self.is(e, "-")
            && self.t[i].kind == TokenKind::Number
            && self.is_num(e + 1)
            && !(i > 0 && self.is(i - 1, "-"))
            && !(self.is(e + 2, "-") && self.is_num(e + 3));
        let or = self.is(e, "او");
        if dash || or || self.is(e, "الي") {
            if let Some(b) = self.num(e + 1) {
                // ثلاثة أو أربعة is a range; 200 أو 600 two alternatives
                let close = !or || matches!((n.int, b.int), (Some(a), Some(b)) if b <= a.saturating_mul(2));
                if let Some(q) = self.range(i, i, &n, &b).filter(|_| close) {
                    return Some(q);
                }
            }
        }
        if let Some((q, end)) = self.trailing(e) {
            return Some(self.quantity(i..end, i..e, &n, q));
        }
        Some(self.quantity(i..e, i..e, &n, Qualifier::Exact))
    }

    /// A qualifier phrase or a range opener at `i`, then a number.
    fn qualified(&self, i: usize, h: Hit) -> Option<Quantity> {
        let stem = &self.w(i)[h.pre as usize..];
        // ranges: بين 10 و15، ما بين 10 إلى 15، من 10 إلى 15
        let open = match stem {
            "بين" => Some(i + 1),
            "ما" if self.is(i + 1, "بين") => Some(i + 2),
            "من" => Some(i + 1),
            _ => None,
        };
        if let Some(k) = open {
            let a = self.num(k)?;
            let b = if stem == "من" {
                (self.is(a.end, "الي") || self.is(a.end, "حتي")).then(|| self.num(a.end + 1)).flatten()
            } else if self.is(a.end, "الي") {
                self.num(a.end + 1)
            } else {
                match self.conj(a.end) {
                    Some((k2, Elem::Digits)) => self.num(k2),
                    Some((k2, Elem::Word(_))) => self.num(k2),
                    None => None,
                }
            };
            return self.range(i, k, &a, &b?);
        }
        for (words, q) in PHRASES {
            if words[0] != stem || !words[1..].iter().enumerate().all(|(j, w)| self.is(i + 1 + j, w)) {
                continue;
            }
            let k = i + words.len();
            let n = self.num(k)?;
            if n.ord || (words[0] == "حتي" && (is_year(self.w(k)) || self.is_date_or_time(n.end))) {
                return None; // حتى 2020، حتى 15 حزيران، حتى 14:00: until a date or time
            }
            return Some(self.quantity(i..n.end, k..n.end, &n, *q));
        }
        None
    }

    /// A vague quantity at `i`: عشرات، مئات الآلاف، بضعة، عدة، عدد من، آلاف.
    fn vague(&self, i: usize, h: Hit) -> Option<Quantity> {
        let mut v = h.e.v;
        let mut end = i + 1;
        if h.e.f & NEEDS_NOUN != 0 && !self.t.get(end).is_some_and(|t| t.kind == TokenKind::Arabic) {
            return None;
        }
        if h.e.f & NEEDS_MIN != 0 {
            if !self.is(end, "من") || h.art {
                return None;
            }
            end += 1;
        } else if let Some(s) = self.hit(end).filter(|s| s.pre == 0) {
            // عشرات الآلاف، بضع مئات، مئات الملايين
            let scale = match s.e.cls {
                Cls::Scale(Form::Plural) => s.e.v,
                Cls::Vague if s.e.v == 100 => 100,
                _ => 1,
            };
            if scale > 1 && scale > v {
                v *= scale;
                end += 1;
            }
        }
        let span = Span::new(self.t[i].span.start, self.t[end - 1].span.end);
        Some(Quantity {
            tokens: i..end,
            span,
            value_tokens: i..end,
            kind: QuantityKind::Vague,
            value: v as f64,
            min: Some(v),
            max: None,
            qualifier: Qualifier::Vague,
        })
    }

    /// `-5` or `.77` (a sign or point before digits, not between numbers).
    fn signed(&self, i: usize) -> Option<Quantity> {
        let w = self.w(i);
        if w != "-" && w != "." {
            return None;
        }
        let free = i == 0 || (self.t[i].space_before && self.t[i - 1].kind != TokenKind::Number);
        if !free || !self.is_num(i + 1) || self.t[i + 1].space_before {
            return None;
        }
        let n = if w == "-" {
            let n = self.num(i + 1)?;
            Num { v: -n.v, int: None, ..n }
        } else {
            let d = self.w(i + 1);
            if !d.bytes().all(|b| b.is_ascii_digit()) || d.len() > 18 {
                return None;
            }
            let mant: u64 = d.parse().ok()?;
            Num { end: i + 2, v: mant as f64 / 10f64.powi(d.len() as i32), int: None, ord: false, scale: 0 }
        };
        Some(self.quantity(i..n.end, i..n.end, &n, Qualifier::Exact))
    }

    fn at(&self, i: usize) -> Option<Quantity> {
        match self.t[i].kind {
            TokenKind::Number => self.plain(i),
            TokenKind::Punct => self.signed(i),
            TokenKind::Arabic => {
                let h = self.hit(i)?;
                match h.e.cls {
                    Cls::Qual => self.qualified(i, h),
                    Cls::Vague | Cls::Scale(Form::Plural) => self.vague(i, h),
                    _ => self.plain(i),
                }
            }
            _ => None,
        }
    }
}

/// A plain four-digit year (1900–2100).
fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// `mant / 10^fd` as a number, times `mult`.
fn dec_num(end: usize, mant: u128, fd: u32, mult: u64) -> Option<Num> {
    let p = 10u128.checked_pow(fd)?;
    let m = mant.checked_mul(mult as u128)?;
    let int = (m % p == 0).then(|| u64::try_from(m / p).ok()).flatten();
    let v = m as f64 / p as f64;
    Some(Num { end, v, int, ord: false, scale: if mult > 1 { mult } else { 0 } })
}

fn to_dec(n: &Num) -> Option<(u128, u32)> {
    if let Some(i) = n.int {
        return Some((i as u128, 0));
    }
    // a decimal read from digits: recover mantissa and places (1.5 → 15, 1)
    for fd in 1..=9u32 {
        let m = n.v * 10f64.powi(fd as i32);
        if (m - m.round()).abs() < 1e-6 && m >= 0.0 {
            return Some((m.round() as u128, fd));
        }
    }
    None
}

/// Whether every group after the first has three digits and the first one
/// to three (`1,000,000`).
fn groups_of_three(s: &[u8], sep: u8) -> bool {
    let mut parts = s.split(|&b| b == sep);
    let first = parts.next().map_or(0, <[u8]>::len);
    (1..=3).contains(&first) && parts.all(|p| p.len() == 3)
}

/// Reads a number token (`43`, `1,000`, `3.5`, `100,000.0`) as a mantissa
/// and a count of decimal places.
fn parse_digits(s: &str) -> Option<(u128, u32)> {
    let b = s.as_bytes();
    if b.len() > 36 {
        return None;
    }
    let commas = b.iter().filter(|&&c| c == b',').count();
    let dots = b.iter().filter(|&&c| c == b'.').count();
    let dec: Option<u8> = if commas > 0 && dots > 0 {
        let last = *b.iter().rev().find(|&&c| c == b',' || c == b'.')?;
        let (n, other) = if last == b'.' { (dots, b',') } else { (commas, b'.') };
        let int_part = &b[..b.iter().rposition(|&c| c == last)?];
        if n > 1 || !groups_of_three(int_part, other) {
            return None;
        }
        Some(last)
    } else if dots == 1 {
        Some(b'.')
    } else if dots > 1 {
        if !groups_of_three(b, b'.') {
            return None; // 12.05.2023: a date
        }
        None
    } else if commas > 0 {
        if groups_of_three(b, b',') {
            None
        } else if commas == 1 {
            Some(b',')
        } else {
            return None;
        }
    } else {
        None
    };
    let mut mant: u128 = 0;
    let mut fd = 0u32;
    let mut after = false;
    for &c in b {
        if c.is_ascii_digit() {
            mant = mant.checked_mul(10)?.checked_add((c - b'0') as u128)?;
            if after {
                fd += 1;
            }
        } else if Some(c) == dec {
            after = true;
        }
    }
    Some((mant, fd))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TextLayer;

    fn qs(s: &str) -> Vec<Quantity> {
        TextLayer::default().analyze(s).quantities
    }

    /// The single quantity of `s`, with its covered text.
    fn one(s: &str) -> (Quantity, String) {
        let q = qs(s);
        assert_eq!(q.len(), 1, "{s}: {q:?}");
        let text = q[0].span.slice(s).to_string();
        (q[0].clone(), text)
    }

    fn card(s: &str) -> f64 {
        let (q, _) = one(s);
        assert_eq!(q.kind, QuantityKind::Cardinal, "{s}");
        q.value
    }

    #[test]
    fn digits_and_scales() {
        let a = TextLayer::default().analyze("قتل ٢٥ شخصاً");
        assert_eq!(a.quantities.len(), 1);
        let q = &a.quantities[0];
        assert_eq!((q.value, q.min, q.max, q.qualifier), (25.0, Some(25), Some(25), Qualifier::Exact));
        assert_eq!(q.span.slice(a.original), "٢٥");
        assert_eq!(card("ب12 تشكيلا"), 12.0);
        assert_eq!(card("نزح 1,000 شخص"), 1000.0);
        assert_eq!(card("3.5 كم"), 3.5);
        assert_eq!(card("نزوح 3 آلاف شخص"), 3000.0);
        assert_eq!(card("5 ملايين دولار"), 5_000_000.0);
        assert_eq!(card("2 مليون"), 2_000_000.0);
        let (q, t) = one("خسائر بـ1.5 مليار دولار");
        assert_eq!((q.value, q.min, t.as_str()), (1.5e9, Some(1_500_000_000), "1.5 مليار"));
        assert_eq!(card("٣٬٠٠٠٬٠٠٠٫٠٠"), 3e6);
        assert_eq!(card("مليون و200 ألف نازح"), 1_200_000.0);
        let (q, _) = one("3.5");
        assert_eq!((q.min, q.max), (None, None), "a decimal has no integer bounds");
        assert!(qs("في 12.05.2023").is_empty(), "a dotted date is no number");
        assert!(qs("2024-03-15").iter().all(|q| q.qualifier != Qualifier::Range), "a dashed date is no range");
        assert_eq!(one("حتى 2020").0.qualifier, Qualifier::Exact, "until a year");
        assert_eq!(qs("حتى 15 حزيران")[0].qualifier, Qualifier::Exact, "until a date");
        assert_eq!(qs("حتى 14:00")[0].qualifier, Qualifier::Exact, "until a time");
        assert_eq!(one("ليصل إلى 403 قتلى").0.qualifier, Qualifier::Exact, "bringing the toll to 403");
        assert_eq!(card("الخمسين ألف صفحة"), 50_000.0);
        assert_eq!(qs("ليس 200 أو 600").len(), 2, "alternatives, not a range");
    }

    #[test]
    fn number_words() {
        assert_eq!(card("سبعة عناصر"), 7.0);
        assert_eq!(card("ثلاثة وأربعين"), 43.0);
        assert_eq!(card("خمس وعشرون"), 25.0);
        assert_eq!(card("مقتل وثلاثة جنود"), 3.0);
        assert_eq!(card("بخمسة صواريخ"), 5.0);
        assert_eq!(card("لعشرين يوما"), 20.0);
        assert_eq!(card("أحد عشر قتيلا"), 11.0);
        assert_eq!(card("إحدى عشرة"), 11.0);
        assert_eq!(card("اثنا عشر"), 12.0);
        assert_eq!(card("اثني عشر مسلحا"), 12.0);
        assert_eq!(card("تسعة عشر"), 19.0);
        assert_eq!(card("اثنين"), 2.0);
        assert_eq!(card("مئتي شخص"), 200.0);
        assert_eq!(card("مائة وخمسون"), 150.0);
        assert_eq!(card("ثلاثمئة"), 300.0);
        assert_eq!(card("ثلاث مئة وعشرة"), 310.0);
        assert_eq!(card("ألفين"), 2000.0);
        assert_eq!(card("ألف"), 1000.0);
        assert_eq!(card("خمسة آلاف"), 5000.0);
        assert_eq!(card("ثلاثة آلاف وخمسمائة"), 3500.0);
        assert_eq!(card("عشرين ألفا"), 20000.0);
        assert_eq!(card("مئة ألف"), 100_000.0);
        assert_eq!(card("تسعمائة وتسعة وتسعون ألفا وتسعمائة وتسعة وتسعون"), 999_999.0);
        assert_eq!(card("سبعا"), 7.0);
        // Egyptian
        assert_eq!(card("تلتمية وخمسين"), 350.0);
        assert_eq!(card("متين واحد وعشرين"), 221.0);
        assert_eq!(card("اتنين مليون"), 2e6);
    }

    #[test]
    fn words_that_only_look_like_numbers() {
        for s in ["يوم الاثنين", "الثلاثاء", "الأربعاء الماضي", "يوم الأحد", "الخميس", "يوم اثنين", "آل ثاني", "بعد ثانية"]
        {
            assert!(qs(s).is_empty(), "{s}: {:?}", qs(s));
        }
        assert!(qs("لم يعلن أحد مسؤوليته").is_empty());
        assert!(qs("اقتصاد متين").is_empty());
        assert!(qs("وعده الرئيس بعده").is_empty());
        // أحد before a noun: one of them
        let (q, _) = one("مقتل أحد عناصر الأمن");
        assert_eq!(q.value, 1.0);
    }

    #[test]
    fn ordinals() {
        let (q, t) = one("للمرة الرابعة");
        assert_eq!((q.kind, q.value, q.min, t.as_str()), (QuantityKind::Ordinal, 4.0, None, "الرابعة"));
        for (s, v) in [
            ("الأول", 1.0),
            ("الأولى", 1.0),
            ("للمرة الثالثة", 3.0),
            ("الحادي عشر", 11.0),
            ("الحادية عشرة", 11.0),
            ("الثاني عشر", 12.0),
            ("العاشرة", 10.0),
            ("العشرين", 20.0),
            ("الحادي والعشرين", 21.0),
            ("الخامس و العشرون", 25.0),
            ("ثالث", 3.0),
            ("لأول مرة", 1.0),
        ] {
            let (q, _) = one(s);
            assert_eq!((q.kind, q.value), (QuantityKind::Ordinal, v), "{s}");
        }
        // a definite unit is a cardinal
        assert_eq!(card("الجنود الأربعة"), 4.0);
    }

    #[test]
    fn vague_quantities() {
        for (s, v) in [
            ("عشرات القتلى", 10),
            ("قتل العشرات", 10),
            ("مئات الجرحى", 100),
            ("آلاف النازحين", 1000),
            ("بضعة أشخاص", 3),
            ("عدة صواريخ", 3),
            ("عدد من المسلحين", 3),
            ("عشرات الآلاف", 10_000),
            ("بضع مئات", 300),
        ] {
            let (q, _) = one(s);
            assert_eq!(
                (q.kind, q.qualifier, q.min, q.max),
                (QuantityKind::Vague, Qualifier::Vague, Some(v), None),
                "{s}"
            );
            assert_eq!(q.value, v as f64);
        }
        assert!(qs("عدد القتلى").is_empty());
    }

    #[test]
    fn qualifiers() {
        let s = "قتل ما لا يقل عن 43 مسلحاً";
        let a = TextLayer::default().analyze(s);
        let q = &a.quantities[0];
        assert_eq!((q.qualifier, q.min, q.max), (Qualifier::AtLeast, Some(43), None));
        assert_eq!(q.span.slice(s), "ما لا يقل عن 43");
        assert_eq!(q.value_tokens.len(), 1);
        assert_eq!(a.surface(q.value_tokens.start), "43");

        for (s, ql, min, max, text) in [
            ("نحو 30 قتيلاً", Qualifier::About, Some(30), Some(30), "نحو 30"),
            ("بنحو ثلاثين", Qualifier::About, Some(30), Some(30), "بنحو ثلاثين"),
            ("حوالى 20", Qualifier::About, Some(20), Some(20), "حوالى 20"),
            ("أكثر من 100 شخص", Qualifier::AtLeast, Some(100), None, "أكثر من 100"),
            ("لأكثر من 100", Qualifier::AtLeast, Some(100), None, "لأكثر من 100"),
            ("ما يزيد على خمسين", Qualifier::AtLeast, Some(50), None, "ما يزيد على خمسين"),
            ("على الأقل 5", Qualifier::AtLeast, Some(5), None, "على الأقل 5"),
            ("43 على الأقل", Qualifier::AtLeast, Some(43), None, "43 على الأقل"),
            ("قتل 43 شخصا على الأقل", Qualifier::AtLeast, Some(43), None, "43 شخصا على الأقل"),
            ("30 قتيلا تقريبا", Qualifier::About, Some(30), Some(30), "30 قتيلا تقريبا"),
            ("ما يصل إلى 200", Qualifier::UpTo, None, Some(200), "ما يصل إلى 200"),
            ("قد يصل إلى 40 مختطفا", Qualifier::UpTo, None, Some(40), "قد يصل إلى 40"),
            ("حتى 50 شخصا", Qualifier::UpTo, None, Some(50), "حتى 50"),
            ("بين 10 و15 قتيلا", Qualifier::Range, Some(10), Some(15), "بين 10 و15"),
            ("من 10 إلى 15", Qualifier::Range, Some(10), Some(15), "من 10 إلى 15"),
            ("10-15 قتيلا", Qualifier::Range, Some(10), Some(15), "10-15"),
            ("ثلاثة أو أربعة", Qualifier::Range, Some(3), Some(4), "ثلاثة أو أربعة"),
            ("ما بين 3 و5 آلاف", Qualifier::Range, Some(3000), Some(5000), "ما بين 3 و5 آلاف"),
            ("بين عشرة وخمسة عشر", Qualifier::Range, Some(10), Some(15), "بين عشرة وخمسة عشر"),
        ] {
            let (q, t) = one(s);
            assert_eq!((q.qualifier, q.min, q.max, t.as_str()), (ql, min, max, text), "{s}");
        }
        // a qualifier word without a number is nothing
        assert!(qs("نحو الحدود").is_empty());
        // two numbers joined by و without a scale stay apart
        assert_eq!(qs("قتل 5 و7 جرحى").len(), 2);
    }

    #[test]
    fn signs_and_points() {
        assert_eq!(card("-1200000"), -1_200_000.0);
        assert_eq!(card(".77"), 0.77);
        assert_eq!(card("1 فاصلة 5"), 1.5);
        assert_eq!(qs("قتل 43. وأصاب").len(), 1);
    }
}
