//! Polish texts.
//!
//! Style: informal imperative as Polish shops use it ("Dodaj do koszyka", "Wybierz",
//! "Zaloguj się"), sentence case, full diacritics; products are masculine ("Dostępny").
//! Store names are never declined: sentences put them after "w sklepie" (apposition,
//! nominative), so "w sklepie Kraków" is correct for any name.

use super::{count, lowercase_first, plural, Locale, Messages};

const L: Locale = Locale::Pl;

/// The Polish catalogue.
pub(super) static MESSAGES: Messages = Messages {
    // site frame
    shop_name: "Stoa",
    tagline: "Kupuj online, odbieraj w sklepie",
    skip_to_content: "Przejdź do treści",
    search_placeholder: "Szukaj produktów…",
    search_button: "Szukaj",
    search_label: "Szukaj w sklepie",
    menu: "Menu",
    language: "Język",
    cart: "Koszyk",
    account: "Konto",
    home: "Strona główna",
    categories: "Kategorie",
    all_categories: "Wszystkie kategorie",
    featured: "Polecane",
    new_arrivals: "Nowości",
    shop_by_category: "Przeglądaj kategorie",
    view_all: "Zobacz wszystkie",
    footer_about: "O nas",
    footer_about_text: "Niezależna firma ze sklepami stacjonarnymi w Atenach i Krakowie. \
                        Zamów online i odbierz w sklepie albo wybierz dostawę do domu.",
    footer_stores: "Nasze sklepy",
    footer_help: "Pomoc",
    returns_policy_short: "Zakupy online możesz zwrócić przesyłką lub w dowolnym z naszych \
                           sklepów.",
    copyright_note: "Wszelkie prawa zastrzeżone.",
    main_navigation: "Menu główne",
    breadcrumb: "Ścieżka nawigacyjna",
    search_results: "Wyniki wyszukiwania",
    no_search_results: "Nie znaleźliśmy produktów pasujących do wyszukiwania. Spróbuj wpisać \
                        inne lub krótsze słowo.",
    search_suggestions: "Podpowiedzi",
    create_account: "Załóż konto",
    book_return: "Zgłoś zwrot",
    contact: "Kontakt",
    opening_hours: "Godziny otwarcia",

    // product
    price: "Cena",
    vat_included: "z VAT",
    from_price: "od",
    compare_at_price: "Cena regularna",
    on_sale: "Promocja",
    size: "Rozmiar",
    colour: "Kolor",
    material: "Materiał",
    variant: "Wariant",
    sku: "Kod produktu",
    barcode: "Kod kreskowy",
    availability: "Dostępność",
    ships_online: "Dostępny do wysyłki",
    out_of_stock_online: "Niedostępny do wysyłki",
    in_stock: "Dostępny",
    out_of_stock: "Niedostępny",
    pickup_today: "Odbiór dziś",
    pickup_in_days: "Odbiór w ciągu 2–3 dni",
    add_to_cart: "Dodaj do koszyka",
    added_to_cart: "Dodano do koszyka",
    description: "Opis",
    details: "Szczegóły",
    related_products: "Podobne produkty",
    unavailable_combination: "To połączenie opcji jest niedostępne.",
    select_variant_hint: "Wybierz opcje, aby zobaczyć cenę i dostępność.",
    images: "Zdjęcia",
    store_availability: "Dostępność w sklepach",
    brand: "Marka",
    choose: "Wybierz…",
    choose_store: "Wybierz sklep",

    // category & search listing
    sort_by: "Sortuj według",
    sort_relevance: "Trafność",
    sort_price_asc: "Cena: od najniższej",
    sort_price_desc: "Cena: od najwyższej",
    sort_newest: "Najnowsze",
    filters: "Filtry",
    apply_filters: "Zastosuj",
    clear_filters: "Wyczyść filtry",
    no_products: "W tej kategorii nie ma jeszcze produktów.",
    no_products_filtered: "Żaden produkt nie spełnia wybranych kryteriów.",
    page: "Strona",
    previous: "Poprzednia",
    next: "Następna",
    subcategories: "Podkategorie",
    pagination: "Nawigacja po stronach",
    search_all_products: "Wszystkie produkty",
    ships_online_facet: "Dostępne do wysyłki",
    exact_match: "Dokładne dopasowanie",
    page_past_end: "Na tej stronie nie ma wyników.",
    back_to_first_page: "Wróć do pierwszej strony",
    back_to_last_page: "Przejdź do ostatniej strony",
    category: "Kategoria",

    // staff
    staff_area: "Panel pracownika",
    staff_sign_in: "Logowanie pracowników",
    email: "Adres e-mail",
    password: "Hasło",
    sign_in: "Zaloguj się",
    sign_out: "Wyloguj się",
    signed_in_as: "Zalogowano jako",
    wrong_credentials: "Nieprawidłowy adres e-mail lub hasło.",
    email_required: "Podaj adres e-mail.",
    password_required: "Podaj hasło.",
    staff_home: "Pulpit",
    your_stores: "Twoje sklepy",
    role: "Rola",
    role_owner: "Właściciel",
    role_manager: "Kierownik",
    role_cashier: "Kasjer",
    pos: "Kasa",
    orders: "Zamówienia",
    pickups: "Odbiory w sklepie",
    returns_desk: "Zwroty",
    payment_links: "Linki do płatności",
    inventory: "Stany magazynowe",
    products: "Produkty",
    customers: "Klienci",
    reports: "Raporty",
    settings: "Ustawienia",
    not_permitted_title: "Brak dostępu",
    not_permitted_body: "Twoje uprawnienia nie pozwalają na otwarcie tej strony. Jeśli \
                         potrzebujesz dostępu, skontaktuj się z właścicielem sklepu.",
    back_to_staff_home: "Wróć do pulpitu",
    store: "Sklep",
    staff_navigation: "Menu panelu pracownika",
    session_expired: "Sesja wygasła. Zaloguj się ponownie.",
    sort_name: "Nazwa A–Z",
    apply: "Zastosuj",
    signed_out: "Wylogowano.",
    stores: "Sklepy",
    code: "Kod",
    name: "Nazwa",
    address: "Adres",
    timezone: "Strefa czasowa",
    locations: "Lokalizacje magazynowe",
    kind: "Rodzaj",
    vat_rates: "Stawki VAT",
    rate: "Stawka",
    staff_accounts: "Konta pracowników",
    active: "Aktywne",
    kind_warehouse: "Magazyn",
    kind_store: "Sklep",

    // staff: inventory
    inventory_sections: "Sekcje magazynu",
    stock_by_location: "Stan według lokalizacji",
    receive_stock: "Przyjęcie towaru",
    adjust_stock: "Korekta stanu",
    transfers: "Przesunięcia",
    stock_counts: "Inwentaryzacje",
    low_stock_list: "Niski stan",
    location: "Lokalizacja",
    all_locations: "Wszystkie lokalizacje",
    low_stock_only: "Tylko niski stan",
    stock_search: "Nazwa, kod lub kod kreskowy",
    show: "Pokaż",
    product: "Produkt",
    on_hand: "Na stanie",
    reserved: "Zarezerwowane",
    available: "Dostępne",
    incoming: "W drodze",
    low_marker: "Niski",
    threshold: "Próg",
    no_stock_rows: "Żaden produkt nie pasuje do tych filtrów.",
    exact_code_match: "Pokazano produkt o dokładnie tym kodzie.",
    supplier: "Dostawca",
    note: "Uwagi",
    code_lines: "Produkty: jeden kod lub kod kreskowy w wierszu, opcjonalnie z ilością",
    code_lines_hint: "Każde skanowanie dodaje jedną sztukę; wpisz „KOD 5”, aby dodać pięć.",
    receive: "Przyjmij",
    recent_receipts: "Ostatnie przyjęcia",
    goods_receipt: "Dokument przyjęcia",
    stock_received: "Towar został przyjęty.",
    receive_more: "Przyjmij kolejny towar",
    back_to_inventory: "Powrót do stanów magazynowych",
    number: "Numer",
    date: "Data",
    status: "Status dokumentu",
    lines: "Pozycje",
    product_code: "Kod lub kod kreskowy",
    change: "Zmiana (+ dodaje, − odejmuje)",
    change_short: "Zmiana",
    reason: "Powód",
    reason_damaged: "Uszkodzenie",
    reason_lost: "Zgubienie",
    reason_found: "Znalezienie",
    reason_correction: "Poprawka",
    post_adjustment: "Zapisz korektę",
    new_transfer: "Nowe przesunięcie",
    transfer: "Przesunięcie",
    from_location: "Skąd",
    to_location: "Dokąd",
    create_transfer: "Utwórz przesunięcie",
    send: "Wyślij",
    cancel_transfer: "Anuluj przesunięcie",
    sent: "Wysłano",
    received: "Przyjęto",
    created: "Utworzono",
    shortfall_note: "Wpisz, co faktycznie dotarło. Sztuki wysłane, ale nieprzyjęte, zostaną zaksięgowane jako ubytek w transporcie.",
    no_transfers: "Nie ma jeszcze przesunięć.",
    status_draft: "Szkic",
    status_sent: "Wysłane",
    status_received: "Przyjęte",
    status_cancelled: "Anulowane",
    status_open: "Otwarta",
    status_posted: "Zaksięgowana",
    new_count: "Nowa inwentaryzacja",
    stock_count: "Inwentaryzacja",
    count_scope: "Zakres",
    everything: "Wszystko",
    start_count: "Rozpocznij inwentaryzację",
    scan_code: "Zeskanuj lub wpisz kod",
    scan_hint: "Każde skanowanie liczy jedną sztukę; „KOD 5” liczy pięć.",
    add: "Dodaj",
    counted: "Policzono",
    expected: "Oczekiwano",
    on_hand_now: "Stan obecny",
    save_counted: "Zapisz policzone ilości",
    all_lines: "Wszystkie pozycje",
    counted_only: "Tylko policzone",
    differences_only: "Różnice",
    differences_to_post: "Różnice do zaksięgowania",
    no_differences: "Żadna policzona pozycja nie różni się od stanu.",
    post_count: "Zaksięguj inwentaryzację",
    cancel_count: "Anuluj inwentaryzację",
    not_counted: "Nie policzono",
    count_empty_hint: "Puste pozycje nie są liczone i niczego nie zmieniają.",
    count_closed: "Ta inwentaryzacja jest zamknięta i nie można jej już zmienić.",
    no_counts: "Nie ma jeszcze inwentaryzacji.",
    no_lines_shown: "Brak pozycji do wyświetlenia.",
    low_stock_intro: "Warianty, których dostępny stan jest równy progowi niskiego stanu lub niższy.",
    default_threshold: "Domyślny próg niskiego stanu",
    own_threshold: "Własny próg niskiego stanu (puste: domyślny próg lokalizacji)",
    save_threshold: "Zapisz próg",
    no_low_stock: "Żaden produkt nie ma niskiego stanu.",
    saved: "Zapisano.",
    movements: "Ruchy magazynowe",
    time: "Czas",
    document: "Dokument",
    staff_member: "Pracownik",
    balance: "Saldo",
    no_movements: "Brak ruchów.",
    movement_receipt: "Przyjęcie",
    movement_sale: "Sprzedaż",
    movement_return: "Zwrot",
    movement_adjustment: "Korekta ręczna",
    movement_count: "Inwentaryzacja",
    movement_transfer_out: "Wydanie (przesunięcie)",
    movement_transfer_in: "Przyjęcie (przesunięcie)",
    movement_transit_loss: "Ubytek w transporcie",
    movement_write_off: "Odpis",
    movement_initial: "Stan początkowy",
    inventory_forbidden: "Stan możesz zmieniać tylko w lokalizacjach swoich sklepów.",
    choose_location: "Wybierz lokalizację.",
    whole_number: "Wpisz liczbę całkowitą.",
    unknown_code: "Żaden produkt nie ma takiego kodu ani kodu kreskowego.",
    times_in_utc: "Godziny podano w UTC.",
    stock_adjusted: "Stan został skorygowany.",
    no_receipts: "Nie ma jeszcze przyjęć.",
    choose_reason: "Wybierz powód.",
    choose_category: "Wybierz kategorię.",

    // errors
    not_found_title: "Nie znaleziono strony",
    not_found_body: "Strona, której szukasz, nie istnieje lub została przeniesiona.",
    back_to_home: "Wróć na stronę główną",
    server_error_title: "Coś poszło nie tak",
    server_error_body: "Nie udało się wykonać tej operacji. Spróbuj ponownie za chwilę.",
    too_many_attempts: "Zbyt wiele prób. Odczekaj kilka minut i spróbuj ponownie.",
    try_again: "Spróbuj ponownie",

    // misc
    close: "Zamknij",
    open: "Otwórz",
    yes: "Tak",
    no: "Nie",
    loading: "Ładowanie…",
    quantity: "Ilość",
    save: "Zapisz",
    cancel: "Anuluj",
    back: "Wstecz",
    remove: "Usuń",
    decrease_quantity: "Zmniejsz ilość",
    increase_quantity: "Zwiększ ilość",
    subtotal: "Wartość produktów",
    total: "Razem",
    vat: "VAT",
};

pub(super) fn products_count(n: u64) -> String {
    format!(
        "{} {}",
        count(L, n),
        plural(L, n, "produkt", "produkty", "produktów")
    )
}

pub(super) fn items_count(n: u64) -> String {
    format!(
        "{} {}",
        count(L, n),
        plural(L, n, "sztuka", "sztuki", "sztuk")
    )
}

pub(super) fn available_at_store(n: u64, store: &str) -> String {
    // "szt." avoids agreeing an adjective with the number.
    format!("Do odbioru dziś w sklepie {store}: {} szt.", count(L, n))
}

pub(super) fn pickup_in_days_at_store(store: &str) -> String {
    format!("Odbiór w ciągu 2–3 dni w sklepie {store}")
}

pub(super) fn unavailable_at_store(store: &str) -> String {
    format!("Niedostępny w sklepie {store}")
}

pub(super) fn in_stock_at_store(store: &str) -> String {
    format!("Dostępne w sklepie {store}")
}

pub(super) fn low_stock(n: u64) -> String {
    let n_text = count(L, n);
    match super::plural_category(L, n) {
        super::PluralCategory::One => format!("Została tylko {n_text} sztuka"),
        super::PluralCategory::Few => format!("Zostały tylko {n_text} sztuki"),
        _ => format!("Zostało tylko {n_text} sztuk"),
    }
}

pub(super) fn page_of(page: u64, total: u64) -> String {
    format!("Strona {} z {}", count(L, page), count(L, total))
}

pub(super) fn image_position(n: u64, total: u64) -> String {
    format!("Zdjęcie {} z {}", count(L, n), count(L, total))
}

pub(super) fn choose_option(option: &str) -> String {
    let name = lowercase_first(option.trim());
    // Feminine words in -a change in the accusative (wersja → wersję): avoid declining.
    if name.split_whitespace().any(|w| w.ends_with('a')) {
        format!("Wybierz: {name}")
    } else {
        format!("Wybierz {name}")
    }
}

pub(super) fn search_results_for(query: &str) -> String {
    format!("Wyniki wyszukiwania dla „{}”", query.trim())
}

pub(super) fn return_window_days(days: u64) -> String {
    let unit = plural(L, days, "dnia", "dni", "dni");
    format!("Zwrot w ciągu {} {unit}", count(L, days))
}

pub(super) fn results_count(n: u64) -> String {
    format!(
        "{} {}",
        count(L, n),
        plural(L, n, "wynik", "wyniki", "wyników")
    )
}

pub(super) fn results_count_for(n: u64, query: &str) -> String {
    format!("{} dla „{}”", results_count(n), query.trim())
}

pub(super) fn price_under(hi: &str) -> String {
    format!("Poniżej {hi}")
}

pub(super) fn price_over(lo: &str) -> String {
    format!("{lo} i więcej")
}

pub(super) fn variants_count(n: u64) -> String {
    format!(
        "{} {}",
        count(L, n),
        plural(L, n, "wariant", "warianty", "wariantów")
    )
}

pub(super) fn counted_so_far(sku: &str, n: i64) -> String {
    format!("{sku}: policzono {}", super::format_number(L, n))
}

pub(super) fn too_many_attempts(minutes: u64) -> String {
    format!(
        "Zbyt wiele nieudanych prób. Spróbuj ponownie za {} {}.",
        count(L, minutes),
        plural(L, minutes, "minutę", "minuty", "minut")
    )
}
