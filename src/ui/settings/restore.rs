//! Settings → "Restore from backup" and "Demo data". A backup file (chosen, or dropped on the section) is
//! read with the same decoder as saved data, previewed beside what it would replace, and
//! — once confirmed — replaces everything, all or nothing.

use crate::domain::restore::Summary;
use crate::domain::Document;
use crate::store::{read_backup, BackupProblem, StorageError};
use crate::ui::components::confirm::{use_confirm, ConfirmRequest};
use crate::ui::components::file_drop::{DropSection, FileField, FileRead, FileText};
use crate::ui::components::storage_alert::download_backup;
use crate::ui::components::toast::use_toasts;
use crate::ui::components::tr;
use crate::ui::customers::demo::use_load_demo;
use crate::ui::i18n::{use_i18n, Messages};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A backup that was read and may replace the data.
#[derive(Clone)]
struct Candidate {
    file: String,
    doc: Document,
}

fn summary_text(t: &'static Messages, s: &Summary) -> String {
    (t.restore.backup_summary)(&s.partner, s.templates, s.customers, s.locations, s.users)
}

fn problem_text(t: &'static Messages, p: &BackupProblem) -> String {
    match p {
        BackupProblem::NotABackup => t.restore.backup_not_ours.into(),
        BackupProblem::NewerVersion(v) => (t.restore.backup_newer)(*v),
        BackupProblem::Damaged(detail) => (t.restore.backup_damaged)(detail),
    }
}

#[component]
pub fn RestoreSection() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let confirm = use_confirm();
    let candidate = RwSignal::new(None::<Candidate>);
    // Why the chosen file cannot be restored, or why restoring failed.
    let problem = RwSignal::new(None::<String>);

    let on_read = Callback::new(move |(file, text): FileRead| {
        let t = i18n.t();
        // A backup is UTF-8 JSON: bytes in another encoding are some other file.
        let text = match text {
            FileText::Text(text) => Some(text),
            FileText::NotUtf8(_) | FileText::Unreadable => None,
        };
        match text.as_deref().map(read_backup) {
            Some(Ok(doc)) => {
                problem.set(None);
                candidate.set(Some(Candidate { file, doc }));
            }
            Some(Err(p)) => {
                candidate.set(None);
                problem.set(Some(problem_text(t, &p)));
            }
            None => {
                candidate.set(None);
                problem.set(Some(t.restore.backup_not_ours.into()));
            }
        }
    });
    let replace = move |_| {
        let Some(Candidate { doc, .. }) = candidate.get_untracked() else {
            return;
        };
        let t = i18n.t();
        confirm.ask(ConfirmRequest {
            title: t.restore.replace_data_title.into(),
            body: t.restore.replace_data_body.into(),
            confirm_label: t.restore.replace_data.into(),
            cancel_label: None,
            on_confirm: Callback::new(move |_| match state.replace_document(doc.clone()) {
                Ok(()) => {
                    candidate.set(None);
                    toasts.push(i18n.t().restore.restored.into());
                }
                Err(StorageError::QuotaExceeded) => {
                    problem.set(Some(i18n.t().restore.backup_too_big.into()))
                }
                // Any other reason shows in the storage alert.
                Err(_) => {}
            }),
            choice: None,
        });
    };

    view! {
        <DropSection labelledby="restore-heading" on_read>
            <h2 id="restore-heading">{tr(|t| t.restore.restore_title)}</h2>
            <p class="hint">{tr(|t| t.restore.restore_hint)}</p>
            <FileField
                id="backup-file"
                label=|t| t.restore.backup_file
                accept=".json,application/json"
                problem
                on_read
            />
            {move || {
                candidate
                    .get()
                    .map(|c| {
                        let t = i18n.t();
                        let incoming = summary_text(t, &c.doc.summary());
                        let current = state.doc.with(|d| summary_text(t, &d.summary()));
                        view! {
                            <div
                                class="restore-preview"
                                role="group"
                                aria-labelledby="restore-preview-title"
                            >
                                <h3 id="restore-preview-title">
                                    {(t.restore.backup_holds)(&c.file)}
                                </h3>
                                <p>{incoming}</p>
                                <p>
                                    <strong>{t.restore.it_replaces}</strong>
                                    " "
                                    {current}
                                </p>
                                <div class="form-actions start">
                                    <button
                                        type="button"
                                        class="secondary"
                                        on:click=move |_| download_backup(state)
                                    >
                                        {tr(|t| t.restore.download_current_first)}
                                    </button>
                                    <button type="button" class="danger" on:click=replace>
                                        {tr(|t| t.restore.replace_data)}
                                    </button>
                                    <button
                                        type="button"
                                        class="secondary"
                                        on:click=move |_| candidate.set(None)
                                    >
                                        {tr(|t| t.common.cancel)}
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
        </DropSection>
    }
}

/// Settings → "Demo data": a realistic partner for training and demos, or a fresh start.
#[component]
pub fn DemoDataSection() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let confirm = use_confirm();
    let load_demo = use_load_demo();
    let reset = move |_| {
        let t = i18n.t();
        confirm.ask(ConfirmRequest {
            title: t.restore.reset_title.into(),
            body: t.restore.reset_body.into(),
            confirm_label: t.restore.reset_all.into(),
            cancel_label: None,
            on_confirm: Callback::new(move |_| {
                if state.replace_document(Document::sample()).is_ok() {
                    toasts.push(i18n.t().restore.reset_done.into());
                }
            }),
            choice: None,
        });
    };
    view! {
        <section class="card" aria-labelledby="demo-heading">
            <h2 id="demo-heading">{tr(|t| t.restore.demo_title)}</h2>
            <p class="hint">{tr(|t| t.restore.demo_hint)}</p>
            <div class="form-actions start">
                <button type="button" class="secondary" on:click=move |_| download_backup(state)>
                    {tr(|t| t.restore.download_current_first)}
                </button>
                <button type="button" class="secondary" on:click=move |_| load_demo()>
                    {tr(|t| t.restore.load_demo)}
                </button>
                <button type="button" class="danger" on:click=reset>
                    {tr(|t| t.restore.reset_all)}
                </button>
            </div>
        </section>
    }
}
