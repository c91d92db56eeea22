//! "Load demo data", offered by the empty customers list and by Settings: the demo
//! partner replaces the data — asked first only when something would be lost — its
//! simulated Webex holds what the demo's records say is there, and the customers list
//! shows it. All but the button is fetched on first use (`ui::lazy`).

use crate::ui::browser::now;
use crate::ui::components::confirm::{use_confirm, Confirm, ConfirmRequest};
use crate::ui::components::toast::{use_toasts, Toasts};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::provisioning::keep_simulator;
use crate::ui::state::{use_app, AppState};
use crate::webex::demo_book::demo_book;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::hooks::use_navigate;

#[derive(Clone, Copy)]
struct DemoLoad {
    state: AppState,
    i18n: I18n,
    toasts: Toasts,
    confirm: Confirm,
    to_list: Callback<()>,
}

/// What a "Load demo data" button runs.
pub fn use_load_demo() -> impl Fn() + Copy {
    let navigate = use_navigate();
    let load = DemoLoad {
        state: use_app(),
        i18n: use_i18n(),
        toasts: use_toasts(),
        confirm: use_confirm(),
        to_list: Callback::new(move |_| navigate("/customers", Default::default())),
    };
    move || {
        leptos::task::spawn_local(async move {
            if let Err(error) = load_demo(load).await {
                leptos::logging::error!("{error}");
                load.toasts
                    .push(load.i18n.t().restore.demo_load_failed.into());
            }
        })
    }
}

#[wasm_split(demo, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load_demo(load: DemoLoad) -> Result<(), SplitLoaderError> {
    let DemoLoad {
        state,
        i18n,
        toasts,
        confirm,
        to_list,
    } = load;
    let replace = Callback::new(move |_| {
        let (doc, webex) = demo_book(now());
        if state.replace_document(doc).is_ok() && keep_simulator(state, webex) {
            toasts.push(i18n.t().restore.demo_loaded.into());
            to_list.run(());
        }
    });
    if !state.holds_work() {
        replace.run(());
        return Ok(());
    }
    let t = i18n.t();
    confirm.ask(ConfirmRequest {
        title: t.restore.load_demo_title.into(),
        body: t.restore.load_demo_body.into(),
        confirm_label: t.restore.load_demo.into(),
        cancel_label: None,
        on_confirm: replace,
        choice: None,
    });
    Ok(())
}
