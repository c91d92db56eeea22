//! What the timeline says of each answer Webex gave (or did not). In English.

use super::EN;
use crate::domain::provisioning::TransportError;
use crate::domain::timeline::Note;

/// What the timeline says of an answer. Technical, like the rest of the timeline.
pub(in crate::i18n) fn note(note: &Note) -> String {
    let counted = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let after = |failure: &Option<TransportError>, what: String| match failure {
        Some(f) => format!("{}; {what}", transport(*f)),
        None => what,
    };
    match note {
        Note::PrecheckPassed => "precheck passed".into(),
        Note::PrecheckRefused => "precheck refused".into(),
        Note::CustomerFound => "found the customer created earlier".into(),
        Note::NoCustomerYet => "no customer with this externalId yet".into(),
        Note::CustomerNotListedYet => "not listed yet: looking again before creating it".into(),
        Note::CustomerCreatedAgain => "not listed after several lookups: creating it again".into(),
        Note::CustomerNotConfirmed => "not listed after two creates: stopped".into(),
        Note::CustomerAccepted(id) => format!("accepted: customer {id}"),
        Note::Status(s) => format!("status: {}", EN.remote_status(*s)),
        Note::LocationsListed(n) => counted(*n, "location listed", "locations listed"),
        Note::LocationCreated(id) => format!("location {id} created"),
        Note::CallingLocations(n) => counted(*n, "location with calling", "locations with calling"),
        Note::CallingEnabled => "calling enabled".into(),
        Note::AnnouncementLanguages(n) => {
            counted(*n, "announcement language", "announcement languages")
        }
        Note::AnnouncementsInEnglish(language) => {
            format!("announcements in English: Webex does not offer {language}")
        }
        Note::CallingAlreadyEnabled => "calling was enabled already: listing again".into(),
        Note::PstnConnection(kind) => format!("PSTN connection: {kind}"),
        Note::NoPstnConnection => "no PSTN connection".into(),
        Note::ConnectionOptions(n) => counted(*n, "connection option", "connection options"),
        Note::PstnSet => "PSTN connection set".into(),
        Note::NumbersListed(n) => counted(*n, "number listed", "numbers listed"),
        Note::NumbersAdded(n) => counted(*n, "number added", "numbers added"),
        Note::NumbersValidated(n) => counted(*n, "number available", "numbers available"),
        Note::NumbersActivated(n) => counted(*n, "number activated", "numbers activated"),
        Note::UpdateAccepted => "update accepted".into(),
        Note::Refused => "refused".into(),
        Note::LocationUpdated => "location updated".into(),
        Note::RoutingPrefix(prefix) if prefix.is_empty() => "no routing prefix in Webex".into(),
        Note::RoutingPrefix(prefix) => format!("routing prefix in Webex: {prefix}"),
        Note::RoutingPrefixSet => "routing prefix set".into(),
        Note::SubscriberUpdated(status) => format!("subscriber updated: {status}"),
        Note::SubscriberRemoved => "subscriber removed".into(),
        Note::PersonFound => "person id read".into(),
        Note::PersonRead => "person read".into(),
        Note::PersonUpdated => "person updated as asked".into(),
        Note::MoveStarted => "move job started".into(),
        Note::MoveStatus(status) => format!("move job: {status}"),
        Note::Moved => "moved".into(),
        Note::RemovalAccepted => "removal accepted".into(),
        Note::RemovedFromWebex => "removed from Webex".into(),
        Note::UserFound => "found the user created earlier".into(),
        Note::UserNotListedYet => "not listed yet: looking again".into(),
        Note::UserElsewhere => "exists, but not in this customer: refused".into(),
        Note::UserSentAgain => "not created: sending it again".into(),
        Note::UserNotConfirmed => "not listed after two creates: left for the partner".into(),
        Note::Subscriber(status) => format!("subscriber: {status}"),
        Note::UserExists => "exists already: looking it up".into(),
        Note::Unexpected(excerpt) => format!("unexpected answer: {excerpt}"),
        Note::Retrying { failure, seconds } => after(failure, format!("retrying in {seconds} s")),
        Note::Lost(failure) => after(
            failure,
            "outcome unknown: looking it up before creating it again".into(),
        ),
        Note::TokenRefused => "the token was refused".into(),
        Note::StoppedByPartner => "stopped by the partner".into(),
        Note::AskedToWait(seconds) => format!("asked to wait {seconds} s: stopped"),
        Note::GaveUp(failure) => after(failure, "gave up".into()),
        Note::Other(line) => line.clone(),
    }
}

fn transport(e: TransportError) -> &'static str {
    match e {
        TransportError::Timeout => "no answer within 30 s",
        TransportError::Network => "network or CORS failure",
        TransportError::Redirect => "a redirect, not followed",
        TransportError::TooLarge => "an answer over 1 MB",
        TransportError::Aborted => "stopped by the partner",
    }
}
