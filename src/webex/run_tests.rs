//! The run's state machine through the runner: against the simulator (every request and
//! answer checked against Cisco's spec) and against scripted answers; resumes from
//! every point a reload could cut a run at, with nothing created twice.

use super::run::{self, Answer, Step, Verdict, MAX_RETRIES};
use super::runner::{run, Connection, Ended, Outgoing};
use super::simulator::{Failure, SimulatedConnection, Simulator};
use super::spec_check::spec;
use super::tests::{build, seoul_with_branches};
use crate::domain::customer::Customer;
use crate::domain::provisioning::{Badge, Provisioning, RemoteStatus, Stop, UserState};
use crate::domain::time::Timestamp;
use crate::domain::Document;
use futures::executor::block_on;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// A connection that checks every request and answer against the spec and keeps them.
struct Checked<C> {
    inner: C,
    sent: RefCell<Vec<(Outgoing, Result<Answer, String>)>>,
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
    async fn send(&self, request: Outgoing) -> Result<Answer, String> {
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
    let c = clock.clone();
    Checked {
        inner: SimulatedConnection {
            simulator: RefCell::new(Simulator::new(failure)),
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
        }
    }

    /// Runs until the run ends (every save succeeds).
    fn run(&mut self) -> Ended {
        provision_with(
            &self.webex,
            &self.clock,
            &self.doc,
            &self.customer,
            &mut self.p,
            None,
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
    let mut p = saved.clone();
    let mut left = saves;
    let kept = RefCell::new(saved.clone());
    let ended = block_on(run(
        connection,
        doc,
        customer,
        &mut p,
        |ms| clock.sleep(ms),
        || clock.now(),
        |p| match &mut left {
            Some(0) => false,
            Some(n) => {
                *n -= 1;
                *kept.borrow_mut() = p.clone();
                true
            }
            None => {
                *kept.borrow_mut() = p.clone();
                true
            }
        },
    ));
    *saved = kept.into_inner();
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
    assert!(demo
        .p
        .timeline
        .iter()
        .any(|e| e.http == Some(429) && e.summary == "retrying in 2 s"));
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
        |_| {
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
struct Scripted(RefCell<VecDeque<Result<Answer, String>>>);

impl Connection for Scripted {
    async fn send(&self, request: Outgoing) -> Result<Answer, String> {
        self.0.borrow_mut().pop_front().unwrap_or_else(|| {
            panic!(
                "unscripted request {} {}",
                request.path,
                request.body.unwrap_or_default()
            )
        })
    }
}

fn answer(http: u16, body: &str) -> Result<Answer, String> {
    Ok(Answer {
        http,
        body: body.into(),
        retry_after: None,
        tracking_id: Some("T1".into()),
    })
}

#[test]
fn server_errors_and_lost_connections_are_retried_a_few_times_then_the_run_stops() {
    let (doc, _) = build(&seoul_with_branches());
    let customer = customer_of(&doc);
    let clock = Clock::default();
    let mut script: VecDeque<_> =
        vec![Err("Failed to fetch".to_string()), answer(503, "{}")].into();
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
        Some(Stop::Unreachable {
            detail: "HTTP 502: Bad gateway".into()
        })
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
    let next = |p: &Provisioning| run::next_steps(&customer, p, &[], 10);
    let mut p = Provisioning::default();
    assert_eq!(next(&p), [], "not running");
    run::start(&mut p);
    assert_eq!(next(&p), [Step::PrecheckCustomer]);
    run::apply(
        &customer,
        &mut p,
        Step::PrecheckCustomer,
        &answer(200, "{}").unwrap(),
    );
    assert_eq!(next(&p), [Step::FindCustomer]);
    run::apply(
        &customer,
        &mut p,
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
        Step::AwaitCustomer,
        &answer(200, r#"{"id":"C1","status":"pending_rpl_review"}"#).unwrap(),
    );
    assert_eq!(p.status, Some(RemoteStatus::PendingRplReview));
    assert_eq!(next(&p), [Step::AwaitCustomer]);
    run::apply(
        &customer,
        &mut p,
        Step::AwaitCustomer,
        &answer(200, r#"{"id":"C1","orgId":"O1","status":"provisioned"}"#).unwrap(),
    );
    assert_eq!(next(&p), [Step::FindLocations]);
    let hq = customer.headquarters.id;
    run::apply(
        &customer,
        &mut p,
        Step::FindLocations,
        &answer(
            200,
            r#"{"items":[{"id":"L0","name":"Head Office"},{"id":"L1","name":"Branch 0"}]}"#,
        )
        .unwrap(),
    );
    assert_eq!(p.locations.get(&hq).map(String::as_str), Some("L0"));
    let branch1 = customer.locations[1].id;
    assert_eq!(
        next(&p),
        [Step::CreateLocation(branch1)],
        "Branch 0 existed: only Branch 1 is created"
    );
    run::apply(
        &customer,
        &mut p,
        Step::CreateLocation(branch1),
        &answer(201, r#"{"id":"L2"}"#).unwrap(),
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
        run::next_steps(&customer, &p, &[Step::PrecheckUser(users[0])], 2),
        [Step::PrecheckUser(users[1])],
        "a bounded number in flight"
    );
    run::apply(
        &customer,
        &mut p,
        Step::PrecheckUser(users[0]),
        &answer(200, "{}").unwrap(),
    );
    run::apply(
        &customer,
        &mut p,
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
    run::apply(
        &customer,
        &mut p,
        Step::FindUser(users[0]),
        &answer(200, r#"{"items":[]}"#).unwrap(),
    );
    assert_eq!(
        next(&p)[0],
        Step::ProvisionUser(users[0]),
        "not there: sent again"
    );
    run::apply(
        &customer,
        &mut p,
        Step::ProvisionUser(users[0]),
        &answer(200, r#"{"id":"S1","status":"pending_user_migration"}"#).unwrap(),
    );
    assert!(
        matches!(&p.users[&users[0]], UserState::Provisioned { status, .. } if status == "pending_user_migration")
    );

    // What the transport makes of answers.
    assert_eq!(
        run::classify(answer(401, "{}").as_ref().map_err(String::as_str), 0),
        Verdict::NeedToken
    );
    let limited = Answer {
        retry_after: Some(7),
        ..answer(429, "{}").unwrap()
    };
    assert_eq!(
        run::classify(Ok(&limited), 3),
        Verdict::Retry { after_ms: 7000 }
    );
    assert_eq!(
        run::classify(Ok(&answer(404, "{}").unwrap()), 0),
        Verdict::Apply
    );
    assert_eq!(
        run::classify(Err("offline"), MAX_RETRIES),
        Verdict::GiveUp {
            detail: "offline".into()
        }
    );
    assert_eq!(run::poll_delay_ms(0), 2000);
    assert_eq!(run::poll_delay_ms(100), 15_000);
}
