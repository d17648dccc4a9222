//! English texts (British spelling: "colour", en-GB conventions).

use super::{count, lowercase_first, plural, Locale, Messages};

const L: Locale = Locale::En;

/// The English catalogue.
pub(super) static MESSAGES: Messages = Messages {
    // site frame
    shop_name: "Stoa",
    tagline: "Shop online, pick up in store",
    skip_to_content: "Skip to main content",
    search_placeholder: "Search products…",
    search_button: "Search",
    search_label: "Search the shop",
    menu: "Menu",
    language: "Language",
    cart: "Cart",
    account: "Account",
    home: "Home",
    categories: "Categories",
    all_categories: "All categories",
    featured: "Featured",
    new_arrivals: "New arrivals",
    shop_by_category: "Shop by category",
    view_all: "View all",
    footer_about: "About us",
    footer_about_text: "An independent business with shops in Athens and Kraków. Order online \
                        and collect in store, or choose home delivery.",
    footer_stores: "Our stores",
    footer_help: "Help",
    returns_policy_short: "You can return online purchases by post or at any of our stores.",
    copyright_note: "All rights reserved.",
    main_navigation: "Main navigation",
    breadcrumb: "Breadcrumb",
    search_results: "Search results",
    no_search_results: "No products match your search. Try a different or shorter word.",
    search_suggestions: "Suggestions",
    create_account: "Create account",
    book_return: "Start a return",
    contact: "Contact",
    opening_hours: "Opening hours",

    // product
    price: "Price",
    vat_included: "incl. VAT",
    from_price: "from",
    compare_at_price: "Regular price",
    on_sale: "Sale",
    size: "Size",
    colour: "Colour",
    material: "Material",
    variant: "Variant",
    sku: "SKU",
    barcode: "Barcode",
    availability: "Availability",
    ships_online: "Ships from online stock",
    out_of_stock_online: "Out of stock online",
    in_stock: "In stock",
    out_of_stock: "Out of stock",
    pickup_today: "Pickup today",
    pickup_in_days: "Pickup in 2–3 days",
    add_to_cart: "Add to cart",
    added_to_cart: "Added to your cart",
    description: "Description",
    details: "Details",
    related_products: "Related products",
    unavailable_combination: "This combination is not available.",
    select_variant_hint: "Choose your options to see the price and availability.",
    images: "Images",
    store_availability: "Availability in stores",
    brand: "Brand",
    choose: "Choose…",
    choose_store: "Choose a store",

    // category & search listing
    sort_by: "Sort by",
    sort_relevance: "Relevance",
    sort_price_asc: "Price: low to high",
    sort_price_desc: "Price: high to low",
    sort_newest: "Newest",
    filters: "Filters",
    apply_filters: "Apply",
    clear_filters: "Clear filters",
    no_products: "There are no products in this category yet.",
    no_products_filtered: "No products match these filters.",
    page: "Page",
    previous: "Previous",
    next: "Next",
    subcategories: "Subcategories",
    pagination: "Pagination",
    search_all_products: "All products",
    ships_online_facet: "Ships online",
    exact_match: "Exact match",
    page_past_end: "There are no results on this page.",
    back_to_first_page: "Back to the first page",
    back_to_last_page: "Go to the last page",
    category: "Category",

    // staff
    staff_area: "Staff area",
    staff_sign_in: "Staff sign-in",
    email: "Email address",
    password: "Password",
    sign_in: "Sign in",
    sign_out: "Sign out",
    signed_in_as: "Signed in as",
    wrong_credentials: "Wrong email address or password.",
    email_required: "Enter your email address.",
    password_required: "Enter your password.",
    staff_home: "Dashboard",
    your_stores: "Your stores",
    role: "Role",
    role_owner: "Owner",
    role_manager: "Manager",
    role_cashier: "Cashier",
    pos: "Point of sale",
    orders: "Orders",
    pickups: "Pickups",
    returns_desk: "Returns desk",
    payment_links: "Payment links",
    inventory: "Inventory",
    products: "Products",
    customers: "Customers",
    reports: "Reports",
    settings: "Settings",
    not_permitted_title: "Not allowed",
    not_permitted_body: "Your role does not give you access to this page. If you need it, \
                         ask the shop owner.",
    back_to_staff_home: "Back to the dashboard",
    store: "Store",
    staff_navigation: "Staff navigation",
    session_expired: "Your session has expired. Please sign in again.",
    sort_name: "Name A–Z",
    apply: "Apply",
    signed_out: "You have signed out.",
    stores: "Stores",
    code: "Code",
    name: "Name",
    address: "Address",
    timezone: "Time zone",
    locations: "Stock locations",
    kind: "Type",
    vat_rates: "VAT rates",
    rate: "Rate",
    staff_accounts: "Staff accounts",
    active: "Active",
    kind_warehouse: "Warehouse",
    kind_store: "Store",

    // staff: inventory
    inventory_sections: "Inventory sections",
    stock_by_location: "Stock by location",
    receive_stock: "Receive stock",
    adjust_stock: "Adjust stock",
    transfers: "Transfers",
    stock_counts: "Stock counts",
    low_stock_list: "Low stock",
    location: "Location",
    all_locations: "All locations",
    low_stock_only: "Low stock only",
    stock_search: "Name, SKU or barcode",
    show: "Show",
    product: "Product",
    on_hand: "On hand",
    reserved: "Reserved",
    available: "Available",
    incoming: "Incoming",
    low_marker: "Low",
    threshold: "Threshold",
    no_stock_rows: "No products match these filters.",
    exact_code_match: "Showing the product with exactly this code.",
    supplier: "Supplier",
    note: "Note",
    code_lines: "Products: one SKU or barcode per line, optionally with a quantity",
    code_lines_hint: "Each scan adds one unit; type “CODE 5” for five.",
    receive: "Receive",
    recent_receipts: "Recent receipts",
    goods_receipt: "Goods receipt",
    stock_received: "Stock received.",
    receive_more: "Receive more stock",
    back_to_inventory: "Back to inventory",
    number: "Number",
    date: "Date",
    status: "Status",
    lines: "Lines",
    product_code: "SKU or barcode",
    change: "Change (+ adds, − removes)",
    change_short: "Change",
    reason: "Reason",
    reason_damaged: "Damaged",
    reason_lost: "Lost",
    reason_found: "Found",
    reason_correction: "Correction",
    post_adjustment: "Post adjustment",
    new_transfer: "New transfer",
    transfer: "Transfer",
    from_location: "From",
    to_location: "To",
    create_transfer: "Create transfer",
    send: "Send",
    cancel_transfer: "Cancel transfer",
    sent: "Sent",
    received: "Received",
    created: "Created",
    shortfall_note:
        "Enter what actually arrived. Units sent but not received are booked as lost in transit.",
    no_transfers: "No transfers yet.",
    status_draft: "Draft",
    status_sent: "Sent",
    status_received: "Received",
    status_cancelled: "Cancelled",
    status_open: "Open",
    status_posted: "Posted",
    new_count: "New count",
    stock_count: "Stock count",
    count_scope: "What to count",
    everything: "Everything",
    start_count: "Start count",
    scan_code: "Scan or type a code",
    scan_hint: "Each scan counts one unit; “CODE 5” counts five.",
    add: "Add",
    counted: "Counted",
    expected: "Expected",
    on_hand_now: "On hand now",
    save_counted: "Save counted quantities",
    all_lines: "All lines",
    counted_only: "Counted only",
    differences_only: "Differences",
    differences_to_post: "Differences to post",
    no_differences: "No counted line differs from what is on hand.",
    post_count: "Post count",
    cancel_count: "Cancel count",
    not_counted: "Not counted",
    count_empty_hint: "Lines left empty are not counted and change nothing.",
    count_closed: "This count is closed and can no longer change.",
    no_counts: "No counts yet.",
    no_lines_shown: "No lines to show.",
    low_stock_intro: "Variants whose available stock is at or below their low-stock threshold.",
    default_threshold: "Default low-stock threshold",
    own_threshold: "Own low-stock threshold (empty: each location's default)",
    save_threshold: "Save threshold",
    no_low_stock: "Nothing is low on stock.",
    saved: "Saved.",
    movements: "Movements",
    time: "Time",
    document: "Document",
    staff_member: "Staff member",
    balance: "Balance",
    no_movements: "No movements yet.",
    movement_receipt: "Receipt",
    movement_sale: "Sale",
    movement_return: "Return",
    movement_adjustment: "Adjustment",
    movement_count: "Count",
    movement_transfer_out: "Transfer out",
    movement_transfer_in: "Transfer in",
    movement_transit_loss: "Lost in transit",
    movement_write_off: "Write-off",
    movement_initial: "Opening balance",
    inventory_forbidden: "You can change stock only at the locations of your own stores.",
    choose_location: "Choose a location.",
    whole_number: "Enter a whole number.",
    unknown_code: "No product has this SKU or barcode.",
    times_in_utc: "Times are in UTC.",
    stock_adjusted: "Stock adjusted.",
    no_receipts: "No receipts yet.",
    choose_reason: "Choose a reason.",
    choose_category: "Choose a category.",

    // errors
    not_found_title: "Page not found",
    not_found_body: "The page you are looking for does not exist or has moved.",
    back_to_home: "Back to the home page",
    server_error_title: "Something went wrong",
    server_error_body: "We could not complete your request. Please try again in a moment.",
    too_many_attempts: "Too many attempts. Please wait a few minutes and try again.",
    try_again: "Try again",

    // misc
    close: "Close",
    open: "Open",
    yes: "Yes",
    no: "No",
    loading: "Loading…",
    quantity: "Quantity",
    save: "Save",
    cancel: "Cancel",
    back: "Back",
    remove: "Remove",
    decrease_quantity: "Decrease quantity",
    increase_quantity: "Increase quantity",
    subtotal: "Subtotal",
    total: "Total",
    vat: "VAT",
};

pub(super) fn products_count(n: u64) -> String {
    format!(
        "{} {}",
        count(L, n),
        plural(L, n, "product", "products", "products")
    )
}

pub(super) fn items_count(n: u64) -> String {
    format!("{} {}", count(L, n), plural(L, n, "item", "items", "items"))
}

pub(super) fn available_at_store(n: u64, store: &str) -> String {
    format!("{} available for pickup today at {store}", count(L, n))
}

pub(super) fn pickup_in_days_at_store(store: &str) -> String {
    format!("Pickup in 2–3 days at {store}")
}

pub(super) fn unavailable_at_store(store: &str) -> String {
    format!("Not available at {store}")
}

pub(super) fn in_stock_at_store(store: &str) -> String {
    format!("In stock at {store}")
}

pub(super) fn low_stock(n: u64) -> String {
    format!("Only {} left", count(L, n))
}

pub(super) fn page_of(page: u64, total: u64) -> String {
    format!("Page {} of {}", count(L, page), count(L, total))
}

pub(super) fn image_position(n: u64, total: u64) -> String {
    format!("Image {} of {}", count(L, n), count(L, total))
}

pub(super) fn choose_option(option: &str) -> String {
    format!("Choose {}", lowercase_first(option.trim()))
}

pub(super) fn search_results_for(query: &str) -> String {
    format!("Results for “{}”", query.trim())
}

pub(super) fn return_window_days(days: u64) -> String {
    format!(
        "Returns within {} {}",
        count(L, days),
        plural(L, days, "day", "days", "days")
    )
}

pub(super) fn results_count(n: u64) -> String {
    format!(
        "{} {}",
        count(L, n),
        plural(L, n, "result", "results", "results")
    )
}

pub(super) fn results_count_for(n: u64, query: &str) -> String {
    format!("{} for “{}”", results_count(n), query.trim())
}

pub(super) fn price_under(hi: &str) -> String {
    format!("Under {hi}")
}

pub(super) fn price_over(lo: &str) -> String {
    format!("{lo} and over")
}

pub(super) fn variants_count(n: u64) -> String {
    format!(
        "{} {}",
        count(L, n),
        plural(L, n, "variant", "variants", "variants")
    )
}

pub(super) fn counted_so_far(sku: &str, n: i64) -> String {
    format!("{sku}: {} counted", super::format_number(L, n))
}

pub(super) fn too_many_attempts(minutes: u64) -> String {
    format!(
        "Too many failed attempts. Try again in {} {}.",
        count(L, minutes),
        plural(L, minutes, "minute", "minutes", "minutes")
    )
}
