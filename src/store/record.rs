//! One record of the saved data (the partner, a template, a customer) as one
//! `localStorage` value: `<revision>~<byte length>~<packed deflated JSON>`.
//!
//! Deflate: a customer's users are much alike (same keys, domains, number ranges),
//! so a saved user takes about 28 UTF-16 units instead of about 400 as plain JSON
//! (measured by `a_thousand_users_fit_in_a_small_space` below and by the benchmark).
//! The revision counts the record's writes: a tab that saves a record compares it
//! with the revision it last read, so a change from another tab is never overwritten.

use super::pack::{pack, unpack};
use super::Unreadable;
use crate::domain::customer::Customer;
use crate::domain::ids::{CustomerId, TemplateId};
use crate::domain::partner::PartnerOrg;
use crate::domain::template::OnboardingTemplate;
use crate::domain::Document;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::sync::Arc;

/// How many times a record has been written (1 for a new one).
pub type Revision = u32;

/// Level 1 of 10: measured, it packs nearly as small as level 6 and 3-7x faster.
const LEVEL: u8 = 1;

/// A decompressed record larger than this is refused as damaged (no quota comes near).
const MAX_JSON_BYTES: usize = 64 << 20;

/// Which record a key holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordId {
    Partner,
    Template(TemplateId),
    Customer(CustomerId),
}

/// A record's content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    Partner(Arc<PartnerOrg>),
    Template(Arc<OnboardingTemplate>),
    Customer(Arc<Customer>),
}

impl RecordId {
    /// The part of the key after the generation: `partner`, `template:<id>`, `customer:<id>`.
    pub fn key_part(self) -> String {
        match self {
            RecordId::Partner => "partner".into(),
            RecordId::Template(id) => format!("template:{id}"),
            RecordId::Customer(id) => format!("customer:{id}"),
        }
    }

    pub fn from_key_part(part: &str) -> Option<Self> {
        if part == "partner" {
            return Some(RecordId::Partner);
        }
        let (kind, id) = part.split_once(':')?;
        match kind {
            "template" => TemplateId::parse(id).map(RecordId::Template),
            "customer" => CustomerId::parse(id).map(RecordId::Customer),
            _ => None,
        }
    }
}

impl Record {
    pub fn id(&self) -> RecordId {
        match self {
            Record::Partner(_) => RecordId::Partner,
            Record::Template(t) => RecordId::Template(t.id),
            Record::Customer(c) => RecordId::Customer(c.id),
        }
    }

    /// Every record of a document.
    pub fn all_of(doc: &Document) -> impl Iterator<Item = Record> + '_ {
        std::iter::once(Record::Partner(doc.partner.clone()))
            .chain(doc.templates.iter().cloned().map(Record::Template))
            .chain(doc.customers.iter().cloned().map(Record::Customer))
    }

    pub fn encode(&self, revision: Revision) -> String {
        match self {
            Record::Partner(p) => encode_value(revision, &**p),
            Record::Template(t) => encode_value(revision, &**t),
            Record::Customer(c) => encode_value(revision, &**c),
        }
    }

    /// Reads the record stored under `id`'s key; checks that it is the record the key names.
    pub fn decode(id: RecordId, raw: &str) -> Result<(Revision, Record), Unreadable> {
        let (revision, record) = match id {
            RecordId::Partner => decode_value(raw).map(|(r, p)| (r, Record::Partner(Arc::new(p)))),
            RecordId::Template(_) => {
                decode_value(raw).map(|(r, t)| (r, Record::Template(Arc::new(t))))
            }
            RecordId::Customer(_) => {
                decode_value(raw).map(|(r, c)| (r, Record::Customer(Arc::new(c))))
            }
        }?;
        if record.id() != id {
            return Err(Unreadable::Corrupt(
                "a record under another record's key".into(),
            ));
        }
        Ok((revision, record))
    }

    /// Puts a record as stored now into `doc`: in place of the one with its id, added,
    /// or (with `None`) removed. The partner record is never removed.
    pub fn apply(doc: &mut Document, id: RecordId, record: Option<Record>) {
        match (record, id) {
            (Some(Record::Partner(p)), _) => doc.partner = p,
            (Some(Record::Template(t)), _) => put(&mut doc.templates, t, |t| (t.created_at, t.id)),
            (Some(Record::Customer(c)), _) => put(&mut doc.customers, c, |c| (c.created_at, c.id)),
            (None, RecordId::Partner) => {}
            (None, RecordId::Template(id)) => doc.templates.retain(|t| t.id != id),
            (None, RecordId::Customer(id)) => doc.customers.retain(|c| c.id != id),
        }
    }
}

/// Replaces the item with the same order key (creation time and id, which never
/// change), or inserts it in order.
fn put<T, K: Ord>(list: &mut Vec<Arc<T>>, item: Arc<T>, key: impl Fn(&T) -> K) {
    match list.binary_search_by(|x| key(x).cmp(&key(&item))) {
        Ok(at) => list[at] = item,
        Err(at) => list.insert(at, item),
    }
}

/// Any value in a record's encoding (wizard drafts use it with revision 0).
pub fn encode_value<T: Serialize>(revision: Revision, value: &T) -> String {
    let json = serde_json::to_vec(value).expect("records always serialise");
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, LEVEL);
    format!("{revision}~{}~{}", deflated.len(), pack(&deflated))
}

/// The revision of a stored record, read without decoding the rest.
pub fn revision_of(raw: &str) -> Option<Revision> {
    raw.split_once('~')?.0.parse().ok()
}

pub fn decode_value<T: DeserializeOwned>(raw: &str) -> Result<(Revision, T), Unreadable> {
    let corrupt = |what: &str| Unreadable::Corrupt(what.into());
    let mut parts = raw.splitn(3, '~');
    let (Some(revision), Some(len), Some(packed)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(Unreadable::Foreign);
    };
    let (Ok(revision), Ok(len)) = (revision.parse::<Revision>(), len.parse::<usize>()) else {
        return Err(Unreadable::Foreign);
    };
    let deflated = unpack(packed, len).ok_or_else(|| corrupt("truncated record"))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_JSON_BYTES)
        .map_err(|_| corrupt("the record does not decompress"))?;
    // From text, as format 1 and backups are read: one copy of each type's decoder in
    // the wasm, not two (serde instantiates them per kind of input).
    let json = String::from_utf8(json).map_err(|_| corrupt("the record is not text"))?;
    let value = serde_json::from_str(&json).map_err(|e| Unreadable::Corrupt(e.to_string()))?;
    Ok((revision, value))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::codec::decode_document;
    use proptest::prelude::*;

    pub fn fixture() -> Document {
        decode_document(include_str!("../../tests/fixtures/format-1.json")).unwrap()
    }

    #[test]
    fn every_record_of_the_fixture_round_trips() {
        let doc = fixture();
        for (n, record) in Record::all_of(&doc).enumerate() {
            let raw = record.encode(n as Revision + 1);
            assert_eq!(revision_of(&raw), Some(n as Revision + 1));
            assert_eq!(
                Record::decode(record.id(), &raw),
                Ok((n as Revision + 1, record))
            );
        }
    }

    #[test]
    fn a_record_under_the_wrong_key_is_corrupt() {
        let doc = fixture();
        let raw = Record::Customer(doc.customers[0].clone()).encode(1);
        let other = RecordId::Customer(doc.customers[1].id);
        assert!(matches!(
            Record::decode(other, &raw),
            Err(Unreadable::Corrupt(_))
        ));
        assert!(matches!(
            Record::decode(RecordId::Partner, &raw),
            Err(Unreadable::Corrupt(_))
        ));
    }

    #[test]
    fn keys_round_trip() {
        let doc = fixture();
        for record in Record::all_of(&doc) {
            assert_eq!(
                RecordId::from_key_part(&record.id().key_part()),
                Some(record.id())
            );
        }
        for bad in ["", "customer", "customer:nope", "thing:1", "partner:"] {
            assert_eq!(RecordId::from_key_part(bad), None, "{bad}");
        }
    }

    #[test]
    fn damaged_records_are_refused_not_guessed() {
        let doc = fixture();
        let id = RecordId::Customer(doc.customers[0].id);
        let raw = Record::Customer(doc.customers[0].clone()).encode(3);
        for bad in [
            "".to_string(),
            "{\"json\":1}".to_string(),
            raw[..raw.len() - 3].to_string(),
            raw.replacen("~", "~1", 1),
            format!("{}x", raw),
        ] {
            assert!(Record::decode(id, &bad).is_err(), "{bad:.40}");
        }
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(raw in ".{0,200}") {
            let _ = Record::decode(RecordId::Partner, &raw);
        }
    }
}
