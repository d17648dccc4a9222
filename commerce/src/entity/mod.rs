//! SeaORM entities, one module per table (see `docs/data-model.md`). Behaviour lives in the
//! domain modules beside, not here.

pub mod enums;

/// Declares the table modules, which need SeaORM (the `db` feature).
macro_rules! tables {
    ($($table:ident),* $(,)?) => {$(
        #[cfg(feature = "db")]
        pub mod $table;
    )*};
}

// Catalogue, inventory, people (migrations 000001–000003).
tables!(
    category,
    category_translation,
    customer,
    customer_address,
    locale,
    location,
    option_value,
    option_value_translation,
    product,
    product_image,
    product_option,
    product_translation,
    session,
    staff_store_membership,
    staff_user,
    stock_count,
    stock_count_line,
    stock_level,
    stock_movement,
    stock_receipt,
    stock_receipt_line,
    stock_reservation,
    stock_transfer,
    stock_transfer_line,
    store,
    store_credit_entry,
    variant,
    variant_option_value,
    vat_rate,
);

// Sales and operations (migrations 000004–000005).
tables!(
    cart,
    cart_line,
    cash_movement,
    email,
    job,
    order,
    order_event,
    order_line,
    outbox,
    outbox_cursor,
    payment,
    payment_link,
    promotion,
    refund,
    register,
    return_line,
    return_request,
    setting,
    shift,
    sign_in_throttle,
);
