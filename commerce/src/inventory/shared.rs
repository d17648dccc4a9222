//! What the inventory documents share: who may act where ([`Actor`], [`Scope`]), lines of
//! codes typed or scanned into a form, document numbers and notes.

use std::collections::BTreeMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::{
    catalog::{barcode::Ean13, sku::Sku},
    entity::{location, store, variant},
    error::Problem,
    types::Quantity,
    CommerceError, Result,
};

/// Longest list of codes one form takes, in bytes (about 10,000 lines).
const MAX_CODE_TEXT: usize = 200_000;

/// Longest note on a document, in characters.
pub const MAX_NOTE: usize = 2000;

/// Who is acting, and at which locations they may change stock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The staff member (recorded on movements and documents); `None` for the system.
    pub staff_id: Option<i64>,
    /// Where they may act.
    pub scope: Scope,
}

/// The locations an [`Actor`] may change stock at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every location (owners, the system).
    All,
    /// Locations of these stores (by store code): a manager's own stores.
    Stores(Vec<String>),
}

impl Actor {
    /// The system itself (jobs, the demo loader): every location, nobody recorded.
    pub fn system() -> Self {
        Actor {
            staff_id: None,
            scope: Scope::All,
        }
    }

    /// A staff member with role `role` (`owner` sees every location; anyone else the locations
    /// of `stores`).
    pub fn staff(staff_id: i64, role: &str, stores: &[String]) -> Self {
        Actor {
            staff_id: Some(staff_id),
            scope: if role == "owner" {
                Scope::All
            } else {
                Scope::Stores(stores.to_vec())
            },
        }
    }
}

/// One line of a receipt, transfer or count: a variant and a number of units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StockLine {
    /// The variant.
    pub variant_id: i64,
    /// Units.
    pub quantity: Quantity,
}

/// Loads the location `location_id` and checks that `actor` may change stock there.
///
/// # Errors
/// [`CommerceError::Validation`] on the field `field` for an unknown location,
/// [`CommerceError::Forbidden`] for a location outside the actor's stores.
pub async fn writable_location<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    location_id: i64,
    field: &'static str,
) -> Result<location::Model> {
    let loc = location::Entity::find_by_id(location_id)
        .one(conn)
        .await?
        .ok_or_else(|| CommerceError::validation(field, Problem::UnknownLocation))?;
    if let Scope::Stores(codes) = &actor.scope {
        let store_code = match loc.store_id {
            Some(id) => store::Entity::find_by_id(id)
                .one(conn)
                .await?
                .map(|s| s.code),
            None => None,
        };
        if !store_code.is_some_and(|c| codes.contains(&c)) {
            return Err(CommerceError::Forbidden(format!(
                "stock at {} is managed by its own store",
                loc.code
            )));
        }
    }
    Ok(loc)
}

/// Checks that every variant exists and merges lines of the same variant (summing them), in
/// variant order. An empty list is a validation error on `field`.
pub(crate) async fn merge_lines<C: ConnectionTrait>(
    conn: &C,
    lines: &[StockLine],
    field: &'static str,
) -> Result<Vec<(variant::Model, i64)>> {
    if lines.is_empty() {
        return Err(CommerceError::validation(field, Problem::Required));
    }
    let mut merged: BTreeMap<i64, i64> = BTreeMap::new();
    for l in lines {
        *merged.entry(l.variant_id).or_default() += l.quantity.get();
    }
    if merged.values().any(|&q| q > Quantity::MAX) {
        return Err(CommerceError::validation(
            field,
            Problem::OutOfRange {
                min: 1,
                max: Quantity::MAX,
            },
        ));
    }
    let variants = variant::Entity::find()
        .filter(variant::Column::Id.is_in(merged.keys().copied()))
        .all(conn)
        .await?;
    let by_id: BTreeMap<i64, variant::Model> = variants.into_iter().map(|v| (v.id, v)).collect();
    merged
        .into_iter()
        .map(|(id, q)| match by_id.get(&id) {
            Some(v) => Ok((v.clone(), q)),
            None => Err(CommerceError::validation(field, Problem::UnknownVariant)),
        })
        .collect()
}

/// The variant whose SKU (any case) or EAN-13 barcode is exactly `code` (spaces around
/// ignored), active or not.
pub async fn find_variant_by_code<C: ConnectionTrait>(
    conn: &C,
    code: &str,
) -> Result<Option<variant::Model>> {
    let code = code.trim();
    if code.is_empty() || code.len() > 64 {
        return Ok(None);
    }
    if let Ok(ean) = Ean13::parse(code) {
        if let Some(v) = variant::Entity::find()
            .filter(variant::Column::Barcode.eq(ean.as_str()))
            .one(conn)
            .await?
        {
            return Ok(Some(v));
        }
    }
    match Sku::parse(code) {
        Ok(sku) => Ok(variant::Entity::find()
            .filter(variant::Column::Sku.eq(sku.as_str()))
            .one(conn)
            .await?),
        Err(_) => Ok(None),
    }
}

/// Reads lines typed or scanned into a text box: one per line, a SKU or barcode, optionally
/// followed by a quantity (`"TSH-001-M 3"`, `"5901234123457"`, `"3 x TSH-001-M"`); a line
/// without a quantity counts 1, so scanning the same code five times gives 5. Blank lines are
/// skipped; the same code on several lines adds up.
///
/// # Errors
/// [`CommerceError::Validation`] on `field` naming the first bad line (unknown code, bad
/// quantity), or when there is no line at all.
pub async fn parse_code_lines<C: ConnectionTrait>(
    conn: &C,
    text: &str,
    field: &'static str,
) -> Result<Vec<StockLine>> {
    let mut out: Vec<StockLine> = Vec::new();
    if text.len() > MAX_CODE_TEXT {
        return Err(CommerceError::validation(
            field,
            Problem::TooLong {
                max: MAX_CODE_TEXT as u64,
            },
        ));
    }
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '\t')
            .filter(|w| !w.is_empty())
            .collect();
        // A quantity is a short number; a code is anything else (SKUs, 13-digit barcodes).
        let is_qty = |w: &str| w.len() <= 7 && w.trim_start_matches('+').parse::<i64>().is_ok();
        let words: Vec<&str> = words
            .into_iter()
            .filter(|w| !w.eq_ignore_ascii_case("x") && *w != "×")
            .collect();
        let (code, qty) = match words.as_slice() {
            [code] => (*code, "1"),
            [a, b] if is_qty(a) && !is_qty(b) => (*b, *a),
            [a, b] => (*a, *b),
            _ => {
                return Err(CommerceError::validation(
                    field,
                    Problem::on_line(n + 1, Problem::LineFormat),
                ))
            }
        };
        let quantity = Quantity::parse(qty)
            .map_err(|e| CommerceError::validation(field, Problem::on_line(n + 1, e.problem())))?;
        let variant = find_variant_by_code(conn, code).await?.ok_or_else(|| {
            CommerceError::validation(
                field,
                Problem::on_line(
                    n + 1,
                    Problem::UnknownCode {
                        code: code.to_owned(),
                    },
                ),
            )
        })?;
        out.push(StockLine {
            variant_id: variant.id,
            quantity,
        });
    }
    if out.is_empty() {
        return Err(CommerceError::validation(field, Problem::Required));
    }
    Ok(out)
}

/// The category `id` and all categories below it; a validation error on `field` if unknown.
pub(crate) async fn category_subtree<C: ConnectionTrait>(
    conn: &C,
    id: i64,
    field: &'static str,
) -> Result<std::collections::BTreeSet<i64>> {
    let all = crate::entity::category::Entity::find().all(conn).await?;
    if !all.iter().any(|c| c.id == id) {
        return Err(CommerceError::validation(field, Problem::UnknownCategory));
    }
    let mut ids = std::collections::BTreeSet::from([id]);
    loop {
        let before = ids.len();
        for c in &all {
            if c.parent_id.is_some_and(|p| ids.contains(&p)) {
                ids.insert(c.id);
            }
        }
        if ids.len() == before {
            return Ok(ids);
        }
    }
}

/// Document numbers: `{prefix}-{id:05}` (`RCV-00012`).
pub(crate) fn document_number(prefix: &str, id: i64) -> String {
    format!("{prefix}-{id:05}")
}

/// A unique placeholder for a document number until the row has its id: 28 characters, within
/// the `varchar(32)` of the `number` columns however long the process has run and whatever its
/// id (the old form, `tmp-{pid}-{nanos}-{counter}`, outgrew it on PostgreSQL after a few
/// documents when the process id had six or seven digits). 64 random bits and a per-process
/// counter keep two instances on one database apart.
pub(crate) fn provisional_number() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    format!(
        "tmp-{:016x}{:08x}",
        rand::random::<u64>(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// Trims a free-text note; empty becomes `None`; longer than 2,000 characters is an error.
pub(crate) fn clean_note(note: Option<String>, field: &'static str) -> Result<Option<String>> {
    match note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()) {
        Some(n) if n.chars().count() > MAX_NOTE => Err(CommerceError::validation(
            field,
            Problem::TooLong {
                max: MAX_NOTE as u64,
            },
        )),
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provisional_numbers_fit_the_number_columns_and_differ() {
        let numbers: std::collections::HashSet<String> =
            (0..10_000).map(|_| provisional_number()).collect();
        assert_eq!(numbers.len(), 10_000);
        assert!(numbers
            .iter()
            .all(|n| n.len() == 28 && n.starts_with("tmp-")));
    }
}
