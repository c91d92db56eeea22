//! Changes Webex does not have yet: edits to a customer after Webex took it.
//!
//! When something Webex has is first changed here (the customer's packages, a
//! provisioned user, a location Webex has), its value as Webex has it is recorded
//! ([`InWebex`]), before the change. What is pending is the difference between that
//! record and the customer now ([`pending`]): two edits of one thing collapse into one
//! difference, an edit undone leaves none, and a user removed here is one recorded and
//! gone. A run sends the differences (`webex::run`) and records what Webex took; a
//! record equal to the customer now is dropped ([`InWebex::tidy`]).
//!
//! Only what Webex's APIs can change is compared: a user's package (Wholesale), names,
//! number and extension (People), and a calling user's location (a move job); a
//! location's name, address and time zone; the customer's packages. (An e-mail stays as
//! Webex has it.) A user's number, extension and location count for calling users only.

use crate::domain::customer::Customer;
use crate::domain::document::{Document, Refused};
use crate::domain::ids::CustomerId;
use crate::domain::ids::{LocationId, UserId};
use crate::domain::location::LocationDetails;
use crate::domain::package::Package;
use crate::domain::provisioning::{
    ApiProblem, IdMap, PeopleRecord, Provisioning, RemoteStatus, UserState,
};
use crate::domain::user::UserDetails;
use serde::{Deserialize, Serialize};

/// Something whose changes go to Webex in one request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Key {
    /// The customer's packages (`PUT /wholesale/customers/{id}`).
    Packages,
    /// A subscriber (`PUT` or `DELETE /wholesale/subscribers/{id}`).
    User(UserId),
    /// A location (`PUT /locations/{id}`).
    Location(LocationId),
}

/// Webex refused a change: it stays listed with what Webex said, and is not sent again
/// until the partner applies the changes again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub key: Key,
    pub http: u16,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<ApiProblem>,
}

/// What Webex has of the things changed here since Webex took them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InWebex {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packages: Option<Vec<Package>>,
    #[serde(skip_serializing_if = "IdMap::is_empty")]
    pub users: IdMap<UserId, UserDetails>,
    #[serde(skip_serializing_if = "IdMap::is_empty")]
    pub locations: IdMap<LocationId, LocationDetails>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub refused: Vec<Refusal>,
    /// What a run has sent and Webex took (not saved): a run's record replaces the saved
    /// one, and edits made meanwhile must survive it ([`InWebex::merge_run`]).
    #[serde(skip)]
    pub synced: Vec<Key>,
}

impl InWebex {
    /// The record's text (`Provisioning::changes`); text that is not one (storage another
    /// page wrote) reads as no change.
    pub fn read(text: &str) -> InWebex {
        if text.is_empty() {
            return InWebex::default();
        }
        serde_json::from_str(text).unwrap_or_default()
    }

    /// As the record keeps it: nothing when there is nothing.
    pub fn write(&self) -> String {
        if self.is_empty() {
            return String::new();
        }
        serde_json::to_string(self).expect("plain data")
    }

    pub fn is_empty(&self) -> bool {
        self.packages.is_none()
            && self.users.is_empty()
            && self.locations.is_empty()
            && self.refused.is_empty()
    }

    pub fn refusal(&self, key: Key) -> Option<&Refusal> {
        self.refused.iter().find(|r| r.key == key)
    }

    /// Webex took `key`'s change (or it needs none any more).
    pub fn took(&mut self, key: Key) {
        self.refused.retain(|r| r.key != key);
        if !self.synced.contains(&key) {
            self.synced.push(key);
        }
    }

    pub fn refuse(&mut self, key: Key, http: u16, problems: Vec<ApiProblem>) {
        self.refused.retain(|r| r.key != key);
        self.refused.push(Refusal {
            key,
            http,
            problems,
        });
    }

    /// Drops what equals the customer now (an edit undone, or sent): no change is left.
    pub fn tidy(&mut self, customer: &Customer) {
        if self.packages.as_ref() == Some(&customer.packages) {
            self.packages = None;
        }
        // A user Webex no longer has (a refresh found it gone, or its removal went) has
        // no change to send: it is provisioned again, or gone.
        self.users.retain(|id, was| {
            user_in_webex(&customer.provisioning, *id)
                && customer
                    .user(*id)
                    .is_none_or(|u| user_differs(was, &u.details))
        });
        self.locations.retain(|id, was| {
            customer
                .location(*id)
                .is_none_or(|l| location_differs(was, &l.details))
        });
        let changed = |key: &Key| match key {
            Key::Packages => self.packages.is_some(),
            Key::User(u) => self.users.contains_key(u),
            Key::Location(l) => self.locations.contains_key(l),
        };
        let kept: Vec<Refusal> = std::mem::take(&mut self.refused)
            .into_iter()
            .filter(|r| changed(&r.key))
            .collect();
        self.refused = kept;
    }

    /// A run's record (`self`) as it is saved over `saved`, the record edits changed
    /// while the run went: what the run did not touch keeps the edits' values.
    pub fn merge_run(&mut self, saved: &InWebex) {
        let touched = |key: Key| self.synced.contains(&key);
        if self.packages.is_none() && !touched(Key::Packages) {
            self.packages = saved.packages.clone();
        }
        for (id, was) in saved.users.iter() {
            if !self.users.contains_key(id) && !touched(Key::User(*id)) {
                self.users.insert(*id, was.clone());
            }
        }
        for (id, was) in saved.locations.iter() {
            if !self.locations.contains_key(id) && !touched(Key::Location(*id)) {
                self.locations.insert(*id, was.clone());
            }
        }
    }
}

/// The customer exists in Webex and is not being removed: its changes go there.
/// (A customer Webex ended in `error` is mended by updating it whole instead.)
pub fn in_webex(p: &Provisioning) -> bool {
    p.customer_id.is_some()
        && p.removal.is_none()
        && !p.not_in_webex
        && p.status != Some(RemoteStatus::Error)
}

/// Webex has the user.
pub fn user_in_webex(p: &Provisioning, user: UserId) -> bool {
    matches!(p.users.get(&user), Some(UserState::Provisioned { .. }))
}

/// A user as Webex has it differs from `now` in what Webex can change.
pub fn user_differs(webex: &UserDetails, now: &UserDetails) -> bool {
    next_user_change(webex, now).is_some()
}

/// The request that takes a user's next change to Webex, each by the API Webex takes it
/// through, in the order they go: the package first (a user's calling follows it), then
/// a calling user's location, then its names, number and extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserChange {
    /// `PUT /wholesale/subscribers/{id}`: the package; with the number, extension and
    /// location only when a Meetings user becomes a calling user (the one case the
    /// Wholesale API takes them).
    Package,
    /// `POST /telephony/config/jobs/person/moveLocation`: a calling user to another
    /// location, with its number and extension there.
    Move,
    /// `GET`, then `PUT /people/{id}?callingData=true`: names, and a calling user's
    /// number and extension.
    Person,
}

/// What Webex must still be asked to make the user `webex` as it is `now`.
pub fn next_user_change(webex: &UserDetails, now: &UserDetails) -> Option<UserChange> {
    let calling = now.package.is_calling();
    if webex.package != now.package {
        Some(UserChange::Package)
    } else if calling && webex.location != now.location {
        Some(UserChange::Move)
    } else if webex.first_name != now.first_name
        || webex.last_name != now.last_name
        || calling && (webex.phone != now.phone || webex.extension != now.extension)
    {
        Some(UserChange::Person)
    } else {
        None
    }
}

/// The package change `now` made Webex take, in `webex` (the record of what it has):
/// with the calling details when they went with it (a Meetings user made a calling
/// user), and without them otherwise (they are no calling user's any more).
pub fn package_taken(webex: &mut UserDetails, now: &UserDetails) {
    webex.package = now.package;
    if !webex.package.is_calling() || now.package.is_calling() {
        webex.phone = now.phone.clone();
        webex.extension = now.extension.clone();
        webex.location = now.location;
    }
}

/// A location as Webex has it differs from `now` in what a `PUT` can change: its name,
/// address and time zone (`PUT /locations/{id}`), or the routing prefix given here
/// (`PUT /telephony/config/locations/{id}`; one taken away here stays in Webex).
pub fn location_differs(webex: &LocationDetails, now: &LocationDetails) -> bool {
    place_differs(webex, now) || prefix_differs(webex, now)
}

/// Its name, address or time zone differ.
pub fn place_differs(webex: &LocationDetails, now: &LocationDetails) -> bool {
    webex.name != now.name || webex.address != now.address || webex.time_zone != now.time_zone
}

/// A routing prefix is given here that Webex does not have.
pub fn prefix_differs(webex: &LocationDetails, now: &LocationDetails) -> bool {
    now.routing_prefix.is_some() && webex.routing_prefix != now.routing_prefix
}

impl Customer {
    /// Changes `key` here with `change`, keeping the record of changes (read and written
    /// once): when Webex has the thing, its value as Webex has it is recorded first (once:
    /// the first change's "before" is what Webex has); afterwards, records that are no
    /// change any more (an edit undone) are dropped.
    pub fn change_tracked<R>(&mut self, key: Key, change: impl FnOnce(&mut Customer) -> R) -> R {
        let mut w = InWebex::read(&self.provisioning.changes);
        self.note_change(&mut w, key);
        let result = change(self);
        w.tidy(self);
        self.provisioning.changes = w.write();
        result
    }

    /// Refuses a change a run going on would miss: it sends what Webex does not have yet
    /// as it was when it began, so only changes to what Webex has (kept as changes for
    /// Webex) may be made under it.
    pub fn not_under_run(&self, key: Key) -> Result<(), Refused> {
        if self.provisioning.running && !self.webex_has(key) {
            Err(Refused::RunGoingOn)
        } else {
            Ok(())
        }
    }

    /// Webex has `key`: a change to it is tracked as a change for Webex.
    fn webex_has(&self, key: Key) -> bool {
        let p = &self.provisioning;
        in_webex(p)
            && match key {
                Key::Packages => true,
                Key::User(id) => user_in_webex(p, id),
                Key::Location(id) => p.locations.contains_key(&id) || id == self.headquarters.id,
            }
    }

    /// Records what Webex has of `key`, before its first change here.
    fn note_change(&self, w: &mut InWebex, key: Key) {
        if !self.webex_has(key) {
            return;
        }
        match key {
            Key::Packages if w.packages.is_none() => {
                w.packages = Some(self.packages.clone());
            }
            Key::User(id) if !w.users.contains_key(&id) => {
                if let Some(u) = self.user(id) {
                    w.users.insert(id, u.details.clone());
                }
            }
            Key::Location(id) if !w.locations.contains_key(&id) => {
                if let Some(l) = self.location(id) {
                    w.locations.insert(id, l.details.clone());
                }
            }
            _ => {}
        }
    }
}

impl Document {
    /// Records what happened in Webex for a customer outside a run (a refresh, a
    /// reset): the record of changes is the text `progress` carries.
    pub fn set_provisioning(
        &mut self,
        customer: CustomerId,
        progress: Provisioning,
    ) -> Result<(), Refused> {
        let changes = InWebex::read(&progress.changes);
        self.save_run(customer, progress, &changes)
    }

    /// Saves a run's record, with its working copy of what Webex has of the changes
    /// (`changes`, which knows what the run sent and Webex took): edits made here while
    /// the run went keep what Webex had of them.
    pub fn save_run(
        &mut self,
        customer: CustomerId,
        progress: Provisioning,
        changes: &InWebex,
    ) -> Result<(), Refused> {
        let c = self.customer_mut(customer).ok_or(Refused::NotFound)?;
        let mut w = changes.clone();
        w.merge_run(&InWebex::read(&c.provisioning.changes));
        let mut progress = progress;
        progress.store_people();
        c.provisioning = progress;
        w.tidy(c);
        c.provisioning.changes = w.write();
        Ok(())
    }
}

/// A change Webex does not have yet, as the customer page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    AddPackage(Package),
    RemovePackage(Package),
    UserPackage(UserId, Package),
    /// The user's first or last name.
    UserName(UserId),
    /// Webex is moving the user to this location (a job not ended yet).
    UserMoving(UserId, LocationId),
    /// The user's number now (`None`: the number is taken away).
    UserNumber(UserId),
    UserExtension(UserId),
    UserLocation(UserId, LocationId),
    /// Removed here: the details are Webex's (the user is gone here).
    RemoveUser(UserId, Box<UserDetails>),
    RenameLocation(LocationId),
    LocationAddress(LocationId),
    LocationTimeZone(LocationId),
    LocationRoutingPrefix(LocationId),
    /// Added here after Webex took the customer: provisioned as on day 0.
    AddUser(UserId),
    AddLocation(LocationId),
}

impl Change {
    /// What the change is sent as.
    pub fn key(&self) -> Key {
        match self {
            Change::AddPackage(_) | Change::RemovePackage(_) => Key::Packages,
            Change::UserPackage(u, _)
            | Change::UserName(u)
            | Change::UserMoving(u, _)
            | Change::UserNumber(u)
            | Change::UserExtension(u)
            | Change::UserLocation(u, _)
            | Change::RemoveUser(u, _)
            | Change::AddUser(u) => Key::User(*u),
            Change::RenameLocation(l)
            | Change::LocationAddress(l)
            | Change::LocationTimeZone(l)
            | Change::LocationRoutingPrefix(l)
            | Change::AddLocation(l) => Key::Location(*l),
        }
    }
}

/// Users added here that Webex has not taken (nor refused) yet.
fn new_users(customer: &Customer) -> impl Iterator<Item = UserId> + '_ {
    let p = &customer.provisioning;
    customer
        .users
        .iter()
        .filter(|u| matches!(p.users.get(&u.id), None | Some(UserState::Prechecked)))
        .map(|u| u.id)
}

/// Whether anything waits to go to Webex (the customers list's "Changes pending").
pub fn any_pending(customer: &Customer) -> bool {
    let p = &customer.provisioning;
    if !in_webex(p) || p.running {
        return false;
    }
    // Every edit tidies the record: what it still holds differs from the customer now.
    !p.changes.is_empty()
        || new_users(customer).next().is_some()
        || customer
            .locations
            .iter()
            .any(|l| !p.locations.contains_key(&l.id))
}

/// Every change Webex does not have yet, in the order a run sends them: packages
/// added, locations, users, packages removed. `w` is the customer's record of them
/// (`InWebex::read` of `Provisioning::changes`, read once by the caller, which also
/// shows the refusals it holds).
pub fn pending(customer: &Customer, w: &InWebex) -> Vec<Change> {
    let p = &customer.provisioning;
    let moving = PeopleRecord::read(&p.people_text);
    let mut out = Vec::new();
    if !in_webex(p) {
        return out;
    }
    let was_packages = w.packages.as_deref().unwrap_or(&customer.packages);
    for &pkg in &customer.packages {
        if !was_packages.contains(&pkg) {
            out.push(Change::AddPackage(pkg));
        }
    }
    for l in &customer.locations {
        if !p.locations.contains_key(&l.id) {
            out.push(Change::AddLocation(l.id));
        }
    }
    for (id, was) in w.locations.iter() {
        let Some(now) = customer.location(*id) else {
            continue;
        };
        let now = &now.details;
        if was.name != now.name {
            out.push(Change::RenameLocation(*id));
        }
        if was.address != now.address {
            out.push(Change::LocationAddress(*id));
        }
        if was.time_zone != now.time_zone {
            out.push(Change::LocationTimeZone(*id));
        }
        if prefix_differs(was, now) {
            out.push(Change::LocationRoutingPrefix(*id));
        }
    }
    for id in new_users(customer) {
        out.push(Change::AddUser(id));
    }
    // Removals first, as a run sends them.
    for id in users_to_remove(customer, w) {
        if let Some(was) = w.users.get(&id) {
            out.push(Change::RemoveUser(id, Box::new(was.clone())));
        }
    }
    for (id, was) in w.users.iter() {
        let Some(now) = customer.user(*id) else {
            continue;
        };
        let now = &now.details;
        if was.package != now.package {
            out.push(Change::UserPackage(*id, now.package));
        }
        if was.first_name != now.first_name || was.last_name != now.last_name {
            out.push(Change::UserName(*id));
        }
        // Only a calling user has a number, extension and location in Webex.
        if !now.package.is_calling() {
            continue;
        }
        if was.phone != now.phone {
            out.push(Change::UserNumber(*id));
        }
        if was.extension != now.extension {
            out.push(Change::UserExtension(*id));
        }
        if moving.moves.contains_key(id) {
            out.push(Change::UserMoving(*id, now.location));
        } else if was.location != now.location {
            out.push(Change::UserLocation(*id, now.location));
        }
    }
    for pkg in was_packages {
        if !customer.packages.contains(pkg) {
            out.push(Change::RemovePackage(*pkg));
        }
    }
    out
}

// What a run sends, from its own record `w` (a run's record is ahead of the saved one).

/// Packages the customer has here that Webex has not (they go before the users that
/// need them).
pub fn packages_to_add(customer: &Customer, w: &InWebex) -> bool {
    w.packages
        .as_ref()
        .is_some_and(|was| customer.packages.iter().any(|p| !was.contains(p)))
}

/// Packages Webex has that the customer no longer has (they go after the users).
pub fn packages_to_remove(customer: &Customer, w: &InWebex) -> bool {
    w.packages
        .as_ref()
        .is_some_and(|was| was.iter().any(|p| !customer.packages.contains(p)))
}

/// The users whose package, number, extension or location Webex has otherwise.
pub fn users_to_update<'a>(
    customer: &'a Customer,
    w: &'a InWebex,
) -> impl Iterator<Item = UserId> + 'a {
    customer
        .users
        .iter()
        .filter(|u| {
            w.users
                .get(&u.id)
                .is_some_and(|was| user_differs(was, &u.details))
        })
        .map(|u| u.id)
}

/// The users removed here that Webex still has.
pub fn users_to_remove<'a>(
    customer: &'a Customer,
    w: &'a InWebex,
) -> impl Iterator<Item = UserId> + 'a {
    w.users
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| customer.user(*id).is_none())
}

/// Users still to update or remove in Webex (those Webex refused aside).
pub fn users_pending(customer: &Customer, w: &InWebex) -> bool {
    let open = |id: UserId| w.refusal(Key::User(id)).is_none();
    users_to_update(customer, w).any(open) || users_to_remove(customer, w).any(open)
}

/// The locations whose name, address or time zone Webex has otherwise.
pub fn locations_to_update<'a>(
    customer: &'a Customer,
    w: &'a InWebex,
) -> impl Iterator<Item = LocationId> + 'a {
    customer
        .all_locations()
        .filter(|l| {
            w.locations
                .get(&l.id)
                .is_some_and(|was| place_differs(was, &l.details))
        })
        .map(|l| l.id)
}

/// The packages a `PUT /wholesale/customers/{id}` sends: while users still move between
/// packages, those Webex has are kept too (a package users hold cannot go before them).
pub fn packages_to_send(customer: &Customer, w: &InWebex) -> Vec<Package> {
    match &w.packages {
        Some(was) if users_pending(customer, w) => Package::ALL
            .into_iter()
            .filter(|p| customer.packages.contains(p) || was.contains(p))
            .collect(),
        _ => customer.packages.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer_edit::tests::doc;
    use crate::domain::ids::CustomerId;
    use crate::domain::location::LocationName;
    use crate::domain::Document;

    /// The set-up customer as Webex took it: the customer, its headquarters and branch,
    /// and its two users (the admin and Mina, at the branch).
    fn in_webex() -> (Document, CustomerId, LocationId) {
        let (mut doc, id, branch) = doc(true);
        let c = doc.customer_mut(id).unwrap();
        let p = &mut c.provisioning;
        p.customer_id = Some("C1".into());
        p.status = Some(RemoteStatus::Provisioned);
        p.locations.insert(c.headquarters.id, "L-HQ".into());
        p.locations.insert(branch, "L-BRANCH".into());
        for (n, u) in c.users.iter().enumerate() {
            p.users.insert(
                u.id,
                UserState::Provisioned {
                    id: format!("S{n}"),
                    status: "provisioned".into(),
                },
            );
        }
        (doc, id, branch)
    }

    fn user_named(doc: &Document, id: CustomerId, first: &str) -> (UserId, UserDetails) {
        let u = doc
            .customer(id)
            .unwrap()
            .users
            .iter()
            .find(|u| u.details.first_name.as_ref() == first)
            .unwrap();
        (u.id, u.details.clone())
    }

    fn pending_of(doc: &Document, id: CustomerId) -> Vec<Change> {
        let c = doc.customer(id).unwrap();
        pending(c, &InWebex::read(&c.provisioning.changes))
    }

    /// Every field of a user Webex has is either a change that waits for Webex or stays,
    /// with its reason: no edit is only saved here.
    #[test]
    fn every_field_of_a_user_in_webex_is_a_change_for_webex_or_stays_with_its_reason() {
        use crate::domain::user::{UserDraft, UserRole};
        use crate::domain::user_rules::check_edit;
        use crate::domain::{Field, Problem, UserField};
        let (doc, id, branch) = in_webex();
        let hq = doc.customer(id).unwrap().headquarters.id.to_string();
        let branch = branch.to_string();
        // Every field of the form: a field added to it must be listed here.
        let UserDraft {
            key: _,
            customer_admin: _,
            first_name: _,
            last_name: _,
            email: _,
            package: _,
            location: _,
            phone: _,
            extension: _,
            role: _,
        } = UserDraft::default();
        type Edit = fn(&mut UserDraft, &str, &str);
        let edits: [(&str, &str, Edit); 9] = [
            ("first name", "Mina", |u, _, _| {
                u.first_name = "Minji".into()
            }),
            ("last name", "Mina", |u, _, _| u.last_name = "Park".into()),
            ("email", "Mina", |u, _, _| {
                u.email = "minji@acme-dental.example".into()
            }),
            ("package", "Mina", |u, _, _| {
                u.package = "webex_calling".into();
                u.extension = "2001".into();
            }),
            ("location", "Mina", |u, hq, _| u.location = hq.into()),
            ("calling location", "Ada", |u, _, branch| {
                u.location = branch.into();
                u.phone = String::new();
                u.extension = "2100".into();
            }),
            ("number", "Ada", |u, _, _| {
                u.phone = "+82 2 3000 0001".into()
            }),
            ("extension", "Ada", |u, _, _| u.extension = "2100".into()),
            ("role", "Mina", |u, _, _| u.role = UserRole::ReadOnlyAdmin),
        ];
        let mut stays = Vec::new();
        for (name, first, change) in edits {
            let mut doc = doc.clone();
            let (user, details) = user_named(&doc, id, first);
            let c = doc.customer(id).unwrap();
            let mut draft = UserDraft::from_user(0, &details, c.is_admin(&details));
            change(&mut draft, &hq, &branch);
            match check_edit(&doc, c, user, &draft) {
                Ok(now) => {
                    doc.update_user(id, user, now).unwrap();
                    assert_ne!(pending_of(&doc, id), vec![], "{name}: a change for Webex");
                }
                Err(errors) => {
                    let problems: Vec<_> = errors
                        .iter()
                        .map(|e| (e.field, e.problem.clone()))
                        .collect();
                    stays.push((name, problems));
                }
            }
        }
        assert_eq!(
            stays,
            [
                (
                    "email",
                    vec![(Field::User(UserField::Email), Problem::EmailInWebex)]
                ),
                (
                    "location",
                    vec![(
                        Field::User(UserField::Location),
                        Problem::LocationNotInWebex
                    )]
                ),
                (
                    "role",
                    vec![(Field::User(UserField::Role), Problem::RoleInWebex)]
                ),
            ],
            "only the e-mail, the role and a Meetings user's location stay, each with its reason"
        );
    }

    #[test]
    fn under_a_run_only_what_webex_has_changes_and_waits_as_a_change() {
        // A first run going on: it sends Mina as she was when it began.
        let (mut doc, id, branch) = doc(true);
        let (mina, mut details) = user_named(&doc, id, "Mina");
        doc.customer_mut(id).unwrap().provisioning.running = true;
        details.last_name = crate::domain::user::PersonName::parse("Park").unwrap();
        assert_eq!(
            doc.update_user(id, mina, details.clone()),
            Err(Refused::RunGoingOn)
        );
        assert_eq!(doc.remove_user(id, mina), Err(Refused::RunGoingOn));
        // The customer's packages and its locations too (refused by the document itself).
        let c = doc.customer(id).unwrap();
        let change = crate::domain::customer_edit::check_customer_edit(
            &doc,
            id,
            &crate::domain::customer_edit::CustomerEdit::of(c),
        )
        .unwrap();
        let place = c.location(branch).unwrap().details.clone();
        assert_eq!(
            doc.apply_customer_edit(id, change),
            Err(Refused::RunGoingOn)
        );
        assert_eq!(
            doc.update_location(id, branch, place),
            Err(Refused::RunGoingOn)
        );
        // A run on a customer Webex has: the edit waits as a change for Webex.
        let (mut doc, id, _) = in_webex();
        doc.customer_mut(id).unwrap().provisioning.running = true;
        doc.update_user(id, mina, details).unwrap();
        assert_eq!(pending_of(&doc, id), vec![Change::UserName(mina)]);
    }

    #[test]
    fn nothing_is_pending_for_a_customer_webex_does_not_have() {
        let (mut doc, id, _) = doc(true);
        let (mina, mut details) = user_named(&doc, id, "Mina");
        details.package = Package::WebexSuite;
        doc.update_user(id, mina, details).unwrap();
        assert_eq!(pending_of(&doc, id), []);
        assert!(doc.customer(id).unwrap().provisioning.changes.is_empty());
    }

    #[test]
    fn an_edit_is_pending_until_undone_and_two_edits_are_one_change() {
        let (mut doc, id, _) = in_webex();
        let (mina, was) = user_named(&doc, id, "Mina");
        let mut suite = was.clone();
        suite.package = Package::WebexSuite;
        doc.update_user(id, mina, suite.clone()).unwrap();
        assert_eq!(
            pending_of(&doc, id),
            [Change::UserPackage(mina, Package::WebexSuite)]
        );
        let hq = doc.customer(id).unwrap().headquarters.id;
        let mut moved = suite;
        moved.location = hq;
        doc.update_user(id, mina, moved).unwrap();
        assert_eq!(
            pending_of(&doc, id),
            [
                Change::UserPackage(mina, Package::WebexSuite),
                Change::UserLocation(mina, hq)
            ],
            "compared with what Webex has, not with the edit before"
        );
        doc.update_user(id, mina, was).unwrap();
        assert_eq!(pending_of(&doc, id), [], "undone");
        assert!(doc.customer(id).unwrap().provisioning.changes.is_empty());
    }

    #[test]
    fn changes_are_listed_in_the_order_a_run_sends_them() {
        let (mut doc, id, branch) = in_webex();
        let (mina, was) = user_named(&doc, id, "Mina");
        let (ada, _) = user_named(&doc, id, "Ada");
        let c = doc.customer_mut(id).unwrap();
        c.change_tracked(Key::Packages, |c| {
            c.packages.retain(|p| *p != Package::WebexMeetings);
            c.packages.push(Package::CxEssentials);
        });
        let mut details = c.location(branch).unwrap().details.clone();
        details.name = LocationName::parse("Busan office").unwrap();
        doc.update_location(id, branch, details).unwrap();
        doc.remove_user(id, mina).unwrap();
        let mut admin = user_named(&doc, id, "Ada").1;
        admin.extension = Some(crate::domain::phone::Extension::parse("2100").unwrap());
        doc.update_user(id, ada, admin).unwrap();
        assert_eq!(
            pending_of(&doc, id),
            [
                Change::AddPackage(Package::CxEssentials),
                Change::RenameLocation(branch),
                Change::RemoveUser(mina, Box::new(was)),
                Change::UserExtension(ada),
                Change::RemovePackage(Package::WebexMeetings),
            ]
        );
    }

    #[test]
    fn what_was_added_after_webex_took_the_customer_is_sent_as_on_day_0() {
        let (mut doc, id, branch) = in_webex();
        let c = doc.customer_mut(id).unwrap();
        c.provisioning.locations.remove(&branch);
        let (mina, _) = user_named(&doc, id, "Mina");
        doc.customer_mut(id)
            .unwrap()
            .provisioning
            .users
            .remove(&mina);
        assert_eq!(
            pending_of(&doc, id),
            [Change::AddLocation(branch), Change::AddUser(mina)]
        );
        assert!(any_pending(doc.customer(id).unwrap()));
        doc.customer_mut(id).unwrap().provisioning.running = true;
        assert!(
            !any_pending(doc.customer(id).unwrap()),
            "a run under way says for itself"
        );
    }

    #[test]
    fn a_runs_record_keeps_the_edits_made_while_it_went_except_what_it_sent() {
        let (doc, id, _) = in_webex();
        let (mina, was) = user_named(&doc, id, "Mina");
        let (ada, ada_was) = user_named(&doc, id, "Ada");
        // What the saved record holds: both users edited here.
        let mut saved = InWebex::default();
        saved.users.insert(mina, was);
        saved.users.insert(ada, ada_was);
        // The run sent Mina's change and Webex took it.
        let mut run = InWebex::default();
        run.took(Key::User(mina));
        run.merge_run(&saved);
        assert!(!run.users.contains_key(&mina), "sent: Webex has it now");
        assert!(
            run.users.contains_key(&ada),
            "edited meanwhile: still pending"
        );
    }
}
