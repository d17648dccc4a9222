//! Staff accounts, roles, store memberships and password hashing.

#[cfg(feature = "db")]
pub mod accounts;
#[cfg(feature = "db")]
pub mod password;
pub mod role;

#[cfg(feature = "db")]
pub use accounts::{
    authenticate, create_staff, settings_overview, store_names, NewStaff, SettingsOverview,
};
