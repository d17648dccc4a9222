//! Internationalisation: the shop's locales, locale-prefixed addresses, `Accept-Language`
//! negotiation, locale-aware formatting and the translated message catalogue.
//!
//! Pure Rust (std + serde), so the same code runs in the server and in the hydrated wasm bundle.
//!
//! # Overview
//! - [`Locale`]: English (default, no URL prefix), Greek (`/el/...`), Polish (`/pl/...`).
//! - Addresses: [`split_locale_path`], [`localized_path`], [`is_unlocalized_path`].
//! - Choosing a locale: the URL prefix decides on public pages (DESIGN §3.1); staff pages
//!   (`/staff/...`, never prefixed) and shop pages reached without a prefix use the
//!   [`LOCALE_COOKIE`] and then `Accept-Language`, see [`preferred_locale`] and [`negotiate`].
//!   The language switcher's links go through [`SWITCH_PATH`] ([`switch_href`]), which sets
//!   the cookie.
//! - Formatting: [`format_number`], [`format_money`], [`format_percent_bp`], [`format_date`],
//!   [`format_date_numeric`], [`format_time`], plural rules in [`plural_category`] / [`plural`].
//! - Text: [`t`] returns the static [`Messages`] of a locale (every field is a plain
//!   `&'static str`, so a missing translation is a compile error); sentences that embed a
//!   number or a name are functions such as [`products_count`] or [`available_at_store`],
//!   because their grammar differs per language (Polish has three plural forms, Greek and
//!   Polish decline nouns).
//!
//! Greek text is written in sentence case with tonos. If a page shows it in capitals, use CSS
//! `text-transform: uppercase` under `lang="el"` (see [`Locale::html_lang`]): browsers then drop
//! the tonos as Greek typography requires.

mod el;
mod en;
pub mod errors;
mod format;
mod pl;
#[cfg(test)]
mod tests;

pub use format::{
    format_date, format_date_numeric, format_money, format_number, format_percent_bp, format_time,
    plural, plural_category, PluralCategory,
};

/// Name of the cookie that remembers the language picked in the switcher (value: a
/// [`Locale::code`]). Pages without a locale prefix (staff pages, and shop pages reached
/// without one) read it before `Accept-Language`; [`SWITCH_PATH`] sets it.
pub const LOCALE_COOKIE: &str = "stoa_locale";

pub use commerce::locale::{Locale, UnknownLocale};

/// The language switcher's endpoint: `GET /locale?to=el&back=/p/x` sets [`LOCALE_COOKIE`] to
/// `to` and redirects to `back` (a path on this site, without a locale prefix) in that language.
pub const SWITCH_PATH: &str = "/locale";

/// The switcher's link to `back` (a path and query without a locale prefix) in `to`: through
/// [`SWITCH_PATH`], so that the choice is remembered.
pub fn switch_href(to: Locale, back: &str) -> String {
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("to", to.code())
        .append_pair("back", back)
        .finish();
    format!("{SWITCH_PATH}?{query}")
}

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

/// Splits a locale prefix off a request path (the path only, without `?query` or `#fragment`).
///
/// - `"/el/p/x"` → `(Some(El), "/p/x")`; `"/el"` and `"/el/"` → `(Some(El), "/")`
/// - `"/elephant"` → `(None, "/elephant")` (the prefix must be a whole segment)
/// - `"/en/p/x"` → `(None, "/en/p/x")`: English has no prefix, so `/en` is an ordinary path
///   (the router answers 404 for it).
/// - The match is case-sensitive: `"/EL/p"` is not prefixed.
pub fn split_locale_path(path: &str) -> (Option<Locale>, &str) {
    for locale in [Locale::El, Locale::Pl] {
        if let Some(rest) = path.strip_prefix(locale.path_prefix()) {
            if rest.is_empty() {
                return (Some(locale), "/");
            }
            if rest.starts_with('/') {
                return (Some(locale), rest);
            }
        }
    }
    (None, path)
}

/// Whether an address is the same in every language and never takes a locale prefix: staff
/// pages (`/staff...`, which take their locale from [`LOCALE_COOKIE`] / `Accept-Language`),
/// machine endpoints (`/healthz`, `/metrics`, `/webhooks/...`, the switcher's `/locale`) and
/// the site's assets (`/pkg/...`). Matches whole segments only (`/staffing` is an ordinary page).
pub fn is_unlocalized_path(path: &str) -> bool {
    const UNLOCALIZED: [&str; 6] = [
        "/staff",
        "/healthz",
        "/metrics",
        "/webhooks",
        "/pkg",
        SWITCH_PATH,
    ];
    UNLOCALIZED.iter().any(|root| {
        path.strip_prefix(root)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
    })
}

/// The address of `path` in `locale`; use it for every internal link and for the language
/// switcher.
///
/// - `path` may already carry a prefix, which is replaced: `(Pl, "/el/p/x")` → `"/pl/p/x"`,
///   `(En, "/el/p/x")` → `"/p/x"`.
/// - Greek and Polish: `(El, "/p/x")` → `"/el/p/x"`; the home page `(El, "/")` → `"/el"`;
///   a query or fragment is kept: `(El, "/search?q=a")` → `"/el/search?q=a"`,
///   `(El, "/?x=1")` → `"/el?x=1"`.
/// - English: the path without prefix, unchanged otherwise.
/// - Addresses for which [`is_unlocalized_path`] holds (staff pages, machine endpoints),
///   relative paths and absolute/protocol-relative URLs are returned unchanged
///   (after removing a locale prefix, for the former).
pub fn localized_path(locale: Locale, path: &str) -> String {
    if !path.starts_with('/') || path.starts_with("//") {
        return path.to_string();
    }
    let split_at = path.find(['?', '#']).unwrap_or(path.len());
    let (path_part, suffix) = path.split_at(split_at);
    let (_, bare) = split_locale_path(path_part);
    let bare = if bare.is_empty() { "/" } else { bare };
    if locale == Locale::En || is_unlocalized_path(bare) {
        return format!("{bare}{suffix}");
    }
    let prefix = locale.path_prefix();
    if bare == "/" {
        format!("{prefix}{suffix}")
    } else {
        format!("{prefix}{bare}{suffix}")
    }
}

/// The request path `path` as a link to this site: one leading `/` however many `/` or `\`
/// it starts with (`//evil.example/x` would otherwise be a protocol-relative link off-site).
pub fn same_site_path(path: &str) -> String {
    format!("/{}", path.trim_start_matches(['/', '\\']))
}

// ---------------------------------------------------------------------------------------------
// Choosing a locale
// ---------------------------------------------------------------------------------------------

/// Picks the best supported locale for an `Accept-Language` header value (RFC 9110 §12.5.4).
///
/// Entries are `tag[;q=weight]`; the language is the tag's primary subtag (`el-GR` → Greek,
/// case-insensitive). The entry with the highest weight wins, ties go to the earlier entry;
/// `q=0` means "not acceptable". `*` stands for any language not named elsewhere in the
/// header (English first). Entries with an unparsable weight are ignored. When nothing matches
/// (empty header, only unsupported languages, garbage) the result is English.
///
/// Examples: `"el-GR,el;q=0.9,en;q=0.8"` → El, `"pl"` → Pl, `"fr-FR,fr;q=0.9,pl;q=0.5"` → Pl,
/// `"*"` → En, `"en;q=0,*"` → El.
pub fn negotiate(accept_language: &str) -> Locale {
    let entries: Vec<(&str, u16)> = accept_language
        .split(',')
        .filter_map(|entry| {
            let mut parts = entry.split(';');
            let tag = parts.next()?.trim();
            if tag.is_empty() {
                return None;
            }
            let mut q = 1000;
            for param in parts {
                let (name, value) = param.split_once('=')?;
                if name.trim().eq_ignore_ascii_case("q") {
                    q = parse_qvalue(value.trim())?;
                }
            }
            Some((tag, q))
        })
        .collect();

    let primary_locale = |tag: &str| {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        Locale::from_code(primary)
    };
    let mentioned = |l: Locale| {
        entries
            .iter()
            .any(|(tag, _)| primary_locale(tag) == Some(l))
    };

    let mut best: Option<(Locale, u16)> = None;
    for &(tag, q) in &entries {
        if q == 0 {
            continue;
        }
        let candidate = if tag == "*" {
            Locale::ALL.into_iter().find(|l| !mentioned(*l))
        } else {
            primary_locale(tag)
        };
        if let Some(locale) = candidate {
            if best.is_none_or(|(_, best_q)| q > best_q) {
                best = Some((locale, q));
            }
        }
    }
    best.map(|(l, _)| l).unwrap_or_default()
}

/// Parses an RFC 9110 qvalue ("0", "0.5", "1.000") into thousandths; `None` if malformed.
fn parse_qvalue(value: &str) -> Option<u16> {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let frac_value = format!("{frac:0<3}").parse::<u16>().ok()?;
    match int {
        "0" => Some(frac_value),
        "1" if frac_value == 0 => Some(1000),
        _ => None,
    }
}

/// The locale for pages without a locale prefix (staff pages, and shop pages reached without
/// one): the [`LOCALE_COOKIE`] value if it is a supported code, else [`negotiate`] on the
/// `Accept-Language` header, else English.
pub fn preferred_locale(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
    cookie
        .and_then(Locale::from_code)
        .unwrap_or_else(|| accept_language.map(negotiate).unwrap_or_default())
}

// ---------------------------------------------------------------------------------------------
// Message catalogue
// ---------------------------------------------------------------------------------------------

/// Declares [`Messages`] and [`Messages::fields`] from one list, so the two cannot drift apart.
macro_rules! messages {
    ($( $(#[$doc:meta])* $name:ident, )*) => {
        /// Every fixed text of the interface in one language. Get it with [`t`].
        ///
        /// Texts are complete phrases, never fragments to glue together; sentences that embed
        /// numbers or names are functions in this module ([`products_count`], [`page_of`], …).
        /// Buttons and labels are in sentence case; messages are full sentences with a final
        /// full stop.
        #[derive(Debug)]
        pub struct Messages {
            $( $(#[$doc])* pub $name: &'static str, )*
        }

        impl Messages {
            /// Every field as `(field name, text)`, in declaration order (for tests and tools).
            pub fn fields(&self) -> Vec<(&'static str, &'static str)> {
                vec![ $( (stringify!($name), self.$name), )* ]
            }
        }
    };
}

messages! {
    // --- site frame -------------------------------------------------------------------------
    /// The shop's name ("Stoa").
    shop_name,
    /// One-line claim under the logo ("Shop online, pick up in store").
    tagline,
    /// First link of every page, jumps to `<main>` ("Skip to main content").
    skip_to_content,
    /// Placeholder of the search box ("Search products…").
    search_placeholder,
    /// Search submit button ("Search").
    search_button,
    /// Visible/accessible label of the search box ("Search the shop").
    search_label,
    /// Menu button on small screens ("Menu").
    menu,
    /// Label of the language switcher ("Language").
    language,
    /// Cart link ("Cart").
    cart,
    /// Customer account link ("Account").
    account,
    /// Home page link and breadcrumb root ("Home").
    home,
    /// Heading/link of the category list ("Categories").
    categories,
    /// Link to every category ("All categories").
    all_categories,
    /// Home page section of hand-picked products ("Featured").
    featured,
    /// Home page section of the newest products ("New arrivals").
    new_arrivals,
    /// Home page section heading over category tiles ("Shop by category").
    shop_by_category,
    /// Link after a section that opens the full list ("View all").
    view_all,
    /// Footer column heading ("About us").
    footer_about,
    /// Footer paragraph under [`footer_about`](Messages::footer_about).
    footer_about_text,
    /// Footer column heading listing the stores ("Our stores").
    footer_stores,
    /// Footer column heading ("Help").
    footer_help,
    /// One-sentence returns promise in the footer.
    returns_policy_short,
    /// Footer note after "© {year} {shop name}." ("All rights reserved.").
    copyright_note,
    /// `aria-label` of the main `<nav>` ("Main navigation").
    main_navigation,
    /// `aria-label` of the breadcrumb `<nav>` ("Breadcrumb").
    breadcrumb,
    /// Heading of the search page ("Search results").
    search_results,
    /// Search page with no hits (a sentence).
    no_search_results,
    /// Heading of the as-you-type suggestion list ("Suggestions").
    search_suggestions,
    /// Link/button to `/signup` ("Create account").
    create_account,
    /// Link to `/returns` ("Start a return").
    book_return,
    /// Footer/contact link ("Contact").
    contact,
    /// Label before a store's opening hours ("Opening hours").
    opening_hours,

    // --- product ----------------------------------------------------------------------------
    /// Label "Price".
    price,
    /// Note after a price ("incl. VAT").
    vat_included,
    /// Word before the lowest variant price ("from" as in "from €12.00").
    from_price,
    /// Label of the struck-through compare-at price ("Regular price").
    compare_at_price,
    /// Badge for a discounted product ("Sale").
    on_sale,
    /// Option name "Size" (option code `size`).
    size,
    /// Option name "Colour" (option code `colour`).
    colour,
    /// Option name "Material" (option code `material`).
    material,
    /// Label "Variant".
    variant,
    /// Label of the SKU ("SKU").
    sku,
    /// Label of the EAN-13 barcode ("Barcode").
    barcode,
    /// Heading "Availability".
    availability,
    /// Online stock line ("Ships from online stock").
    ships_online,
    /// Online stock line when the warehouse has none ("Out of stock online").
    out_of_stock_online,
    /// Badge "In stock".
    in_stock,
    /// Badge "Out of stock".
    out_of_stock,
    /// Short badge "Pickup today".
    pickup_today,
    /// Short badge when stock must be transferred first ("Pickup in 2–3 days").
    pickup_in_days,
    /// Main product button ("Add to cart").
    add_to_cart,
    /// Confirmation after adding ("Added to your cart").
    added_to_cart,
    /// Product section heading "Description".
    description,
    /// Product section heading "Details".
    details,
    /// Product page section heading ("Related products").
    related_products,
    /// Shown when the chosen options match no variant (a sentence).
    unavailable_combination,
    /// Shown before all options are chosen (a sentence).
    select_variant_hint,
    /// Label of the image gallery ("Images").
    images,
    /// Heading of the per-store list ("Availability in stores").
    store_availability,
    /// Label "Brand".
    brand,
    /// Placeholder option of a `<select>` ("Choose…").
    choose,
    /// Label of the store picker ("Choose a store").
    choose_store,

    // --- category & search listing ----------------------------------------------------------
    /// Label of the sort `<select>` ("Sort by").
    sort_by,
    /// Sort option "Relevance" (search only).
    sort_relevance,
    /// Sort option "Price: low to high".
    sort_price_asc,
    /// Sort option "Price: high to low".
    sort_price_desc,
    /// Sort option "Newest".
    sort_newest,
    /// Heading/button of the facet panel ("Filters").
    filters,
    /// Button applying the facets ("Apply").
    apply_filters,
    /// Link removing all facets ("Clear filters").
    clear_filters,
    /// Empty category (a sentence).
    no_products,
    /// Facets match nothing (a sentence).
    no_products_filtered,
    /// Word "Page".
    page,
    /// Link to the previous page ("Previous").
    previous,
    /// Link to the next page ("Next").
    next,
    /// Heading of the child-category list ("Subcategories").
    subcategories,
    /// `aria-label` of the pagination `<nav>` ("Pagination").
    pagination,
    /// Heading of the search page when no words were typed ("All products").
    search_all_products,
    /// Search facet: products that can be shipped from the online stock ("Ships online").
    ships_online_facet,
    /// Label of the link to the variant whose SKU/barcode is exactly the search text
    /// ("Exact match").
    exact_match,
    /// A results page past the last one (a sentence).
    page_past_end,
    /// Link from a page past the end back to the first page ("Back to the first page").
    back_to_first_page,
    /// Link from a page past the end to the last page of results ("Go to the last page").
    back_to_last_page,
    /// Tag of a category among the search suggestions ("Category").
    category,

    // --- staff ------------------------------------------------------------------------------
    /// Name of the staff part of the site ("Staff area").
    staff_area,
    /// Heading of `/staff/signin` ("Staff sign-in").
    staff_sign_in,
    /// Label of an e-mail field ("Email address").
    email,
    /// Label of a password field ("Password").
    password,
    /// Sign-in button ("Sign in").
    sign_in,
    /// Sign-out button ("Sign out").
    sign_out,
    /// Text before the signed-in person's name/e-mail ("Signed in as").
    signed_in_as,
    /// Sign-in failure (a sentence; deliberately does not say which one was wrong).
    wrong_credentials,
    /// Validation: e-mail missing (a sentence).
    email_required,
    /// Validation: password missing (a sentence).
    password_required,
    /// Staff landing page title and link ("Dashboard").
    staff_home,
    /// Heading of the staff member's stores ("Your stores").
    your_stores,
    /// Label "Role".
    role,
    /// Role `owner`.
    role_owner,
    /// Role `manager`.
    role_manager,
    /// Role `cashier`.
    role_cashier,
    /// `/staff/pos` ("Point of sale").
    pos,
    /// `/staff/orders` ("Orders").
    orders,
    /// `/staff/pickups` ("Pickups").
    pickups,
    /// `/staff/returns` ("Returns desk").
    returns_desk,
    /// `/staff/payment-links` ("Payment links").
    payment_links,
    /// `/staff/inventory` ("Inventory").
    inventory,
    /// `/staff/products` ("Products").
    products,
    /// `/staff/customers` ("Customers").
    customers,
    /// `/staff/reports` ("Reports").
    reports,
    /// `/staff/settings` ("Settings").
    settings,
    /// Title of the 403 page ("Not allowed").
    not_permitted_title,
    /// Body of the 403 page (a sentence).
    not_permitted_body,
    /// Link back to the staff landing page ("Back to the dashboard").
    back_to_staff_home,
    /// Label "Store".
    store,
    /// `aria-label` of the staff `<nav>` ("Staff navigation").
    staff_navigation,
    /// The session ended; sign in again (a sentence).
    session_expired,
    sort_name,
    apply,
    signed_out,
    stores,
    code,
    name,
    address,
    timezone,
    locations,
    kind,
    vat_rates,
    rate,
    staff_accounts,
    active,
    kind_warehouse,
    kind_store,

    // --- staff: inventory ------------------------------------------------------------------
    /// `aria-label` of the inventory sub-navigation ("Inventory sections").
    inventory_sections,
    /// Heading of `/staff/inventory` ("Stock by location").
    stock_by_location,
    /// `/staff/inventory/receive` link and heading ("Receive stock").
    receive_stock,
    /// `/staff/inventory/adjust` link and heading ("Adjust stock").
    adjust_stock,
    /// `/staff/inventory/transfers` link and heading ("Transfers").
    transfers,
    /// `/staff/inventory/counts` link and heading ("Stock counts").
    stock_counts,
    /// `/staff/inventory/low-stock` link and heading ("Low stock").
    low_stock_list,
    /// Label of a stock location field ("Location").
    location,
    /// Filter option: every location ("All locations").
    all_locations,
    /// Stock filter checkbox ("Low stock only").
    low_stock_only,
    /// Label of the stock search box ("Name, SKU or barcode").
    stock_search,
    /// Button applying a filter form ("Show").
    show,
    /// Column/label "Product" ("Product").
    product,
    /// Units physically there ("On hand").
    on_hand,
    /// Units promised to orders and carts ("Reserved").
    reserved,
    /// On hand minus reserved ("Available").
    available,
    /// Units on their way in sent transfers ("Incoming").
    incoming,
    /// Marker of a low stock cell ("Low").
    low_marker,
    /// Column "Threshold" (low stock) ("Threshold").
    threshold,
    /// Stock filters match nothing (a sentence) ("No products match these filters.").
    no_stock_rows,
    /// The stock search was exactly one code (a sentence) ("Showing the product with exactly this code.").
    exact_code_match,
    /// Label "Supplier" ("Supplier").
    supplier,
    /// Label of a free-text note ("Note").
    note,
    /// Label of a text box of codes ("Products: one SKU or barcode per line, optionally with a quantity").
    code_lines,
    /// Hint under the box of codes (a sentence) ("Each scan adds one unit; type “CODE 5” for five.").
    code_lines_hint,
    /// Button booking received stock ("Receive").
    receive,
    /// Heading of the list of receipts ("Recent receipts").
    recent_receipts,
    /// Heading of a receipt document ("Goods receipt").
    goods_receipt,
    /// Confirmation (a sentence) ("Stock received.").
    stock_received,
    /// Link to receive another delivery ("Receive more stock").
    receive_more,
    /// Link back to `/staff/inventory` ("Back to inventory").
    back_to_inventory,
    /// Column "Number" (document number) ("Number").
    number,
    /// Column "Date" ("Date").
    date,
    /// Label "Status" of a document ("Status").
    status,
    /// Column "Lines" (document lines) ("Lines").
    lines,
    /// Label of a single SKU/barcode field ("SKU or barcode").
    product_code,
    /// Label of the signed change of an adjustment ("Change (+ adds, − removes)").
    change,
    /// Column "Change" ("Change").
    change_short,
    /// Label "Reason" ("Reason").
    reason,
    /// Adjustment reason ("Damaged").
    reason_damaged,
    /// Adjustment reason ("Lost").
    reason_lost,
    /// Adjustment reason ("Found").
    reason_found,
    /// Adjustment reason ("Correction").
    reason_correction,
    /// Button posting an adjustment ("Post adjustment").
    post_adjustment,
    /// Heading of the new-transfer form ("New transfer").
    new_transfer,
    /// Word "Transfer" (document) ("Transfer").
    transfer,
    /// Transfer source ("From").
    from_location,
    /// Transfer destination ("To").
    to_location,
    /// Button creating a draft transfer ("Create transfer").
    create_transfer,
    /// Button sending a transfer ("Send").
    send,
    /// Button cancelling a draft transfer ("Cancel transfer").
    cancel_transfer,
    /// Column: units sent ("Sent").
    sent,
    /// Column: units received ("Received").
    received,
    /// Label: when a document was created ("Created").
    created,
    /// Hint of the transfer receive form (sentences) ("Enter what actually arrived. Units sent but not received are booked as lost in transit.").
    shortfall_note,
    /// Empty transfer list (a sentence) ("No transfers yet.").
    no_transfers,
    /// Transfer status ("Draft").
    status_draft,
    /// Transfer status ("Sent").
    status_sent,
    /// Transfer/receipt status ("Received").
    status_received,
    /// Transfer/count status ("Cancelled").
    status_cancelled,
    /// Count status ("Open").
    status_open,
    /// Count status ("Posted").
    status_posted,
    /// Heading of the new-count form ("New count").
    new_count,
    /// Word "Stock count" (document) ("Stock count").
    stock_count,
    /// Label of what a count covers ("What to count").
    count_scope,
    /// Count scope option: every product ("Everything").
    everything,
    /// Button opening a count ("Start count").
    start_count,
    /// Label of the count scan box ("Scan or type a code").
    scan_code,
    /// Hint under the scan box (a sentence) ("Each scan counts one unit; “CODE 5” counts five.").
    scan_hint,
    /// Button "Add" ("Add").
    add,
    /// Column: counted units ("Counted").
    counted,
    /// Column: units expected when the count opened ("Expected").
    expected,
    /// Column: units on hand now ("On hand now").
    on_hand_now,
    /// Button saving counted quantities ("Save counted quantities").
    save_counted,
    /// Count filter ("All lines").
    all_lines,
    /// Count filter ("Counted only").
    counted_only,
    /// Count filter ("Differences").
    differences_only,
    /// Heading of the count review ("Differences to post").
    differences_to_post,
    /// Count review is empty (a sentence) ("No counted line differs from what is on hand.").
    no_differences,
    /// Button posting a count ("Post count").
    post_count,
    /// Button cancelling a count ("Cancel count").
    cancel_count,
    /// A count line not counted yet ("Not counted").
    not_counted,
    /// Hint of the count table (a sentence) ("Lines left empty are not counted and change nothing.").
    count_empty_hint,
    /// A posted or cancelled count (a sentence) ("This count is closed and can no longer change.").
    count_closed,
    /// Empty count list (a sentence) ("No counts yet.").
    no_counts,
    /// A filtered table is empty (a sentence) ("No lines to show.").
    no_lines_shown,
    /// Intro of the low-stock page (a sentence) ("Variants whose available stock is at or below their low-stock threshold.").
    low_stock_intro,
    /// Label of a location's default threshold ("Default low-stock threshold").
    default_threshold,
    /// Label of a variant's own threshold ("Own low-stock threshold (empty: each location's default)").
    own_threshold,
    /// Button saving a threshold ("Save threshold").
    save_threshold,
    /// Low-stock list is empty (a sentence) ("Nothing is low on stock.").
    no_low_stock,
    /// Confirmation (a sentence) ("Saved.").
    saved,
    /// Heading of a variant's ledger ("Movements").
    movements,
    /// Column "Time" ("Time").
    time,
    /// Column "Document" ("Document").
    document,
    /// Column: who did it ("Staff member").
    staff_member,
    /// Column: on hand after a movement ("Balance").
    balance,
    /// Empty ledger (a sentence) ("No movements yet.").
    no_movements,
    /// Movement reason ("Receipt").
    movement_receipt,
    /// Movement reason ("Sale").
    movement_sale,
    /// Movement reason ("Return").
    movement_return,
    /// Movement reason ("Adjustment").
    movement_adjustment,
    /// Movement reason ("Count").
    movement_count,
    /// Movement reason ("Transfer out").
    movement_transfer_out,
    /// Movement reason ("Transfer in").
    movement_transfer_in,
    /// Movement reason ("Lost in transit").
    movement_transit_loss,
    /// Movement reason ("Write-off").
    movement_write_off,
    /// Movement reason ("Opening balance").
    movement_initial,
    /// A manager acted outside their stores (a sentence) ("You can change stock only at the locations of your own stores.").
    inventory_forbidden,
    /// Validation: no location chosen (a sentence) ("Choose a location.").
    choose_location,
    /// Validation: not a whole number (a sentence) ("Enter a whole number.").
    whole_number,
    /// Validation: unknown SKU/barcode (a sentence) ("No product has this SKU or barcode.").
    unknown_code,
    /// Note under tables with times (a sentence) ("Times are in UTC.").
    times_in_utc,
    /// Confirmation (a sentence) ("Stock adjusted.").
    stock_adjusted,
    /// Empty receipt list (a sentence) ("No receipts yet.").
    no_receipts,
    /// Validation: no adjustment reason chosen (a sentence) ("Choose a reason.").
    choose_reason,
    /// Validation: unknown category (a sentence) ("Choose a category.").
    choose_category,

    // --- errors -----------------------------------------------------------------------------
    /// Title of the 404 page ("Page not found").
    not_found_title,
    /// Body of the 404 page (a sentence).
    not_found_body,
    /// Link to the shop's home page ("Back to the home page").
    back_to_home,
    /// Title of the 500 page ("Something went wrong").
    server_error_title,
    /// Body of the 500 page (a sentence).
    server_error_body,
    /// Rate limit hit, e.g. repeated failed sign-ins (a sentence).
    too_many_attempts,
    /// Retry button ("Try again").
    try_again,

    // --- misc -------------------------------------------------------------------------------
    /// Button closing a dialog/menu ("Close").
    close,
    /// Button opening a dialog/menu — the verb ("Open").
    open,
    /// "Yes".
    yes,
    /// "No".
    no,
    /// Busy indicator ("Loading…").
    loading,
    /// Label "Quantity".
    quantity,
    /// Button "Save".
    save,
    /// Button "Cancel".
    cancel,
    /// Link/button "Back".
    back,
    /// Button removing a line ("Remove").
    remove,
    /// Quantity stepper "−" button label ("Decrease quantity").
    decrease_quantity,
    /// Quantity stepper "+" button label ("Increase quantity").
    increase_quantity,
    /// Label "Subtotal".
    subtotal,
    /// Label "Total".
    total,
    /// Label "VAT".
    vat,
}

/// The message catalogue of `locale`.
pub fn t(locale: Locale) -> &'static Messages {
    match locale {
        Locale::En => &en::MESSAGES,
        Locale::El => &el::MESSAGES,
        Locale::Pl => &pl::MESSAGES,
    }
}

/// The translated name of a product option by its code (`size`, `colour`/`color`, `material`);
/// `None` for other codes (their names come from the catalogue's translations).
pub fn option_name(locale: Locale, code: &str) -> Option<&'static str> {
    let m = t(locale);
    match code {
        "size" => Some(m.size),
        "colour" | "color" => Some(m.colour),
        "material" => Some(m.material),
        _ => None,
    }
}

/// The translated name of a staff role by its code (`owner`, `manager`, `cashier`); `None` for
/// unknown codes.
pub fn role_name(locale: Locale, code: &str) -> Option<&'static str> {
    let m = t(locale);
    match code {
        "owner" => Some(m.role_owner),
        "manager" => Some(m.role_manager),
        "cashier" => Some(m.role_cashier),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Sentences with numbers or names
// ---------------------------------------------------------------------------------------------

/// Dispatches a templated sentence to the function of the same name in `en`/`el`/`pl`.
macro_rules! per_locale {
    ($locale:expr, $f:ident ( $($arg:expr),* )) => {
        match $locale {
            Locale::En => en::$f($($arg),*),
            Locale::El => el::$f($($arg),*),
            Locale::Pl => pl::$f($($arg),*),
        }
    };
}

/// Number of products in a listing: "1 product", "12 products"; "1 προϊόν", "12 προϊόντα";
/// "1 produkt", "2 produkty", "5 produktów". The number is formatted with [`format_number`].
pub fn products_count(locale: Locale, n: u64) -> String {
    per_locale!(locale, products_count(n))
}

/// Number of pieces (e.g. cart quantity): "1 item", "3 items"; "1 τεμάχιο", "3 τεμάχια";
/// "1 sztuka", "3 sztuki", "5 sztuk".
pub fn items_count(locale: Locale, n: u64) -> String {
    per_locale!(locale, items_count(n))
}

/// Store stock line on a product page: "3 available for pickup today at Athens";
/// "3 διαθέσιμα για παραλαβή σήμερα στο κατάστημα Αθήνα"; "Do odbioru dziś w sklepie Kraków:
/// 3 szt.". `store` is the store's display name and is inserted as is (never declined).
pub fn available_at_store(locale: Locale, n: u64, store: &str) -> String {
    per_locale!(locale, available_at_store(n, store))
}

/// Store line when the stock has to be transferred first: "Pickup in 2–3 days at Athens".
pub fn pickup_in_days_at_store(locale: Locale, store: &str) -> String {
    per_locale!(locale, pickup_in_days_at_store(store))
}

/// Store line when the product cannot be picked up there: "Not available at Athens".
pub fn unavailable_at_store(locale: Locale, store: &str) -> String {
    per_locale!(locale, unavailable_at_store(store))
}

/// Search facet label: "In stock at Athens".
pub fn in_stock_at_store(locale: Locale, store: &str) -> String {
    per_locale!(locale, in_stock_at_store(store))
}

/// A throttled sign-in: "Too many failed attempts. Try again in 5 minutes."; in Greek and
/// Polish with their plural forms.
pub fn too_many_attempts(locale: Locale, minutes: u64) -> String {
    per_locale!(locale, too_many_attempts(minutes))
}

/// Low-stock badge: "Only 3 left"; "Απομένουν μόνο 3"; "Zostały tylko 3 sztuki".
pub fn low_stock(locale: Locale, n: u64) -> String {
    per_locale!(locale, low_stock(n))
}

/// Number of variants in a stock list: "1 variant", "12 variants"; "1 παραλλαγή",
/// "12 παραλλαγές"; "1 wariant", "2 warianty", "5 wariantów".
pub fn variants_count(locale: Locale, n: u64) -> String {
    per_locale!(locale, variants_count(n))
}

/// What a scan counted so far: "HM-0358: 5 counted"; "HM-0358: καταμετρήθηκαν 5";
/// "HM-0358: policzono 5".
pub fn counted_so_far(locale: Locale, sku: &str, n: i64) -> String {
    per_locale!(locale, counted_so_far(sku, n))
}

/// Pagination status: "Page 2 of 5"; "Σελίδα 2 από 5"; "Strona 2 z 5".
pub fn page_of(locale: Locale, page: u64, total: u64) -> String {
    per_locale!(locale, page_of(page, total))
}

/// Gallery position / image button label: "Image 2 of 5"; "Φωτογραφία 2 από 5"; "Zdjęcie 2 z 5".
pub fn image_position(locale: Locale, n: u64, total: u64) -> String {
    per_locale!(locale, image_position(n, total))
}

/// Prompt of an option `<select>`: "Choose size"; "Επιλέξτε μέγεθος"; "Wybierz rozmiar".
///
/// `option` is the option's display name (e.g. from [`option_name`]); its first letter is
/// lower-cased unless the word is an acronym. Greek and Polish need the accusative case: when
/// the name's accusative may differ from the nominative (Greek masculine nouns in -ς, Polish
/// words in -a such as "wersja"), a neutral "Επιλέξτε: τύπος" / "Wybierz: wersja" is produced
/// instead of a wrong form.
pub fn choose_option(locale: Locale, option: &str) -> String {
    per_locale!(locale, choose_option(option))
}

/// Heading of the search page for a query, with the language's quotation marks:
/// "Results for “lamp”"; "Αποτελέσματα για «λάμπα»"; "Wyniki wyszukiwania dla „lampa”".
pub fn search_results_for(locale: Locale, query: &str) -> String {
    per_locale!(locale, search_results_for(query))
}

/// Number of search results: "1 result", "24 results"; "1 αποτέλεσμα", "24 αποτελέσματα";
/// "1 wynik", "2 wyniki", "5 wyników".
pub fn results_count(locale: Locale, n: u64) -> String {
    per_locale!(locale, results_count(n))
}

/// Heading of the search page: "24 results for “kurtka”"; "24 αποτελέσματα για «παπούτσια»";
/// "24 wyniki dla „kurtka”".
pub fn results_count_for(locale: Locale, n: u64, query: &str) -> String {
    per_locale!(locale, results_count_for(n, query))
}

/// Label of a price band `[min, max)` in minor units (`max` `None`: no upper bound), formatted
/// with [`format_money`]: "Under €25.00", "€25.00 – €50.00", "€500.00 and over".
pub fn price_band(
    locale: Locale,
    min_minor: i64,
    max_minor: Option<i64>,
    currency: &str,
) -> String {
    let lo = format_money(locale, min_minor, currency);
    match max_minor {
        Some(hi) => {
            let hi = format_money(locale, hi, currency);
            if min_minor <= 0 {
                per_locale!(locale, price_under(&hi))
            } else {
                format!("{lo} – {hi}")
            }
        }
        None => per_locale!(locale, price_over(&lo)),
    }
}

/// Return window: "Returns within 30 days"; "Επιστροφή εντός 30 ημερών"; "Zwrot w ciągu 30 dni".
pub fn return_window_days(locale: Locale, days: u64) -> String {
    per_locale!(locale, return_window_days(days))
}

/// Lower-cases the first letter of an option name for use inside a sentence, unless the second
/// letter is upper-case too (an acronym such as "EU size").
fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let rest = chars.as_str();
    if rest.chars().next().is_some_and(char::is_uppercase) {
        return s.to_string();
    }
    first.to_lowercase().chain(rest.chars()).collect()
}

/// A count as shown in sentences: grouped like [`format_number`].
fn count(locale: Locale, n: u64) -> String {
    format::format_unsigned(locale, u128::from(n))
}
