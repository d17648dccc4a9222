//! Stoa's schema migrations. Append-only: a migration that has landed is never edited; changes
//! come as a new file. See `docs/data-model.md` for the tables.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_catalog;
mod m20261123_000002_inventory;
mod m20261123_000003_people;
mod m20261123_000004_sales;
mod m20261123_000005_operations;
mod m20261206_000006_security;
// MIGRATION MODULES

/// Runs every migration in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_catalog::Migration),
            Box::new(m20261123_000002_inventory::Migration),
            Box::new(m20261123_000003_people::Migration),
            Box::new(m20261123_000004_sales::Migration),
            Box::new(m20261123_000005_operations::Migration),
            Box::new(m20261206_000006_security::Migration),
            // MIGRATION LIST
        ]
    }
}
