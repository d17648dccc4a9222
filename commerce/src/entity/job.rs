//! `jobs`: background work stored in the database, retried with backoff, run once across instances.

use sea_orm::entity::prelude::*;

use super::enums::JobStatus;

/// One row of `jobs`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "jobs")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Which handler runs it ("expire_reservations"…).
    pub kind: String,
    /// Handler arguments.
    pub payload: Json,
    /// Queued, running, done or failed.
    pub status: JobStatus,
    /// Earliest time to run.
    pub run_at: DateTimeUtc,
    /// Attempts made so far.
    pub attempts: i32,
    /// Attempts allowed before it fails for good.
    pub max_attempts: i32,
    /// Error of the last failed attempt.
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
    /// Worker holding the lock.
    pub locked_by: Option<String>,
    /// When the lock lapses.
    pub locked_until: Option<DateTimeUtc>,
    /// Deduplication key: at most one job per key.
    #[sea_orm(unique)]
    pub unique_key: Option<String>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
    /// When the row last changed.
    pub updated_at: DateTimeUtc,
}

/// `jobs` has no relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
