//! "Refresh from Webex": reads every page of the partner's wholesale customers, then
//! every page of the subscribers of the customers the app made, a few customers at a
//! time. Answers are classified as a run's are (`run::classify`): `429`/`423` wait as
//! Webex says, server and network failures are retried with backoff, a refused token
//! stops the refresh, and the partner can cancel it. Bounded whatever Webex answers:
//! pages of [`PAGE`], at most [`MAX_CUSTOMER_PAGES`] and [`MAX_SUBSCRIBER_PAGES`], every
//! answer checked for the spec's shape and every kept text cleaned.
//!
//! What was read is merged into the saved customers by `domain::refresh::merge`.

use super::requests::Method;
use super::run::{self, Answer, RequestKind, Verdict};
use super::runner::{encode, Connection, Outgoing};
use super::wire::{self, CustomerAnswer, Items, SubscriberAnswer};
use crate::domain::paging::{Page, Paging};
use crate::domain::provisioning::{RemoteStatus, Stop, TransportError};
use crate::domain::refresh::{RemoteCustomer, RemoteSubscriber};
use crate::domain::text::{outside_text, OUTSIDE_TEXT_MAX};
use futures::stream::{FuturesUnordered, StreamExt};
use std::collections::HashMap;
use std::future::Future;

/// Items a page asks for: the most `GET /wholesale/subscribers` gives (the spec gives no
/// bound for customers; the same is asked). Webex may answer fewer: a list ends with
/// an empty page, and the next page starts after what was received.
pub const PAGE: usize = 100;
/// Pages of customers read at most (20,000 customers in pages of 100); a longer list
/// is not read to its end, and nothing is concluded from it.
pub const MAX_CUSTOMER_PAGES: usize = 200;
/// Pages of one customer's subscribers read at most (10,000 subscribers in pages of 100).
pub const MAX_SUBSCRIBER_PAGES: usize = 100;
/// Customers whose subscribers are read at once.
pub const PARALLEL: usize = 4;

/// The lists a refresh reads (a run never asks them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Read {
    /// `GET /wholesale/customers?offset=&max=`: a page of the partner's customers.
    Customers,
    /// `GET /wholesale/subscribers?customerId=&offset=&max=`: a page of a customer's
    /// subscribers.
    Subscribers,
}

impl From<Read> for RequestKind {
    fn from(read: Read) -> Self {
        RequestKind {
            label: match read {
                Read::Customers => "GET /wholesale/customers",
                Read::Subscribers => "GET /wholesale/subscribers",
            },
            creates: false,
        }
    }
}

/// What a refresh read.
#[derive(Debug, Default)]
pub struct Book {
    /// Every customer Webex listed.
    pub customers: Vec<RemoteCustomer>,
    /// Every page of customers was read: one not listed is not in Webex.
    pub listed: bool,
    /// The subscribers of the customers read, by Webex's customer id.
    pub subscribers: HashMap<String, Vec<RemoteSubscriber>>,
    /// Requests sent (retries included).
    pub requests: usize,
}

/// How a refresh ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ended {
    Done,
    /// The token was refused: what was read is kept, the rest needs a new token.
    NeedsToken,
    /// The partner cancelled it: what was read is kept.
    Cancelled,
    /// Webex refused, or kept failing, or answered in a shape the spec does not describe.
    Failed(Stop),
}

/// One GET, answered as a run's would be; `Err` says why the refresh ends.
async fn fetch<C, S, F>(
    connection: &C,
    sleep: &S,
    read: Read,
    path: String,
    sent: &std::cell::Cell<usize>,
) -> Result<String, Ended>
where
    C: Connection,
    S: Fn(u32) -> F,
    F: Future<Output = ()>,
{
    let mut attempt = 0;
    loop {
        let request = Outgoing {
            method: Method::Get,
            path: path.clone(),
            body: None,
        };
        sent.set(sent.get() + 1);
        let answer: Result<Answer, TransportError> = connection.send(request).await;
        match run::classify(read, answer.as_ref().map_err(|e| *e), attempt) {
            Verdict::Apply => {
                let answer = answer.expect("applied answers came");
                if (200..300).contains(&answer.http) {
                    return Ok(answer.body);
                }
                return Err(Ended::Failed(Stop::Refused {
                    http: answer.http,
                    problems: wire::problems_of(&answer.body),
                }));
            }
            Verdict::Retry { after_ms } => {
                sleep(after_ms).await;
                attempt += 1;
            }
            Verdict::NeedToken => return Err(Ended::NeedsToken),
            Verdict::Paused => return Err(Ended::Cancelled),
            Verdict::WaitTooLong { seconds } => {
                return Err(Ended::Failed(Stop::WaitTooLong(seconds)))
            }
            Verdict::GiveUp(stop) => return Err(Ended::Failed(stop)),
            // Only creates are looked up; a read is never one.
            Verdict::Lost => return Err(Ended::Failed(Stop::Failed(TransportError::Network))),
        }
    }
}

fn unexpected(read: Read, body: &str) -> Ended {
    Ended::Failed(Stop::Unexpected(crate::domain::provisioning::Answered {
        request: RequestKind::from(read).label.to_string(),
        http: 200,
        text: wire::excerpt(body),
    }))
}

/// A listed customer as the domain keeps it; `None` when it is not one (ids that are
/// not ids, a status the spec does not name).
fn customer_of(c: &CustomerAnswer) -> Option<RemoteCustomer> {
    let org_id = wire::optional_id(c.org_id.as_deref())?;
    Some(RemoteCustomer {
        id: wire::remote_id(&c.id)?,
        external_id: c
            .external_id
            .as_deref()
            .filter(|e| !e.is_empty())
            .map(|e| outside_text(e, OUTSIDE_TEXT_MAX)),
        org_id,
        status: RemoteStatus::read(&c.status),
        status_text: wire::unknown_status_text(&c.status),
        packages: c.package_states(),
        address: c.address.line(),
    })
}

fn subscriber_of(s: &SubscriberAnswer) -> Option<RemoteSubscriber> {
    Some(RemoteSubscriber {
        id: wire::remote_id(&s.id)?,
        email: outside_text(&s.email, OUTSIDE_TEXT_MAX),
        package: outside_text(&s.package, OUTSIDE_TEXT_MAX),
        status: outside_text(&s.status, OUTSIDE_TEXT_MAX),
        person_id: s.person().unwrap_or_default(),
    })
}

/// Every page of the partner's customers.
async fn read_customers<C, S, F>(
    connection: &C,
    sleep: &S,
    sent: &std::cell::Cell<usize>,
    book: &mut Book,
) -> Result<(), Ended>
where
    C: Connection,
    S: Fn(u32) -> F,
    F: Future<Output = ()>,
{
    let mut paging = Paging::default();
    loop {
        let path = format!("/wholesale/customers?offset={}&max={PAGE}", paging.received);
        let body = fetch(connection, sleep, Read::Customers, path, sent).await?;
        let Some(list) = wire::read::<Items<CustomerAnswer>>(&body) else {
            return Err(unexpected(Read::Customers, &body));
        };
        for c in &list.items {
            let Some(c) = customer_of(c) else {
                return Err(unexpected(Read::Customers, &body));
            };
            book.customers.push(c);
        }
        match paging.by_offset(list.items.len(), MAX_CUSTOMER_PAGES) {
            Page::More => {}
            Page::End => return Ok(()),
            Page::TooLong => return Err(unread(Read::Customers)),
        }
    }
}

/// A list not read to its end: the refresh ends, concluding nothing from it.
fn unread(read: Read) -> Ended {
    Ended::Failed(Stop::ListUnread(RequestKind::from(read).label.to_string()))
}

/// Every page of one customer's subscribers.
async fn read_subscribers<C, S, F>(
    connection: &C,
    sleep: &S,
    sent: &std::cell::Cell<usize>,
    customer: String,
) -> (String, Result<Vec<RemoteSubscriber>, Ended>)
where
    C: Connection,
    S: Fn(u32) -> F,
    F: Future<Output = ()>,
{
    let mut found = Vec::new();
    let mut paging = Paging::default();
    loop {
        let path = format!(
            "/wholesale/subscribers?customerId={}&offset={}&max={PAGE}",
            encode(&customer),
            paging.received
        );
        let body = match fetch(connection, sleep, Read::Subscribers, path, sent).await {
            Ok(body) => body,
            Err(end) => return (customer, Err(end)),
        };
        let Some(list) = wire::read::<Items<SubscriberAnswer>>(&body) else {
            return (customer, Err(unexpected(Read::Subscribers, &body)));
        };
        for s in &list.items {
            match subscriber_of(s) {
                Some(s) => found.push(s),
                None => return (customer, Err(unexpected(Read::Subscribers, &body))),
            }
        }
        match paging.by_offset(list.items.len(), MAX_SUBSCRIBER_PAGES) {
            Page::More => {}
            Page::End => return (customer, Ok(found)),
            Page::TooLong => return (customer, Err(unread(Read::Subscribers))),
        }
    }
}

/// Reads Webex's view: the customers, then the subscribers of those `wanted` picks (the
/// customers the app made) that `book` has not read yet, so that a cancelled refresh
/// continues where it stopped. `progress` is told (read, to read) as customers finish.
pub async fn read<C, S, F>(
    connection: &C,
    sleep: S,
    wanted: impl Fn(&RemoteCustomer) -> bool,
    book: &mut Book,
    mut progress: impl FnMut(usize, usize),
) -> Ended
where
    C: Connection,
    S: Fn(u32) -> F,
    F: Future<Output = ()>,
{
    let sent = std::cell::Cell::new(0);
    let ended = async {
        if !book.listed {
            book.customers.clear();
            read_customers(connection, &sleep, &sent, book).await?;
            book.listed = true;
        }
        let mut queue: Vec<String> = book
            .customers
            .iter()
            .filter(|c| wanted(c) && !book.subscribers.contains_key(&c.id))
            .map(|c| c.id.clone())
            .collect();
        let total = book.subscribers.len() + queue.len();
        progress(book.subscribers.len(), total);
        queue.reverse();
        let mut in_flight = FuturesUnordered::new();
        loop {
            while in_flight.len() < PARALLEL {
                let Some(next) = queue.pop() else { break };
                in_flight.push(read_subscribers(connection, &sleep, &sent, next));
            }
            let Some((customer, found)) = in_flight.next().await else {
                break;
            };
            book.subscribers.insert(customer, found?);
            progress(book.subscribers.len(), total);
        }
        Ok::<(), Ended>(())
    }
    .await;
    book.requests += sent.get();
    match ended {
        Ok(()) => Ended::Done,
        Err(end) => end,
    }
}
