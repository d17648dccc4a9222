//! The index schema: one document per active product.

use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED,
    STORED, STRING,
};

use super::analysis::{self, LOCALES};

/// Version of the schema *and* of everything that shapes the terms (analyzers, fold table,
/// document building). Bump it on any such change: the server then rebuilds the index.
pub const SCHEMA_VERSION: u32 = 1;

/// Handles of every field of [`schema`].
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// `products.id` (u64, indexed for upserts, fast for reading hits).
    pub product_id: Field,
    /// Product name per locale (stemmed), in [`LOCALES`] order.
    pub name: [Field; 3],
    /// Category names, brand and option labels per locale (stemmed).
    pub meta: [Field; 3],
    /// Description per locale (stemmed).
    pub desc: [Field; 3],
    /// Names in every locale, folded but not stemmed: exact, typo and prefix matches.
    pub name_fold: Field,
    /// Variant SKUs (upper case, untokenized).
    pub sku: Field,
    /// Variant EAN-13 barcodes (untokenized).
    pub ean: Field,
    /// Category path of ids, root to leaf (`/3/17`).
    pub category: Field,
    /// Option values (`/colour/red`, `/size/m`).
    pub attr: Field,
    /// Where some variant is available: `/online`, `/store-{id}`.
    pub avail: Field,
    /// Lowest active variant price, minor units.
    pub price_minor: Field,
    /// Creation time, unix seconds.
    pub created_at: Field,
    /// Available online or in any store.
    pub in_stock: Field,
}

fn text(tokenizer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqs),
    )
}

/// The schema and its field handles.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let product_id = b.add_u64_field("product_id", INDEXED | STORED | FAST);
    let mut name = Vec::new();
    let mut meta = Vec::new();
    let mut desc = Vec::new();
    for l in LOCALES {
        let tok = analysis::text_analyzer_name(l);
        name.push(b.add_text_field(&format!("name_{l}"), text(&tok)));
        meta.push(b.add_text_field(&format!("meta_{l}"), text(&tok)));
        desc.push(b.add_text_field(&format!("desc_{l}"), text(&tok)));
    }
    let name_fold = b.add_text_field("name_fold", text(analysis::FOLD));
    let sku = b.add_text_field("sku", STRING);
    let ean = b.add_text_field("ean", STRING);
    let category = b.add_facet_field("category", FacetOptions::default());
    let attr = b.add_facet_field("attr", FacetOptions::default());
    let avail = b.add_facet_field("avail", FacetOptions::default());
    let price_minor = b.add_u64_field("price_minor", INDEXED | FAST);
    let created_at = b.add_i64_field("created_at", FAST);
    let in_stock = b.add_bool_field("in_stock", INDEXED | FAST);
    let three = |v: Vec<Field>| -> [Field; 3] { [v[0], v[1], v[2]] };
    let fields = Fields {
        product_id,
        name: three(name),
        meta: three(meta),
        desc: three(desc),
        name_fold,
        sku,
        ean,
        category,
        attr,
        avail,
        price_minor,
        created_at,
        in_stock,
    };
    (b.build(), fields)
}
