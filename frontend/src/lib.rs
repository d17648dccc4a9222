//! Browser entry point: hydrates the HTML the `stoa` server rendered.

/// Called by the generated JS loader once the wasm module is instantiated.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
