//! What users of `rasd ingest` rely on, checked on hand-written fixtures in `tests/data/` (Arabic text from
//! the ANT corpus and the seed report; `make_fixtures.py` regenerates the windows-1256 and binary files).

use rasd_ingest::{content_hash, content_id, detect, read_bytes, read_path, ErrorKind, Format, IngestError, Item};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn data(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(p)
}

fn ok(results: Vec<Result<Item, IngestError>>) -> Vec<Item> {
    results.into_iter().map(|r| r.unwrap_or_else(|e| panic!("unexpected error: {e}"))).collect()
}

fn one(path: &Path) -> Item {
    let mut items = ok(read_path(path));
    assert_eq!(items.len(), 1, "{}", path.display());
    items.remove(0)
}

/// Each `pages/NAME.html` with a `NAME.json` beside it: the expected title, date, URL and language, text the
/// article must keep and boilerplate it must not.
#[test]
fn html_pages_match_their_expectations() {
    let mut n = 0;
    for entry in std::fs::read_dir(data("pages")).unwrap() {
        let want_path = entry.unwrap().path();
        if want_path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let want: Value = serde_json::from_str(&std::fs::read_to_string(&want_path).unwrap()).unwrap();
        let page = want_path.with_extension("html");
        let item = one(&page);
        let doc = &item.doc;
        let name = page.file_name().unwrap().to_string_lossy();
        assert_eq!(item.format, Format::Html, "{name}");
        for field in ["title", "published", "url", "lang"] {
            let got = match field {
                "title" => &doc.title,
                "published" => &doc.published,
                "url" => &doc.url,
                _ => &doc.lang,
            };
            assert_eq!(got.as_deref(), want[field].as_str(), "{name}: {field}");
        }
        for s in want["contains"].as_array().unwrap() {
            assert!(doc.text.contains(s.as_str().unwrap()), "{name}: article text lost {s}\n---\n{}", doc.text);
        }
        for s in want["absent"].as_array().unwrap() {
            assert!(!doc.text.contains(s.as_str().unwrap()), "{name}: boilerplate kept: {s}\n---\n{}", doc.text);
        }
        assert_eq!(doc.id, content_id(&doc.text), "{name}: a page's id is its content id");
        n += 1;
    }
    assert!(n >= 3, "expected the page fixtures, found {n}");
}

#[test]
fn article_paragraphs_stay_apart() {
    // Readability's raw text glues <p>s together; sentence splitting needs the breaks.
    let doc = one(&data("pages/article.html")).doc;
    assert!(doc.text.contains("للحوثيين.\n"), "{}", doc.text);
}

#[test]
fn windows_1256_page_reads_like_the_utf8_one() {
    let utf8 = one(&data("pages/article.html")).doc;
    for name in ["pages/article-cp1256.html", "pages/article-cp1256-undeclared.html"] {
        let bytes = std::fs::read(data(name)).unwrap();
        assert!(std::str::from_utf8(&bytes).is_err(), "{name} must really be windows-1256");
        let doc = one(&data(name)).doc;
        assert_eq!(doc.text, utf8.text, "{name}");
        assert_eq!(doc.id, utf8.id, "{name}: same text, same id");
        assert_eq!(doc.title, utf8.title, "{name}");
        assert_eq!(doc.published, utf8.published, "{name}");
        assert_eq!(doc.url, utf8.url, "{name}");
        assert_eq!(doc.lang.as_deref(), Some("ar"), "{name}");
    }
}

#[test]
fn rss_items_become_documents() {
    let path = data("feeds/alarabiya.rss");
    let results = read_path(&path);
    assert_eq!(results.len(), 3);
    let mut it = results.into_iter();
    let first = it.next().unwrap().unwrap();
    assert_eq!(first.format, Format::Feed);
    assert_eq!(first.origin.item, Some(1));
    let d = &first.doc;
    assert_eq!(d.title.as_deref(), Some("20 غارة جوية للتحالف تدمّر 17 هدفاً حوثياً في صعدة"));
    assert!(d.text.starts_with("20 غارة جوية للتحالف"), "the headline leads the text: {}", d.text);
    assert!(d.text.contains("شنّ طيران التحالف أكثر من 20 غارة جوية"));
    assert_eq!(d.published.as_deref(), Some("2018-02-20"));
    assert_eq!(d.url.as_deref(), Some("https://www.alarabiya.net/ar/arab-and-world/yemen/2018/02/20/20-غارة.html"));
    assert_eq!(d.source.as_deref(), Some("العربية نت - اليمن"));
    assert_eq!(d.lang.as_deref(), Some("ar"));
    assert!(d.id.starts_with("doc-"));

    // HTML in the description is reduced to text; no date is no date, not an error.
    let second = it.next().unwrap().unwrap().doc;
    assert_eq!(second.published, None);
    assert!(second.text.contains("مصرعه في غارة لتحالف دعم الشرعية"), "{}", second.text);
    assert!(second.text.contains("برقيات النعي & العزاء"), "entities decoded: {}", second.text);
    for markup in ["<p>", "<a", "href", "<img", "alert", "&amp;"] {
        assert!(!second.text.contains(markup), "markup {markup:?} left in {}", second.text);
    }

    // An item with nothing to read fails alone, and says which item it is.
    let third = it.next().unwrap().unwrap_err();
    assert_eq!(third.origin.item, Some(3));
    assert!(matches!(third.kind, ErrorKind::Empty));
    assert!(third.to_string().contains("alarabiya.rss, item 3"), "{third}");
}

#[test]
fn atom_entries_become_documents() {
    let items = ok(read_path(&data("feeds/alarabiya.atom")));
    assert_eq!(items.len(), 3);
    let [a, b, c] = [&items[0].doc, &items[1].doc, &items[2].doc];
    assert_eq!(a.source.as_deref(), Some("العربية نت - أخبار عربية ودولية"));
    // Published wins over updated; full content over the summary; the alternate link over the enclosure.
    assert_eq!(a.published.as_deref(), Some("2018-05-25"));
    assert!(a.text.contains("قالت مصادر يمنية لقناة \"العربية\" إن 7 أشخاص قتلوا"), "{}", a.text);
    assert!(!a.text.contains("ملخص قصير") && !a.text.contains("<p>"), "{}", a.text);
    assert_eq!(a.url.as_deref(), Some("https://www.alarabiya.net/ar/arab-and-world/yemen/2018/05/25/سقطرى.html"));
    // Only updated: that is the date.
    assert_eq!(b.published.as_deref(), Some("2018-06-04"));
    assert!(b.text.contains("عبدالكريم الغماري"));
    // A title alone still makes a document, undated and without a link.
    assert_eq!((c.published.as_deref(), c.url.as_deref()), (None, None));
    assert!(c.text.contains("لقوا مصرعهم خلال 48 ساعة"));
    for d in [a, b, c] {
        assert_eq!(d.lang.as_deref(), Some("ar"), "{}", d.text);
    }
}

#[test]
fn jsonl_keeps_good_lines_around_bad_ones() {
    let results = read_path(&data("corpus.jsonl"));
    let summary: Vec<(usize, Result<String, String>)> = results
        .iter()
        .map(|r| match r {
            Ok(i) => (i.origin.line.unwrap(), Ok(i.doc.id.clone())),
            Err(e) => (e.origin.line.unwrap(), Err(e.to_string())),
        })
        .collect();
    // Line 4 is blank and skipped; the numbers are the file's own lines.
    let lines: Vec<usize> = summary.iter().map(|s| s.0).collect();
    assert_eq!(lines, [1, 2, 3, 5, 6, 7, 8, 9]);
    let is_err = |line: usize| summary.iter().find(|s| s.0 == line).unwrap().1.is_err();
    assert!([3, 6, 7, 8].iter().all(|&l| is_err(l)), "{summary:#?}");
    assert!([1, 2, 5, 9].iter().all(|&l| !is_err(l)), "{summary:#?}");
    let err3 = summary[2].1.as_ref().unwrap_err();
    assert!(err3.contains("corpus.jsonl, line 3") && err3.contains("not JSON"), "{err3}");
    assert!(summary[5].1.as_ref().unwrap_err().contains("no \"text\""), "{summary:#?}");
    assert!(summary[6].1.as_ref().unwrap_err().contains("أمس"), "the bad date is quoted: {summary:#?}");

    let docs: Vec<_> = results.into_iter().filter_map(Result::ok).map(|i| i.doc).collect();
    let ant = &docs[0];
    assert_eq!(ant.id, "AL-internationalNews-650-20180327");
    assert_eq!(ant.published.as_deref(), Some("2018-03-27"), "RFC 2822 `time` cut to the day");
    assert_eq!(ant.source.as_deref(), Some("alarabia"));
    assert_eq!(ant.title.as_deref(), Some("غارات للتحالف على مواقع الحوثيين"));
    assert_eq!(ant.url.as_deref(), Some("https://www.alarabiya.net/ar/arab-and-world/yemen/2018/03/27/650.html"));
    assert_eq!(ant.lang.as_deref(), Some("ar"), "detected");
    assert_eq!(docs[1].id, "42", "a numeric id is kept");
    assert_eq!(docs[1].published.as_deref(), Some("2019-10-02"), "ISO timestamp cut to the day");
    let english = &docs[2];
    assert_eq!(english.id, content_id(&english.text), "no id: the content id");
    assert_eq!(english.published.as_deref(), Some("2019-10-02"), "`date` is accepted");
    assert_eq!(english.lang.as_deref(), Some("en"));
    assert_eq!(docs[3].id, "last");
}

#[test]
fn plain_text_is_kept_exactly() {
    let path = data("batch/reports/2019/libya-2019-africom.txt");
    let item = one(&path);
    assert_eq!(item.format, Format::Text);
    assert_eq!(item.doc.text, std::fs::read_to_string(&path).unwrap());
    assert_eq!(item.doc.lang.as_deref(), Some("ar"));
    assert_eq!(item.doc.published, None);
    // A BOM is not text.
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), item.doc.text.as_bytes()].concat();
    let again = ok(read_bytes(Path::new("bom.txt"), &with_bom, Format::Text)).remove(0).doc;
    assert_eq!(again.text, item.doc.text);
    assert_eq!(again.id, item.doc.id);
}

#[test]
fn content_ids_are_sha256() {
    // SHA-256("abc"), a standard test vector.
    let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assert_eq!(content_hash("abc"), abc);
    assert_eq!(content_id("abc"), format!("doc-{}", &abc[..16]));
}

#[test]
fn binary_file_is_an_error_naming_it() {
    let path = data("binary.bin");
    let results = read_path(&path);
    assert_eq!(results.len(), 1);
    let e = results.into_iter().next().unwrap().unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Binary(_)), "{e}");
    assert!(e.to_string().contains("binary.bin"), "{e}");
    // Forced to read it as text, it is still refused, as are NUL-free bytes that decode to control characters.
    let bytes = std::fs::read(&path).unwrap();
    assert!(read_bytes(&path, &bytes, Format::Text)[0].is_err());
    assert!(read_bytes(&path, &bytes, Format::Html)[0].is_err());
    let noise: Vec<u8> = (1u8..32).cycle().take(400).collect();
    assert!(matches!(read_bytes(&path, &noise, Format::Text)[0], Err(IngestError { kind: ErrorKind::Binary(_), .. })));
}

#[test]
fn folders_are_read_recursively_in_path_order() {
    let root = data("batch");
    let results = read_path(&root);
    let got: Vec<(String, Option<usize>, bool)> = results
        .iter()
        .map(|r| {
            let o = match r {
                Ok(i) => &i.origin,
                Err(e) => &e.origin,
            };
            let rel = o.path.strip_prefix(&root).unwrap().to_string_lossy().into_owned();
            (rel, o.line.or(o.item), r.is_ok())
        })
        .collect();
    let want: Vec<(String, Option<usize>, bool)> = [
        ("corpus.ndjson", Some(1), true),
        ("corpus.ndjson", Some(2), false),
        ("feeds/yemen.xml", Some(1), true),
        ("feeds/yemen.xml", Some(2), true),
        ("feeds/yemen.xml", Some(3), true),
        ("reports/2019/libya-2019-africom.txt", None, true),
        ("reports/english-note.txt", None, true),
        ("scan.png", None, false),
    ]
    .into_iter()
    .map(|(p, n, ok)| (p.to_string(), n, ok))
    .collect();
    assert_eq!(got, want, "hidden files are skipped, bad entries are errors in place");
    let formats: Vec<Format> = results.iter().filter_map(|r| r.as_ref().ok()).map(|i| i.format).collect();
    assert_eq!(formats, [Format::Jsonl, Format::Feed, Format::Feed, Format::Feed, Format::Text, Format::Text]);
}

#[test]
fn missing_path_is_an_error_naming_it() {
    let e = read_path(&data("no/such/file.html")).remove(0).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Io(_)));
    assert!(e.to_string().contains("no/such/file.html"), "{e}");
}

#[test]
fn format_detection() {
    let p = Path::new;
    // The extension decides when there is one we know.
    assert_eq!(detect(p("a.html"), b"just words"), Some(Format::Html));
    assert_eq!(detect(p("a.txt"), b"<html><body>x"), Some(Format::Text));
    assert_eq!(detect(p("a.rss"), b""), Some(Format::Feed));
    assert_eq!(detect(p("a.ndjson"), b""), Some(Format::Jsonl));
    assert_eq!(detect(p("a.pdf"), b"%PDF-1.7"), None);
    // Otherwise the content does.
    assert_eq!(
        detect(p("page"), b"\xEF\xBB\xBF  <!DOCTYPE html><html><link type=\"application/rss+xml\">"),
        Some(Format::Html)
    );
    assert_eq!(detect(p("feed.xml"), b"<?xml version=\"1.0\"?><rss version=\"2.0\">"), Some(Format::Feed));
    assert_eq!(
        detect(p("dump"), b"<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
        Some(Format::Feed)
    );
    assert_eq!(detect(p("dump"), b"{\"id\": 1, \"text\": \"x\"}\n{\"id\": 2}"), Some(Format::Jsonl));
    assert_eq!(detect(p("notes"), "قتل 43 مسلحاً".as_bytes()), Some(Format::Text));
    assert_eq!(detect(p("fragment"), b"<div><p>saved article</p></div>"), Some(Format::Html));
    assert_eq!(detect(p("blob"), b"ab\0cd"), None);
    assert_eq!("RSS".parse::<Format>(), Ok(Format::Feed));
    assert!("docx".parse::<Format>().is_err());
}

#[test]
fn empty_and_broken_inputs_are_errors_not_panics() {
    let name = Path::new("x");
    let cases: &[(&[u8], Format)] = &[
        (b"", Format::Text),
        (b"   \n\t", Format::Text),
        (b"", Format::Html),
        (b"<html><body><nav></nav></body>", Format::Html),
        (b"<html><head><script>var a = 1;</script></head><body></body></html>", Format::Html),
        (b"", Format::Feed),
        (b"<rss><channel><title>t</title></channel></rss>", Format::Feed),
        (b"<rss><channel><item><title>x", Format::Feed),
        (b"{not json", Format::Feed),
        (b"\xFF\xFE\x00", Format::Text),
        (b"\xEF\xBB\xBF\xFF\xFF", Format::Text),
    ];
    for (bytes, format) in cases {
        let r = read_bytes(name, bytes, *format);
        assert!(r.iter().all(Result::is_err), "{format} {bytes:?}: {r:?}");
        assert!(!r.is_empty(), "{format} {bytes:?}: a failure must be reported, not dropped");
    }
    // Empty JSONL is simply no documents.
    assert!(read_bytes(name, b"\n\n", Format::Jsonl).is_empty());
}

#[test]
fn pathological_html_is_refused_quickly() {
    let nested = |n: usize| "<div>".repeat(n) + "قتل الطيران الأمريكي ما لا يقل عن 43 مسلحاً" + &"</div>".repeat(n);
    let t = std::time::Instant::now();
    let r = read_bytes(Path::new("deep.html"), nested(50_000).as_bytes(), Format::Html);
    assert!(r[0].as_ref().is_err_and(|e| e.to_string().contains("nested")), "{r:?}");
    assert!(t.elapsed().as_secs() < 2, "refused before parsing: {:?}", t.elapsed());
    // Deep but plausible nesting still reads, on an ordinary thread stack.
    let r = read_bytes(Path::new("ok.html"), nested(300).as_bytes(), Format::Html);
    assert!(r[0].as_ref().is_ok_and(|i| i.doc.text.contains("43 مسلحاً")), "{r:?}");
    // The same bound protects feed item markup, which falls back to crude tag stripping.
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><description>{}</description></item></channel></rss>",
        nested(50_000).replace('<', "&lt;").replace('>', "&gt;")
    );
    let r = read_bytes(Path::new("deep.rss"), feed.as_bytes(), Format::Feed);
    assert!(r[0].as_ref().is_ok_and(|i| i.doc.text == "قتل الطيران الأمريكي ما لا يقل عن 43 مسلحاً"), "{r:?}");
    let wide = "<p>كلمة</p>".repeat(150_000);
    let r = read_bytes(Path::new("wide.html"), wide.as_bytes(), Format::Html);
    assert!(r[0].is_err(), "too many elements is refused");
}

#[test]
fn language_of_short_texts() {
    use rasd_ingest::detect_lang;
    assert_eq!(detect_lang("مقتل 7 في غارة").as_deref(), Some("ar"), "a short Arabic headline");
    assert_ne!(detect_lang("این یک گزارش کوتاه است").as_deref(), Some("ar"), "Persian is not taken for Arabic");
    let english = "The command said the strike was carried out in coordination with the Government of National Accord";
    assert_eq!(detect_lang(english).as_deref(), Some("en"));
    // Too short to tell among Latin-script languages: no guess rather than a wrong one.
    assert_eq!(detect_lang("Seven militants were killed near Murzuq"), None);
    assert_eq!(detect_lang("12345 !!!"), None);
}

#[test]
fn windows_1256_feed_is_decoded_by_its_declaration() {
    let utf8 = std::fs::read_to_string(data("feeds/alarabiya.rss")).unwrap();
    let declared = utf8.replace("UTF-8", "windows-1256");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&declared);
    assert!(!unmappable);
    let want: Vec<_> = ok(read_path(&data("feeds/alarabiya.rss")).into_iter().take(2).collect());
    let got = read_bytes(Path::new("cp1256.rss"), &bytes, Format::Feed);
    let got: Vec<_> = ok(got.into_iter().take(2).collect());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!((&g.doc.text, &g.doc.title, &g.doc.id), (&w.doc.text, &w.doc.title, &w.doc.id));
    }
}
