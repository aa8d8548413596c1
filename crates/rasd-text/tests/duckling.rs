//! Duckling's Arabic numeral and ordinal corpora as an external test of
//! `numbers` (BSD licence: see tests/data/duckling-LICENSE).
//!
//! An example passes when the text layer finds exactly one quantity, covering
//! every non-punctuation token of the example, with the expected value (and
//! kind `Ordinal` for the ordinal corpus, `Cardinal` for the numeral ones).
//!
//! The full corpora live in the shared data folder and are skipped when it is
//! absent; `tests/data/duckling_subset.tsv` is tested always.

use rasd_text::{QuantityKind, TextLayer, TokenKind};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Numeral,
    Ordinal,
}

struct Example {
    kind: Kind,
    value: f64,
    text: String,
}

/// Parses `examples (NumeralValue 17) [ "17", "سبعة عشر" ]` blocks of a
/// Duckling corpus source.
fn parse_corpus(src: &str, kind: Kind) -> Vec<Example> {
    let tag = match kind {
        Kind::Numeral => "examples (NumeralValue ",
        Kind::Ordinal => "examples (OrdinalData ",
    };
    let mut out = Vec::new();
    let mut value: Option<f64> = None;
    for line in src.lines() {
        if let Some(at) = line.find(tag) {
            let rest = &line[at + tag.len()..];
            let num: String = rest.chars().filter(|c| c.is_ascii_digit() || *c == '.' || *c == '-').collect();
            value = Some(num.parse().unwrap_or_else(|_| panic!("bad value in {line}")));
            continue;
        }
        let Some(v) = value else { continue };
        let t = line.trim();
        if t.starts_with(']') {
            value = None;
            continue;
        }
        if let (Some(a), Some(b)) = (t.find('"'), t.rfind('"')) {
            if b > a {
                out.push(Example { kind, value: v, text: t[a + 1..b].to_string() });
            }
        }
    }
    out
}

/// Why the example fails, or None when it passes.
fn check(layer: &TextLayer, ex: &Example) -> Option<String> {
    let a = layer.analyze(&ex.text);
    let got: Vec<String> =
        a.quantities.iter().map(|q| format!("{:?} {} [{}]", q.kind, q.value, q.span.slice(&ex.text))).collect();
    if a.quantities.len() != 1 {
        return Some(format!("{} quantities: {got:?}", a.quantities.len()));
    }
    let q = &a.quantities[0];
    let covers = (0..a.tokens.len()).filter(|&i| a.tokens[i].kind != TokenKind::Punct).all(|i| q.tokens.contains(&i));
    if !covers {
        return Some(format!("does not cover the example: {got:?}"));
    }
    if (q.value - ex.value).abs() > 1e-9 * ex.value.abs().max(1.0) {
        return Some(format!("value {} ≠ {}: {got:?}", q.value, ex.value));
    }
    let want = match ex.kind {
        Kind::Numeral => QuantityKind::Cardinal,
        Kind::Ordinal => QuantityKind::Ordinal,
    };
    if q.kind != want {
        return Some(format!("kind {:?} ≠ {want:?}", q.kind));
    }
    None
}

/// Runs a set of examples; prints the pass rate and failures; returns
/// (passed, total).
fn run(name: &str, examples: &[Example]) -> (usize, usize) {
    let layer = TextLayer::default();
    let mut passed = 0;
    let mut failures = Vec::new();
    for ex in examples {
        match check(&layer, ex) {
            None => passed += 1,
            Some(why) => failures.push(format!("  {:?} {} «{}»: {why}", ex.kind, ex.value, ex.text)),
        }
    }
    let total = examples.len();
    println!("{name}: {passed}/{total} ({:.1}%)", 100.0 * passed as f64 / total.max(1) as f64);
    for f in &failures {
        println!("{f}");
    }
    (passed, total)
}

#[test]
fn duckling_corpora() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/external-tests/duckling-ar/");
    if !dir.is_dir() {
        println!("skipped: no Duckling corpora at {}", dir.display());
        return;
    }
    let mut passed = 0;
    let mut total = 0;
    for (file, kind) in [
        ("Numeral_AR_Corpus.hs", Kind::Numeral),
        ("Numeral_AR_EG_Corpus.hs", Kind::Numeral),
        ("Ordinal_AR_Corpus.hs", Kind::Ordinal),
    ] {
        let src = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let examples = parse_corpus(&src, kind);
        assert!(examples.len() > 20, "{file}: only {} examples parsed", examples.len());
        let (p, t) = run(file, &examples);
        passed += p;
        total += t;
    }
    let rate = passed as f64 / total as f64;
    println!("Numeral+Ordinal: {passed}/{total} ({:.1}%)", 100.0 * rate);
    assert!(rate >= 0.95, "Duckling pass rate {:.1}% < 95%", 100.0 * rate);
}

#[test]
fn duckling_subset() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/duckling_subset.tsv");
    let src = std::fs::read_to_string(&path).expect("duckling_subset.tsv");
    let examples: Vec<Example> = src
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("kind\t"))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 3, "bad line {l:?}");
            let kind = match f[0] {
                "numeral" => Kind::Numeral,
                "ordinal" => Kind::Ordinal,
                k => panic!("bad kind {k}"),
            };
            Example { kind, value: f[1].parse().expect("value"), text: f[2].to_string() }
        })
        .collect();
    assert!(examples.len() >= 50);
    let (passed, total) = run("duckling_subset.tsv", &examples);
    assert_eq!(passed, total, "every example of the subset must pass");
}
