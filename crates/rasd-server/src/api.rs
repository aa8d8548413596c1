//! The routes of the API and their OpenAPI descriptions.

use crate::db::natural_key;
use crate::error::ApiError;
use crate::params::{self, ExportParams, FilterParams, IngestParams, PageParams};
use crate::schema::{
    DocumentDetail, DocumentInput, ErrorBody, EventItem, EventPage, Gap, Health, IncidentDetail, IncidentPage,
    IncidentRecord, IngestResponse, IngestStatus, SpanItem, StatsBody,
};
use crate::{assets, AppState, Writes};
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Path, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rasd_core::{Document, Event, Incident};
use rasd_export::{ExportOptions, Format};
use rasd_extract::{Extractor, Options};
use rasd_store::{Added, EventFilter, Store, MAX_LIMIT};
use sha2::Digest;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path as FsPath;
use std::sync::LazyLock;
use subtle::ConstantTimeEq;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// An export holds every matching record in memory (the writers number ACLED
/// rows per country across the whole file), so it is bounded.
pub(crate) const EXPORT_MAX: usize = 100_000;

/// Longest document id accepted, in bytes.
const MAX_ID_LEN: usize = 512;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "rasd",
        description = "Conflict events extracted from Arabic news reports (ACLED/PLOVER coding), the incidents merged \
                       from them, and the reports with every evidence span. Records follow the contract of rasd's \
                       DESIGN.md §4. Errors are `{\"error\": \"…\"}`.",
        license(name = "Apache-2.0")
    ),
    paths(openapi_json, assets::asset),
    // Query parameters refer to these; utoipa collects only the schemas of bodies.
    components(schemas(crate::schema::FormatLabel, crate::schema::KindLabel)),
    modifiers(&BearerAuth),
    tags(
        (name = "events", description = "One report's claim each."),
        (name = "incidents", description = "Happenings merged from their reports."),
        (name = "documents", description = "Reports: ingest and evidence."),
        (name = "meta", description = "Statistics, health and this description."),
        (name = "dashboard", description = "The web dashboard."),
    )
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

/// Every route but `/api/openapi.json` (which serves the document these
/// build), with its OpenAPI description.
pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(list_events))
        .routes(routes!(get_event))
        .routes(routes!(list_incidents))
        .routes(routes!(get_incident))
        .routes(routes!(post_document))
        .routes(routes!(get_document))
        .routes(routes!(export))
        .routes(routes!(stats))
        .routes(routes!(healthz))
        .routes(routes!(assets::index))
        // axum's catch-all syntax is not OpenAPI's; ApiDoc documents it as `/assets/{path}`.
        .route("/assets/{*path}", axum::routing::get(assets::asset))
}

/// The accepted query parameters of each route, from the types its
/// description lists.
static LIST_PARAMS: LazyLock<Vec<String>> =
    LazyLock::new(|| [params::names::<FilterParams>(), params::names::<PageParams>()].concat());
static EXPORT_PARAMS: LazyLock<Vec<String>> =
    LazyLock::new(|| [params::names::<ExportParams>(), params::names::<FilterParams>()].concat());
static INGEST_PARAMS: LazyLock<Vec<String>> = LazyLock::new(params::names::<IngestParams>);

/// Refuses any query parameter on a route that takes none.
fn no_params(raw: Option<&str>) -> Result<(), ApiError> {
    params::parse::<BTreeMap<String, String>>(raw, &[]).map(|_| ())
}

fn list_filter(raw: Option<&str>) -> Result<EventFilter, ApiError> {
    let f: FilterParams = params::parse(raw, &LIST_PARAMS)?;
    let p: PageParams = params::parse(raw, &LIST_PARAMS)?;
    params::filter(f, p)
}

/// Events matching the filters, by id.
#[utoipa::path(
    get,
    path = "/api/events",
    tag = "events",
    params(FilterParams, PageParams),
    responses(
        (status = 200, description = "One page of events, sorted by id.", body = EventPage),
        (status = 400, description = "An unknown parameter or a bad value.", body = ErrorBody),
    )
)]
async fn list_events(State(st): State<AppState>, RawQuery(raw): RawQuery) -> Result<Json<EventPage>, ApiError> {
    let filter = list_filter(raw.as_deref())?;
    let page = st.db.read(move |s| Ok(s.events(&filter)?)).await?;
    Ok(Json(EventPage { items: page.items.into_iter().map(EventItem::from).collect(), next: page.next }))
}

/// One event with the id of its incident.
#[utoipa::path(
    get,
    path = "/api/events/{id}",
    tag = "events",
    params(("id" = String, Path, description = "Event id (`DOCUMENT#N`; `#` is sent as `%23`).")),
    responses(
        (status = 200, description = "The event.", body = EventItem),
        (status = 400, description = "An unknown query parameter.", body = ErrorBody),
        (status = 404, description = "No such event.", body = ErrorBody),
    )
)]
async fn get_event(
    State(st): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<EventItem>, ApiError> {
    no_params(raw.as_deref())?;
    let event =
        st.db.read(move |s| s.event(&id)?.ok_or_else(|| ApiError::not_found(format!("no event {id:?}")))).await?;
    Ok(Json(EventItem::from(event)))
}

/// Incidents matching the filters, by id (`actor` and `q` match any member).
#[utoipa::path(
    get,
    path = "/api/incidents",
    tag = "incidents",
    params(FilterParams, PageParams),
    responses(
        (status = 200, description = "One page of incidents, sorted by id.", body = IncidentPage),
        (status = 400, description = "An unknown parameter or a bad value.", body = ErrorBody),
    )
)]
async fn list_incidents(State(st): State<AppState>, RawQuery(raw): RawQuery) -> Result<Json<IncidentPage>, ApiError> {
    let filter = list_filter(raw.as_deref())?;
    let page = st.db.read(move |s| Ok(s.incidents(&filter)?)).await?;
    Ok(Json(IncidentPage { items: page.items.into_iter().map(IncidentRecord).collect(), next: page.next }))
}

/// One incident with its member events and, for a running total, its coverage gap.
#[utoipa::path(
    get,
    path = "/api/incidents/{id}",
    tag = "incidents",
    params(("id" = String, Path, description = "Incident id (its smallest member event id).")),
    responses(
        (status = 200, description = "The incident.", body = IncidentDetail),
        (status = 400, description = "An unknown query parameter.", body = ErrorBody),
        (status = 404, description = "No such incident.", body = ErrorBody),
    )
)]
async fn get_incident(
    State(st): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<IncidentDetail>, ApiError> {
    no_params(raw.as_deref())?;
    let detail = st
        .db
        .read(move |s| {
            let incident = s.incident(&id)?.ok_or_else(|| ApiError::not_found(format!("no incident {id:?}")))?;
            let members = sorted_events(s, incident.events.iter().cloned().collect())?;
            let coverage_gap = s.coverage_gap(&id)?.map(Gap::from);
            Ok(IncidentDetail { incident, members, coverage_gap })
        })
        .await?;
    Ok(Json(detail))
}

/// The stored events with these ids, in text order.
fn sorted_events(s: &Store, ids: BTreeSet<String>) -> Result<Vec<EventItem>, ApiError> {
    let mut events: Vec<EventItem> =
        s.events_by_id(ids.iter().map(String::as_str))?.into_values().map(EventItem::from).collect();
    events.sort_by(|a, b| natural_key(&a.event.id).cmp(&natural_key(&b.event.id)));
    Ok(events)
}

/// A stored document with its spans and events (their ids are those of its spans).
fn document_detail(s: &Store, id: &str) -> Result<DocumentDetail, ApiError> {
    let doc = s.document(id)?.ok_or_else(|| ApiError::not_found(format!("no document {id:?}")))?;
    let ids: BTreeSet<String> = doc.spans.iter().map(|sp| sp.event_id.clone()).collect();
    let events = sorted_events(s, ids)?;
    let spans = doc.spans.into_iter().map(SpanItem::from).collect();
    Ok(DocumentDetail { document: doc.document, sha256: doc.sha256, spans, events })
}

/// A stored document: its text, every evidence span (code-point offsets) and its events.
#[utoipa::path(
    get,
    path = "/api/documents/{id}",
    tag = "documents",
    params(("id" = String, Path, description = "Document id, or the SHA-256 of its text.")),
    responses(
        (status = 200, description = "The document.", body = DocumentDetail),
        (status = 400, description = "An unknown query parameter.", body = ErrorBody),
        (status = 404, description = "No such document.", body = ErrorBody),
    )
)]
async fn get_document(
    State(st): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<DocumentDetail>, ApiError> {
    no_params(raw.as_deref())?;
    Ok(Json(st.db.read(move |s| document_detail(s, &id)).await?))
}

/// Checks the caller may write.
fn authorize(st: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    match &st.writes {
        Writes::Disabled => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "ingest is disabled on this server: start it with --allow-ingest, or set RASD_TOKEN to require a token",
        )),
        Writes::Open => Ok(()),
        Writes::Token(digest) => {
            let given = headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split_once(' '))
                .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
                .map(|(_, token)| token.trim());
            let ok = given.is_some_and(|t| {
                let d: [u8; 32] = sha2::Sha256::digest(t.as_bytes()).into();
                bool::from(d.ct_eq(digest))
            });
            if ok {
                Ok(())
            } else {
                Err(ApiError::new(StatusCode::UNAUTHORIZED, "this server needs Authorization: Bearer TOKEN to ingest"))
            }
        }
    }
}

fn check_id(id: &str) -> Result<(), ApiError> {
    if id.len() > MAX_ID_LEN || id.chars().any(char::is_control) {
        return Err(ApiError::bad_request(format!(
            "id: at most {MAX_ID_LEN} bytes without control characters, got {:?}",
            id.chars().take(40).collect::<String>()
        )));
    }
    Ok(())
}

fn published(v: Option<String>) -> Result<Option<String>, ApiError> {
    match v.map(|p| p.trim().to_string()).filter(|p| !p.is_empty()) {
        None => Ok(None),
        Some(p) => rasd_ingest::day_of(&p).map(Some).ok_or_else(|| {
            ApiError::bad_request(format!(
                "published: unreadable date {p:?} (expected YYYY-MM-DD, an ISO timestamp or RFC 2822)"
            ))
        }),
    }
}

fn lang(v: Option<String>, text: &str) -> Result<Option<String>, ApiError> {
    match v.map(|l| l.trim().to_ascii_lowercase()).filter(|l| !l.is_empty()) {
        None => Ok(rasd_ingest::detect_lang(text)),
        Some(l) if (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()) => Ok(Some(l)),
        Some(l) => Err(ApiError::bad_request(format!("lang: expected an ISO 639-1 code such as ar, got {l:?}"))),
    }
}

fn media_type(headers: &HeaderMap) -> Option<String> {
    let v = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    Some(v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
}

/// The document of a request body.
fn read_document(headers: &HeaderMap, q: IngestParams, body: &[u8]) -> Result<Document, ApiError> {
    let mt = media_type(headers).unwrap_or_default();
    let doc = if mt == "application/json" || mt.ends_with("+json") {
        let metadata = [&q.id, &q.published, &q.source, &q.url, &q.title, &q.lang];
        if metadata.iter().any(|m| m.is_some()) {
            return Err(ApiError::bad_request(
                "with a JSON body, give id, published, source, url, title and lang in the body, not the query",
            ));
        }
        let input: DocumentInput =
            serde_json::from_slice(body).map_err(|e| ApiError::bad_request(format!("invalid JSON document: {e}")))?;
        Document {
            id: input.id.unwrap_or_default(),
            published: published(input.published)?,
            lang: lang(input.lang, &input.text)?,
            text: input.text,
            source: input.source,
            url: input.url,
            title: input.title,
        }
    } else if mt == "text/plain" {
        // Decoded as `rasd ingest` decodes a text file (UTF-8, UTF-16 with BOM, legacy Arabic encodings).
        let item = rasd_ingest::read_bytes(FsPath::new("request body"), body, rasd_ingest::Format::Text)
            .pop()
            .expect("a text input is one document or one error")
            .map_err(|e| ApiError::bad_request(format!("text: {}", e.kind)))?;
        Document {
            id: q.id.unwrap_or_default(),
            published: published(q.published)?,
            lang: match q.lang {
                Some(l) => lang(Some(l), &item.doc.text)?,
                None => item.doc.lang,
            },
            text: item.doc.text,
            source: q.source,
            url: q.url,
            title: q.title,
        }
    } else {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("Content-Type must be application/json or text/plain, got {mt:?}"),
        ));
    };
    if doc.text.trim().is_empty() {
        return Err(ApiError::bad_request("text: the document has no text"));
    }
    let mut doc = doc;
    if doc.id.is_empty() {
        doc.id = rasd_ingest::content_id(&doc.text);
    }
    check_id(&doc.id)?;
    Ok(doc)
}

/// Extracts the events of a report and stores both.
///
/// The body is one document, as JSON (`{"id"?, "text", "published"?, "source"?, "url"?, "title"?, "lang"?}`) or
/// as plain text with its metadata in the query. The same text a second time changes nothing and answers 200
/// with the stored events.
#[utoipa::path(
    post,
    path = "/api/documents",
    tag = "documents",
    params(IngestParams),
    request_body(
        description = "The report.",
        content(
            (DocumentInput = "application/json"),
            (String = "text/plain", example = "قتل سبعة مسلحين في غارة جوية على مرزق يوم الأحد"),
        )
    ),
    responses(
        (status = 201, description = "Stored; its events.", body = IngestResponse,
            headers(("Location" = String, description = "The document's URL."))),
        (status = 200, description = "The same text is already stored; its events.", body = IngestResponse),
        (status = 400, description = "Bad JSON, a bad value or no text.", body = ErrorBody),
        (status = 401, description = "A token is required and was missing or wrong.", body = ErrorBody),
        (status = 403, description = "Ingest is disabled on this server.", body = ErrorBody),
        (status = 409, description = "The id is taken by a different text.", body = ErrorBody),
        (status = 413, description = "The body is larger than the server's limit.", body = ErrorBody),
        (status = 415, description = "Neither JSON nor plain text.", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
async fn post_document(
    State(st): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    req: Request,
) -> Result<Response, ApiError> {
    // Before the body is read: an unauthorized client learns nothing more and costs nothing more.
    authorize(&st, &headers)?;
    let q: IngestParams = params::parse(raw.as_deref(), &INGEST_PARAMS)?;
    let explain = params::boolean("explain", q.explain.clone())?;
    let body = Bytes::from_request(req, &()).await.map_err(|e| match e.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body is larger than this server's limit of {} bytes", st.body_limit),
        ),
        status => ApiError::new(status, e.body_text()),
    })?;
    let doc = read_document(&headers, q, &body)?;
    let lexicon = st.lexicon.clone().ok_or_else(|| ApiError::internal("ingest", "no lexicon is loaded"))?;
    let (doc, events) = tokio::task::spawn_blocking(move || {
        let events = Extractor::new(&lexicon, Options { explain }).extract(&doc);
        (doc, events)
    })
    .await
    .map_err(|e| ApiError::internal("extraction task", e))?;
    let events = events.map_err(|e| ApiError::bad_request(e.to_string()))?;
    let (added, stored) = st
        .db
        .write(move |s| {
            let added = s.add_document(&doc, &events)?;
            let id = match &added {
                Added::Inserted { id, .. } | Added::Duplicate { id } => id.clone(),
            };
            let stored = document_detail(s, &id)?.events;
            Ok((added, stored))
        })
        .await?;
    let (status, id, state) = match added {
        Added::Inserted { id, .. } => (StatusCode::CREATED, id, IngestStatus::Inserted),
        Added::Duplicate { id } => (StatusCode::OK, id, IngestStatus::Duplicate),
    };
    let location = format!("/api/documents/{}", percent_encoding::utf8_percent_encode(&id, PATH_SEGMENT));
    let mut res = (status, Json(IngestResponse { id, status: state, events: stored })).into_response();
    if let Ok(v) = HeaderValue::from_str(&location) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

/// Characters escaped in a path segment (RFC 3986: everything but unreserved characters).
const PATH_SEGMENT: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Every record matching the filters in an analysts' format, as a download.
///
/// Running totals are included unless `skip_cumulative=true`. The response headers `X-Rasd-Exported` and
/// `X-Rasd-Skipped` count the records written and those the format leaves out (GeoJSON: no coordinates; UCDP:
/// not organized violence).
#[utoipa::path(
    get,
    path = "/api/export",
    tag = "events",
    params(ExportParams, FilterParams),
    responses(
        (status = 200, description = "The file (`Content-Disposition: attachment`).",
            content(
                (String = "text/csv"),
                (String = "application/x-ndjson"),
                (String = "application/geo+json"),
            )),
        (status = 400, description = "An unknown parameter, a bad value, or more than 100,000 matching records.",
            body = ErrorBody),
    )
)]
async fn export(State(st): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let p: ExportParams = params::parse(raw.as_deref(), &EXPORT_PARAMS)?;
    let f: FilterParams = params::parse(raw.as_deref(), &EXPORT_PARAMS)?;
    let format: Format =
        p.format.parse().map_err(|e: rasd_export::UnknownFormat| ApiError::bad_request(format!("format: {e}")))?;
    let incidents = match p.kind.as_deref().map(str::trim) {
        None | Some("" | "events") => false,
        Some("incidents") => true,
        Some(other) => {
            return Err(ApiError::bad_request(format!("kind: expected events or incidents, got {other:?}")));
        }
    };
    let mut filter = params::filter(f, PageParams::default())?;
    filter.limit = Some(MAX_LIMIT);
    let opts = ExportOptions {
        timestamp: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0),
        outlets: BTreeMap::new(),
        skip_cumulative: params::boolean("skip_cumulative", p.skip_cumulative)?,
    };
    let (bytes, summary) = st
        .db
        .read(move |s| {
            let mut out = Vec::new();
            let summary = if incidents {
                let records: Vec<Incident> = collect(filter, |f| s.incidents(f).map(|p| (p.items, p.next)))?;
                rasd_export::write_incidents(format, &records, &opts, &mut out)
            } else {
                let records: Vec<Event> =
                    collect(filter, |f| s.events(f).map(|p| (p.items.into_iter().map(|e| e.event).collect(), p.next)))?;
                let opts = ExportOptions { outlets: outlets(s, &records)?, ..opts };
                rasd_export::write_events(format, &records, &opts, &mut out)
            }
            .map_err(|e| ApiError::internal("export", e))?;
            Ok((out, summary))
        })
        .await?;
    let name = format!("rasd-{}.{}", if incidents { "incidents" } else { "events" }, format.extension());
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static(format.media_type())),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")).expect("an ASCII file name"),
        ),
        (header::HeaderName::from_static("x-rasd-exported"), HeaderValue::from(summary.written)),
        (header::HeaderName::from_static("x-rasd-skipped"), HeaderValue::from(summary.skipped.len())),
    ];
    Ok((headers, Body::from(bytes)).into_response())
}

/// Every page of a filter, refusing more than [`EXPORT_MAX`] records.
fn collect<T>(
    mut filter: EventFilter,
    mut page: impl FnMut(&EventFilter) -> Result<(Vec<T>, Option<String>), rasd_store::StoreError>,
) -> Result<Vec<T>, ApiError> {
    let mut all = Vec::new();
    loop {
        let (items, next) = page(&filter)?;
        all.extend(items);
        if all.len() > EXPORT_MAX {
            return Err(ApiError::bad_request(format!(
                "more than {EXPORT_MAX} records match; narrow the filters (date_from/date_to, country, …) and export in parts"
            )));
        }
        match next {
            Some(n) => filter.after = Some(n),
            None => return Ok(all),
        }
    }
}

/// The outlet (document `source`) of each document of the events, for the
/// ACLED and UCDP `source` columns.
fn outlets(s: &Store, events: &[Event]) -> Result<BTreeMap<String, String>, ApiError> {
    let docs: BTreeSet<&str> = events.iter().map(|e| e.doc_id.as_str()).collect();
    // one query for every outlet, rather than loading each document's text
    let mut all = s.outlets()?;
    all.retain(|id, _| docs.contains(id.as_str()));
    Ok(all)
}

/// Counts of documents, events and incidents, by type, country and month.
#[utoipa::path(
    get,
    path = "/api/stats",
    tag = "meta",
    responses(
        (status = 200, description = "What the database holds.", body = StatsBody),
        (status = 400, description = "An unknown query parameter.", body = ErrorBody),
    )
)]
async fn stats(State(st): State<AppState>, RawQuery(raw): RawQuery) -> Result<Json<StatsBody>, ApiError> {
    no_params(raw.as_deref())?;
    Ok(Json(st.db.read(|s| Ok(s.stats()?)).await?.into()))
}

/// Liveness and readiness: answers 200 when the database can be read.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "meta",
    responses(
        (status = 200, description = "Up.", body = Health),
        (status = 503, description = "The database cannot be read.", body = ErrorBody),
    )
)]
async fn healthz(State(st): State<AppState>) -> Result<Json<Health>, ApiError> {
    let schema_version =
        st.db.read(|s| Ok(s.schema_version()?)).await.map_err(|e| {
            ApiError::new(StatusCode::SERVICE_UNAVAILABLE, format!("database unavailable: {}", e.message))
        })?;
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        schema_version,
        ingest: st.db.writable(),
    }))
}

/// This document: the OpenAPI 3.1 description of the API.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    tag = "meta",
    responses(
        (status = 200, description = "The OpenAPI document.", content_type = "application/json"),
        (status = 400, description = "An unknown query parameter.", body = ErrorBody),
    )
)]
pub(crate) async fn openapi_json(doc: Bytes, raw: Option<String>) -> Result<Response, ApiError> {
    no_params(raw.as_deref())?;
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], doc).into_response())
}

/// Any other path: a JSON 404.
pub(crate) async fn not_found(method: Method, uri: Uri) -> ApiError {
    ApiError::not_found(format!("no route for {method} {}", uri.path()))
}
