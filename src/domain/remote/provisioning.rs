//! A customer's provisioning in Webex as this app recorded it: the ids Webex gave, the
//! statuses it reported, what it refused, and a short timeline of what was sent and
//! answered. Saved with the customer, so a run resumes after a reload and nothing is
//! created twice. Never holds a token or any other secret.

use crate::domain::ids::{LocationId, UserId};
use crate::domain::paging::Paging;
pub use crate::domain::status::{ApiProblem, PackageState, RemoteStatus, TransportError};
use crate::domain::time::Timestamp;
use crate::domain::timeline::Note;
use serde::{Deserialize, Serialize};

/// Something a run creates in Webex, for the bookkeeping of its creates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    Customer,
    Location(LocationId),
    /// Webex Calling enabled on a location.
    Calling(LocationId),
    User(UserId),
}

/// What a run knows of a target's creates: a create is sent again only after
/// [`LOOKUPS_TO_PROVE_ABSENT`] lookups found nothing, and at most [`MAX_CREATES`]
/// times a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Attempts {
    /// Creates sent in this run.
    pub sent: u8,
    /// Lookups since the last create that did not find it.
    pub absent: u8,
}

/// Lookups that must find nothing before a create whose answer was lost is sent again.
pub const LOOKUPS_TO_PROVE_ABSENT: u8 = 3;
/// Creates of one thing in one run, at most.
pub const MAX_CREATES: u8 = 2;

/// Where a user stands in Webex.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserState {
    /// The precheck passed.
    Prechecked,
    /// `POST /wholesale/subscribers` went out and its answer was not recorded: before
    /// sending it again, look the user up.
    Sent,
    /// Webex took the user: its subscriber id and status (`provisioned`,
    /// `pending_user_migration`).
    Provisioned { id: String, status: String },
    /// Webex refused the user (precheck or provisioning).
    Refused {
        http: u16,
        problems: Vec<ApiProblem>,
    },
    /// Webex answered 409 (the user exists): looked up before it is called refused,
    /// never sent again.
    Conflict { problems: Vec<ApiProblem> },
    /// Sent [`MAX_CREATES`] times, and Webex never showed the user afterwards.
    Unconfirmed,
}

/// Why a run stopped before it was done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stop {
    /// The customer precheck said no.
    PrecheckRefused {
        http: u16,
        problems: Vec<ApiProblem>,
    },
    /// Webex refused a request outright (4xx other than 401/429).
    Refused {
        http: u16,
        problems: Vec<ApiProblem>,
    },
    /// The token was refused (401): the run continues once a new one is given.
    TokenRefused,
    // The variants below carry one value each: a record is decoded on every start, and
    // a struct variant costs the first screen a decoder of its own.
    /// Still failing after the retries (network), or failing in a way retries do not
    /// mend (a redirect, an answer too large).
    Failed(TransportError),
    /// Webex still answered with a server error (5xx) after the retries; the text is
    /// its description.
    ServerError(Answered),
    /// What records of earlier releases hold for either of the two above, in English.
    Unreachable { detail: String },
    /// Webex finished the customer with status `error`.
    CustomerError,
    /// Webex answered in a shape its spec does not describe: nothing more is sent. The
    /// text is the answer's first characters, cleaned.
    Unexpected(Answered),
    /// Webex asked to wait longer than a run waits (seconds).
    WaitTooLong(u32),
    /// The customer's create went out twice and lookups never found it.
    CustomerNotConfirmed,
    /// A location's create went out twice and lookups never found it.
    LocationNotConfirmed(LocationId),
    /// Webex kept the customer in provisioning longer than a run follows it.
    StillProvisioning,
    /// The partner stopped the run: it continues from here when started again.
    Paused,
    /// Webex API mode, and the customer's template is not linked to Partner Hub: its
    /// provisioning ID is unknown, so nothing was sent.
    NotLinked,
    /// Webex API mode, and calling users at this location have numbers while how the
    /// location's numbers reach Webex is not chosen: nothing was sent for them.
    NumbersNotChosen(LocationId),
    /// Webex says the location has no PSTN connection (so no numbers): the partner
    /// picks one of `LocationNumbers::options`, which the run sets.
    NoPstnConnection(LocationId),
    /// Numbers from the location's integrated PSTN provider are not in its inventory
    /// (which ones: the users' numbers not in `LocationNumbers::present`).
    NumbersMissing(LocationId),
    /// Webex kept the customer in `deleting` longer than a run follows it.
    StillRemoving,
    /// A list Webex pages (the request named) could not be read to its end: longer than
    /// a run reads, or its next page linked outside the base URL. Nothing is concluded
    /// from what it did not show.
    ListUnread(String),
    /// The customer waits for Cisco's compliance review (`pending_rpl_review`) longer
    /// than a run asks about it: parked until the partner checks again.
    AwaitingReview,
    /// The check a run starts with found this many things Webex would refuse: nothing
    /// was written (the check's report, `Provisioning::check`, lists them).
    CheckFailed(u32),
}

/// An answer a run stopped on: to which request, its status, and its text (cleaned
/// and cut).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answered {
    /// The request, as method and path template (`POST /wholesale/customers`).
    pub request: String,
    pub http: u16,
    pub text: String,
}

/// Removing a customer from Webex (`DELETE /wholesale/customers/{id}`, then its status
/// followed until Webex no longer has it); the record is dropped once it is `Gone`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Removal {
    /// Asked: the `DELETE` has not been answered yet (sending it again is harmless).
    Asked,
    /// Webex accepted it (`202`): its status is followed.
    Accepted,
    /// Webex no longer has the customer (`404`).
    Gone,
}

/// Starts removing the customer from Webex (the partner confirmed "Also remove it from
/// Webex"): a run sends the `DELETE`, then follows the customer until it is gone.
pub fn start_removal(p: &mut Provisioning) {
    p.removal = Some(Removal::Asked);
    p.running = true;
    p.stopped = None;
    p.waiting_until = None;
}

/// What a run learnt of a location's phone numbers in Webex.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LocationNumbers {
    /// Webex said the location has a PSTN connection (or took the one the partner picked).
    pub connected: bool,
    /// Webex said it has none (`404`): the run asks for the options it offers.
    pub unconnected: bool,
    /// The PSTN connections Webex offered the location, to pick one from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<PstnOption>,
    /// The option the partner picked: the run sets it before it adds numbers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub picked: Option<String>,
    /// With a Local Gateway picked, the trunk or route group its calls go through, as
    /// `PremiseRoute::text` writes it (a string costs the first screen no decoder).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub route: String,
    /// The connection's type as Webex reported it (`pstnConnectionType`): where it says
    /// the numbers come from a provider, none are added, whatever was chosen here.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pstn_type: String,
    /// The users' numbers Webex listed in (or took into) the location's inventory.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub present: Vec<String>,
    /// How far the location's inventory was read in this run, and whether it was read
    /// to its end (not saved: a run reads the inventory again, numbers may have come
    /// since).
    #[serde(skip)]
    pub page: Paging,
    #[serde(skip)]
    pub listed: bool,
    /// This run (none saved): the users' numbers Webex will not take (refused when
    /// added or validated, or inactive where they cannot be activated), not sent again;
    /// those `validateNumbers` called available; those Webex took, checked in the
    /// inventory read again before the users; and those it lists as `INACTIVE`.
    #[serde(skip)]
    pub refused: Vec<String>,
    #[serde(skip)]
    pub validated: Vec<String>,
    #[serde(skip)]
    pub added: Vec<String>,
    #[serde(skip)]
    pub inactive: Vec<String>,
}

/// A person as `GET /people/{id}` read it (the answer's text, bounded by the transport),
/// and whether it is the read-back after an update (`PUT` answered without the person).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonRead {
    pub text: String,
    pub after_update: bool,
}

/// A PSTN connection Webex offers a location (`connectionOptions`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PstnOption {
    pub id: String,
    pub name: String,
}

/// One request and its answer, for the customer page's timeline (no secrets).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub at: Timestamp,
    pub method: String,
    pub path: String,
    /// The HTTP status; `None` when no answer came (network failure).
    pub http: Option<u16>,
    /// The [`Note`]'s stored line (see [`Event::note`]).
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_id: Option<String>,
}

impl Event {
    /// What the timeline says of the answer. Read from its line when it is shown, so
    /// that loading a document never parses a timeline.
    pub fn note(&self) -> Note {
        Note::from_stored(&self.summary)
    }
}

/// The timeline keeps the latest events only (a run of 1,000 users is 2,000 requests).
pub const TIMELINE_LENGTH: usize = 200;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Provisioning {
    /// A run is under way (or was, when the page was closed): it resumes.
    pub running: bool,
    pub prechecked: bool,
    /// `GET /wholesale/customers?externalId=` found nothing: creating is safe.
    pub looked_up: bool,
    /// `POST /wholesale/customers` went out; its answer may not have been recorded.
    pub create_sent: bool,
    /// The wholesale customer's id (the last segment of the url Webex answered).
    pub customer_id: Option<String>,
    pub org_id: Option<String>,
    pub status: Option<RemoteStatus>,
    /// The status as Webex spelled it, when this version does not know it
    /// ([`RemoteStatus::Unknown`]): shown as "unknown (…)".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub status_text: String,
    pub packages: Vec<PackageState>,
    /// `GET /locations?orgId=` was read: the ids of locations that exist are known.
    pub locations_listed: bool,
    /// Webex's ids of the headquarters and branches.
    pub locations: IdMap<LocationId, String>,
    /// How far `GET /locations` was read in this run (not saved: a run lists again).
    #[serde(skip)]
    pub locations_page: Paging,
    /// `GET /telephony/config/locations?orgId=` was read: which locations have calling.
    pub calling_listed: bool,
    /// Locations Webex Calling is enabled on, as Webex listed or answered them (the
    /// headquarters comes enabled with a customer that has calling).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub calling: Vec<LocationId>,
    /// How far `GET /telephony/config/locations` was read in this run.
    #[serde(skip)]
    pub calling_page: Paging,
    /// Webex ended the customer in `error` and the partner started a run again: the run
    /// updates the customer (`PUT`) instead of creating it twice, then follows it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub update_asked: bool,
    /// The partner asked to remove the customer from Webex: how far that went.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removal: Option<Removal>,
    /// What the run learnt of each location's phone numbers in Webex.
    #[serde(skip_serializing_if = "IdMap::is_empty")]
    pub numbers: IdMap<LocationId, LocationNumbers>,
    /// What Webex has of what was changed here since it took it (the changes to send),
    /// as the JSON text of a `changes::InWebex`: only a run and the customer page read
    /// it, so the first screen decodes a string instead of carrying a decoder for it.
    #[serde(rename = "in_webex", skip_serializing_if = "String::is_empty")]
    pub changes: String,
    /// Subscribers Webex has in the customer that the app does not ("In Webex only"), as
    /// the JSON text of `refresh::RemoteSubscriber`s: read by the customer page only.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub webex_only: String,
    /// A refresh found that Webex no longer lists the customer ("Not in Webex").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_in_webex: bool,
    pub users: IdMap<UserId, UserState>,
    /// The people's ids and move jobs below, as the JSON text of a [`PeopleRecord`]:
    /// only a run, a refresh and the customer page read it, so the first screen decodes
    /// a string instead of carrying a decoder for it. Read into the fields below by
    /// [`Provisioning::load_people`], written back by [`Provisioning::store_people`].
    #[serde(rename = "people", skip_serializing_if = "String::is_empty")]
    pub people_text: String,
    /// The People API's id of each provisioned user, as Webex gave it with the
    /// subscriber (its names, number and extension change through `/people/{id}`).
    #[serde(skip)]
    pub person_ids: IdMap<UserId, String>,
    /// Users Webex is moving to another location: the move job's id, followed until it
    /// ends (saved: a reload follows the same job rather than start another).
    #[serde(skip)]
    pub moves: IdMap<UserId, String>,
    /// `people_text` was read into the fields above (which are then what is true).
    #[serde(skip)]
    pub people_loaded: bool,
    /// What a run read of a person (`GET /people/{id}`), to send it back changed; and
    /// how often a move job was asked about (neither saved).
    #[serde(skip)]
    pub people: IdMap<UserId, PersonRead>,
    #[serde(skip)]
    pub move_polls: IdMap<UserId, u32>,
    /// The announcement languages Webex Calling offers, as this run read them (`None`
    /// until then): a branch is created and enabled with one of them.
    #[serde(skip)]
    pub announcement_languages: Option<Vec<String>>,
    /// The calling locations whose routing prefix this run found in Webex as it is here
    /// (`prefixes_read`) and those found otherwise, to be set (neither saved: each run
    /// reads them before its users).
    #[serde(skip)]
    pub prefixes_read: Vec<LocationId>,
    #[serde(skip)]
    pub prefixes_to_set: Vec<LocationId>,
    pub stopped: Option<Stop>,
    /// The last "Check with Webex", as the JSON text of a `check::CheckReport`: only
    /// the customer page and a run decode it. A run starting drops it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub check: String,
    pub timeline: Vec<Event>,
    /// Creates sent and lookups that did not find them, per target, in this run (not
    /// saved: a reload starts counting again, which only adds lookups; the markers
    /// that a create went out, `create_sent` and `UserState::Sent`, are saved).
    #[serde(skip)]
    pub attempts: IdMap<Target, Attempts>,
    /// A retry is waiting until then (Webex asked to wait, or a failure backs off);
    /// for the panel's countdown, not saved.
    #[serde(skip)]
    pub waiting_until: Option<Timestamp>,
}

/// What is saved of a customer's people in Webex (`Provisioning::people_text`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PeopleRecord {
    #[serde(skip_serializing_if = "IdMap::is_empty")]
    pub ids: IdMap<UserId, String>,
    #[serde(skip_serializing_if = "IdMap::is_empty")]
    pub moves: IdMap<UserId, String>,
}

impl PeopleRecord {
    /// The record in `text`; text that is not one (storage another page wrote) reads
    /// as none.
    pub fn read(text: &str) -> Self {
        if text.is_empty() {
            return Self::default();
        }
        serde_json::from_str(text).unwrap_or_default()
    }
}

impl Provisioning {
    /// Reads the saved people's ids and move jobs into `person_ids` and `moves` (once).
    pub fn load_people(&mut self) {
        if self.people_loaded {
            return;
        }
        let record = PeopleRecord::read(&self.people_text);
        self.person_ids = record.ids;
        self.moves = record.moves;
        self.people_loaded = true;
    }

    /// Writes `person_ids` and `moves` back into the saved text, if they were read, and
    /// forgets them (a saved record holds the text only, so records compare as saved).
    pub fn store_people(&mut self) {
        if !self.people_loaded {
            return;
        }
        let record = PeopleRecord {
            ids: std::mem::take(&mut self.person_ids),
            moves: std::mem::take(&mut self.moves),
        };
        self.people_loaded = false;
        self.people_text = if record == PeopleRecord::default() {
            String::new()
        } else {
            serde_json::to_string(&record).expect("plain data")
        };
    }
}

/// A map kept as a vector sorted by key: a fraction of a `BTreeMap`'s code in the wasm,
/// and as quick for the few thousand entries a customer has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<(K, V)>", into = "Vec<(K, V)>")]
pub struct IdMap<K: Ord + Clone, V: Clone>(Vec<(K, V)>);

impl<K: Ord + Clone, V: Clone> Default for IdMap<K, V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<K: Ord + Clone, V: Clone> From<Vec<(K, V)>> for IdMap<K, V> {
    fn from(mut entries: Vec<(K, V)>) -> Self {
        crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        entries.dedup_by(|a, b| a.0 == b.0);
        Self(entries)
    }
}

impl<K: Ord + Clone, V: Clone> From<IdMap<K, V>> for Vec<(K, V)> {
    fn from(map: IdMap<K, V>) -> Self {
        map.0
    }
}

impl<K: Ord + Clone, V: Clone> IdMap<K, V> {
    pub fn get(&self, key: &K) -> Option<&V> {
        let i = self.0.binary_search_by(|(k, _)| k.cmp(key)).ok()?;
        Some(&self.0[i].1)
    }

    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        let i = self.0.binary_search_by(|(k, _)| k.cmp(key)).ok()?;
        Some(&mut self.0[i].1)
    }

    pub fn contains_key(&self, key: &K) -> bool {
        self.get(key).is_some()
    }

    pub fn insert(&mut self, key: K, value: V) {
        match self.0.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    /// The value at `key`, inserted as the default first when missing.
    pub fn get_or_default(&mut self, key: K) -> &mut V
    where
        V: Default,
    {
        let i = match self.0.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key, V::default()));
                i
            }
        };
        &mut self.0[i].1
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.0.iter_mut().map(|(_, v)| v)
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&K, &V) -> bool) {
        self.0.retain(|(k, v)| keep(k, v));
    }

    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn remove(&mut self, key: &K) {
        if let Ok(i) = self.0.binary_search_by(|(k, _)| k.cmp(key)) {
            self.0.remove(i);
        }
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: Ord + Clone, V: Clone> std::ops::Index<&K> for IdMap<K, V> {
    type Output = V;
    fn index(&self, key: &K) -> &V {
        self.get(key).expect("a key of the map")
    }
}

/// What the customers list and page show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Badge {
    NotProvisioned,
    Provisioning,
    Provisioned,
    ProvisionedWithErrors,
    Error,
    /// Being removed from Webex: the record goes once Webex confirms.
    Removing,
    /// A refresh found that Webex no longer has it.
    NotInWebex,
}

impl Badge {
    pub const ALL: [Badge; 7] = [
        Self::NotProvisioned,
        Self::Provisioning,
        Self::Provisioned,
        Self::ProvisionedWithErrors,
        Self::Error,
        Self::Removing,
        Self::NotInWebex,
    ];

    /// How a link names it (the customers list's `?status=`).
    pub fn key(self) -> &'static str {
        match self {
            Self::NotProvisioned => "not-provisioned",
            Self::Provisioning => "provisioning",
            Self::Provisioned => "provisioned",
            Self::ProvisionedWithErrors => "provisioned-with-errors",
            Self::Error => "error",
            Self::Removing => "removing",
            Self::NotInWebex => "not-in-webex",
        }
    }

    pub fn from_key(key: &str) -> Option<Badge> {
        Self::ALL.into_iter().find(|b| b.key() == key)
    }
}

impl Provisioning {
    /// Never provisioned: not even written to storage.
    pub fn is_untouched(&self) -> bool {
        *self == Self::default()
    }

    pub fn badge(&self) -> Badge {
        let refused_users = self
            .users
            .values()
            .any(|u| matches!(u, UserState::Refused { .. } | UserState::Unconfirmed));
        if self.removal.is_some() {
            return Badge::Removing;
        }
        if self.not_in_webex && !self.running {
            return Badge::NotInWebex;
        }
        match (self.status, &self.stopped) {
            (Some(RemoteStatus::Error), _) | (_, Some(Stop::CustomerError)) => Badge::Error,
            (
                None,
                Some(
                    Stop::PrecheckRefused { .. }
                    | Stop::Refused { .. }
                    | Stop::Unexpected(_)
                    | Stop::CustomerNotConfirmed
                    | Stop::LocationNotConfirmed(_),
                ),
            ) => Badge::Error,
            _ if self.running => Badge::Provisioning,
            (Some(RemoteStatus::ProvisionedWithErrors), _) => Badge::ProvisionedWithErrors,
            (Some(RemoteStatus::Provisioned), _) if refused_users || self.stopped.is_some() => {
                Badge::ProvisionedWithErrors
            }
            (Some(RemoteStatus::Provisioned), _) => Badge::Provisioned,
            (Some(_), _) => Badge::Provisioning,
            (None, _) if self.customer_id.is_some() => Badge::Provisioning,
            (None, _) => Badge::NotProvisioned,
        }
    }

    /// Records a request and its answer, keeping the latest [`TIMELINE_LENGTH`].
    pub fn log(&mut self, event: Event) {
        if self.timeline.len() >= TIMELINE_LENGTH {
            let extra = self.timeline.len() + 1 - TIMELINE_LENGTH;
            self.timeline.drain(..extra);
        }
        self.timeline.push(event);
    }

    /// The users Webex refused (in an earlier run, or this one's check).
    pub fn refused_users(&self) -> Vec<UserId> {
        self.users
            .iter()
            .filter(|(_, u)| matches!(u, UserState::Refused { .. }))
            .map(|(id, _)| *id)
            .collect()
    }

    /// How many of `users` Webex has taken.
    pub fn users_provisioned<'a>(&self, users: impl IntoIterator<Item = &'a UserId>) -> usize {
        users
            .into_iter()
            .filter(|id| matches!(self.users.get(id), Some(UserState::Provisioned { .. })))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badges_are_named_by_distinct_keys() {
        for badge in Badge::ALL {
            assert_eq!(Badge::from_key(badge.key()), Some(badge));
        }
        assert_eq!(Badge::from_key("Error"), None);
    }

    #[test]
    fn statuses_read_as_the_api_writes_them() {
        assert_eq!(
            RemoteStatus::from_api("pending_rpl_review"),
            Some(RemoteStatus::PendingRplReview)
        );
        assert_eq!(
            RemoteStatus::from_api("provisioned_with_errors"),
            Some(RemoteStatus::ProvisionedWithErrors)
        );
        assert_eq!(RemoteStatus::from_api("done"), None);
        assert!(RemoteStatus::Error.is_final() && !RemoteStatus::Updating.is_final());
    }

    #[test]
    fn the_badge_follows_what_was_recorded() {
        let mut p = Provisioning::default();
        assert_eq!(p.badge(), Badge::NotProvisioned);
        p.running = true;
        assert_eq!(p.badge(), Badge::Provisioning);
        p.customer_id = Some("c".into());
        p.status = Some(RemoteStatus::Provisioned);
        assert_eq!(p.badge(), Badge::Provisioning, "users still going");
        p.running = false;
        assert_eq!(p.badge(), Badge::Provisioned);
        p.users.insert(
            UserId::from_u128(1),
            UserState::Refused {
                http: 409,
                problems: vec![],
            },
        );
        assert_eq!(p.badge(), Badge::ProvisionedWithErrors);
        p.status = Some(RemoteStatus::Error);
        assert_eq!(p.badge(), Badge::Error);

        let refused = Provisioning {
            stopped: Some(Stop::PrecheckRefused {
                http: 400,
                problems: vec![],
            }),
            ..Provisioning::default()
        };
        assert_eq!(refused.badge(), Badge::Error);
        let token = Provisioning {
            running: true,
            stopped: Some(Stop::TokenRefused),
            ..Provisioning::default()
        };
        assert_eq!(
            token.badge(),
            Badge::Provisioning,
            "waiting for a new token"
        );
    }

    #[test]
    fn an_id_map_keeps_one_value_a_key_in_order() {
        let mut m = IdMap::default();
        for k in [5u8, 1, 3, 1] {
            m.insert(k, k * 10);
        }
        assert_eq!(m.len(), 3);
        assert_eq!(m.get(&1), Some(&10));
        assert_eq!(m.values().copied().collect::<Vec<_>>(), [10, 30, 50]);
        let read: IdMap<u8, u8> = serde_json::from_str("[[9,1],[2,2],[9,3]]").unwrap();
        assert_eq!(read.get(&2), Some(&2));
        assert_eq!(read.len(), 2, "a repeated key is read once");
        m.retain(|k, _| *k != 3);
        assert!(!m.contains_key(&3));
    }

    #[test]
    fn the_timeline_keeps_the_latest_events() {
        let mut p = Provisioning::default();
        for i in 0..(TIMELINE_LENGTH + 5) {
            p.log(Event {
                at: Timestamp(i as i64),
                method: "GET".into(),
                path: "/x".into(),
                http: Some(200),
                summary: String::new(),
                tracking_id: None,
            });
        }
        assert_eq!(p.timeline.len(), TIMELINE_LENGTH);
        assert_eq!(p.timeline[0].at, Timestamp(5));
    }
}
