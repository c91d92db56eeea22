//! "Delete customer": confirmed first; a customer Webex has is removed there too
//! (unless the partner says otherwise), and its record goes once Webex confirms.

use crate::domain::document::Refused;
use crate::domain::ids::CustomerId;
use crate::ui::components::confirm::{use_confirm, ConfirmChoice, ConfirmRequest};
use crate::ui::components::toast::use_toasts;
use crate::ui::customers::offer_undo;
use crate::ui::i18n::use_i18n;
use crate::ui::provisioning::{provision, use_webex};
use crate::ui::state::{use_app, Refusal};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Asks to delete the customer `id`, named `name`.
pub(super) fn use_delete_customer() -> impl Fn(CustomerId, String) + Clone + Send + Sync + 'static {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let confirm = use_confirm();
    let webex = use_webex();
    let navigate = use_navigate();
    move |id: CustomerId, name: String| {
        let t = i18n.t();
        let navigate = navigate.clone();
        if webex.running.with_untracked(|r| r.contains(&id)) {
            toasts.push(t.customers.while_running.to_string());
            return;
        }
        // A customer Webex has is removed there too, unless the partner says otherwise.
        let in_webex = state.doc.with_untracked(|d| {
            d.customer(id).is_some_and(|c| {
                c.provisioning.customer_id.is_some() && !c.provisioning.not_in_webex
            })
        });
        let remove_in_webex = RwSignal::new(true);
        let choice = in_webex.then(|| ConfirmChoice {
            label: t.customers.also_remove_from_webex.into(),
            when_checked: t.customers.remove_from_webex_checked.into(),
            when_unchecked: t.customers.remove_from_webex_unchecked.into(),
            checked: remove_in_webex,
        });
        confirm.ask(ConfirmRequest {
            title: (t.customers.delete_customer_title)(&name),
            body: if in_webex {
                t.customers.delete_customer_in_webex_body
            } else {
                t.customers.delete_customer_body
            }
            .into(),
            confirm_label: t.customers.delete_customer.into(),
            cancel_label: None,
            on_confirm: Callback::new(move |_| {
                if in_webex && remove_in_webex.get_untracked() {
                    // Saved first: the record goes once Webex confirms (`provision`).
                    let asked = state.try_commit(|d| d.start_removal(id));
                    if asked.is_ok() {
                        provision(state, webex, id, false);
                        toasts.push((i18n.t().customers.customer_removing)(&name));
                        navigate("/customers", Default::default());
                    }
                    return;
                }
                // Deleted in another tab meanwhile: gone all the same.
                let before = state.doc.with_untracked(|d| d.shared_customer(id));
                let deleted = state.try_commit(|d| d.delete_customer(id));
                if matches!(deleted, Ok(()) | Err(Refusal::Rule(Refused::NotFound))) {
                    state.remove(&crate::store::keys::setup_wizard(id));
                    let said = (i18n.t().customers.customer_deleted)(&name);
                    offer_undo(
                        state,
                        toasts,
                        i18n,
                        said,
                        before.filter(|_| deleted.is_ok()),
                    );
                    navigate("/customers", Default::default());
                }
            }),
            choice,
        });
    }
}
