//! Read models for the public shop: home, category and product pages, built from the in-memory
//! catalogue ([`super::live::Snapshot`]).
//!
//! Names and slugs come in the requested locale, falling back to English when a translation is
//! missing. Slugs from another locale are accepted too, so a shared English link opens under
//! `/el/…`. Only active products and active variants are shown. The product page reads the
//! live stock of its variants (and its description) in one query; the other pages read nothing.

use std::collections::{BTreeMap, HashMap};

use sea_orm::{ConnectionTrait, Statement};

use super::live::{self, Product, Snapshot};
use crate::{CommerceError, Result};

pub use super::view::{
    Availability, CategoryLink, CategoryPage, Home, Image, OptionChoice, OptionValueChoice,
    ProductCard, ProductPage, SelectedVariant,
};

/// Products per category page.
pub const PAGE_SIZE: u64 = 24;

/// Index of `locale` in the read model's texts (English for an unknown code).
fn lang(locale: &str) -> usize {
    live::locale_index(locale).unwrap_or(0)
}

/// A link to category `id` in locale index `l`.
fn link(snap: &Snapshot, l: usize, id: i64) -> CategoryLink {
    let (name, slug) = snap
        .categories
        .get(id)
        .map(|c| (c.texts[l].name.to_string(), c.texts[l].slug.to_string()))
        .unwrap_or_default();
    CategoryLink {
        slug,
        name,
        product_count: snap.count(id),
    }
}

/// Top-level categories in display order.
pub fn top_categories(snap: &Snapshot, locale: &str) -> Vec<CategoryLink> {
    let l = lang(locale);
    snap.categories
        .children(None)
        .iter()
        .map(|id| link(snap, l, *id))
        .collect()
}

/// The home page: top categories, products on sale and the newest products.
pub fn home(snap: &Snapshot, locale: &str) -> Home {
    Home {
        categories: top_categories(snap, locale),
        new_arrivals: cards(snap, locale, &snap.derived.newest),
        featured: cards(snap, locale, &snap.derived.on_sale),
    }
}

/// One page of a category's products (its descendants included).
///
/// `sort` is `newest` (default), `price_asc`, `price_desc` or `name`; an unknown value falls back
/// to `newest`. A page past the end shows the last page.
pub fn category(
    snap: &Snapshot,
    locale: &str,
    slug: &str,
    page: u64,
    sort: &str,
) -> Result<CategoryPage> {
    let l = lang(locale);
    let cat = snap
        .categories
        .by_slug(l, slug)
        .ok_or_else(|| CommerceError::NotFound(format!("category {slug}")))?;
    let id = cat.id;
    let sort = if live::SORTS.contains(&sort) {
        sort
    } else {
        "newest"
    };
    let none = live::Ids::default();
    let order = snap
        .derived
        .listings
        .get(&id)
        .map_or(&none, |listing| listing.by(sort, l));
    let total = order.len() as u64;
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let start = ((page - 1) * PAGE_SIZE) as usize;
    let end = (start + PAGE_SIZE as usize).min(order.len());
    let path = snap.categories.path(id);
    Ok(CategoryPage {
        category: link(snap, l, id),
        description: cat.texts[l].description.to_string(),
        breadcrumbs: path[..path.len() - 1]
            .iter()
            .map(|a| link(snap, l, *a))
            .collect(),
        subcategories: snap
            .categories
            .children(Some(id))
            .iter()
            .map(|c| link(snap, l, *c))
            .collect(),
        products: cards(snap, locale, &order.page(start, end)),
        total,
        page,
        pages,
        sort: sort.to_owned(),
    })
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

/// The card of one product in locale index `l` (`None` without active variants).
pub fn card(p: &Product, l: usize) -> Option<ProductCard> {
    let cheapest = p.cheapest()?;
    Some(ProductCard {
        id: p.id,
        slug: p.slug(l).to_string(),
        name: p.name(l).to_string(),
        brand: p.brand.as_deref().map(str::to_owned),
        price_minor: cheapest.price_minor,
        compare_at_minor: cheapest.compare_at_minor,
        currency: cheapest.currency.to_string(),
        price_varies: p.variants().any(|v| v.price_minor != cheapest.price_minor),
        image: p.images().next().map(|i| image_urls(i.path).1),
        in_stock: p.in_stock(),
    })
}

/// Product cards for `ids`, in the same order (unknown or inactive ids, and products without
/// active variants, are skipped).
pub fn cards(snap: &Snapshot, locale: &str, ids: &[i64]) -> Vec<ProductCard> {
    let l = lang(locale);
    ids.iter()
        .filter_map(|id| card(snap.product(*id)?, l))
        .collect()
}

/// The live part of a product page: available units per (variant, location), and the
/// description in `locale` (English where untranslated). One round trip.
async fn live_part<C: ConnectionTrait>(
    db: &C,
    p: &Product,
    locale: &str,
) -> Result<(HashMap<(i64, i64), i64>, String)> {
    // SQLite: one statement of one shape for every product (bound values, the variants found
    // by a subquery), prepared once per connection; with the values written in, each page's
    // statement was parsed and planned anew (most of a product page's cost). PostgreSQL: the
    // values written in (integers from the read model, a locale code of ours), planned for
    // these values; the prepared shape halved its product pages (generic plan; RESULTS.md).
    let locale = crate::locale::Locale::ALL[lang(locale)].code();
    let backend = db.get_database_backend();
    let statement = if backend == sea_orm::DbBackend::Postgres {
        let pid = p.id;
        let ids = p
            .variants()
            .map(|v| v.id.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let ids = if ids.is_empty() { "0".to_owned() } else { ids };
        Statement::from_string(
            backend,
            format!(
                "SELECT 0 AS kind, 0 AS a, 0 AS b, \
                 CASE WHEN locale = '{locale}' THEN 1 ELSE 0 END AS n, \
                 description AS text FROM product_translations \
                 WHERE product_id = {pid} AND locale IN ('{locale}', 'en') \
                 UNION ALL SELECT 1 AS kind, variant_id AS a, location_id AS b, \
                 on_hand - reserved AS n, NULL AS text FROM stock_levels \
                 WHERE variant_id IN ({ids})"
            ),
        )
    } else {
        // The description rows (kind 0; `n` = 1 for the page's locale), then the levels.
        Statement::from_sql_and_values(
            backend,
            "SELECT 0 AS kind, 0 AS a, 0 AS b, CASE WHEN locale = ?1 THEN 1 ELSE 0 END AS n, \
             description AS text FROM product_translations \
             WHERE product_id = ?2 AND locale IN (?1, 'en') \
             UNION ALL SELECT 1 AS kind, variant_id AS a, location_id AS b, \
             on_hand - reserved AS n, NULL AS text FROM stock_levels \
             WHERE variant_id IN (SELECT id FROM variants WHERE product_id = ?2)",
            [locale.into(), p.id.into()],
        )
    };
    let rows = db.query_all(statement).await?;
    let mut levels = HashMap::new();
    let mut description: Option<(i64, String)> = None;
    for r in rows {
        let kind: i32 = r.try_get("", "kind")?;
        let n: i64 = r.try_get("", "n")?;
        if kind == 0 {
            let text: Option<String> = r.try_get("", "text")?;
            if description.as_ref().is_none_or(|(best, _)| n > *best) {
                description = Some((n, text.unwrap_or_default()));
            }
        } else {
            let (a, b): (i64, i64) = (r.try_get("", "a")?, r.try_get("", "b")?);
            levels.insert((a, b), n.max(0));
        }
    }
    Ok((levels, description.map(|d| d.1).unwrap_or_default()))
}

/// A product page. `selection` holds (option code, value code) pairs from the URL; the variant
/// matching all of them is selected, else the closest one (and `unmatched_selection` is set).
/// Without a selection the first variant with stock is shown. Everything but the stock
/// quantities and the description comes from the read model.
pub async fn product<C: ConnectionTrait>(
    db: &C,
    snap: &Snapshot,
    locale: &str,
    slug: &str,
    selection: &[(String, String)],
) -> Result<ProductPage> {
    let l = lang(locale);
    let p = snap
        .product_by_slug(l, slug)
        .filter(|p| p.has_variants())
        .ok_or_else(|| CommerceError::NotFound(format!("product {slug}")))?;
    let (levels, description) = live_part(db, p, locale).await?;
    let available = |variant_id: i64, location_id: i64| -> i64 {
        levels.get(&(variant_id, location_id)).copied().unwrap_or(0)
    };
    let total_available = |variant_id: i64| -> i64 {
        snap.places
            .locations
            .iter()
            .map(|loc| available(variant_id, loc.id))
            .sum()
    };
    // variant → option code → value code
    let combo = |v: &live::Variant<'_>| -> BTreeMap<&str, &str> {
        v.values
            .iter()
            .map(|(o, x)| {
                let o = &p.options[*o as usize];
                (&*o.code, &*o.values[*x as usize].code)
            })
            .collect()
    };
    let wanted: BTreeMap<&str, &str> = selection
        .iter()
        .filter(|(k, _)| p.options.iter().any(|o| &*o.code == k))
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let score = |v: &live::Variant<'_>| -> usize {
        let c = combo(v);
        wanted
            .iter()
            .filter(|(k, val)| c.get(*k) == Some(*val))
            .count()
    };
    let variants: Vec<live::Variant> = p.variants().collect();
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
    let selected_combo = combo(selected);

    let options = p
        .options
        .iter()
        .map(|o| OptionChoice {
            code: o.code.to_string(),
            values: o
                .values
                .iter()
                .map(|v| {
                    let mut target = selected_combo.clone();
                    target.insert(&o.code, &v.code);
                    let combinable = variants.iter().any(|x| combo(x) == target);
                    OptionValueChoice {
                        code: v.code.to_string(),
                        label: v.labels[l].to_string(),
                        selected: selected_combo.get(&*o.code) == Some(&&*v.code),
                        combinable,
                        query: selection_query(&target),
                    }
                })
                .collect(),
        })
        .collect();
    let label = selected
        .values
        .iter()
        .map(|(o, x)| &*p.options[*o as usize].values[*x as usize].labels[l])
        .collect::<Vec<_>>()
        .join(" / ");
    let name = p.name(l).to_string();
    let images = p
        .images()
        .map(|i| {
            let (url, thumb) = image_urls(i.path);
            Image {
                url,
                thumb,
                alt: i.alt.map_or_else(|| name.clone(), str::to_owned),
                width: i.width,
                height: i.height,
            }
        })
        .collect();
    let breadcrumbs = snap
        .categories
        .path(p.category_id)
        .into_iter()
        .map(|c| link(snap, l, c))
        .collect();
    let availability = snap
        .places
        .locations
        .iter()
        .map(|loc| Availability {
            code: loc.code.clone(),
            name: loc.name.clone(),
            ships_online: loc.ships_online,
            available: available(selected.id, loc.id),
            low_stock_threshold: i64::from(
                selected
                    .low_stock_threshold
                    .unwrap_or(loc.default_low_stock_threshold),
            ),
        })
        .collect();

    Ok(ProductPage {
        id: p.id,
        slug: p.slug(l).to_string(),
        name,
        description,
        brand: p.brand.as_deref().map(str::to_owned),
        breadcrumbs,
        images,
        options,
        variant: SelectedVariant {
            id: selected.id,
            sku: selected.sku.to_string(),
            barcode: selected.barcode.map(str::to_owned),
            price_minor: selected.price_minor,
            compare_at_minor: selected.compare_at_minor,
            currency: selected.currency.to_string(),
            vat_rate_bp: snap.places.vat.get(&p.vat_rate_id).copied().unwrap_or(0),
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
