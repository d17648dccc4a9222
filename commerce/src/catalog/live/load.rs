//! Reading the catalogue from the database into the read model: every active product, or the
//! ones an outbox batch names, with a handful of batched queries (never one per product).

use std::{
    collections::{HashMap, HashSet},
    sync::Arc,
};

use sea_orm::{
    sea_query::{Expr, Query, SelectStatement, SimpleExpr},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::snapshot::{
    Cat, CatText, Categories, Image, Labels, NewProduct, OptionValue, Places, Product,
    ProductOption, Stocked, Variant,
};
use crate::{
    entity::{
        category, category_translation, enums::ProductStatus, location, option_value,
        option_value_translation, product, product_image, product_option, product_translation,
        stock_level, store, variant, variant_option_value, vat_rate,
    },
    locale::Locale,
    Result,
};

/// Ids per `IN (…)` list.
const CHUNK: usize = 500;

/// Products per part of a full load. Small in test builds, so that the demo's few hundred
/// products load in several parts there too.
const LOAD_PART: usize = if cfg!(feature = "test-support") {
    97
} else {
    5_000
};

/// Index of a locale code in [`Locale::ALL`] (`None` for a code the shop does not have).
pub(crate) fn locale_index(code: &str) -> Option<usize> {
    Locale::ALL.iter().position(|l| l.code() == code)
}

/// Shares repeated short strings (option and value codes, labels, brands, currencies) between
/// products: a 100k-product catalogue has a few thousand distinct ones.
#[derive(Default)]
pub(super) struct Interner {
    strs: HashSet<Arc<str>>,
    labels: HashSet<Labels>,
    options: HashSet<Arc<[ProductOption]>>,
}

impl Interner {
    pub(super) fn str(&mut self, s: &str) -> Arc<str> {
        if let Some(found) = self.strs.get(s) {
            return found.clone();
        }
        let new: Arc<str> = Arc::from(s);
        self.strs.insert(new.clone());
        new
    }

    fn labels(&mut self, labels: [Arc<str>; 3]) -> Labels {
        let new: Labels = Arc::new(labels);
        if let Some(found) = self.labels.get(&new) {
            return found.clone();
        }
        self.labels.insert(new.clone());
        new
    }

    /// A product's options, shared with every product that has the same ones (most products
    /// of a kind offer the same sizes or colours).
    fn options(&mut self, options: Vec<ProductOption>) -> Arc<[ProductOption]> {
        if let Some(found) = self.options.get(options.as_slice()) {
            return found.clone();
        }
        let new: Arc<[ProductOption]> = options.into();
        self.options.insert(new.clone());
        new
    }
}

/// Which products one load reads.
#[derive(Clone, Copy, Debug)]
pub(super) enum Scope<'a> {
    /// These ids (read in `IN` lists of [`CHUNK`]).
    Ids(&'a [i64]),
    /// The ids from the first to the second, inclusive (one range query per table).
    Range(i64, i64),
}

/// What one query of a load reads: some keys of its table, or what belongs to a range of
/// product ids.
enum Part {
    Keys(Vec<i64>),
    Products(i64, i64),
}

impl Part {
    /// The condition on a table whose rows belong to products through `column` (its product
    /// id), or, when `parent` is given, through its parent table's rows whose ids `column` holds
    /// (`parent` gives them for a product range: a subquery).
    fn on(
        &self,
        column: impl ColumnTrait,
        parent: Option<fn(i64, i64) -> SelectStatement>,
    ) -> SimpleExpr {
        match (self, parent) {
            (Part::Keys(keys), _) => column.is_in(keys.iter().copied()),
            (Part::Products(from, to), None) => column.between(*from, *to),
            (Part::Products(from, to), Some(parent)) => column.in_subquery(parent(*from, *to)),
        }
    }
}

/// The ids of the options of products `from..=to`.
fn options_of(from: i64, to: i64) -> SelectStatement {
    Query::select()
        .column(product_option::Column::Id)
        .from(product_option::Entity)
        .and_where(product_option::Column::ProductId.between(from, to))
        .to_owned()
}

/// The ids of the option values of products `from..=to`.
fn values_of(from: i64, to: i64) -> SelectStatement {
    Query::select()
        .column(option_value::Column::Id)
        .from(option_value::Entity)
        .and_where(option_value::Column::OptionId.in_subquery(options_of(from, to)))
        .to_owned()
}

/// The ids of the variants of products `from..=to`.
fn variants_of(from: i64, to: i64) -> SelectStatement {
    Query::select()
        .column(variant::Column::Id)
        .from(variant::Entity)
        .and_where(variant::Column::ProductId.between(from, to))
        .to_owned()
}

/// Runs `load` for every chunk of `keys` (scope [`Scope::Ids`]), or once for the product range.
async fn chunked<T, F, Fut>(scope: Scope<'_>, keys: &[i64], mut load: F) -> Result<Vec<T>>
where
    F: FnMut(Part) -> Fut,
    Fut: std::future::Future<Output = Result<Vec<T>>>,
{
    match scope {
        Scope::Range(from, to) => load(Part::Products(from, to)).await,
        Scope::Ids(_) => {
            let mut out = Vec::new();
            for chunk in keys.chunks(CHUNK) {
                out.extend(load(Part::Keys(chunk.to_vec())).await?);
            }
            Ok(out)
        }
    }
}

/// Every active product, read in parts of [`LOAD_PART`] products so that what a load holds
/// at once (the rows before they become products) stays small however large the catalogue.
pub(super) async fn all_products<C: ConnectionTrait>(
    db: &C,
    strings: &mut Interner,
) -> Result<HashMap<i64, Product>> {
    let ids = crate::search::documents::active_product_ids(db).await?;
    let mut out = HashMap::with_capacity(ids.len());
    for part in ids.chunks(LOAD_PART) {
        let (from, to) = (part[0], part[part.len() - 1]);
        out.extend(products(db, Scope::Range(from, to), strings).await?);
    }
    Ok(out)
}

/// The active products in `scope`, keyed by id. A product missing from the result is not (or
/// no longer) shown in the shop.
pub(super) async fn products<C: ConnectionTrait>(
    db: &C,
    scope: Scope<'_>,
    strings: &mut Interner,
) -> Result<HashMap<i64, Product>> {
    let asked: &[i64] = match scope {
        Scope::Ids(ids) => ids,
        Scope::Range(..) => &[],
    };
    let rows: Vec<product::Model> = chunked(scope, asked, |part| async move {
        let q = product::Entity::find()
            .filter(product::Column::Status.eq(ProductStatus::Active))
            .filter(part.on(product::Column::Id, None));
        Ok(q.all(db).await?)
    })
    .await?;
    let ids: Vec<i64> = rows.iter().map(|p| p.id).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }

    let translations: Vec<(i64, String, String, String)> =
        chunked(scope, &ids, |part| async move {
            let q = product_translation::Entity::find()
                .select_only()
                .columns([
                    product_translation::Column::ProductId,
                    product_translation::Column::Locale,
                    product_translation::Column::Name,
                    product_translation::Column::Slug,
                ])
                .filter(part.on(product_translation::Column::ProductId, None));
            Ok(q.into_tuple().all(db).await?)
        })
        .await?;

    let options: Vec<product_option::Model> = chunked(scope, &ids, |part| async move {
        let q =
            product_option::Entity::find().filter(part.on(product_option::Column::ProductId, None));
        Ok(q.all(db).await?)
    })
    .await?;
    let option_ids: Vec<i64> = options.iter().map(|o| o.id).collect();
    let values: Vec<option_value::Model> = chunked(scope, &option_ids, |part| async move {
        let q = option_value::Entity::find()
            .filter(part.on(option_value::Column::OptionId, Some(options_of)));
        Ok(q.all(db).await?)
    })
    .await?;
    let value_ids: Vec<i64> = values.iter().map(|v| v.id).collect();
    let labels: Vec<(i64, String, String)> = chunked(scope, &value_ids, |part| async move {
        let q = option_value_translation::Entity::find()
            .select_only()
            .columns([
                option_value_translation::Column::OptionValueId,
                option_value_translation::Column::Locale,
                option_value_translation::Column::Label,
            ])
            .filter(part.on(
                option_value_translation::Column::OptionValueId,
                Some(values_of),
            ));
        Ok(q.into_tuple().all(db).await?)
    })
    .await?;

    let variants: Vec<variant::Model> = chunked(scope, &ids, |part| async move {
        let q = variant::Entity::find()
            .filter(variant::Column::Active.eq(true))
            .filter(part.on(variant::Column::ProductId, None));
        Ok(q.all(db).await?)
    })
    .await?;
    let variant_ids: Vec<i64> = variants.iter().map(|v| v.id).collect();
    let links: Vec<(i64, i64)> = chunked(scope, &variant_ids, |part| async move {
        let q = variant_option_value::Entity::find()
            .select_only()
            .columns([
                variant_option_value::Column::VariantId,
                variant_option_value::Column::OptionValueId,
            ])
            .filter(part.on(variant_option_value::Column::VariantId, Some(variants_of)));
        Ok(q.into_tuple().all(db).await?)
    })
    .await?;
    let stocked: Vec<(i64, i64)> = chunked(scope, &variant_ids, |part| async move {
        let q = stock_level::Entity::find()
            .select_only()
            .columns([
                stock_level::Column::VariantId,
                stock_level::Column::LocationId,
            ])
            .filter(Expr::cust("on_hand - reserved > 0"))
            .filter(part.on(stock_level::Column::VariantId, Some(variants_of)));
        Ok(q.into_tuple().all(db).await?)
    })
    .await?;
    let images: Vec<product_image::Model> = chunked(scope, &ids, |part| async move {
        let q =
            product_image::Entity::find().filter(part.on(product_image::Column::ProductId, None));
        Ok(q.all(db).await?)
    })
    .await?;

    Ok(assemble(
        rows,
        Assembly {
            translations,
            options,
            values,
            labels,
            variants,
            links,
            stocked,
            images,
        },
        strings,
    ))
}

/// The rows of one load, before they are put together per product.
struct Assembly {
    translations: Vec<(i64, String, String, String)>,
    options: Vec<product_option::Model>,
    values: Vec<option_value::Model>,
    labels: Vec<(i64, String, String)>,
    variants: Vec<variant::Model>,
    links: Vec<(i64, i64)>,
    stocked: Vec<(i64, i64)>,
    images: Vec<product_image::Model>,
}

fn assemble(
    rows: Vec<product::Model>,
    a: Assembly,
    strings: &mut Interner,
) -> HashMap<i64, Product> {
    let wanted: HashSet<i64> = rows.iter().map(|p| p.id).collect();
    // Texts per product and locale.
    let mut texts: HashMap<i64, [Option<(String, String)>; 3]> = HashMap::new();
    for (product_id, locale, name, slug) in a.translations {
        if let Some(i) = locale_index(&locale) {
            texts.entry(product_id).or_default()[i] = Some((name, slug));
        }
    }
    // Value labels per locale, English where untranslated, else the code.
    let mut value_labels: HashMap<i64, [Option<String>; 3]> = HashMap::new();
    for (value_id, locale, label) in a.labels {
        if let Some(i) = locale_index(&locale) {
            value_labels.entry(value_id).or_default()[i] = Some(label);
        }
    }
    let mut values_by_option: HashMap<i64, Vec<option_value::Model>> = HashMap::new();
    for v in a.values {
        values_by_option.entry(v.option_id).or_default().push(v);
    }
    let mut options_by_product: HashMap<i64, Vec<product_option::Model>> = HashMap::new();
    for o in a.options {
        options_by_product.entry(o.product_id).or_default().push(o);
    }
    let mut values_of_variant: HashMap<i64, Vec<i64>> = HashMap::new();
    for (variant_id, value_id) in a.links {
        values_of_variant
            .entry(variant_id)
            .or_default()
            .push(value_id);
    }
    let mut stocked_at: HashMap<i64, Vec<i64>> = HashMap::new();
    for (variant_id, location_id) in a.stocked {
        stocked_at.entry(variant_id).or_default().push(location_id);
    }
    let mut variants_by_product: HashMap<i64, Vec<variant::Model>> = HashMap::new();
    for v in a.variants {
        variants_by_product.entry(v.product_id).or_default().push(v);
    }
    let mut images_by_product: HashMap<i64, Vec<product_image::Model>> = HashMap::new();
    for i in a.images {
        images_by_product.entry(i.product_id).or_default().push(i);
    }

    let mut out = HashMap::with_capacity(rows.len());
    for p in rows {
        if !wanted.contains(&p.id) {
            continue;
        }
        let own = texts.remove(&p.id).unwrap_or_default();
        let fallback = own[0]
            .clone()
            .or_else(|| own.iter().flatten().next().cloned())
            .unwrap_or_else(|| (p.slug.clone(), p.slug.clone()));
        let per_locale: [(&str, &str, bool); 3] = std::array::from_fn(|i| {
            let (name, slug) = own[i].as_ref().unwrap_or(&fallback);
            (name.as_str(), slug.as_str(), own[i].is_some())
        });

        let mut options = options_by_product.remove(&p.id).unwrap_or_default();
        options.sort_by_key(|o| (o.position, o.id));
        // (option index, value index) of a value id.
        let mut value_place: HashMap<i64, (u16, u16)> = HashMap::new();
        let options: Vec<ProductOption> = options
            .into_iter()
            .enumerate()
            .map(|(oi, o)| {
                let mut values = values_by_option.remove(&o.id).unwrap_or_default();
                values.sort_by_key(|v| (v.position, v.id));
                ProductOption {
                    code: strings.str(&o.code),
                    values: values
                        .into_iter()
                        .enumerate()
                        .map(|(vi, v)| {
                            value_place.insert(v.id, (oi as u16, vi as u16));
                            let own = value_labels.get(&v.id);
                            let mut label = |i: usize| -> Arc<str> {
                                let l = own.and_then(|l| l[i].as_deref().or(l[0].as_deref()));
                                strings.str(l.unwrap_or(&v.code))
                            };
                            let labels = [label(0), label(1), label(2)];
                            OptionValue {
                                code: strings.str(&v.code),
                                position: v.position,
                                labels: strings.labels(labels),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        let options = strings.options(options);

        let mut variants = variants_by_product.remove(&p.id).unwrap_or_default();
        variants.sort_by_key(|v| (v.position, v.id));
        // What the views below borrow: each variant's values and where it is available.
        let extras: Vec<(Vec<(u16, u16)>, Stocked)> = variants
            .iter()
            .map(|v| {
                let values = values_of_variant
                    .get(&v.id)
                    .map(|ids| {
                        ids.iter()
                            .filter_map(|id| value_place.get(id).copied())
                            .collect()
                    })
                    .unwrap_or_default();
                let stocked = Stocked::new(stocked_at.remove(&v.id).unwrap_or_default());
                (values, stocked)
            })
            .collect();
        let variants: Vec<Variant> = variants
            .iter()
            .zip(&extras)
            .map(|(v, (values, stocked))| Variant {
                id: v.id,
                sku: &v.sku,
                barcode: v.barcode.as_deref(),
                price_minor: v.price_minor,
                compare_at_minor: v.compare_at_minor,
                currency: &v.currency,
                position: v.position,
                low_stock_threshold: v.low_stock_threshold,
                values,
                stocked,
            })
            .collect();

        let mut images = images_by_product.remove(&p.id).unwrap_or_default();
        images.sort_by_key(|i| (i.position, i.id));
        let images = images
            .iter()
            .map(|i| Image {
                path: &i.path,
                width: i.width,
                height: i.height,
                alt: i.alt.as_deref(),
            })
            .collect();

        let product = Product::new(NewProduct {
            id: p.id,
            category_id: p.category_id,
            vat_rate_id: p.vat_rate_id,
            brand: p.brand.as_deref().map(|b| strings.str(b)),
            created_at: p.created_at.timestamp_micros(),
            base_slug: &p.slug,
            per_locale,
            options,
            variants,
            images,
        });
        out.insert(p.id, product);
    }
    out
}

/// The category tree with names, slugs and descriptions in every locale.
pub(super) async fn categories<C: ConnectionTrait>(db: &C) -> Result<Categories> {
    let cats = category::Entity::find()
        .order_by_asc(category::Column::Position)
        .order_by_asc(category::Column::Id)
        .all(db)
        .await?;
    /// (name, slug, description) per locale.
    type Texts = [Option<(String, String, String)>; 3];
    let mut own: HashMap<i64, Texts> = HashMap::new();
    for t in category_translation::Entity::find().all(db).await? {
        if let Some(i) = locale_index(&t.locale) {
            own.entry(t.category_id).or_default()[i] = Some((t.name, t.slug, t.description));
        }
    }
    let cats = cats
        .into_iter()
        .map(|c| {
            let own = own.remove(&c.id).unwrap_or_default();
            let texts = std::array::from_fn(|i| {
                let found = own[i].clone().or_else(|| own[0].clone());
                let (name, slug, description) =
                    found.unwrap_or_else(|| (c.slug.clone(), c.slug.clone(), String::new()));
                CatText {
                    name: name.into(),
                    slug: slug.into(),
                    description: description.into(),
                    own: own[i].is_some(),
                }
            });
            Cat {
                id: c.id,
                parent_id: c.parent_id,
                slug: c.slug.into(),
                texts,
            }
        })
        .collect();
    Ok(Categories::new(cats))
}

/// Locations, stores and VAT rates.
pub(super) async fn places<C: ConnectionTrait>(db: &C) -> Result<Places> {
    let locations = location::Entity::find()
        .order_by_desc(location::Column::ShipsOnline)
        .order_by_asc(location::Column::Id)
        .all(db)
        .await?;
    let stores = store::Entity::find()
        .order_by_asc(store::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let vat = vat_rate::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|v| (v.id, v.rate_bp))
        .collect();
    Ok(Places {
        locations,
        stores,
        vat,
    })
}
