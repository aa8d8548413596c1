//! Reading the plain data files: one entry a line, tab-separated columns,
//! `#` comments and blank lines ignored.

/// An error in a data file, naming the file and line.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {msg}")]
pub struct DataError {
    pub file: String,
    pub line: usize,
    pub msg: String,
}

/// The records of a data file: (line number, columns).
pub fn records<'a>(file: &'a str, text: &'a str) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
    let _ = file;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(n, l)| (n + 1, l.trim_end_matches('\r').split('\t').map(str::trim).collect()))
}

/// Checks a record has at least `n` columns.
pub fn need<'a>(file: &str, line: usize, cols: &'a [&'a str], n: usize) -> Result<&'a [&'a str], DataError> {
    if cols.len() < n {
        return Err(DataError {
            file: file.into(),
            line,
            msg: format!("expected {n} tab-separated columns, got {}", cols.len()),
        });
    }
    Ok(cols)
}

/// `-` or empty means absent.
pub fn opt(s: &str) -> Option<&str> {
    (!s.is_empty() && s != "-").then_some(s)
}

/// `|`-separated list, empty items dropped.
pub fn list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty() && *x != "-")
}

pub fn parse<T: std::str::FromStr>(file: &str, line: usize, what: &str, s: &str) -> Result<T, DataError> {
    s.parse().map_err(|_| DataError { file: file.into(), line, msg: format!("bad {what}: {s:?}") })
}
