//! Read models for the staff inventory pages: stock by variant and location, low stock, a
//! variant's ledger, document lists. Reads only.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::find_variant_by_code;
use crate::{
    entity::{
        category, category_translation,
        enums::{DocumentType, TransferStatus},
        location, option_value_translation, order, product, product_translation, return_request,
        staff_user, stock_count, stock_level, stock_movement, stock_receipt, stock_transfer,
        stock_transfer_line, store, variant, variant_option_value,
    },
    error::Problem,
    CommerceError, Result,
};

pub use super::view::{
    CategoryOption, DocumentRef, DocumentStatus, DocumentSummary, Ledger, LedgerRow, LocationInfo,
    StockCell, StockPage, StockQuery, StockRow, VariantLabel,
};

/// Rows per page on the stock and ledger pages.
pub const PAGE_SIZE: u64 = 50;

/// Every location, in code order.
pub async fn locations<C: ConnectionTrait>(conn: &C) -> Result<Vec<LocationInfo>> {
    let stores: HashMap<i64, String> = store::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s.code))
        .collect();
    Ok(location::Entity::find()
        .order_by_asc(location::Column::Code)
        .all(conn)
        .await?
        .into_iter()
        .map(|l| LocationInfo {
            id: l.id,
            store_code: l.store_id.and_then(|id| stores.get(&id).cloned()),
            code: l.code,
            name: l.name,
            default_low_stock: i64::from(l.default_low_stock_threshold),
        })
        .collect())
}

/// Every category with its path name in `locale` (English, then the slug, as fallback), in
/// path order.
pub async fn category_options<C: ConnectionTrait>(
    conn: &C,
    locale: &str,
) -> Result<Vec<CategoryOption>> {
    let cats = category::Entity::find().all(conn).await?;
    let names = category_translation::Entity::find().all(conn).await?;
    let name = |id: i64, slug: &str| -> String {
        names
            .iter()
            .find(|t| t.category_id == id && t.locale == locale)
            .or_else(|| {
                names
                    .iter()
                    .find(|t| t.category_id == id && t.locale == "en")
            })
            .map_or_else(|| slug.to_owned(), |t| t.name.clone())
    };
    let by_id: HashMap<i64, &category::Model> = cats.iter().map(|c| (c.id, c)).collect();
    let mut out: Vec<CategoryOption> = cats
        .iter()
        .map(|c| {
            let mut parts = vec![name(c.id, &c.slug)];
            let mut parent = c.parent_id;
            let mut guard = 0;
            while let Some(p) = parent.and_then(|p| by_id.get(&p)) {
                parts.push(name(p.id, &p.slug));
                parent = p.parent_id;
                guard += 1;
                if guard > 16 {
                    break;
                }
            }
            parts.reverse();
            CategoryOption {
                id: c.id,
                path: parts.join(" › "),
            }
        })
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// Labels of the given variants (all variants when `ids` is `None`) in `locale`.
pub async fn variant_labels<C: ConnectionTrait>(
    conn: &C,
    locale: &str,
    ids: Option<&[i64]>,
) -> Result<BTreeMap<i64, VariantLabel>> {
    let mut q = variant::Entity::find();
    if let Some(ids) = ids {
        q = q.filter(variant::Column::Id.is_in(ids.iter().copied()));
    }
    let variants = q.all(conn).await?;
    if variants.is_empty() {
        return Ok(BTreeMap::new());
    }
    // For every variant, read whole tables rather than send thousands of ids in `IN` lists.
    let mut translations = product_translation::Entity::find();
    let mut links = variant_option_value::Entity::find();
    if ids.is_some() {
        let product_ids: BTreeSet<i64> = variants.iter().map(|v| v.product_id).collect();
        translations =
            translations.filter(product_translation::Column::ProductId.is_in(product_ids));
        links = links
            .filter(variant_option_value::Column::VariantId.is_in(variants.iter().map(|v| v.id)));
    }
    let mut names: HashMap<i64, (bool, String)> = HashMap::new();
    for t in translations.all(conn).await? {
        let exact = t.locale == locale;
        let entry = names.entry(t.product_id).or_insert((false, String::new()));
        if exact || (!entry.0 && (entry.1.is_empty() || t.locale == "en")) {
            *entry = (exact, t.name);
        }
    }
    let links = links.all(conn).await?;
    let mut value_translations = option_value_translation::Entity::find();
    if ids.is_some() {
        let value_ids: BTreeSet<i64> = links.iter().map(|l| l.option_value_id).collect();
        value_translations = value_translations
            .filter(option_value_translation::Column::OptionValueId.is_in(value_ids));
    }
    let mut value_names: HashMap<i64, (bool, String)> = HashMap::new();
    for t in value_translations.all(conn).await? {
        let exact = t.locale == locale;
        let entry = value_names
            .entry(t.option_value_id)
            .or_insert((false, String::new()));
        if exact || (!entry.0 && (entry.1.is_empty() || t.locale == "en")) {
            *entry = (exact, t.label);
        }
    }
    let mut options: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
    for l in links {
        if let Some((_, label)) = value_names.get(&l.option_value_id) {
            options
                .entry(l.variant_id)
                .or_default()
                .push((l.option_value_id, label.clone()));
        }
    }
    Ok(variants
        .into_iter()
        .map(|v| {
            let mut opts = options.remove(&v.id).unwrap_or_default();
            opts.sort();
            (
                v.id,
                VariantLabel {
                    variant_id: v.id,
                    product_id: v.product_id,
                    product: names
                        .get(&v.product_id)
                        .map_or_else(|| v.sku.clone(), |(_, n)| n.clone()),
                    options: opts
                        .into_iter()
                        .map(|(_, l)| l)
                        .collect::<Vec<_>>()
                        .join(" · "),
                    sku: v.sku,
                    barcode: v.barcode,
                    low_stock_threshold: v.low_stock_threshold.map(i64::from),
                    active: v.active,
                },
            )
        })
        .collect())
}

/// Units in sent, not yet received transfers, per (destination location, variant).
pub async fn incoming<C: ConnectionTrait>(conn: &C) -> Result<HashMap<(i64, i64), i64>> {
    let sent = stock_transfer::Entity::find()
        .filter(stock_transfer::Column::Status.eq(TransferStatus::Sent))
        .all(conn)
        .await?;
    if sent.is_empty() {
        return Ok(HashMap::new());
    }
    let dest: HashMap<i64, i64> = sent.iter().map(|t| (t.id, t.to_location_id)).collect();
    let mut out = HashMap::new();
    for l in stock_transfer_line::Entity::find()
        .filter(stock_transfer_line::Column::TransferId.is_in(dest.keys().copied()))
        .all(conn)
        .await?
    {
        if let Some(&loc) = dest.get(&l.transfer_id) {
            *out.entry((loc, l.variant_id)).or_insert(0) += l.quantity_sent;
        }
    }
    Ok(out)
}

/// Stock by variant and location, filtered, a page at a time. Only active variants are listed
/// unless the query is the exact code of an inactive one.
///
/// # Errors
/// [`CommerceError::Validation`] for an unknown location (`location`).
pub async fn stock<C: ConnectionTrait>(
    conn: &C,
    locale: &str,
    query: &StockQuery,
) -> Result<StockPage> {
    let all_locations = locations(conn).await?;
    let shown: Vec<LocationInfo> = match query.location_id {
        Some(id) => vec![all_locations
            .iter()
            .find(|l| l.id == id)
            .cloned()
            .ok_or_else(|| CommerceError::validation("location", Problem::UnknownLocation))?],
        None => all_locations,
    };
    let q = query.q.trim();
    let exact = if q.is_empty() {
        None
    } else {
        find_variant_by_code(conn, q).await?
    };
    let mut labels = match &exact {
        Some(v) => variant_labels(conn, locale, Some(&[v.id])).await?,
        None => variant_labels(conn, locale, None).await?,
    };
    if exact.is_none() {
        labels.retain(|_, l| l.active);
        if let Some(cat) = query.category_id {
            let ids = super::category_subtree(conn, cat, "category").await?;
            let products: BTreeSet<i64> = product::Entity::find()
                .filter(product::Column::CategoryId.is_in(ids))
                .all(conn)
                .await?
                .into_iter()
                .map(|p| p.id)
                .collect();
            labels.retain(|_, l| products.contains(&l.product_id));
        }
        if !q.is_empty() {
            use crate::search::analysis::{fold_analyzer, terms};
            let mut analyzer = fold_analyzer();
            let words = terms(&mut analyzer, q);
            let sku_prefix = q.to_uppercase();
            labels.retain(|_, l| {
                l.sku.starts_with(&sku_prefix)
                    || (!words.is_empty() && {
                        let hay =
                            terms(&mut analyzer, &format!("{} {}", l.product, l.options)).join(" ");
                        words.iter().all(|w| hay.contains(w.as_str()))
                    })
            });
        }
    }
    let levels: HashMap<(i64, i64), stock_level::Model> = stock_level::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|l| ((l.location_id, l.variant_id), l))
        .collect();
    let incoming = incoming(conn).await?;
    let mut rows: Vec<StockRow> = labels
        .into_values()
        .map(|label| {
            let cells = shown
                .iter()
                .map(|loc| {
                    cell(
                        &label,
                        loc,
                        levels.get(&(loc.id, label.variant_id)),
                        &incoming,
                    )
                })
                .collect();
            StockRow { label, cells }
        })
        .filter(|r| !query.low_only || r.cells.iter().any(|c| c.low))
        .collect();
    rows.sort_by(|a, b| {
        (a.label.product.to_lowercase(), &a.label.sku)
            .cmp(&(b.label.product.to_lowercase(), &b.label.sku))
    });
    let total = rows.len() as u64;
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = query.page.clamp(1, pages);
    let rows = rows
        .into_iter()
        .skip(((page - 1) * PAGE_SIZE) as usize)
        .take(PAGE_SIZE as usize)
        .collect();
    Ok(StockPage {
        locations: shown,
        rows,
        total,
        page,
        pages,
        exact_code: exact.is_some(),
    })
}

fn cell(
    label: &VariantLabel,
    loc: &LocationInfo,
    level: Option<&stock_level::Model>,
    incoming: &HashMap<(i64, i64), i64>,
) -> StockCell {
    let (on_hand, reserved) = level.map_or((0, 0), |l| (l.on_hand, l.reserved));
    let threshold = label.low_stock_threshold.unwrap_or(loc.default_low_stock);
    let available = on_hand - reserved;
    StockCell {
        location_id: loc.id,
        on_hand,
        reserved,
        available,
        incoming: incoming
            .get(&(loc.id, label.variant_id))
            .copied()
            .unwrap_or(0),
        threshold,
        low: available <= threshold,
    }
}

/// A variant's movements (newest first, [`PAGE_SIZE`] a page), optionally at one location,
/// with the current stock everywhere. Each row's `balance_after` is the running balance at its
/// location.
///
/// # Errors
/// [`CommerceError::NotFound`] for an unknown variant.
pub async fn ledger<C: ConnectionTrait>(
    conn: &C,
    locale: &str,
    variant_id: i64,
    location_id: Option<i64>,
    page: u64,
) -> Result<Ledger> {
    let label = variant_labels(conn, locale, Some(&[variant_id]))
        .await?
        .remove(&variant_id)
        .ok_or_else(|| CommerceError::NotFound(format!("variant {variant_id}")))?;
    let locations = locations(conn).await?;
    let levels: HashMap<i64, stock_level::Model> = stock_level::Entity::find()
        .filter(stock_level::Column::VariantId.eq(variant_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|l| (l.location_id, l))
        .collect();
    let incoming = incoming(conn).await?;
    let cells = locations
        .iter()
        .map(|loc| cell(&label, loc, levels.get(&loc.id), &incoming))
        .collect();
    let mut q =
        stock_movement::Entity::find().filter(stock_movement::Column::VariantId.eq(variant_id));
    if let Some(loc) = location_id {
        q = q.filter(stock_movement::Column::LocationId.eq(loc));
    }
    let total = q.clone().count(conn).await?;
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let movements = q
        .order_by_desc(stock_movement::Column::Id)
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .all(conn)
        .await?;
    let rows = ledger_rows(conn, &locations, movements).await?;
    Ok(Ledger {
        label,
        locations,
        cells,
        rows,
        total,
        page,
        pages,
    })
}

async fn ledger_rows<C: ConnectionTrait>(
    conn: &C,
    locations: &[LocationInfo],
    movements: Vec<stock_movement::Model>,
) -> Result<Vec<LedgerRow>> {
    let mut by_kind: HashMap<DocumentType, BTreeSet<i64>> = HashMap::new();
    for m in &movements {
        if let (Some(k), Some(id)) = (m.document_type, m.document_id) {
            by_kind.entry(k).or_default().insert(id);
        }
    }
    let mut numbers: HashMap<(DocumentType, i64), String> = HashMap::new();
    for (kind, ids) in by_kind {
        let ids = ids.into_iter();
        let found: Vec<(i64, String)> = match kind {
            DocumentType::Receipt => stock_receipt::Entity::find()
                .filter(stock_receipt::Column::Id.is_in(ids))
                .all(conn)
                .await?
                .into_iter()
                .map(|d| (d.id, d.number))
                .collect(),
            DocumentType::Transfer => stock_transfer::Entity::find()
                .filter(stock_transfer::Column::Id.is_in(ids))
                .all(conn)
                .await?
                .into_iter()
                .map(|d| (d.id, d.number))
                .collect(),
            DocumentType::Count => stock_count::Entity::find()
                .filter(stock_count::Column::Id.is_in(ids))
                .all(conn)
                .await?
                .into_iter()
                .map(|d| (d.id, d.number))
                .collect(),
            DocumentType::Order => order::Entity::find()
                .filter(order::Column::Id.is_in(ids))
                .all(conn)
                .await?
                .into_iter()
                .map(|d| (d.id, d.number))
                .collect(),
            DocumentType::Return => return_request::Entity::find()
                .filter(return_request::Column::Id.is_in(ids))
                .all(conn)
                .await?
                .into_iter()
                .map(|d| (d.id, d.rma_code))
                .collect(),
        };
        for (id, number) in found {
            numbers.insert((kind, id), number);
        }
    }
    let staff_ids: BTreeSet<i64> = movements.iter().filter_map(|m| m.staff_user_id).collect();
    let staff: HashMap<i64, String> = if staff_ids.is_empty() {
        HashMap::new()
    } else {
        staff_user::Entity::find()
            .filter(staff_user::Column::Id.is_in(staff_ids))
            .all(conn)
            .await?
            .into_iter()
            .map(|s| (s.id, s.name))
            .collect()
    };
    let codes: HashMap<i64, &str> = locations.iter().map(|l| (l.id, l.code.as_str())).collect();
    Ok(movements
        .into_iter()
        .map(|m| LedgerRow {
            location_code: codes
                .get(&m.location_id)
                .map_or_else(|| m.location_id.to_string(), |c| (*c).to_owned()),
            document: match (m.document_type, m.document_id) {
                (Some(kind), Some(id)) => Some(DocumentRef {
                    kind,
                    id,
                    number: numbers
                        .get(&(kind, id))
                        .cloned()
                        .unwrap_or_else(|| format!("#{id}")),
                }),
                _ => None,
            },
            staff_name: m.staff_user_id.and_then(|id| staff.get(&id).cloned()),
            id: m.id,
            created_at: m.created_at,
            location_id: m.location_id,
            quantity: m.quantity,
            reason: m.reason,
            adjustment_reason: m.adjustment_reason,
            balance_after: m.balance_after,
            note: m.note,
        })
        .collect())
}

/// Location id → code, for document lists.
async fn location_codes<C: ConnectionTrait>(conn: &C) -> Result<HashMap<i64, String>> {
    Ok(locations(conn)
        .await?
        .into_iter()
        .map(|l| (l.id, l.code))
        .collect())
}

fn code_of(codes: &HashMap<i64, String>, id: i64) -> String {
    codes.get(&id).cloned().unwrap_or_else(|| id.to_string())
}

/// The most recent receipts (up to `limit`), newest first.
pub async fn recent_receipts<C: ConnectionTrait>(
    conn: &C,
    limit: u64,
) -> Result<Vec<DocumentSummary>> {
    use crate::entity::stock_receipt_line;
    let codes = location_codes(conn).await?;
    let mut out = Vec::new();
    for r in stock_receipt::Entity::find()
        .order_by_desc(stock_receipt::Column::Id)
        .limit(limit)
        .all(conn)
        .await?
    {
        let lines = stock_receipt_line::Entity::find()
            .filter(stock_receipt_line::Column::ReceiptId.eq(r.id))
            .count(conn)
            .await?;
        out.push(DocumentSummary {
            id: r.id,
            number: r.number,
            status: DocumentStatus::Receipt,
            place: code_of(&codes, r.location_id),
            lines,
            created_at: r.created_at,
        });
    }
    Ok(out)
}

/// The most recent transfers (up to `limit`), newest first.
pub async fn recent_transfers<C: ConnectionTrait>(
    conn: &C,
    limit: u64,
) -> Result<Vec<DocumentSummary>> {
    let codes = location_codes(conn).await?;
    let mut out = Vec::new();
    for t in stock_transfer::Entity::find()
        .order_by_desc(stock_transfer::Column::Id)
        .limit(limit)
        .all(conn)
        .await?
    {
        let lines = stock_transfer_line::Entity::find()
            .filter(stock_transfer_line::Column::TransferId.eq(t.id))
            .count(conn)
            .await?;
        out.push(DocumentSummary {
            id: t.id,
            number: t.number,
            status: DocumentStatus::Transfer(t.status),
            place: format!(
                "{} → {}",
                code_of(&codes, t.from_location_id),
                code_of(&codes, t.to_location_id)
            ),
            lines,
            created_at: t.created_at,
        });
    }
    Ok(out)
}

/// The most recent counts (up to `limit`), newest first.
pub async fn recent_counts<C: ConnectionTrait>(
    conn: &C,
    limit: u64,
) -> Result<Vec<DocumentSummary>> {
    use crate::entity::stock_count_line;
    let codes = location_codes(conn).await?;
    let mut out = Vec::new();
    for c in stock_count::Entity::find()
        .order_by_desc(stock_count::Column::Id)
        .limit(limit)
        .all(conn)
        .await?
    {
        let lines = stock_count_line::Entity::find()
            .filter(stock_count_line::Column::CountId.eq(c.id))
            .count(conn)
            .await?;
        out.push(DocumentSummary {
            id: c.id,
            number: c.number,
            status: DocumentStatus::Count(c.status),
            place: code_of(&codes, c.location_id),
            lines,
            created_at: c.created_at,
        });
    }
    Ok(out)
}
