//! The staff area: sign-in, staff home, inventory and the owner's settings overview.

pub mod api;
pub mod home;
pub mod inventory;
pub mod layout;
pub mod settings;
pub mod signin;
