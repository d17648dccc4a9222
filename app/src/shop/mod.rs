//! The public shop: home, category and product pages.

pub mod api;
pub mod category;
pub mod home;
pub mod layout;
pub mod model;
pub mod product;
