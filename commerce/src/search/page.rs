//! Read models built on the index: the results page with its facets, header suggestions, and the
//! exact SKU/barcode shortcut. Names, labels and prices come from the database; the index only
//! picks and counts products.

use std::{
    collections::{BTreeMap, HashMap},
    sync::Arc,
};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{
    analysis,
    documents::Categories,
    index::{Hits, SearchIndex},
    params::{price_band_bounds, SearchParams, Sort, ATTRIBUTE_CODES, PRICE_BANDS},
};
use crate::{
    catalog::{barcode::Ean13, browse, sku::Sku},
    entity::{
        category, category_translation, enums::ProductStatus, option_value,
        option_value_translation, product, product_option, product_translation, store, variant,
        variant_option_value,
    },
    CommerceError, Result,
};

pub use super::view::{
    CategorySuggestion, CodeMatch, FacetGroup, FacetValue, PriceBandValue, SearchPage, SortLink,
    Suggestions,
};

/// Results per page.
pub const PAGE_SIZE: u64 = 24;

/// Products in the header suggestions.
pub const SUGGESTED_PRODUCTS: usize = 6;

/// Categories in the header suggestions.
pub const SUGGESTED_CATEGORIES: usize = 3;

/// Runs `params` and builds the results page in `locale`.
///
/// Never fails on user input: junk text finds nothing, a page past the end is empty. Errors are
/// only database errors.
pub async fn search_page<C: ConnectionTrait>(
    db: &C,
    index: &Arc<SearchIndex>,
    locale: &str,
    params: &SearchParams,
) -> Result<SearchPage> {
    let mut params = params.clone();
    params.page = params.page.max(1);
    // Matching and counting is CPU work: off the async workers, so pages keep being served.
    let hits: Hits = {
        let (index, params) = (Arc::clone(index), params.clone());
        tokio::task::spawn_blocking(move || index.hits(&params, PAGE_SIZE as usize))
            .await
            .map_err(|e| CommerceError::Internal(format!("search task failed: {e}")))?
    };
    let pages = hits.total.div_ceil(PAGE_SIZE).max(1);
    let products = browse::cards(db, locale, &hits.ids).await?;
    let code_match = find_code(db, locale, &params.q).await?;

    // Categories: trail of the selection, then the children to drill into.
    let tree = CategoryNames::load(db, locale).await?;
    let mut category_trail = Vec::new();
    if let Some(selected) = params.category {
        for id in tree.ancestors(selected) {
            category_trail.push(FacetValue {
                key: id.to_string(),
                label: tree.name(id),
                count: 0,
                selected: id == selected,
                query: params.with_category(Some(id)).to_query(),
            });
        }
    }
    let mut categories: Vec<FacetValue> = hits
        .categories
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(id, n)| FacetValue {
            key: id.to_string(),
            label: tree.name(*id),
            count: *n,
            selected: false,
            query: params.with_category(Some(*id)).to_query(),
        })
        .collect();
    categories.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));

    // Attributes, labelled in the locale.
    let labels = value_labels(db, locale).await?;
    let mut attributes = Vec::new();
    for code in ATTRIBUTE_CODES {
        let selected = params.attrs.get(code);
        let counts = hits.attrs.get(code);
        let mut keys: Vec<&String> = counts.map(|c| c.keys().collect()).unwrap_or_default();
        if let Some(sel) = selected {
            keys.extend(
                sel.iter()
                    .filter(|k| !counts.is_some_and(|c| c.contains_key(*k))),
            );
        }
        let mut values: Vec<(i32, FacetValue)> = keys
            .into_iter()
            .map(|k| {
                let (position, label) = labels
                    .get(&(code.to_owned(), k.clone()))
                    .cloned()
                    .unwrap_or((i32::MAX, k.clone()));
                let v = FacetValue {
                    key: k.clone(),
                    label,
                    count: counts.and_then(|c| c.get(k)).copied().unwrap_or(0),
                    selected: selected.is_some_and(|s| s.contains(k)),
                    query: params.toggle_attr(code, k).to_query(),
                };
                (position, v)
            })
            .filter(|(_, v)| v.count > 0 || v.selected)
            .collect();
        values.sort_by(|a, b| {
            value_order(code, &a.1.key, a.0)
                .cmp(&value_order(code, &b.1.key, b.0))
                .then(a.1.label.cmp(&b.1.label))
        });
        if !values.is_empty() {
            attributes.push(FacetGroup {
                code: code.to_owned(),
                values: values.into_iter().map(|(_, v)| v).collect(),
            });
        }
    }

    let price_bands = (0..PRICE_BANDS.len())
        .filter_map(|band| {
            let (min_minor, max_minor) = price_band_bounds(band)?;
            let count = hits.price_bands.get(band).copied().unwrap_or(0);
            let selected = params.price.contains(&band);
            (count > 0 || selected).then(|| PriceBandValue {
                facet: FacetValue {
                    key: band.to_string(),
                    label: String::new(),
                    count,
                    selected,
                    query: params.toggle_price(band).to_query(),
                },
                min_minor,
                max_minor,
            })
        })
        .collect();

    let mut availability = vec![FacetValue {
        key: "online".into(),
        label: String::new(),
        count: hits.online,
        selected: params.online,
        query: params.toggle_online().to_query(),
    }];
    let stores = store::Entity::find()
        .order_by_asc(store::Column::Id)
        .all(db)
        .await?;
    for s in stores {
        let count = hits.stores.get(&s.id).copied().unwrap_or(0);
        availability.push(FacetValue {
            key: format!("store-{}", s.id),
            label: s.name,
            count,
            selected: params.stores.contains(&s.id),
            query: params.toggle_store(s.id).to_query(),
        });
    }

    let sorts = Sort::ALL
        .into_iter()
        .map(|sort| SortLink {
            sort,
            selected: sort == params.sort,
            query: params.with_sort(sort).to_query(),
        })
        .collect();

    let currency = products
        .first()
        .map(|p| p.currency.clone())
        .unwrap_or_else(|| crate::money::Currency::Eur.code().to_owned());
    Ok(SearchPage {
        q: params.q.trim().to_owned(),
        page_query: params.with_page(1).to_query(),
        all_categories_query: params.with_category(None).to_query(),
        has_filters: params.has_filters(),
        currency,
        query: params.to_query(),
        clear_query: params.without_filters().to_query(),
        products,
        total: hits.total,
        page: params.page,
        pages,
        sorts,
        category_trail,
        categories,
        attributes,
        price_bands,
        availability,
        code_match,
    })
}

/// Suggestions for the header box: an exact code match, a few categories, the best products.
pub async fn suggest<C: ConnectionTrait>(
    db: &C,
    index: &Arc<SearchIndex>,
    locale: &str,
    q: &str,
) -> Result<Suggestions> {
    let q: String = q.chars().take(super::params::MAX_QUERY_CHARS).collect();
    if q.trim().is_empty() {
        return Ok(Suggestions::default());
    }
    let ids = {
        let (index, q) = (Arc::clone(index), q.clone());
        tokio::task::spawn_blocking(move || index.suggest(&q, SUGGESTED_PRODUCTS))
            .await
            .map_err(|e| CommerceError::Internal(format!("suggestion task failed: {e}")))?
    };
    let products = browse::cards(db, locale, &ids).await?;
    let code_match = find_code(db, locale, &q).await?;
    // Categories whose name (in this locale) has a word starting with each typed word.
    let words = analysis::fold_words(&q);
    let mut categories = Vec::new();
    if !words.is_empty() {
        let tree = CategoryNames::load(db, locale).await?;
        for (name, slug) in tree.names.values() {
            let name_words = analysis::fold_words(name);
            let all = words
                .iter()
                .all(|w| name_words.iter().any(|n| n.starts_with(w.as_str())));
            if all {
                categories.push(CategorySuggestion {
                    slug: slug.clone(),
                    name: name.clone(),
                });
            }
        }
        categories.sort_by(|a, b| a.name.cmp(&b.name));
        categories.truncate(SUGGESTED_CATEGORIES);
    }
    Ok(Suggestions {
        code_match,
        categories,
        products,
    })
}

/// The active variant whose SKU or EAN-13 barcode is exactly `q` (spaces around ignored).
pub async fn find_code<C: ConnectionTrait>(
    db: &C,
    locale: &str,
    q: &str,
) -> Result<Option<CodeMatch>> {
    let q = q.trim();
    if q.is_empty() || q.len() > 64 || q.contains(char::is_whitespace) {
        return Ok(None);
    }
    let found = if let Ok(ean) = Ean13::parse(q) {
        variant::Entity::find()
            .filter(variant::Column::Barcode.eq(ean.as_str()))
            .one(db)
            .await?
    } else {
        None
    };
    let found = match found {
        Some(v) => Some(v),
        None => match Sku::parse(q) {
            Ok(sku) => {
                variant::Entity::find()
                    .filter(variant::Column::Sku.eq(sku.as_str()))
                    .one(db)
                    .await?
            }
            Err(_) => None,
        },
    };
    let Some(v) = found.filter(|v| v.active) else {
        return Ok(None);
    };
    let Some(p) = product::Entity::find_by_id(v.product_id)
        .one(db)
        .await?
        .filter(|p| p.status == ProductStatus::Active)
    else {
        return Ok(None);
    };
    let translations = product_translation::Entity::find()
        .filter(product_translation::Column::ProductId.eq(p.id))
        .all(db)
        .await?;
    let t = translations
        .iter()
        .find(|t| t.locale == locale)
        .or_else(|| translations.iter().find(|t| t.locale == "en"))
        .or_else(|| translations.first());
    let (name, slug) = t
        .map(|t| (t.name.clone(), t.slug.clone()))
        .unwrap_or_else(|| (p.slug.clone(), p.slug.clone()));
    // Selection: option code = value code of this variant, in option order.
    let value_ids: Vec<i64> = variant_option_value::Entity::find()
        .filter(variant_option_value::Column::VariantId.eq(v.id))
        .all(db)
        .await?
        .into_iter()
        .map(|x| x.option_value_id)
        .collect();
    let values = option_value::Entity::find()
        .filter(option_value::Column::Id.is_in(value_ids))
        .all(db)
        .await?;
    let options: HashMap<i64, product_option::Model> = product_option::Entity::find()
        .filter(product_option::Column::ProductId.eq(p.id))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let mut pairs: Vec<(i32, String, String)> = values
        .into_iter()
        .filter_map(|val| {
            let o = options.get(&val.option_id)?;
            Some((o.position, o.code.clone(), val.code))
        })
        .collect();
    pairs.sort();
    let selection = browse::selection_query(pairs.iter().map(|(_, o, val)| (o, val)));
    Ok(Some(CodeMatch {
        slug,
        selection,
        name,
        sku: v.sku,
        barcode: v.barcode,
    }))
}

/// Display order of an attribute value: clothing sizes smallest first, numeric sizes by number,
/// anything else by its catalogue position.
fn value_order(code: &str, key: &str, position: i32) -> (u8, i64) {
    const SIZES: [&str; 9] = ["xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "one-size"];
    if code == "size" {
        if let Some(i) = SIZES.iter().position(|s| *s == key) {
            return (0, i as i64);
        }
        if let Ok(n) = key.replace(['-', '_'], ".").parse::<f64>() {
            return (1, (n * 100.0) as i64);
        }
    }
    (2, i64::from(position))
}

/// Category names in a locale with the tree, for labels and trails.
struct CategoryNames {
    /// id → (name, slug).
    names: BTreeMap<i64, (String, String)>,
    tree: Categories,
}

impl CategoryNames {
    async fn load<C: ConnectionTrait>(db: &C, locale: &str) -> Result<Self> {
        let tree = Categories::load(db).await?;
        let mut names: BTreeMap<i64, (String, String)> = BTreeMap::new();
        for t in category_translation::Entity::find()
            .filter(category_translation::Column::Locale.is_in([locale, "en"]))
            .all(db)
            .await?
        {
            if t.locale == locale || !names.contains_key(&t.category_id) {
                names.insert(t.category_id, (t.name, t.slug));
            }
        }
        for c in category::Entity::find().all(db).await? {
            names
                .entry(c.id)
                .or_insert_with(|| (c.slug.clone(), c.slug.clone()));
        }
        Ok(CategoryNames { names, tree })
    }

    fn name(&self, id: i64) -> String {
        self.names
            .get(&id)
            .map(|n| n.0.clone())
            .unwrap_or_else(|| id.to_string())
    }

    /// `id` and its ancestors, root first (empty for an unknown id).
    fn ancestors(&self, id: i64) -> Vec<i64> {
        self.tree.path(id)
    }
}

/// (option code, value code) → (position, label in `locale`, English fallback).
async fn value_labels<C: ConnectionTrait>(
    db: &C,
    locale: &str,
) -> Result<HashMap<(String, String), (i32, String)>> {
    let options: HashMap<i64, String> = product_option::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter(|o| ATTRIBUTE_CODES.contains(&o.code.as_str()))
        .map(|o| (o.id, o.code))
        .collect();
    let values: HashMap<i64, (String, String, i32)> = option_value::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|v| {
            Some((
                v.id,
                (options.get(&v.option_id)?.clone(), v.code, v.position),
            ))
        })
        .collect();
    let mut out: HashMap<(String, String), (i32, String)> = HashMap::new();
    let mut from_locale: HashMap<(String, String), bool> = HashMap::new();
    for t in option_value_translation::Entity::find()
        .filter(option_value_translation::Column::Locale.is_in([locale, "en"]))
        .all(db)
        .await?
    {
        let Some((code, value, position)) = values.get(&t.option_value_id) else {
            continue;
        };
        let key = (code.clone(), value.clone());
        let is_locale = t.locale == locale;
        if is_locale || !from_locale.get(&key).copied().unwrap_or(false) {
            let pos = out
                .get(&key)
                .map_or(*position, |(p, _)| (*p).min(*position));
            out.insert(key.clone(), (pos, t.label));
            from_locale.insert(key, is_locale);
        }
    }
    Ok(out)
}
