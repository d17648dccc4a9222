//! Migration 000006_security: the sign-in throttle table, and the stock-level guards the ledger
//! already keeps (`on_hand ≥ 0`, `reserved ≤ on_hand`) enforced by the database as well.

use sea_orm_migration::{prelude::*, schema::*};

/// Creates `sign_in_throttles` and the stock-level guards.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // sign_in_throttles: failed sign-ins per account and per client address, shared by
        // every instance on the database.
        manager
            .create_table(
                Table::create()
                    .table(SignInThrottles::Table)
                    .col(string_len(SignInThrottles::Key, 320).primary_key())
                    .col(integer(SignInThrottles::Failures).default(0))
                    .col(timestamp_with_time_zone_null(SignInThrottles::LockedUntil))
                    .col(timestamp_with_time_zone(SignInThrottles::LastFailureAt))
                    .to_owned(),
            )
            .await?;

        // stock_levels: SQLite cannot add a CHECK to an existing table, so triggers refuse the
        // same rows there; PostgreSQL gets real CHECK constraints.
        let db = manager.get_connection();
        match manager.get_database_backend() {
            sea_orm_migration::sea_orm::DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "ALTER TABLE stock_levels \
                     ADD CONSTRAINT ck_stock_levels_on_hand CHECK (on_hand >= 0), \
                     ADD CONSTRAINT ck_stock_levels_available CHECK (on_hand >= reserved)",
                )
                .await?;
            }
            _ => {
                for (name, event) in [
                    ("tr_stock_levels_guard_insert", "INSERT"),
                    ("tr_stock_levels_guard_update", "UPDATE"),
                ] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {name} BEFORE {event} ON stock_levels \
                         WHEN NEW.on_hand < 0 OR NEW.on_hand < NEW.reserved \
                         BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: stock_levels \
                         on_hand >= 0 AND on_hand >= reserved'); END"
                    ))
                    .await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            sea_orm_migration::sea_orm::DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "ALTER TABLE stock_levels DROP CONSTRAINT ck_stock_levels_on_hand, \
                     DROP CONSTRAINT ck_stock_levels_available",
                )
                .await?;
            }
            _ => {
                db.execute_unprepared("DROP TRIGGER tr_stock_levels_guard_insert")
                    .await?;
                db.execute_unprepared("DROP TRIGGER tr_stock_levels_guard_update")
                    .await?;
            }
        }
        manager
            .drop_table(Table::drop().table(SignInThrottles::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum SignInThrottles {
    Table,
    Key,
    Failures,
    LockedUntil,
    LastFailureAt,
}
