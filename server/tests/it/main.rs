//! The server's integration tests, in one test binary: each links the whole server, so one
//! binary links it once instead of once per file. Each module is one concern; `common` starts
//! real servers on fresh SQLite files or PostgreSQL databases.

mod catalogue;
mod cli;
mod common;
mod http;
mod inventory_jobs;
mod locale;
mod search;
mod security;
mod sessions;
