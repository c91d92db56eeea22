#[cfg(target_arch = "wasm32")]
fn main() {
    partner_hub::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Wholesale Partner Hub runs in the browser: build it with `trunk build` (see README.md)."
    );
}
