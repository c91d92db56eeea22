//! What storage did or could not do. In English.

use crate::i18n::StorageWords;

pub(super) const WORDS: StorageWords = StorageWords {
    unreadable_title: "Saved data could not be read",
    unreadable_foreign: "The data saved in this browser was not written by Wholesale Partner Hub.",
    unreadable_future: |v| format!("The data was saved by a newer version of Wholesale Partner Hub (format {v}) than this one."),
    unreadable_corrupt: "The saved data is damaged.",
    unreadable_kept: "It has been kept aside, untouched, and the app started without it. Download it to keep a copy.",
    unreadable_blocked: "It could not be moved aside, so nothing you change is saved until you download or discard it.",
    download_unreadable: "Download unreadable data",
    discard_unreadable: "Discard it",
    discard_unreadable_title: "Discard the unreadable data?",
    discard_unreadable_body: "It will be deleted from this browser. Download it first if you may need it.",
    unreadable_superseded: "An older version of Wholesale Partner Hub, still open in another tab, saved this after the data in this browser had been upgraded.",
    quota_full: "Storage is full: your latest change was not saved. What was saved before is safe. Delete what you no longer need, or download a backup.",
    quota_needs: |needed, free| format!(
        "It needs about {} characters of this browser's storage, and about {} are free.",
        crate::i18n::grouped(needed),
        crate::i18n::grouped(free)
    ),
    storage_unavailable: "This browser does not let the app save data (storage is off or blocked). Changes last only until you close this tab.",
    updated_elsewhere: "Updated with changes made in another tab.",
    changed_elsewhere: "This was changed in another tab a moment ago, so your change was not saved. The page now shows the latest version: make your change again if it is still needed.",
    newer_version_elsewhere: "A newer version of Wholesale Partner Hub saved data in another tab, so this tab saves nothing more: your latest change was not saved. Reload this page to continue with the newer version.",
    reload: "Reload",
    draft_lost: "Your unfinished wizard could not be restored (its saved copy was damaged), so it starts again.",
};
