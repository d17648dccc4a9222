//! Greek texts.
//!
//! Style: polite plural for instructions ("Επιλέξτε", "Συμπληρώστε"), nouns for buttons
//! ("Προσθήκη στο καλάθι", "Σύνδεση"), sentence case with tonos; products are neuter
//! ("Διαθέσιμο", "Εξαντλημένο"). Loanwords a Greek shop actually uses stay in Latin script
//! ("online", "email", "courier", "Barcode").

use super::{count, lowercase_first, plural, Locale, Messages};

const L: Locale = Locale::El;

/// The Greek catalogue.
pub(super) static MESSAGES: Messages = Messages {
    // site frame
    shop_name: "Stoa",
    tagline: "Ψωνίστε online, παραλάβετε από το κατάστημα",
    skip_to_content: "Μετάβαση στο κύριο περιεχόμενο",
    search_placeholder: "Αναζήτηση προϊόντων…",
    search_button: "Αναζήτηση",
    search_label: "Αναζήτηση στο κατάστημα",
    menu: "Μενού",
    language: "Γλώσσα",
    cart: "Καλάθι",
    account: "Λογαριασμός",
    home: "Αρχική",
    categories: "Κατηγορίες",
    all_categories: "Όλες οι κατηγορίες",
    featured: "Προτεινόμενα",
    new_arrivals: "Νέες αφίξεις",
    shop_by_category: "Ψωνίστε ανά κατηγορία",
    view_all: "Προβολή όλων",
    footer_about: "Σχετικά με εμάς",
    footer_about_text: "Ανεξάρτητη επιχείρηση με καταστήματα στην Αθήνα και στην Κρακοβία. \
                        Παραγγείλτε online και παραλάβετε από το κατάστημα ή επιλέξτε αποστολή \
                        στο σπίτι σας.",
    footer_stores: "Τα καταστήματά μας",
    footer_help: "Βοήθεια",
    returns_policy_short: "Μπορείτε να επιστρέψετε τις online αγορές σας με courier ή σε \
                           οποιοδήποτε από τα καταστήματά μας.",
    copyright_note: "Με επιφύλαξη παντός δικαιώματος.",
    main_navigation: "Κύριο μενού",
    breadcrumb: "Διαδρομή πλοήγησης",
    search_results: "Αποτελέσματα αναζήτησης",
    no_search_results: "Δεν βρέθηκαν προϊόντα για την αναζήτησή σας. Δοκιμάστε μια διαφορετική \
                        ή πιο σύντομη λέξη.",
    search_suggestions: "Προτάσεις",
    create_account: "Δημιουργία λογαριασμού",
    book_return: "Αίτημα επιστροφής",
    contact: "Επικοινωνία",
    opening_hours: "Ωράριο λειτουργίας",

    // product
    price: "Τιμή",
    vat_included: "με ΦΠΑ",
    from_price: "από",
    compare_at_price: "Αρχική τιμή",
    on_sale: "Προσφορά",
    size: "Μέγεθος",
    colour: "Χρώμα",
    material: "Υλικό",
    variant: "Παραλλαγή",
    sku: "Κωδικός προϊόντος",
    barcode: "Barcode",
    availability: "Διαθεσιμότητα",
    ships_online: "Διαθέσιμο για αποστολή",
    out_of_stock_online: "Μη διαθέσιμο για αποστολή",
    in_stock: "Διαθέσιμο",
    out_of_stock: "Εξαντλημένο",
    pickup_today: "Παραλαβή σήμερα",
    pickup_in_days: "Παραλαβή σε 2–3 ημέρες",
    add_to_cart: "Προσθήκη στο καλάθι",
    added_to_cart: "Προστέθηκε στο καλάθι σας",
    description: "Περιγραφή",
    details: "Χαρακτηριστικά",
    related_products: "Σχετικά προϊόντα",
    unavailable_combination: "Αυτός ο συνδυασμός δεν είναι διαθέσιμος.",
    select_variant_hint: "Κάντε τις επιλογές σας για να δείτε την τιμή και τη διαθεσιμότητα.",
    images: "Φωτογραφίες",
    store_availability: "Διαθεσιμότητα στα καταστήματα",
    brand: "Μάρκα",
    choose: "Επιλέξτε…",
    choose_store: "Επιλέξτε κατάστημα",

    // category & search listing
    sort_by: "Ταξινόμηση",
    sort_relevance: "Συνάφεια",
    sort_price_asc: "Τιμή: από χαμηλή σε υψηλή",
    sort_price_desc: "Τιμή: από υψηλή σε χαμηλή",
    sort_newest: "Νεότερα",
    filters: "Φίλτρα",
    apply_filters: "Εφαρμογή",
    clear_filters: "Καθαρισμός φίλτρων",
    no_products: "Δεν υπάρχουν ακόμη προϊόντα σε αυτή την κατηγορία.",
    no_products_filtered: "Κανένα προϊόν δεν ταιριάζει με αυτά τα φίλτρα.",
    page: "Σελίδα",
    previous: "Προηγούμενη",
    next: "Επόμενη",
    subcategories: "Υποκατηγορίες",
    pagination: "Σελιδοποίηση",
    search_all_products: "Όλα τα προϊόντα",
    ships_online_facet: "Διαθέσιμο για αποστολή",
    exact_match: "Ακριβής αντιστοίχιση",
    page_past_end: "Δεν υπάρχουν αποτελέσματα σε αυτή τη σελίδα.",
    back_to_first_page: "Επιστροφή στην πρώτη σελίδα",
    back_to_last_page: "Μετάβαση στην τελευταία σελίδα",
    category: "Κατηγορία",

    // staff
    staff_area: "Χώρος προσωπικού",
    staff_sign_in: "Σύνδεση προσωπικού",
    email: "Διεύθυνση email",
    password: "Κωδικός πρόσβασης",
    sign_in: "Σύνδεση",
    sign_out: "Αποσύνδεση",
    signed_in_as: "Έχετε συνδεθεί ως",
    wrong_credentials: "Λάθος διεύθυνση email ή κωδικός πρόσβασης.",
    email_required: "Συμπληρώστε τη διεύθυνση email σας.",
    password_required: "Συμπληρώστε τον κωδικό πρόσβασής σας.",
    staff_home: "Πίνακας ελέγχου",
    your_stores: "Τα καταστήματά σας",
    role: "Ρόλος",
    role_owner: "Ιδιοκτήτης",
    role_manager: "Υπεύθυνος καταστήματος",
    role_cashier: "Ταμίας",
    pos: "Ταμείο",
    orders: "Παραγγελίες",
    pickups: "Παραλαβές",
    returns_desk: "Επιστροφές",
    payment_links: "Σύνδεσμοι πληρωμής",
    inventory: "Αποθέματα",
    products: "Προϊόντα",
    customers: "Πελάτες",
    reports: "Αναφορές",
    settings: "Ρυθμίσεις",
    not_permitted_title: "Δεν επιτρέπεται",
    not_permitted_body: "Ο ρόλος σας δεν σας δίνει πρόσβαση σε αυτή τη σελίδα. Αν τη \
                         χρειάζεστε, απευθυνθείτε στον ιδιοκτήτη του καταστήματος.",
    back_to_staff_home: "Επιστροφή στον πίνακα ελέγχου",
    store: "Κατάστημα",
    staff_navigation: "Μενού προσωπικού",
    session_expired: "Η σύνδεσή σας έληξε. Συνδεθείτε ξανά.",
    sort_name: "Όνομα Α–Ω",
    apply: "Εφαρμογή",
    signed_out: "Αποσυνδεθήκατε.",
    stores: "Καταστήματα",
    code: "Κωδικός",
    name: "Όνομα",
    address: "Διεύθυνση",
    timezone: "Ζώνη ώρας",
    locations: "Αποθηκευτικοί χώροι",
    kind: "Τύπος",
    vat_rates: "Συντελεστές ΦΠΑ",
    rate: "Συντελεστής",
    staff_accounts: "Λογαριασμοί προσωπικού",
    active: "Ενεργός",
    kind_warehouse: "Αποθήκη",
    kind_store: "Κατάστημα",

    // staff: inventory
    inventory_sections: "Ενότητες αποθεμάτων",
    stock_by_location: "Απόθεμα ανά χώρο",
    receive_stock: "Παραλαβή εμπορευμάτων",
    adjust_stock: "Διόρθωση αποθέματος",
    transfers: "Μεταφορές",
    stock_counts: "Απογραφές",
    low_stock_list: "Χαμηλό απόθεμα",
    location: "Χώρος αποθέματος",
    all_locations: "Όλοι οι χώροι",
    low_stock_only: "Μόνο χαμηλό απόθεμα",
    stock_search: "Όνομα, κωδικός ή barcode",
    show: "Εμφάνιση",
    product: "Προϊόν",
    on_hand: "Φυσικό απόθεμα",
    reserved: "Δεσμευμένα",
    available: "Διαθέσιμα",
    incoming: "Αναμένονται",
    low_marker: "Χαμηλό",
    threshold: "Όριο",
    no_stock_rows: "Κανένα προϊόν δεν ταιριάζει με αυτά τα φίλτρα.",
    exact_code_match: "Εμφανίζεται το προϊόν με ακριβώς αυτόν τον κωδικό.",
    supplier: "Προμηθευτής",
    note: "Σημείωση",
    code_lines: "Προϊόντα: ένας κωδικός ή barcode ανά γραμμή, προαιρετικά με ποσότητα",
    code_lines_hint: "Κάθε σάρωση προσθέτει ένα τεμάχιο· γράψτε «ΚΩΔΙΚΟΣ 5» για πέντε.",
    receive: "Παραλαβή",
    recent_receipts: "Πρόσφατες παραλαβές",
    goods_receipt: "Δελτίο παραλαβής",
    stock_received: "Το απόθεμα παραλήφθηκε.",
    receive_more: "Νέα παραλαβή",
    back_to_inventory: "Πίσω στα αποθέματα",
    number: "Αριθμός",
    date: "Ημερομηνία",
    status: "Κατάσταση",
    lines: "Γραμμές",
    product_code: "Κωδικός ή barcode",
    change: "Μεταβολή (+ προσθέτει, − αφαιρεί)",
    change_short: "Μεταβολή",
    reason: "Αιτία",
    reason_damaged: "Φθορά",
    reason_lost: "Απώλεια",
    reason_found: "Εύρεση",
    reason_correction: "Διόρθωση",
    post_adjustment: "Καταχώριση διόρθωσης",
    new_transfer: "Νέα μεταφορά",
    transfer: "Μεταφορά",
    from_location: "Από",
    to_location: "Προς",
    create_transfer: "Δημιουργία μεταφοράς",
    send: "Αποστολή",
    cancel_transfer: "Ακύρωση μεταφοράς",
    sent: "Στάλθηκαν",
    received: "Παραλήφθηκαν",
    created: "Δημιουργήθηκε",
    shortfall_note: "Συμπληρώστε ό,τι έφτασε πραγματικά. Όσα στάλθηκαν αλλά δεν παραλήφθηκαν καταγράφονται ως απώλεια κατά τη μεταφορά.",
    no_transfers: "Δεν υπάρχουν ακόμη μεταφορές.",
    status_draft: "Πρόχειρη",
    status_sent: "Απεστάλη",
    status_received: "Παραλήφθηκε",
    status_cancelled: "Ακυρώθηκε",
    status_open: "Ανοιχτή",
    status_posted: "Καταχωρίστηκε",
    new_count: "Νέα απογραφή",
    stock_count: "Απογραφή",
    count_scope: "Τι θα καταμετρηθεί",
    everything: "Όλα τα προϊόντα",
    start_count: "Έναρξη απογραφής",
    scan_code: "Σαρώστε ή πληκτρολογήστε κωδικό",
    scan_hint: "Κάθε σάρωση μετρά ένα τεμάχιο· «ΚΩΔΙΚΟΣ 5» μετρά πέντε.",
    add: "Προσθήκη",
    counted: "Καταμετρήθηκαν",
    expected: "Αναμενόμενα",
    on_hand_now: "Απόθεμα τώρα",
    save_counted: "Αποθήκευση ποσοτήτων",
    all_lines: "Όλες οι γραμμές",
    counted_only: "Μόνο καταμετρημένες",
    differences_only: "Διαφορές",
    differences_to_post: "Διαφορές προς καταχώριση",
    no_differences: "Καμία καταμετρημένη γραμμή δεν διαφέρει από το απόθεμα.",
    post_count: "Καταχώριση απογραφής",
    cancel_count: "Ακύρωση απογραφής",
    not_counted: "Δεν καταμετρήθηκε",
    count_empty_hint: "Οι κενές γραμμές δεν καταμετρώνται και δεν αλλάζουν τίποτα.",
    count_closed: "Η απογραφή έχει κλείσει και δεν αλλάζει πλέον.",
    no_counts: "Δεν υπάρχουν ακόμη απογραφές.",
    no_lines_shown: "Δεν υπάρχουν γραμμές για εμφάνιση.",
    low_stock_intro: "Παραλλαγές με διαθέσιμο απόθεμα ίσο ή μικρότερο από το όριο χαμηλού αποθέματος.",
    default_threshold: "Προεπιλεγμένο όριο χαμηλού αποθέματος",
    own_threshold: "Δικό του όριο χαμηλού αποθέματος (κενό: το όριο κάθε χώρου)",
    save_threshold: "Αποθήκευση ορίου",
    no_low_stock: "Κανένα προϊόν δεν έχει χαμηλό απόθεμα.",
    saved: "Αποθηκεύτηκε.",
    movements: "Κινήσεις",
    time: "Ώρα",
    document: "Έγγραφο",
    staff_member: "Υπάλληλος",
    balance: "Υπόλοιπο",
    no_movements: "Δεν υπάρχουν ακόμη κινήσεις.",
    movement_receipt: "Παραλαβή",
    movement_sale: "Πώληση",
    movement_return: "Επιστροφή",
    movement_adjustment: "Προσαρμογή",
    movement_count: "Απογραφή",
    movement_transfer_out: "Εξερχόμενη μεταφορά",
    movement_transfer_in: "Εισερχόμενη μεταφορά",
    movement_transit_loss: "Απώλεια κατά τη μεταφορά",
    movement_write_off: "Διαγραφή",
    movement_initial: "Αρχικό υπόλοιπο",
    inventory_forbidden: "Μπορείτε να αλλάζετε απόθεμα μόνο στους χώρους των καταστημάτων σας.",
    choose_location: "Επιλέξτε χώρο αποθέματος.",
    whole_number: "Εισαγάγετε ακέραιο αριθμό.",
    unknown_code: "Κανένα προϊόν δεν έχει αυτόν τον κωδικό ή barcode.",
    times_in_utc: "Οι ώρες είναι σε UTC.",
    stock_adjusted: "Το απόθεμα διορθώθηκε.",
    no_receipts: "Δεν υπάρχουν ακόμη παραλαβές.",
    choose_reason: "Επιλέξτε αιτία.",
    choose_category: "Επιλέξτε κατηγορία.",

    // errors
    not_found_title: "Η σελίδα δεν βρέθηκε",
    not_found_body: "Η σελίδα που αναζητάτε δεν υπάρχει ή έχει μετακινηθεί.",
    back_to_home: "Επιστροφή στην αρχική σελίδα",
    server_error_title: "Κάτι πήγε στραβά",
    server_error_body: "Δεν ήταν δυνατή η ολοκλήρωση του αιτήματός σας. Δοκιμάστε ξανά σε λίγο.",
    too_many_attempts: "Πάρα πολλές προσπάθειες. Περιμένετε λίγα λεπτά και δοκιμάστε ξανά.",
    try_again: "Δοκιμάστε ξανά",

    // misc
    close: "Κλείσιμο",
    open: "Άνοιγμα",
    yes: "Ναι",
    no: "Όχι",
    loading: "Φόρτωση…",
    quantity: "Ποσότητα",
    save: "Αποθήκευση",
    cancel: "Ακύρωση",
    back: "Πίσω",
    remove: "Αφαίρεση",
    decrease_quantity: "Μείωση ποσότητας",
    increase_quantity: "Αύξηση ποσότητας",
    subtotal: "Υποσύνολο",
    total: "Σύνολο",
    vat: "ΦΠΑ",
};

pub(super) fn products_count(n: u64) -> String {
    format!(
        "{} {}",
        count(L, n),
        plural(L, n, "προϊόν", "προϊόντα", "προϊόντα")
    )
}

pub(super) fn items_count(n: u64) -> String {
    format!(
        "{} {}",
        count(L, n),
        plural(L, n, "τεμάχιο", "τεμάχια", "τεμάχια")
    )
}

pub(super) fn available_at_store(n: u64, store: &str) -> String {
    let available = plural(L, n, "διαθέσιμο", "διαθέσιμα", "διαθέσιμα");
    format!(
        "{} {available} για παραλαβή σήμερα στο κατάστημα {store}",
        count(L, n)
    )
}

pub(super) fn pickup_in_days_at_store(store: &str) -> String {
    format!("Παραλαβή σε 2–3 ημέρες από το κατάστημα {store}")
}

pub(super) fn unavailable_at_store(store: &str) -> String {
    format!("Μη διαθέσιμο στο κατάστημα {store}")
}

pub(super) fn in_stock_at_store(store: &str) -> String {
    format!("Διαθέσιμο στο κατάστημα {store}")
}

pub(super) fn low_stock(n: u64) -> String {
    let remain = plural(L, n, "Απομένει", "Απομένουν", "Απομένουν");
    format!("{remain} μόνο {}", count(L, n))
}

pub(super) fn page_of(page: u64, total: u64) -> String {
    format!("Σελίδα {} από {}", count(L, page), count(L, total))
}

pub(super) fn image_position(n: u64, total: u64) -> String {
    format!("Φωτογραφία {} από {}", count(L, n), count(L, total))
}

/// Neuter nouns in -ος whose accusative equals the nominative (safe after "Επιλέξτε").
const NEUTER_IN_OS: [&str; 8] = [
    "μέγεθος",
    "μήκος",
    "πλάτος",
    "ύψος",
    "βάρος",
    "πάχος",
    "βάθος",
    "είδος",
];

pub(super) fn choose_option(option: &str) -> String {
    let name = lowercase_first(option.trim());
    // Masculine/feminine words in -ς change in the accusative (τύπος → τύπο): avoid declining.
    let needs_case = name
        .split_whitespace()
        .any(|w| w.ends_with('ς') && !NEUTER_IN_OS.contains(&w));
    if needs_case {
        format!("Επιλέξτε: {name}")
    } else {
        format!("Επιλέξτε {name}")
    }
}

pub(super) fn search_results_for(query: &str) -> String {
    format!("Αποτελέσματα για «{}»", query.trim())
}

pub(super) fn return_window_days(days: u64) -> String {
    let unit = plural(L, days, "ημέρας", "ημερών", "ημερών");
    format!("Επιστροφή εντός {} {unit}", count(L, days))
}

pub(super) fn results_count(n: u64) -> String {
    format!(
        "{} {}",
        count(L, n),
        plural(L, n, "αποτέλεσμα", "αποτελέσματα", "αποτελέσματα")
    )
}

pub(super) fn results_count_for(n: u64, query: &str) -> String {
    format!("{} για «{}»", results_count(n), query.trim())
}

pub(super) fn price_under(hi: &str) -> String {
    format!("Κάτω από {hi}")
}

pub(super) fn price_over(lo: &str) -> String {
    format!("{lo} και άνω")
}

pub(super) fn variants_count(n: u64) -> String {
    format!(
        "{} {}",
        count(L, n),
        plural(L, n, "παραλλαγή", "παραλλαγές", "παραλλαγές")
    )
}

pub(super) fn counted_so_far(sku: &str, n: i64) -> String {
    format!("{sku}: καταμετρήθηκαν {}", super::format_number(L, n))
}

pub(super) fn too_many_attempts(minutes: u64) -> String {
    format!(
        "Πάρα πολλές αποτυχημένες προσπάθειες. Δοκιμάστε ξανά σε {} {}.",
        count(L, minutes),
        plural(L, minutes, "λεπτό", "λεπτά", "λεπτά")
    )
}
