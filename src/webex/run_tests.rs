//! The run's state machine through the runner: against the simulator (every request and
//! answer checked against Cisco's spec) and against scripted answers; resumes from
//! every point a reload could cut a run at, with nothing created twice.

use super::run::{self, Answer, Step, Verdict, MAX_RETRIES};
use super::runner::{run, Connection, Ended, Outgoing};
use super::simulator::{Failure, SimulatedConnection, Simulator};
use super::spec_check::spec;
use super::tests::{build, seoul_with_branches};
use super::wire;
use crate::domain::changes::InWebex;
use crate::domain::customer::Customer;
use crate::domain::provisioning::{
    Answered, Badge, Provisioning, RemoteStatus, Removal, Stop, TransportError, UserState,
};
use crate::domain::pstn::NumberSource;
use crate::domain::readiness::Destination;
use crate::domain::time::Timestamp;
use crate::domain::timeline::Note;
use crate::domain::Document;
use futures::executor::block_on;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

mod answers;
mod changes;
mod check;
mod demo_book;
mod numbers;
mod paging;
mod people;
mod prefixes;
mod pstn;
mod refresh;

/// A connection that checks every request and answer against the spec and keeps them.
struct Checked<C> {
    inner: C,
    sent: RefCell<Vec<(Outgoing, Result<Answer, TransportError>)>>,
}

/// Gives way once, so that several requests are on their way at the same time (as
/// over a network) rather than each answered before the next goes.
struct GiveWay(bool);

impl std::future::Future for GiveWay {
    type Output = ();
    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        if self.0 {
            std::task::Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            std::task::Poll::Pending
        }
    }
}

impl<C: Connection> Connection for Checked<C> {
    fn destination(&self) -> Destination {
        self.inner.destination()
    }

    async fn send(&self, request: Outgoing) -> Result<Answer, TransportError> {
        GiveWay(false).await;
        let body = request
            .body
            .as_deref()
            .map(|b| serde_json::from_str(b).expect("JSON body"));
        if let Err(why) = spec().check_json(request.method, &request.path, body.as_ref()) {
            panic!("request breaks the spec: {why}");
        }
        let answer = self.inner.send(request.clone()).await;
        if let Ok(a) = &answer {
            // The Locations schema of GET /locations does not match its own example
            // (a known quirk); the simulator answers as the example does.
            if !request.path.starts_with("/locations?")
                || request.method != super::requests::Method::Get
            {
                if let Err(why) =
                    spec().check_answer(request.method, &request.path, a.http, &a.body)
                {
                    panic!("answer breaks the spec: {why}");
                }
            }
        }
        self.sent.borrow_mut().push((request, answer.clone()));
        answer
    }
}

/// A virtual clock that sleeping moves forward.
#[derive(Clone, Default)]
struct Clock(Rc<Cell<i64>>);

impl Clock {
    fn now(&self) -> Timestamp {
        Timestamp(self.0.get())
    }
    fn sleep(&self, ms: u32) -> std::future::Ready<()> {
        self.0.set(self.0.get() + i64::from(ms));
        std::future::ready(())
    }
}

type Simulated = Checked<SimulatedConnection<Box<dyn Fn() -> Timestamp>>>;

fn simulated(failure: Failure, clock: &Clock) -> Simulated {
    simulating(Simulator::new(failure), clock)
}

/// `simulator` on `clock`, every request and answer checked.
fn simulating(simulator: Simulator, clock: &Clock) -> Simulated {
    let c = clock.clone();
    Checked {
        inner: SimulatedConnection {
            simulator: RefCell::new(simulator),
            now: Box::new(move || c.now()),
        },
        sent: RefCell::default(),
    }
}

/// A customer with two branches and users, a run started, and a simulated Webex.
struct Demo {
    doc: Document,
    customer: Customer,
    clock: Clock,
    webex: Simulated,
    p: Provisioning,
    /// The last run's working copy of what Webex has of the changes, as the app's save
    /// gets it with the record.
    changes: InWebex,
}

impl Demo {
    fn new(failure: Failure) -> Self {
        let (doc, _) = build(&seoul_with_branches());
        let customer = customer_of(&doc);
        let clock = Clock::default();
        let webex = simulated(failure, &clock);
        let mut p = Provisioning::default();
        run::start(&mut p);
        Self {
            doc,
            customer,
            clock,
            webex,
            p,
            changes: InWebex::default(),
        }
    }

    /// Runs until the run ends (every save succeeds).
    fn run(&mut self) -> Ended {
        provision_keeping(
            &self.webex,
            &self.clock,
            &self.doc,
            &self.customer,
            &mut self.p,
            None,
            &mut self.changes,
        )
    }
}

/// Runs to the end, keeping what was saved; `saves` limits how many saves succeed (a
/// reload after that many).
fn provision_with(
    connection: &impl Connection,
    clock: &Clock,
    doc: &Document,
    customer: &Customer,
    saved: &mut Provisioning,
    saves: Option<usize>,
) -> Ended {
    let mut changes = InWebex::default();
    provision_keeping(connection, clock, doc, customer, saved, saves, &mut changes)
}

/// [`provision_with`], keeping the run's working copy of the changes as last saved.
fn provision_keeping(
    connection: &impl Connection,
    clock: &Clock,
    doc: &Document,
    customer: &Customer,
    saved: &mut Provisioning,
    saves: Option<usize>,
    changes: &mut InWebex,
) -> Ended {
    let mut p = saved.clone();
    let mut left = saves;
    let kept = RefCell::new((saved.clone(), changes.clone()));
    let ended = block_on(run(
        connection,
        doc,
        customer,
        &mut p,
        |ms| clock.sleep(ms),
        || clock.now(),
        |p, w| match &mut left {
            Some(0) => false,
            Some(n) => {
                *n -= 1;
                *kept.borrow_mut() = (p.clone(), w.clone());
                true
            }
            None => {
                *kept.borrow_mut() = (p.clone(), w.clone());
                true
            }
        },
    ));
    (*saved, *changes) = kept.into_inner();
    ended
}

fn customer_of(doc: &Document) -> Customer {
    (*doc.customers[0]).clone()
}

fn sent_paths<C>(c: &Checked<C>) -> Vec<String> {
    c.sent
        .borrow()
        .iter()
        .map(|(r, _)| format!("{:?} {}", r.method, r.path.split(['?']).next().unwrap()))
        .collect()
}

#[test]
fn a_customer_with_branches_and_users_is_provisioned_with_every_request_in_the_spec() {
    let mut demo = Demo::new(Failure::None);
    assert_eq!(demo.run(), Ended::Finished);
    assert_eq!(demo.p.status, Some(RemoteStatus::Provisioned));
    assert!(demo.p.org_id.is_some() && demo.p.customer_id.is_some());
    assert_eq!(
        demo.p.locations.len(),
        3,
        "the headquarters and two branches"
    );
    assert_eq!(
        demo.p
            .users_provisioned(demo.customer.users.iter().map(|u| &u.id)),
        demo.customer.users.len()
    );
    assert_eq!(demo.p.badge(), Badge::Provisioned);
    assert!(!demo.p.running);
    let paths = sent_paths(&demo.webex);
    assert_eq!(
        &paths[..4],
        ["Post /wholesale/customers/validate", "Get /wholesale/customers", "Post /wholesale/customers", "Get /wholesale/customers/Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvNTEwMDAwMDEtNTFhNy00YTFlLTlkMDAtMDAwMDAwMDAwMDAx"]
    );
    assert_eq!(
        paths.iter().filter(|p| *p == "Post /locations").count(),
        2,
        "two branches created"
    );
    assert_eq!(
        paths
            .iter()
            .filter(|p| *p == "Post /wholesale/subscribers")
            .count(),
        demo.customer.users.len()
    );
    assert!(
        !paths.iter().any(|p| p == "Get /wholesale/subscribers"),
        "no user is looked up while its request is on its way"
    );
    assert!(
        demo.clock.now().0 >= super::simulator::PROVISIONING_MS,
        "it waited for Webex"
    );
    assert!(demo
        .p
        .timeline
        .iter()
        .all(|e| e.tracking_id.is_some() && e.http.is_some()));
}

#[test]
fn a_refused_precheck_stops_before_anything_is_created() {
    let mut demo = Demo::new(Failure::CustomerPrecheck);
    assert_eq!(demo.run(), Ended::Stopped);
    match &demo.p.stopped {
        Some(Stop::PrecheckRefused {
            http: 400,
            problems,
        }) => assert_eq!(problems[0].code, Some(4003)),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        sent_paths(&demo.webex),
        ["Post /wholesale/customers/validate"]
    );
    assert_eq!(demo.p.badge(), Badge::Error);
}

#[test]
fn a_customer_webex_ends_in_error_shows_its_package_errors() {
    let mut demo = Demo::new(Failure::CustomerError);
    assert_eq!(demo.run(), Ended::Stopped);
    assert_eq!(demo.p.stopped, Some(Stop::CustomerError));
    assert_eq!(demo.p.status, Some(RemoteStatus::Error));
    assert_eq!(demo.p.packages[0].errors[0].code, Some(6100));
    assert_eq!(demo.p.badge(), Badge::Error);
    assert!(
        !sent_paths(&demo.webex)
            .iter()
            .any(|path| path.contains("subscribers")),
        "no users for a failed customer"
    );

    // Mended (here: the rehearsal is over) and started again: Webex is asked to update
    // the customer, never to create it twice, and the run goes on to its users.
    let before = demo.webex.sent.borrow().len();
    run::start(&mut demo.p);
    assert_eq!(demo.run(), Ended::Finished);
    let sent = sent_paths(&demo.webex)[before..].to_vec();
    assert!(sent[0].starts_with("Put /wholesale/customers/"), "{sent:?}");
    assert_eq!(
        sent.iter()
            .filter(|p| p.starts_with("Put /wholesale/customers/"))
            .count(),
        1
    );
    assert!(!sent.contains(&"Post /wholesale/customers".to_string()));
    assert_eq!(demo.p.status, Some(RemoteStatus::Provisioned));
    assert!(!demo.p.update_asked);
    assert_eq!(demo.p.badge(), Badge::Provisioned);
}

#[test]
fn a_refused_token_pauses_the_run_and_a_new_one_finishes_it_without_duplicates() {
    let mut demo = Demo::new(Failure::TokenExpired);
    assert_eq!(demo.run(), Ended::NeedsToken);
    assert_eq!(demo.p.stopped, Some(Stop::TokenRefused));
    assert_eq!(demo.p.badge(), Badge::Provisioning);
    run::resume(&mut demo.p);
    assert_eq!(demo.run(), Ended::Finished);
    assert_eq!(demo.p.badge(), Badge::Provisioned);
    let paths = sent_paths(&demo.webex);
    assert_eq!(
        paths
            .iter()
            .filter(|p| *p == "Post /wholesale/customers")
            .count(),
        1
    );
}

#[test]
fn rate_limits_wait_as_webex_says() {
    let mut demo = Demo::new(Failure::Busy);
    assert_eq!(demo.run(), Ended::Finished);
    let answers: Vec<u16> = demo
        .webex
        .sent
        .borrow()
        .iter()
        .filter_map(|(_, a)| a.as_ref().ok().map(|a| a.http))
        .collect();
    assert_eq!(&answers[..4], [200, 200, 429, 202]);
    assert!(demo.p.timeline.iter().any(|e| e.http == Some(429)
        && e.note()
            == Note::Retrying {
                failure: None,
                seconds: 2
            }));
}

#[test]
fn a_reload_at_any_point_resumes_and_creates_nothing_twice() {
    let (doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    // How many saves a whole run makes.
    let clock = Clock::default();
    let whole = simulated(Failure::None, &clock);
    let mut p = Provisioning::default();
    run::start(&mut p);
    let saves = RefCell::new(0usize);
    block_on(run(
        &whole,
        &doc,
        &customer,
        &mut p.clone(),
        |ms| clock.sleep(ms),
        || clock.now(),
        |_, _| {
            *saves.borrow_mut() += 1;
            true
        },
    ));
    let saves = saves.into_inner();
    assert!(saves > 10);

    for cut in 0..saves {
        let clock = Clock::default();
        let webex = simulated(Failure::None, &clock);
        let mut saved = Provisioning::default();
        run::start(&mut saved);
        assert_eq!(
            provision_with(&webex, &clock, &doc, &customer, &mut saved, Some(cut)),
            Ended::Stopped
        );
        // The page reloads: the run resumes from what was saved.
        run::resume(&mut saved);
        let ended = provision_with(&webex, &clock, &doc, &customer, &mut saved, None);
        assert_eq!(
            ended,
            Ended::Finished,
            "cut after {cut} saves: {:?} {:#?}",
            saved.stopped,
            webex.sent.borrow()
        );
        assert_eq!(saved.badge(), Badge::Provisioned, "cut after {cut} saves");
        let paths = sent_paths(&webex);
        let count = |p: &str| paths.iter().filter(|x| *x == p).count();
        assert!(
            count("Post /wholesale/customers") <= 1,
            "cut after {cut}: one customer"
        );
        let sim = webex.inner.simulator.borrow();
        let created_users = paths
            .iter()
            .filter(|p| *p == "Post /wholesale/subscribers")
            .count();
        let answered_409 = webex
            .sent
            .borrow()
            .iter()
            .filter(|(_, a)| a.as_ref().is_ok_and(|a| a.http == 409))
            .count();
        assert_eq!(answered_409, 0, "cut after {cut}: nothing was sent twice");
        assert!(created_users >= customer.users.len());
        // Each number went into an inventory once: listed again after the reload, it
        // was found there (sending it again would be harmless, but it is not needed).
        let mut added: Vec<String> = webex
            .sent
            .borrow()
            .iter()
            .filter(|(r, _)| {
                r.method == super::requests::Method::Post && r.path.contains("/numbers?")
            })
            .flat_map(|(r, _)| {
                let body: serde_json::Value =
                    serde_json::from_str(r.body.as_deref().unwrap()).unwrap();
                body["phoneNumbers"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n.as_str().unwrap().to_string())
                    .collect::<Vec<_>>()
            })
            .collect();
        let all = added.len();
        added.sort();
        added.dedup();
        assert_eq!(added.len(), all, "cut after {cut}: a number added twice");
        assert_eq!(all, 2, "cut after {cut}: the admin's and 민준's numbers");
        drop(sim);
    }
}

#[test]
fn users_added_later_are_the_only_ones_sent_next_time() {
    let mut demo = Demo::new(Failure::None);
    demo.run();
    let before = demo.webex.sent.borrow().len();

    let mut extra = demo.customer.users[1].clone();
    extra.id = crate::domain::ids::UserId::from_u128(0xadd);
    extra.details.email =
        crate::domain::email::EmailAddress::parse("late@customer.example").unwrap();
    extra.details.phone = None;
    extra.details.extension = Some(crate::domain::phone::Extension::parse("7777").unwrap());
    demo.customer.users.push(extra);
    run::start(&mut demo.p);
    assert_eq!(demo.run(), Ended::Finished);
    let sent: Vec<String> = sent_paths(&demo.webex)[before..].to_vec();
    assert_eq!(
        sent,
        [
            "Post /wholesale/subscribers/validate",
            "Post /wholesale/subscribers"
        ],
        "locations known: none listed"
    );
    assert_eq!(demo.p.badge(), Badge::Provisioned);
}

/// Answers from a script, in order; a request beyond it fails the test.
struct Scripted(RefCell<VecDeque<Result<Answer, TransportError>>>);

impl Connection for Scripted {
    async fn send(&self, request: Outgoing) -> Result<Answer, TransportError> {
        self.0.borrow_mut().pop_front().unwrap_or_else(|| {
            panic!(
                "unscripted request {} {}",
                request.path,
                request.body.unwrap_or_default()
            )
        })
    }
}

fn answer(http: u16, body: &str) -> Result<Answer, TransportError> {
    Ok(Answer {
        http,
        body: body.into(),
        retry_after: None,
        tracking_id: Some("T1".into()),
        next: None,
    })
}

#[test]
fn server_errors_and_lost_connections_are_retried_a_few_times_then_the_run_stops() {
    let (doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    let clock = Clock::default();
    let mut script: VecDeque<_> = vec![Err(TransportError::Network), answer(503, "{}")].into();
    script.push_back(answer(
        200,
        r#"{"message":"success","info":[{"infoCode":100}]}"#,
    ));
    for _ in 0..=MAX_RETRIES {
        script.push_back(answer(
            502,
            r#"{"message":"Bad gateway","trackingId":"T2"}"#,
        ));
    }
    let webex = Scripted(RefCell::new(script));
    let mut p = Provisioning::default();
    run::start(&mut p);
    assert_eq!(
        provision_with(&webex, &clock, &doc, &customer, &mut p, None),
        Ended::Stopped
    );
    assert!(p.prechecked, "the precheck got through on its third try");
    assert_eq!(
        p.stopped,
        Some(Stop::ServerError(Answered {
            request: "GET /wholesale/customers".into(),
            http: 502,
            text: "Bad gateway".into()
        }))
    );
    assert_eq!(
        clock.now().0,
        (1000 + 2000) + (1000 + 2000 + 4000 + 8000),
        "backoff doubles"
    );
    assert!(webex.0.borrow().is_empty());
}

#[test]
fn every_transition_of_the_machine() {
    let (doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    let next = |p: &Provisioning| run::next_steps(&customer, p, &InWebex::default(), &[], 10);
    let mut p = Provisioning::default();
    assert_eq!(next(&p), [], "not running");
    run::start(&mut p);
    assert_eq!(next(&p), [Step::PrecheckCustomer]);
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::PrecheckCustomer,
        &answer(200, "{}").unwrap(),
    );
    assert_eq!(next(&p), [Step::FindCustomer]);
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::FindCustomer,
        &answer(200, r#"{"items":[]}"#).unwrap(),
    );
    assert_eq!(next(&p), [Step::CreateCustomer]);
    run::before_send(&mut p, Step::CreateCustomer);
    let mut lost = p.clone();
    lost.looked_up = false;
    assert_eq!(
        next(&lost),
        [Step::FindCustomer],
        "an answer lost after sending is looked up"
    );
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::CreateCustomer,
        &answer(
            202,
            r#"{"url":"https://elsewhere.example/v1/wholesale/customers/C1"}"#,
        )
        .unwrap(),
    );
    assert_eq!(
        p.customer_id.as_deref(),
        Some("C1"),
        "the id is the url's last segment"
    );
    assert_eq!(next(&p), [Step::AwaitCustomer]);
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::AwaitCustomer,
        &answer(200, r#"{"id":"C1","status":"pending_rpl_review"}"#).unwrap(),
    );
    assert_eq!(p.status, Some(RemoteStatus::PendingRplReview));
    assert_eq!(next(&p), [Step::AwaitCustomer]);
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::AwaitCustomer,
        &answer(200, r#"{"id":"C1","orgId":"O1","status":"provisioned"}"#).unwrap(),
    );
    assert_eq!(next(&p), [Step::FindLocations]);
    let hq = customer.headquarters.id;
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::FindLocations,
        &answer(
            200,
            r#"{"items":[{"id":"L0","name":"Head Office"},{"id":"L1","name":"Branch 0"}]}"#,
        )
        .unwrap(),
    );
    assert_eq!(p.locations.get(&hq).map(String::as_str), Some("L0"));
    let branch1 = customer.locations[1].id;
    // The announcement languages Webex offers are read once, before a branch is made.
    assert_eq!(next(&p), [Step::AnnouncementLanguages]);
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::AnnouncementLanguages,
        &answer(200, r#"{"languages":[{"name":"English","code":"en_us"}]}"#).unwrap(),
    );
    assert_eq!(
        next(&p),
        [Step::CreateLocation(branch1)],
        "Branch 0 existed: only Branch 1 is created"
    );
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::CreateLocation(branch1),
        &answer(201, r#"{"id":"L2"}"#).unwrap(),
    );
    // Webex Calling on the branch with calling users (Branch 0), found or enabled once.
    let branch0 = customer.locations[0].id;
    assert_eq!(next(&p), [Step::FindCallingLocations]);
    let calling_list = |ids: &[&str]| {
        let items: Vec<String> = ids
            .iter()
            .map(|id| format!(r#"{{"id":"{id}","name":"x","callingLineId":{{"phoneNumber":""}},"e911SetupRequired":false}}"#))
            .collect();
        answer(200, &format!(r#"{{"locations":[{}]}}"#, items.join(","))).unwrap()
    };
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::FindCallingLocations,
        &calling_list(&["L0"]),
    );
    assert_eq!(
        next(&p),
        [Step::FindCallingLocations],
        "a list is read to its end: an empty page"
    );
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::FindCallingLocations,
        &calling_list(&[]),
    );
    assert_eq!(
        next(&p),
        [Step::EnableCalling(branch0)],
        "the headquarters came with calling; Branch 1 has no calling user"
    );
    run::before_send(&mut p, Step::EnableCalling(branch0));
    let mut reloaded = p.clone();
    run::resume(&mut reloaded);
    assert_eq!(
        next(&reloaded),
        [Step::FindCallingLocations],
        "after a reload, looked up before it is enabled again"
    );
    run::apply(
        &customer,
        &mut reloaded,
        &mut InWebex::default(),
        Step::FindCallingLocations,
        &calling_list(&["L0", "L1"]),
    );
    assert!(reloaded.calling.contains(&branch0));
    assert!(
        !next(&reloaded).contains(&Step::EnableCalling(branch0)),
        "found enabled: not enabled twice"
    );
    let wrong = answer(201, r#"{"id":"L9"}"#).unwrap();
    let mut other = p.clone();
    run::apply(
        &customer,
        &mut other,
        &mut InWebex::default(),
        Step::EnableCalling(branch0),
        &wrong,
    );
    assert!(
        matches!(other.stopped, Some(Stop::Unexpected(_))),
        "Webex enabled another location than asked"
    );
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::EnableCalling(branch0),
        &answer(201, r#"{"id":"L1"}"#).unwrap(),
    );
    assert!(p.calling.contains(&branch0) && p.calling.contains(&hq));

    // Numbers: the headquarters has a PSTN connection; the admin's number is added.
    let admin_number = run::missing_numbers(&customer, &p, hq);
    assert_eq!(admin_number.len(), 1);
    assert_eq!(next(&p), [Step::ReadPstn(hq)]);
    let connection =
        r#"{"id":"P1","displayName":"Premises-based PSTN","pstnConnectionType":"LOCAL_GATEWAY"}"#;
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::ReadPstn(hq),
        &answer(200, connection).unwrap(),
    );
    assert_eq!(next(&p), [Step::ListNumbers(hq)]);
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::ListNumbers(hq),
        &answer(200, r#"{"phoneNumbers":[]}"#).unwrap(),
    );
    // Checked first, then added, then the inventory read again before the users.
    assert_eq!(next(&p), [Step::ValidateNumbers(hq)]);
    assert_eq!(run::to_validate(&customer, &p, hq), admin_number);
    let available = format!(
        r#"{{"status":"OK","numbers":[{{"number":"{}","state":"Available","tollFreeNumber":false}}]}}"#,
        admin_number[0]
    );
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::ValidateNumbers(hq),
        &answer(200, &available).unwrap(),
    );
    assert_eq!(next(&p), [Step::AddNumbers(hq)]);
    assert_eq!(run::next_batch(&customer, &p, hq), admin_number);
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::AddNumbers(hq),
        &answer(201, "").unwrap(),
    );
    assert_eq!(next(&p), [Step::ListNumbers(hq)]);
    let listed = format!(
        r#"{{"phoneNumbers":[{{"phoneNumber":"{}","state":"ACTIVE","phoneNumberType":"PRIMARY","mainNumber":false,"includedTelephonyTypes":"PSTN_NUMBER","tollFreeNumber":false,"isServiceNumber":false}}]}}"#,
        admin_number[0]
    );
    for page in [listed.as_str(), r#"{"phoneNumbers":[]}"#] {
        run::apply(
            &customer,
            &mut p,
            &mut InWebex::default(),
            Step::ListNumbers(hq),
            &answer(200, page).unwrap(),
        );
    }
    assert_eq!(p.numbers[&hq].present, admin_number);
    // Branch 0 has no PSTN connection: the run stops with the options Webex offers.
    assert_eq!(next(&p), [Step::ReadPstn(branch0)]);
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::ReadPstn(branch0),
        &answer(404, r#"{"message":"not found"}"#).unwrap(),
    );
    assert_eq!(next(&p), [Step::PstnOptions(branch0)]);
    let options = r#"{"items":[{"id":"P1","displayName":"Premises-based PSTN"},{"id":"bad id!","displayName":"x"}]}"#;
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::PstnOptions(branch0),
        &answer(200, options).unwrap(),
    );
    assert_eq!(p.stopped, Some(Stop::NoPstnConnection(branch0)));
    assert_eq!(
        p.numbers[&branch0].options,
        [crate::domain::provisioning::PstnOption {
            id: "P1".into(),
            name: "Premises-based PSTN".into()
        }],
        "what is not an id is not offered"
    );
    assert_eq!(next(&p), Vec::<Step>::new());
    // The partner picks it, with its trunk; the next run sets it, reads its type, then
    // finds the number there already.
    p.numbers.get_or_default(branch0).picked = Some("P1".into());
    p.numbers.get_or_default(branch0).route = "TRUNK T1".into();
    run::start(&mut p);
    // A new run reads the headquarters' inventory again before its first new user.
    assert_eq!(next(&p), [Step::ListNumbers(hq)]);
    for page in [listed.as_str(), r#"{"phoneNumbers":[]}"#] {
        run::apply(
            &customer,
            &mut p,
            &mut InWebex::default(),
            Step::ListNumbers(hq),
            &answer(200, page).unwrap(),
        );
    }
    assert_eq!(next(&p), [Step::SetPstn(branch0)]);
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::SetPstn(branch0),
        &answer(204, "").unwrap(),
    );
    assert_eq!(next(&p), [Step::ReadPstn(branch0)]);
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::ReadPstn(branch0),
        &answer(
            200,
            r#"{"id":"P1","displayName":"Premises-based PSTN","pstnConnectionType":"LOCAL_GATEWAY","routeType":"TRUNK","routeId":"T1"}"#,
        )
        .unwrap(),
    );
    assert_eq!(next(&p), [Step::ListNumbers(branch0)]);
    let kim_number = run::missing_numbers(&customer, &p, branch0).remove(0);
    let listed = format!(
        r#"{{"phoneNumbers":[{{"phoneNumber":"{kim_number}","state":"ACTIVE","phoneNumberType":"PRIMARY","mainNumber":false,"includedTelephonyTypes":"PSTN_NUMBER","tollFreeNumber":false,"isServiceNumber":false}}]}}"#
    );
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::ListNumbers(branch0),
        &answer(200, &listed).unwrap(),
    );
    assert!(
        run::missing_numbers(&customer, &p, branch0).is_empty(),
        "there already: not added"
    );
    // Its inventory is read to its end (the empty page) before the users go.
    assert_eq!(next(&p), [Step::ListNumbers(branch0)]);
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::ListNumbers(branch0),
        &answer(200, r#"{"phoneNumbers":[]}"#).unwrap(),
    );
    let users: Vec<_> = customer.users.iter().map(|u| u.id).collect();
    assert_eq!(
        next(&p),
        users
            .iter()
            .map(|&u| Step::PrecheckUser(u))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        run::next_steps(
            &customer,
            &p,
            &InWebex::default(),
            &[Step::PrecheckUser(users[0])],
            2,
        ),
        [Step::PrecheckUser(users[1])],
        "a bounded number in flight"
    );
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::PrecheckUser(users[0]),
        &answer(200, "{}").unwrap(),
    );
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::PrecheckUser(users[1]),
        &answer(
            400,
            r#"{"errors":[{"errorCode":10022,"description":"taken"}]}"#,
        )
        .unwrap(),
    );
    assert!(
        matches!(&p.users[&users[1]], UserState::Refused { http: 400, problems } if problems[0].code == Some(10022))
    );
    assert_eq!(next(&p)[0], Step::ProvisionUser(users[0]));
    run::before_send(&mut p, Step::ProvisionUser(users[0]));
    assert_eq!(
        next(&p)[0],
        Step::FindUser(users[0]),
        "sent, answer unknown: looked up"
    );
    let mut waits = vec![];
    for _ in 0..3 {
        assert_eq!(next(&p)[0], Step::FindUser(users[0]));
        waits.push(run::delay_before(
            &customer,
            &p,
            &InWebex::default(),
            Step::FindUser(users[0]),
        ));
        run::apply(
            &customer,
            &mut p,
            &mut InWebex::default(),
            Step::FindUser(users[0]),
            &answer(200, r#"{"items":[]}"#).unwrap(),
        );
    }
    assert_eq!(waits, [2000, 6000, 12_000], "three lookups over 20 s");
    assert_eq!(
        next(&p)[0],
        Step::ProvisionUser(users[0]),
        "proven absent: sent again"
    );
    run::apply(
        &customer,
        &mut p,
        &mut InWebex::default(),
        Step::ProvisionUser(users[0]),
        &answer(200, r#"{"id":"S1","status":"pending_user_migration"}"#).unwrap(),
    );
    assert!(
        matches!(&p.users[&users[0]], UserState::Provisioned { status, .. } if status == "pending_user_migration")
    );

    // What the transport makes of answers.
    assert_eq!(
        run::classify(
            Step::AwaitCustomer,
            answer(401, "{}").as_ref().map_err(|e| *e),
            0
        ),
        Verdict::NeedToken
    );
    let limited = Answer {
        retry_after: Some(7),
        ..answer(429, "{}").unwrap()
    };
    assert_eq!(
        run::classify(Step::AwaitCustomer, Ok(&limited), 3),
        Verdict::Retry { after_ms: 7000 }
    );
    assert_eq!(
        run::classify(Step::AwaitCustomer, Ok(&answer(404, "{}").unwrap()), 0),
        Verdict::Apply
    );
    assert_eq!(
        run::classify(
            Step::AwaitCustomer,
            Err(TransportError::Network),
            MAX_RETRIES
        ),
        Verdict::GiveUp(Stop::Failed(TransportError::Network))
    );
    assert_eq!(run::poll_delay_ms(0), 2000);
    assert_eq!(run::poll_delay_ms(100), 15_000);
}

// ---- A hostile or broken Webex ----------------------------------------------------

/// What a tampering Webex does with one request.
#[derive(Clone, Debug)]
enum Fault {
    /// The simulator answers.
    Pass,
    /// The simulator carries it out, and the answer is lost on the way back.
    Lose(TransportError),
    /// It fails before reaching the simulator.
    Fail(TransportError),
    /// Answered with this status and body instead, with `Retry-After` if given.
    Answer(u16, &'static str, Option<u32>),
    /// The simulator answers, and its `Link: rel="next"` is this instead.
    Link(Option<run::NextPage>),
    /// The simulator carries it out, and the run gets this status and body instead.
    After(u16, &'static str),
}

/// Forwards to a spec-checked simulator unless its script says otherwise (for the
/// requests `which` picks), keeping every request with the answer the run got.
struct Tamper<'a> {
    inner: Simulated,
    which: &'a dyn Fn(&Outgoing) -> bool,
    script: RefCell<VecDeque<Fault>>,
    seen: RefCell<Vec<(Outgoing, Result<Answer, TransportError>)>>,
}

impl<'a> Tamper<'a> {
    fn new(clock: &Clock, which: &'a dyn Fn(&Outgoing) -> bool, script: Vec<Fault>) -> Self {
        Self {
            inner: simulated(Failure::None, clock),
            which,
            script: RefCell::new(script.into()),
            seen: RefCell::default(),
        }
    }

    fn count(&self, method: super::requests::Method, path: &str) -> usize {
        self.seen
            .borrow()
            .iter()
            .filter(|(r, _)| r.method == method && r.path.split('?').next() == Some(path))
            .count()
    }
}

impl Connection for Tamper<'_> {
    async fn send(&self, request: Outgoing) -> Result<Answer, TransportError> {
        let fault = if (self.which)(&request) {
            self.script.borrow_mut().pop_front().unwrap_or(Fault::Pass)
        } else {
            Fault::Pass
        };
        let answer = match fault {
            Fault::Pass => self.inner.send(request.clone()).await,
            Fault::Lose(e) => {
                let _ = self.inner.send(request.clone()).await;
                Err(e)
            }
            Fault::Fail(e) => Err(e),
            Fault::After(http, body) => {
                let _ = self.inner.send(request.clone()).await;
                Ok(Answer {
                    http,
                    body: body.into(),
                    retry_after: None,
                    tracking_id: None,
                    next: None,
                })
            }
            Fault::Link(next) => self
                .inner
                .send(request.clone())
                .await
                .map(|a| Answer { next, ..a }),
            Fault::Answer(http, body, retry_after) => Ok(Answer {
                http,
                body: body.into(),
                retry_after,
                tracking_id: None,
                next: None,
            }),
        };
        self.seen.borrow_mut().push((request, answer.clone()));
        answer
    }
}

fn is(method: super::requests::Method, path: &'static str) -> impl Fn(&Outgoing) -> bool {
    move |r| r.method == method && r.path.split('?').next() == Some(path)
}

use super::requests::Method::{Delete, Get, Post, Put};

fn run_tampered(tamper: &Tamper, clock: &Clock) -> (Ended, Provisioning) {
    let (doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    let mut p = Provisioning::default();
    run::start(&mut p);
    let ended = provision_with(tamper, clock, &doc, &customer, &mut p, None);
    (ended, p)
}

#[test]
fn an_answer_in_an_unexpected_shape_stops_the_run_after_one_create() {
    let garbage = [
        "<html><body>Service Unavailable</body></html>",
        "{}",
        "[]",
        r#"{"url":""}"#,
        r#"{"url":"https://webexapis.com/v1/wholesale/customers/<img src=x>"}"#,
    ];
    for body in garbage {
        let clock = Clock::default();
        let create = is(Post, "/wholesale/customers");
        let tamper = Tamper::new(&clock, &create, vec![Fault::Answer(202, body, None)]);
        let (ended, p) = run_tampered(&tamper, &clock);
        assert_eq!(ended, Ended::Stopped, "{body}");
        assert_eq!(tamper.count(Post, "/wholesale/customers"), 1, "{body}");
        assert_eq!(
            tamper.seen.borrow().len(),
            3,
            "precheck, lookup, create: {body}"
        );
        match &p.stopped {
            Some(Stop::Unexpected(Answered {
                request,
                http: 202,
                text,
            })) => {
                assert_eq!(request, "POST /wholesale/customers");
                assert_eq!(text, &super::wire::excerpt(body));
            }
            other => panic!("{body}: {other:?}"),
        }
        assert_eq!(p.badge(), Badge::Error);
        assert!(matches!(
            p.timeline.last().unwrap().note(),
            Note::Unexpected(_)
        ));
    }
    // The same for a branch created without an id, and a subscriber.
    for (which, body) in [
        (is(Post, "/locations"), r#"{"name":"Branch 0"}"#),
        (is(Post, "/wholesale/subscribers"), "<html></html>"),
    ] {
        let clock = Clock::default();
        let tamper = Tamper::new(&clock, &which, vec![Fault::Answer(201, body, None)]);
        let (ended, p) = run_tampered(&tamper, &clock);
        assert_eq!(ended, Ended::Stopped);
        assert!(
            matches!(p.stopped, Some(Stop::Unexpected(_))),
            "{:?}",
            p.stopped
        );
        // Requests already on their way come back; nothing goes after the odd answer.
        let seen = tamper.seen.borrow();
        let odd = seen
            .iter()
            .position(|(r, a)| which(r) && a.as_ref().is_ok_and(|a| a.body == body))
            .unwrap();
        let sent_after = seen.len() - odd - 1;
        assert!(sent_after < super::runner::PARALLEL_USERS, "{sent_after}");
        assert!(seen[odd + 1..]
            .iter()
            .all(|(r, _)| r.method == Post && which(r)));
    }
}

#[test]
fn a_lost_create_is_looked_up_three_times_over_20_seconds_before_it_goes_again() {
    let clock = Clock::default();
    let create = is(Post, "/wholesale/customers");
    let tamper = Tamper::new(&clock, &create, vec![Fault::Fail(TransportError::Timeout)]);
    let (ended, p) = run_tampered(&tamper, &clock);
    assert_eq!(ended, Ended::Finished);
    assert_eq!(p.badge(), Badge::Provisioned);
    let seen: Vec<String> = tamper
        .seen
        .borrow()
        .iter()
        .map(|(r, _)| format!("{:?} {}", r.method, r.path.split('?').next().unwrap()))
        .take(7)
        .collect();
    assert_eq!(
        seen,
        [
            "Post /wholesale/customers/validate",
            "Get /wholesale/customers",
            "Post /wholesale/customers",
            "Get /wholesale/customers",
            "Get /wholesale/customers",
            "Get /wholesale/customers",
            "Post /wholesale/customers",
        ]
    );
    assert!(clock.now().0 >= 20_000);

    // Lost twice, and it exists: found by the lookup, never created a third time.
    let clock = Clock::default();
    let tamper = Tamper::new(
        &clock,
        &create,
        vec![
            Fault::Fail(TransportError::Network),
            Fault::Lose(TransportError::Timeout),
        ],
    );
    let (ended, p) = run_tampered(&tamper, &clock);
    assert_eq!(ended, Ended::Finished);
    assert_eq!(tamper.count(Post, "/wholesale/customers"), 2);
    assert!(p.customer_id.is_some());
}

#[test]
fn creates_that_never_show_up_stop_after_two() {
    let clock = Clock::default();
    let create = is(Post, "/wholesale/customers");
    let tamper = Tamper::new(
        &clock,
        &create,
        vec![
            Fault::Answer(500, "{}", None),
            Fault::Answer(502, "", None),
            Fault::Answer(503, "", None),
        ],
    );
    let (ended, p) = run_tampered(&tamper, &clock);
    assert_eq!(ended, Ended::Stopped);
    assert_eq!(p.stopped, Some(Stop::CustomerNotConfirmed));
    assert_eq!(tamper.count(Post, "/wholesale/customers"), 2);
    assert_eq!(tamper.count(Get, "/wholesale/customers"), 1 + 3 + 3);
}

#[test]
fn a_user_webex_says_exists_elsewhere_is_looked_up_then_refused_never_sent_again() {
    let clock = Clock::default();
    let provision = is(Post, "/wholesale/subscribers");
    let conflict = r#"{"message":"exists","errors":[{"errorCode":10022,"description":"The email is already associated with an existing user."}]}"#;
    let tamper = Tamper::new(&clock, &provision, vec![Fault::Answer(409, conflict, None)]);
    let (ended, p) = run_tampered(&tamper, &clock);
    assert_eq!(ended, Ended::Finished);
    assert_eq!(p.badge(), Badge::ProvisionedWithErrors);
    let (doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    assert_eq!(
        tamper.count(Post, "/wholesale/subscribers"),
        customer.users.len(),
        "one each: the refused one was not sent again"
    );
    assert_eq!(tamper.count(Get, "/wholesale/subscribers"), 3);
    assert_eq!(
        p.users
            .values()
            .filter(|u| matches!(u, UserState::Refused { http: 409, problems } if problems[0].code == Some(10022)))
            .count(),
        1
    );
}

#[test]
fn waits_are_capped_and_a_longer_one_stops_the_run() {
    let clock = Clock::default();
    let create = is(Post, "/wholesale/customers");
    let tamper = Tamper::new(
        &clock,
        &create,
        vec![Fault::Answer(429, "{}", Some(3_000_000))],
    );
    let (ended, p) = run_tampered(&tamper, &clock);
    assert_eq!(ended, Ended::Stopped);
    assert_eq!(p.stopped, Some(Stop::WaitTooLong(3_000_000)));
    assert!(clock.now().0 < 1000, "it did not wait");

    // A wait within the cap is honoured, and shown until it is over.
    let clock = Clock::default();
    let tamper = Tamper::new(
        &clock,
        &create,
        vec![Fault::Answer(429, "{}", Some(run::MAX_WAIT_S))],
    );
    let (doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    let mut p = Provisioning::default();
    run::start(&mut p);
    let shown = RefCell::new(None);
    block_on(run(
        &tamper,
        &doc,
        &customer,
        &mut p,
        |ms| clock.sleep(ms),
        || clock.now(),
        |p, _| {
            if p.waiting_until.is_some() {
                *shown.borrow_mut() = p.waiting_until;
            }
            true
        },
    ));
    assert_eq!(
        shown.into_inner(),
        Some(Timestamp(i64::from(run::MAX_WAIT_S) * 1000))
    );
    assert_eq!(p.waiting_until, None);
    assert_eq!(p.badge(), Badge::Provisioned);
    assert_eq!(run::poll_delay_ms(u32::MAX), 15_000);
}

#[test]
fn retry_after_is_read_as_seconds_never_negative_and_never_wrapped() {
    use run::retry_after_seconds as read;
    assert_eq!(read(" 30 "), Some(30));
    assert_eq!(read("0"), Some(0));
    assert_eq!(
        read("999999999999"),
        Some(u32::MAX),
        "too large stays too large"
    );
    assert_eq!(read("-5"), None);
    assert_eq!(read("1.5"), None);
    assert_eq!(read("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    assert_eq!(read(""), None);
    let huge = Answer {
        retry_after: read("999999999999"),
        ..answer(429, "{}").unwrap()
    };
    assert_eq!(
        run::classify(Step::CreateCustomer, Ok(&huge), 0),
        Verdict::WaitTooLong { seconds: u32::MAX }
    );
}

#[test]
fn a_customer_in_compliance_review_is_asked_about_for_two_minutes_then_parked() {
    let clock = Clock::default();
    let poll = |r: &Outgoing| r.method == Get && r.path.starts_with("/wholesale/customers/");
    let review = r#"{"status":"pending_rpl_review"}"#;
    let tamper = Tamper::new(&clock, &poll, vec![Fault::Answer(200, review, None); 50]);
    let (ended, mut p) = run_tampered(&tamper, &clock);
    assert_eq!(ended, Ended::Stopped);
    assert_eq!(p.stopped, Some(Stop::AwaitingReview));
    assert!(!p.running, "a reload does not start asking again");
    let asked = tamper.seen.borrow().iter().filter(|(r, _)| poll(r)).count();
    assert_eq!(asked, 1 + 6, "the first answer, then six asks with backoff");
    let waited = clock.now().0;
    assert!(
        (120_000..=140_000).contains(&waited),
        "about 2 minutes: {waited} ms"
    );

    // "Check again": the review is over.
    tamper.script.borrow_mut().clear();
    let (doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    run::start(&mut p);
    assert_eq!(
        provision_with(&tamper, &clock, &doc, &customer, &mut p, None),
        Ended::Finished
    );
    assert_eq!(p.badge(), Badge::Provisioned);
    assert_eq!(tamper.count(Post, "/wholesale/customers"), 1);
}

#[test]
fn a_stopped_run_parks_and_continues_from_there() {
    let clock = Clock::default();
    let provision = is(Post, "/wholesale/subscribers");
    let tamper = Tamper::new(
        &clock,
        &provision,
        vec![Fault::Fail(TransportError::Aborted)],
    );
    let (ended, mut p) = run_tampered(&tamper, &clock);
    assert_eq!(ended, Ended::Stopped);
    assert_eq!(p.stopped, Some(Stop::Paused));
    assert!(!p.running, "a reload does not resume it");
    let (doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    run::start(&mut p);
    assert_eq!(
        provision_with(&tamper, &clock, &doc, &customer, &mut p, None),
        Ended::Finished
    );
    assert_eq!(tamper.count(Post, "/wholesale/customers"), 1);
    assert_eq!(p.badge(), Badge::Provisioned);
}

#[test]
fn what_webex_writes_is_kept_cleaned_and_short() {
    let clock = Clock::default();
    let precheck = is(Post, "/wholesale/customers/validate");
    let huge: &'static str = Box::leak(
        format!(
            r#"{{"message":"x","errors":[{{"errorCode":1,"description":"\u202e{}"}}]}}"#,
            "a".repeat(5_000_000)
        )
        .into_boxed_str(),
    );
    let tamper = Tamper::new(&clock, &precheck, vec![Fault::Answer(400, huge, None)]);
    let (_, p) = run_tampered(&tamper, &clock);
    let Some(Stop::PrecheckRefused { problems, .. }) = &p.stopped else {
        panic!("{:?}", p.stopped);
    };
    let kept = &problems[0].description;
    assert_eq!(kept.chars().count(), crate::domain::text::OUTSIDE_TEXT_MAX);
    assert!(
        kept.starts_with("aaa") && kept.ends_with('…'),
        "no reordering mark"
    );
    assert!(
        serde_json::to_string(&p).unwrap().len() < 10_000,
        "the saved record stays small"
    );
}

/// A fault for the property test: mostly failures, sometimes the real thing.
fn any_fault() -> impl proptest::strategy::Strategy<Value = Fault> {
    use proptest::prelude::*;
    let transport = prop_oneof![
        Just(TransportError::Timeout),
        Just(TransportError::Network),
        Just(TransportError::Redirect),
        Just(TransportError::TooLarge),
    ];
    prop_oneof![
        3 => Just(Fault::Pass),
        2 => transport.clone().prop_map(Fault::Lose),
        2 => transport.prop_map(Fault::Fail),
        1 => proptest::sample::select(vec![
            (202, "<html>"), (200, "{}"), (200, "[]"), (201, "{\"id\":\"\"}"),
            (200, "{\"items\":[]}"), (409, "{}"), (404, "{}"), (400, "nope"),
            (500, ""), (503, "{}"), (423, "{}"), (429, "{}"),
        ])
        .prop_map(|(http, body)| Fault::Answer(http, body, None)),
        1 => (0u32..1_000_000).prop_map(|s| Fault::Answer(429, "{}", Some(s))),
    ]
}

/// What a request creates: the customer, a location (by name) or a user (by e-mail).
fn created(r: &Outgoing) -> Option<String> {
    let body = || serde_json::from_str::<serde_json::Value>(r.body.as_deref()?).ok();
    match (r.method, r.path.split('?').next()?) {
        (Post, "/wholesale/customers") => Some("customer".into()),
        (Post, "/locations") => Some(format!("location {}", body()?["name"])),
        (Post, "/wholesale/subscribers") => Some(format!("user {}", body()?["email"])),
        _ => None,
    }
}

/// The lookup that can prove a create absent.
fn looks_up(r: &Outgoing, what: &str) -> bool {
    let path = r.path.split('?').next().unwrap_or_default();
    r.method == Get
        && match what.split(' ').next() {
            Some("customer") => path == "/wholesale/customers",
            Some("location") => path == "/locations",
            _ => {
                path == "/wholesale/subscribers" && {
                    let email = what.trim_start_matches("user ").trim_matches('"');
                    r.path.contains(&super::runner::encode(email))
                }
            }
        }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Whatever Webex answers: each create goes again only after three lookups that
    /// found nothing, a run sends a bounded number of requests, and it ends.
    #[test]
    fn any_answers_keep_creates_single_and_runs_bounded(
        script in proptest::collection::vec(any_fault(), 0..80),
    ) {
        let clock = Clock::default();
        let every = |_: &Outgoing| true;
        let tamper = Tamper::new(&clock, &every, script);
        let (doc, _) = build(&seoul_with_branches());
        let customer = customer_of(&doc);
        let mut p = Provisioning::default();
        run::start(&mut p);
        let ended = provision_with(&tamper, &clock, &doc, &customer, &mut p, None);
        proptest::prop_assert!(ended == Ended::Stopped || ended == Ended::Finished || ended == Ended::NeedsToken);
        proptest::prop_assert!(!p.running || ended == Ended::NeedsToken);

        let seen = tamper.seen.borrow();
        // Requests a run may send, at most: each step's sends with their retries.
        let users = customer.users.len() as u32;
        let locations = customer.all_locations().count() as u32;
        let creates = u32::from(crate::domain::provisioning::MAX_CREATES);
        let lookups = creates * u32::from(crate::domain::provisioning::LOOKUPS_TO_PROVE_ABSENT) + 1;
        let steps = 1 + lookups + creates + run::MAX_POLLS + lookups + locations * creates
            + users * (1 + creates + lookups);
        let bound = steps * (1 + run::MAX_RATE_LIMITED + run::MAX_RETRIES);
        proptest::prop_assert!(seen.len() as u32 <= bound, "{} requests, bound {bound}", seen.len());

        // A create counts once it got anything but "not now" (429, 423).
        let mut since: std::collections::HashMap<String, usize> = Default::default();
        for (request, answer) in seen.iter() {
            if let Some(what) = created(request) {
                if matches!(answer, Ok(a) if a.http == 429 || a.http == 423) {
                    continue;
                }
                if let Some(lookups) = since.insert(what.clone(), 0) {
                    proptest::prop_assert!(lookups >= 3, "{what} sent again after {lookups} lookups");
                }
            } else {
                let proved = matches!(answer, Ok(a) if (200..300).contains(&a.http));
                for (what, n) in since.iter_mut() {
                    if proved && looks_up(request, what) {
                        *n += 1;
                    }
                }
            }
        }
    }
}

#[test]
fn a_webex_list_is_told_from_other_answers() {
    assert!(wire::is_item_list(r#"{"items":[{"id":"C1"}]}"#));
    assert!(wire::is_item_list(r#"{"items":[]}"#));
    for other in ["<html></html>", "{}", "[]", r#"{"items":{}}"#, ""] {
        assert!(!wire::is_item_list(other), "{other}");
    }
    assert_eq!(
        wire::first_description(r#"{"errors":[{"description":"No."}]}"#),
        "No."
    );
    assert_eq!(wire::first_description("<html>"), "");
}

fn unlink_template(doc: &mut Document) {
    std::sync::Arc::make_mut(&mut doc.templates[0])
        .settings
        .partner_hub_id = None;
}

#[test]
fn a_template_not_linked_to_partner_hub_sends_nothing_to_webex() {
    let (mut doc, _) = build(&seoul_with_branches());
    unlink_template(&mut doc);
    let customer = customer_of(&doc);
    let clock = Clock::default();
    // Any request would fail the test: the script is empty.
    let webex = Scripted(RefCell::new(VecDeque::new()));
    let mut p = Provisioning::default();
    run::start(&mut p);
    assert_eq!(
        provision_with(&webex, &clock, &doc, &customer, &mut p, None),
        Ended::Stopped
    );
    assert_eq!(p.stopped, Some(Stop::NotLinked));
    assert!(
        !p.running,
        "saved as stopped, so a reload does not start it"
    );
}

#[test]
fn the_simulator_takes_an_unlinked_templates_own_id_and_webex_the_linked_one() {
    let (mut doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    let sent_id = |doc: &Document, destination| {
        let request = super::runner::request_for(
            doc,
            &customer,
            &Provisioning::default(),
            &InWebex::default(),
            Step::PrecheckCustomer,
            destination,
        )
        .unwrap();
        let body: serde_json::Value = serde_json::from_str(&request.body.unwrap()).unwrap();
        body["provisioningId"].as_str().unwrap().to_string()
    };
    let linked = super::tests::LINKED_ID;
    assert_eq!(sent_id(&doc, Destination::Webex), linked);
    assert_eq!(sent_id(&doc, Destination::Simulator), linked);
    unlink_template(&mut doc);
    assert_eq!(
        sent_id(&doc, Destination::Simulator),
        doc.templates[0].provisioning_id.to_string()
    );
    let mut demo = Demo::new(Failure::None);
    unlink_template(&mut demo.doc);
    assert_eq!(demo.run(), Ended::Finished, "a demo needs no link");
}

/// Sets how numbers reach `location` (as the partner would on the customer page).
fn set_numbers(doc: &mut Document, location: crate::domain::ids::LocationId, source: NumberSource) {
    let customer = std::sync::Arc::make_mut(&mut doc.customers[0]);
    let l = if customer.headquarters.id == location {
        &mut customer.headquarters
    } else {
        customer
            .locations
            .iter_mut()
            .find(|l| l.id == location)
            .unwrap()
    };
    l.details.numbers = source;
}

#[test]
fn numbers_are_added_in_batches_of_twenty_and_an_integrated_providers_are_checked_not_added() {
    let mut shape = seoul_with_branches();
    shape.users = (0..45)
        .map(|i| (format!("U{i}"), "Lee".to_string(), 0, 0, true, false))
        .collect();
    let (doc, _) = build(&shape);
    let customer = customer_of(&doc);
    let hq = customer.headquarters.id;
    let clock = Clock::default();
    let webex = simulated(Failure::None, &clock);
    let mut p = Provisioning::default();
    run::start(&mut p);
    assert_eq!(
        provision_with(&webex, &clock, &doc, &customer, &mut p, None),
        Ended::Finished
    );
    let batches: Vec<usize> = webex
        .sent
        .borrow()
        .iter()
        .filter(|(r, _)| r.method == super::requests::Method::Post && r.path.contains("/numbers?"))
        .map(|(r, _)| {
            let body: serde_json::Value = serde_json::from_str(r.body.as_deref().unwrap()).unwrap();
            body["phoneNumbers"].as_array().unwrap().len()
        })
        .collect();
    assert_eq!(batches, [20, 20, 6], "the admin's and 45 users' numbers");
    assert_eq!(p.numbers[&hq].present.len(), 46);

    // The same customer, its headquarters' numbers from an integrated provider: the
    // run lists the inventory, adds nothing, and stops naming what is missing.
    let mut doc = doc;
    set_numbers(&mut doc, hq, NumberSource::IntegratedProvider);
    let customer = customer_of(&doc);
    let webex = simulated(Failure::None, &clock);
    let mut p = Provisioning::default();
    run::start(&mut p);
    assert_eq!(
        provision_with(&webex, &clock, &doc, &customer, &mut p, None),
        Ended::Stopped
    );
    assert_eq!(p.stopped, Some(Stop::NumbersMissing(hq)));
    assert_eq!(run::missing_numbers(&customer, &p, hq).len(), 46);
    let paths = sent_paths(&webex);
    assert!(paths.contains(&"Get /telephony/config/numbers".to_string()));
    assert!(
        !paths
            .iter()
            .any(|p| p.starts_with("Post /telephony/config/locations/")),
        "an integrated provider's numbers are never added: {paths:?}"
    );
    assert!(!paths.contains(&"Post /wholesale/subscribers".to_string()));
}

#[test]
fn webex_gets_no_number_request_for_a_location_whose_numbers_are_not_chosen() {
    let (mut doc, _) = build(&seoul_with_branches());
    let hq = doc.customers[0].headquarters.id;
    set_numbers(&mut doc, hq, NumberSource::NotChosen);
    let customer = customer_of(&doc);
    let p = Provisioning::default();
    let no_changes = InWebex::default();
    for step in [
        Step::ReadPstn(hq),
        Step::ListNumbers(hq),
        Step::AddNumbers(hq),
    ] {
        assert_eq!(
            super::runner::request_for(&doc, &customer, &p, &no_changes, step, Destination::Webex),
            Err(Stop::NumbersNotChosen(hq))
        );
        assert!(
            super::runner::request_for(
                &doc,
                &customer,
                &p,
                &no_changes,
                step,
                Destination::Simulator
            )
            .is_ok(),
            "a demo adds them as a partner-managed PSTN would"
        );
    }
}

#[test]
fn removing_a_customer_sends_the_delete_follows_it_until_gone_and_never_deletes_twice() {
    let mut demo = Demo::new(Failure::None);
    assert_eq!(demo.run(), Ended::Finished);
    let before = demo.webex.sent.borrow().len();
    crate::domain::provisioning::start_removal(&mut demo.p);
    assert_eq!(demo.p.badge(), Badge::Removing);
    assert_eq!(demo.run(), Ended::Finished);
    assert_eq!(demo.p.removal, Some(Removal::Gone));
    let sent: Vec<String> = sent_paths(&demo.webex)[before..].to_vec();
    assert_eq!(
        sent[0],
        format!(
            "Delete /wholesale/customers/{}",
            demo.p.customer_id.clone().unwrap()
        )
    );
    assert_eq!(sent.iter().filter(|p| p.starts_with("Delete")).count(), 1);
    assert!(sent[1..]
        .iter()
        .all(|p| p.starts_with("Get /wholesale/customers/")));
    assert!(
        demo.clock.now().0 >= super::simulator::REMOVAL_MS,
        "it followed the customer while Webex was deleting it"
    );
}

#[test]
fn a_removal_resumed_after_any_save_deletes_once_and_a_repeated_delete_of_a_gone_customer_is_gone()
{
    let mut demo = Demo::new(Failure::None);
    demo.run();
    let provisioned = demo.p.clone();
    // How many saves a removal makes.
    let mut whole = provisioned.clone();
    crate::domain::provisioning::start_removal(&mut whole);
    let saves = {
        let clock = demo.clock.clone();
        let webex = simulated(Failure::None, &clock);
        let mut copy = whole.clone();
        let count = RefCell::new(0usize);
        block_on(run(
            &webex,
            &demo.doc,
            &demo.customer,
            &mut copy,
            |ms| clock.sleep(ms),
            || clock.now(),
            |_, _| {
                *count.borrow_mut() += 1;
                true
            },
        ));
        count.into_inner()
    };
    for cut in 0..saves {
        // Webex as it was when the removal was asked (the customer provisioned there).
        let mut again = Demo::new(Failure::None);
        again.run();
        let mut saved = again.p.clone();
        crate::domain::provisioning::start_removal(&mut saved);
        let before = again.webex.sent.borrow().len();
        provision_with(
            &again.webex,
            &again.clock,
            &again.doc,
            &again.customer,
            &mut saved,
            Some(cut),
        );
        run::resume(&mut saved);
        let ended = provision_with(
            &again.webex,
            &again.clock,
            &again.doc,
            &again.customer,
            &mut saved,
            None,
        );
        assert_eq!(ended, Ended::Finished, "cut after {cut}");
        assert_eq!(saved.removal, Some(Removal::Gone), "cut after {cut}");
        let deletes = sent_paths(&again.webex)[before..]
            .iter()
            .filter(|p| p.starts_with("Delete"))
            .count();
        // A delete whose answer was saved is never sent again; one whose answer was not
        // may be, and then Webex's 404 means gone.
        assert!(deletes <= 2, "cut after {cut}: {deletes} deletes");
        if cut >= 1 {
            assert_eq!(deletes, 1, "cut after {cut}: the accepted delete was saved");
        }
    }
}
