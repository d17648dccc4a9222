//! Read models for the public shop: home, category and product pages.
//!
//! Names and slugs come in the requested locale, falling back to English when a translation is
//! missing. Slugs from another locale are accepted too, so a shared English link opens under
//! `/el/…`. Only active products and active variants are shown.

use std::collections::{BTreeMap, HashMap, HashSet};

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::{
    entity::{
        category, category_translation, enums::ProductStatus, location, option_value,
        option_value_translation, product, product_image, product_option, product_translation,
        stock_level, variant, variant_option_value, vat_rate,
    },
    CommerceError, Result,
};

pub use super::view::{
    Availability, CategoryLink, CategoryPage, Home, Image, OptionChoice, OptionValueChoice,
    ProductCard, ProductPage, SelectedVariant,
};

/// Products per category page.
pub const PAGE_SIZE: u64 = 24;
const FALLBACK_LOCALE: &str = "en";

/// Category tree with names in one locale.
struct Tree {
    cats: HashMap<i64, category::Model>,
    names: HashMap<i64, (String, String, String)>,
    children: HashMap<Option<i64>, Vec<i64>>,
}

impl Tree {
    async fn load<C: ConnectionTrait>(db: &C, locale: &str) -> Result<Self> {
        let cats = category::Entity::find()
            .order_by_asc(category::Column::Position)
            .order_by_asc(category::Column::Id)
            .all(db)
            .await?;
        let translations = category_translation::Entity::find()
            .filter(category_translation::Column::Locale.is_in([locale, FALLBACK_LOCALE]))
            .all(db)
            .await?;
        let mut names: HashMap<i64, (String, String, String)> = HashMap::new();
        for t in translations {
            if t.locale == locale || !names.contains_key(&t.category_id) {
                names.insert(t.category_id, (t.name, t.slug, t.description));
            }
        }
        let mut children: HashMap<Option<i64>, Vec<i64>> = HashMap::new();
        for c in &cats {
            children.entry(c.parent_id).or_default().push(c.id);
        }
        Ok(Tree {
            cats: cats.into_iter().map(|c| (c.id, c)).collect(),
            names,
            children,
        })
    }

    fn subtree(&self, id: i64) -> Vec<i64> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            if let Some(kids) = self.children.get(&Some(out[i])) {
                out.extend(kids);
            }
            i += 1;
        }
        out
    }

    fn link(&self, id: i64, counts: &HashMap<i64, u64>) -> CategoryLink {
        let (name, slug) = self
            .names
            .get(&id)
            .map(|(n, s, _)| (n.clone(), s.clone()))
            .unwrap_or_else(|| {
                let slug = self
                    .cats
                    .get(&id)
                    .map(|c| c.slug.clone())
                    .unwrap_or_default();
                (slug.clone(), slug)
            });
        let product_count = self
            .subtree(id)
            .iter()
            .map(|c| counts.get(c).copied().unwrap_or(0))
            .sum();
        CategoryLink {
            slug,
            name,
            product_count,
        }
    }

    fn ancestors(&self, id: i64) -> Vec<i64> {
        let mut chain = vec![];
        let mut cur = Some(id);
        while let Some(c) = cur {
            chain.push(c);
            cur = self.cats.get(&c).and_then(|c| c.parent_id);
            if chain.len() > 32 {
                break;
            }
        }
        chain.reverse();
        chain
    }
}

#[derive(FromQueryResult)]
struct CategoryCount {
    category_id: i64,
    n: i64,
}

async fn product_counts<C: ConnectionTrait>(db: &C) -> Result<HashMap<i64, u64>> {
    let rows = product::Entity::find()
        .select_only()
        .column(product::Column::CategoryId)
        .column_as(product::Column::Id.count(), "n")
        .filter(product::Column::Status.eq(ProductStatus::Active))
        .group_by(product::Column::CategoryId)
        .into_model::<CategoryCount>()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.category_id, r.n.max(0) as u64))
        .collect())
}

/// Top-level categories in display order.
pub async fn top_categories<C: ConnectionTrait>(db: &C, locale: &str) -> Result<Vec<CategoryLink>> {
    let tree = Tree::load(db, locale).await?;
    let counts = product_counts(db).await?;
    Ok(tree
        .children
        .get(&None)
        .map(|ids| ids.iter().map(|id| tree.link(*id, &counts)).collect())
        .unwrap_or_default())
}

/// The home page: top categories, products on sale and the newest products.
pub async fn home<C: ConnectionTrait>(db: &C, locale: &str) -> Result<Home> {
    let categories = top_categories(db, locale).await?;
    let newest: Vec<i64> = product::Entity::find()
        .select_only()
        .column(product::Column::Id)
        .filter(product::Column::Status.eq(ProductStatus::Active))
        .order_by_desc(product::Column::CreatedAt)
        .order_by_desc(product::Column::Id)
        .limit(8)
        .into_tuple()
        .all(db)
        .await?;
    let on_sale: Vec<i64> = variant::Entity::find()
        .select_only()
        .column(variant::Column::ProductId)
        .filter(variant::Column::Active.eq(true))
        .filter(variant::Column::CompareAtMinor.is_not_null())
        .distinct()
        .order_by_asc(variant::Column::ProductId)
        .limit(8)
        .into_tuple()
        .all(db)
        .await?;
    Ok(Home {
        categories,
        new_arrivals: cards(db, locale, &newest).await?,
        featured: cards(db, locale, &on_sale).await?,
    })
}

async fn find_category_by_slug<C: ConnectionTrait>(
    db: &C,
    locale: &str,
    slug: &str,
) -> Result<i64> {
    let exact = category_translation::Entity::find()
        .filter(category_translation::Column::Locale.eq(locale))
        .filter(category_translation::Column::Slug.eq(slug))
        .one(db)
        .await?;
    if let Some(t) = exact {
        return Ok(t.category_id);
    }
    if let Some(t) = category_translation::Entity::find()
        .filter(category_translation::Column::Slug.eq(slug))
        .one(db)
        .await?
    {
        return Ok(t.category_id);
    }
    category::Entity::find()
        .filter(category::Column::Slug.eq(slug))
        .one(db)
        .await?
        .map(|c| c.id)
        .ok_or_else(|| CommerceError::NotFound(format!("category {slug}")))
}

/// One page of a category's products (its descendants included).
///
/// `sort` is `newest` (default), `price_asc`, `price_desc` or `name`; an unknown value falls back
/// to `newest`. A page past the end shows the last page.
pub async fn category<C: ConnectionTrait>(
    db: &C,
    locale: &str,
    slug: &str,
    page: u64,
    sort: &str,
) -> Result<CategoryPage> {
    let id = find_category_by_slug(db, locale, slug).await?;
    let tree = Tree::load(db, locale).await?;
    let counts = product_counts(db).await?;
    let subtree = tree.subtree(id);
    let products: Vec<(i64, chrono::DateTime<chrono::Utc>)> = product::Entity::find()
        .select_only()
        .column(product::Column::Id)
        .column(product::Column::CreatedAt)
        .filter(product::Column::Status.eq(ProductStatus::Active))
        .filter(product::Column::CategoryId.is_in(subtree.clone()))
        .into_tuple()
        .all(db)
        .await?;
    let ids: Vec<i64> = products.iter().map(|p| p.0).collect();
    let sort = match sort {
        "price_asc" | "price_desc" | "name" | "newest" => sort,
        _ => "newest",
    };
    let mut order: Vec<i64> = match sort {
        "price_asc" | "price_desc" => {
            let prices = min_prices(db, &ids).await?;
            let mut v: Vec<(i64, i64)> = ids
                .iter()
                .map(|id| (*id, prices.get(id).copied().unwrap_or(i64::MAX)))
                .collect();
            if sort == "price_asc" {
                v.sort_by_key(|(id, p)| (*p, *id));
            } else {
                v.sort_by_key(|(id, p)| (std::cmp::Reverse(*p), *id));
            }
            v.into_iter().map(|(id, _)| id).collect()
        }
        "name" => {
            let names = product_names(db, locale, &ids).await?;
            let mut v: Vec<(String, i64)> = ids
                .iter()
                .map(|id| {
                    let name = names
                        .get(id)
                        .map(|n| n.0.to_lowercase())
                        .unwrap_or_default();
                    (name, *id)
                })
                .collect();
            v.sort();
            v.into_iter().map(|(_, id)| id).collect()
        }
        _ => {
            let mut v = products.clone();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
            v.into_iter().map(|(id, _)| id).collect()
        }
    };
    let total = order.len() as u64;
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let start = ((page - 1) * PAGE_SIZE) as usize;
    let page_ids: Vec<i64> = order
        .drain(..)
        .skip(start)
        .take(PAGE_SIZE as usize)
        .collect();
    let description = tree
        .names
        .get(&id)
        .map(|(_, _, d)| d.clone())
        .unwrap_or_default();
    let ancestors = tree.ancestors(id);
    Ok(CategoryPage {
        category: tree.link(id, &counts),
        description,
        breadcrumbs: ancestors[..ancestors.len() - 1]
            .iter()
            .map(|a| tree.link(*a, &counts))
            .collect(),
        subcategories: tree
            .children
            .get(&Some(id))
            .map(|k| k.iter().map(|c| tree.link(*c, &counts)).collect())
            .unwrap_or_default(),
        products: cards(db, locale, &page_ids).await?,
        total,
        page,
        pages,
        sort: sort.to_owned(),
    })
}

async fn min_prices<C: ConnectionTrait>(db: &C, ids: &[i64]) -> Result<HashMap<i64, i64>> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(i64, Option<i64>)> = variant::Entity::find()
            .select_only()
            .column(variant::Column::ProductId)
            .column_as(variant::Column::PriceMinor.min(), "p")
            .filter(variant::Column::Active.eq(true))
            .filter(variant::Column::ProductId.is_in(chunk.to_vec()))
            .group_by(variant::Column::ProductId)
            .into_tuple()
            .all(db)
            .await?;
        out.extend(rows.into_iter().filter_map(|(id, p)| p.map(|p| (id, p))));
    }
    Ok(out)
}

/// (name, slug) per product in `locale`, English where untranslated.
async fn product_names<C: ConnectionTrait>(
    db: &C,
    locale: &str,
    ids: &[i64],
) -> Result<HashMap<i64, (String, String)>> {
    let mut out: HashMap<i64, (String, String)> = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows = product_translation::Entity::find()
            .filter(product_translation::Column::ProductId.is_in(chunk.to_vec()))
            .filter(product_translation::Column::Locale.is_in([locale, FALLBACK_LOCALE]))
            .all(db)
            .await?;
        for t in rows {
            if t.locale == locale || !out.contains_key(&t.product_id) {
                out.insert(t.product_id, (t.name, t.slug));
            }
        }
    }
    Ok(out)
}

/// Thumbnail URL for an image path stored relative to the images folder.
pub fn image_urls(path: &str) -> (String, String) {
    let url = format!("/images/{path}");
    let thumb = match path.rsplit_once('.') {
        Some((stem, ext)) => format!("/images/{stem}-thumb.{ext}"),
        None => url.clone(),
    };
    (url, thumb)
}

/// Product cards for `ids`, in the same order (unknown or inactive ids are skipped).
pub async fn cards<C: ConnectionTrait>(
    db: &C,
    locale: &str,
    ids: &[i64],
) -> Result<Vec<ProductCard>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let products: HashMap<i64, product::Model> = product::Entity::find()
        .filter(product::Column::Id.is_in(ids.to_vec()))
        .filter(product::Column::Status.eq(ProductStatus::Active))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let names = product_names(db, locale, ids).await?;
    let variants = variant::Entity::find()
        .filter(variant::Column::ProductId.is_in(ids.to_vec()))
        .filter(variant::Column::Active.eq(true))
        .all(db)
        .await?;
    let variant_ids: Vec<i64> = variants.iter().map(|v| v.id).collect();
    let mut in_stock: HashSet<i64> = HashSet::new();
    for chunk in variant_ids.chunks(500) {
        let rows: Vec<i64> = stock_level::Entity::find()
            .select_only()
            .column(stock_level::Column::VariantId)
            .filter(stock_level::Column::VariantId.is_in(chunk.to_vec()))
            .filter(sea_orm::sea_query::Expr::cust("on_hand - reserved > 0"))
            .into_tuple()
            .all(db)
            .await?;
        in_stock.extend(rows);
    }
    let mut by_product: HashMap<i64, Vec<&variant::Model>> = HashMap::new();
    for v in &variants {
        by_product.entry(v.product_id).or_default().push(v);
    }
    let images = product_image::Entity::find()
        .filter(product_image::Column::ProductId.is_in(ids.to_vec()))
        .order_by_asc(product_image::Column::Position)
        .all(db)
        .await?;
    let mut first_image: HashMap<i64, String> = HashMap::new();
    for i in images {
        first_image
            .entry(i.product_id)
            .or_insert_with(|| image_urls(&i.path).1);
    }
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let (Some(p), Some(vs)) = (products.get(id), by_product.get(id)) else {
            continue;
        };
        let Some(cheapest) = vs.iter().min_by_key(|v| (v.price_minor, v.position)) else {
            continue;
        };
        let (name, slug) = names
            .get(id)
            .cloned()
            .unwrap_or_else(|| (p.slug.clone(), p.slug.clone()));
        out.push(ProductCard {
            id: *id,
            slug,
            name,
            brand: p.brand.clone(),
            price_minor: cheapest.price_minor,
            compare_at_minor: cheapest.compare_at_minor,
            currency: cheapest.currency.clone(),
            price_varies: vs.iter().any(|v| v.price_minor != cheapest.price_minor),
            image: first_image.get(id).cloned(),
            in_stock: vs.iter().any(|v| in_stock.contains(&v.id)),
        });
    }
    Ok(out)
}

async fn find_product_by_slug<C: ConnectionTrait>(
    db: &C,
    locale: &str,
    slug: &str,
) -> Result<product::Model> {
    let id = match product_translation::Entity::find()
        .filter(product_translation::Column::Locale.eq(locale))
        .filter(product_translation::Column::Slug.eq(slug))
        .one(db)
        .await?
    {
        Some(t) => Some(t.product_id),
        None => product_translation::Entity::find()
            .filter(product_translation::Column::Slug.eq(slug))
            .one(db)
            .await?
            .map(|t| t.product_id),
    };
    let found = match id {
        Some(id) => product::Entity::find_by_id(id).one(db).await?,
        None => {
            product::Entity::find()
                .filter(product::Column::Slug.eq(slug))
                .one(db)
                .await?
        }
    };
    found
        .filter(|p| p.status == ProductStatus::Active)
        .ok_or_else(|| CommerceError::NotFound(format!("product {slug}")))
}

/// A product page. `selection` holds (option code, value code) pairs from the URL; the variant
/// matching all of them is selected, else the closest one (and `unmatched_selection` is set).
/// Without a selection the first variant with stock is shown.
pub async fn product<C: ConnectionTrait>(
    db: &C,
    locale: &str,
    slug: &str,
    selection: &[(String, String)],
) -> Result<ProductPage> {
    let p = find_product_by_slug(db, locale, slug).await?;
    let translations = product_translation::Entity::find()
        .filter(product_translation::Column::ProductId.eq(p.id))
        .all(db)
        .await?;
    let tr = translations
        .iter()
        .find(|t| t.locale == locale)
        .or_else(|| translations.iter().find(|t| t.locale == FALLBACK_LOCALE))
        .or_else(|| translations.first());
    let (name, local_slug, description) = tr
        .map(|t| (t.name.clone(), t.slug.clone(), t.description.clone()))
        .unwrap_or_else(|| (p.slug.clone(), p.slug.clone(), String::new()));

    let variants = variant::Entity::find()
        .filter(variant::Column::ProductId.eq(p.id))
        .filter(variant::Column::Active.eq(true))
        .order_by_asc(variant::Column::Position)
        .order_by_asc(variant::Column::Id)
        .all(db)
        .await?;
    if variants.is_empty() {
        return Err(CommerceError::NotFound(format!("product {slug}")));
    }
    let options = product_option::Entity::find()
        .filter(product_option::Column::ProductId.eq(p.id))
        .order_by_asc(product_option::Column::Position)
        .all(db)
        .await?;
    let option_ids: Vec<i64> = options.iter().map(|o| o.id).collect();
    let values = option_value::Entity::find()
        .filter(option_value::Column::OptionId.is_in(option_ids))
        .order_by_asc(option_value::Column::Position)
        .order_by_asc(option_value::Column::Id)
        .all(db)
        .await?;
    let value_ids: Vec<i64> = values.iter().map(|v| v.id).collect();
    let mut labels: HashMap<i64, String> = HashMap::new();
    for t in option_value_translation::Entity::find()
        .filter(option_value_translation::Column::OptionValueId.is_in(value_ids.clone()))
        .filter(option_value_translation::Column::Locale.is_in([locale, FALLBACK_LOCALE]))
        .all(db)
        .await?
    {
        if t.locale == locale || !labels.contains_key(&t.option_value_id) {
            labels.insert(t.option_value_id, t.label);
        }
    }
    let links = variant_option_value::Entity::find()
        .filter(
            variant_option_value::Column::VariantId
                .is_in(variants.iter().map(|v| v.id).collect::<Vec<_>>()),
        )
        .all(db)
        .await?;
    let value_by_id: HashMap<i64, &option_value::Model> =
        values.iter().map(|v| (v.id, v)).collect();
    let option_code: HashMap<i64, &str> = options.iter().map(|o| (o.id, o.code.as_str())).collect();
    // variant id → option code → value code
    let mut combo: HashMap<i64, BTreeMap<String, String>> = HashMap::new();
    for l in &links {
        if let Some(v) = value_by_id.get(&l.option_value_id) {
            if let Some(code) = option_code.get(&v.option_id) {
                combo
                    .entry(l.variant_id)
                    .or_default()
                    .insert((*code).to_owned(), v.code.clone());
            }
        }
    }

    // stock of every variant at every location (for the default choice and availability)
    let locations = location::Entity::find()
        .order_by_desc(location::Column::ShipsOnline)
        .order_by_asc(location::Column::Id)
        .all(db)
        .await?;
    let levels = stock_level::Entity::find()
        .filter(
            stock_level::Column::VariantId.is_in(variants.iter().map(|v| v.id).collect::<Vec<_>>()),
        )
        .all(db)
        .await?;
    let available = |variant_id: i64, location_id: i64| -> i64 {
        levels
            .iter()
            .find(|l| l.variant_id == variant_id && l.location_id == location_id)
            .map(|l| (l.on_hand - l.reserved).max(0))
            .unwrap_or(0)
    };
    let total_available = |variant_id: i64| -> i64 {
        levels
            .iter()
            .filter(|l| l.variant_id == variant_id)
            .map(|l| (l.on_hand - l.reserved).max(0))
            .sum()
    };

    let wanted: BTreeMap<String, String> = selection
        .iter()
        .filter(|(k, _)| options.iter().any(|o| &o.code == k))
        .cloned()
        .collect();
    let score = |v: &variant::Model| -> usize {
        let c = combo.get(&v.id);
        wanted
            .iter()
            .filter(|(k, val)| c.and_then(|c| c.get(*k)) == Some(*val))
            .count()
    };
    let (selected, unmatched) = if wanted.is_empty() {
        let v = variants
            .iter()
            .find(|v| total_available(v.id) > 0)
            .unwrap_or(&variants[0]);
        (v, false)
    } else {
        let best = variants
            .iter()
            .max_by_key(|v| {
                (
                    score(v),
                    total_available(v.id) > 0,
                    std::cmp::Reverse(v.position),
                )
            })
            .unwrap_or(&variants[0]);
        (best, score(best) < wanted.len())
    };
    let selected_combo = combo.get(&selected.id).cloned().unwrap_or_default();

    let option_views = options
        .iter()
        .map(|o| OptionChoice {
            code: o.code.clone(),
            values: values
                .iter()
                .filter(|v| v.option_id == o.id)
                .map(|v| {
                    let mut target = selected_combo.clone();
                    target.insert(o.code.clone(), v.code.clone());
                    let combinable = variants
                        .iter()
                        .any(|x| combo.get(&x.id).is_some_and(|c| c == &target));
                    let query = selection_query(&target);
                    OptionValueChoice {
                        code: v.code.clone(),
                        label: labels.get(&v.id).cloned().unwrap_or_else(|| v.code.clone()),
                        selected: selected_combo.get(&o.code) == Some(&v.code),
                        combinable,
                        query,
                    }
                })
                .collect(),
        })
        .collect();

    let label = options
        .iter()
        .filter_map(|o| {
            let code = selected_combo.get(&o.code)?;
            let v = values
                .iter()
                .find(|v| v.option_id == o.id && &v.code == code)?;
            Some(labels.get(&v.id).cloned().unwrap_or_else(|| v.code.clone()))
        })
        .collect::<Vec<_>>()
        .join(" / ");

    let vat = vat_rate::Entity::find_by_id(p.vat_rate_id).one(db).await?;
    let images = product_image::Entity::find()
        .filter(product_image::Column::ProductId.eq(p.id))
        .order_by_asc(product_image::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|i| {
            let (url, thumb) = image_urls(&i.path);
            Image {
                url,
                thumb,
                alt: i.alt.unwrap_or_else(|| name.clone()),
                width: i.width,
                height: i.height,
            }
        })
        .collect();
    let tree = Tree::load(db, locale).await?;
    let counts = product_counts(db).await?;
    let breadcrumbs = tree
        .ancestors(p.category_id)
        .into_iter()
        .map(|c| tree.link(c, &counts))
        .collect();
    let availability = locations
        .iter()
        .map(|l| Availability {
            code: l.code.clone(),
            name: l.name.clone(),
            ships_online: l.ships_online,
            available: available(selected.id, l.id),
            low_stock_threshold: i64::from(
                selected
                    .low_stock_threshold
                    .unwrap_or(l.default_low_stock_threshold),
            ),
        })
        .collect();

    Ok(ProductPage {
        id: p.id,
        slug: local_slug,
        name,
        description,
        brand: p.brand.clone(),
        breadcrumbs,
        images,
        options: option_views,
        variant: SelectedVariant {
            id: selected.id,
            sku: selected.sku.clone(),
            barcode: selected.barcode.clone(),
            price_minor: selected.price_minor,
            compare_at_minor: selected.compare_at_minor,
            currency: selected.currency.clone(),
            vat_rate_bp: vat.map(|v| v.rate_bp).unwrap_or(0),
            label,
        },
        unmatched_selection: unmatched,
        availability,
    })
}

/// Parses a `key=value&…` query string (percent-encoded, `+` for space) into pairs; malformed
/// pieces are skipped, and at most 16 pairs of at most 64 bytes each are kept.
pub fn parse_selection(query: &str) -> Vec<(String, String)> {
    crate::text::form_pairs(query)
        .filter(|(k, v)| !k.is_empty() && k.len() <= 64 && v.len() <= 64)
        .take(16)
        .collect()
}

/// The query string of a variant selection, `(option code, value code)` pairs in order: the
/// inverse of [`parse_selection`].
pub fn selection_query<K: AsRef<str>, V: AsRef<str>>(
    pairs: impl IntoIterator<Item = (K, V)>,
) -> String {
    let escape = crate::text::query_value;
    pairs
        .into_iter()
        .map(|(k, v)| format!("{}={}", escape(k.as_ref()), escape(v.as_ref())))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::{image_urls, parse_selection, selection_query};

    #[test]
    fn selection_round_trips_through_the_query_string() {
        let pairs = vec![
            ("colour".to_owned(), "ciemny niebieski".to_owned()),
            ("size".to_owned(), "42½".to_owned()),
        ];
        let q = selection_query(pairs.iter().map(|(k, v)| (k, v)));
        assert_eq!(parse_selection(&q), pairs);
        assert_eq!(
            parse_selection("size=4+2"),
            vec![("size".into(), "4 2".into())]
        );
        assert!(parse_selection("%zz=1&=2&novalue&size=%4").is_empty());
        assert_eq!(parse_selection(&"a=1&".repeat(100)).len(), 16);
    }

    #[test]
    fn thumbnails_sit_beside_images() {
        assert_eq!(
            image_urls("products/x-1.jpg"),
            (
                "/images/products/x-1.jpg".into(),
                "/images/products/x-1-thumb.jpg".into()
            )
        );
    }
}
