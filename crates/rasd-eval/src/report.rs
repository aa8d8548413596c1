//! Markdown error reports a developer can fix from: per error, the document, the sentence the
//! record came from, what rasd produced and what the gold says.

use crate::detect::{DetectCase, DetectResult};
use crate::gold::{DateWant, FatalitiesWant, GoldItem, PlaceWant};
use crate::json::Json;
use crate::score::{DocResult, EvalResult, IssueKind};
use std::collections::HashMap;
use std::fmt::Write as _;

/// Renders `result` as Markdown: the summary, field accuracy and, document by document, every
/// error with the evidence sentence (from `docs`, document id → original text, when given; else
/// the record's own `evidence.text`), the record's fields and explanation, and the gold item.
pub fn render_report(result: &EvalResult, docs: Option<&HashMap<String, String>>) -> String {
    let mut out = String::from("# rasd eval report\n\n");
    let _ = writeln!(out, "`{}`\n", result.summary_line());
    let _ = writeln!(out, "- documents: {}\n- gold items: {}", result.docs.len(), result.gold_count);
    let false_alarms = result.record_count - result.matched;
    let _ = writeln!(
        out,
        "- records counted: {} (matched {}, false alarms {false_alarms})",
        result.record_count, result.matched
    );
    let _ = writeln!(out, "- matched with every checked field right: {}\n", result.exact);

    let f = &result.fields;
    let _ = writeln!(out, "## Field accuracy on the {} matched pairs\n", f.pairs);
    out.push_str("| field | checked | right | accuracy |\n|---|---:|---:|---:|\n");
    for (name, t) in f.rows() {
        let acc = t.fraction().map_or_else(|| "–".to_string(), |x| format!("{:.1}%", 100.0 * x));
        let _ = writeln!(out, "| {name} | {} | {} | {acc} |", t.checked, t.correct);
    }
    out.push_str(
        "\nActors, date and scope (and place inside lat/lon ranges) are conditions of the match, so they hold on \
         every matched pair; a record that gets them wrong shows up below as MISSED plus UNEXPECTED.\n\n",
    );

    let counts = result.issue_counts();
    if counts.is_empty() {
        out.push_str("## Errors\n\nNone.\n");
        return out;
    }
    let list: Vec<String> = counts.iter().map(|(n, c)| format!("{c} {n}")).collect();
    let _ = writeln!(out, "## Errors: {} ({})\n", result.issue_count(), list.join(", "));
    for d in result.docs.iter().filter(|d| !d.issues.is_empty()) {
        render_doc(&mut out, d, docs.and_then(|m| m.get(&d.gold.doc_id)).map(String::as_str));
    }
    out
}

fn render_doc(out: &mut String, d: &DocResult, text: Option<&str>) {
    let _ = writeln!(out, "### {}\n", md(&d.gold.doc_id));
    let mut facts = vec![
        format!("{} records", d.records.len()),
        format!("{}/{} gold items found", d.matched, d.gold.gold.len()),
        format!("{} exact", d.correct),
    ];
    if let Some(p) = &d.gold.published {
        facts.insert(0, format!("published {p}"));
    }
    let _ = writeln!(out, "_{}_\n", facts.join(" · "));
    for (n, issue) in d.issues.iter().enumerate() {
        let _ = writeln!(out, "#### {}. {}\n", n + 1, md(&issue.line));
        match &issue.kind {
            IssueKind::Missed { item, closest } => {
                let it = &d.gold.gold[*item];
                bullet(out, "gold", &describe_gold(it));
                if closest.is_empty() {
                    bullet(out, "rasd", "no record for this document");
                }
                for m in closest {
                    let why = match m.taken_by {
                        Some(g) => format!("matches, but is assigned to: {}", d.gold.gold[g].label),
                        None => format!("fails: {}", m.failures.join("; ")),
                    };
                    bullet(out, &format!("closest record {}", code(&record_id(&d.records[m.record]))), &md(&why));
                    render_record(out, &d.records[m.record], text, "  ");
                }
            }
            IssueKind::Wrong { item, record, errors } => {
                bullet(out, "wrong", &md(&errors.join("; ")));
                render_record(out, &d.records[*record], text, "");
                bullet(out, "gold", &describe_gold(&d.gold.gold[*item]));
            }
            IssueKind::Forbidden { record, forbidden } => {
                let it = &d.gold.forbidden[*forbidden];
                bullet(out, "forbidden", &format!("{} ({})", md(&it.label), describe_gold(it)));
                render_record(out, &d.records[*record], text, "");
            }
            IssueKind::Duplicate { record, item } => {
                let it = &d.gold.gold[*item];
                let holder = d.assignment[*item].map(|r| record_id(&d.records[r]));
                let said = match holder {
                    Some(h) => format!("{} — already matched by {}", md(&it.label), code(&h)),
                    None => md(&it.label),
                };
                bullet(out, "second record for", &said);
                render_record(out, &d.records[*record], text, "");
                bullet(out, "gold", &describe_gold(it));
            }
            IssueKind::Unexpected { record } => {
                render_record(out, &d.records[*record], text, "");
                bullet(out, "gold", "no gold or optional item of this document matches it");
            }
            IssueKind::Total { got, want } => {
                let label = d.gold.totals.as_ref().map_or("", |t| t.label.as_str());
                bullet(
                    out,
                    "totals",
                    &format!("{}: event-scope minimums add up to {got}, gold says {want}", md(label)),
                );
                for rec in &d.records {
                    if let Some(n) = crate::rules::total_contribution(rec).filter(|n| n.to_f64() != 0.0) {
                        let _ = writeln!(out, "  - {} counts {}", code(&record_id(rec)), n.to_json());
                    }
                }
            }
        }
        out.push('\n');
    }
}

fn bullet(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "- **{key}:** {value}");
}

fn record_id(rec: &Json) -> String {
    crate::score::record_id(rec)
}

/// A record's fields, one bullet each, indented by `indent`, then its evidence sentence.
fn render_record(out: &mut String, rec: &Json, text: Option<&str>, indent: &str) {
    let s = |v: &Json| v.as_str().map(str::to_string);
    let mut head = format!(
        "{} / {}",
        s(&rec["event_type"]).unwrap_or_else(|| "?".into()),
        s(&rec["sub_event_type"]).unwrap_or_else(|| "?".into())
    );
    let plover = rec["plover"].dict_or_empty();
    if let Some(ev) = s(&plover["event"]) {
        let mode = s(&plover["mode"]).map(|m| format!(", {m}")).unwrap_or_default();
        let _ = write!(head, " ({ev}{mode})");
    }
    if let Some(c) = rec["confidence"].as_f64() {
        let _ = write!(head, ", confidence {c:.2}");
    }
    let _ = writeln!(out, "{indent}- **rasd {}:** {}", code(&record_id(rec)), md(&head));
    let sub = format!("{indent}  ");
    let line = |out: &mut String, k: &str, v: String| {
        let _ = writeln!(out, "{sub}- {k}: {}", md(&v));
    };

    let actor = |a: &Json| -> Option<String> {
        let a = a.dict_or_empty();
        let name = a["name"].as_str()?;
        Some(match a["text"].as_str() {
            Some(t) if !t.is_empty() => format!("{name} «{t}»"),
            _ => name.to_string(),
        })
    };
    let mut actors =
        [actor(&rec["actor1"]), actor(&rec["actor2"])].map(|a| a.unwrap_or_else(|| "–".into())).join(" → ");
    let assoc: Vec<String> = ["assoc_actor1", "assoc_actor2"]
        .iter()
        .flat_map(|k| rec[k].as_array().unwrap_or(&[]).iter().filter_map(actor))
        .collect();
    if !assoc.is_empty() {
        let _ = write!(actors, "; with {}", assoc.join(", "));
    }
    line(out, "actors", actors);

    let loc = rec["location"].dict_or_empty();
    let place = match loc["name"].as_str() {
        None => "none".to_string(),
        Some(name) => {
            let mut p = name.to_string();
            if let Some(t) = loc["text"].as_str().filter(|t| !t.is_empty()) {
                let _ = write!(p, " «{t}»");
            }
            if let Some(c) = loc["country"].as_str() {
                let _ = write!(p, ", {c}");
            }
            match (loc["lat"].as_f64(), loc["lon"].as_f64()) {
                (Some(la), Some(lo)) => {
                    let _ = write!(p, ", {la}, {lo}");
                }
                _ => p.push_str(", no coordinates"),
            }
            if let Some(k) = loc["offset_km"].as_f64() {
                let _ = write!(p, ", {k} km {}", loc["bearing"].as_str().unwrap_or("off"));
            }
            if let Some(g) = loc["geo_precision"].as_f64() {
                let _ = write!(p, " (geo precision {g})");
            }
            p
        }
    };
    line(out, "place", place);

    let date = rec["date"].dict_or_empty();
    let mut when = match (s(&date["start"]), s(&date["end"])) {
        (None, _) => "none".to_string(),
        (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
        (Some(a), _) => a,
    };
    if let Some(p) = date["time_precision"].as_f64() {
        let _ = write!(when, " (precision {p})");
    }
    if let Some(t) = date["text"].as_str() {
        let _ = write!(when, " «{t}»");
    }
    line(out, "date", when);

    let tol = &rec["fatalities"];
    let toll = match tol {
        Json::Object(_) => {
            let (min, max) = (&tol["min"], &tol["max"]);
            let range =
                if max.is_null() || max == min { min.py_str() } else { format!("{}–{}", min.py_str(), max.py_str()) };
            let mut t = format!("{range} ({})", tol["qualifier"].py_str());
            if let Some(x) = tol["text"].as_str() {
                let _ = write!(t, " «{x}»");
            }
            t
        }
        _ => "none".to_string(),
    };
    line(out, "toll", toll);

    let mut scope = s(&rec["scope"]).unwrap_or_else(|| "event".into());
    if let Some(c) = rec["count"].as_f64() {
        let _ = write!(scope, " ({c} happenings)");
    }
    line(out, "scope", scope);
    if let Some(src) = rec["reported_by"].dict_or_empty()["name"].as_str() {
        line(out, "reported by", src.to_string());
    }
    let explain = rec["explain"].dict_or_empty();
    if let Some(trigger) = explain["trigger"].as_str() {
        let rules: Vec<String> = explain["rules"].as_array().unwrap_or(&[]).iter().map(Json::py_str).collect();
        line(
            out,
            "trigger",
            format!("«{trigger}»; rules: {}", if rules.is_empty() { "–".into() } else { rules.join("; ") }),
        );
    }
    if let Some(q) = evidence_sentence(rec, text) {
        let _ = writeln!(out, "{sub}> {q}");
    }
}

/// The sentence around the record's evidence, Markdown-escaped, with the trigger (or, inside a
/// longer sentence, the evidence) in bold. From the document text when given and consistent with
/// the record's offsets, else the record's own `evidence.text`.
fn evidence_sentence(rec: &Json, text: Option<&str>) -> Option<String> {
    let ev = rec["evidence"].dict_or_empty();
    let ev_text = ev["text"].as_str();
    let span = |v: &Json| Some((v["start"].as_f64()? as usize, v["end"].as_f64()? as usize));
    let trigger = span(&rec["explain"].dict_or_empty()["trigger_span"]);
    if let Some(doc) = text {
        let chars: Vec<char> = doc.chars().collect();
        let slice =
            |(a, b): (usize, usize)| (a <= b && b <= chars.len()).then(|| chars[a..b].iter().collect::<String>());
        let at = span(ev).filter(|&sp| ev_text.is_none() || slice(sp).as_deref() == ev_text).or_else(|| {
            let t = ev_text.filter(|t| !t.is_empty())?;
            let byte = doc.find(t)?;
            let a = doc[..byte].chars().count();
            Some((a, a + t.chars().count()))
        });
        if let Some((a, b)) = at {
            let (s, e) = sentence_bounds(&chars, a, b);
            let mark = trigger.filter(|&(x, y)| s <= x && x < y && y <= e).or(((a, b) != (s, e)).then_some((a, b)));
            return Some(quote(&chars, s, e, mark));
        }
    }
    let t = ev_text?;
    let chars: Vec<char> = t.chars().collect();
    // Trigger offsets are document offsets; shift them into the evidence when both are known.
    let mark = match (trigger, span(ev)) {
        (Some((x, y)), Some((a, _))) if a <= x && y <= a + chars.len() && x < y => Some((x - a, y - a)),
        _ => None,
    };
    Some(quote(&chars, 0, chars.len(), mark))
}

/// Sentence boundaries around `[a, b)`: back to just after the previous `.`/`!`/`?`/`؟`/`۔` that is
/// followed by a space (or a line break), forward to and including the next one; at most 300
/// characters each way.
fn sentence_bounds(chars: &[char], a: usize, b: usize) -> (usize, usize) {
    let ends = |i: usize| {
        let c = chars[i];
        c == '\n'
            || (matches!(c, '.' | '!' | '?' | '؟' | '۔' | '…') && chars.get(i + 1).is_none_or(|n| n.is_whitespace()))
    };
    let mut s = a;
    while s > 0 && a - s < 300 && !ends(s - 1) {
        s -= 1;
    }
    while s < a && chars[s].is_whitespace() {
        s += 1;
    }
    let mut e = b.max(a);
    // The evidence usually ends with its own full stop; only look further when it does not.
    if e == a || !ends(e - 1) {
        while e < chars.len() && e - b < 300 && !ends(e) {
            e += 1;
        }
        if e < chars.len() && chars[e] != '\n' {
            e += 1;
        }
    }
    (s, e)
}

fn quote(chars: &[char], s: usize, e: usize, mark: Option<(usize, usize)>) -> String {
    let piece = |a: usize, b: usize| md(&chars[a..b].iter().collect::<String>());
    match mark {
        Some((x, y)) if s <= x && x < y && y <= e => {
            format!("{}**{}**{}", piece(s, x), piece(x, y).trim(), piece(y, e))
        }
        _ => piece(s, e),
    }
}

/// What a gold item asks for, in words.
fn describe_gold(it: &GoldItem) -> String {
    let mut parts = Vec::new();
    let js = |v: &Json| md(&v.py_str());
    match (&it.event_type, &it.event_type_in) {
        (Some(t), _) => parts.push(js(t)),
        (None, Some(list)) => {
            parts.push(format!("one of {}", list.iter().map(|v| md(&v.py_str())).collect::<Vec<_>>().join(", ")))
        }
        (None, None) => {}
    }
    if let Some(s) = &it.sub_event_type {
        parts.push(format!("/ {}", js(s)));
    }
    if let Some(p) = &it.plover_event {
        parts.push(format!("({})", js(p)));
    }
    let mut out = if parts.is_empty() { "any type".to_string() } else { parts.join(" ") };
    if !it.actors_all.is_empty() {
        let pats: Vec<String> = it.actors_all.iter().map(|p| code(&p.pattern)).collect();
        let _ = write!(out, "; actors: {}", pats.join(" and "));
    }
    if let Some(p) = &it.place {
        let _ = write!(out, "; place: {}", describe_place(p));
    }
    if let Some(d) = &it.date {
        let _ = write!(out, "; date: {}", describe_date(d));
    }
    if let Some(f) = &it.fatalities {
        let t = match f {
            FatalitiesWant::NoToll => "none".to_string(),
            FatalitiesWant::NullOrVague => "none or vague".to_string(),
            FatalitiesWant::Fields(kv) => {
                kv.iter().map(|(k, v)| format!("{k} {}", md(&v.py_str()))).collect::<Vec<_>>().join(", ")
            }
        };
        let _ = write!(out, "; toll: {t}");
    }
    if let Some(s) = &it.scope {
        let _ = write!(out, "; scope: {}", js(s));
    }
    out
}

fn describe_place(p: &PlaceWant) -> String {
    let mut parts = Vec::new();
    if let Some(c) = &p.country {
        parts.push(md(&c.py_str()));
    }
    if let Some((a, b)) = p.lat_range {
        parts.push(format!("lat {a}–{b}"));
    }
    if let Some((a, b)) = p.lon_range {
        parts.push(format!("lon {a}–{b}"));
    }
    if let Some((la, lo)) = p.near {
        parts.push(format!("within {} km of {la}, {lo}", p.radius_km()));
    }
    parts.join(", ")
}

fn describe_date(d: &DateWant) -> String {
    if let Some(y) = &d.not_year {
        return format!("in any year but {}", y.py_str());
    }
    let mut parts = Vec::new();
    if let Some(s) = &d.start {
        parts.push(format!("start {s}"));
    }
    if let Some(e) = &d.end {
        parts.push(format!("end {e}"));
    }
    if let Some((a, b)) = &d.start_between {
        parts.push(format!("start in {a} … {b}"));
    }
    if let Some((a, b)) = &d.end_between {
        parts.push(format!("end in {a} … {b}"));
    }
    if parts.is_empty() {
        "any (dated)".into()
    } else {
        parts.join(", ")
    }
}

/// Renders a detection result as Markdown: the summary line, then each false positive (with the
/// records that fired) and false negative (with what rasd produced instead), with the sentence
/// from `docs` or the GSR's `text`/`sentence` column.
pub fn render_detect_report(result: &DetectResult, docs: Option<&HashMap<String, String>>) -> String {
    let mut out = format!("# rasd detect report: {}\n\n`{}`\n\n", md(&result.event), result.summary_line());
    if result.ambiguous > 0 {
        let _ = writeln!(out, "{} ambiguous sentences skipped.\n", result.ambiguous);
    }
    let case = |out: &mut String, c: &DetectCase| {
        let id = c.row.id.as_deref().unwrap_or("");
        let label = c.row.label.as_deref().unwrap_or("(no label)");
        let _ = writeln!(out, "- {} ({}, line {})", code(id), md(label), c.row.line);
        let sentence = docs.and_then(|m| m.get(id)).or(c.row.text.as_ref());
        if let Some(t) = sentence {
            let _ = writeln!(out, "  > {}", md(t));
        }
        if c.records.is_empty() {
            let _ = writeln!(out, "  - rasd: no record");
        }
        for r in &c.records {
            let plover = r["plover"].dict_or_empty();
            let mut what = format!(
                "{} / {} ({})",
                r["event_type"].py_str(),
                r["sub_event_type"].py_str(),
                plover["event"].py_str()
            );
            if let Some(sc) = r["scope"].as_str().filter(|s| *s != "event") {
                let _ = write!(what, ", scope {sc}");
            }
            if let Some(t) = r["explain"].dict_or_empty()["trigger"].as_str() {
                let _ = write!(what, ", trigger «{t}»");
            }
            let _ = writeln!(out, "  - rasd {}: {}", code(&record_id(r)), md(&what));
        }
    };
    let _ = writeln!(out, "## False positives ({})\n", result.false_positives.len());
    result.false_positives.iter().for_each(|c| case(&mut out, c));
    let _ = writeln!(out, "\n## False negatives ({})\n", result.false_negatives.len());
    result.false_negatives.iter().for_each(|c| case(&mut out, c));
    if !result.unknown_labels.is_empty() {
        let _ = writeln!(
            out,
            "\n## Labels score.py does not know, counted as negatives ({})\n",
            result.unknown_labels.len()
        );
        for r in &result.unknown_labels {
            let _ = writeln!(
                out,
                "- line {}: {} labelled {}",
                r.line,
                code(r.id.as_deref().unwrap_or("")),
                code(r.label.as_deref().unwrap_or("(none)"))
            );
        }
    }
    out
}

/// Escapes what Markdown would read as markup, and folds line breaks.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// An inline code span that survives backticks in `s`.
fn code(s: &str) -> String {
    let mut run = 0;
    let mut longest = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') || s.is_empty() { " " } else { "" };
    format!("{fence}{pad}{s}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold::parse_gold;
    use crate::score::score_events;

    #[test]
    fn sentence_bounds_find_the_sentence() {
        let text: Vec<char> = "First one. Second has the event here. Third.".chars().collect();
        let a = 11 + 7; // "has"
        let (s, e) = sentence_bounds(&text, a, a + 3);
        assert_eq!(text[s..e].iter().collect::<String>(), "Second has the event here.");
        let u: Vec<char> = "Before. The 3.5 km road was hit. Next".chars().collect();
        let (s, e) = sentence_bounds(&u, 19, 23);
        assert_eq!(u[s..e].iter().collect::<String>(), "The 3.5 km road was hit.", "a dot inside a number is no end");
    }

    #[test]
    fn markdown_helpers() {
        assert_eq!(md("a*b_c\nd"), "a\\*b\\_c d");
        assert_eq!(code("x`y"), "``x`y``");
        assert_eq!(code("plain"), "`plain`");
    }

    #[test]
    fn report_shows_sentence_trigger_record_and_gold() {
        let doc = "Intro line. Gunmen killed 6 people in Sabha on Monday. Other text.";
        let g = parse_gold(
            r#"{"doc_id": "d1", "published": "2020-01-07", "gold": [{"label": "Sabha attack", "event_type": "Violence against civilians",
            "fatalities": {"min": 7}, "place": {"near": [27.03, 14.43], "km": 20}}]}"#,
            "t",
        )
        .unwrap();
        let start = doc.find("Gunmen").unwrap();
        let rec = Json::parse(&format!(
            r#"{{"id": "d1#1", "doc_id": "d1", "event_type": "Violence against civilians", "sub_event_type": "Attack",
            "plover": {{"event": "ASSAULT", "mode": "firearms"}}, "actor1": {{"name": "Unidentified Armed Group (Libya)", "text": "Gunmen"}},
            "actor2": {{"name": "Civilians (Libya)", "text": "people"}}, "location": {{"name": "Sabha", "text": "Sabha", "country": "LY", "lat": 27.03, "lon": 14.43}},
            "date": {{"start": "2020-01-06", "end": "2020-01-06", "time_precision": 1, "text": "Monday"}},
            "fatalities": {{"min": 6, "max": 6, "qualifier": "exact", "text": "6"}}, "scope": "event",
            "evidence": {{"start": {start}, "end": {}, "text": "Gunmen killed 6 people in Sabha on Monday."}},
            "explain": {{"trigger": "killed", "trigger_span": {{"start": {}, "end": {}}}, "rules": ["verb of killing"]}}}}"#,
            start + 42,
            start + 7,
            start + 13
        ))
        .unwrap();
        let res = score_events(&g, &[rec]);
        let docs = HashMap::from([("d1".to_string(), doc.to_string())]);
        let md = render_report(&res, Some(&docs));
        for want in [
            "#### 1. WRONG   Sabha attack: fatalities.min 6 != 7",
            "- **wrong:** fatalities.min 6 != 7",
            "- **rasd `d1#1`:** Violence against civilians / Attack (ASSAULT, firearms)",
            "  - actors: Unidentified Armed Group (Libya) «Gunmen» → Civilians (Libya) «people»",
            "  - toll: 6 (exact) «6»",
            "  - trigger: «killed»; rules: verb of killing",
            "  > Gunmen **killed** 6 people in Sabha on Monday.",
            "- **gold:** Violence against civilians; place: within 20 km of 27.03, 14.43; toll: min 7",
            "_published 2020-01-07 · 1 records · 1/1 gold items found · 0 exact_",
        ] {
            assert!(md.contains(want), "missing {want:?} in\n{md}");
        }
        // Without the document text the record's own evidence is quoted.
        let md2 = render_report(&res, None);
        assert!(md2.contains("  > Gunmen **killed** 6 people in Sabha on Monday."), "{md2}");
    }
}
