//! Core record types of rasd (رصد).
//!
//! This crate holds only data types shared by every stage of the pipeline
//! (see `DESIGN.md` §2–§4): the [`Span`] every piece of evidence carries, the
//! [`Document`] that goes in, and the [`Event`] record that comes out, with the
//! closed vocabularies of ACLED and PLOVER as enums so that a misspelt event
//! type cannot be represented. It does no I/O and has no global state.
//!
//! Offsets: internally every [`Span`] is a *byte* range into the original text
//! (cheap to slice, always on `char` boundaries). The output contract speaks
//! Unicode code points; [`CharIndex`] converts at the boundary.

mod event;
mod incident;
mod span;
mod taxonomy;

pub use event::*;
pub use incident::*;
pub use span::*;
pub use taxonomy::*;

/// One input report.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Document {
    /// Given id, or a content hash.
    pub id: String,
    /// Original text, never altered.
    pub text: String,
    /// Publication date (`YYYY-MM-DD`, a longer timestamp is cut to the day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}
