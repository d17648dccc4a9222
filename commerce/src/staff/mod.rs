//! Staff accounts, roles, store memberships and password hashing.

pub mod accounts;
pub mod password;
pub mod role;

pub use accounts::{
    authenticate, create_staff, settings_overview, store_names, NewStaff, SettingsOverview,
};
