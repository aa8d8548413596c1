//! Reading documents: plain text and JSONL, with clear errors naming the input.

use anyhow::{bail, Context, Result};
use rasd_core::{CharIndex, Document};
use rasd_lexicon::Lexicon;
use rasd_text::Analysis;
use serde_json::{json, Value};
use std::io::Read;
use std::path::Path;

/// Decodes bytes as UTF-8, or replaces invalid sequences with `lossy`.
pub fn decode(buf: Vec<u8>, name: &str, lossy: bool) -> Result<String> {
    match String::from_utf8(buf) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            bail!("{name}: not valid UTF-8 (first bad byte at offset {at}); use --lossy to replace invalid bytes")
        }
    }
}

pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut buf).context("reading standard input")?;
    } else {
        buf = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    }
    Ok(buf)
}

pub fn read_text(path: &Path, lossy: bool) -> Result<String> {
    decode(read_bytes(path)?, &path.display().to_string(), lossy)
}

/// The documents of one input: a `.jsonl` file gives one per line (a bad
/// line is an error for that document only), anything else one document.
pub fn read_documents(
    path: &Path,
    published: Option<&str>,
    id: Option<&str>,
    lossy: bool,
) -> Result<Vec<Result<Document, String>>> {
    let name = path.display().to_string();
    let bytes = read_bytes(path)?;
    let is_jsonl = path.extension().is_some_and(|e| e == "jsonl" || e == "ndjson")
        || (path.as_os_str() == "-" && bytes.first() == Some(&b'{'));
    if !is_jsonl {
        let text = decode(bytes, &name, lossy)?;
        let id = id.map(str::to_string).unwrap_or_else(|| {
            path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "stdin".into())
        });
        return Ok(vec![Ok(Document { id, text, published: published.map(str::to_string), ..Default::default() })]);
    }
    let mut out = Vec::new();
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let line = match std::str::from_utf8(line) {
            Ok(l) => l.to_string(),
            Err(_) if lossy => String::from_utf8_lossy(line).into_owned(),
            Err(e) => {
                out.push(Err(format!("line {}: not valid UTF-8 (byte {})", n + 1, e.valid_up_to())));
                continue;
            }
        };
        out.push(parse_doc(&line).map_err(|e| format!("line {}: {e}", n + 1)));
    }
    Ok(out)
}

fn parse_doc(line: &str) -> Result<Document, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let obj = v.as_object().ok_or("not a JSON object")?;
    let s = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
    let text = s("text").ok_or("no \"text\" string")?;
    let id = s("id").or_else(|| obj.get("id").map(|v| v.to_string())).ok_or("no \"id\"")?;
    Ok(Document {
        id,
        text,
        published: s("published").or_else(|| s("time")).or_else(|| s("date")),
        source: s("source"),
        url: s("url"),
        title: s("title"),
        lang: s("lang"),
    })
}

/// The text layer's reading of a text, for `rasd analyze`.
pub fn analysis_json(lex: &Lexicon, a: &Analysis<'_>) -> Value {
    let ix = CharIndex::new(a.original);
    let cs = |s: rasd_core::Span| json!([ix.char_offset(a.original, s.start), ix.char_offset(a.original, s.end)]);
    let tokens: Vec<Value> = (0..a.tokens.len())
        .map(|i| {
            let t = &a.tokens[i];
            let norm = a.norm(i);
            let split = rasd_text::clitics::splits(norm)
                .filter(|s| lex.text.vocab().contains(s.stem) || lex.text.vocab().contains(&format!("ال{}", s.stem)))
                .last()
                .filter(|s| !s.pre.is_empty());
            json!({
                "i": i,
                "text": a.surface(i),
                "span": cs(t.span),
                "norm": norm,
                "kind": t.kind,
                "repaired": t.repaired,
                "clitics": split.map(|s| json!({"pre": s.pre, "stem": s.stem, "article": s.article})),
            })
        })
        .collect();
    let sentences: Vec<Value> = a
        .sentences
        .iter()
        .map(
            |s| json!({"span": cs(s.span), "tokens": [s.tokens.start, s.tokens.end], "text": s.span.slice(a.original)}),
        )
        .collect();
    let numbers: Vec<Value> = a
        .quantities
        .iter()
        .map(|q| {
            json!({"text": q.span.slice(a.original), "span": cs(q.span), "kind": q.kind, "value": q.value,
                   "min": q.min, "max": q.max, "qualifier": q.qualifier.as_str()})
        })
        .collect();
    json!({"sentences": sentences, "tokens": tokens, "numbers": numbers})
}

/// Place mentions with candidates and the choice, for `rasd places`.
pub fn places_json(lex: &Lexicon, text: &str) -> Value {
    let a = lex.text.analyze(text);
    let mut ms = lex.places.find(&a, &lex.cues.org_heads, lex.text.vocab());
    let focus = lex.places.focus_country(&a, &ms, &[]);
    lex.places.drop_unlikely(&a, &mut ms, focus.as_deref(), lex.text.vocab());
    lex.places.resolve(&mut ms, focus.as_deref());
    let ix = CharIndex::new(text);
    let place = |i: u32| {
        let p = lex.places.get(i);
        json!({"id": p.id, "name": p.name, "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
               "population": p.population, "kind": format!("{:?}", p.kind).to_lowercase()})
    };
    let mentions: Vec<Value> = ms
        .iter()
        .map(|m| {
            let span = a.tokens[m.start].span.cover(a.tokens[m.end - 1].span);
            json!({
                "text": span.slice(text),
                "span": [ix.char_offset(text, span.start), ix.char_offset(text, span.end)],
                "chosen": place(m.chosen()),
                "reason": m.reason.as_str(),
                "part_of_organization_name": m.in_org,
                "alternatives": m.candidates.iter().skip(1).take(10).map(|&c| place(c)).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({"focus_country": focus, "places": mentions})
}
