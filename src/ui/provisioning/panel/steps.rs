//! Each step's status: the precheck, the customer (its Webex id and its packages), the
//! locations, the numbers and the users, with the users Webex did not take.

use crate::domain::package::Package;
use crate::domain::provisioning::{Provisioning, RemoteStatus};
use crate::domain::text::short_id;
use crate::ui::components::copy_button::CopyButton;
use crate::ui::i18n::{problems_text, use_i18n, Counted, Messages};
use crate::webex::summary::{Precheck, ProvisioningSummary};
use leptos::prelude::*;

#[component]
pub(super) fn Steps(
    progress: Memo<Provisioning>,
    summary: Memo<ProvisioningSummary>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = move || {
        let t = i18n.t();
        let p = progress.get();
        let s = summary.get();
        let precheck = match s.precheck {
            Precheck::Passed => t.provisioning.passed,
            Precheck::Refused => t.provisioning.refused,
            Precheck::NotYet => t.provisioning.not_yet,
        };
        let packages = p
            .packages
            .iter()
            .map(|pkg| {
                // In the app's language where the package and the status are known.
                let package =
                    Package::from_key(&pkg.package).map_or(pkg.package.as_str(), |p| p.name());
                let status = RemoteStatus::from_api(&pkg.status)
                    .map_or(pkg.status.as_str(), |s| t.remote_status(s));
                let mut text = format!("{package}: {status}");
                if !pkg.errors.is_empty() {
                    text.push_str(&format!(" — {}", problems_text(&pkg.errors)));
                }
                if !pkg.warnings.is_empty() {
                    text.push_str(&format!(" — {}", problems_text(&pkg.warnings)));
                }
                view! { <li>{text}</li> }
            })
            .collect_view();
        let not_taken = s
            .users_not_taken
            .into_iter()
            .map(|u| {
                let why = match u.problems {
                    Some(problems) => problems_text(&problems),
                    None => t.provisioning.user_unconfirmed.to_string(),
                };
                view! { <li>{format!("{} — {why}", u.email)}</li> }
            })
            .collect_view();
        view! {
            <div class="row">
                <dt>{t.provisioning.step_precheck}</dt>
                <dd>{precheck}</dd>
            </div>
            <div class="row">
                <dt>{t.provisioning.step_customer}</dt>
                <dd>
                    {customer_status_text(t, &p)}
                    {p
                        .customer_id
                        .clone()
                        .map(|id| {
                            view! {
                                " "
                                <span class="remote-id" id="webex-customer-id" title=id.clone()>
                                    {short_id(&id)}
                                </span>
                                " "
                                <CopyButton
                                    text=id
                                    select_id="webex-customer-id"
                                    announce=|t| t.provisioning.copied_webex_id
                                    label=|t| t.provisioning.copy_webex_id
                                />
                            }
                        })} <ul class="plain-list">{packages}</ul>
                </dd>
            </div>
            <div class="row">
                <dt>{t.setup().step_locations}</dt>
                <dd>{(t.common.n_of_m)(s.locations.done, s.locations.of, Counted::Places)}</dd>
            </div>
            {(s.numbers.of > 0)
                .then(|| {
                    view! {
                        <div class="row">
                            <dt>{t.provisioning.step_numbers}</dt>
                            <dd>
                                {(t.common.n_of_m)(s.numbers.done, s.numbers.of, Counted::Things)}
                            </dd>
                        </div>
                    }
                })}
            <div class="row">
                <dt>{t.setup().step_users}</dt>
                <dd>
                    {(t.common.n_of_m)(s.users.done, s.users.of, Counted::People)}
                    {(s.users_leaving > 0).then(|| (t.provisioning.users_leaving)(s.users_leaving))}
                    <ul class="plain-list">{not_taken}</ul>
                </dd>
            </div>
        }
    };
    view! { <dl>{rows}</dl> }
}

fn customer_status_text(t: &'static Messages, p: &Provisioning) -> String {
    match p.status {
        None if p.customer_id.is_none() => t.provisioning.not_yet.into(),
        None => t.provisioning.remote_status_provisioning.into(),
        Some(RemoteStatus::PendingRplReview) => t.provisioning.remote_status_review.into(),
        Some(s) => t.remote_status_text(s, &p.status_text),
    }
}
