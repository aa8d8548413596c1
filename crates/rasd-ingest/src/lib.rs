//! Reading input files into [`rasd_core::Document`]s, for `rasd ingest`.
//!
//! rasd's extraction core is pure (text in, records out); this crate is the
//! shell on the input side. It knows file formats, encodings and metadata, and
//! nothing about extraction, so that the store, the CLI and the fuzzers can
//! share it and the core stays free of I/O.
//!
//! # Formats
//!
//! | [`Format`] | one file gives | text | metadata |
//! |---|---|---|---|
//! | `Text` | one document | the file, decoded | language detected |
//! | `Html` | one document | the article, boilerplate removed by a Readability port (`dom_smoothie`) | title; date from meta tags, JSON-LD `datePublished`, `<time datetime>`; canonical URL (else `og:url`); `<html lang>` |
//! | `Feed` (RSS 0.x/1.0/2.0, Atom, JSON Feed via `feed-rs`) | one document per item | title, blank line, content (else summary), HTML reduced to text | item date (published, else updated), link, feed title as `source`, feed language |
//! | `Jsonl` | one document per line | `text` | `id`, `published`/`date`/`time`, `source`, `url`, `title`, `lang` |
//!
//! [`detect`] picks the format by extension, then by sniffing the first bytes;
//! [`read_path`] walks folders recursively in sorted path order, so a batch is
//! reproducible whatever order the file system lists it in.
//!
//! # Errors are values
//!
//! Bad input is normal input for a scraper-fed pipeline: one unreadable file,
//! broken page, feed item without text or malformed JSONL line must not stop a
//! batch. So readers return `Vec<Result<Item, IngestError>>`, one entry per
//! document or failure, in input order, and every [`IngestError`] names its
//! [`Origin`] (file, and line or feed item). Third-party parsers run under
//! `catch_unwind` as a last guard: a panic in one becomes an error for that
//! file. (Fuzzers abort on panics before the guard sees them, so bugs in the
//! parsers still surface there.)
//!
//! # Text is decoded, never rewritten
//!
//! UTF-8 (with or without BOM) is taken as is; UTF-16 with a BOM is decoded;
//! otherwise HTML's `<meta charset>` and then `chardetng` choose a legacy
//! encoding (Arabic pages are often windows-1256) for `encoding_rs`. A file with
//! NUL bytes, malformed sequences or mostly control characters is binary and an
//! error. Apart from decoding (and, for HTML and feeds, reducing markup to
//! text) the text is kept exactly, because every extracted span points into it.
//!
//! # Identity
//!
//! A document keeps the id it was given (JSONL); otherwise its id is
//! [`content_id`], a prefix of the SHA-256 of its text, so re-ingesting the
//! same article from a page, a feed or a re-run gives the same id and the
//! store can deduplicate on [`content_hash`].

mod date;
mod decode;
mod feed;
mod html;
mod jsonl;

use rasd_core::Document;
use sha2::{Digest, Sha256};
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

pub use date::day_of;

/// An input format this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: the whole file is one document.
    Text,
    /// An HTML page: its main article is one document.
    Html,
    /// An RSS, Atom or JSON feed: one document per item.
    Feed,
    /// JSON Lines: one document per line.
    Jsonl,
}

impl Format {
    /// The lowercase name (`text`, `html`, `feed`, `jsonl`), as [`str::parse`] accepts it.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Feed => "feed",
            Format::Jsonl => "jsonl",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    /// Accepts the names of [`Format::as_str`] and common aliases (`txt`, `rss`, `atom`, `ndjson`), so a CLI can
    /// offer `--format`.
    fn from_str(s: &str) -> Result<Format, String> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Ok(Format::Text),
            "html" | "htm" => Ok(Format::Html),
            "feed" | "rss" | "atom" => Ok(Format::Feed),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            _ => Err(format!("unknown format {s:?} (expected text, html, feed or jsonl)")),
        }
    }
}

/// Where a document or an error came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// The file (or the name the caller gave to [`read_bytes`], e.g. `-` for standard input).
    pub path: PathBuf,
    /// 1-based line of a JSONL file.
    pub line: Option<usize>,
    /// 1-based item of a feed.
    pub item: Option<usize>,
}

impl Origin {
    fn file(path: &Path) -> Origin {
        Origin { path: path.to_path_buf(), line: None, item: None }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(l) = self.line {
            write!(f, ", line {l}")?;
        }
        if let Some(i) = self.item {
            write!(f, ", item {i}")?;
        }
        Ok(())
    }
}

/// One document read, with where it came from.
#[derive(Debug, Clone)]
pub struct Item {
    pub doc: Document,
    pub origin: Origin,
    /// The format it was read as.
    pub format: Format,
}

/// A failure to read one file, line or feed item; it names where.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {kind}")]
pub struct IngestError {
    pub origin: Origin,
    #[source]
    pub kind: ErrorKind,
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("binary file, not text ({0})")]
    Binary(String),
    #[error("unsupported format ({0})")]
    Unsupported(String),
    #[error("not valid UTF-8 (first bad byte at offset {0})")]
    NotUtf8(usize),
    #[error("not JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A JSONL line that is JSON but not a document (no `text`, not an object).
    #[error("{0}")]
    Record(String),
    #[error("unreadable publication date {0:?} (expected YYYY-MM-DD, an ISO timestamp or RFC 2822)")]
    BadDate(String),
    #[error("unreadable HTML: {0}")]
    Html(String),
    #[error("unreadable feed: {0}")]
    Feed(String),
    #[error("feed has no items")]
    NoItems,
    #[error("no text")]
    Empty,
    /// A parser panicked on this input (a bug in it; the batch goes on).
    #[error("parser failed unexpectedly: {0}")]
    Panic(String),
}

/// The format of a file, by extension, else by its first bytes; `None` for a format this crate does not read
/// (a known binary or office extension, or content that looks binary).
pub fn detect(path: &Path, bytes: &[u8]) -> Option<Format> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("txt" | "text" | "md") => return Some(Format::Text),
        Some("html" | "htm" | "xhtml" | "shtml") => return Some(Format::Html),
        Some("rss" | "atom" | "feed") => return Some(Format::Feed),
        Some("jsonl" | "ndjson") => return Some(Format::Jsonl),
        Some(e) if UNSUPPORTED_EXT.contains(&e) => return None,
        _ => {}
    }
    if decode::binary_reason(bytes).is_some() {
        return None;
    }
    let sniffed = sniff(bytes);
    match ext.as_deref() {
        // An .xml file is far more often a feed than a page; a .json file a corpus or a JSON Feed.
        Some("xml") if sniffed != Format::Html => Some(Format::Feed),
        Some("json") if sniffed == Format::Text => Some(Format::Jsonl),
        _ => Some(sniffed),
    }
}

/// Extensions of formats that are certainly not text we read: reported as unsupported instead of being
/// decoded into garbage.
const UNSUPPORTED_EXT: &[&str] = &[
    "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "ppt", "pptx", "epub", "png", "jpg", "jpeg", "gif",
    "webp", "bmp", "tif", "tiff", "ico", "svg", "mp3", "mp4", "m4a", "wav", "ogg", "webm", "avi", "mov", "zip", "gz",
    "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "exe", "dll", "so", "dylib", "bin", "woff", "woff2", "ttf", "otf",
    "css", "js", "sqlite", "db", "parquet", "arrow",
];

/// Content sniffing on the first 2 KiB: the earliest of an HTML or a feed root element wins, since pages link
/// to feeds and feeds embed HTML.
fn sniff(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(2048)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let lower = head.to_ascii_lowercase();
    let find = |needles: &[&[u8]]| needles.iter().filter_map(|n| find_bytes(&lower, n)).min();
    let html = find(&[b"<!doctype html", b"<html"]);
    let feed = find(&[b"<rss", b"<feed", b"<rdf:rdf"]);
    match (html, feed) {
        (Some(h), Some(f)) => return if f < h { Format::Feed } else { Format::Html },
        (Some(_), None) => return Format::Html,
        (None, Some(_)) => return Format::Feed,
        (None, None) => {}
    }
    let start = lower.iter().position(|b| !b.is_ascii_whitespace()).map_or(&lower[..0], |i| &lower[i..]);
    if start.starts_with(b"{") {
        // A JSON Feed is one pretty-printed object, not one object a line.
        return if find_bytes(&lower, b"jsonfeed.org").is_some() { Format::Feed } else { Format::Jsonl };
    }
    if start.starts_with(b"<") && find(&[b"<head", b"<body", b"<div", b"<p>", b"<p ", b"<article", b"<meta"]).is_some()
    {
        return Format::Html;
    }
    Format::Text
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Reads the documents of one input held in memory. `name` is only used in origins and errors.
pub fn read_bytes(name: &Path, bytes: &[u8], format: Format) -> Vec<Result<Item, IngestError>> {
    let origin = Origin::file(name);
    let fail = |kind| vec![Err(IngestError { origin: origin.clone(), kind })];
    let item = |doc, origin| Item { doc, origin, format };
    match format {
        Format::Jsonl => jsonl::read(bytes)
            .into_iter()
            .map(|(line, r)| {
                let origin = Origin { line: Some(line), ..origin.clone() };
                match r {
                    Ok(doc) => Ok(item(doc, origin)),
                    Err(kind) => Err(IngestError { origin, kind }),
                }
            })
            .collect(),
        Format::Feed => match guarded(|| feed::read(bytes)) {
            Err(kind) => fail(kind),
            Ok(items) => items
                .into_iter()
                .map(|(n, r)| {
                    let origin = Origin { item: Some(n), ..origin.clone() };
                    match r {
                        Ok(doc) => Ok(item(doc, origin)),
                        Err(kind) => Err(IngestError { origin, kind }),
                    }
                })
                .collect(),
        },
        Format::Html => match decode::decode(bytes, true).and_then(|t| guarded(|| html::read(&t))) {
            Ok(doc) => vec![Ok(item(doc, origin.clone()))],
            Err(kind) => fail(kind),
        },
        Format::Text => match decode::decode(bytes, false).and_then(text_doc) {
            Ok(doc) => vec![Ok(item(doc, origin.clone()))],
            Err(kind) => fail(kind),
        },
    }
}

/// Documents or failures of a multi-document input, each with its 1-based line or item number.
type Numbered = Vec<(usize, Result<Document, ErrorKind>)>;

fn text_doc(text: String) -> Result<Document, ErrorKind> {
    if text.trim().is_empty() {
        return Err(ErrorKind::Empty);
    }
    Ok(finish(Document { text, ..Default::default() }))
}

/// Fills what every reader derives the same way: the content id and the language.
fn finish(mut doc: Document) -> Document {
    if doc.id.is_empty() {
        doc.id = content_id(&doc.text);
    }
    if doc.lang.is_none() {
        doc.lang = detect_lang(&doc.text);
    }
    doc
}

/// Runs a third-party parser so that a panic in it fails this input only.
fn guarded<T>(f: impl FnOnce() -> Result<T, ErrorKind>) -> Result<T, ErrorKind> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        Err(ErrorKind::Panic(msg))
    })
}

/// Reads a file, or every file under a folder (recursively, in sorted path order, skipping hidden entries
/// whose name starts with `.` and not following symbolic links to folders, which could loop). Unreadable
/// files and folders are errors in the list; they do not end the walk.
pub fn read_path(path: &Path) -> Vec<Result<Item, IngestError>> {
    let is_dir = match std::fs::metadata(path) {
        Ok(m) => m.is_dir(),
        Err(e) => return vec![Err(IngestError { origin: Origin::file(path), kind: e.into() })],
    };
    if !is_dir {
        return read_file(path);
    }
    let mut entries = Vec::new();
    walk(path, &mut entries);
    // Sorting the whole list (not each folder) gives one global path order, independent of the file system.
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = Vec::new();
    for (p, err) in entries {
        match err {
            Some(e) => out.push(Err(IngestError { origin: Origin::file(&p), kind: e.into() })),
            None => out.extend(read_file(&p)),
        }
    }
    out
}

/// Collects the files under `dir`, with the I/O errors met on the way in place of the entries they hide.
fn walk(dir: &Path, out: &mut Vec<(PathBuf, Option<std::io::Error>)>) {
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => return out.push((dir.to_path_buf(), Some(e))),
    };
    for entry in rd {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.push((dir.to_path_buf(), Some(e)));
                continue;
            }
        };
        let p = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&p, out),
            // A link is followed only to a file (a link to a folder could make a cycle).
            Ok(t) if t.is_symlink() => match std::fs::metadata(&p) {
                Ok(m) if m.is_dir() => {}
                Ok(_) => out.push((p, None)),
                Err(e) => out.push((p, Some(e))),
            },
            Ok(_) => out.push((p, None)),
            Err(e) => out.push((p, Some(e))),
        }
    }
}

fn read_file(path: &Path) -> Vec<Result<Item, IngestError>> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return vec![Err(IngestError { origin: Origin::file(path), kind: e.into() })],
    };
    match detect(path, &bytes) {
        Some(f) => read_bytes(path, &bytes, f),
        None => {
            let kind = match decode::binary_reason(&bytes) {
                Some(why) => ErrorKind::Binary(why),
                None => ErrorKind::Unsupported(format!(
                    ".{}",
                    path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default()
                )),
            };
            vec![Err(IngestError { origin: Origin::file(path), kind })]
        }
    }
}

/// The full SHA-256 of a text, lowercase hex: the store's deduplication key.
pub fn content_hash(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// The id of a document that was given none: `doc-` and the first 16 hex digits of [`content_hash`].
pub fn content_id(text: &str) -> String {
    let d = Sha256::digest(text.as_bytes());
    format!("doc-{}", hex(&d[..8]))
}

fn hex(bytes: &[u8]) -> String {
    use fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// The language of a text as an ISO 639-1 code (`ar`, `en`, ...; the ISO 639-3 code where a language has no
/// two-letter one), or `None` when `whatlang` is not confident, since a wrong code is worse than none.
pub fn detect_lang(text: &str) -> Option<String> {
    // The first few KB decide as well as the whole article and keep long inputs cheap.
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let info = whatlang::detect(head)?;
    if !info.is_reliable() {
        // Short Arabic-script texts (headlines, feed items) are where whatlang hesitates between Arabic, Persian
        // and Urdu; without any letter that only Persian or Urdu uses, the text is Arabic.
        let arabic = info.script() == whatlang::Script::Arabic && !head.contains(PERSIAN_URDU_LETTERS);
        return arabic.then(|| "ar".to_string());
    }
    let code = info.lang().code();
    Some(iso639_1(code).unwrap_or(code).to_string())
}

/// Letters of Persian and Urdu that Arabic does not use (پ چ ژ گ, Persian ک ی, Urdu ٹ ڈ ڑ ں ہ ے).
const PERSIAN_URDU_LETTERS: &[char] = &[
    '\u{067E}', '\u{0686}', '\u{0698}', '\u{06AF}', '\u{06A9}', '\u{06CC}', '\u{0679}', '\u{0688}', '\u{0691}',
    '\u{06BA}', '\u{06C1}', '\u{06D2}',
];

fn iso639_1(code3: &str) -> Option<&'static str> {
    #[rustfmt::skip]
    const MAP: &[(&str, &str)] = &[
        ("ara", "ar"), ("eng", "en"), ("fra", "fr"), ("spa", "es"), ("deu", "de"), ("rus", "ru"), ("tur", "tr"),
        ("pes", "fa"), ("urd", "ur"), ("heb", "he"), ("cmn", "zh"), ("por", "pt"), ("ita", "it"), ("ben", "bn"),
        ("ukr", "uk"), ("kat", "ka"), ("hin", "hi"), ("jpn", "ja"), ("yid", "yi"), ("pol", "pl"), ("amh", "am"),
        ("jav", "jv"), ("kor", "ko"), ("nob", "nb"), ("dan", "da"), ("swe", "sv"), ("fin", "fi"), ("nld", "nl"),
        ("hun", "hu"), ("ces", "cs"), ("ell", "el"), ("bul", "bg"), ("bel", "be"), ("mar", "mr"), ("kan", "kn"),
        ("ron", "ro"), ("slv", "sl"), ("hrv", "hr"), ("srp", "sr"), ("mkd", "mk"), ("lit", "lt"), ("lav", "lv"),
        ("est", "et"), ("tam", "ta"), ("vie", "vi"), ("tha", "th"), ("guj", "gu"), ("uzb", "uz"), ("pan", "pa"),
        ("aze", "az"), ("ind", "id"), ("tel", "te"), ("mal", "ml"), ("ori", "or"), ("mya", "my"), ("nep", "ne"),
        ("sin", "si"), ("khm", "km"), ("tuk", "tk"), ("aka", "ak"), ("zul", "zu"), ("sna", "sn"), ("afr", "af"),
        ("lat", "la"), ("slk", "sk"), ("cat", "ca"), ("tgl", "tl"), ("hye", "hy"), ("cym", "cy"), ("epo", "eo"),
    ];
    MAP.iter().find(|(c3, _)| *c3 == code3).map(|(_, c1)| *c1)
}

/// A language tag from the input (`ar-EG`, `en_US`) reduced to its primary subtag, lowercase; `None` if it is
/// not a plausible language code.
fn lang_tag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    ((2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}
