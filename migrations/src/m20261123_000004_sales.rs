//! Migration 000004_sales: promotions, carts, orders, payments, refunds, returns, payment links,
//! registers, shifts and cash movements (see `docs/data-model.md`, "Sales").
//!
//! Tables of earlier migrations (customers, variants, stores, locations, staff users) are named
//! with [`Alias`] so this file does not depend on their `Iden` enums.

use sea_orm_migration::{prelude::*, schema::*};
use ForeignKeyAction::{Cascade, Restrict, SetNull};

/// Creates the sales tables.
#[derive(DeriveMigrationName)]
pub struct Migration;

/// Length of status/kind columns (short snake_case strings mapped to Rust enums).
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

/// A status/kind column.
fn enum_col<T: IntoIden>(col: T) -> ColumnDef {
    string_len(col, ENUM_LEN)
}

/// An ISO 4217 currency code column.
fn currency<T: IntoIden>(col: T) -> ColumnDef {
    string_len(col, 3)
}

/// A timestamp column (UTC).
fn ts<T: IntoIden>(col: T) -> ColumnDef {
    timestamp_with_time_zone(col)
}

/// A nullable timestamp column (UTC).
fn ts_null<T: IntoIden>(col: T) -> ColumnDef {
    timestamp_with_time_zone_null(col)
}

/// A foreign key `table.col → to_table.id`, named `fk_<table>_<col>`.
fn fk<T, C>(
    table: T,
    col: C,
    to_table: &str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement
where
    T: Iden + 'static,
    C: Iden + 'static,
{
    let name = format!("fk_{}_{}", table.to_string(), col.to_string());
    ForeignKey::create()
        .name(name)
        .from(table, col)
        .to(Alias::new(to_table), Alias::new("id"))
        .on_delete(on_delete)
        .to_owned()
}

/// An index on `cols` of `table`, named `idx_<table>_<cols…>` (or `uq_…` when unique).
fn index<T, C>(table: T, cols: &[C], unique: bool) -> IndexCreateStatement
where
    T: Iden + Copy + 'static,
    C: Iden + Copy + 'static,
{
    let names: Vec<String> = cols.iter().map(|c| c.to_string()).collect();
    let prefix = if unique { "uq" } else { "idx" };
    let mut stmt = Index::create();
    stmt.name(format!(
        "{prefix}_{}_{}",
        table.to_string(),
        names.join("_")
    ))
    .table(table);
    for c in cols {
        stmt.col(*c);
    }
    if unique {
        stmt.unique();
    }
    stmt.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // promotions
        manager
            .create_table(
                Table::create()
                    .table(Promotions::Table)
                    .col(id(Promotions::Id))
                    .col(string_null(Promotions::Code).unique_key())
                    .col(string(Promotions::Name))
                    .col(enum_col(Promotions::Kind))
                    .col(big_integer(Promotions::Value))
                    .col(big_integer_null(Promotions::MinSubtotalMinor))
                    .col(ts_null(Promotions::StartsAt))
                    .col(ts_null(Promotions::EndsAt))
                    .col(integer_null(Promotions::UsageLimit))
                    .col(integer(Promotions::UsedCount).default(0))
                    .col(boolean(Promotions::Active).default(true))
                    .col(ts(Promotions::CreatedAt))
                    .to_owned(),
            )
            .await?;

        // carts
        manager
            .create_table(
                Table::create()
                    .table(Carts::Table)
                    .col(id(Carts::Id))
                    .col(string_uniq(Carts::Token))
                    .col(string_uniq(Carts::Code))
                    .col(big_integer_null(Carts::CustomerId))
                    .col(enum_col(Carts::Channel))
                    .col(enum_col(Carts::Status))
                    .col(currency(Carts::Currency))
                    .col(string_len(Carts::Locale, 8))
                    .col(string_null(Carts::PromotionCode))
                    .col(ts(Carts::CreatedAt))
                    .col(ts(Carts::UpdatedAt))
                    .foreign_key(&mut fk(
                        Carts::Table,
                        Carts::CustomerId,
                        "customers",
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Carts::Table, &[Carts::CustomerId], false))
            .await?;

        // cart_lines
        manager
            .create_table(
                Table::create()
                    .table(CartLines::Table)
                    .col(id(CartLines::Id))
                    .col(big_integer(CartLines::CartId))
                    .col(big_integer(CartLines::VariantId))
                    .col(big_integer(CartLines::Quantity))
                    .col(ts(CartLines::CreatedAt))
                    .foreign_key(&mut fk(
                        CartLines::Table,
                        CartLines::CartId,
                        "carts",
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        CartLines::Table,
                        CartLines::VariantId,
                        "variants",
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                CartLines::Table,
                &[CartLines::CartId, CartLines::VariantId],
                true,
            ))
            .await?;

        // registers
        manager
            .create_table(
                Table::create()
                    .table(Registers::Table)
                    .col(id(Registers::Id))
                    .col(big_integer(Registers::StoreId))
                    .col(string(Registers::Name))
                    .foreign_key(&mut fk(
                        Registers::Table,
                        Registers::StoreId,
                        "stores",
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Registers::Table,
                &[Registers::StoreId, Registers::Name],
                true,
            ))
            .await?;

        // shifts
        manager
            .create_table(
                Table::create()
                    .table(Shifts::Table)
                    .col(id(Shifts::Id))
                    .col(big_integer(Shifts::RegisterId))
                    .col(big_integer(Shifts::StaffUserId))
                    .col(enum_col(Shifts::Status))
                    .col(big_integer(Shifts::OpeningFloatMinor))
                    .col(big_integer_null(Shifts::ExpectedCashMinor))
                    .col(big_integer_null(Shifts::CountedCashMinor))
                    .col(big_integer_null(Shifts::DifferenceMinor))
                    .col(ts(Shifts::OpenedAt))
                    .col(ts_null(Shifts::ClosedAt))
                    .foreign_key(&mut fk(
                        Shifts::Table,
                        Shifts::RegisterId,
                        "registers",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        Shifts::Table,
                        Shifts::StaffUserId,
                        "staff_users",
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Shifts::Table,
                &[Shifts::RegisterId, Shifts::Status],
                false,
            ))
            .await?;

        // cash_movements
        manager
            .create_table(
                Table::create()
                    .table(CashMovements::Table)
                    .col(id(CashMovements::Id))
                    .col(big_integer(CashMovements::ShiftId))
                    .col(enum_col(CashMovements::Kind))
                    .col(big_integer(CashMovements::AmountMinor))
                    .col(text_null(CashMovements::Note))
                    .col(big_integer_null(CashMovements::StaffUserId))
                    .col(ts(CashMovements::CreatedAt))
                    .foreign_key(&mut fk(
                        CashMovements::Table,
                        CashMovements::ShiftId,
                        "shifts",
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        CashMovements::Table,
                        CashMovements::StaffUserId,
                        "staff_users",
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                CashMovements::Table,
                &[CashMovements::ShiftId],
                false,
            ))
            .await?;

        // orders
        manager
            .create_table(
                Table::create()
                    .table(Orders::Table)
                    .col(id(Orders::Id))
                    .col(string_uniq(Orders::Number))
                    .col(enum_col(Orders::Channel))
                    .col(enum_col(Orders::Fulfilment))
                    .col(enum_col(Orders::Status))
                    .col(enum_col(Orders::PaymentStatus))
                    .col(big_integer_null(Orders::CustomerId))
                    .col(string_null(Orders::Email))
                    .col(string_null(Orders::Phone))
                    .col(string_null(Orders::CustomerName))
                    .col(string_len(Orders::Locale, 8))
                    .col(currency(Orders::Currency))
                    .col(big_integer_null(Orders::StoreId))
                    .col(big_integer_null(Orders::LocationId))
                    .col(big_integer_null(Orders::CartId))
                    .col(big_integer_null(Orders::StaffUserId))
                    .col(big_integer_null(Orders::ShiftId))
                    .col(big_integer(Orders::SubtotalMinor))
                    .col(big_integer(Orders::DiscountMinor))
                    .col(big_integer(Orders::ShippingMinor))
                    .col(big_integer(Orders::VatMinor))
                    .col(big_integer(Orders::TotalMinor))
                    .col(string_null(Orders::PromotionCode))
                    .col(json_null(Orders::ShippingAddress))
                    .col(string(Orders::AccessToken))
                    .col(string_null(Orders::PickupCode))
                    .col(ts_null(Orders::PickupExpiresAt))
                    .col(text_null(Orders::Note))
                    .col(ts_null(Orders::PlacedAt))
                    .col(ts_null(Orders::HandedOverAt))
                    .col(ts(Orders::CreatedAt))
                    .col(ts(Orders::UpdatedAt))
                    .foreign_key(&mut fk(
                        Orders::Table,
                        Orders::CustomerId,
                        "customers",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(Orders::Table, Orders::StoreId, "stores", Restrict))
                    .foreign_key(&mut fk(
                        Orders::Table,
                        Orders::LocationId,
                        "locations",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(Orders::Table, Orders::CartId, "carts", Restrict))
                    .foreign_key(&mut fk(
                        Orders::Table,
                        Orders::StaffUserId,
                        "staff_users",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(Orders::Table, Orders::ShiftId, "shifts", Restrict))
                    .to_owned(),
            )
            .await?;
        for cols in [
            &[Orders::CustomerId][..],
            &[Orders::StoreId, Orders::Status][..],
            &[Orders::Status, Orders::CreatedAt][..],
            &[Orders::CreatedAt][..],
            &[Orders::ShiftId][..],
        ] {
            manager
                .create_index(index(Orders::Table, cols, false))
                .await?;
        }

        // order_lines
        manager
            .create_table(
                Table::create()
                    .table(OrderLines::Table)
                    .col(id(OrderLines::Id))
                    .col(big_integer(OrderLines::OrderId))
                    .col(big_integer_null(OrderLines::VariantId))
                    .col(string(OrderLines::Sku))
                    .col(string(OrderLines::Name))
                    .col(string(OrderLines::VariantLabel))
                    .col(big_integer(OrderLines::Quantity))
                    .col(big_integer(OrderLines::UnitPriceMinor))
                    .col(big_integer(OrderLines::DiscountMinor))
                    .col(integer(OrderLines::VatRateBp))
                    .col(big_integer(OrderLines::VatMinor))
                    .col(big_integer(OrderLines::TotalMinor))
                    .col(big_integer(OrderLines::QuantityReturned).default(0))
                    .foreign_key(&mut fk(
                        OrderLines::Table,
                        OrderLines::OrderId,
                        "orders",
                        Cascade,
                    ))
                    // Lines snapshot sku/name/price, so a deleted variant only loses the link.
                    .foreign_key(&mut fk(
                        OrderLines::Table,
                        OrderLines::VariantId,
                        "variants",
                        SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(OrderLines::Table, &[OrderLines::OrderId], false))
            .await?;
        manager
            .create_index(index(OrderLines::Table, &[OrderLines::VariantId], false))
            .await?;

        // order_events
        manager
            .create_table(
                Table::create()
                    .table(OrderEvents::Table)
                    .col(id(OrderEvents::Id))
                    .col(big_integer(OrderEvents::OrderId))
                    .col(enum_col(OrderEvents::Kind))
                    .col(string_len_null(OrderEvents::FromStatus, ENUM_LEN))
                    .col(string_len_null(OrderEvents::ToStatus, ENUM_LEN))
                    .col(text_null(OrderEvents::Message))
                    .col(json_null(OrderEvents::Data))
                    .col(big_integer_null(OrderEvents::StaffUserId))
                    .col(ts(OrderEvents::CreatedAt))
                    .foreign_key(&mut fk(
                        OrderEvents::Table,
                        OrderEvents::OrderId,
                        "orders",
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        OrderEvents::Table,
                        OrderEvents::StaffUserId,
                        "staff_users",
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                OrderEvents::Table,
                &[OrderEvents::OrderId, OrderEvents::Id],
                false,
            ))
            .await?;

        // payments
        manager
            .create_table(
                Table::create()
                    .table(Payments::Table)
                    .col(id(Payments::Id))
                    .col(big_integer(Payments::OrderId))
                    .col(enum_col(Payments::Method))
                    .col(enum_col(Payments::Status))
                    .col(big_integer(Payments::AmountMinor))
                    .col(currency(Payments::Currency))
                    .col(string_null(Payments::Provider))
                    .col(string_null(Payments::ProviderRef))
                    .col(string_null(Payments::IdempotencyKey).unique_key())
                    .col(big_integer_null(Payments::TenderedMinor))
                    .col(big_integer_null(Payments::ChangeMinor))
                    .col(big_integer_null(Payments::ShiftId))
                    .col(big_integer_null(Payments::StaffUserId))
                    .col(ts(Payments::CreatedAt))
                    .col(ts(Payments::UpdatedAt))
                    .foreign_key(&mut fk(
                        Payments::Table,
                        Payments::OrderId,
                        "orders",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        Payments::Table,
                        Payments::ShiftId,
                        "shifts",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        Payments::Table,
                        Payments::StaffUserId,
                        "staff_users",
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Payments::Table, &[Payments::OrderId], false))
            .await?;
        manager
            .create_index(index(
                Payments::Table,
                &[Payments::Provider, Payments::ProviderRef],
                false,
            ))
            .await?;
        manager
            .create_index(index(Payments::Table, &[Payments::ShiftId], false))
            .await?;

        // returns
        manager
            .create_table(
                Table::create()
                    .table(Returns::Table)
                    .col(id(Returns::Id))
                    .col(string_uniq(Returns::RmaCode))
                    .col(big_integer(Returns::OrderId))
                    .col(enum_col(Returns::Status))
                    .col(enum_col(Returns::Method))
                    .col(big_integer_null(Returns::StoreId))
                    .col(date_null(Returns::DropOffOn))
                    .col(text_null(Returns::Reason))
                    .col(enum_col(Returns::RefundTo))
                    .col(boolean(Returns::BookedByCustomer))
                    .col(big_integer_null(Returns::StaffUserId))
                    .col(ts_null(Returns::ReceivedAt))
                    .col(ts(Returns::CreatedAt))
                    .col(ts(Returns::UpdatedAt))
                    .foreign_key(&mut fk(
                        Returns::Table,
                        Returns::OrderId,
                        "orders",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        Returns::Table,
                        Returns::StoreId,
                        "stores",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        Returns::Table,
                        Returns::StaffUserId,
                        "staff_users",
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Returns::Table, &[Returns::OrderId], false))
            .await?;
        manager
            .create_index(index(
                Returns::Table,
                &[Returns::StoreId, Returns::Status],
                false,
            ))
            .await?;

        // return_lines
        manager
            .create_table(
                Table::create()
                    .table(ReturnLines::Table)
                    .col(id(ReturnLines::Id))
                    .col(big_integer(ReturnLines::ReturnId))
                    .col(big_integer(ReturnLines::OrderLineId))
                    .col(big_integer(ReturnLines::Quantity))
                    .col(text_null(ReturnLines::Reason))
                    .col(enum_col(ReturnLines::Disposition))
                    .col(big_integer_null(ReturnLines::RestockLocationId))
                    .foreign_key(&mut fk(
                        ReturnLines::Table,
                        ReturnLines::ReturnId,
                        "returns",
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        ReturnLines::Table,
                        ReturnLines::OrderLineId,
                        "order_lines",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        ReturnLines::Table,
                        ReturnLines::RestockLocationId,
                        "locations",
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(ReturnLines::Table, &[ReturnLines::ReturnId], false))
            .await?;
        manager
            .create_index(index(
                ReturnLines::Table,
                &[ReturnLines::OrderLineId],
                false,
            ))
            .await?;

        // refunds
        manager
            .create_table(
                Table::create()
                    .table(Refunds::Table)
                    .col(id(Refunds::Id))
                    .col(big_integer(Refunds::OrderId))
                    .col(big_integer_null(Refunds::PaymentId))
                    .col(big_integer_null(Refunds::ReturnId))
                    .col(enum_col(Refunds::Method))
                    .col(enum_col(Refunds::Status))
                    .col(big_integer(Refunds::AmountMinor))
                    .col(currency(Refunds::Currency))
                    .col(string_null(Refunds::ProviderRef))
                    .col(text_null(Refunds::Reason))
                    .col(big_integer_null(Refunds::StaffUserId))
                    .col(big_integer_null(Refunds::ShiftId))
                    .col(ts(Refunds::CreatedAt))
                    .col(ts(Refunds::UpdatedAt))
                    .foreign_key(&mut fk(
                        Refunds::Table,
                        Refunds::OrderId,
                        "orders",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        Refunds::Table,
                        Refunds::PaymentId,
                        "payments",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        Refunds::Table,
                        Refunds::ReturnId,
                        "returns",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        Refunds::Table,
                        Refunds::StaffUserId,
                        "staff_users",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        Refunds::Table,
                        Refunds::ShiftId,
                        "shifts",
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        for cols in [
            &[Refunds::OrderId][..],
            &[Refunds::PaymentId][..],
            &[Refunds::ReturnId][..],
            &[Refunds::ShiftId][..],
        ] {
            manager
                .create_index(index(Refunds::Table, cols, false))
                .await?;
        }

        // payment_links
        manager
            .create_table(
                Table::create()
                    .table(PaymentLinks::Table)
                    .col(id(PaymentLinks::Id))
                    .col(string_uniq(PaymentLinks::Token))
                    .col(big_integer(PaymentLinks::CartId))
                    .col(big_integer_null(PaymentLinks::OrderId))
                    .col(enum_col(PaymentLinks::Status))
                    .col(string_null(PaymentLinks::Email))
                    .col(string_null(PaymentLinks::Phone))
                    .col(string_null(PaymentLinks::CustomerName))
                    .col(enum_col(PaymentLinks::Fulfilment))
                    .col(big_integer_null(PaymentLinks::StoreId))
                    .col(ts(PaymentLinks::ExpiresAt))
                    .col(big_integer_null(PaymentLinks::CreatedBy))
                    .col(ts(PaymentLinks::CreatedAt))
                    .col(ts(PaymentLinks::UpdatedAt))
                    .foreign_key(&mut fk(
                        PaymentLinks::Table,
                        PaymentLinks::CartId,
                        "carts",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        PaymentLinks::Table,
                        PaymentLinks::OrderId,
                        "orders",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        PaymentLinks::Table,
                        PaymentLinks::StoreId,
                        "stores",
                        Restrict,
                    ))
                    .foreign_key(&mut fk(
                        PaymentLinks::Table,
                        PaymentLinks::CreatedBy,
                        "staff_users",
                        Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        for cols in [
            &[PaymentLinks::CartId][..],
            &[PaymentLinks::OrderId][..],
            &[PaymentLinks::Status, PaymentLinks::ExpiresAt][..],
        ] {
            manager
                .create_index(index(PaymentLinks::Table, cols, false))
                .await?;
        }

        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables: [DynIden; 14] = [
            PaymentLinks::Table.into_iden(),
            Refunds::Table.into_iden(),
            ReturnLines::Table.into_iden(),
            Returns::Table.into_iden(),
            Payments::Table.into_iden(),
            OrderEvents::Table.into_iden(),
            OrderLines::Table.into_iden(),
            Orders::Table.into_iden(),
            CashMovements::Table.into_iden(),
            Shifts::Table.into_iden(),
            Registers::Table.into_iden(),
            CartLines::Table.into_iden(),
            Carts::Table.into_iden(),
            Promotions::Table.into_iden(),
        ];
        for table in tables {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Promotions {
    Table,
    Id,
    Code,
    Name,
    Kind,
    Value,
    MinSubtotalMinor,
    StartsAt,
    EndsAt,
    UsageLimit,
    UsedCount,
    Active,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Carts {
    Table,
    Id,
    Token,
    Code,
    CustomerId,
    Channel,
    Status,
    Currency,
    Locale,
    PromotionCode,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CartLines {
    Table,
    Id,
    CartId,
    VariantId,
    Quantity,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Registers {
    Table,
    Id,
    StoreId,
    Name,
}

#[derive(DeriveIden, Clone, Copy)]
enum Shifts {
    Table,
    Id,
    RegisterId,
    StaffUserId,
    Status,
    OpeningFloatMinor,
    ExpectedCashMinor,
    CountedCashMinor,
    DifferenceMinor,
    OpenedAt,
    ClosedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CashMovements {
    Table,
    Id,
    ShiftId,
    Kind,
    AmountMinor,
    Note,
    StaffUserId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Orders {
    Table,
    Id,
    Number,
    Channel,
    Fulfilment,
    Status,
    PaymentStatus,
    CustomerId,
    Email,
    Phone,
    CustomerName,
    Locale,
    Currency,
    StoreId,
    LocationId,
    CartId,
    StaffUserId,
    ShiftId,
    SubtotalMinor,
    DiscountMinor,
    ShippingMinor,
    VatMinor,
    TotalMinor,
    PromotionCode,
    ShippingAddress,
    AccessToken,
    PickupCode,
    PickupExpiresAt,
    Note,
    PlacedAt,
    HandedOverAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum OrderLines {
    Table,
    Id,
    OrderId,
    VariantId,
    Sku,
    Name,
    VariantLabel,
    Quantity,
    UnitPriceMinor,
    DiscountMinor,
    VatRateBp,
    VatMinor,
    TotalMinor,
    QuantityReturned,
}

#[derive(DeriveIden, Clone, Copy)]
enum OrderEvents {
    Table,
    Id,
    OrderId,
    Kind,
    FromStatus,
    ToStatus,
    Message,
    Data,
    StaffUserId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Payments {
    Table,
    Id,
    OrderId,
    Method,
    Status,
    AmountMinor,
    Currency,
    Provider,
    ProviderRef,
    IdempotencyKey,
    TenderedMinor,
    ChangeMinor,
    ShiftId,
    StaffUserId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Returns {
    Table,
    Id,
    RmaCode,
    OrderId,
    Status,
    Method,
    StoreId,
    DropOffOn,
    Reason,
    RefundTo,
    BookedByCustomer,
    StaffUserId,
    ReceivedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ReturnLines {
    Table,
    Id,
    ReturnId,
    OrderLineId,
    Quantity,
    Reason,
    Disposition,
    RestockLocationId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Refunds {
    Table,
    Id,
    OrderId,
    PaymentId,
    ReturnId,
    Method,
    Status,
    AmountMinor,
    Currency,
    ProviderRef,
    Reason,
    StaffUserId,
    ShiftId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum PaymentLinks {
    Table,
    Id,
    Token,
    CartId,
    OrderId,
    Status,
    Email,
    Phone,
    CustomerName,
    Fulfilment,
    StoreId,
    ExpiresAt,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}
