//! The dashboard: the files of `assets/`, embedded in the binary.
//!
//! Release builds carry the files inside the binary, so `rasd serve` works
//! from any directory; debug builds read the folder at request time, so that
//! edits to the dashboard show on reload (rust-embed's default). `build.rs`
//! makes cargo rebuild when a file is added to the folder.

use crate::error::ApiError;
use axum::body::Body;
use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::borrow::Cow;

#[derive(rust_embed::Embed)]
#[folder = "assets/"]
struct Assets;

/// Vendored libraries, map data and fonts never change under the same name,
/// so browsers may keep them for a year; the dashboard's own files are
/// revalidated on every load (cheaply, by ETag).
const IMMUTABLE_DIRS: &[&str] = &["vendor/", "fonts/"];

/// The media type of a file, by extension.
fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "topojson" | "map" => "application/json",
        "geojson" => "application/geo+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "txt" | "md" => "text/plain; charset=utf-8",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// `GET /`: the dashboard page.
#[utoipa::path(
    get,
    path = "/",
    tag = "dashboard",
    responses(
        (status = 200, description = "The dashboard (`assets/index.html`).", content_type = "text/html"),
        (status = 304, description = "Not modified since the ETag of `If-None-Match`."),
    )
)]
pub(crate) async fn index(headers: HeaderMap) -> Response {
    serve("index.html", &headers)
}

/// `GET /assets/{path}`: a file of the dashboard.
#[utoipa::path(
    get,
    path = "/assets/{path}",
    tag = "dashboard",
    params(("path" = String, Path, description = "Path of the file under `assets/`, e.g. `app.js`.")),
    responses(
        (status = 200, description = "The file, with its media type."),
        (status = 304, description = "Not modified since the ETag of `If-None-Match`."),
        (status = 404, description = "No such file.", body = crate::schema::ErrorBody),
    )
)]
pub(crate) async fn asset(Path(path): Path<String>, headers: HeaderMap) -> Response {
    serve(&path, &headers)
}

fn serve(path: &str, headers: &HeaderMap) -> Response {
    let Some(file) = Assets::get(path) else {
        return ApiError::not_found(format!("no dashboard file {path:?}")).into_response();
    };
    let hash = file.metadata.sha256_hash();
    let etag = format!("\"{}\"", hash[..12].iter().map(|b| format!("{b:02x}")).collect::<String>());
    let cache = if IMMUTABLE_DIRS.iter().any(|d| path.starts_with(d) || path.contains(&format!("/{d}"))) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let etag_header = HeaderValue::from_str(&etag).expect("hex is a valid header value");
    let not_modified = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim().trim_start_matches("W/") == etag));
    if not_modified {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag_header)]).into_response();
    }
    let body = match file.data {
        Cow::Borrowed(b) => Body::from(b),
        Cow::Owned(v) => Body::from(v),
    };
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type(path))),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
            (header::ETAG, etag_header),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::content_type;

    #[test]
    fn media_types() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("vendor/world.TOPOJSON"), "application/json");
        assert_eq!(content_type("fonts/a.woff2"), "font/woff2");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }
}
