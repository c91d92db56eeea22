//! The words for how a run ended: why it stopped, and the problems Webex named.

use super::Messages;
use crate::domain::ids::LocationId;
use crate::domain::provisioning::{Answered, ApiProblem, Provisioning, Stop, TransportError};

/// Problems as Webex wrote them, on one line: "6100: Address invalid; 400: No."
pub fn problems_text(problems: &[ApiProblem]) -> String {
    problems
        .iter()
        .map(|p| match p.code {
            Some(code) => format!("{code}: {}", p.description),
            None => p.description.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl Messages {
    /// Why a run stopped, as a person reads it; `location` names a location by its id, and
    /// `missing` lists its users' numbers Webex does not have.
    pub fn stop(
        &self,
        stop: &Stop,
        p: &Provisioning,
        location: impl Fn(LocationId) -> String,
        missing: impl Fn(LocationId) -> String,
    ) -> String {
        match stop {
            // The partner organization lacks the `wxc-wholesale` entitlement (the spec's
            // precheck description): no fix on this side.
            Stop::PrecheckRefused {
                http: 403,
                problems,
            } => (self.provisioning.stop_not_entitled)(&problems_text(problems)),
            Stop::PrecheckRefused { http, problems } => {
                (self.provisioning.stop_precheck)(*http, &problems_text(problems))
            }
            Stop::Refused { http, problems } => {
                (self.provisioning.stop_refused)(*http, &problems_text(problems))
            }
            Stop::TokenRefused => self.provisioning.stop_token.into(),
            // Not a passing failure: retrying would not have mended it.
            Stop::Failed(
                cause @ (TransportError::Redirect
                | TransportError::TooLarge
                | TransportError::Aborted),
            ) => (self.provisioning.stop_transport)(self.transport(*cause)),
            Stop::Failed(cause) => {
                (self.provisioning.stop_unreachable)(self.transport(*cause).trim_end_matches('.'))
            }
            Stop::ServerError(Answered { http, text, .. }) if text.is_empty() => {
                (self.provisioning.stop_unreachable)(&format!("HTTP {http}"))
            }
            Stop::ServerError(Answered { http, text, .. }) => {
                (self.provisioning.stop_unreachable)(&format!("HTTP {http}: {text}"))
            }
            // A record of an earlier release: its detail, as it was written.
            Stop::Unreachable { detail } => (self.provisioning.stop_unreachable)(detail),
            Stop::CustomerError => self.provisioning.stop_customer_error.into(),
            Stop::Unexpected(Answered {
                request,
                http,
                text,
            }) => (self.provisioning.stop_unexpected)(request, *http, text),
            Stop::WaitTooLong(seconds) => (self.provisioning.stop_wait_too_long)(*seconds),
            Stop::CustomerNotConfirmed => self.provisioning.stop_not_confirmed.into(),
            Stop::LocationNotConfirmed(id) => {
                (self.provisioning.stop_location_not_confirmed)(&location(*id))
            }
            Stop::StillProvisioning => self.provisioning.stop_still_provisioning.into(),
            Stop::StillRemoving => self.provisioning.stop_still_removing.into(),
            Stop::Paused => self.provisioning.stop_paused.into(),
            Stop::AwaitingReview => self.provisioning.stop_awaiting_review.into(),
            Stop::CheckFailed(n) => super::fill(
                self.provisioning.stop_check_failed,
                &[("n", &n.to_string())],
            ),
            Stop::NotLinked => self.provisioning.stop_not_linked.into(),
            Stop::NumbersNotChosen(id) => {
                (self.provisioning.stop_numbers_not_chosen)(&location(*id))
            }
            Stop::NoPstnConnection(id)
                if p.numbers.get(id).is_some_and(|n| !n.options.is_empty()) =>
            {
                (self.provisioning.stop_no_pstn)(&location(*id))
            }
            Stop::NoPstnConnection(id) => (self.provisioning.stop_no_pstn_options)(&location(*id)),
            Stop::NumbersMissing(id) => {
                (self.provisioning.stop_numbers_missing)(&location(*id), &missing(*id))
            }
            Stop::ListUnread(request) => (self.provisioning.stop_list_unread)(request),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::provisioning::{LocationNumbers, PstnOption};
    use crate::i18n::Lang;

    fn every_stop(location: LocationId) -> Vec<Stop> {
        let problems = vec![ApiProblem {
            code: Some(6100),
            description: "Address invalid".into(),
        }];
        let answered = Answered {
            request: "POST /locations".into(),
            http: 502,
            text: "Bad gateway".into(),
        };
        vec![
            Stop::PrecheckRefused {
                http: 403,
                problems: problems.clone(),
            },
            Stop::PrecheckRefused {
                http: 400,
                problems: problems.clone(),
            },
            Stop::Refused {
                http: 400,
                problems,
            },
            Stop::TokenRefused,
            Stop::Failed(TransportError::Redirect),
            Stop::Failed(TransportError::Timeout),
            Stop::ServerError(answered.clone()),
            Stop::Unreachable {
                detail: "HTTP 503".into(),
            },
            Stop::CustomerError,
            Stop::Unexpected(answered),
            Stop::WaitTooLong(600),
            Stop::CustomerNotConfirmed,
            Stop::LocationNotConfirmed(location),
            Stop::StillProvisioning,
            Stop::Paused,
            Stop::NotLinked,
            Stop::NumbersNotChosen(location),
            Stop::ListUnread("GET /locations".into()),
            Stop::NoPstnConnection(location),
            Stop::NumbersMissing(location),
            Stop::StillRemoving,
            Stop::AwaitingReview,
            Stop::CheckFailed(2),
        ]
    }

    /// Adding a stop does not build until it is listed above.
    fn listed(stop: &Stop) -> bool {
        match stop {
            Stop::PrecheckRefused { .. }
            | Stop::Refused { .. }
            | Stop::TokenRefused
            | Stop::Failed(_)
            | Stop::ServerError(_)
            | Stop::Unreachable { .. }
            | Stop::CustomerError
            | Stop::Unexpected(_)
            | Stop::WaitTooLong(_)
            | Stop::CustomerNotConfirmed
            | Stop::LocationNotConfirmed(_)
            | Stop::StillProvisioning
            | Stop::Paused
            | Stop::NotLinked
            | Stop::NumbersNotChosen(_)
            | Stop::NoPstnConnection(_)
            | Stop::NumbersMissing(_)
            | Stop::StillRemoving
            | Stop::AwaitingReview
            | Stop::CheckFailed(_)
            | Stop::ListUnread(_) => true,
        }
    }

    #[test]
    fn every_stop_is_a_sentence_in_both_languages_naming_what_it_is_about() {
        let location = LocationId::from_u128(7);
        let mut p = Provisioning::default();
        for lang in Lang::ALL {
            let t = lang.messages();
            for stop in every_stop(location) {
                assert!(listed(&stop));
                let text = t.stop(&stop, &p, |_| "Busan".into(), |_| "+82 2 1234".into());
                assert!(!text.trim().is_empty(), "{lang:?} {stop:?}");
                assert!(!text.contains('{'), "a hole left: {text}");
                match stop {
                    Stop::LocationNotConfirmed(_)
                    | Stop::NumbersNotChosen(_)
                    | Stop::NoPstnConnection(_) => assert!(text.contains("Busan"), "{text}"),
                    Stop::NumbersMissing(_) => assert!(text.contains("+82 2 1234"), "{text}"),
                    Stop::ListUnread(_) => assert!(text.contains("GET /locations"), "{text}"),
                    Stop::PrecheckRefused { .. } | Stop::Refused { .. } => {
                        assert!(text.contains("6100: Address invalid"), "{text}")
                    }
                    _ => {}
                }
            }
        }
        // With options to pick from, a location without PSTN says to pick one.
        let before = Lang::En.messages().stop(
            &Stop::NoPstnConnection(location),
            &p,
            |_| "Busan".into(),
            |_| String::new(),
        );
        p.numbers.insert(
            location,
            LocationNumbers {
                options: vec![PstnOption {
                    id: "opt".into(),
                    name: "Local Gateway".into(),
                }],
                ..LocationNumbers::default()
            },
        );
        let after = Lang::En.messages().stop(
            &Stop::NoPstnConnection(location),
            &p,
            |_| "Busan".into(),
            |_| String::new(),
        );
        assert_ne!(before, after);
    }

    #[test]
    fn problems_keep_webex_codes_and_words_on_one_line() {
        let problems = [
            ApiProblem {
                code: Some(6100),
                description: "Address invalid".into(),
            },
            ApiProblem {
                code: None,
                description: "No.".into(),
            },
        ];
        assert_eq!(problems_text(&problems), "6100: Address invalid; No.");
        assert_eq!(problems_text(&[]), "");
    }
}
