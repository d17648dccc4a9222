//! Background jobs that run once across instances.
//!
//! A recurring job is one row of `jobs` (its `unique_key` is the job's name). Each instance
//! ticks every job on its own timer, but only the instance that claims the row — a conditional
//! `UPDATE` that succeeds when the job is due and nobody holds an unexpired lease — runs it;
//! when it finishes it schedules the next run and drops the lease. A crashed runner's lease
//! expires and another instance takes over. Work inside a job must itself be safe to repeat
//! (for example reservation expiry changes each reservation with a conditional update).

use std::{future::Future, time::Duration};

use chrono::Utc;
use sea_orm::{
    sea_query::{Expr, OnConflict},
    ActiveValue::Set,
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter,
};

use crate::{
    entity::{enums::JobStatus, job},
    Result,
};

/// Names of the recurring jobs.
pub mod name {
    /// Releases lapsed stock reservations.
    pub const RESERVATION_EXPIRY: &str = "reservation_expiry";
    /// Deletes outbox rows every consumer has applied.
    pub const OUTBOX_PRUNE: &str = "outbox_prune";
    /// Deletes expired sessions and stale sign-in counts.
    pub const SESSION_PURGE: &str = "session_purge";
}

/// A name for this process among the instances sharing the database (host, process id and a
/// random suffix).
pub fn instance_name() -> String {
    use rand::Rng;
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "stoa".into());
    format!(
        "{host}:{}:{:04x}",
        std::process::id(),
        rand::thread_rng().gen::<u16>()
    )
}

/// Claims the recurring job `key` for `instance` if it is due and not held by a live lease;
/// the lease lasts `lease`. Returns whether this instance should run it now.
pub async fn claim(
    db: &DatabaseConnection,
    key: &str,
    instance: &str,
    lease: Duration,
) -> Result<bool> {
    let now = Utc::now();
    job::Entity::insert(job::ActiveModel {
        kind: Set(key.to_owned()),
        payload: Set(serde_json::json!({})),
        status: Set(JobStatus::Queued),
        run_at: Set(now),
        attempts: Set(0),
        max_attempts: Set(0),
        last_error: Set(None),
        locked_by: Set(None),
        locked_until: Set(None),
        unique_key: Set(Some(key.to_owned())),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(job::Column::UniqueKey)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    let until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::seconds(60));
    let claimed = job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(JobStatus::Running))
        .col_expr(job::Column::LockedBy, Expr::value(instance))
        .col_expr(job::Column::LockedUntil, Expr::value(until))
        .col_expr(job::Column::UpdatedAt, Expr::value(now))
        .filter(job::Column::UniqueKey.eq(key))
        .filter(job::Column::RunAt.lte(now))
        .filter(
            Condition::any()
                .add(job::Column::Status.ne(JobStatus::Running))
                .add(job::Column::LockedUntil.is_null())
                .add(job::Column::LockedUntil.lt(now)),
        )
        .exec(db)
        .await?;
    Ok(claimed.rows_affected == 1)
}

/// Records the end of a run claimed by `instance`: the next run is due after `every`; an error
/// is kept in `last_error` and counted in `attempts` (reset by a success).
pub async fn finish(
    db: &DatabaseConnection,
    key: &str,
    instance: &str,
    every: Duration,
    outcome: std::result::Result<(), String>,
) -> Result<()> {
    let now = Utc::now();
    let next = now + chrono::Duration::from_std(every).unwrap_or(chrono::Duration::seconds(1));
    let mut update = job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(JobStatus::Queued))
        .col_expr(job::Column::RunAt, Expr::value(next))
        .col_expr(job::Column::LockedBy, Expr::value(Option::<String>::None))
        .col_expr(
            job::Column::LockedUntil,
            Expr::value(Option::<chrono::DateTime<Utc>>::None),
        )
        .col_expr(job::Column::UpdatedAt, Expr::value(now));
    update = match outcome {
        Ok(()) => update
            .col_expr(job::Column::Attempts, Expr::value(0))
            .col_expr(job::Column::LastError, Expr::value(Option::<String>::None)),
        Err(e) => update
            .col_expr(
                job::Column::Attempts,
                Expr::col(job::Column::Attempts).add(1),
            )
            .col_expr(job::Column::LastError, Expr::value(Some(e))),
    };
    update
        .filter(job::Column::UniqueKey.eq(key))
        .filter(job::Column::LockedBy.eq(instance))
        .exec(db)
        .await?;
    Ok(())
}

/// Runs the recurring job `key` every `every` on whichever instance claims it first, until the
/// returned task is aborted. `run` does the work; its error is logged and recorded.
pub fn spawn_recurring<F, Fut>(
    db: DatabaseConnection,
    key: &'static str,
    instance: String,
    every: Duration,
    run: F,
) -> tokio::task::JoinHandle<()>
where
    F: Fn(DatabaseConnection) -> Fut + Send + 'static,
    Fut: Future<Output = Result<()>> + Send,
{
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let lease = (every * 10).max(Duration::from_secs(30));
        loop {
            tick.tick().await;
            match claim(&db, key, &instance, lease).await {
                Ok(true) => {
                    let outcome = run(db.clone()).await.map_err(|e| {
                        tracing::error!(job = key, error = %e, "job failed");
                        e.to_string()
                    });
                    // Due again a little before the next tick, so the timer is what paces it.
                    let gap = every.saturating_sub(every / 4);
                    if let Err(e) = finish(&db, key, &instance, gap, outcome).await {
                        tracing::error!(job = key, error = %e, "cannot record the job's run");
                    }
                }
                Ok(false) => {}
                Err(e) => tracing::warn!(job = key, error = %e, "cannot claim the job"),
            }
        }
    })
}
