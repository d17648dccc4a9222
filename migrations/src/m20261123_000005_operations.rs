//! Migration 000005_operations: settings, the outbox and its consumer cursors, background jobs
//! and the e-mail queue (see `docs/data-model.md`, "Operations").

use sea_orm_migration::{prelude::*, schema::*};

/// Creates the operations tables.
#[derive(DeriveMigrationName)]
pub struct Migration;

/// Length of status columns (short snake_case strings mapped to Rust enums).
const ENUM_LEN: u32 = 24;

/// `id`: 64-bit auto-increment primary key (`integer … AUTOINCREMENT` on SQLite, `bigserial` on
/// PostgreSQL).
fn id<T: IntoIden>(col: T) -> ColumnDef {
    ColumnDef::new(col)
        .big_integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // settings
        manager
            .create_table(
                Table::create()
                    .table(Settings::Table)
                    .col(string(Settings::Key).primary_key())
                    .col(json(Settings::Value))
                    .col(timestamp_with_time_zone(Settings::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        // outbox
        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .col(id(Outbox::Id))
                    .col(string(Outbox::Topic))
                    .col(json(Outbox::Payload))
                    .col(timestamp_with_time_zone(Outbox::CreatedAt))
                    .to_owned(),
            )
            .await?;

        // outbox_cursors
        manager
            .create_table(
                Table::create()
                    .table(OutboxCursors::Table)
                    .col(string(OutboxCursors::Consumer).primary_key())
                    .col(big_integer(OutboxCursors::LastId).default(0))
                    .col(timestamp_with_time_zone(OutboxCursors::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        // jobs
        manager
            .create_table(
                Table::create()
                    .table(Jobs::Table)
                    .col(id(Jobs::Id))
                    .col(string(Jobs::Kind))
                    .col(json(Jobs::Payload))
                    .col(string_len(Jobs::Status, ENUM_LEN))
                    .col(timestamp_with_time_zone(Jobs::RunAt))
                    .col(integer(Jobs::Attempts).default(0))
                    .col(integer(Jobs::MaxAttempts))
                    .col(text_null(Jobs::LastError))
                    .col(string_null(Jobs::LockedBy))
                    .col(timestamp_with_time_zone_null(Jobs::LockedUntil))
                    .col(string_null(Jobs::UniqueKey).unique_key())
                    .col(timestamp_with_time_zone(Jobs::CreatedAt))
                    .col(timestamp_with_time_zone(Jobs::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_jobs_status_run_at")
                    .table(Jobs::Table)
                    .col(Jobs::Status)
                    .col(Jobs::RunAt)
                    .to_owned(),
            )
            .await?;

        // emails
        manager
            .create_table(
                Table::create()
                    .table(Emails::Table)
                    .col(id(Emails::Id))
                    .col(string(Emails::ToAddress))
                    .col(string(Emails::Subject))
                    .col(text(Emails::BodyText))
                    .col(text_null(Emails::BodyHtml))
                    .col(string_len(Emails::Status, ENUM_LEN))
                    .col(integer(Emails::Attempts).default(0))
                    .col(text_null(Emails::LastError))
                    .col(big_integer_null(Emails::OrderId))
                    .col(timestamp_with_time_zone(Emails::CreatedAt))
                    .col(timestamp_with_time_zone_null(Emails::SentAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_emails_order_id")
                            .from(Emails::Table, Emails::OrderId)
                            .to(Alias::new("orders"), Alias::new("id"))
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_emails_status_id")
                    .table(Emails::Table)
                    .col(Emails::Status)
                    .col(Emails::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_emails_order_id")
                    .table(Emails::Table)
                    .col(Emails::OrderId)
                    .to_owned(),
            )
            .await?;

        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables: [DynIden; 5] = [
            Emails::Table.into_iden(),
            Jobs::Table.into_iden(),
            OutboxCursors::Table.into_iden(),
            Outbox::Table.into_iden(),
            Settings::Table.into_iden(),
        ];
        for table in tables {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Settings {
    Table,
    Key,
    Value,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    Topic,
    Payload,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OutboxCursors {
    Table,
    Consumer,
    LastId,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Jobs {
    Table,
    Id,
    Kind,
    Payload,
    Status,
    RunAt,
    Attempts,
    MaxAttempts,
    LastError,
    LockedBy,
    LockedUntil,
    UniqueKey,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Emails {
    Table,
    Id,
    ToAddress,
    Subject,
    BodyText,
    BodyHtml,
    Status,
    Attempts,
    LastError,
    OrderId,
    CreatedAt,
    SentAt,
}
