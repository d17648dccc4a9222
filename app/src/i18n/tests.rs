use super::*;

const NBSP: char = '\u{a0}';

fn has_greek(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{370}'..='\u{3ff}').contains(&c) || ('\u{1f00}'..='\u{1fff}').contains(&c))
}

#[test]
fn every_field_is_filled_in_every_locale() {
    let names: Vec<_> = t(Locale::En).fields().into_iter().map(|(n, _)| n).collect();
    assert!(
        names.len() > 100,
        "catalogue unexpectedly small: {}",
        names.len()
    );
    for locale in Locale::ALL {
        for (name, text) in t(locale).fields() {
            assert!(!text.trim().is_empty(), "{locale}.{name} is empty");
            assert_eq!(text, text.trim(), "{locale}.{name} has outer whitespace");
            assert!(!text.contains("  "), "{locale}.{name} has a double space");
            assert!(
                !text.contains(['{', '}']),
                "{locale}.{name} has a placeholder"
            );
            assert!(!text.contains("..."), "{locale}.{name}: use … not ...");
        }
    }
}

#[test]
fn greek_is_greek() {
    const LATIN_OK: &[&str] = &["shop_name", "barcode"];
    for (name, text) in t(Locale::El).fields() {
        if LATIN_OK.contains(&name) {
            continue;
        }
        assert!(has_greek(text), "el.{name} has no Greek letters: {text:?}");
        // Greek's own question mark is ';' — none of our texts should use a Latin '?'.
        assert!(!text.contains('?'), "el.{name} uses a Latin question mark");
    }
}

#[test]
fn polish_differs_from_english() {
    const SAME_OK: &[&str] = &["shop_name", "menu", "vat"];
    let en = t(Locale::En).fields();
    for ((name, pl), (_, en)) in t(Locale::Pl).fields().into_iter().zip(en) {
        assert!(!has_greek(pl), "pl.{name} contains Greek");
        if !SAME_OK.contains(&name) {
            assert_ne!(pl, en, "pl.{name} is not translated");
        }
    }
    // Diacritics are really there.
    assert!(t(Locale::Pl).too_many_attempts.contains('ó'));
    assert!(t(Locale::Pl).sign_in.contains('ę'));
}

#[test]
fn greek_differs_from_english_where_expected() {
    assert_eq!(t(Locale::El).barcode, "Barcode");
    assert_eq!(t(Locale::El).shop_name, t(Locale::En).shop_name);
    assert!(t(Locale::El).search_placeholder.contains('ή'));
}

#[test]
fn locale_basics() {
    for l in Locale::ALL {
        assert_eq!(Locale::from_code(l.code()), Some(l));
        assert_eq!(l.code().parse::<Locale>(), Ok(l));
        assert_eq!(l.to_string(), l.code());
        assert_eq!(l.html_lang(), l.code());
    }
    assert_eq!(Locale::from_code(" EL "), Some(Locale::El));
    assert_eq!(Locale::from_code("el-GR"), None);
    assert_eq!(Locale::from_code("de"), None);
    assert_eq!(Locale::default(), Locale::En);
    assert_eq!(Locale::El.native_name(), "Ελληνικά");
    assert_eq!(Locale::Pl.native_name(), "Polski");
    assert_eq!(Locale::En.path_prefix(), "");
    assert_eq!(Locale::Pl.path_prefix(), "/pl");
}

#[test]
fn locale_serde_uses_codes() {
    assert_eq!(serde_json::to_string(&Locale::El).unwrap(), "\"el\"");
    assert_eq!(
        serde_json::from_str::<Locale>("\"pl\"").unwrap(),
        Locale::Pl
    );
}

#[test]
fn split_paths() {
    use Locale::*;
    assert_eq!(split_locale_path("/el/p/x"), (Some(El), "/p/x"));
    assert_eq!(split_locale_path("/pl/c/lamps"), (Some(Pl), "/c/lamps"));
    assert_eq!(split_locale_path("/el"), (Some(El), "/"));
    assert_eq!(split_locale_path("/el/"), (Some(El), "/"));
    assert_eq!(split_locale_path("/elephant"), (None, "/elephant"));
    assert_eq!(split_locale_path("/plates/x"), (None, "/plates/x"));
    assert_eq!(split_locale_path("/en/p/x"), (None, "/en/p/x"));
    assert_eq!(split_locale_path("/en"), (None, "/en"));
    assert_eq!(split_locale_path("/"), (None, "/"));
    assert_eq!(split_locale_path(""), (None, ""));
    assert_eq!(split_locale_path("/EL/p"), (None, "/EL/p"));
}

#[test]
fn localized_paths() {
    use Locale::*;
    assert_eq!(localized_path(El, "/p/x"), "/el/p/x");
    assert_eq!(localized_path(Pl, "/p/x"), "/pl/p/x");
    assert_eq!(localized_path(El, "/"), "/el");
    assert_eq!(localized_path(En, "/"), "/");
    assert_eq!(localized_path(En, "/p/x"), "/p/x");
    assert_eq!(localized_path(Pl, "/el/p/x"), "/pl/p/x");
    assert_eq!(localized_path(En, "/el/p/x"), "/p/x");
    assert_eq!(localized_path(En, "/el"), "/");
    assert_eq!(localized_path(El, "/search?q=lamp"), "/el/search?q=lamp");
    assert_eq!(localized_path(El, "/?x=1"), "/el?x=1");
    assert_eq!(localized_path(Pl, "/el?x=1"), "/pl?x=1");
    assert_eq!(localized_path(El, "/p/x#details"), "/el/p/x#details");
    assert_eq!(localized_path(El, "/staff"), "/staff");
    assert_eq!(localized_path(Pl, "/staff/pos"), "/staff/pos");
    assert_eq!(localized_path(Pl, "/el/staff/pos"), "/staff/pos");
    assert_eq!(localized_path(El, "/staffing"), "/el/staffing");
    assert_eq!(localized_path(El, "/healthz"), "/healthz");
    assert_eq!(localized_path(El, "/webhooks/stripe"), "/webhooks/stripe");
    assert_eq!(
        localized_path(El, "https://example.com/x"),
        "https://example.com/x"
    );
    assert_eq!(
        localized_path(El, "//cdn.example.com/x"),
        "//cdn.example.com/x"
    );
    assert_eq!(localized_path(El, "relative"), "relative");
}

#[test]
fn request_paths_stay_on_this_site() {
    assert_eq!(same_site_path("//evil.example/x"), "/evil.example/x");
    assert_eq!(same_site_path("/\\evil.example"), "/evil.example");
    assert_eq!(same_site_path("/c/shoes"), "/c/shoes");
    assert_eq!(same_site_path(""), "/");
    for l in Locale::ALL {
        let href = localized_path(l, &same_site_path("//evil.example/x"));
        assert!(!href.starts_with("//"), "{href}");
    }
}

#[test]
fn paths_round_trip() {
    let paths = [
        "/",
        "/p/x",
        "/c/lamps",
        "/search",
        "/order/A-1001",
        "/en",
        "/elephant",
        "/pay/t",
    ];
    for locale in Locale::ALL {
        for path in paths {
            let localized = localized_path(locale, path);
            let expected_prefix = (locale != Locale::En).then_some(locale);
            assert_eq!(
                split_locale_path(&localized),
                (expected_prefix, path),
                "{locale} {path}"
            );
            // Idempotent, and switching back and forth is lossless.
            assert_eq!(localized_path(locale, &localized), localized);
            for other in Locale::ALL {
                let switched = localized_path(other, &localized);
                assert_eq!(localized_path(locale, &switched), localized);
            }
        }
    }
    assert!(is_unlocalized_path("/staff/orders?status=new"));
    assert!(!is_unlocalized_path("/p/staff"));
    assert!(is_unlocalized_path("/locale?to=el"));
    assert!(!is_unlocalized_path("/localer"));
}

#[test]
fn switcher_links_go_through_the_switch_endpoint() {
    assert_eq!(switch_href(Locale::El, "/"), "/locale?to=el&back=%2F");
    assert_eq!(
        switch_href(Locale::En, "/p/kurtka?colour=red&size=m"),
        "/locale?to=en&back=%2Fp%2Fkurtka%3Fcolour%3Dred%26size%3Dm"
    );
    assert_eq!(
        switch_href(Locale::Pl, "/search?q=Żółta kurtka"),
        "/locale?to=pl&back=%2Fsearch%3Fq%3D%C5%BB%C3%B3%C5%82ta+kurtka"
    );
}

#[test]
fn negotiation() {
    use Locale::*;
    assert_eq!(negotiate("el-GR,el;q=0.9,en;q=0.8"), El);
    assert_eq!(negotiate("en-US,en;q=0.9,el;q=0.8"), En);
    assert_eq!(negotiate("pl"), Pl);
    assert_eq!(negotiate("PL-pl"), Pl);
    assert_eq!(negotiate("pl_PL"), Pl);
    assert_eq!(negotiate("*"), En);
    assert_eq!(negotiate(""), En);
    assert_eq!(negotiate("garbage;;;,==,q"), En);
    assert_eq!(negotiate("fr-FR,fr;q=0.9,pl;q=0.5"), Pl);
    assert_eq!(negotiate("fr, *;q=0.1"), En);
    assert_eq!(negotiate("en;q=0, *"), El);
    assert_eq!(negotiate("en;q=0,pl;q=0"), En);
    assert_eq!(negotiate("de;q=1.0, el ; q=0.3, pl;q=0.7"), Pl);
    assert_eq!(negotiate("el;q=0.5,pl;q=0.5"), El);
    assert_eq!(negotiate("pl;q=2, el;q=0.1"), El, "q above 1 is invalid");
    assert_eq!(negotiate("pl;q=abc, el;q=0.1"), El);
    assert_eq!(negotiate("en;q=0.1, pl;q=0.95"), Pl);
}

#[test]
fn preferred_locale_order() {
    use Locale::*;
    assert_eq!(preferred_locale(Some("pl"), Some("el")), Pl);
    assert_eq!(preferred_locale(Some("xx"), Some("el")), El);
    assert_eq!(preferred_locale(None, Some("el-GR")), El);
    assert_eq!(preferred_locale(None, None), En);
}

#[test]
fn numbers() {
    use Locale::*;
    assert_eq!(format_number(En, 1_234_567), "1,234,567");
    assert_eq!(format_number(El, 1_234_567), "1.234.567");
    assert_eq!(format_number(Pl, 1_234_567), "1\u{a0}234\u{a0}567");
    assert_eq!(format_number(En, 1234), "1,234");
    assert_eq!(format_number(El, 1234), "1.234");
    assert_eq!(format_number(Pl, 1234), "1234");
    assert_eq!(format_number(Pl, 12_345), format!("12{NBSP}345"));
    assert_eq!(format_number(En, 999), "999");
    assert_eq!(format_number(En, 0), "0");
    assert_eq!(format_number(En, -1234), "-1,234");
    assert_eq!(format_number(Pl, -12_345), format!("-12{NBSP}345"));
    assert_eq!(format_number(En, i64::MIN), "-9,223,372,036,854,775,808");
}

#[test]
fn money() {
    use Locale::*;
    assert_eq!(format_money(En, 1234, "EUR"), "€12.34");
    assert_eq!(format_money(En, 1234, "PLN"), format!("PLN{NBSP}12.34"));
    assert_eq!(format_money(El, 1234, "EUR"), format!("12,34{NBSP}€"));
    assert_eq!(format_money(Pl, 1234, "PLN"), format!("12,34{NBSP}zł"));
    assert_eq!(format_money(Pl, 1234, "EUR"), format!("12,34{NBSP}€"));
    assert_eq!(format_money(El, 1234, "PLN"), format!("12,34{NBSP}PLN"));
    assert_eq!(format_money(Pl, 1234, "pln"), format!("12,34{NBSP}zł"));
    assert_eq!(format_money(En, -500, "EUR"), "-€5.00");
    assert_eq!(format_money(El, -500, "EUR"), format!("-5,00{NBSP}€"));
    assert_eq!(format_money(Pl, -500, "PLN"), format!("-5,00{NBSP}zł"));
    assert_eq!(format_money(En, 5, "EUR"), "€0.05");
    assert_eq!(format_money(En, 0, "EUR"), "€0.00");
    assert_eq!(format_money(En, 123_450, "GBP"), "£1,234.50");
    assert_eq!(format_money(El, 123_450, "EUR"), format!("1.234,50{NBSP}€"));
    assert_eq!(format_money(Pl, 123_450, "PLN"), format!("1234,50{NBSP}zł"));
    assert_eq!(
        format_money(Pl, 1_234_500, "PLN"),
        format!("12{NBSP}345,00{NBSP}zł")
    );
    assert_eq!(format_money(En, 1999, "USD"), format!("US$19.99"));
    assert_eq!(format_money(En, 1500, "JPY"), format!("JPY{NBSP}1,500"));
    assert_eq!(format_money(En, 1500, "CZK"), format!("CZK{NBSP}15.00"));
    assert_eq!(
        format_money(En, i64::MIN, "EUR"),
        "-€92,233,720,368,547,758.08"
    );
}

#[test]
fn percents() {
    use Locale::*;
    for l in Locale::ALL {
        assert_eq!(format_percent_bp(l, 2400), "24%");
        assert_eq!(format_percent_bp(l, 0), "0%");
    }
    assert_eq!(format_percent_bp(En, 550), "5.5%");
    assert_eq!(format_percent_bp(El, 550), "5,5%");
    assert_eq!(format_percent_bp(Pl, 550), "5,5%");
    assert_eq!(format_percent_bp(En, 1), "0.01%");
    assert_eq!(format_percent_bp(En, 12_345), "123.45%");
    assert_eq!(format_percent_bp(En, 1_000_000), "10,000%");
}

#[test]
fn dates() {
    use Locale::*;
    assert_eq!(format_date(En, 2026, 11, 23), "23 November 2026");
    assert_eq!(format_date(El, 2026, 11, 23), "23 Νοεμβρίου 2026");
    assert_eq!(format_date(Pl, 2026, 11, 23), "23 listopada 2026");
    assert_eq!(format_date(El, 2026, 5, 1), "1 Μαΐου 2026");
    assert_eq!(format_date(Pl, 2026, 9, 3), "3 września 2026");
    assert_eq!(format_date(En, 2026, 13, 1), "2026-13-01");
    assert_eq!(format_date(Pl, 2026, 0, 1), "2026-00-01");
    assert_eq!(format_date_numeric(En, 2026, 3, 5), "05/03/2026");
    assert_eq!(format_date_numeric(El, 2026, 3, 5), "5/3/2026");
    assert_eq!(format_date_numeric(Pl, 2026, 3, 5), "5.03.2026");
    assert_eq!(format_date_numeric(Pl, 2026, 11, 23), "23.11.2026");
    assert_eq!(format_time(El, 14, 5), "14:05");
    assert_eq!(format_time(En, 9, 0), "09:00");
}

#[test]
fn plural_rules() {
    use PluralCategory::*;
    let pl = |n| plural_category(Locale::Pl, n);
    assert_eq!(pl(1), One);
    assert_eq!(pl(2), Few);
    assert_eq!(pl(4), Few);
    assert_eq!(pl(5), Many);
    assert_eq!(pl(12), Many);
    assert_eq!(pl(14), Many);
    assert_eq!(pl(22), Few);
    assert_eq!(pl(25), Many);
    assert_eq!(pl(101), Many);
    assert_eq!(pl(112), Many);
    assert_eq!(pl(0), Many);
    assert_eq!(pl(11), Many);
    assert_eq!(pl(21), Many);
    assert_eq!(pl(102), Few);
    for l in [Locale::En, Locale::El] {
        assert_eq!(plural_category(l, 1), One);
        assert_eq!(plural_category(l, 0), Other);
        assert_eq!(plural_category(l, 2), Other);
        assert_eq!(plural_category(l, 21), Other);
    }
    assert_eq!(plural(Locale::Pl, 3, "a", "b", "c"), "b");
    assert_eq!(plural(Locale::En, 3, "a", "b", "c"), "c");
}

#[test]
fn templated_sentences() {
    use Locale::*;
    assert_eq!(products_count(En, 1), "1 product");
    assert_eq!(products_count(En, 12), "12 products");
    assert_eq!(products_count(En, 0), "0 products");
    assert_eq!(products_count(En, 1234), "1,234 products");
    assert_eq!(products_count(El, 1), "1 προϊόν");
    assert_eq!(products_count(El, 12), "12 προϊόντα");
    assert_eq!(products_count(Pl, 1), "1 produkt");
    assert_eq!(products_count(Pl, 2), "2 produkty");
    assert_eq!(products_count(Pl, 5), "5 produktów");
    assert_eq!(products_count(Pl, 22), "22 produkty");
    assert_eq!(products_count(Pl, 112), "112 produktów");
    assert_eq!(products_count(Pl, 12_344), format!("12{NBSP}344 produkty"));

    assert_eq!(items_count(Pl, 1), "1 sztuka");
    assert_eq!(items_count(Pl, 3), "3 sztuki");
    assert_eq!(items_count(Pl, 13), "13 sztuk");
    assert_eq!(items_count(El, 3), "3 τεμάχια");
    assert_eq!(items_count(En, 1), "1 item");

    assert_eq!(
        available_at_store(En, 3, "Athens"),
        "3 available for pickup today at Athens"
    );
    assert_eq!(
        available_at_store(El, 1, "Αθήνα"),
        "1 διαθέσιμο για παραλαβή σήμερα στο κατάστημα Αθήνα"
    );
    assert_eq!(
        available_at_store(El, 3, "Αθήνα"),
        "3 διαθέσιμα για παραλαβή σήμερα στο κατάστημα Αθήνα"
    );
    assert_eq!(
        available_at_store(Pl, 5, "Kraków"),
        "Do odbioru dziś w sklepie Kraków: 5 szt."
    );
    assert_eq!(
        pickup_in_days_at_store(En, "Kraków"),
        "Pickup in 2–3 days at Kraków"
    );
    assert!(unavailable_at_store(Pl, "Kraków").ends_with("Kraków"));
    assert!(in_stock_at_store(El, "Αθήνα").contains("Αθήνα"));

    assert_eq!(low_stock(En, 2), "Only 2 left");
    assert_eq!(low_stock(El, 1), "Απομένει μόνο 1");
    assert_eq!(low_stock(El, 3), "Απομένουν μόνο 3");
    assert_eq!(low_stock(Pl, 1), "Została tylko 1 sztuka");
    assert_eq!(low_stock(Pl, 3), "Zostały tylko 3 sztuki");
    assert_eq!(low_stock(Pl, 5), "Zostało tylko 5 sztuk");

    assert_eq!(page_of(En, 2, 5), "Page 2 of 5");
    assert_eq!(page_of(El, 2, 5), "Σελίδα 2 από 5");
    assert_eq!(page_of(Pl, 2, 5), "Strona 2 z 5");
    assert_eq!(image_position(Pl, 1, 4), "Zdjęcie 1 z 4");

    assert_eq!(choose_option(En, "Size"), "Choose size");
    assert_eq!(choose_option(En, "EU size"), "Choose EU size");
    assert_eq!(choose_option(El, "Μέγεθος"), "Επιλέξτε μέγεθος");
    assert_eq!(choose_option(El, "Χρώμα"), "Επιλέξτε χρώμα");
    assert_eq!(choose_option(El, "Τύπος"), "Επιλέξτε: τύπος");
    assert_eq!(choose_option(Pl, "Rozmiar"), "Wybierz rozmiar");
    assert_eq!(choose_option(Pl, "Kolor"), "Wybierz kolor");
    assert_eq!(choose_option(Pl, "Wersja"), "Wybierz: wersja");
    for l in Locale::ALL {
        for code in ["size", "colour", "material"] {
            assert!(
                !choose_option(l, option_name(l, code).unwrap()).contains(':'),
                "{l} {code}"
            );
        }
    }

    assert_eq!(search_results_for(En, " lamp "), "Results for “lamp”");
    assert_eq!(search_results_for(El, "λάμπα"), "Αποτελέσματα για «λάμπα»");
    assert_eq!(
        search_results_for(Pl, "lampa"),
        "Wyniki wyszukiwania dla „lampa”"
    );

    assert_eq!(return_window_days(En, 30), "Returns within 30 days");
    assert_eq!(return_window_days(En, 1), "Returns within 1 day");
    assert_eq!(return_window_days(El, 14), "Επιστροφή εντός 14 ημερών");
    assert_eq!(return_window_days(El, 1), "Επιστροφή εντός 1 ημέρας");
    assert_eq!(return_window_days(Pl, 30), "Zwrot w ciągu 30 dni");
    assert_eq!(return_window_days(Pl, 1), "Zwrot w ciągu 1 dnia");
}

#[test]
fn lookups_by_code() {
    assert_eq!(option_name(Locale::Pl, "colour"), Some("Kolor"));
    assert_eq!(option_name(Locale::El, "color"), Some("Χρώμα"));
    assert_eq!(option_name(Locale::En, "fit"), None);
    assert_eq!(role_name(Locale::El, "cashier"), Some("Ταμίας"));
    assert_eq!(role_name(Locale::Pl, "owner"), Some("Właściciel"));
    assert_eq!(role_name(Locale::En, "admin"), None);
}
