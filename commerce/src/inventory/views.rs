//! Read models for the staff inventory pages: stock by variant and location, low stock, a
//! variant's ledger, document lists. Reads only.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Statement, Value,
};

use super::find_variant_by_code;
use crate::{
    entity::{
        category, category_translation,
        enums::{DocumentType, TransferStatus},
        location, option_value_translation, order, product_translation, return_request, staff_user,
        stock_count, stock_level, stock_movement, stock_receipt, stock_transfer,
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
/// unless the query is the exact code (SKU or barcode) of an inactive one.
///
/// The database filters, counts, orders and pages; only the [`PAGE_SIZE`] rows of the page get
/// their labels, levels and cells built. The filters, as SQL over `variants`:
/// - active, unless `q` is a variant's exact code ([`find_variant_by_code`]): then that variant
///   alone (category and text do not apply);
/// - category: the product's category is the chosen one or below it;
/// - low only: `EXISTS` a shown location (the chosen one, else any) where available
///   (`on_hand − reserved`, 0 without a `stock_levels` row) ≤ the threshold (the variant's own,
///   else the location's default): `locations LEFT JOIN stock_levels` with `COALESCE`;
/// - text: the SKU starts with `q` (upper-cased, `LIKE` with `%` and `_` escaped), or every
///   folded word of `q` (lower case, no accents, final sigma folded, as the search index folds)
///   is found in the shown product name (the page's locale, else English, else any translation,
///   else the SKU) or in one of the variant's shown option labels.
///
/// The word match runs in the database too, so a common word does not bring a large
/// catalogue's variants into memory: each folded word becomes a pattern in which every letter
/// is the class of all letters that fold to it (`e` → `[eEèéêëĘę…]`, `σ` → `[σΣς]`), a `GLOB` on
/// SQLite and a regular expression (`~`) on PostgreSQL. Names and labels are matched per
/// product and per option value (uncorrelated subqueries, each read once per query), not per
/// variant. Unlike the search index, a letter that folds into two (`æ` → `ae`, `ß` → `ss`)
/// is not matched through its folding, and names are compared as stored (not NFC-normalised).
///
/// Order: the shown product name lower-cased by the database, then SKU (code-point order on
/// both backends). SQLite's `lower` only folds ASCII, so there a name starting with a
/// non-ASCII capital (`Ż`, `Π`) sorts by its stored form; PostgreSQL lower-cases it as the
/// database's character type does.
///
/// # Errors
/// [`CommerceError::Validation`] for an unknown location (`location`) or category
/// (`category`).
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
    let rows = match &exact {
        Some(v) => Rows::Exact(v.id),
        None => Rows::Search {
            categories: match query.category_id {
                Some(cat) => Some(super::category_subtree(conn, cat, "category").await?),
                None => None,
            },
            text: (!q.is_empty()).then(|| {
                use crate::search::analysis::{fold_analyzer, terms};
                let words: BTreeSet<String> = terms(&mut fold_analyzer(), q).into_iter().collect();
                (q.to_uppercase(), words.into_iter().collect())
            }),
        },
    };
    let filter = StockFilter {
        locale,
        location_id: query.location_id,
        low_only: query.low_only,
        rows,
    };
    let backend = conn.get_database_backend();

    let mut count = Sql::new(backend);
    count.text("SELECT COUNT(*) AS n FROM variants v");
    filter.push_where(&mut count);
    let total = match conn.query_one(count.statement()).await? {
        Some(row) => u64::try_from(row.try_get::<i64>("", "n")?).unwrap_or(0),
        None => 0,
    };
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = query.page.clamp(1, pages);

    let ids: Vec<i64> = if total == 0 {
        Vec::new()
    } else {
        let (c, sku) = match backend {
            DbBackend::Postgres => (" COLLATE \"C\"", "v.sku COLLATE \"C\""),
            _ => ("", "v.sku"),
        };
        let mut select = Sql::new(backend);
        select
            .text(
                "SELECT v.id AS id FROM variants v \
                 LEFT JOIN product_translations tl \
                 ON tl.product_id = v.product_id AND tl.locale = ",
            )
            .bind(locale)
            .text(
                " LEFT JOIN product_translations te \
                 ON te.product_id = v.product_id AND te.locale = 'en'",
            );
        filter.push_where(&mut select);
        select
            .text(&format!(
                " ORDER BY lower(COALESCE(tl.name, te.name, (SELECT t.name \
                 FROM product_translations t WHERE t.product_id = v.product_id \
                 ORDER BY t.id LIMIT 1), v.sku)){c}, {sku}, v.id LIMIT "
            ))
            .bind(PAGE_SIZE as i64)
            .text(" OFFSET ")
            .bind(((page - 1) * PAGE_SIZE) as i64);
        conn.query_all(select.statement())
            .await?
            .iter()
            .map(|r| r.try_get::<i64>("", "id"))
            .collect::<std::result::Result<_, _>>()?
    };

    let rows = if ids.is_empty() {
        Vec::new()
    } else {
        let mut labels = variant_labels(conn, locale, Some(&ids)).await?;
        let mut levels = stock_level::Entity::find()
            .filter(stock_level::Column::VariantId.is_in(ids.iter().copied()));
        if let Some(loc) = query.location_id {
            levels = levels.filter(stock_level::Column::LocationId.eq(loc));
        }
        let levels: HashMap<(i64, i64), stock_level::Model> = levels
            .all(conn)
            .await?
            .into_iter()
            .map(|l| ((l.location_id, l.variant_id), l))
            .collect();
        let incoming = incoming(conn).await?;
        ids.iter()
            .filter_map(|id| labels.remove(id))
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
            .collect()
    };
    Ok(StockPage {
        locations: shown,
        rows,
        total,
        page,
        pages,
        exact_code: exact.is_some(),
    })
}

/// Which variants the stock page lists, before the low-stock filter.
enum Rows {
    /// The variant whose exact code was asked for, active or not.
    Exact(i64),
    /// Active variants, optionally in these categories and matching (SKU prefix, folded words).
    Search {
        categories: Option<BTreeSet<i64>>,
        text: Option<(String, Vec<String>)>,
    },
}

/// The stock page's filter, written as the `WHERE` clause over `variants v`.
struct StockFilter<'a> {
    locale: &'a str,
    location_id: Option<i64>,
    low_only: bool,
    rows: Rows,
}

impl StockFilter<'_> {
    fn push_where(&self, sql: &mut Sql) {
        sql.text(" WHERE ");
        match &self.rows {
            Rows::Exact(id) => {
                sql.text("v.id = ").bind(*id);
            }
            Rows::Search { categories, text } => {
                sql.text("v.active = ").bind(true);
                if let Some(cats) = categories {
                    sql.text(" AND v.product_id IN (SELECT p.id FROM products p WHERE ");
                    sql.is_in("p.category_id", cats);
                    sql.text(")");
                }
                if let Some((sku_prefix, words)) = text {
                    sql.text(" AND (v.sku LIKE ")
                        .bind(format!("{}%", escape_like(sku_prefix)))
                        .text(" ESCAPE '\\'");
                    for (i, word) in words.iter().enumerate() {
                        sql.text(if i == 0 { " OR (" } else { " AND " });
                        self.push_word(sql, categories.as_ref(), word);
                    }
                    if !words.is_empty() {
                        sql.text(")");
                    }
                    sql.text(")");
                }
            }
        }
        if self.low_only {
            sql.text(
                " AND EXISTS (SELECT 1 FROM locations l LEFT JOIN stock_levels sl \
                 ON sl.location_id = l.id AND sl.variant_id = v.id WHERE ",
            );
            if let Some(loc) = self.location_id {
                sql.text("l.id = ").bind(loc).text(" AND ");
            }
            sql.text(
                "COALESCE(sl.on_hand - sl.reserved, 0) \
                 <= COALESCE(v.low_stock_threshold, l.default_low_stock_threshold))",
            );
        }
    }

    /// One folded word found in the shown product name, a shown option label, or (for a
    /// product without any name) the SKU.
    fn push_word(&self, sql: &mut Sql, categories: Option<&BTreeSet<i64>>, word: &str) {
        let (op, pattern) = match sql.backend {
            DbBackend::Postgres => (" ~ ", folded_regex(word)),
            _ => (" GLOB ", folded_glob(word)),
        };
        sql.text(
            "(v.product_id IN (SELECT p.id FROM products p \
             LEFT JOIN product_translations pl ON pl.product_id = p.id AND pl.locale = ",
        )
        .bind(self.locale)
        .text(
            " LEFT JOIN product_translations pe ON pe.product_id = p.id AND pe.locale = 'en' \
             WHERE ",
        );
        if let Some(cats) = categories {
            sql.is_in("p.category_id", cats);
            sql.text(" AND ");
        }
        sql.text(
            "COALESCE(pl.name, pe.name, (SELECT t.name FROM product_translations t \
             WHERE t.product_id = p.id ORDER BY t.id LIMIT 1))",
        )
        .text(op)
        .bind(pattern.clone())
        .text(
            ") OR EXISTS (SELECT 1 FROM variant_option_values vo WHERE vo.variant_id = v.id \
             AND vo.option_value_id IN (SELECT ov.id FROM option_values ov \
             LEFT JOIN option_value_translations ol \
             ON ol.option_value_id = ov.id AND ol.locale = ",
        )
        .bind(self.locale)
        .text(
            " LEFT JOIN option_value_translations oe \
             ON oe.option_value_id = ov.id AND oe.locale = 'en' \
             WHERE COALESCE(ol.label, oe.label, (SELECT t.label \
             FROM option_value_translations t WHERE t.option_value_id = ov.id \
             ORDER BY t.id LIMIT 1))",
        )
        .text(op)
        .bind(pattern.clone())
        .text(")) OR (v.sku")
        .text(op)
        .bind(pattern)
        .text(
            " AND NOT EXISTS (SELECT 1 FROM product_translations t \
             WHERE t.product_id = v.product_id)))",
        );
    }
}

/// A statement being written: SQL text with placeholders in the backend's syntax (`$n` on
/// PostgreSQL, `?` elsewhere) and their values, in order.
struct Sql {
    backend: DbBackend,
    text: String,
    values: Vec<Value>,
}

impl Sql {
    fn new(backend: DbBackend) -> Self {
        Sql {
            backend,
            text: String::new(),
            values: Vec::new(),
        }
    }

    fn text(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    fn bind(&mut self, value: impl Into<Value>) -> &mut Self {
        self.values.push(value.into());
        match self.backend {
            DbBackend::Postgres => {
                self.text.push('$');
                self.text.push_str(&self.values.len().to_string());
            }
            _ => self.text.push('?'),
        }
        self
    }

    /// `column IN (…)`; never empty here (a category subtree holds the category itself).
    fn is_in(&mut self, column: &str, ids: &BTreeSet<i64>) -> &mut Self {
        self.text(column).text(" IN (");
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                self.text(", ");
            }
            self.bind(*id);
        }
        self.text(")")
    }

    fn statement(self) -> Statement {
        Statement::from_sql_and_values(self.backend, self.text, self.values)
    }
}

/// `text` for a `LIKE … ESCAPE '\'` pattern: `\`, `%` and `_` stand for themselves.
fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(ch, '\\' | '%' | '_') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// For each folded letter, the letters (Latin, Greek and Cyrillic blocks) that fold to it
/// alone under the search index's folding analyzer, the letter itself first: `a` →
/// `aAÀÁÂÃÄÅàáâãäåĀāĂăĄą…`.
fn fold_classes() -> &'static HashMap<char, String> {
    static CLASSES: std::sync::OnceLock<HashMap<char, String>> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        use crate::search::analysis::{fold_analyzer, terms};
        let mut analyzer = fold_analyzer();
        let mut out: HashMap<char, String> = HashMap::new();
        for ch in ('\u{41}'..='\u{52f}').chain('\u{1e00}'..='\u{1fff}') {
            if !ch.is_alphanumeric() {
                continue;
            }
            let folded = terms(&mut analyzer, ch.encode_utf8(&mut [0; 4]));
            let mut chars = folded.first().map(|t| t.chars()).into_iter().flatten();
            if let (Some(to), None) = (chars.next(), chars.next()) {
                if to != ch {
                    out.entry(to).or_insert_with(|| to.to_string()).push(ch);
                }
            }
        }
        out
    })
}

/// A SQLite `GLOB` pattern finding the folded `word` anywhere in a text as stored.
fn folded_glob(word: &str) -> String {
    let classes = fold_classes();
    let mut out = String::from("*");
    for ch in word.chars() {
        match classes.get(&ch) {
            Some(class) => {
                out.push('[');
                out.push_str(class);
                out.push(']');
            }
            None if matches!(ch, '*' | '?' | '[' | ']') => {
                out.push('[');
                out.push(ch);
                out.push(']');
            }
            None => out.push(ch),
        }
    }
    out.push('*');
    out
}

/// A PostgreSQL regular expression finding the folded `word` anywhere in a text as stored.
fn folded_regex(word: &str) -> String {
    let classes = fold_classes();
    let mut out = String::new();
    for ch in word.chars() {
        match classes.get(&ch) {
            Some(class) => {
                out.push('[');
                out.push_str(class);
                out.push(']');
            }
            None if ch.is_alphanumeric() => out.push(ch),
            None => {
                out.push('\\');
                out.push(ch);
            }
        }
    }
    out
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
