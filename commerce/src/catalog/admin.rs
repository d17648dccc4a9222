//! Catalogue changes made by staff: prices, product status and names.
//!
//! Every change is written with an outbox notice in the same transaction, so the search index of
//! every instance picks it up (DESIGN §3.1: visible in search within a second). Each is a write
//! transaction from [`db::begin_write`]: a plain transaction that reads first could not take
//! SQLite's write lock once another writer had committed (`database is locked`, which no busy
//! timeout cures).

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

use crate::{
    db,
    entity::{enums::ProductStatus, product, product_translation, variant},
    error::Problem,
    outbox::{emit, Change},
    CommerceError, Result,
};

/// Highest price accepted, in minor units (10 million in the major unit).
pub const MAX_PRICE_MINOR: i64 = 1_000_000_000;

/// Sets a variant's price (VAT included) and its "was" price for a sale (`None`: not on sale).
///
/// # Errors
/// - [`CommerceError::Validation`] (`price`) for a negative or absurd price, (`compare_at`) for
///   a "was" price not above the new price;
/// - [`CommerceError::NotFound`] for an unknown variant.
///
/// Nothing is written on error.
pub async fn set_variant_price(
    db: &DatabaseConnection,
    variant_id: i64,
    price_minor: i64,
    compare_at_minor: Option<i64>,
) -> Result<variant::Model> {
    if !(0..=MAX_PRICE_MINOR).contains(&price_minor) {
        return Err(CommerceError::validation(
            "price",
            Problem::OutOfRange {
                min: 0,
                max: MAX_PRICE_MINOR,
            },
        ));
    }
    if compare_at_minor.is_some_and(|c| c <= price_minor || c > MAX_PRICE_MINOR) {
        return Err(CommerceError::validation(
            "compare_at",
            Problem::CompareAtNotHigher,
        ));
    }
    let txn = db::begin_write(db).await?;
    let result = async {
        let v = variant::Entity::find_by_id(variant_id)
            .one(&*txn)
            .await?
            .ok_or_else(|| CommerceError::NotFound(format!("variant {variant_id}")))?;
        let mut active: variant::ActiveModel = v.into();
        active.price_minor = Set(price_minor);
        active.compare_at_minor = Set(compare_at_minor);
        active.updated_at = Set(Utc::now());
        let v = active.update(&*txn).await?;
        emit(&*txn, Change::Variant(variant_id)).await?;
        Ok(v)
    }
    .await;
    txn.finish(result).await
}

/// Sets a product's status (active products are sold and searchable; drafts and archived ones
/// are not).
///
/// # Errors
/// [`CommerceError::NotFound`] for an unknown product.
pub async fn set_product_status(
    db: &DatabaseConnection,
    product_id: i64,
    status: ProductStatus,
) -> Result<product::Model> {
    let txn = db::begin_write(db).await?;
    let result = async {
        let p = product::Entity::find_by_id(product_id)
            .one(&*txn)
            .await?
            .ok_or_else(|| CommerceError::NotFound(format!("product {product_id}")))?;
        let mut active: product::ActiveModel = p.into();
        active.status = Set(status);
        active.updated_at = Set(Utc::now());
        let p = active.update(&*txn).await?;
        emit(&*txn, Change::Product(product_id)).await?;
        Ok(p)
    }
    .await;
    txn.finish(result).await
}

/// Renames a product in one locale (the slug stays, so links keep working).
///
/// # Errors
/// - [`CommerceError::Validation`] (`name`) for an empty or over-long name;
/// - [`CommerceError::NotFound`] when the product has no text in that locale.
pub async fn rename_product(
    db: &DatabaseConnection,
    product_id: i64,
    locale: &str,
    name: &str,
) -> Result<()> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CommerceError::validation("name", Problem::Required));
    }
    if name.chars().count() > 200 {
        return Err(CommerceError::validation(
            "name",
            Problem::TooLong { max: 200 },
        ));
    }
    let txn = db::begin_write(db).await?;
    let result = async {
        let t = product_translation::Entity::find()
            .filter(product_translation::Column::ProductId.eq(product_id))
            .filter(product_translation::Column::Locale.eq(locale))
            .one(&*txn)
            .await?
            .ok_or_else(|| {
                CommerceError::NotFound(format!("product {product_id} in locale {locale}"))
            })?;
        let mut active: product_translation::ActiveModel = t.into();
        active.name = Set(name.to_owned());
        active.update(&*txn).await?;
        emit(&*txn, Change::Product(product_id)).await?;
        Ok(())
    }
    .await;
    txn.finish(result).await
}
