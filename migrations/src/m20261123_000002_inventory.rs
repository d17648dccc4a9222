//! Stores, stock locations and the stock ledger (`docs/data-model.md`, "Stores, locations and
//! inventory").
//!
//! `staff_user_id` / `created_by` columns carry no foreign key: `staff_users` is created by the
//! next migration, and SQLite cannot add a foreign key to an existing table. Staff users are
//! deactivated, never deleted, so the references stay valid.

use sea_orm_migration::{prelude::*, schema::*};

/// Creates the store, location and inventory tables.
#[derive(DeriveMigrationName)]
pub struct Migration;

/// A 64-bit auto-increment primary key (`INTEGER PRIMARY KEY AUTOINCREMENT` on SQLite,
/// `bigserial` on PostgreSQL).
fn pk<T: IntoIden>(col: T) -> ColumnDef {
    big_integer(col).auto_increment().primary_key().take()
}

/// A foreign key from `table.col` to `to_table.id` (`name` is the constraint name).
fn fk<T, C, R>(
    name: &str,
    table: T,
    col: C,
    to_table: R,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement
where
    T: IntoIden + 'static,
    C: IntoIden + 'static,
    R: IntoIden + 'static,
{
    ForeignKey::create()
        .name(name)
        .from(table, col)
        .to(to_table, Alias::new("id"))
        .on_delete(on_delete)
        .on_update(ForeignKeyAction::Cascade)
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // stores
        manager
            .create_table(
                Table::create()
                    .table(Stores::Table)
                    .col(pk(Stores::Id))
                    .col(string_len_uniq(Stores::Code, 16))
                    .col(string_len(Stores::Name, 128))
                    .col(string_len(Stores::AddressLine, 255))
                    .col(string_len(Stores::City, 128))
                    .col(string_len(Stores::PostalCode, 16))
                    .col(string_len(Stores::Country, 2))
                    .col(string_len_null(Stores::Phone, 32))
                    .col(string_len(Stores::Timezone, 64))
                    .col(text_null(Stores::OpeningHours))
                    .col(boolean(Stores::PickupEnabled))
                    .col(timestamp_with_time_zone(Stores::CreatedAt))
                    .to_owned(),
            )
            .await?;

        // locations
        manager
            .create_table(
                Table::create()
                    .table(Locations::Table)
                    .col(pk(Locations::Id))
                    .col(string_len_uniq(Locations::Code, 16))
                    .col(string_len(Locations::Name, 128))
                    .col(string_len(Locations::Kind, 24))
                    .col(big_integer_null(Locations::StoreId))
                    .col(boolean(Locations::ShipsOnline))
                    .col(integer(Locations::DefaultLowStockThreshold))
                    .col(timestamp_with_time_zone(Locations::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_locations_store_id",
                        Locations::Table,
                        Locations::StoreId,
                        Stores::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_locations_store_id",
            Locations::Table,
            [Locations::StoreId],
            false,
        )
        .await?;

        // stock_levels
        manager
            .create_table(
                Table::create()
                    .table(StockLevels::Table)
                    .col(big_integer(StockLevels::LocationId))
                    .col(big_integer(StockLevels::VariantId))
                    .col(big_integer(StockLevels::OnHand).default(0))
                    .col(
                        big_integer(StockLevels::Reserved)
                            .default(0)
                            .check(Expr::col(StockLevels::Reserved).gte(0)),
                    )
                    .col(timestamp_with_time_zone(StockLevels::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(StockLevels::LocationId)
                            .col(StockLevels::VariantId),
                    )
                    .foreign_key(&mut fk(
                        "fk_stock_levels_location_id",
                        StockLevels::Table,
                        StockLevels::LocationId,
                        Locations::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_stock_levels_variant_id",
                        StockLevels::Table,
                        StockLevels::VariantId,
                        Variants::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_stock_levels_variant_id",
            StockLevels::Table,
            [StockLevels::VariantId],
            false,
        )
        .await?;

        // stock_movements
        manager
            .create_table(
                Table::create()
                    .table(StockMovements::Table)
                    .col(pk(StockMovements::Id))
                    .col(big_integer(StockMovements::LocationId))
                    .col(big_integer(StockMovements::VariantId))
                    .col(big_integer(StockMovements::Quantity))
                    .col(string_len(StockMovements::Reason, 24))
                    .col(string_len_null(StockMovements::AdjustmentReason, 24))
                    .col(big_integer(StockMovements::BalanceAfter))
                    .col(string_len_null(StockMovements::DocumentType, 24))
                    .col(big_integer_null(StockMovements::DocumentId))
                    .col(big_integer_null(StockMovements::StaffUserId))
                    .col(text_null(StockMovements::Note))
                    .col(timestamp_with_time_zone(StockMovements::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_stock_movements_location_id",
                        StockMovements::Table,
                        StockMovements::LocationId,
                        Locations::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_stock_movements_variant_id",
                        StockMovements::Table,
                        StockMovements::VariantId,
                        Variants::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_stock_movements_variant_location_id",
            StockMovements::Table,
            [
                StockMovements::VariantId,
                StockMovements::LocationId,
                StockMovements::Id,
            ],
            false,
        )
        .await?;
        index(
            manager,
            "idx_stock_movements_document",
            StockMovements::Table,
            [StockMovements::DocumentType, StockMovements::DocumentId],
            false,
        )
        .await?;

        // stock_reservations
        manager
            .create_table(
                Table::create()
                    .table(StockReservations::Table)
                    .col(pk(StockReservations::Id))
                    .col(big_integer(StockReservations::LocationId))
                    .col(big_integer(StockReservations::VariantId))
                    .col(big_integer(StockReservations::Quantity))
                    .col(string_len(StockReservations::OwnerType, 24))
                    .col(big_integer(StockReservations::OwnerId))
                    .col(string_len(StockReservations::Status, 24))
                    .col(timestamp_with_time_zone_null(StockReservations::ExpiresAt))
                    .col(timestamp_with_time_zone(StockReservations::CreatedAt))
                    .col(timestamp_with_time_zone(StockReservations::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_stock_reservations_location_id",
                        StockReservations::Table,
                        StockReservations::LocationId,
                        Locations::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_stock_reservations_variant_id",
                        StockReservations::Table,
                        StockReservations::VariantId,
                        Variants::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_stock_reservations_status_expires_at",
            StockReservations::Table,
            [StockReservations::Status, StockReservations::ExpiresAt],
            false,
        )
        .await?;
        index(
            manager,
            "idx_stock_reservations_owner",
            StockReservations::Table,
            [StockReservations::OwnerType, StockReservations::OwnerId],
            false,
        )
        .await?;
        index(
            manager,
            "idx_stock_reservations_variant_location",
            StockReservations::Table,
            [StockReservations::VariantId, StockReservations::LocationId],
            false,
        )
        .await?;

        // stock_receipts
        manager
            .create_table(
                Table::create()
                    .table(StockReceipts::Table)
                    .col(pk(StockReceipts::Id))
                    .col(string_len_uniq(StockReceipts::Number, 32))
                    .col(big_integer(StockReceipts::LocationId))
                    .col(string_len_null(StockReceipts::Supplier, 255))
                    .col(text_null(StockReceipts::Note))
                    .col(big_integer_null(StockReceipts::StaffUserId))
                    .col(timestamp_with_time_zone(StockReceipts::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_stock_receipts_location_id",
                        StockReceipts::Table,
                        StockReceipts::LocationId,
                        Locations::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;

        // stock_receipt_lines
        manager
            .create_table(
                Table::create()
                    .table(StockReceiptLines::Table)
                    .col(pk(StockReceiptLines::Id))
                    .col(big_integer(StockReceiptLines::ReceiptId))
                    .col(big_integer(StockReceiptLines::VariantId))
                    .col(big_integer(StockReceiptLines::Quantity))
                    .foreign_key(&mut fk(
                        "fk_stock_receipt_lines_receipt_id",
                        StockReceiptLines::Table,
                        StockReceiptLines::ReceiptId,
                        StockReceipts::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_stock_receipt_lines_variant_id",
                        StockReceiptLines::Table,
                        StockReceiptLines::VariantId,
                        Variants::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_stock_receipt_lines_receipt_id",
            StockReceiptLines::Table,
            [StockReceiptLines::ReceiptId],
            false,
        )
        .await?;

        // stock_transfers
        manager
            .create_table(
                Table::create()
                    .table(StockTransfers::Table)
                    .col(pk(StockTransfers::Id))
                    .col(string_len_uniq(StockTransfers::Number, 32))
                    .col(big_integer(StockTransfers::FromLocationId))
                    .col(big_integer(StockTransfers::ToLocationId))
                    .col(string_len(StockTransfers::Status, 24))
                    .col(text_null(StockTransfers::Note))
                    .col(big_integer_null(StockTransfers::CreatedBy))
                    .col(timestamp_with_time_zone_null(StockTransfers::SentAt))
                    .col(timestamp_with_time_zone_null(StockTransfers::ReceivedAt))
                    .col(timestamp_with_time_zone(StockTransfers::CreatedAt))
                    .col(timestamp_with_time_zone(StockTransfers::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_stock_transfers_from_location_id",
                        StockTransfers::Table,
                        StockTransfers::FromLocationId,
                        Locations::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_stock_transfers_to_location_id",
                        StockTransfers::Table,
                        StockTransfers::ToLocationId,
                        Locations::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_stock_transfers_status",
            StockTransfers::Table,
            [StockTransfers::Status],
            false,
        )
        .await?;

        // stock_transfer_lines
        manager
            .create_table(
                Table::create()
                    .table(StockTransferLines::Table)
                    .col(pk(StockTransferLines::Id))
                    .col(big_integer(StockTransferLines::TransferId))
                    .col(big_integer(StockTransferLines::VariantId))
                    .col(big_integer(StockTransferLines::QuantitySent))
                    .col(big_integer_null(StockTransferLines::QuantityReceived))
                    .foreign_key(&mut fk(
                        "fk_stock_transfer_lines_transfer_id",
                        StockTransferLines::Table,
                        StockTransferLines::TransferId,
                        StockTransfers::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_stock_transfer_lines_variant_id",
                        StockTransferLines::Table,
                        StockTransferLines::VariantId,
                        Variants::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_stock_transfer_lines_transfer_id",
            StockTransferLines::Table,
            [StockTransferLines::TransferId],
            false,
        )
        .await?;

        // stock_counts
        manager
            .create_table(
                Table::create()
                    .table(StockCounts::Table)
                    .col(pk(StockCounts::Id))
                    .col(string_len_uniq(StockCounts::Number, 32))
                    .col(big_integer(StockCounts::LocationId))
                    .col(big_integer_null(StockCounts::CategoryId))
                    .col(string_len(StockCounts::Status, 24))
                    .col(big_integer_null(StockCounts::CreatedBy))
                    .col(timestamp_with_time_zone_null(StockCounts::PostedAt))
                    .col(timestamp_with_time_zone(StockCounts::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_stock_counts_location_id",
                        StockCounts::Table,
                        StockCounts::LocationId,
                        Locations::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_stock_counts_category_id",
                        StockCounts::Table,
                        StockCounts::CategoryId,
                        Categories::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;

        // stock_count_lines
        manager
            .create_table(
                Table::create()
                    .table(StockCountLines::Table)
                    .col(pk(StockCountLines::Id))
                    .col(big_integer(StockCountLines::CountId))
                    .col(big_integer(StockCountLines::VariantId))
                    .col(big_integer(StockCountLines::Expected))
                    .col(big_integer_null(StockCountLines::Counted))
                    .foreign_key(&mut fk(
                        "fk_stock_count_lines_count_id",
                        StockCountLines::Table,
                        StockCountLines::CountId,
                        StockCounts::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_stock_count_lines_variant_id",
                        StockCountLines::Table,
                        StockCountLines::VariantId,
                        Variants::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "uq_stock_count_lines_count_variant",
            StockCountLines::Table,
            [StockCountLines::CountId, StockCountLines::VariantId],
            true,
        )
        .await?;

        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_table(manager, StockCountLines::Table).await?;
        drop_table(manager, StockCounts::Table).await?;
        drop_table(manager, StockTransferLines::Table).await?;
        drop_table(manager, StockTransfers::Table).await?;
        drop_table(manager, StockReceiptLines::Table).await?;
        drop_table(manager, StockReceipts::Table).await?;
        drop_table(manager, StockReservations::Table).await?;
        drop_table(manager, StockMovements::Table).await?;
        drop_table(manager, StockLevels::Table).await?;
        drop_table(manager, Locations::Table).await?;
        drop_table(manager, Stores::Table).await?;
        Ok(())
    }
}

/// Creates an index (a unique one when `unique`) named `name` on `table(cols…)`.
async fn index<T, C, I>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: T,
    cols: I,
    unique: bool,
) -> Result<(), DbErr>
where
    T: IntoIden + 'static,
    C: IntoIden + 'static,
    I: IntoIterator<Item = C>,
{
    let mut stmt = Index::create();
    stmt.name(name).table(table);
    for col in cols {
        stmt.col(col);
    }
    if unique {
        stmt.unique();
    }
    manager.create_index(stmt).await
}

/// Drops `table`.
async fn drop_table<T: IntoIden + 'static>(
    manager: &SchemaManager<'_>,
    table: T,
) -> Result<(), DbErr> {
    manager
        .drop_table(Table::drop().table(table).to_owned())
        .await
}

#[derive(DeriveIden)]
enum Variants {
    Table,
}

#[derive(DeriveIden)]
enum Categories {
    Table,
}

#[derive(DeriveIden)]
enum Stores {
    Table,
    Id,
    Code,
    Name,
    AddressLine,
    City,
    PostalCode,
    Country,
    Phone,
    Timezone,
    OpeningHours,
    PickupEnabled,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Locations {
    Table,
    Id,
    Code,
    Name,
    Kind,
    StoreId,
    ShipsOnline,
    DefaultLowStockThreshold,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StockLevels {
    Table,
    LocationId,
    VariantId,
    OnHand,
    Reserved,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum StockMovements {
    Table,
    Id,
    LocationId,
    VariantId,
    Quantity,
    Reason,
    AdjustmentReason,
    BalanceAfter,
    DocumentType,
    DocumentId,
    StaffUserId,
    Note,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StockReservations {
    Table,
    Id,
    LocationId,
    VariantId,
    Quantity,
    OwnerType,
    OwnerId,
    Status,
    ExpiresAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum StockReceipts {
    Table,
    Id,
    Number,
    LocationId,
    Supplier,
    Note,
    StaffUserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StockReceiptLines {
    Table,
    Id,
    ReceiptId,
    VariantId,
    Quantity,
}

#[derive(DeriveIden)]
enum StockTransfers {
    Table,
    Id,
    Number,
    FromLocationId,
    ToLocationId,
    Status,
    Note,
    CreatedBy,
    SentAt,
    ReceivedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum StockTransferLines {
    Table,
    Id,
    TransferId,
    VariantId,
    QuantitySent,
    QuantityReceived,
}

#[derive(DeriveIden)]
enum StockCounts {
    Table,
    Id,
    Number,
    LocationId,
    CategoryId,
    Status,
    CreatedBy,
    PostedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StockCountLines {
    Table,
    Id,
    CountId,
    VariantId,
    Expected,
    Counted,
}
