//! JSON values as Python's `json` module hands them to score.py.
//!
//! Objects keep their key order (Python dicts do; the error lines print `dict` values and walk gold
//! `fatalities` in file order), numbers keep the difference between `7` and `7.0`, and equality,
//! truth, ordering, `str()` and `repr()` follow Python. `serde_json::Value` cannot do the first
//! without its `preserve_order` feature, which would switch key order for every crate in the
//! build (cargo unifies features), so this crate has its own value type.

use crate::unprintable::UNPRINTABLE;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::cmp::Ordering;
use std::fmt::{self, Write as _};

/// A JSON value read the way Python's `json.loads` reads it.
///
/// `==` is Python's `==`: `1 == 1.0 == true`, objects compare as dicts (key order ignored), `NaN`
/// is unequal to itself.
#[derive(Debug, Clone)]
pub enum Json {
    Null,
    Bool(bool),
    /// Integers (serde_json reads at most the `u64`/`i64` range; larger ones arrive as floats).
    Int(i128),
    Float(f64),
    Str(String),
    Array(Vec<Json>),
    /// Keys in file order, each once (a repeated key keeps its first place and its last value, as
    /// a Python dict built by `json.loads` does).
    Object(Vec<(String, Json)>),
}

pub(crate) static NULL: Json = Json::Null;
static EMPTY_OBJECT: Json = Json::Object(Vec::new());

/// A number as Python sees it: `int` (booleans are ints) or `float`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Num {
    Int(i128),
    Float(f64),
}

impl Json {
    /// Parses one JSON text (JSON whitespace around it is allowed).
    pub fn parse(text: &str) -> Result<Json, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Converts anything serde can serialize (e.g. a `rasd_core::Event`) with struct fields in
    /// declaration order, which is the order `rasd extract` writes them in.
    pub fn from_serialize<T: Serialize + ?Sized>(value: &T) -> Result<Json, serde_json::Error> {
        Json::parse(&serde_json::to_string(value)?)
    }

    /// The value under `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Python's `d.get(key)`: `null` when absent (or when this is not an object).
    pub fn get_or_null(&self, key: &str) -> &Json {
        self.get(key).unwrap_or(&NULL)
    }

    /// Python's `x or {}` where `x` must be a dict: falsy values and, where score.py would raise on
    /// the next `.get`, values that are not objects, become the empty object.
    pub(crate) fn dict_or_empty(&self) -> &Json {
        match self {
            Json::Object(_) => self,
            _ => &EMPTY_OBJECT,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The number, if this is one (booleans count, as in Python).
    pub fn as_f64(&self) -> Option<f64> {
        self.num().map(Num::to_f64)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    pub(crate) fn num(&self) -> Option<Num> {
        match *self {
            Json::Bool(b) => Some(Num::Int(i128::from(b))),
            Json::Int(i) => Some(Num::Int(i)),
            Json::Float(f) => Some(Num::Float(f)),
            _ => None,
        }
    }

    /// Python truth: `None`, `False`, `0`, `0.0`, `""`, `[]` and `{}` are false.
    pub fn truthy(&self) -> bool {
        match self {
            Json::Null => false,
            Json::Bool(b) => *b,
            Json::Int(i) => *i != 0,
            Json::Float(f) => *f != 0.0,
            Json::Str(s) => !s.is_empty(),
            Json::Array(a) => !a.is_empty(),
            Json::Object(m) => !m.is_empty(),
        }
    }

    /// Python's `repr()`: `None`, `True`, `'text'`, `{'min': 7, 'max': None}`, `7.0`, `1e+16`.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    /// Python's `str()`: a string as it is, anything else as `repr()`.
    pub fn py_str(&self) -> String {
        match self {
            Json::Str(s) => s.clone(),
            _ => self.repr(),
        }
    }

    fn write_repr(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("None"),
            Json::Bool(true) => out.push_str("True"),
            Json::Bool(false) => out.push_str("False"),
            Json::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Json::Float(f) => out.push_str(&float_repr(*f)),
            Json::Str(s) => str_repr(s, out),
            Json::Array(a) => {
                out.push('[');
                for (n, v) in a.iter().enumerate() {
                    if n > 0 {
                        out.push_str(", ");
                    }
                    v.write_repr(out);
                }
                out.push(']');
            }
            Json::Object(m) => {
                out.push('{');
                for (n, (k, v)) in m.iter().enumerate() {
                    if n > 0 {
                        out.push_str(", ");
                    }
                    str_repr(k, out);
                    out.push_str(": ");
                    v.write_repr(out);
                }
                out.push('}');
            }
        }
    }
}

impl PartialEq for Json {
    /// Python's `==` on the values `json.loads` returns.
    fn eq(&self, other: &Json) -> bool {
        match (self, other) {
            (Json::Null, Json::Null) => true,
            (Json::Str(a), Json::Str(b)) => a == b,
            (Json::Array(a), Json::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y),
            (Json::Object(a), Json::Object(b)) => {
                a.len() == b.len() && a.iter().all(|(k, v)| other.get(k).is_some_and(|w| v == w))
            }
            _ => match (self.num(), other.num()) {
                (Some(a), Some(b)) => a.cmp(b) == Some(Ordering::Equal),
                _ => false,
            },
        }
    }
}

impl std::ops::Index<&str> for Json {
    type Output = Json;
    /// `value["key"]`: the member, or `null`.
    fn index(&self, key: &str) -> &Json {
        self.get_or_null(key)
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::Str(s.to_string())
    }
}

impl From<&serde_json::Value> for Json {
    /// Converts a `serde_json::Value` (whose objects iterate in the order of its map: sorted keys
    /// unless the workspace enables `preserve_order`). Prefer [`Json::parse`] on the text, or
    /// [`Json::from_serialize`], where key order matters for the printed error lines.
    fn from(v: &serde_json::Value) -> Json {
        match v {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(*b),
            serde_json::Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => Json::Int(i128::from(i)),
                (_, Some(u), _) => Json::Int(i128::from(u)),
                (_, _, f) => Json::Float(f.unwrap_or(f64::NAN)),
            },
            serde_json::Value::String(s) => Json::Str(s.clone()),
            serde_json::Value::Array(a) => Json::Array(a.iter().map(Json::from).collect()),
            serde_json::Value::Object(m) => Json::Object(m.iter().map(|(k, v)| (k.clone(), Json::from(v))).collect()),
        }
    }
}

impl fmt::Display for Json {
    /// Compact JSON text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&serde_json::to_string(self).map_err(|_| fmt::Error)?)
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Int(i) => match (i64::try_from(*i), u64::try_from(*i)) {
                (Ok(v), _) => s.serialize_i64(v),
                (_, Ok(v)) => s.serialize_u64(v),
                _ => s.serialize_f64(*i as f64),
            },
            Json::Float(f) => s.serialize_f64(*f),
            Json::Str(v) => s.serialize_str(v),
            Json::Array(a) => {
                let mut seq = s.serialize_seq(Some(a.len()))?;
                for v in a {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            Json::Object(m) => {
                let mut map = s.serialize_map(Some(m.len()))?;
                for (k, v) in m {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Int(i128::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Int(i128::from(v)))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Json, E> {
        Ok(Json::Int(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::Str(v))
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        Json::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element()? {
            out.push(v);
        }
        Ok(Json::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut out: Vec<(String, Json)> = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Json>()? {
            match out.iter_mut().find(|(key, _)| *key == k) {
                Some(slot) => slot.1 = v,
                None => out.push((k, v)),
            }
        }
        Ok(Json::Object(out))
    }
}

/// 2^127: floats at or beyond it are outside `i128`.
const TWO_127: f64 = 170_141_183_460_469_231_731_687_303_715_884_105_728.0;

impl Num {
    pub(crate) fn to_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    /// Exact comparison, as Python compares `int` with `float` (no rounding of the int).
    pub(crate) fn cmp(self, other: Num) -> Option<Ordering> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Some(a.cmp(&b)),
            (Num::Float(a), Num::Float(b)) => a.partial_cmp(&b),
            (Num::Int(a), Num::Float(b)) => int_float_cmp(a, b),
            (Num::Float(a), Num::Int(b)) => int_float_cmp(b, a).map(Ordering::reverse),
        }
    }

    /// Python's `+` (int + int stays int; anything with a float is a float).
    pub(crate) fn add(self, other: Num) -> Num {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a.checked_add(b).map_or(Num::Float(a as f64 + b as f64), Num::Int),
            (a, b) => Num::Float(a.to_f64() + b.to_f64()),
        }
    }

    pub(crate) fn to_json(self) -> Json {
        match self {
            Num::Int(i) => Json::Int(i),
            Num::Float(f) => Json::Float(f),
        }
    }
}

fn int_float_cmp(i: i128, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f >= TWO_127 {
        return Some(Ordering::Less);
    }
    if f < -TWO_127 {
        return Some(Ordering::Greater);
    }
    let floor = f.floor();
    // Exact: |floor| <= 2^127 and floats that large are integers.
    let t = floor as i128;
    Some(match i.cmp(&t) {
        Ordering::Less => Ordering::Less,
        Ordering::Equal if floor == f => Ordering::Equal,
        Ordering::Equal => Ordering::Less,
        Ordering::Greater => Ordering::Greater,
    })
}

/// Python's `repr(float)`: the shortest digits that read back to the same float, positional for
/// exponents from -4 to 15 (`0.0001`, `1000000000000000.0`), scientific outside (`1e-05`, `1e+16`).
pub(crate) fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    // Rust's `{:e}` prints the same shortest round-trip digits: "-1.2345e-5", "7e0".
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = mantissa.strip_prefix('-').map_or(("", mantissa), |m| ("-", m));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let mut out = String::from(sign);
    if !(-4..16).contains(&exp) {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs());
    } else if exp >= 0 {
        let int_len = exp as usize + 1;
        if digits.len() <= int_len {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', int_len - digits.len()));
            out.push_str(".0");
        } else {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        }
    } else {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
        out.push_str(&digits);
    }
    out
}

/// Python's `str.isprintable()` for one character.
pub(crate) fn printable(c: char) -> bool {
    let u = c as u32;
    UNPRINTABLE
        .binary_search_by(|&(lo, hi)| {
            if hi < u {
                Ordering::Less
            } else if lo > u {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_err()
}

/// Python's `repr(str)`.
fn str_repr(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    out.push(quote);
    for c in s.chars() {
        let u = c as u32;
        match c {
            _ if c == quote || c == '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if u < 0x20 || u == 0x7f => {
                let _ = write!(out, "\\x{u:02x}");
            }
            _ if u < 0x7f || printable(c) => out.push(c),
            _ if u <= 0xff => {
                let _ = write!(out, "\\x{u:02x}");
            }
            _ if u <= 0xffff => {
                let _ = write!(out, "\\u{u:04x}");
            }
            _ => {
                let _ = write!(out, "\\U{u:08x}");
            }
        }
    }
    out.push(quote);
}

/// Characters Python's `str.strip()` removes (`str.isspace()`).
pub(crate) fn is_py_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..='\x20' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}'
        | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(s: &str) -> Json {
        Json::parse(s).unwrap()
    }

    #[test]
    fn float_repr_follows_python() {
        for (f, want) in [
            (7.0, "7.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456.0, "123456.0"),
            (0.0001, "0.0001"),
            (1.5e-5, "1.5e-05"),
            (-2.5, "-2.5"),
            (27.03766, "27.03766"),
            (1.25e100, "1.25e+100"),
            (-0.0, "-0.0"),
        ] {
            assert_eq!(float_repr(f), want, "{f}");
        }
    }

    #[test]
    fn repr_of_dicts_keeps_key_order_and_python_quoting() {
        let v = j(r#"{"min": 7, "max": null, "qualifier": "exact", "text": "سبعة", "ok": true, "x": 1.0}"#);
        assert_eq!(v.repr(), "{'min': 7, 'max': None, 'qualifier': 'exact', 'text': 'سبعة', 'ok': True, 'x': 1.0}");
        assert_eq!(j(r#""it's""#).repr(), r#""it's""#);
        assert_eq!(j(r#""both ' and \"""#).repr(), r#"'both \' and "'"#);
        assert_eq!(j(r#""a\u200cb\u00a0c\n\u0001""#).repr(), r"'a\u200cb\xa0c\n\x01'");
        assert_eq!(j(r#""\ud83d\ude00 \ue000""#).repr(), "'\u{1F600} \\ue000'");
        assert_eq!(j("[1, [], {}]").py_str(), "[1, [], {}]");
        assert_eq!(j(r#""plain""#).py_str(), "plain");
    }

    #[test]
    fn duplicate_keys_keep_first_place_and_last_value() {
        assert_eq!(j(r#"{"a": 1, "b": 2, "a": 3}"#).repr(), "{'a': 3, 'b': 2}");
    }

    #[test]
    fn equality_is_pythons() {
        assert_eq!(j("1"), j("1.0"));
        assert_eq!(j("true"), j("1"));
        assert_ne!(j("1"), j(r#""1""#));
        assert_eq!(j(r#"{"a": 1, "b": [2]}"#), j(r#"{"b": [2.0], "a": true}"#));
        assert_ne!(j("null"), j("0"));
        assert_eq!(j("9007199254740992"), j("9007199254740992.0"));
        assert_ne!(j("9007199254740993"), j("9007199254740992.0"));
    }

    #[test]
    fn ordering_and_truth() {
        let cmp = |a: &str, b: &str| j(a).num().unwrap().cmp(j(b).num().unwrap());
        assert_eq!(cmp("2", "2.5"), Some(Ordering::Less));
        assert_eq!(cmp("3", "2.5"), Some(Ordering::Greater));
        assert_eq!(cmp("-3", "-2.5"), Some(Ordering::Less));
        assert_eq!(cmp("-2", "-2.0"), Some(Ordering::Equal));
        assert_eq!(cmp("true", "0.5"), Some(Ordering::Greater));
        assert_eq!(int_float_cmp(i128::MAX, 1e300), Some(Ordering::Less));
        assert_eq!(int_float_cmp(i128::MAX, TWO_127), Some(Ordering::Less));
        assert_eq!(int_float_cmp(i128::MIN, -TWO_127), Some(Ordering::Equal));
        assert_eq!(int_float_cmp(5, f64::NAN), None);
        for falsy in ["null", "false", "0", "0.0", r#""""#, "[]", "{}"] {
            assert!(!j(falsy).truthy(), "{falsy}");
        }
        for truthy in ["true", "-1", "0.5", r#"" ""#, "[0]", r#"{"a":null}"#] {
            assert!(j(truthy).truthy(), "{truthy}");
        }
    }

    #[test]
    fn sums_keep_int_until_a_float_arrives() {
        let s = Num::Int(0).add(Num::Int(7)).add(Num::Int(1));
        assert_eq!(s.to_json().py_str(), "8");
        assert_eq!(s.add(Num::Float(2.0)).to_json().py_str(), "10.0");
    }

    #[test]
    fn printable_matches_python_categories() {
        assert!(printable('a') && printable('س') && printable('\u{064e}') && printable('ـ'));
        assert!(!printable('\u{200f}') && !printable('\u{a0}') && !printable('\u{2028}') && !printable('\u{378}'));
        assert!(printable(' '));
    }

    #[test]
    fn serialises_back_in_order() {
        let v = j(r#"{"b": 1, "a": [1.5, "x", null]}"#);
        assert_eq!(v.to_string(), r#"{"b":1,"a":[1.5,"x",null]}"#);
        #[derive(serde::Serialize)]
        struct S {
            z: u8,
            a: &'static str,
        }
        assert_eq!(Json::from_serialize(&S { z: 1, a: "x" }).unwrap().repr(), "{'z': 1, 'a': 'x'}");
    }
}
