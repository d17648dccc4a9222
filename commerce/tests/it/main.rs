//! Commerce's integration tests, in one test binary (one link instead of one per file). Each
//! module is one concern; `commerce::test_support` gives each test a fresh SQLite file or
//! PostgreSQL database.

mod browse;
mod catalogue_live;
mod demo_load;
mod inventory;
mod inventory_concurrency;
mod outbox_jobs;
mod schema_core;
mod schema_sales;
mod search_behaviour;
mod search_relevance;
