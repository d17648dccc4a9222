//! The public shop: home, category, product and search pages.

pub mod api;
pub mod category;
pub mod home;
pub mod layout;
pub mod product;
pub mod search;
pub mod searchbox;
