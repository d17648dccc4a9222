//! Customers, staff and sessions (`docs/data-model.md`, "People and sessions").
//!
//! `store_credit_entries.order_id` / `refund_id` carry no foreign key: orders and refunds are
//! created by a later migration, and SQLite cannot add a foreign key to an existing table.

use sea_orm_migration::{prelude::*, schema::*};

/// Creates the customer, staff and session tables.
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
        // customers
        manager
            .create_table(
                Table::create()
                    .table(Customers::Table)
                    .col(pk(Customers::Id))
                    .col(string_len_null(Customers::Email, 254).unique_key())
                    .col(string_len_null(Customers::Phone, 32))
                    .col(string_len_null(Customers::Name, 255))
                    .col(string_len_null(Customers::PasswordHash, 255))
                    .col(string_len(Customers::Locale, 8))
                    .col(big_integer(Customers::StoreCreditMinor).default(0))
                    .col(boolean(Customers::MarketingOptIn))
                    .col(timestamp_with_time_zone(Customers::CreatedAt))
                    .col(timestamp_with_time_zone(Customers::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_customers_phone",
            Customers::Table,
            [Customers::Phone],
            false,
        )
        .await?;

        // customer_addresses
        manager
            .create_table(
                Table::create()
                    .table(CustomerAddresses::Table)
                    .col(pk(CustomerAddresses::Id))
                    .col(big_integer(CustomerAddresses::CustomerId))
                    .col(string_len(CustomerAddresses::Name, 255))
                    .col(string_len(CustomerAddresses::Line1, 255))
                    .col(string_len_null(CustomerAddresses::Line2, 255))
                    .col(string_len(CustomerAddresses::City, 128))
                    .col(string_len(CustomerAddresses::PostalCode, 16))
                    .col(string_len(CustomerAddresses::Country, 2))
                    .col(string_len_null(CustomerAddresses::Phone, 32))
                    .col(boolean(CustomerAddresses::IsDefault))
                    .foreign_key(&mut fk(
                        "fk_customer_addresses_customer_id",
                        CustomerAddresses::Table,
                        CustomerAddresses::CustomerId,
                        Customers::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_customer_addresses_customer_id",
            CustomerAddresses::Table,
            [CustomerAddresses::CustomerId],
            false,
        )
        .await?;

        // staff_users
        manager
            .create_table(
                Table::create()
                    .table(StaffUsers::Table)
                    .col(pk(StaffUsers::Id))
                    .col(string_len_uniq(StaffUsers::Email, 254))
                    .col(string_len(StaffUsers::Name, 255))
                    .col(string_len(StaffUsers::PasswordHash, 255))
                    .col(string_len(StaffUsers::Role, 24))
                    .col(boolean(StaffUsers::Active))
                    .col(timestamp_with_time_zone(StaffUsers::CreatedAt))
                    .col(timestamp_with_time_zone_null(StaffUsers::LastSignInAt))
                    .to_owned(),
            )
            .await?;

        // store_credit_entries
        manager
            .create_table(
                Table::create()
                    .table(StoreCreditEntries::Table)
                    .col(pk(StoreCreditEntries::Id))
                    .col(big_integer(StoreCreditEntries::CustomerId))
                    .col(big_integer(StoreCreditEntries::AmountMinor))
                    .col(string_len(StoreCreditEntries::Currency, 3))
                    .col(string_len(StoreCreditEntries::Reason, 255))
                    .col(big_integer_null(StoreCreditEntries::OrderId))
                    .col(big_integer_null(StoreCreditEntries::RefundId))
                    .col(big_integer_null(StoreCreditEntries::StaffUserId))
                    .col(timestamp_with_time_zone(StoreCreditEntries::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_store_credit_entries_customer_id",
                        StoreCreditEntries::Table,
                        StoreCreditEntries::CustomerId,
                        Customers::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_store_credit_entries_staff_user_id",
                        StoreCreditEntries::Table,
                        StoreCreditEntries::StaffUserId,
                        StaffUsers::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_store_credit_entries_customer_id",
            StoreCreditEntries::Table,
            [StoreCreditEntries::CustomerId],
            false,
        )
        .await?;

        // staff_store_memberships
        manager
            .create_table(
                Table::create()
                    .table(StaffStoreMemberships::Table)
                    .col(big_integer(StaffStoreMemberships::StaffUserId))
                    .col(big_integer(StaffStoreMemberships::StoreId))
                    .primary_key(
                        Index::create()
                            .col(StaffStoreMemberships::StaffUserId)
                            .col(StaffStoreMemberships::StoreId),
                    )
                    .foreign_key(&mut fk(
                        "fk_staff_store_memberships_staff_user_id",
                        StaffStoreMemberships::Table,
                        StaffStoreMemberships::StaffUserId,
                        StaffUsers::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_staff_store_memberships_store_id",
                        StaffStoreMemberships::Table,
                        StaffStoreMemberships::StoreId,
                        Stores::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_staff_store_memberships_store_id",
            StaffStoreMemberships::Table,
            [StaffStoreMemberships::StoreId],
            false,
        )
        .await?;

        // sessions
        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .col(string_len(Sessions::Id, 64).primary_key())
                    .col(big_integer_null(Sessions::StaffUserId))
                    .col(big_integer_null(Sessions::CustomerId))
                    .col(string_len(Sessions::CsrfToken, 128))
                    .col(json(Sessions::Data))
                    .col(timestamp_with_time_zone(Sessions::CreatedAt))
                    .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                    .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                    .foreign_key(&mut fk(
                        "fk_sessions_staff_user_id",
                        Sessions::Table,
                        Sessions::StaffUserId,
                        StaffUsers::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_sessions_customer_id",
                        Sessions::Table,
                        Sessions::CustomerId,
                        Customers::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_sessions_expires_at",
            Sessions::Table,
            [Sessions::ExpiresAt],
            false,
        )
        .await?;
        index(
            manager,
            "idx_sessions_staff_user_id",
            Sessions::Table,
            [Sessions::StaffUserId],
            false,
        )
        .await?;
        index(
            manager,
            "idx_sessions_customer_id",
            Sessions::Table,
            [Sessions::CustomerId],
            false,
        )
        .await?;

        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_table(manager, Sessions::Table).await?;
        drop_table(manager, StaffStoreMemberships::Table).await?;
        drop_table(manager, StoreCreditEntries::Table).await?;
        drop_table(manager, StaffUsers::Table).await?;
        drop_table(manager, CustomerAddresses::Table).await?;
        drop_table(manager, Customers::Table).await?;
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
enum Stores {
    Table,
}

#[derive(DeriveIden)]
enum Customers {
    Table,
    Id,
    Email,
    Phone,
    Name,
    PasswordHash,
    Locale,
    StoreCreditMinor,
    MarketingOptIn,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CustomerAddresses {
    Table,
    Id,
    CustomerId,
    Name,
    Line1,
    Line2,
    City,
    PostalCode,
    Country,
    Phone,
    IsDefault,
}

#[derive(DeriveIden)]
enum StoreCreditEntries {
    Table,
    Id,
    CustomerId,
    AmountMinor,
    Currency,
    Reason,
    OrderId,
    RefundId,
    StaffUserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StaffUsers {
    Table,
    Id,
    Email,
    Name,
    PasswordHash,
    Role,
    Active,
    CreatedAt,
    LastSignInAt,
}

#[derive(DeriveIden)]
enum StaffStoreMemberships {
    Table,
    StaffUserId,
    StoreId,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    StaffUserId,
    CustomerId,
    CsrfToken,
    Data,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
}
