//! Error codes in words: every [`Problem`], [`Conflict`] and [`Shortage`] from `commerce`, and
//! the labels of the stored enums they mention, in each language.
//!
//! Every `match` here is exhaustive, so a new code or status in `commerce` does not compile
//! until each language words it.

use commerce::{
    entity::enums::{
        AdjustmentReason, CountStatus, MovementReason, OrderStatus, PaymentLinkStatus,
        ReturnStatus, ShiftStatus, TransferStatus,
    },
    error::{Conflict, Problem, Shortage, Transition},
};

use super::{format_number, plural, t, Locale, Messages};

/// One text per language.
fn pick<T>(l: Locale, en: T, el: T, pl: T) -> T {
    match l {
        Locale::En => en,
        Locale::El => el,
        Locale::Pl => pl,
    }
}

fn n(l: Locale, v: i64) -> String {
    format_number(l, v)
}

/// "N characters" after "at most"/"at least", with the right plural.
fn characters(l: Locale, v: u64) -> String {
    let num = n(l, v as i64);
    match l {
        Locale::En => format!(
            "{num} {}",
            plural(l, v, "character", "characters", "characters")
        ),
        Locale::El => format!(
            "{num} {}",
            plural(l, v, "χαρακτήρα", "χαρακτήρες", "χαρακτήρες")
        ),
        Locale::Pl => format!("{num} {}", plural(l, v, "znak", "znaki", "znaków")),
    }
}

/// What is wrong with an input, as a sentence for next to its field.
pub fn problem(l: Locale, p: &Problem) -> String {
    let m = t(l);
    match p {
        Problem::Required => pick(
            l,
            "Fill in this field.",
            "Συμπληρώστε αυτό το πεδίο.",
            "Wypełnij to pole.",
        )
        .to_owned(),
        Problem::ChooseOne => pick(
            l,
            "Choose one of the options.",
            "Επιλέξτε μία από τις επιλογές.",
            "Wybierz jedną z opcji.",
        )
        .to_owned(),
        Problem::NotAWholeNumber => m.whole_number.to_owned(),
        Problem::OutOfRange { min, max } => {
            let (min, max) = (n(l, *min), n(l, *max));
            pick(
                l,
                format!("Enter a number from {min} to {max}."),
                format!("Εισαγάγετε έναν αριθμό από {min} έως {max}."),
                format!("Wpisz liczbę od {min} do {max}."),
            )
        }
        Problem::TooLong { max } => {
            let c = characters(l, *max);
            pick(
                l,
                format!("Use at most {c}."),
                format!("Χρησιμοποιήστε το πολύ {c}."),
                format!("Użyj najwyżej {c}."),
            )
        }
        Problem::TooShort { min } => {
            let c = characters(l, *min);
            pick(
                l,
                format!("Use at least {c}."),
                format!("Χρησιμοποιήστε τουλάχιστον {c}."),
                format!("Użyj co najmniej {c}."),
            )
        }
        Problem::InvalidChar { ch } => pick(
            l,
            format!("“{ch}” is not allowed here."),
            format!("Ο χαρακτήρας «{ch}» δεν επιτρέπεται εδώ."),
            format!("Znak „{ch}” jest tu niedozwolony."),
        ),
        Problem::NotAnEmail => pick(
            l,
            "Enter an e-mail address such as name@example.com.",
            "Εισαγάγετε μια διεύθυνση email, π.χ. name@example.com.",
            "Wpisz adres e-mail, np. name@example.com.",
        )
        .to_owned(),
        Problem::BadHyphen => pick(
            l,
            "It cannot start or end with “-” or contain “--”.",
            "Δεν μπορεί να αρχίζει ή να τελειώνει με «-» ούτε να περιέχει «--».",
            "Nie może zaczynać się ani kończyć znakiem „-” ani zawierać „--”.",
        )
        .to_owned(),
        Problem::BarcodeLength { expected } => {
            let d = n(l, *expected as i64);
            pick(
                l,
                format!("A barcode has {d} digits."),
                format!("Ένας γραμμωτός κώδικας έχει {d} ψηφία."),
                format!("Kod kreskowy ma {d} cyfr."),
            )
        }
        Problem::BarcodeCheckDigit => pick(
            l,
            "The check digit is wrong: is the barcode mistyped?",
            "Το ψηφίο ελέγχου είναι λάθος: μήπως ο κωδικός πληκτρολογήθηκε λάθος;",
            "Cyfra kontrolna się nie zgadza: czy kod wpisano poprawnie?",
        )
        .to_owned(),
        Problem::NotAnAmount => pick(
            l,
            "Enter an amount such as 12.50.",
            "Εισαγάγετε ένα ποσό, π.χ. 12,50.",
            "Wpisz kwotę, np. 12,50.",
        )
        .to_owned(),
        Problem::UnknownCurrency => pick(
            l,
            "The shop does not use this currency.",
            "Το κατάστημα δεν χρησιμοποιεί αυτό το νόμισμα.",
            "Sklep nie używa tej waluty.",
        )
        .to_owned(),
        Problem::UnknownLocation => m.choose_location.to_owned(),
        Problem::UnknownCategory => m.choose_category.to_owned(),
        Problem::UnknownVariant => pick(
            l,
            "This product variant does not exist (any more).",
            "Αυτή η παραλλαγή προϊόντος δεν υπάρχει (πλέον).",
            "Ten wariant produktu nie istnieje (już).",
        )
        .to_owned(),
        Problem::UnknownStore => pick(
            l,
            "There is no store with this code.",
            "Δεν υπάρχει κατάστημα με αυτόν τον κωδικό.",
            "Nie ma sklepu o tym kodzie.",
        )
        .to_owned(),
        Problem::UnknownRole => pick(
            l,
            "Choose a role: owner, manager or cashier.",
            "Επιλέξτε ρόλο: ιδιοκτήτης, διευθυντής ή ταμίας.",
            "Wybierz rolę: właściciel, kierownik lub kasjer.",
        )
        .to_owned(),
        Problem::UnknownCode { code } => pick(
            l,
            format!("No product has the SKU or barcode “{code}”."),
            format!("Κανένα προϊόν δεν έχει τον κωδικό SKU ή τον γραμμωτό κώδικα «{code}»."),
            format!("Żaden produkt nie ma kodu SKU ani kodu kreskowego „{code}”."),
        ),
        Problem::LineFormat => pick(
            l,
            "Write a SKU or barcode and a quantity.",
            "Γράψτε έναν κωδικό SKU ή γραμμωτό κώδικα και μια ποσότητα.",
            "Wpisz kod SKU lub kod kreskowy i ilość.",
        )
        .to_owned(),
        Problem::OnLine { line, problem: p } => {
            let line = n(l, *line as i64);
            let what = problem(l, p);
            pick(
                l,
                format!("Line {line}: {what}"),
                format!("Γραμμή {line}: {what}"),
                format!("Wiersz {line}: {what}"),
            )
        }
        Problem::TooManyLines { max } => {
            let max = n(l, *max as i64);
            pick(
                l,
                format!("At most {max} lines at a time."),
                format!("Το πολύ {max} γραμμές κάθε φορά."),
                format!("Najwyżej {max} wierszy naraz."),
            )
        }
        Problem::NotOnDocument { code } => pick(
            l,
            format!("{code} is not on this document."),
            format!("Το {code} δεν περιλαμβάνεται σε αυτό το έγγραφο."),
            format!("{code} nie ma w tym dokumencie."),
        ),
        Problem::SameLocation => pick(
            l,
            "Choose a different location to send to.",
            "Επιλέξτε διαφορετική τοποθεσία προορισμού.",
            "Wybierz inną lokalizację docelową.",
        )
        .to_owned(),
        Problem::NothingToCount => pick(
            l,
            "Nothing to count: there are no active products there.",
            "Δεν υπάρχει τίποτα για καταμέτρηση: δεν υπάρχουν ενεργά προϊόντα εκεί.",
            "Nie ma czego liczyć: nie ma tam aktywnych produktów.",
        )
        .to_owned(),
        Problem::ZeroChange => pick(
            l,
            "Enter how many units to add (+) or remove (−).",
            "Εισαγάγετε πόσα τεμάχια προστίθενται (+) ή αφαιρούνται (−).",
            "Wpisz, ile sztuk dodać (+) lub odjąć (−).",
        )
        .to_owned(),
        Problem::MustRemove => pick(
            l,
            "Damaged or lost stock is removed: enter a negative change.",
            "Το κατεστραμμένο ή χαμένο απόθεμα αφαιρείται: εισαγάγετε αρνητική μεταβολή.",
            "Uszkodzony lub zgubiony towar się odejmuje: wpisz zmianę ujemną.",
        )
        .to_owned(),
        Problem::MustAdd => pick(
            l,
            "Found stock is added: enter a positive change.",
            "Το απόθεμα που βρέθηκε προστίθεται: εισαγάγετε θετική μεταβολή.",
            "Znaleziony towar się dodaje: wpisz zmianę dodatnią.",
        )
        .to_owned(),
        Problem::CompareAtNotHigher => pick(
            l,
            "The previous price must be higher than the price.",
            "Η προηγούμενη τιμή πρέπει να είναι υψηλότερη από την τιμή.",
            "Poprzednia cena musi być wyższa od ceny.",
        )
        .to_owned(),
        Problem::RepeatedCharacter => pick(
            l,
            "A password cannot be one character repeated.",
            "Ο κωδικός πρόσβασης δεν μπορεί να είναι ένας χαρακτήρας επαναλαμβανόμενος.",
            "Hasło nie może składać się z jednego powtórzonego znaku.",
        )
        .to_owned(),
        Problem::NotEnoughStock(s) => shortage(l, s),
        Problem::Malformed { .. } => pick(
            l,
            "The request could not be read. Reload the page and try again.",
            "Το αίτημα δεν ήταν δυνατό να διαβαστεί. Ανανεώστε τη σελίδα και δοκιμάστε ξανά.",
            "Nie udało się odczytać żądania. Odśwież stronę i spróbuj ponownie.",
        )
        .to_owned(),
    }
}

/// Not enough stock: which, where, and how much there is.
pub fn shortage(l: Locale, s: &Shortage) -> String {
    let (sku, at) = (&s.sku, &s.location_code);
    let (available, requested) = (n(l, s.available), n(l, s.requested));
    pick(
        l,
        format!("Not enough stock of {sku} at {at}: {available} available, {requested} asked for."),
        format!(
            "Δεν υπάρχει αρκετό απόθεμα του {sku} στο {at}: διαθέσιμα {available}, ζητήθηκαν {requested}."
        ),
        format!(
            "Za mało towaru {sku} w {at}: dostępne {available}, potrzeba {requested}."
        ),
    )
}

/// Why the request clashes with the current state.
pub fn conflict(l: Locale, c: &Conflict) -> String {
    let m = t(l);
    match c {
        Conflict::Transition(tr) => transition(l, tr),
        Conflict::Stale => pick(
            l,
            "Someone else changed this meanwhile. Reload the page and try again.",
            "Κάποιος άλλος το άλλαξε στο μεταξύ. Ανανεώστε τη σελίδα και δοκιμάστε ξανά.",
            "Ktoś inny w międzyczasie to zmienił. Odśwież stronę i spróbuj ponownie.",
        )
        .to_owned(),
        Conflict::CountClosed(status) => {
            let s = count_status(m, *status).to_lowercase();
            pick(
                l,
                format!("This count is already {s}."),
                format!("Αυτή η καταμέτρηση είναι ήδη: {s}."),
                format!("Ta inwentaryzacja ma już status: {s}."),
            )
        }
        Conflict::ReservationLapsed => pick(
            l,
            "The reservation has lapsed or was already used.",
            "Η δέσμευση έληξε ή έχει ήδη χρησιμοποιηθεί.",
            "Rezerwacja wygasła lub została już wykorzystana.",
        )
        .to_owned(),
        Conflict::CountBelowReserved {
            sku,
            location_code,
            counted,
            reserved,
        } => {
            let (counted, reserved) = (n(l, *counted), n(l, *reserved));
            pick(
                l,
                format!(
                    "{sku} at {location_code}: counted {counted} but {reserved} are reserved for \
                     orders. Release those first or count again."
                ),
                format!(
                    "{sku} στο {location_code}: μετρήθηκαν {counted}, αλλά {reserved} είναι \
                     δεσμευμένα για παραγγελίες. Αποδεσμεύστε τα πρώτα ή μετρήστε ξανά."
                ),
                format!(
                    "{sku} w {location_code}: policzono {counted}, ale {reserved} jest \
                     zarezerwowanych dla zamówień. Najpierw je zwolnij albo policz ponownie."
                ),
            )
        }
        Conflict::StaffExists { email } => pick(
            l,
            format!("A staff account for {email} already exists."),
            format!("Υπάρχει ήδη λογαριασμός προσωπικού για το {email}."),
            format!("Konto pracownika dla {email} już istnieje."),
        ),
        Conflict::ShopNotEmpty { staff, products } => pick(
            l,
            format!(
                "This shop already has {staff} staff account(s) and {products} product(s): the \
                 demo loads only into an empty shop."
            ),
            format!(
                "Το κατάστημα έχει ήδη {staff} λογαριασμούς προσωπικού και {products} προϊόντα: \
                 η επίδειξη φορτώνεται μόνο σε άδειο κατάστημα."
            ),
            format!(
                "Sklep ma już konta pracowników ({staff}) i produkty ({products}): dane \
                 demonstracyjne wczytują się tylko do pustego sklepu."
            ),
        ),
    }
}

/// A refused status change, with both statuses in words.
pub fn transition(l: Locale, tr: &Transition) -> String {
    let m = t(l);
    let (from, to) = match *tr {
        Transition::Order(a, b) => (order_status(l, a), order_status(l, b)),
        Transition::Return(a, b) => (return_status(l, a), return_status(l, b)),
        Transition::PaymentLink(a, b) => (payment_link_status(l, a), payment_link_status(l, b)),
        Transition::Shift(a, b) => (shift_status(l, a), shift_status(l, b)),
        Transition::Transfer(a, b) => (transfer_status(m, a), transfer_status(m, b)),
        Transition::Count(a, b) => (count_status(m, a), count_status(m, b)),
    };
    pick(
        l,
        format!("This cannot change from “{from}” to “{to}”."),
        format!("Αυτό δεν μπορεί να αλλάξει από «{from}» σε «{to}»."),
        format!("Nie można zmienić statusu z „{from}” na „{to}”."),
    )
}

/// A transfer's status ("Draft", "Sent"…).
pub fn transfer_status(m: &Messages, s: TransferStatus) -> &'static str {
    match s {
        TransferStatus::Draft => m.status_draft,
        TransferStatus::Sent => m.status_sent,
        TransferStatus::Received => m.status_received,
        TransferStatus::Cancelled => m.status_cancelled,
    }
}

/// A count's status ("Open", "Posted", "Cancelled").
pub fn count_status(m: &Messages, s: CountStatus) -> &'static str {
    match s {
        CountStatus::Open => m.status_open,
        CountStatus::Posted => m.status_posted,
        CountStatus::Cancelled => m.status_cancelled,
    }
}

/// Why stock moved ("Receipt", "Transfer out"…).
pub fn movement_reason(m: &Messages, r: MovementReason) -> &'static str {
    match r {
        MovementReason::Receipt => m.movement_receipt,
        MovementReason::Sale => m.movement_sale,
        MovementReason::Return => m.movement_return,
        MovementReason::Adjustment => m.movement_adjustment,
        MovementReason::Count => m.movement_count,
        MovementReason::TransferOut => m.movement_transfer_out,
        MovementReason::TransferIn => m.movement_transfer_in,
        MovementReason::TransitLoss => m.movement_transit_loss,
        MovementReason::WriteOff => m.movement_write_off,
        MovementReason::Initial => m.movement_initial,
    }
}

/// Why a manual adjustment was made ("Damaged", "Found"…).
pub fn adjustment_reason(m: &Messages, r: AdjustmentReason) -> &'static str {
    match r {
        AdjustmentReason::Damaged => m.reason_damaged,
        AdjustmentReason::Lost => m.reason_lost,
        AdjustmentReason::Found => m.reason_found,
        AdjustmentReason::Correction => m.reason_correction,
    }
}

/// An order's status.
pub fn order_status(l: Locale, s: OrderStatus) -> &'static str {
    match s {
        OrderStatus::Pending => pick(l, "Pending", "Σε αναμονή", "Oczekuje"),
        OrderStatus::Confirmed => pick(l, "Confirmed", "Επιβεβαιώθηκε", "Potwierdzone"),
        OrderStatus::ReadyForPickup => pick(
            l,
            "Ready for pickup",
            "Έτοιμη για παραλαβή",
            "Gotowe do odbioru",
        ),
        OrderStatus::Shipped => pick(l, "Shipped", "Απεστάλη", "Wysłane"),
        OrderStatus::Completed => pick(l, "Completed", "Ολοκληρώθηκε", "Zrealizowane"),
        OrderStatus::Cancelled => pick(l, "Cancelled", "Ακυρώθηκε", "Anulowane"),
        OrderStatus::Expired => pick(l, "Expired", "Έληξε", "Wygasłe"),
    }
}

/// A return's status.
pub fn return_status(l: Locale, s: ReturnStatus) -> &'static str {
    match s {
        ReturnStatus::Booked => pick(l, "Booked", "Καταχωρίστηκε", "Zgłoszony"),
        ReturnStatus::Received => pick(l, "Received", "Παραλήφθηκε", "Przyjęty"),
        ReturnStatus::Refunded => pick(
            l,
            "Refunded",
            "Επιστράφηκαν τα χρήματα",
            "Zwrócono pieniądze",
        ),
        ReturnStatus::Rejected => pick(l, "Rejected", "Απορρίφθηκε", "Odrzucony"),
        ReturnStatus::Cancelled => pick(l, "Cancelled", "Ακυρώθηκε", "Anulowany"),
    }
}

/// A payment link's status.
pub fn payment_link_status(l: Locale, s: PaymentLinkStatus) -> &'static str {
    match s {
        PaymentLinkStatus::Open => pick(l, "Open", "Ανοιχτός", "Otwarty"),
        PaymentLinkStatus::Paid => pick(l, "Paid", "Πληρώθηκε", "Opłacony"),
        PaymentLinkStatus::Expired => pick(l, "Expired", "Έληξε", "Wygasły"),
        PaymentLinkStatus::Cancelled => pick(l, "Cancelled", "Ακυρώθηκε", "Anulowany"),
    }
}

/// A register shift's status.
pub fn shift_status(l: Locale, s: ShiftStatus) -> &'static str {
    match s {
        ShiftStatus::Open => pick(l, "Open", "Ανοιχτή", "Otwarta"),
        ShiftStatus::Closed => pick(l, "Closed", "Κλειστή", "Zamknięta"),
    }
}
