//! Catalogue: locales, VAT rates, categories, products, options, variants and images
//! (`docs/data-model.md`, "Catalogue").

use sea_orm_migration::{prelude::*, schema::*};

/// Creates the catalogue tables.
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
        // locales
        manager
            .create_table(
                Table::create()
                    .table(Locales::Table)
                    .col(string_len(Locales::Code, 8).primary_key())
                    .col(string_len(Locales::Name, 64))
                    .col(boolean(Locales::IsDefault))
                    .col(boolean(Locales::Enabled))
                    .col(integer(Locales::Position))
                    .to_owned(),
            )
            .await?;

        // vat_rates
        manager
            .create_table(
                Table::create()
                    .table(VatRates::Table)
                    .col(pk(VatRates::Id))
                    .col(string_len_uniq(VatRates::Code, 32))
                    .col(string_len(VatRates::Name, 128))
                    .col(integer(VatRates::RateBp))
                    .to_owned(),
            )
            .await?;

        // categories
        manager
            .create_table(
                Table::create()
                    .table(Categories::Table)
                    .col(pk(Categories::Id))
                    .col(big_integer_null(Categories::ParentId))
                    .col(string_len_uniq(Categories::Slug, 160))
                    .col(integer(Categories::Position))
                    .col(timestamp_with_time_zone(Categories::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_categories_parent_id",
                        Categories::Table,
                        Categories::ParentId,
                        Categories::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_categories_parent_id",
            Categories::Table,
            [Categories::ParentId],
            false,
        )
        .await?;

        // category_translations
        manager
            .create_table(
                Table::create()
                    .table(CategoryTranslations::Table)
                    .col(pk(CategoryTranslations::Id))
                    .col(big_integer(CategoryTranslations::CategoryId))
                    .col(string_len(CategoryTranslations::Locale, 8))
                    .col(string_len(CategoryTranslations::Name, 255))
                    .col(string_len(CategoryTranslations::Slug, 160))
                    .col(text(CategoryTranslations::Description))
                    .foreign_key(&mut fk(
                        "fk_category_translations_category_id",
                        CategoryTranslations::Table,
                        CategoryTranslations::CategoryId,
                        Categories::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut locale_fk(
                        "fk_category_translations_locale",
                        CategoryTranslations::Table,
                        CategoryTranslations::Locale,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "uq_category_translations_category_locale",
            CategoryTranslations::Table,
            [
                CategoryTranslations::CategoryId,
                CategoryTranslations::Locale,
            ],
            true,
        )
        .await?;
        index(
            manager,
            "uq_category_translations_locale_slug",
            CategoryTranslations::Table,
            [CategoryTranslations::Locale, CategoryTranslations::Slug],
            true,
        )
        .await?;

        // products
        manager
            .create_table(
                Table::create()
                    .table(Products::Table)
                    .col(pk(Products::Id))
                    .col(big_integer(Products::CategoryId))
                    .col(string_len_uniq(Products::Slug, 160))
                    .col(string_len(Products::Status, 24))
                    .col(big_integer(Products::VatRateId))
                    .col(string_len_null(Products::Brand, 128))
                    .col(timestamp_with_time_zone(Products::CreatedAt))
                    .col(timestamp_with_time_zone(Products::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_products_category_id",
                        Products::Table,
                        Products::CategoryId,
                        Categories::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        "fk_products_vat_rate_id",
                        Products::Table,
                        Products::VatRateId,
                        VatRates::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_products_category_id",
            Products::Table,
            [Products::CategoryId],
            false,
        )
        .await?;
        index(
            manager,
            "idx_products_status",
            Products::Table,
            [Products::Status],
            false,
        )
        .await?;

        // product_translations
        manager
            .create_table(
                Table::create()
                    .table(ProductTranslations::Table)
                    .col(pk(ProductTranslations::Id))
                    .col(big_integer(ProductTranslations::ProductId))
                    .col(string_len(ProductTranslations::Locale, 8))
                    .col(string_len(ProductTranslations::Name, 255))
                    .col(string_len(ProductTranslations::Slug, 160))
                    .col(text(ProductTranslations::Description))
                    .foreign_key(&mut fk(
                        "fk_product_translations_product_id",
                        ProductTranslations::Table,
                        ProductTranslations::ProductId,
                        Products::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut locale_fk(
                        "fk_product_translations_locale",
                        ProductTranslations::Table,
                        ProductTranslations::Locale,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "uq_product_translations_product_locale",
            ProductTranslations::Table,
            [ProductTranslations::ProductId, ProductTranslations::Locale],
            true,
        )
        .await?;
        index(
            manager,
            "uq_product_translations_locale_slug",
            ProductTranslations::Table,
            [ProductTranslations::Locale, ProductTranslations::Slug],
            true,
        )
        .await?;

        // product_options
        manager
            .create_table(
                Table::create()
                    .table(ProductOptions::Table)
                    .col(pk(ProductOptions::Id))
                    .col(big_integer(ProductOptions::ProductId))
                    .col(string_len(ProductOptions::Code, 64))
                    .col(integer(ProductOptions::Position))
                    .foreign_key(&mut fk(
                        "fk_product_options_product_id",
                        ProductOptions::Table,
                        ProductOptions::ProductId,
                        Products::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "uq_product_options_product_code",
            ProductOptions::Table,
            [ProductOptions::ProductId, ProductOptions::Code],
            true,
        )
        .await?;

        // option_values
        manager
            .create_table(
                Table::create()
                    .table(OptionValues::Table)
                    .col(pk(OptionValues::Id))
                    .col(big_integer(OptionValues::OptionId))
                    .col(string_len(OptionValues::Code, 64))
                    .col(integer(OptionValues::Position))
                    .foreign_key(&mut fk(
                        "fk_option_values_option_id",
                        OptionValues::Table,
                        OptionValues::OptionId,
                        ProductOptions::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "uq_option_values_option_code",
            OptionValues::Table,
            [OptionValues::OptionId, OptionValues::Code],
            true,
        )
        .await?;

        // option_value_translations
        manager
            .create_table(
                Table::create()
                    .table(OptionValueTranslations::Table)
                    .col(pk(OptionValueTranslations::Id))
                    .col(big_integer(OptionValueTranslations::OptionValueId))
                    .col(string_len(OptionValueTranslations::Locale, 8))
                    .col(string_len(OptionValueTranslations::Label, 128))
                    .foreign_key(&mut fk(
                        "fk_option_value_translations_option_value_id",
                        OptionValueTranslations::Table,
                        OptionValueTranslations::OptionValueId,
                        OptionValues::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut locale_fk(
                        "fk_option_value_translations_locale",
                        OptionValueTranslations::Table,
                        OptionValueTranslations::Locale,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "uq_option_value_translations_value_locale",
            OptionValueTranslations::Table,
            [
                OptionValueTranslations::OptionValueId,
                OptionValueTranslations::Locale,
            ],
            true,
        )
        .await?;

        // variants
        manager
            .create_table(
                Table::create()
                    .table(Variants::Table)
                    .col(pk(Variants::Id))
                    .col(big_integer(Variants::ProductId))
                    .col(string_len_uniq(Variants::Sku, 64))
                    .col(string_len_null(Variants::Barcode, 32).unique_key())
                    .col(big_integer(Variants::PriceMinor))
                    .col(big_integer_null(Variants::CompareAtMinor))
                    .col(string_len(Variants::Currency, 3))
                    .col(integer(Variants::Position))
                    .col(integer_null(Variants::WeightGrams))
                    .col(integer_null(Variants::LowStockThreshold))
                    .col(boolean(Variants::Active))
                    .col(timestamp_with_time_zone(Variants::CreatedAt))
                    .col(timestamp_with_time_zone(Variants::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_variants_product_id",
                        Variants::Table,
                        Variants::ProductId,
                        Products::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_variants_product_id",
            Variants::Table,
            [Variants::ProductId],
            false,
        )
        .await?;

        // variant_option_values
        manager
            .create_table(
                Table::create()
                    .table(VariantOptionValues::Table)
                    .col(big_integer(VariantOptionValues::VariantId))
                    .col(big_integer(VariantOptionValues::OptionValueId))
                    .primary_key(
                        Index::create()
                            .col(VariantOptionValues::VariantId)
                            .col(VariantOptionValues::OptionValueId),
                    )
                    .foreign_key(&mut fk(
                        "fk_variant_option_values_variant_id",
                        VariantOptionValues::Table,
                        VariantOptionValues::VariantId,
                        Variants::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_variant_option_values_option_value_id",
                        VariantOptionValues::Table,
                        VariantOptionValues::OptionValueId,
                        OptionValues::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_variant_option_values_option_value_id",
            VariantOptionValues::Table,
            [VariantOptionValues::OptionValueId],
            false,
        )
        .await?;

        // product_images
        manager
            .create_table(
                Table::create()
                    .table(ProductImages::Table)
                    .col(pk(ProductImages::Id))
                    .col(big_integer(ProductImages::ProductId))
                    .col(big_integer_null(ProductImages::VariantId))
                    .col(integer(ProductImages::Position))
                    .col(string_len(ProductImages::Path, 512))
                    .col(integer(ProductImages::Width))
                    .col(integer(ProductImages::Height))
                    .col(text_null(ProductImages::Alt))
                    .col(timestamp_with_time_zone(ProductImages::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_product_images_product_id",
                        ProductImages::Table,
                        ProductImages::ProductId,
                        Products::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_product_images_variant_id",
                        ProductImages::Table,
                        ProductImages::VariantId,
                        Variants::Table,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_product_images_product_id",
            ProductImages::Table,
            [ProductImages::ProductId],
            false,
        )
        .await?;
        index(
            manager,
            "idx_product_images_variant_id",
            ProductImages::Table,
            [ProductImages::VariantId],
            false,
        )
        .await?;

        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_table(manager, ProductImages::Table).await?;
        drop_table(manager, VariantOptionValues::Table).await?;
        drop_table(manager, Variants::Table).await?;
        drop_table(manager, OptionValueTranslations::Table).await?;
        drop_table(manager, OptionValues::Table).await?;
        drop_table(manager, ProductOptions::Table).await?;
        drop_table(manager, ProductTranslations::Table).await?;
        drop_table(manager, Products::Table).await?;
        drop_table(manager, CategoryTranslations::Table).await?;
        drop_table(manager, Categories::Table).await?;
        drop_table(manager, VatRates::Table).await?;
        drop_table(manager, Locales::Table).await?;
        Ok(())
    }
}

/// A foreign key from `table.col` to `locales.code` (deleting a locale in use is refused).
fn locale_fk<T, C>(name: &str, table: T, col: C) -> ForeignKeyCreateStatement
where
    T: IntoIden + 'static,
    C: IntoIden + 'static,
{
    ForeignKey::create()
        .name(name)
        .from(table, col)
        .to(Locales::Table, Locales::Code)
        .on_delete(ForeignKeyAction::Restrict)
        .on_update(ForeignKeyAction::Cascade)
        .take()
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
enum Locales {
    Table,
    Code,
    Name,
    IsDefault,
    Enabled,
    Position,
}

#[derive(DeriveIden)]
enum VatRates {
    Table,
    Id,
    Code,
    Name,
    RateBp,
}

#[derive(DeriveIden)]
enum Categories {
    Table,
    Id,
    ParentId,
    Slug,
    Position,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CategoryTranslations {
    Table,
    Id,
    CategoryId,
    Locale,
    Name,
    Slug,
    Description,
}

#[derive(DeriveIden)]
enum Products {
    Table,
    Id,
    CategoryId,
    Slug,
    Status,
    VatRateId,
    Brand,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ProductTranslations {
    Table,
    Id,
    ProductId,
    Locale,
    Name,
    Slug,
    Description,
}

#[derive(DeriveIden)]
enum ProductOptions {
    Table,
    Id,
    ProductId,
    Code,
    Position,
}

#[derive(DeriveIden)]
enum OptionValues {
    Table,
    Id,
    OptionId,
    Code,
    Position,
}

#[derive(DeriveIden)]
enum OptionValueTranslations {
    Table,
    Id,
    OptionValueId,
    Locale,
    Label,
}

#[derive(DeriveIden)]
enum Variants {
    Table,
    Id,
    ProductId,
    Sku,
    Barcode,
    PriceMinor,
    CompareAtMinor,
    Currency,
    Position,
    WeightGrams,
    LowStockThreshold,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum VariantOptionValues {
    Table,
    VariantId,
    OptionValueId,
}

#[derive(DeriveIden)]
enum ProductImages {
    Table,
    Id,
    ProductId,
    VariantId,
    Position,
    Path,
    Width,
    Height,
    Alt,
    CreatedAt,
}
