//! The REST API and dashboard of rasd (رصد): `rasd serve`.
//!
//! An [axum] application over one rasd database (`rasd-store`, SQLite in WAL
//! mode). It answers the questions of DESIGN.md §1 over HTTP: events and
//! incidents filtered by place, time, type, actor and text, one document with
//! every evidence span, statistics, exports in the analysts' formats, and (when
//! enabled) ingest of new reports, which are extracted on the spot.
//!
//! # Design
//!
//! - **Records as they are.** Events, incidents and documents are serialized
//!   from the `rasd-core` types unchanged, so their JSON fields are exactly the
//!   contract of DESIGN.md §4; an event in a listing only gains its
//!   `incident_id`. Lists are pages `{"items": […], "next": cursor|null}` with
//!   the store's keyset cursors, so walking pages never repeats or skips a
//!   record even while documents are being added.
//! - **Many readers, one writer.** SQLite in WAL mode lets readers see the last
//!   commit while a writer ingests. Every query runs on a read-only `Store`
//!   taken from a small pool inside `spawn_blocking` (never on the async
//!   workers), with a semaphore bounding how many run at once; all writes go
//!   through one read-write `Store` behind a `tokio` mutex, so writers queue
//!   instead of contending for SQLite's lock. Extraction, which is pure CPU,
//!   runs in `spawn_blocking` before the writer lock is taken.
//! - **Strict input, JSON errors.** Every `/api` route rejects query parameters
//!   it does not know (naming them) and values it cannot read, with `400` and
//!   `{"error": "…"}`; every other failure (404, 405, 413, 415, timeouts) has
//!   the same JSON body, so a client never has to parse an HTML or empty error.
//!   Only bound SQL parameters reach the database (the store builds all SQL).
//! - **Writes are opt-in.** `POST /api/documents` answers 403 unless the
//!   server was started with `allow_ingest` or a token; with a token it wants
//!   `Authorization: Bearer TOKEN`, compared in constant time on SHA-256
//!   digests (so neither the content nor the length of the token leaks through
//!   timing). Reads are public: the server binds to loopback by default.
//! - **The OpenAPI document is the router.** Routes are registered through
//!   `utoipa-axum`, which builds the axum router and the OpenAPI paths from the
//!   same `#[utoipa::path]` annotations, and the accepted query parameters of a
//!   route are read from the same `IntoParams` types its documentation lists;
//!   `tests/api.rs` checks the served document against real requests.
//! - **One file to deploy.** The dashboard (`assets/`) is embedded in the
//!   binary at build time (`rust-embed`; debug builds read the folder so that
//!   edits show without a rebuild), and the lexicon is the bundled one.
//!
//! ```no_run
//! let cfg = rasd_server::ServerConfig::new("rasd.db");
//! rasd_server::run(cfg).unwrap(); // blocks until Ctrl-C
//! ```

mod api;
mod assets;
mod db;
mod error;
mod params;
mod schema;

pub use error::ServerError;

use axum::http::{header, HeaderValue, StatusCode};
use rasd_lexicon::Lexicon;
use sha2::{Digest, Sha256};
use std::fmt;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

/// Where `rasd serve` listens unless told otherwise: loopback only.
pub const DEFAULT_ADDR: SocketAddr = SocketAddr::new(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST), 8080);
/// The largest request body accepted by default (a long article is ~100 KB).
pub const DEFAULT_BODY_LIMIT: usize = 5 * 1024 * 1024;
/// How long a request may take by default before the server answers 503.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// The environment variable [`ServerConfig::new`] reads the ingest token from.
pub const TOKEN_ENV: &str = "RASD_TOKEN";

/// How `rasd serve` runs.
#[derive(Clone)]
pub struct ServerConfig {
    /// The database file. Created (and migrated) when writes are enabled;
    /// otherwise it must exist.
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// Accept `POST /api/documents` without a token.
    pub allow_ingest: bool,
    /// Accept `POST /api/documents` with `Authorization: Bearer TOKEN` only.
    /// Setting it enables writes even without `allow_ingest`.
    pub token: Option<String>,
    /// The largest request body, in bytes (larger ones get 413).
    pub body_limit: usize,
    /// Requests running longer get 503.
    pub request_timeout: Duration,
}

impl ServerConfig {
    /// The defaults for a database: [`DEFAULT_ADDR`], ingest disabled, the
    /// token from the environment variable [`TOKEN_ENV`] (`RASD_TOKEN`; an
    /// empty value counts as unset), [`DEFAULT_BODY_LIMIT`] and
    /// [`DEFAULT_REQUEST_TIMEOUT`].
    pub fn new(db: impl Into<PathBuf>) -> ServerConfig {
        ServerConfig {
            db: db.into(),
            addr: DEFAULT_ADDR,
            allow_ingest: false,
            token: std::env::var(TOKEN_ENV).ok().filter(|t| !t.is_empty()),
            body_limit: DEFAULT_BODY_LIMIT,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
        }
    }

    /// Whether `POST /api/documents` can succeed at all.
    pub fn writes_enabled(&self) -> bool {
        self.allow_ingest || self.token.is_some()
    }
}

// By hand, so that logging a configuration never prints the token.
impl fmt::Debug for ServerConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServerConfig")
            .field("db", &self.db)
            .field("addr", &self.addr)
            .field("allow_ingest", &self.allow_ingest)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field("body_limit", &self.body_limit)
            .field("request_timeout", &self.request_timeout)
            .finish()
    }
}

/// Who may write.
#[derive(Clone)]
pub(crate) enum Writes {
    Disabled,
    Open,
    /// The SHA-256 of the token: comparing digests takes the same time
    /// whatever the length of the guess.
    Token([u8; 32]),
}

/// What every request handler shares: the database, the lexicon (when
/// writes are enabled) and the limits. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub(crate) db: Arc<db::Db>,
    pub(crate) lexicon: Option<Arc<Lexicon>>,
    pub(crate) writes: Writes,
    pub(crate) body_limit: usize,
    pub(crate) request_timeout: Duration,
}

impl AppState {
    /// Opens the database of `cfg` and, when writes are enabled, loads the
    /// bundled lexicon (~0.1 s) for extraction.
    pub fn open(cfg: &ServerConfig) -> Result<AppState, ServerError> {
        let lexicon = if cfg.writes_enabled() { Some(Arc::new(Lexicon::bundled()?)) } else { None };
        AppState::build(cfg, lexicon)
    }

    /// Like [`AppState::open`] with a lexicon the caller already holds (tests
    /// and embedders that run several servers share one).
    pub fn with_lexicon(cfg: &ServerConfig, lexicon: Arc<Lexicon>) -> Result<AppState, ServerError> {
        AppState::build(cfg, Some(lexicon))
    }

    fn build(cfg: &ServerConfig, lexicon: Option<Arc<Lexicon>>) -> Result<AppState, ServerError> {
        let writes = match (&cfg.token, cfg.allow_ingest) {
            // An empty token would admit `Authorization: Bearer ` with nothing after it.
            (Some(t), _) if t.trim().is_empty() => return Err(ServerError::EmptyToken),
            (Some(t), _) => Writes::Token(Sha256::digest(t.as_bytes()).into()),
            (None, true) => Writes::Open,
            (None, false) => Writes::Disabled,
        };
        let db = db::Db::open(&cfg.db, !matches!(writes, Writes::Disabled))?;
        Ok(AppState {
            db: Arc::new(db),
            lexicon,
            writes,
            body_limit: cfg.body_limit,
            request_timeout: cfg.request_timeout,
        })
    }
}

/// The whole application (API, OpenAPI document, dashboard) as a router, to
/// serve or to call in-process.
pub fn router(state: AppState) -> axum::Router {
    use axum::extract::DefaultBodyLimit;
    use tower_http::set_header::SetResponseHeaderLayer;
    use tower_http::timeout::TimeoutLayer;

    let (api, doc) = api::routes().split_for_parts();
    let doc = axum::body::Bytes::from(doc.to_pretty_json().expect("the OpenAPI document serializes"));
    let timeout = state.request_timeout;
    api.route(
        "/api/openapi.json",
        axum::routing::get(move |axum::extract::RawQuery(raw)| api::openapi_json(doc.clone(), raw)),
    )
    .fallback(api::not_found)
    .with_state(state.clone())
    // Innermost first: the limit applies when a handler reads the body,
    // the timeout covers the handler, and the error mapper sees both.
    .layer(DefaultBodyLimit::max(state.body_limit))
    .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, timeout))
    .layer(axum::middleware::map_response(move |res| error::json_errors(res, timeout)))
    .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
}

/// The OpenAPI 3.1 document of the API, as served at `/api/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api::routes().split_for_parts().1
}

/// Serves `state` on an already bound listener until `shutdown` completes,
/// then finishes the requests in flight.
pub async fn serve_on(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown).await.map_err(ServerError::Io)
}

/// Opens the database, binds `cfg.addr`, prints the URL on stderr and serves
/// until Ctrl-C (or SIGTERM), then shuts down gracefully.
pub async fn serve(cfg: ServerConfig) -> Result<(), ServerError> {
    let opened = cfg.clone();
    let state = tokio::task::spawn_blocking(move || AppState::open(&opened))
        .await
        .map_err(|e| ServerError::Internal(format!("opening the database: {e}")))??;
    let listener = TcpListener::bind(cfg.addr).await.map_err(|source| ServerError::Bind { addr: cfg.addr, source })?;
    let addr = listener.local_addr().map_err(ServerError::Io)?;
    let writes = match (&cfg.token, cfg.allow_ingest) {
        (Some(_), _) => "ingest with a bearer token",
        (None, true) => "ingest open to anyone who can connect",
        (None, false) => "read-only",
    };
    eprintln!("rasd serve: {} on http://{addr}/ ({writes}); API description at /api/openapi.json", cfg.db.display());
    if !addr.ip().is_loopback() && cfg.allow_ingest && cfg.token.is_none() {
        eprintln!("rasd serve: warning: {addr} is reachable from other machines and ingest needs no token");
    }
    serve_on(listener, state, shutdown_signal()).await
}

/// [`serve`] on a runtime of its own, for callers without one (the CLI).
pub fn run(cfg: ServerConfig) -> Result<(), ServerError> {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(ServerError::Io)?.block_on(serve(cfg))
}

/// Completes on Ctrl-C, or on SIGTERM where there is one (service managers
/// and containers stop a server with it).
async fn shutdown_signal() {
    let ctrl_c = async {
        // If the handler cannot be installed, serve until killed rather than stop at once.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
    eprintln!("rasd serve: shutting down");
}

#[cfg(test)]
mod tests {
    /// The CLI reports errors through `anyhow`, which needs these.
    #[test]
    fn errors_and_state_cross_threads() {
        fn send_sync<T: Send + Sync + 'static>() {}
        send_sync::<super::ServerError>();
        send_sync::<super::AppState>();
        send_sync::<super::ServerConfig>();
    }
}
