//! Bytes to text: UTF-8 first, then a BOM, a declared charset or a detected one.

use crate::ErrorKind;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Why `bytes` are not text at all, if they are not: NUL bytes (no text encoding we accept without a BOM has
/// them) or the signature of a common binary format.
pub(crate) fn binary_reason(bytes: &[u8]) -> Option<String> {
    if matches!(Encoding::for_bom(bytes), Some((e, _)) if e == UTF_16LE || e == UTF_16BE) {
        return None;
    }
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF"),
        (b"PK\x03\x04", "ZIP archive or office document"),
        (b"\x89PNG", "PNG image"),
        (b"GIF8", "GIF image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"\x1F\x8B", "gzip data"),
        (b"7z\xBC\xAF", "7-Zip archive"),
        (b"Rar!", "RAR archive"),
        (b"\x7FELF", "executable"),
        (b"SQLite format 3\0", "SQLite database"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(format!("looks like a {what}"));
    }
    bytes.iter().position(|&b| b == 0).map(|at| format!("NUL byte at offset {at}"))
}

/// Decodes a whole file. `html` allows a `<meta charset>` to name the encoding before detection is tried.
pub(crate) fn decode(bytes: &[u8], html: bool) -> Result<String, ErrorKind> {
    let text = match Encoding::for_bom(bytes) {
        // A BOM is an explicit declaration: decode by it and reject what does not fit.
        Some((enc, bom)) => strict(enc, &bytes[bom..])?,
        None => {
            if let Some(why) = binary_reason(bytes) {
                return Err(ErrorKind::Binary(why));
            }
            match std::str::from_utf8(bytes) {
                Ok(s) => s.to_string(),
                Err(_) => {
                    let enc = html.then(|| meta_charset(bytes)).flatten().unwrap_or_else(|| guess(bytes));
                    strict(enc, bytes)?
                }
            }
        }
    };
    // Single-byte encodings map almost every byte, so binary data "decodes"; what gives it away is control
    // characters, which real text nearly never has.
    let (mut ctrl, mut all) = (0usize, 0usize);
    for c in text.chars() {
        all += 1;
        ctrl += usize::from(c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'));
    }
    if ctrl * 50 > all {
        return Err(ErrorKind::Binary(format!("{ctrl} control characters in {all}")));
    }
    Ok(text)
}

fn strict(enc: &'static Encoding, bytes: &[u8]) -> Result<String, ErrorKind> {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| s.into_owned())
        .ok_or_else(|| ErrorKind::Binary(format!("not decodable as {}", enc.name())))
}

/// chardetng's guess for bytes already known not to be UTF-8.
fn guess(bytes: &[u8]) -> &'static Encoding {
    use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
    // ISO-2022-JP is escape-based 7-bit text; allowing it would only risk misreading ASCII-heavy files.
    let mut det = EncodingDetector::new(Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, Utf8Detection::Deny)
}

/// The encoding a page declares in its first KiB (`<meta charset=...>` or `content="text/html; charset=..."`),
/// as browsers pre-scan. A declared UTF-8 or UTF-16 is ignored: we only get here when the bytes are not UTF-8,
/// so the declaration is wrong and detection does better.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(1024)].to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = head[from..].windows(8).position(|w| w == b"charset=") {
        let rest = &head[from + at + 8..];
        let rest = &rest[rest.iter().take_while(|b| matches!(b, b'"' | b'\'' | b' ')).count()..];
        let label: Vec<u8> =
            rest.iter().copied().take_while(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(b)).collect();
        if let Some(enc) = Encoding::for_label(&label) {
            return (enc != UTF_8 && enc != UTF_16LE && enc != UTF_16BE).then_some(enc);
        }
        from += at + 8;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode("\u{feff}سلام".as_bytes(), false).unwrap(), "سلام");
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        b.extend("حرب".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&b, false).unwrap(), "حرب");
    }

    #[test]
    fn meta_charset_wins_over_detection() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">\xC7";
        assert_eq!(decode(page, true).unwrap().chars().last(), Some('ا'));
    }
}
