//! Numbers and quantities (initial version: digits only; to be replaced).

use crate::tokens::{Token, TokenKind};
use rasd_core::{Qualifier, Span};
use serde::Serialize;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    Cardinal,
    Ordinal,
    Vague,
}

/// A quantity found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// Tokens covered, the qualifier words included.
    pub tokens: Range<usize>,
    /// Byte span in the original, the qualifier included.
    pub span: Span,
    /// Tokens of the number itself, without the qualifier.
    pub value_tokens: Range<usize>,
    pub kind: QuantityKind,
    pub value: f64,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub qualifier: Qualifier,
}

pub fn find_quantities(tokens: &[Token], norm: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::Number {
            if let Ok(v) = t.norm(norm).replace(',', "").parse::<f64>() {
                out.push(Quantity {
                    tokens: i..i + 1,
                    span: t.span,
                    value_tokens: i..i + 1,
                    kind: QuantityKind::Cardinal,
                    value: v,
                    min: Some(v as u64),
                    max: Some(v as u64),
                    qualifier: Qualifier::Exact,
                });
            }
        }
    }
    out
}
