//! Errors: [`ServerError`] for starting and running the server, and the
//! JSON error responses of the API.

use crate::schema::ErrorBody;
use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rasd_store::StoreError;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(
        "database {} does not exist; create it by ingesting documents, or start the server with ingest enabled \
         (--allow-ingest or RASD_TOKEN)",
        .0.display()
    )]
    NoDatabase(PathBuf),
    #[error("the ingest token is empty; give a token, or none")]
    EmptyToken,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("loading the bundled lexicon: {0}")]
    Lexicon(#[from] rasd_lexicon::DataError),
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
    #[error("server: {0}")]
    Io(#[source] std::io::Error),
    #[error("server: {0}")]
    Internal(String),
}

/// An API failure: a status and the message of its `{"error": "…"}` body.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError { status, message: message.into() }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    /// A failure the client cannot fix: logged in full on stderr, answered
    /// with a generic message so that no internals (paths, SQL) leak.
    pub fn internal(context: &str, detail: impl std::fmt::Display) -> ApiError {
        eprintln!("rasd serve: {context}: {detail}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("internal error ({context}); see the server log"))
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::InvalidFilter(m) => ApiError::bad_request(m),
            StoreError::DocumentIdConflict { .. } | StoreError::EventIdConflict { .. } => {
                ApiError::new(StatusCode::CONFLICT, e.to_string())
            }
            StoreError::SpanOutOfRange { .. } | StoreError::WrongDocument { .. } => {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string())
            }
            // The busy timeout ran out: another process holds the write lock.
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) =>
            {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the database is busy; try again")
            }
            other => ApiError::internal("database", other),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (self.status, axum::Json(ErrorBody { error: self.message })).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"rasd\""));
        }
        res
    }
}

/// Gives every error response a JSON body: axum's own rejections (405),
/// tower-http's timeout (an empty 503) and anything else that is not JSON
/// yet. Successful responses pass untouched.
pub(crate) async fn json_errors(res: Response, timeout: Duration) -> Response {
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    // Bodies of error responses that are not ours are short texts or empty.
    let text = axum::body::to_bytes(body, 64 * 1024).await.ok().and_then(|b| String::from_utf8(b.to_vec()).ok());
    let message = match text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()) {
        Some(t) => t,
        None if status == StatusCode::SERVICE_UNAVAILABLE => {
            format!("the request took longer than the server's limit of {} s", timeout.as_secs_f64())
        }
        // axum adds the Allow header after this layer has run.
        None if status == StatusCode::METHOD_NOT_ALLOWED => {
            "method not allowed for this path (the Allow header lists those that are)".to_string()
        }
        None => status.canonical_reason().unwrap_or("error").to_string(),
    };
    let json = serde_json::to_vec(&ErrorBody { error: message }).expect("a string serializes");
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(json))
}
