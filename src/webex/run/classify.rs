//! What an answer means for the transport, before its body is read: go on, wait and
//! retry, look a create up, ask for a new token, or give up.

use super::Step;
use crate::domain::provisioning::{Answered, Stop, TransportError};
use crate::webex::wire::first_description;

/// What an answer means before its body is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Read it: [`apply`].
    Apply,
    /// Send the same request again after this many milliseconds.
    Retry { after_ms: u32 },
    /// A create's outcome is unknown: look it up ([`lost`]), never send it again blindly.
    Lost,
    /// The token was refused: stop until a new one is given.
    NeedToken,
    /// The partner stopped the run.
    Paused,
    /// Webex asked to wait longer than [`MAX_WAIT_S`].
    WaitTooLong { seconds: u32 },
    /// Still failing after the retries, or failing in a way retries do not mend: why.
    GiveUp(Stop),
}

/// Retries of a 5xx or network failure before a run stops.
pub const MAX_RETRIES: u32 = 4;
/// `429`s honoured for one request before a run stops.
pub const MAX_RATE_LIMITED: u32 = 10;
/// The longest `Retry-After` a run waits (5 minutes); a longer one stops it.
pub const MAX_WAIT_S: u32 = 300;

/// Exponential backoff: 1 s, 2 s, 4 s, … at most 30 s.
pub fn backoff_ms(attempt: u32) -> u32 {
    1000u32.saturating_mul(1 << attempt.min(5)).min(30_000)
}

/// An HTTP answer as the transport received it (its body already cut to what a run
/// reads).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub http: u16,
    pub body: String,
    /// `Retry-After`, in seconds.
    pub retry_after: Option<u32>,
    pub tracking_id: Option<String>,
    /// The page `Link: <…>; rel="next"` points to, for a list paged by links.
    pub next: Option<NextPage>,
}

/// Where Webex's `Link: rel="next"` points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NextPage {
    /// A path under the base URL the partner chose (the token may go there).
    Path(String),
    /// Anywhere else: never followed (the list stops unread, and says so).
    Elsewhere,
}

/// Where a `Link` header's `rel="next"` points, read against the base URL the partner
/// chose: a path under it, or [`NextPage::Elsewhere`]. `None` when no next page is
/// linked. A header longer than a few URLs is not read (and links nowhere safe).
pub fn next_page(link: &str, base_url: &str) -> Option<NextPage> {
    const MAX_LINK: usize = 8192;
    if link.len() > MAX_LINK {
        return Some(NextPage::Elsewhere);
    }
    // `<url>; rel="next", <url>; rel="prev"`: each link is its URL and its parameters.
    for part in link.split('<').skip(1) {
        let Some((url, params)) = part.split_once('>') else {
            continue;
        };
        let next = params.split([';', ',']).any(|p| {
            let p = p.trim().replace(' ', "");
            p.eq_ignore_ascii_case("rel=\"next\"") || p.eq_ignore_ascii_case("rel=next")
        });
        if !next {
            continue;
        }
        let path = url.trim().strip_prefix(base_url).filter(|path| {
            path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains("/../")
                && !path.contains(['\\', '#', ' ', '\t', '\r', '\n'])
        });
        return Some(path.map_or(NextPage::Elsewhere, |p| NextPage::Path(p.to_string())));
    }
    None
}

/// `Retry-After` in seconds; a number too large for a `u32` is as large as one (and so
/// over any wait a run accepts). Dates and negative numbers are not read (the run then
/// backs off as it would without the header).
pub fn retry_after_seconds(value: &str) -> Option<u32> {
    let digits = value.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.parse::<u32>().unwrap_or(u32::MAX))
}

/// What [`classify`] needs to know of a request: its name for messages, and whether it
/// creates something (whose outcome, when unknown, is looked up rather than retried).
#[derive(Clone, Copy, Debug)]
pub struct RequestKind {
    pub label: &'static str,
    pub creates: bool,
}

impl From<Step> for RequestKind {
    fn from(step: Step) -> Self {
        RequestKind {
            label: step.label(),
            creates: step.creates().is_some(),
        }
    }
}

/// What `answer` to a request means; `attempt` counts earlier tries of this request (0
/// for the first).
pub fn classify(
    request: impl Into<RequestKind>,
    answer: Result<&Answer, TransportError>,
    attempt: u32,
) -> Verdict {
    let request = request.into();
    let answer = match answer {
        Ok(a) => a,
        Err(TransportError::Aborted) => return Verdict::Paused,
        // Not a passing failure: trying again would meet it again.
        Err(cause @ (TransportError::Redirect | TransportError::TooLarge)) => {
            return Verdict::GiveUp(Stop::Failed(cause))
        }
        Err(_) if request.creates => return Verdict::Lost,
        Err(_) if attempt < MAX_RETRIES => {
            return Verdict::Retry {
                after_ms: backoff_ms(attempt),
            }
        }
        Err(cause) => return Verdict::GiveUp(Stop::Failed(cause)),
    };
    let http = answer.http;
    let wait = |fallback: u32| {
        answer
            .retry_after
            .map_or(fallback, |s| s.saturating_mul(1000))
    };
    match http {
        401 => Verdict::NeedToken,
        429 | 423 | 500..=599 if answer.retry_after.is_some_and(|s| s > MAX_WAIT_S) => {
            Verdict::WaitTooLong {
                seconds: answer.retry_after.unwrap_or_default(),
            }
        }
        // Refused before it was carried out: the same request may go again.
        429 | 423 if attempt < MAX_RATE_LIMITED => Verdict::Retry {
            after_ms: wait(backoff_ms(attempt)),
        },
        // A server error may come after the create was carried out.
        500..=599 if request.creates => Verdict::Lost,
        500..=599 if attempt < MAX_RETRIES => Verdict::Retry {
            after_ms: wait(backoff_ms(attempt)),
        },
        429 | 423 | 500..=599 => Verdict::GiveUp(Stop::ServerError(Answered {
            request: request.label.to_string(),
            http,
            text: first_description(&answer.body),
        })),
        _ => Verdict::Apply,
    }
}
