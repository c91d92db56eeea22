//! Restore from a backup, demo data, and starting over. In English.

use crate::i18n::RestoreWords;

pub(super) const WORDS: RestoreWords = RestoreWords {
    restore_title: "Restore from backup",
    restore_hint: "Replaces everything in this browser with the data of a backup file (from “Download backup”, here or in another browser). You see what the file holds before anything changes. Or drop the file on this section.",
    backup_file: "Backup file",
    backup_summary: |partner, t, c, l, u| format!("{partner} — templates: {t}, customers: {c}, locations: {l}, users: {u}."),
    backup_holds: |file| format!("“{file}” holds"),
    it_replaces: "It replaces what this browser holds now:",
    backup_not_ours: "This file is not a Wholesale Partner Hub backup. Choose the .json file that “Download backup” saved.",
    backup_newer: |v| format!("This backup was made by a newer version of Wholesale Partner Hub (format {v}). Open it with that version; nothing was changed."),
    backup_damaged: |detail| if detail.is_empty() { "This backup is damaged; nothing was changed.".into() } else { format!("This backup is damaged; nothing was changed. ({detail})") },
    backup_too_big: "The backup does not fit in this browser's storage (the current data stays until the new is written). Nothing was changed: delete what you no longer need, or restore in another browser.",
    download_current_first: "Download current data first",
    replace_data: "Replace my data",
    replace_data_title: "Replace all data in this browser?",
    replace_data_body: "Everything here now — organization, templates, customers and their users — is replaced by the backup. This cannot be undone: download the current data first if you may need it.",
    restored: "Backup restored.",
    demo_title: "Demo data",
    demo_hint: "For training and demos: a partner with three templates and thirty customers across its regions, with locations, users, numbers and provisioning statuses. Or start again from scratch. Either replaces everything here: download the current data first if you may need it.",
    load_demo: "Load demo data",
    load_demo_title: "Replace all data with the demo?",
    load_demo_body: "Everything here now is replaced by the demo partner. This cannot be undone: download the current data first if you may need it.",
    demo_loaded: "Demo data loaded: 3 templates, 30 customers.",
    demo_load_failed: "The demo data could not be loaded: its code could not be fetched. Check the connection and try again.",
    reset_all: "Reset all data",
    reset_title: "Reset all data?",
    reset_body: "Everything here — templates, customers, users and your organization's changes — is deleted, and the app starts again with the sample organization. This cannot be undone: download the current data first if you may need it.",
    reset_done: "All data reset.",
};
