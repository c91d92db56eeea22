//! What the timeline says of each answer: a [`Note`], which the UI words in the app's
//! language.
//!
//! A note is kept as the English line earlier versions wrote ("3 locations listed"), so
//! that timelines saved before read the same, and a backup stays readable. That line is
//! a storage form, not the English the UI shows: reading it back gives the typed note,
//! and a line this version does not know is kept as it was ([`Note::Other`]).

use crate::domain::status::{RemoteStatus, TransportError};

/// One answer (or its absence), summed up.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Note {
    PrecheckPassed,
    PrecheckRefused,
    /// Lookups before a create.
    CustomerFound,
    NoCustomerYet,
    CustomerNotListedYet,
    CustomerCreatedAgain,
    CustomerNotConfirmed,
    /// The customer's id, as Webex gave it.
    CustomerAccepted(String),
    Status(RemoteStatus),
    LocationsListed(usize),
    /// The location's id.
    LocationCreated(String),
    CallingLocations(usize),
    CallingEnabled,
    /// The announcement languages Webex offers were read: how many, or the language (of
    /// a branch) that is not among them, whose announcements are in English.
    AnnouncementLanguages(usize),
    AnnouncementsInEnglish(String),
    /// Enabling calling answered `409`: it is on already; the list is read again.
    CallingAlreadyEnabled,
    /// The connection's type, as Webex named it.
    PstnConnection(String),
    NoPstnConnection,
    ConnectionOptions(usize),
    PstnSet,
    NumbersListed(usize),
    NumbersAdded(usize),
    /// Numbers `validateNumbers` called available.
    NumbersValidated(usize),
    NumbersActivated(usize),
    UpdateAccepted,
    Refused,
    LocationUpdated,
    /// The routing prefix Webex has for a location (empty: none), and one set there.
    RoutingPrefix(String),
    RoutingPrefixSet,
    /// The subscriber's status, as Webex named it.
    SubscriberUpdated(String),
    SubscriberRemoved,
    /// A user's People API id was read from its subscriber.
    PersonFound,
    /// A person was read (to send back changed, or to see what Webex took).
    PersonRead,
    /// Webex shows the person as it is here.
    PersonUpdated,
    /// A move job started, or is still going (its status, as Webex named it).
    MoveStarted,
    MoveStatus(String),
    /// The move job ended with the user at its new location.
    Moved,
    RemovalAccepted,
    RemovedFromWebex,
    UserFound,
    UserNotListedYet,
    UserElsewhere,
    UserSentAgain,
    UserNotConfirmed,
    /// A subscriber created, with its status as Webex named it.
    Subscriber(String),
    UserExists,
    /// The start of an answer that is not what the spec describes.
    Unexpected(String),
    /// A retry, after the failure that caused it, if no answer came.
    Retrying {
        failure: Option<TransportError>,
        seconds: u32,
    },
    /// A create whose outcome is unknown.
    Lost(Option<TransportError>),
    TokenRefused,
    StoppedByPartner,
    /// Webex asked for a wait longer than a run waits (seconds).
    AskedToWait(u32),
    GaveUp(Option<TransportError>),
    /// A line this version does not know (written by a later one, or by hand).
    Other(String),
}

impl Note {
    /// The line kept in storage (see the module's description).
    pub fn stored(&self) -> String {
        let failure = |f: &Option<TransportError>| {
            f.map(|f| format!("{}; ", transport_line(f)))
                .unwrap_or_default()
        };
        match self {
            Self::PrecheckPassed => PRECHECK_PASSED.into(),
            Self::PrecheckRefused => PRECHECK_REFUSED.into(),
            Self::CustomerFound => CUSTOMER_FOUND.into(),
            Self::NoCustomerYet => NO_CUSTOMER_YET.into(),
            Self::CustomerNotListedYet => CUSTOMER_NOT_LISTED_YET.into(),
            Self::CustomerCreatedAgain => CUSTOMER_CREATED_AGAIN.into(),
            Self::CustomerNotConfirmed => CUSTOMER_NOT_CONFIRMED.into(),
            Self::CustomerAccepted(id) => format!("{CUSTOMER_ACCEPTED}{id}"),
            Self::Status(s) => format!("{STATUS}{}", s.api_key()),
            Self::LocationsListed(n) => format!("{n}{LOCATIONS_LISTED}"),
            Self::LocationCreated(id) => format!("{LOCATION}{id}"),
            Self::CallingLocations(n) => format!("{n}{CALLING_LOCATIONS}"),
            Self::CallingEnabled => CALLING_ENABLED.into(),
            Self::AnnouncementLanguages(n) => format!("{n}{ANNOUNCEMENT_LANGUAGES}"),
            Self::AnnouncementsInEnglish(language) => format!("{IN_ENGLISH}{language}"),
            Self::CallingAlreadyEnabled => CALLING_ALREADY_ENABLED.into(),
            Self::PstnConnection(kind) => format!("{PSTN_CONNECTION}{kind}"),
            Self::NoPstnConnection => NO_PSTN_CONNECTION.into(),
            Self::ConnectionOptions(n) => format!("{n}{CONNECTION_OPTIONS}"),
            Self::PstnSet => PSTN_SET.into(),
            Self::NumbersListed(n) => format!("{n}{NUMBERS_LISTED}"),
            Self::NumbersAdded(n) => format!("{n}{NUMBERS_ADDED}"),
            Self::NumbersValidated(n) => format!("{n}{NUMBERS_VALIDATED}"),
            Self::NumbersActivated(n) => format!("{n}{NUMBERS_ACTIVATED}"),
            Self::UpdateAccepted => UPDATE_ACCEPTED.into(),
            Self::Refused => REFUSED.into(),
            Self::LocationUpdated => LOCATION_UPDATED.into(),
            Self::RoutingPrefix(prefix) => format!("{ROUTING_PREFIX}{prefix}"),
            Self::RoutingPrefixSet => ROUTING_PREFIX_SET.into(),
            Self::SubscriberUpdated(status) => format!("{SUBSCRIBER_UPDATED}{status}"),
            Self::SubscriberRemoved => SUBSCRIBER_REMOVED.into(),
            Self::PersonFound => PERSON_FOUND.into(),
            Self::PersonRead => PERSON_READ.into(),
            Self::PersonUpdated => PERSON_UPDATED.into(),
            Self::MoveStarted => MOVE_STARTED.into(),
            Self::MoveStatus(status) => format!("{MOVE_STATUS}{status}"),
            Self::Moved => MOVED.into(),
            Self::RemovalAccepted => REMOVAL_ACCEPTED.into(),
            Self::RemovedFromWebex => REMOVED_FROM_WEBEX.into(),
            Self::UserFound => USER_FOUND.into(),
            Self::UserNotListedYet => USER_NOT_LISTED_YET.into(),
            Self::UserElsewhere => USER_ELSEWHERE.into(),
            Self::UserSentAgain => USER_SENT_AGAIN.into(),
            Self::UserNotConfirmed => USER_NOT_CONFIRMED.into(),
            Self::Subscriber(status) => format!("{SUBSCRIBER}{status}"),
            Self::UserExists => USER_EXISTS.into(),
            Self::Unexpected(excerpt) => format!("{UNEXPECTED}{excerpt}"),
            Self::Retrying {
                failure: f,
                seconds,
            } => {
                format!("{}{RETRYING}{seconds}{SECONDS}", failure(f))
            }
            Self::Lost(f) => format!("{}{LOST}", failure(f)),
            Self::TokenRefused => TOKEN_REFUSED.into(),
            Self::StoppedByPartner => STOPPED_BY_PARTNER.into(),
            Self::AskedToWait(seconds) => format!("{ASKED_TO_WAIT}{seconds}{WAIT_STOPPED}"),
            Self::GaveUp(f) => format!("{}{GAVE_UP}", failure(f)),
            Self::Other(line) => line.clone(),
        }
    }

    /// Reads a stored line back; any text is a note (at worst [`Note::Other`]).
    pub fn from_stored(line: &str) -> Self {
        Self::known(line).unwrap_or_else(|| Self::Other(line.to_string()))
    }

    fn known(line: &str) -> Option<Self> {
        // Lines with no value first: some of them start like a line with one.
        let exact = [
            (PRECHECK_PASSED, Self::PrecheckPassed),
            (PRECHECK_REFUSED, Self::PrecheckRefused),
            (CUSTOMER_FOUND, Self::CustomerFound),
            (NO_CUSTOMER_YET, Self::NoCustomerYet),
            (CUSTOMER_NOT_LISTED_YET, Self::CustomerNotListedYet),
            (CUSTOMER_CREATED_AGAIN, Self::CustomerCreatedAgain),
            (CUSTOMER_NOT_CONFIRMED, Self::CustomerNotConfirmed),
            (CALLING_ENABLED, Self::CallingEnabled),
            (CALLING_ALREADY_ENABLED, Self::CallingAlreadyEnabled),
            (NO_PSTN_CONNECTION, Self::NoPstnConnection),
            (PSTN_SET, Self::PstnSet),
            (UPDATE_ACCEPTED, Self::UpdateAccepted),
            (REFUSED, Self::Refused),
            (LOCATION_UPDATED, Self::LocationUpdated),
            (ROUTING_PREFIX_SET, Self::RoutingPrefixSet),
            (SUBSCRIBER_REMOVED, Self::SubscriberRemoved),
            (PERSON_FOUND, Self::PersonFound),
            (PERSON_READ, Self::PersonRead),
            (PERSON_UPDATED, Self::PersonUpdated),
            (MOVE_STARTED, Self::MoveStarted),
            (MOVED, Self::Moved),
            (REMOVAL_ACCEPTED, Self::RemovalAccepted),
            (REMOVED_FROM_WEBEX, Self::RemovedFromWebex),
            (USER_FOUND, Self::UserFound),
            (USER_NOT_LISTED_YET, Self::UserNotListedYet),
            (USER_ELSEWHERE, Self::UserElsewhere),
            (USER_SENT_AGAIN, Self::UserSentAgain),
            (USER_NOT_CONFIRMED, Self::UserNotConfirmed),
            (USER_EXISTS, Self::UserExists),
            (TOKEN_REFUSED, Self::TokenRefused),
            (STOPPED_BY_PARTNER, Self::StoppedByPartner),
        ];
        if let Some((_, note)) = exact.into_iter().find(|(text, _)| *text == line) {
            return Some(note);
        }
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        // Only numbers as a run writes them: "007" or "+7" would not be kept as they were.
        let count = |s: &str| s.parse::<usize>().ok().filter(|n| n.to_string() == s);
        let after = |prefix: &str| line.strip_prefix(prefix);
        let before = |suffix: &str| line.strip_suffix(suffix);
        if let Some(key) = after(STATUS) {
            return RemoteStatus::from_api(key).map(Self::Status);
        }
        // Counts, as "<n> locations listed".
        let counted: [Counted; 8] = [
            (LOCATIONS_LISTED, Self::LocationsListed),
            (CALLING_LOCATIONS, Self::CallingLocations),
            (CONNECTION_OPTIONS, Self::ConnectionOptions),
            (NUMBERS_LISTED, Self::NumbersListed),
            (NUMBERS_VALIDATED, Self::NumbersValidated),
            (NUMBERS_ACTIVATED, Self::NumbersActivated),
            (NUMBERS_ADDED, Self::NumbersAdded),
            (ANNOUNCEMENT_LANGUAGES, Self::AnnouncementLanguages),
        ];
        for (suffix, note) in counted {
            if let Some(n) = before(suffix) {
                return count(n).map(note);
            }
        }
        if let Some(prefix) = after(ROUTING_PREFIX) {
            return Some(Self::RoutingPrefix(prefix.to_string()));
        }
        // Texts, as "subscriber: provisioned" (in this order: some start like others).
        let texted: [Texted; 7] = [
            (CUSTOMER_ACCEPTED, Self::CustomerAccepted),
            (PSTN_CONNECTION, Self::PstnConnection),
            (LOCATION, Self::LocationCreated),
            (IN_ENGLISH, Self::AnnouncementsInEnglish),
            (MOVE_STATUS, Self::MoveStatus),
            (SUBSCRIBER_UPDATED, Self::SubscriberUpdated),
            (SUBSCRIBER, Self::Subscriber),
        ];
        for (prefix, note) in texted {
            if let Some(value) = after(prefix) {
                return text(value).map(note);
            }
        }
        if let Some(excerpt) = after(UNEXPECTED) {
            return Some(Self::Unexpected(excerpt.to_string()));
        }
        if let Some(wait) = after(ASKED_TO_WAIT).and_then(|w| w.strip_suffix(WAIT_STOPPED)) {
            return seconds(wait).map(Self::AskedToWait);
        }
        // What a run says after a failure may start with the failure.
        let (failure, rest) = match line.split_once("; ") {
            Some((first, rest)) => (Some(transport_of_line(first)?), rest),
            None => (None, line),
        };
        if rest == LOST {
            return Some(Self::Lost(failure));
        }
        if rest == GAVE_UP {
            return Some(Self::GaveUp(failure));
        }
        let wait = rest.strip_prefix(RETRYING)?.strip_suffix(SECONDS)?;
        Some(Self::Retrying {
            failure,
            seconds: seconds(wait)?,
        })
    }
}

/// A stored line's count suffix, and the note it reads as.
type Counted = (&'static str, fn(usize) -> Note);
/// A stored line's text prefix, and the note its text reads as.
type Texted = (&'static str, fn(String) -> Note);

const PRECHECK_PASSED: &str = "precheck passed";
const PRECHECK_REFUSED: &str = "precheck refused";
const CUSTOMER_FOUND: &str = "found the customer created earlier";
const NO_CUSTOMER_YET: &str = "no customer with this externalId yet";
const CUSTOMER_NOT_LISTED_YET: &str = "not listed yet: looking again before creating it";
const CUSTOMER_CREATED_AGAIN: &str = "not listed after several lookups: creating it again";
const CUSTOMER_NOT_CONFIRMED: &str = "not listed after two creates: stopped";
const CUSTOMER_ACCEPTED: &str = "accepted: customer ";
const STATUS: &str = "status ";
const LOCATIONS_LISTED: &str = " locations listed";
const LOCATION: &str = "location ";
const CALLING_LOCATIONS: &str = " locations with calling";
const CALLING_ENABLED: &str = "calling enabled";
const CALLING_ALREADY_ENABLED: &str = "calling was enabled already: listing again";
const PSTN_CONNECTION: &str = "PSTN connection ";
const NO_PSTN_CONNECTION: &str = "no PSTN connection";
const CONNECTION_OPTIONS: &str = " connection options";
const PSTN_SET: &str = "PSTN connection set";
const NUMBERS_LISTED: &str = " numbers listed";
const NUMBERS_ADDED: &str = " numbers added";
const ANNOUNCEMENT_LANGUAGES: &str = " announcement languages";
const ROUTING_PREFIX: &str = "routing prefix in Webex: ";
const ROUTING_PREFIX_SET: &str = "routing prefix set";
const IN_ENGLISH: &str = "announcements in English, Webex does not offer ";
const NUMBERS_VALIDATED: &str = " numbers available";
const NUMBERS_ACTIVATED: &str = " numbers activated";
const UPDATE_ACCEPTED: &str = "update accepted";
const REFUSED: &str = "refused";
const LOCATION_UPDATED: &str = "location updated";
const SUBSCRIBER_UPDATED: &str = "subscriber updated: ";
const PERSON_FOUND: &str = "person id read";
const PERSON_READ: &str = "person read";
const PERSON_UPDATED: &str = "person updated as asked";
const MOVE_STARTED: &str = "move job started";
const MOVE_STATUS: &str = "move job: ";
const MOVED: &str = "moved";
const SUBSCRIBER_REMOVED: &str = "subscriber removed";
const REMOVAL_ACCEPTED: &str = "removal accepted";
const REMOVED_FROM_WEBEX: &str = "removed from Webex";
const USER_FOUND: &str = "found the user created earlier";
const USER_NOT_LISTED_YET: &str = "not listed yet: looking again";
const USER_ELSEWHERE: &str = "exists, but not in this customer: refused";
const USER_SENT_AGAIN: &str = "not created: sending it again";
const USER_NOT_CONFIRMED: &str = "not listed after two creates: left for the partner";
const SUBSCRIBER: &str = "subscriber ";
const USER_EXISTS: &str = "exists already: looking it up";
const UNEXPECTED: &str = "unexpected answer: ";
const RETRYING: &str = "retrying in ";
const SECONDS: &str = " s";
const LOST: &str = "outcome unknown: looking it up before creating it again";
const TOKEN_REFUSED: &str = "the token was refused";
const STOPPED_BY_PARTNER: &str = "stopped by the partner";
const ASKED_TO_WAIT: &str = "asked to wait ";
const WAIT_STOPPED: &str = " s: stopped";
const GAVE_UP: &str = "gave up";

fn seconds(text: &str) -> Option<u32> {
    text.parse::<u32>().ok().filter(|n| n.to_string() == text)
}

fn transport_line(e: TransportError) -> &'static str {
    match e {
        TransportError::Timeout => "no answer in time",
        TransportError::Network => "network failure",
        TransportError::Redirect => "redirect not followed",
        TransportError::TooLarge => "answer too large",
        TransportError::Aborted => "stopped",
    }
}

fn transport_of_line(line: &str) -> Option<TransportError> {
    [
        TransportError::Timeout,
        TransportError::Network,
        TransportError::Redirect,
        TransportError::TooLarge,
        TransportError::Aborted,
    ]
    .into_iter()
    .find(|e| transport_line(*e) == line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn transport() -> impl Strategy<Value = Option<TransportError>> {
        proptest::option::of(proptest::sample::select(vec![
            TransportError::Timeout,
            TransportError::Network,
            TransportError::Redirect,
            TransportError::TooLarge,
            TransportError::Aborted,
        ]))
    }

    fn status() -> impl Strategy<Value = RemoteStatus> {
        proptest::sample::select(vec![
            RemoteStatus::Provisioning,
            RemoteStatus::Provisioned,
            RemoteStatus::ProvisionedWithErrors,
            RemoteStatus::Updating,
            RemoteStatus::Deleting,
            RemoteStatus::Error,
            RemoteStatus::PendingRplReview,
        ])
    }

    /// Every note a run writes; values as Webex gives them (ids, and statuses and
    /// connection types in its spelling). Three values would read as another line
    /// ("subscriber removed", "location updated", "PSTN connection set"); Webex gives
    /// none of them.
    fn note() -> impl Strategy<Value = Note> {
        let unlike_a_line = |v: &String| !["removed", "updated", "set"].contains(&v.as_str());
        let id = "[A-Za-z0-9+/=_-]{1,40}".prop_filter("a line", unlike_a_line);
        let word = "[a-z][a-z_]{0,24}|[A-Z][A-Z_]{0,24}".prop_filter("a line", unlike_a_line);
        prop_oneof![
            proptest::sample::select(vec![
                Note::PrecheckPassed,
                Note::PrecheckRefused,
                Note::CustomerFound,
                Note::NoCustomerYet,
                Note::CustomerNotListedYet,
                Note::CustomerCreatedAgain,
                Note::CustomerNotConfirmed,
                Note::CallingEnabled,
                Note::CallingAlreadyEnabled,
                Note::NoPstnConnection,
                Note::PstnSet,
                Note::UpdateAccepted,
                Note::Refused,
                Note::LocationUpdated,
                Note::RoutingPrefixSet,
                Note::SubscriberRemoved,
                Note::PersonFound,
                Note::PersonRead,
                Note::PersonUpdated,
                Note::MoveStarted,
                Note::Moved,
                Note::RemovalAccepted,
                Note::RemovedFromWebex,
                Note::UserFound,
                Note::UserNotListedYet,
                Note::UserElsewhere,
                Note::UserSentAgain,
                Note::UserNotConfirmed,
                Note::UserExists,
                Note::TokenRefused,
                Note::StoppedByPartner,
            ]),
            id.clone().prop_map(Note::CustomerAccepted),
            id.prop_map(Note::LocationCreated),
            status().prop_map(Note::Status),
            any::<usize>().prop_map(Note::LocationsListed),
            any::<usize>().prop_map(Note::CallingLocations),
            any::<usize>().prop_map(Note::ConnectionOptions),
            any::<usize>().prop_map(Note::NumbersListed),
            any::<usize>().prop_map(Note::NumbersAdded),
            any::<usize>().prop_map(Note::NumbersValidated),
            any::<usize>().prop_map(Note::NumbersActivated),
            any::<usize>().prop_map(Note::AnnouncementLanguages),
            word.clone().prop_map(Note::AnnouncementsInEnglish),
            word.clone().prop_map(Note::PstnConnection),
            word.clone().prop_map(Note::SubscriberUpdated),
            word.clone().prop_map(Note::MoveStatus),
            "[0-9]{0,7}".prop_map(Note::RoutingPrefix),
            word.prop_map(Note::Subscriber),
            ".{0,80}".prop_map(Note::Unexpected),
            (transport(), any::<u32>())
                .prop_map(|(failure, seconds)| Note::Retrying { failure, seconds }),
            transport().prop_map(Note::Lost),
            transport().prop_map(Note::GaveUp),
            any::<u32>().prop_map(Note::AskedToWait),
        ]
    }

    proptest! {
        #[test]
        fn a_note_reads_back_as_it_was_kept(note in note()) {
            let line = note.stored();
            prop_assert_eq!(Note::from_stored(&line), note);
        }

        #[test]
        fn any_line_is_kept_as_it_was(line in ".{0,120}") {
            prop_assert_eq!(Note::from_stored(&line).stored(), line);
        }
    }

    #[test]
    fn lines_saved_by_earlier_versions_read_as_notes() {
        for (line, note) in [
            ("precheck passed", Note::PrecheckPassed),
            (
                "status provisioned",
                Note::Status(RemoteStatus::Provisioned),
            ),
            ("3 locations listed", Note::LocationsListed(3)),
            (
                "retrying in 2 s",
                Note::Retrying {
                    failure: None,
                    seconds: 2,
                },
            ),
            (
                "network failure; retrying in 4 s",
                Note::Retrying {
                    failure: Some(TransportError::Network),
                    seconds: 4,
                },
            ),
            (
                "no answer in time; outcome unknown: looking it up before creating it again",
                Note::Lost(Some(TransportError::Timeout)),
            ),
            ("gave up", Note::GaveUp(None)),
            ("asked to wait 600 s: stopped", Note::AskedToWait(600)),
            (
                "subscriber provisioned",
                Note::Subscriber("provisioned".into()),
            ),
            (
                "unexpected answer: <html>",
                Note::Unexpected("<html>".into()),
            ),
        ] {
            assert_eq!(Note::from_stored(line), note, "{line}");
        }
        // What this version does not know is kept, not dropped.
        for line in [
            "",
            "status suspended",
            "fell over; gave up",
            "x locations listed",
        ] {
            assert_eq!(Note::from_stored(line), Note::Other(line.into()), "{line}");
        }
    }
}
