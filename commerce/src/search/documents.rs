//! Building index documents from the database, a batch of products at a time.

use std::collections::{BTreeSet, HashMap};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use tantivy::{schema::Facet, TantivyDocument};

use super::{analysis::LOCALES, params::ATTRIBUTE_CODES, schema::Fields};
use crate::{
    entity::{
        category, category_translation, enums::ProductStatus, location, option_value,
        option_value_translation, product, product_option, product_translation, stock_level,
        variant, variant_option_value,
    },
    Result,
};

/// Products loaded per batch.
pub const BATCH: usize = 500;

/// What the index knows about one product.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProductDoc {
    /// Product id.
    pub id: i64,
    /// Names per locale ([`LOCALES`] order), English where untranslated.
    pub names: [String; 3],
    /// Category names, brand and option labels per locale.
    pub metas: [String; 3],
    /// Descriptions per locale.
    pub descs: [String; 3],
    /// Active variant SKUs.
    pub skus: Vec<String>,
    /// Active variant barcodes.
    pub eans: Vec<String>,
    /// Category ids, root to leaf.
    pub category_path: Vec<i64>,
    /// (option code, value code) of active variants, for [`ATTRIBUTE_CODES`].
    pub attrs: BTreeSet<(String, String)>,
    /// Some variant is available at a location that ships online.
    pub online: bool,
    /// Stores where some variant is available.
    pub stores: BTreeSet<i64>,
    /// Lowest active variant price.
    pub price_minor: i64,
    /// Creation time, unix seconds.
    pub created_at: i64,
}

impl ProductDoc {
    /// The tantivy document.
    pub fn to_document(&self, f: &Fields) -> TantivyDocument {
        let mut d = TantivyDocument::default();
        d.add_u64(f.product_id, self.id as u64);
        for i in 0..LOCALES.len() {
            d.add_text(f.name[i], super::analysis::normalize(&self.names[i]));
            d.add_text(f.meta[i], super::analysis::normalize(&self.metas[i]));
            d.add_text(f.desc[i], super::analysis::normalize(&self.descs[i]));
            d.add_text(f.name_fold, super::analysis::normalize(&self.names[i]));
        }
        for s in &self.skus {
            d.add_text(f.sku, s.to_uppercase());
        }
        for e in &self.eans {
            d.add_text(f.ean, e);
        }
        if !self.category_path.is_empty() {
            let path: Vec<String> = self.category_path.iter().map(|c| c.to_string()).collect();
            d.add_facet(f.category, Facet::from_path(path));
        }
        for (code, value) in &self.attrs {
            d.add_facet(f.attr, Facet::from_path([code.as_str(), value.as_str()]));
        }
        if self.online {
            d.add_facet(f.avail, Facet::from_path(["online"]));
        }
        for s in &self.stores {
            d.add_facet(f.avail, Facet::from_path([format!("store-{s}")]));
        }
        d.add_u64(f.price_minor, self.price_minor.max(0) as u64);
        d.add_i64(f.created_at, self.created_at);
        d.add_bool(f.in_stock, self.online || !self.stores.is_empty());
        d
    }
}

/// Ids of every active product, ascending.
pub async fn active_product_ids<C: ConnectionTrait>(db: &C) -> Result<Vec<i64>> {
    Ok(product::Entity::find()
        .select_only()
        .column(product::Column::Id)
        .filter(product::Column::Status.eq(ProductStatus::Active))
        .order_by_asc(product::Column::Id)
        .into_tuple()
        .all(db)
        .await?)
}

/// Category tree and names, loaded once per batch run.
pub struct Categories {
    parents: HashMap<i64, Option<i64>>,
    names: HashMap<(i64, usize), String>,
}

impl Categories {
    /// Loads every category and its names.
    pub async fn load<C: ConnectionTrait>(db: &C) -> Result<Self> {
        let parents = category::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.id, c.parent_id))
            .collect();
        let mut names = HashMap::new();
        for t in category_translation::Entity::find().all(db).await? {
            if let Some(i) = LOCALES.iter().position(|l| *l == t.locale) {
                names.insert((t.category_id, i), t.name);
            }
        }
        Ok(Categories { parents, names })
    }

    /// `id` and its ancestors, root first.
    pub fn path(&self, id: i64) -> Vec<i64> {
        let mut out = vec![];
        let mut cur = Some(id);
        while let Some(c) = cur {
            if out.contains(&c) || !self.parents.contains_key(&c) {
                break;
            }
            out.push(c);
            cur = self.parents.get(&c).copied().flatten();
        }
        out.reverse();
        out
    }

    /// Every category's path, root first.
    pub fn paths(&self) -> HashMap<i64, Vec<i64>> {
        self.parents
            .keys()
            .map(|id| (*id, self.path(*id)))
            .collect()
    }

    /// Ids of `id` and all its descendants.
    pub fn subtree(&self, id: i64) -> Vec<i64> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            let parent = out[i];
            out.extend(
                self.parents
                    .iter()
                    .filter(|(c, p)| **p == Some(parent) && !out.contains(c))
                    .map(|(c, _)| *c)
                    .collect::<Vec<_>>(),
            );
            i += 1;
        }
        out
    }
}

/// Documents for the active products among `ids` (inactive or unknown ids are left out: the
/// caller deletes them from the index).
pub async fn load<C: ConnectionTrait>(
    db: &C,
    cats: &Categories,
    ids: &[i64],
) -> Result<Vec<ProductDoc>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(BATCH) {
        out.extend(load_chunk(db, cats, chunk).await?);
    }
    Ok(out)
}

async fn load_chunk<C: ConnectionTrait>(
    db: &C,
    cats: &Categories,
    ids: &[i64],
) -> Result<Vec<ProductDoc>> {
    let products = product::Entity::find()
        .filter(product::Column::Id.is_in(ids.to_vec()))
        .filter(product::Column::Status.eq(ProductStatus::Active))
        .order_by_asc(product::Column::Id)
        .all(db)
        .await?;
    if products.is_empty() {
        return Ok(vec![]);
    }
    let ids: Vec<i64> = products.iter().map(|p| p.id).collect();
    let mut docs: HashMap<i64, ProductDoc> = HashMap::new();
    for p in &products {
        let category_path = cats.path(p.category_id);
        let mut metas: [String; 3] = Default::default();
        for (i, meta) in metas.iter_mut().enumerate() {
            for c in &category_path {
                if let Some(n) = cats
                    .names
                    .get(&(*c, i))
                    .or_else(|| cats.names.get(&(*c, 0)))
                {
                    meta.push_str(n);
                    meta.push(' ');
                }
            }
            if let Some(b) = &p.brand {
                meta.push_str(b);
                meta.push(' ');
            }
        }
        docs.insert(
            p.id,
            ProductDoc {
                id: p.id,
                metas,
                category_path,
                created_at: p.created_at.timestamp(),
                price_minor: i64::MAX,
                ..Default::default()
            },
        );
    }

    for t in product_translation::Entity::find()
        .filter(product_translation::Column::ProductId.is_in(ids.clone()))
        .all(db)
        .await?
    {
        let (Some(d), Some(i)) = (
            docs.get_mut(&t.product_id),
            LOCALES.iter().position(|l| *l == t.locale),
        ) else {
            continue;
        };
        d.names[i] = t.name;
        d.descs[i] = t.description;
    }
    for d in docs.values_mut() {
        for i in 1..LOCALES.len() {
            if d.names[i].is_empty() {
                d.names[i] = d.names[0].clone();
            }
        }
    }

    let variants = variant::Entity::find()
        .filter(variant::Column::ProductId.is_in(ids.clone()))
        .filter(variant::Column::Active.eq(true))
        .all(db)
        .await?;
    let mut product_of: HashMap<i64, i64> = HashMap::new();
    for v in &variants {
        product_of.insert(v.id, v.product_id);
        if let Some(d) = docs.get_mut(&v.product_id) {
            d.skus.push(v.sku.clone());
            if let Some(b) = &v.barcode {
                d.eans.push(b.clone());
            }
            d.price_minor = d.price_minor.min(v.price_minor);
        }
    }
    // A product without an active variant cannot be bought: leave it out.
    docs.retain(|_, d| d.price_minor != i64::MAX);
    let variant_ids: Vec<i64> = product_of.keys().copied().collect();

    // Option values of the active variants, with labels for the meta text.
    let options: HashMap<i64, String> = product_option::Entity::find()
        .filter(product_option::Column::ProductId.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.code))
        .collect();
    let mut value_of_variant: Vec<(i64, i64)> = Vec::new();
    for chunk in variant_ids.chunks(BATCH) {
        value_of_variant.extend(
            variant_option_value::Entity::find()
                .filter(variant_option_value::Column::VariantId.is_in(chunk.to_vec()))
                .all(db)
                .await?
                .into_iter()
                .map(|x| (x.variant_id, x.option_value_id)),
        );
    }
    let value_ids: BTreeSet<i64> = value_of_variant.iter().map(|x| x.1).collect();
    let mut values: HashMap<i64, (String, String)> = HashMap::new();
    let mut labels: HashMap<(i64, usize), String> = HashMap::new();
    let value_ids: Vec<i64> = value_ids.into_iter().collect();
    for chunk in value_ids.chunks(BATCH) {
        for v in option_value::Entity::find()
            .filter(option_value::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            if let Some(code) = options.get(&v.option_id) {
                values.insert(v.id, (code.clone(), v.code));
            }
        }
        for t in option_value_translation::Entity::find()
            .filter(option_value_translation::Column::OptionValueId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            if let Some(i) = LOCALES.iter().position(|l| *l == t.locale) {
                labels.insert((t.option_value_id, i), t.label);
            }
        }
    }
    let mut labelled: BTreeSet<(i64, i64)> = BTreeSet::new();
    for (variant_id, value_id) in value_of_variant {
        let (Some(product_id), Some((code, value))) =
            (product_of.get(&variant_id), values.get(&value_id))
        else {
            continue;
        };
        let Some(d) = docs.get_mut(product_id) else {
            continue;
        };
        if ATTRIBUTE_CODES.contains(&code.as_str()) {
            d.attrs.insert((code.clone(), value.clone()));
        }
        // Colour names are searchable words ("red shoes"); sizes are not.
        if code == "colour" && labelled.insert((*product_id, value_id)) {
            for i in 0..LOCALES.len() {
                if let Some(l) = labels.get(&(value_id, i)) {
                    d.metas[i].push_str(l);
                    d.metas[i].push(' ');
                }
            }
        }
    }

    // Availability: available = on hand − reserved, per location kind.
    let locations: HashMap<i64, location::Model> = location::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|l| (l.id, l))
        .collect();
    for chunk in variant_ids.chunks(BATCH) {
        for level in stock_level::Entity::find()
            .filter(stock_level::Column::VariantId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            if level.on_hand - level.reserved <= 0 {
                continue;
            }
            let (Some(product_id), Some(loc)) = (
                product_of.get(&level.variant_id),
                locations.get(&level.location_id),
            ) else {
                continue;
            };
            let Some(d) = docs.get_mut(product_id) else {
                continue;
            };
            if loc.ships_online {
                d.online = true;
            }
            if let Some(s) = loc.store_id {
                d.stores.insert(s);
            }
        }
    }

    let mut out: Vec<ProductDoc> = docs.into_values().collect();
    out.sort_by_key(|d| d.id);
    Ok(out)
}
