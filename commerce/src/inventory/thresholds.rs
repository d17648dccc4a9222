//! Low-stock thresholds: per variant, else the location's default. A variant is low at a
//! location when its available stock is at or below the threshold.

use sea_orm::{sea_query::Expr, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::{writable_location, Actor, Scope};
use crate::{
    entity::{location, variant},
    error::Problem,
    CommerceError, Result,
};

/// Largest threshold accepted.
pub const MAX_THRESHOLD: i64 = 100_000;

fn check(value: i64, field: &'static str) -> Result<i32> {
    if (0..=MAX_THRESHOLD).contains(&value) {
        Ok(value as i32)
    } else {
        Err(CommerceError::validation(
            field,
            Problem::OutOfRange {
                min: 0,
                max: MAX_THRESHOLD,
            },
        ))
    }
}

/// Sets a variant's own threshold (`None`: use each location's default). The variant's
/// threshold applies at every location, so only an actor who may act everywhere (an owner)
/// sets it; a manager sets their locations' defaults instead.
///
/// # Errors
/// [`CommerceError::Forbidden`] for an actor limited to some stores;
/// [`CommerceError::Validation`] on `threshold` outside 0..=100,000; [`CommerceError::NotFound`]
/// for an unknown variant.
pub async fn set_variant_threshold<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    variant_id: i64,
    threshold: Option<i64>,
) -> Result<()> {
    if actor.scope != Scope::All {
        return Err(CommerceError::Forbidden(
            "a variant's own threshold applies at every location".into(),
        ));
    }
    let value = threshold.map(|t| check(t, "threshold")).transpose()?;
    let done = variant::Entity::update_many()
        .col_expr(variant::Column::LowStockThreshold, Expr::value(value))
        .filter(variant::Column::Id.eq(variant_id))
        .exec(conn)
        .await?;
    if done.rows_affected == 0 {
        return Err(CommerceError::NotFound(format!("variant {variant_id}")));
    }
    Ok(())
}

/// Sets a location's default threshold. The actor must manage the location.
///
/// # Errors
/// [`CommerceError::Validation`] on `threshold` outside 0..=100,000 or an unknown location
/// (`location`); [`CommerceError::Forbidden`] outside the actor's stores.
pub async fn set_location_default<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    location_id: i64,
    threshold: i64,
) -> Result<()> {
    let value = check(threshold, "threshold")?;
    writable_location(conn, actor, location_id, "location").await?;
    location::Entity::update_many()
        .col_expr(
            location::Column::DefaultLowStockThreshold,
            Expr::value(value),
        )
        .filter(location::Column::Id.eq(location_id))
        .exec(conn)
        .await?;
    Ok(())
}
