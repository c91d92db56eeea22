//! What the repository's tests share: storage as format 1 left it, tabs, snapshots.

use super::Repository;
use crate::domain::Document;
use crate::store::codec::encode_document;
use crate::store::record::tests::fixture;
use crate::store::{keys, MemoryStorage, Storage, StorageError};

pub(super) fn counter() -> impl FnMut() -> [u8; 16] {
    let mut n = 0xfeed_0000u128;
    move || {
        n += 0x1_0000_0001;
        n.to_le_bytes()
    }
}

/// Storage holding `doc` as format 1 saved it.
pub(super) fn format_1(doc: &Document) -> MemoryStorage {
    let storage = MemoryStorage::new();
    storage
        .set(keys::LEGACY_DOCUMENT, &encode_document(doc))
        .unwrap();
    storage
}

/// A tab of the browser: a repository over `storage` and the document it opened.
pub(super) fn tab(storage: &MemoryStorage) -> (Repository<&MemoryStorage>, Document) {
    let repo = Repository::new(storage);
    let doc = repo.open().document;
    (repo, doc)
}

/// What a new tab would open.
pub(super) fn reopened(storage: &MemoryStorage) -> Document {
    tab(storage).1
}

/// Every key and value, to compare storage before and after.
pub(super) fn snapshot(storage: &MemoryStorage) -> Vec<(String, String)> {
    storage
        .keys()
        .unwrap()
        .into_iter()
        .map(|k| {
            let v = storage.get(&k).unwrap().unwrap();
            (k, v)
        })
        .collect()
}

/// Runs `change` on a copy of `doc` and commits it, as the app does.
pub(super) fn commit<S: Storage>(
    repo: &Repository<S>,
    doc: &mut Document,
    change: impl FnOnce(&mut Document),
) -> Result<(), StorageError> {
    let mut after = doc.clone();
    change(&mut after);
    repo.commit(doc, &after)?;
    *doc = after;
    Ok(())
}

/// The fixture's customer with `n` users like a partner's (names from a list,
/// e-mails at the company's domain, numbers in a range), as format 1 saved them.
pub(super) fn customer_with_users(n: usize) -> Document {
    let firsts = [
        "James", "Mary", "Minjun", "Seoyeon", "Robert", "Patricia", "Jiho", "Haeun", "Michael",
        "Jennifer", "David", "Linda", "Daniel", "Sophia", "Oliver", "Emma",
    ];
    let lasts = [
        "Smith", "Johnson", "Kim", "Lee", "Park", "Williams", "Brown", "Garcia", "Miller", "Davis",
        "Choi", "Jung", "Kang", "Martinez", "Wilson", "Anderson", "Taylor",
    ];
    let mut value = serde_json::to_value(fixture()).unwrap();
    let customer = &mut value["customers"][0];
    let location = customer["headquarters"]["id"].clone();
    let users = customer["users"].as_array_mut().unwrap();
    let mut rng = counter();
    for i in 0..n {
        let (first, last) = (firsts[i * 7 % firsts.len()], lasts[i * 11 % lasts.len()]);
        let id = crate::domain::ids::UserId::from_random(rng());
        users.push(serde_json::json!({
            "id": id.to_string(), "first_name": first, "last_name": last,
            "email": format!("{}.{}{i}@acme-dental.example", first.to_lowercase(), last.to_lowercase()),
            "package": "webex_calling", "location": location,
            "phone": format!("+8223100{:04}", i), "extension": format!("{}", 2000 + i),
            "role": "user", "created_at": 1_795_430_000_000i64 + i as i64,
        }));
    }
    serde_json::from_value(value).unwrap()
}
