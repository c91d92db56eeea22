//! What storage did or could not do.

/// What storage did or could not do.
pub struct StorageWords {
    pub unreadable_title: &'static str,
    pub unreadable_foreign: &'static str,
    pub unreadable_future: fn(u64) -> String,
    pub unreadable_corrupt: &'static str,
    pub unreadable_kept: &'static str,
    pub unreadable_blocked: &'static str,
    pub download_unreadable: &'static str,
    pub discard_unreadable: &'static str,
    pub discard_unreadable_title: &'static str,
    pub discard_unreadable_body: &'static str,
    pub unreadable_superseded: &'static str,
    pub quota_full: &'static str,
    /// How much room the refused change needed, and how much is free (UTF-16 units).
    pub quota_needs: fn(usize, usize) -> String,
    pub storage_unavailable: &'static str,
    pub updated_elsewhere: &'static str,
    pub changed_elsewhere: &'static str,
    pub newer_version_elsewhere: &'static str,
    pub reload: &'static str,
    pub draft_lost: &'static str,
}
