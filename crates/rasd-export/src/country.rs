//! The country table (`data/export/countries.tsv`): ISO 3166-1 codes with the
//! names and regions ACLED uses.

use std::sync::OnceLock;

/// One row of `data/export/countries.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 (`LY`).
    pub iso2: &'static str,
    /// ISO 3166-1 alpha-3 (`LBY`), the prefix of ACLED's `event_id_cnty`.
    pub iso3: &'static str,
    /// ISO 3166-1 numeric (434), ACLED's `iso` column.
    pub numeric: u16,
    /// The English name ACLED uses (`Libya`, `Democratic Republic of Congo`).
    pub name: &'static str,
    /// ACLED's region (`Northern Africa`, `Middle East`, …).
    pub region: &'static str,
}

const TABLE: &str = include_str!("../../../data/export/countries.tsv");

/// Every country in the table, in file order.
pub fn countries() -> &'static [Country] {
    static PARSED: OnceLock<Vec<Country>> = OnceLock::new();
    PARSED.get_or_init(|| parse(TABLE).unwrap_or_else(|e| panic!("data/export/countries.tsv: {e}")))
}

/// Looks a country up by its ISO 3166-1 alpha-2 or alpha-3 code (any case).
pub fn country(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    let by = |c: &&Country| match code.len() {
        2 => c.iso2.eq_ignore_ascii_case(code),
        3 => c.iso3.eq_ignore_ascii_case(code),
        _ => false,
    };
    countries().iter().find(by)
}

fn parse(text: &'static str) -> Result<Vec<Country>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&'static str> = line.split('\t').collect();
        let [iso2, iso3, numeric, name, region] = f[..] else {
            return Err(format!("line {}: expected 5 tab-separated fields, got {}", n + 1, f.len()));
        };
        let numeric = numeric.parse().map_err(|_| format!("line {}: bad numeric code {numeric:?}", n + 1))?;
        if iso2.len() != 2 || iso3.len() != 3 {
            return Err(format!("line {}: bad ISO codes {iso2:?} {iso3:?}", n + 1));
        }
        out.push(Country { iso2, iso3, numeric, name, region });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn table_parses_without_duplicates() {
        let all = countries();
        assert!(all.len() > 100);
        let mut seen = HashSet::new();
        for c in all {
            assert!(seen.insert(c.iso2), "duplicate {}", c.iso2);
            assert!(seen.insert(c.iso3), "duplicate {}", c.iso3);
            assert!(!c.name.is_empty() && !c.region.is_empty());
        }
    }

    #[test]
    fn lookups() {
        let ly = country("LY").unwrap();
        assert_eq!((ly.iso3, ly.numeric, ly.name, ly.region), ("LBY", 434, "Libya", "Northern Africa"));
        assert_eq!(country("lby"), Some(ly));
        assert_eq!(country("PS").unwrap().numeric, 275);
        assert_eq!(country("AF").unwrap().region, "South Asia");
        assert_eq!(country("CD").unwrap().name, "Democratic Republic of Congo");
        assert!(country("ZZ").is_none() && country("").is_none());
    }

    /// Every country of the actor dictionary and every MENA, Sahel, Horn and
    /// South Asia country of the place table is covered.
    #[test]
    fn covers_the_project_tables() {
        let actors = include_str!("../../../data/actors/countries.tsv");
        for line in actors.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let iso3 = line.split('\t').next().unwrap();
            assert!(country(iso3).is_some(), "actors/countries.tsv: {iso3} missing");
        }
        let focus = "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH IR TR IL CY \
                     ML NE TD BF SN GM GN NG CM CF SS ET ER KE UG \
                     AF PK IN BD NP LK BT MV";
        for iso2 in focus.split_whitespace() {
            assert!(country(iso2).is_some(), "{iso2} missing");
        }
    }
}
