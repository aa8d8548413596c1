//! JSON Lines corpora: one document a line, as `rasd extract` has always read them.

use crate::{date::day_of, finish, ErrorKind, Numbered};
use rasd_core::Document;
use serde_json::Value;

/// Each non-blank line's document or error, with its 1-based line number. Lines are independent: a bad line
/// (not UTF-8, not JSON, no text) fails alone.
pub(crate) fn read(bytes: &[u8]) -> Numbered {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut out = Vec::new();
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let doc = std::str::from_utf8(line)
            .map_err(|e| ErrorKind::NotUtf8(e.valid_up_to()))
            .and_then(|l| serde_json::from_str::<Value>(l).map_err(ErrorKind::from))
            .and_then(record);
        out.push((n + 1, doc));
    }
    out
}

fn record(v: Value) -> Result<Document, ErrorKind> {
    let obj = v.as_object().ok_or_else(|| ErrorKind::Record("not a JSON object".into()))?;
    let s = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
    let text = s("text").ok_or_else(|| ErrorKind::Record("no \"text\" string".into()))?;
    // A numeric id is kept as written; a missing (or null, or empty) one becomes the content id.
    let id = match obj.get("id") {
        Some(Value::String(s)) => s.clone(),
        None | Some(Value::Null) => String::new(),
        Some(v) => v.to_string(),
    };
    let published = match s("published").or_else(|| s("time")).or_else(|| s("date")) {
        Some(p) if !p.trim().is_empty() => Some(day_of(&p).ok_or(ErrorKind::BadDate(p))?),
        _ => None,
    };
    let lang = s("lang").filter(|l| !l.trim().is_empty());
    Ok(finish(Document { id, text, published, source: s("source"), url: s("url"), title: s("title"), lang }))
}
