//! The provisioning ID Partner Hub issues for an onboarding template.
//!
//! In Webex the template lives in Partner Hub: the partner creates it there, and Partner
//! Hub shows its provisioning ID, which `POST /wholesale/customers` needs. This app's
//! templates mirror Partner Hub's wizard, so the partner links each one by pasting that
//! ID. It is never made up here (Webex refuses an ID it did not issue).
//!
//! Partner Hub's IDs are the base64 text of a UUID (the spec's example
//! `ZjViMzYxODctYzhkZC00NzI3LThiMmYtZjljNDQ3ZjI5MDQ2` is
//! `f5b36187-c8dd-4727-8b2f-f9c447f29046`).

use crate::domain::ids::ProvisioningId;
use crate::domain::Problem;
use serde::{Deserialize, Serialize};

/// A template's provisioning ID as Partner Hub issued it: the base64 text of a UUID,
/// kept without padding.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartnerHubId(String);

impl PartnerHubId {
    /// Longer than any base64 text of a UUID (48 characters), with room for padding.
    pub const MAX_CHARS: usize = 64;

    /// Trimmed, then the base64 text of a UUID, with or without `=` padding.
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        // Copied from Partner Hub it may wrap onto two lines, which a field turns into a
        // space: no white space is part of an ID.
        let s: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        let s = s.as_str();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        if s.chars().count() > Self::MAX_CHARS {
            return Err(Problem::TooLong {
                max: Self::MAX_CHARS,
            });
        }
        // The ID this app draws for its own use (and showed in earlier releases).
        if ProvisioningId::parse(s).is_some() {
            return Err(Problem::LooksLikeAppId);
        }
        let unpadded = s.strip_suffix("==").or(s.strip_suffix('=')).unwrap_or(s);
        let decoded = base64_decode(unpadded).ok_or(Problem::NotPartnerHubId)?;
        let text = std::str::from_utf8(&decoded).map_err(|_| Problem::NotPartnerHubId)?;
        if ProvisioningId::parse(text).is_some() && text.len() == 36 {
            Ok(Self(unpadded.to_string()))
        } else {
            Err(Problem::NotPartnerHubId)
        }
    }

    /// The ID as it was issued for `uuid`, for the demo data and the tests.
    pub fn of_uuid(uuid: ProvisioningId) -> Self {
        Self(base64_text(uuid.to_string().as_bytes()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for PartnerHubId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for PartnerHubId {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).map_err(|p| format!("invalid Partner Hub provisioning ID: {p:?}"))
    }
}

impl From<PartnerHubId> for String {
    fn from(value: PartnerHubId) -> String {
        value.0
    }
}

/// The value of a base64 digit (standard or URL-safe alphabet).
fn digit(c: u8) -> Option<u32> {
    Some(u32::from(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    }))
}

/// Unpadded base64; `None` for anything else (a stray character, a dangling digit).
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in text.as_bytes() {
        acc = (acc << 6) | digit(c)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Leftover bits of the last digit must be zero in canonical base64.
    (acc == 0).then_some(out)
}

/// Unpadded standard base64 (as Webex writes its ids).
pub fn base64_text(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(TABLE[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SPEC_EXAMPLE: &str = "ZjViMzYxODctYzhkZC00NzI3LThiMmYtZjljNDQ3ZjI5MDQ2";

    #[test]
    fn the_specs_example_is_a_partner_hub_id() {
        let id = PartnerHubId::parse(SPEC_EXAMPLE).unwrap();
        assert_eq!(id.as_str(), SPEC_EXAMPLE);
        assert_eq!(
            PartnerHubId::of_uuid(
                ProvisioningId::parse("f5b36187-c8dd-4727-8b2f-f9c447f29046").unwrap()
            ),
            id
        );
    }

    #[test]
    fn white_space_and_padding_are_accepted_and_dropped() {
        let padded = format!("  {SPEC_EXAMPLE}==\n");
        assert_eq!(PartnerHubId::parse(&padded).unwrap().as_str(), SPEC_EXAMPLE);
        assert_eq!(
            PartnerHubId::parse(&format!("{SPEC_EXAMPLE}="))
                .unwrap()
                .as_str(),
            SPEC_EXAMPLE
        );
        // URL-safe base64 reads the same bytes.
        assert!(PartnerHubId::parse(&SPEC_EXAMPLE.replace('+', "-")).is_ok());
        // A line-wrapped paste: the line break the field turned into a space is dropped.
        let (head, tail) = SPEC_EXAMPLE.split_at(24);
        for wrapped in [
            format!("{head} {tail}"),
            format!("{head}\n{tail}"),
            format!("{head}\t {tail}"),
        ] {
            assert_eq!(
                PartnerHubId::parse(&wrapped).unwrap().as_str(),
                SPEC_EXAMPLE
            );
        }
    }

    #[test]
    fn the_apps_own_uuid_is_refused_as_such() {
        assert_eq!(
            PartnerHubId::parse("f5b36187-c8dd-4727-8b2f-f9c447f29046"),
            Err(Problem::LooksLikeAppId)
        );
        assert_eq!(
            PartnerHubId::parse(" F5B36187-C8DD-4727-8B2F-F9C447F29046 "),
            Err(Problem::LooksLikeAppId)
        );
    }

    #[test]
    fn other_text_is_refused() {
        assert_eq!(PartnerHubId::parse(""), Err(Problem::Required));
        assert_eq!(PartnerHubId::parse("   "), Err(Problem::Required));
        assert_eq!(
            PartnerHubId::parse(&"A".repeat(65)),
            Err(Problem::TooLong { max: 64 })
        );
        for bad in [
            // Cut short.
            "ZjViMzYxODctYzhkZC00NzI3LThiMmYtZjljNDQ3ZjI5MDQ",
            // The base64 of something else: a Webex organization id.
            "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE",
            "not an id",
            "ZjViMzYxODctYzhkZC00NzI3LThiMmYtZjljNDQ3ZjI5MD!2",
            "===",
        ] {
            assert_eq!(
                PartnerHubId::parse(bad).map_err(|p| matches!(
                    p,
                    Problem::NotPartnerHubId | Problem::TooLong { .. }
                )),
                Err(true),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_stored_id_that_is_not_one_does_not_load() {
        assert!(serde_json::from_str::<PartnerHubId>("\"x\"").is_err());
        let id: PartnerHubId = serde_json::from_str(&format!("\"{SPEC_EXAMPLE}\"")).unwrap();
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            format!("\"{SPEC_EXAMPLE}\"")
        );
    }

    proptest! {
        #[test]
        fn every_uuids_base64_is_accepted_and_reads_back(bytes in any::<[u8; 16]>()) {
            let id = PartnerHubId::of_uuid(ProvisioningId::from_random(bytes));
            prop_assert_eq!(PartnerHubId::parse(id.as_str()), Ok(id.clone()));
            prop_assert_eq!(PartnerHubId::parse(&format!(" {id}== ")), Ok(id));
        }

        #[test]
        fn nothing_is_accepted_that_is_not_a_uuids_base64(text in "\\PC{0,70}") {
            if let Ok(id) = PartnerHubId::parse(&text) {
                let bytes = base64_decode(id.as_str()).unwrap();
                let uuid = std::str::from_utf8(&bytes).unwrap();
                prop_assert!(ProvisioningId::parse(uuid).is_some());
            }
        }
    }
}
