//! RSS, Atom and JSON feeds: one document per item.

use crate::{finish, html::fragment_text, lang_tag, ErrorKind, Numbered};
use rasd_core::Document;

/// The feed's items in order, each with its 1-based number; the feed as a whole fails only if it cannot be
/// parsed or has no items.
pub(crate) fn read(bytes: &[u8]) -> Result<Numbered, ErrorKind> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| ErrorKind::Feed(e.to_string()))?;
    if feed.entries.is_empty() {
        return Err(ErrorKind::NoItems);
    }
    let source = feed.title.as_ref().map(|t| fragment_text(&t.content)).filter(|t| !t.is_empty());
    let lang = feed.language.as_deref().and_then(lang_tag);
    let docs = feed.entries.iter().enumerate().map(|(i, e)| {
        let title = e.title.as_ref().map(|t| fragment_text(&t.content)).filter(|t| !t.is_empty());
        // Full content when the feed carries it, else the summary: the longer text has more events.
        let body = e
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(fragment_text)
            .filter(|b| !b.is_empty())
            .or_else(|| e.summary.as_ref().map(|s| fragment_text(&s.content)).filter(|b| !b.is_empty()));
        // The headline is part of the text: in a feed it is often the only place the event is named.
        let text = [title.as_deref(), body.as_deref()].into_iter().flatten().collect::<Vec<_>>().join("\n\n");
        if text.is_empty() {
            return (i + 1, Err(ErrorKind::Empty));
        }
        // feed-rs keeps dates in UTC only, so a late-evening item east of Greenwich can land a day early.
        let published = e.published.or(e.updated).map(|d| d.format("%Y-%m-%d").to_string());
        let url = e
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(e.links.first())
            .map(|l| iri(l.href.trim()))
            .filter(|h| !h.is_empty());
        let doc =
            Document { id: String::new(), text, published, source: source.clone(), url, title, lang: lang.clone() };
        (i + 1, Ok(finish(doc)))
    });
    Ok(docs.collect())
}

/// A link with its percent-encoded non-ASCII characters decoded (`/20-%D8%BA...` → `/20-غ...`): feed-rs
/// re-encodes links, while pages and corpora write Arabic URLs as IRIs, and the store should see one form.
/// Escapes of ASCII (`%2F`, `%20`) change meaning when decoded and are kept.
fn iri(href: &str) -> String {
    let b = href.as_bytes();
    let hex = |i: usize| b.get(i..i + 2).and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
    let mut out = String::with_capacity(href.len());
    let mut i = 0;
    while i < b.len() {
        // A run of escapes of bytes >= 0x80, decoded as a whole if it is UTF-8.
        let (mut j, mut run) = (i, Vec::new());
        while b.get(j) == Some(&b'%') {
            match hex(j + 1) {
                Some(v) if v >= 0x80 => run.push(v),
                _ => break,
            }
            j += 3;
        }
        match (run.is_empty(), String::from_utf8(run)) {
            (false, Ok(s)) => {
                out.push_str(&s);
                i = j;
            }
            _ => {
                let n = href[i..].chars().next().map_or(1, char::len_utf8);
                out.push_str(&href[i..i + n]);
                i += n;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::iri;

    #[test]
    fn iri_decodes_only_non_ascii() {
        assert_eq!(iri("https://x.net/20-%D8%BA%D8%A7%D8%B1%D8%A9.html"), "https://x.net/20-غارة.html");
        assert_eq!(iri("https://x.net/a%20b%2Fc?q=%D8"), "https://x.net/a%20b%2Fc?q=%D8");
        assert_eq!(iri("https://x.net/%D8%BA%zz%"), "https://x.net/غ%zz%");
    }
}
