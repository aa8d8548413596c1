//! HTML pages: the article text (Readability) and the metadata around it.

use crate::{date::day_of, finish, lang_tag, ErrorKind};
use dom_query::{Document as Dom, NodeRef};
use dom_smoothie::{Config, Readability, TextMode};
use rasd_core::Document;
use serde_json::Value;

/// Pages with more elements than this are refused: Readability scores every node, so a pathological page
/// would stall the whole batch. Real news pages have a few thousand.
const MAX_ELEMENTS: usize = 100_000;

/// Deeper pages are refused. The HTML tree builder and Readability both take time quadratic in the nesting
/// depth (20,000 levels: over a minute) and recurse on it; real pages stay under a few hundred levels.
const MAX_DEPTH: usize = 2_000;

/// One page's document.
pub(crate) fn read(html: &str) -> Result<Document, ErrorKind> {
    if nesting_bound(html) > MAX_DEPTH {
        return Err(ErrorKind::Html(format!("elements nested more than {MAX_DEPTH} deep")));
    }
    let dom = Dom::from(html);
    // Metadata is read before Readability runs, because it rewrites the tree (and drops <script>, where
    // JSON-LD lives).
    let lang = dom.select("html").attr("lang").and_then(|l| lang_tag(&l));
    let url = canonical(&dom);
    let published = published(&dom);
    let cfg = Config { text_mode: TextMode::Formatted, max_elements_to_parse: MAX_ELEMENTS, ..Config::default() };
    let mut r = Readability::with_document(dom, None, Some(cfg)).map_err(|e| ErrorKind::Html(e.to_string()))?;
    let article = r.parse().map_err(|e| ErrorKind::Html(e.to_string()))?;
    let text = article.text_content.trim().to_string();
    if text.is_empty() {
        return Err(ErrorKind::Empty);
    }
    let title = Some(article.title.trim().to_string()).filter(|t| !t.is_empty());
    Ok(finish(Document { id: String::new(), text, published, source: None, url, title, lang }))
}

/// `<link rel=canonical>`, else `og:url`: the address the publisher calls the article's own, which a
/// mirrored or re-saved copy still carries.
fn canonical(dom: &Dom) -> Option<String> {
    let nonempty = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    dom.select("link[rel][href]")
        .nodes()
        .iter()
        .filter(|n| {
            n.attr("rel").is_some_and(|r| r.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case("canonical")))
        })
        .find_map(|n| nonempty(n.attr("href").map(|h| h.to_string())))
        .or_else(|| {
            dom.select("meta[content]")
                .nodes()
                .iter()
                .filter(|n| meta_key(n).as_deref() == Some("og:url"))
                .find_map(|n| nonempty(n.attr("content").map(|c| c.to_string())))
        })
}

/// A meta tag's key: `property` (Open Graph), `name`, or `itemprop`, lowercase.
fn meta_key(n: &NodeRef) -> Option<String> {
    n.attr("property").or_else(|| n.attr("name")).or_else(|| n.attr("itemprop")).map(|k| k.trim().to_ascii_lowercase())
}

/// Meta keys that hold the publication date, best first. Modification dates are left out on purpose: an
/// article updated a week later still reports the events of its first day.
const META_DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "original-publish-date",
    "citation_publication_date",
];

/// The publication day: the best dated source that parses. Order: `article:published_time` (the most
/// deliberate), JSON-LD `datePublished`, the other meta keys, then `<time>` elements (a `pubdate` or
/// `itemprop=datePublished` one first), since a page's first `<time>` may date a related link.
fn published(dom: &Dom) -> Option<String> {
    let mut cands: Vec<(usize, String)> = Vec::new();
    for n in dom.select("meta[content]").nodes() {
        if let (Some(k), Some(c)) = (meta_key(n), n.attr("content")) {
            if let Some(rank) = META_DATE_KEYS.iter().position(|m| *m == k) {
                // Rank 0 stays ahead of JSON-LD (rank 1); the others follow it.
                cands.push((if rank == 0 { 0 } else { rank + 1 }, c.to_string()));
            }
        }
    }
    for n in dom.select(r#"script[type="application/ld+json"]"#).nodes() {
        // Broken JSON-LD is common and harmless: skip it.
        if let Ok(v) = serde_json::from_str::<Value>(n.text().trim()) {
            if let Some(d) = find_key(&v, "datePublished") {
                cands.push((1, d.to_string()));
            }
        }
    }
    let after_meta = META_DATE_KEYS.len() + 1;
    for n in dom.select("time[datetime]").nodes() {
        let marked =
            n.has_attr("pubdate") || n.attr("itemprop").is_some_and(|p| p.trim().eq_ignore_ascii_case("datepublished"));
        if let Some(d) = n.attr("datetime") {
            cands.push((after_meta + usize::from(!marked), d.to_string()));
        }
    }
    cands.sort_by_key(|c| c.0); // stable: document order within a rank
    cands.iter().find_map(|(_, s)| day_of(s))
}

/// The first string value of `key` anywhere in a JSON-LD value (it may sit in an `@graph` array). serde_json
/// caps nesting at 128, which bounds the recursion.
fn find_key<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    match v {
        Value::Object(m) => m.get(key).and_then(Value::as_str).or_else(|| m.values().find_map(|x| find_key(x, key))),
        Value::Array(a) => a.iter().find_map(|x| find_key(x, key)),
        _ => None,
    }
}

/// Markup in a feed's summary or content, reduced to text with paragraph breaks.
pub(crate) fn fragment_text(s: &str) -> String {
    if !s.contains(['<', '&']) {
        return s.trim().to_string();
    }
    if nesting_bound(s) > MAX_DEPTH {
        // Too deep to parse safely: dropping the tags crudely still keeps the words.
        return strip_tags(s);
    }
    let dom = Dom::fragment(s);
    dom.select("script, style").remove();
    dom.formatted_text().trim().to_string()
}

/// A cheap bound on how deep a page nests, from its tags alone, before anything is parsed: start tags minus
/// end tags, not counting void elements, self-closing tags and elements whose end tag may be left out (an
/// unclosed `<p>` or `<li>` is closed by the parser, so counting it would refuse ordinary sloppy pages).
fn nesting_bound(html: &str) -> usize {
    const UNCOUNTED: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rt", "rp",
        "colgroup",
    ];
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        let close = b.get(i) == Some(&b'/');
        let start = i + usize::from(close);
        let len = b[start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if len == 0 || !b[start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[start..start + len].to_ascii_lowercase();
        if UNCOUNTED.contains(&name.as_str()) {
            continue;
        }
        if close {
            depth = depth.saturating_sub(1);
        } else {
            let end = b[start..].iter().position(|&c| c == b'>').map_or(b.len(), |e| start + e);
            if b[..end].ends_with(b"/") {
                continue;
            }
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// Text without anything between `<` and `>`, entities left as they are: the fallback for markup too deep to
/// parse.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_bound_counts_what_the_parser_keeps_open() {
        assert_eq!(nesting_bound("<html><body><div><p>a<p>b<br><img src=x/></div></body></html>"), 3);
        assert_eq!(nesting_bound("<div><div/><span>x</span></div>"), 2);
        assert_eq!(nesting_bound("a < b and c<3 <"), 0);
        assert_eq!(nesting_bound(&"<div>".repeat(5000)), 5000);
    }
}
