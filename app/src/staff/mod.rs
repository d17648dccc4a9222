//! The staff area: sign-in, staff home and the owner's settings overview.

pub mod api;
pub mod home;
pub mod layout;
pub mod settings;
pub mod signin;
