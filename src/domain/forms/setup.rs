//! The customer-setup wizard: new locations (branches), users, their phone numbers,
//! then "Create users".

use crate::domain::country::{self, Country};
use crate::domain::customer::Customer;
use crate::domain::document::{draw_unused, Refused};
use crate::domain::error::Errors;
use crate::domain::ids::{CustomerId, LocationId, UserId};
use crate::domain::location::{Location, LocationDraft};
use crate::domain::package;
use crate::domain::pstn::NumberSource;
use crate::domain::spreadsheet::{parse_users, UserRow};
use crate::domain::text::name_key;
use crate::domain::time::Timestamp;
use crate::domain::user::{person_name, User, UserDetails, UserDraft, UserRole};
use crate::domain::user_rules::UserRules;
use crate::domain::wizard::{Form, Wizard, WizardStep};
use crate::domain::{Document, Field, FieldError, LocationField, Problem, RowRef, UserField};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SetupStep {
    #[default]
    Locations,
    Users,
    PhoneNumbers,
    Review,
}

impl WizardStep for SetupStep {
    const ALL: &'static [SetupStep] = &[
        Self::Locations,
        Self::Users,
        Self::PhoneNumbers,
        Self::Review,
    ];

    fn of_field(field: Field) -> Option<Self> {
        Some(match field {
            Field::Number(_) => Self::PhoneNumbers,
            Field::User(_) => Self::Users,
            // The new locations' fields.
            Field::Location(_) => Self::Locations,
            // The other forms' fields.
            Field::Template(_) | Field::Customer(_) | Field::Partner(_) => return None,
        })
    }
}

/// A branch being added; its id is drawn when it is added so users can pick it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationRow {
    pub key: u32,
    pub id: LocationId,
    pub draft: LocationDraft,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupDraft {
    pub customer: CustomerId,
    pub next_key: u32,
    pub locations: Vec<LocationRow>,
    pub users: Vec<UserDraft>,
}

/// A valid setup, ready to be applied to its customer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setup {
    pub customer: CustomerId,
    pub locations: Vec<Location>,
    pub users: Vec<UserDetails>,
}

impl SetupDraft {
    /// A first setup starts with the customer's admin, who must become a user, at the
    /// customer's package level and at the headquarters.
    pub fn new(customer: &Customer) -> Self {
        let mut draft = Self {
            customer: customer.id,
            next_key: 0,
            locations: Vec::new(),
            users: Vec::new(),
        };
        if customer.admin_user().is_none() {
            let key = draft.add_user(customer);
            let admin = draft.user_mut(key).expect("just added");
            admin.customer_admin = true;
            admin.email = customer.admin_email.to_string();
            admin.role = UserRole::FullAdmin;
        }
        draft
    }

    /// A resumed draft may be older than the customer: once its admin is a saved user
    /// (set up in another tab), the admin row goes.
    pub fn catch_up(&mut self, customer: &Customer) {
        if customer.admin_user().is_some() {
            self.users.retain(|u| !u.customer_admin);
        }
        // The admin e-mail may have been changed on the customer's page since.
        for admin in self.users.iter_mut().filter(|u| u.customer_admin) {
            admin.email = customer.admin_email.to_string();
        }
    }

    fn take_key(&mut self) -> u32 {
        self.next_key += 1;
        self.next_key
    }

    /// Adds a branch in the headquarters' country (most branches are), returning its key.
    pub fn add_location(&mut self, customer: &Customer, id: LocationId) -> u32 {
        let key = self.take_key();
        let hq = &customer.headquarters.details;
        // A branch gets its numbers the way the headquarters does, until chosen otherwise.
        let mut draft = LocationDraft {
            language: hq.language.as_ref().to_string(),
            numbers: hq.numbers,
            ..LocationDraft::default()
        };
        draft.set_country(hq.address.country.as_ref().to_string());
        draft.time_zone = hq.time_zone.clone();
        self.locations.push(LocationRow { key, id, draft });
        key
    }

    /// Removes an unsaved branch; its users have to choose another location.
    pub fn remove_location(&mut self, key: u32) {
        if let Some(row) = self.locations.iter().find(|l| l.key == key) {
            let id = row.id.to_string();
            for user in self.users.iter_mut().filter(|u| u.location == id) {
                user.location.clear();
            }
        }
        self.locations.retain(|l| l.key != key);
    }

    /// Adds a user at the headquarters with the customer's package level.
    pub fn add_user(&mut self, customer: &Customer) -> u32 {
        let key = self.take_key();
        self.users.push(UserDraft {
            key,
            ..self.user_defaults(customer)
        });
        key
    }

    pub fn user_mut(&mut self, key: u32) -> Option<&mut UserDraft> {
        self.users.iter_mut().find(|u| u.key == key)
    }

    /// The locations this setup adds whose country is one of the table's: their country
    /// and how numbers reach them.
    /// The locations this setup adds: each one's id, country, how numbers reach it, and
    /// whether it has a routing prefix.
    pub fn new_locations(
        &self,
    ) -> impl Iterator<Item = (LocationId, &'static Country, NumberSource, bool)> + '_ {
        self.locations.iter().filter_map(|row| {
            Some((
                row.id,
                country::find(&row.draft.country)?,
                row.draft.numbers,
                !row.draft.routing_prefix.trim().is_empty(),
            ))
        })
    }

    /// How a person finds a user row in their own list: its name, else its e-mail.
    pub fn user_label(&self, key: u32) -> Option<String> {
        let user = self.users.iter().find(|u| u.key == key)?;
        let name = person_name(&user.first_name, &user.last_name);
        let label = if name.is_empty() {
            user.email.trim().to_string()
        } else {
            name
        };
        (!label.is_empty()).then_some(label)
    }

    /// The rows (by key) with a problem that `step`'s "Next" would refuse on.
    pub fn rows_with_problems(&self, step: SetupStep, doc: &Document) -> HashSet<u32> {
        self.step_errors(step, doc)
            .iter()
            .filter_map(|e| e.row.map(|r| r.key))
            .collect()
    }

    /// The customer's admin row stays.
    pub fn remove_user(&mut self, key: u32) {
        self.users.retain(|u| u.key != key || u.customer_admin);
    }

    /// A spreadsheet row as a user row of this setup (drawing a key): the package and
    /// the role by key or name, the location by name among the customer's and this
    /// setup's; what matches nothing stays as written for the rules to refuse (an
    /// unknown role, which a row cannot hold, is left to [`Self::preview_import`]). The
    /// customer admin's own row fills in the admin row rather than adding a second.
    fn imported(&mut self, customer: &Customer, row: &UserRow) -> UserDraft {
        let email = row.email.trim();
        let admin = self
            .users
            .iter()
            .find(|u| u.customer_admin && u.email.trim().eq_ignore_ascii_case(email));
        let mut user = match admin {
            Some(admin) => admin.clone(),
            None => {
                let key = self.take_key();
                UserDraft {
                    key,
                    email: email.to_string(),
                    role: UserRole::from_text(&row.role).unwrap_or_default(),
                    ..self.user_defaults(customer)
                }
            }
        };
        user.first_name = row.first_name.clone();
        user.last_name = row.last_name.clone();
        user.phone = row.phone.clone();
        user.extension = row.extension.clone();
        if !row.package.trim().is_empty() {
            user.package = package::Package::from_text(&row.package)
                .map(|p| p.key().to_string())
                .unwrap_or_else(|| row.package.clone());
        }
        if !row.location.trim().is_empty() {
            user.location = self
                .location_named(customer, &row.location)
                .unwrap_or_else(|| row.location.clone());
        }
        user
    }

    /// The id of the customer's location, saved or added here, that has this name.
    fn location_named(&self, customer: &Customer, name: &str) -> Option<String> {
        let key = name_key(name);
        customer
            .all_locations()
            .find(|l| name_key(l.details.name.as_ref()) == key)
            .map(|l| l.id.to_string())
            .or_else(|| {
                self.locations
                    .iter()
                    .find(|l| name_key(&l.draft.name) == key)
                    .map(|l| l.id.to_string())
            })
    }

    /// What importing `rows` would add, each with the problems the setup's rules find
    /// in it once it is among the rows already here.
    /// The users `rows` would become, each with its row's key, for a check with Webex:
    /// only those the setup's rules pass (with the customer's saved users and everyone
    /// else's, and the setup's new locations).
    pub fn trial_users(&self, doc: &Document, rows: &[UserDraft]) -> Vec<(u32, UserDetails)> {
        let Some(customer) = doc.customer(self.customer) else {
            return Vec::new();
        };
        let mut rules = UserRules::new(doc, customer, self.new_locations(), None);
        rows.iter()
            .enumerate()
            .filter_map(|(position, row)| {
                let mut e = Errors::default();
                let at = RowRef {
                    key: row.key,
                    position,
                };
                let details = rules.check(row, at, &mut e)?;
                e.is_empty().then_some((row.key, details))
            })
            .collect()
    }

    pub fn preview_import(&self, doc: &Document, rows: &[UserRow]) -> Vec<ImportedRow> {
        let Some(customer) = doc.customer(self.customer) else {
            return Vec::new();
        };
        let mut trial = self.clone();
        let users: Vec<UserDraft> = rows.iter().map(|r| trial.imported(customer, r)).collect();
        trial.place(users.clone(), false);
        let mut problems: HashMap<u32, Vec<FieldError>> = HashMap::new();
        for error in trial.parse(doc).err().unwrap_or_default() {
            let Some(row) = error.row else { continue };
            if SetupStep::of_field(error.field) != Some(SetupStep::Locations) {
                problems.entry(row.key).or_default().push(error);
            }
        }
        users
            .into_iter()
            .zip(rows)
            .enumerate()
            .map(|(position, (user, row))| {
                let mut found = problems.remove(&user.key).unwrap_or_default();
                let at = RowRef {
                    key: user.key,
                    position,
                };
                if !user.customer_admin
                    && !row.role.trim().is_empty()
                    && UserRole::from_text(&row.role).is_none()
                {
                    let problem = Problem::UnknownRole {
                        text: row.role.trim().to_string(),
                    };
                    found.push(FieldError::new(Field::User(UserField::Role), problem).in_row(at));
                }
                ImportedRow {
                    user,
                    problems: found,
                }
            })
            .collect()
    }

    /// Adds imported rows (blank rows make way; the admin's own row is filled in);
    /// each new row gets a key of its own. Returns how many rows there were.
    pub fn add_imported(&mut self, users: Vec<UserDraft>) -> usize {
        self.place(users, true)
    }

    /// Puts imported rows in, drawing new keys or keeping theirs (a preview's).
    fn place(&mut self, users: Vec<UserDraft>, new_keys: bool) -> usize {
        if users.is_empty() {
            return 0;
        }
        self.users.retain(|u| !u.is_blank());
        let count = users.len();
        for mut user in users {
            if user.customer_admin {
                if let Some(admin) = self.users.iter_mut().find(|u| u.customer_admin) {
                    *admin = user;
                }
            } else {
                if new_keys {
                    user.key = self.take_key();
                }
                self.users.push(user);
            }
        }
        count
    }

    /// "Paste users": the text read as a CSV, the way an imported file is.
    pub fn paste_users(&mut self, customer: &Customer, text: &str) -> usize {
        let users = parse_users(text)
            .iter()
            .map(|row| self.imported(customer, row))
            .collect();
        self.add_imported(users)
    }

    /// A new row's values: at the headquarters, with the customer's package level.
    fn user_defaults(&self, customer: &Customer) -> UserDraft {
        UserDraft {
            package: package::customer_level(&customer.packages)
                .map(|p| p.key().to_string())
                .unwrap_or_default(),
            location: customer.headquarters.id.to_string(),
            ..UserDraft::default()
        }
    }
}

/// A spreadsheet row on its way into a setup, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedRow {
    pub user: UserDraft,
    pub problems: Vec<FieldError>,
}

impl Form for SetupDraft {
    type Step = SetupStep;
    type Context<'a> = &'a Document;
    type Parsed = Setup;

    fn context(doc: &Document) -> &Document {
        doc
    }

    fn parse(&self, doc: &Document) -> Result<Setup, Vec<FieldError>> {
        let Some(customer) = doc.customer(self.customer) else {
            return Err(vec![FieldError::new(
                Field::User(UserField::Table),
                Problem::UnknownChoice,
            )]);
        };
        let mut e = Errors::default();

        // Locations: each valid, names and routing prefixes unique within the customer.
        let names: HashSet<String> = customer
            .all_locations()
            .map(|l| name_key(l.details.name.as_ref()))
            .collect();
        let (mut seen, mut prefixes) = (HashSet::new(), HashSet::new());
        let mut locations = Vec::with_capacity(self.locations.len());
        for (position, row) in self.locations.iter().enumerate() {
            let at = RowRef {
                key: row.key,
                position,
            };
            let details = match row.draft.parse() {
                Ok(details) => details,
                Err(errors) => {
                    e.extend_in_row(errors, at);
                    continue;
                }
            };
            let key = name_key(details.name.as_ref());
            let name = if names.contains(&key) {
                Some(Problem::AlreadyUsed)
            } else {
                (!seen.insert(key)).then_some(Problem::Repeated)
            };
            let prefix = details.routing_prefix.as_ref().and_then(|p| {
                if customer.routing_prefix_used(p, row.id) {
                    Some(Problem::AlreadyUsed)
                } else {
                    (!prefixes.insert(p.clone())).then_some(Problem::Repeated)
                }
            });
            let errors: Vec<FieldError> = [
                name.map(|p| FieldError::new(Field::Location(LocationField::Name), p)),
                prefix.map(|p| FieldError::new(Field::Location(LocationField::RoutingPrefix), p)),
            ]
            .into_iter()
            .flatten()
            .collect();
            if errors.is_empty() {
                locations.push(Location {
                    id: row.id,
                    details,
                });
            } else {
                e.extend_in_row(errors, at);
            }
        }

        // Users, in order, against the customer's saved users and everyone else's.
        let mut rules = UserRules::new(doc, customer, self.new_locations(), None);
        let users: Vec<UserDetails> = self
            .users
            .iter()
            .enumerate()
            .filter_map(|(position, row)| {
                let at = RowRef {
                    key: row.key,
                    position,
                };
                rules.check(row, at, &mut e)
            })
            .collect();
        let admin_present =
            customer.admin_user().is_some() || self.users.iter().any(|u| u.customer_admin);
        if !admin_present {
            e.push(Field::User(UserField::Table), Problem::CustomerAdmin);
        } else if self.users.is_empty() && self.locations.is_empty() {
            e.push(Field::User(UserField::Table), Problem::NoUsers);
        }
        if e.is_empty() {
            Ok(Setup {
                customer: self.customer,
                locations,
                users,
            })
        } else {
            Err(e.into_vec())
        }
    }
}

/// A setup wizard in progress.
pub type SetupWizard = Wizard<SetupDraft>;

impl Document {
    /// Adds a parsed setup's branches and users to its customer; returns how many
    /// users were created.
    pub fn apply_setup(
        &mut self,
        setup: Setup,
        random: &mut impl FnMut() -> [u8; 16],
        now: Timestamp,
    ) -> Result<usize, Refused> {
        let customer = self.customer_mut(setup.customer).ok_or(Refused::NotFound)?;
        customer.locations.extend(setup.locations);
        let count = setup.users.len();
        let mut taken: HashSet<UserId> = customer.users.iter().map(|u| u.id).collect();
        customer.users.reserve(count);
        for details in setup.users {
            let id = draw_unused(random, UserId::from_random, |id| !taken.insert(id));
            customer.users.push(User {
                id,
                details,
                created_at: now,
            });
        }
        Ok(count)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::customer_wizard::tests::{doc_with_template, valid_draft};
    use crate::domain::customer_wizard::CustomerDraft;
    use crate::domain::document::Refused;
    use crate::domain::ids::UserId;
    use crate::domain::location::tests::seoul_office;
    use crate::domain::package::Package;
    use crate::domain::time::Timestamp;
    use crate::domain::user_rules::check_edit;
    use crate::domain::NumberField;
    use proptest::prelude::*;

    fn counter() -> impl FnMut() -> [u8; 16] {
        let mut n = 1000u128;
        move || {
            n += 1;
            n.to_le_bytes()
        }
    }

    /// A partner with one customer (calling + meetings, Seoul headquarters).
    pub(crate) fn doc_with_customer() -> (Document, CustomerId) {
        let mut doc = doc_with_template();
        let new = valid_draft(&doc)
            .parse(CustomerDraft::context(&doc))
            .unwrap();
        let id = doc.create_customer(new, &mut counter(), Timestamp(1));
        (doc, id)
    }

    /// The admin named, plus `n` users numbered from 1, all at the headquarters.
    fn draft_with_users(doc: &Document, id: CustomerId, n: usize) -> SetupDraft {
        let customer = doc.customer(id).unwrap();
        let mut draft = SetupDraft::new(customer);
        let admin = &mut draft.users[0];
        admin.first_name = "Ada".into();
        admin.last_name = "Admin".into();
        admin.phone = "+82 2 3000 0000".into();
        for i in 1..=n {
            let key = draft.add_user(customer);
            let u = draft.user_mut(key).unwrap();
            u.first_name = format!("User{i}");
            u.last_name = "Kim".into();
            u.email = format!("user{i}@acme-dental.example");
            u.extension = format!("{}", 1000 + i);
        }
        draft
    }

    fn problems(doc: &Document, draft: &SetupDraft) -> Vec<(Field, Problem, Option<usize>)> {
        draft
            .parse(doc)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.problem, e.row.map(|r| r.position)))
            .collect()
    }

    /// The problems of a draft, without their rows.
    fn kinds(doc: &Document, draft: &SetupDraft) -> Vec<(Field, Problem)> {
        problems(doc, draft)
            .into_iter()
            .map(|(f, p, _)| (f, p))
            .collect()
    }

    #[test]
    fn every_field_belongs_to_one_step_before_the_summary() {
        let (doc, id) = doc_with_customer();
        // A user with nothing filled in, and a new location with nothing filled in.
        let mut draft = draft_with_users(&doc, id, 1);
        draft.users[1].first_name.clear();
        draft.users[1].email.clear();
        let customer = doc.customer(id).unwrap().clone();
        draft.add_location(&customer, LocationId::from_u128(7));
        let reported = draft.parse(SetupDraft::context(&doc)).unwrap_err();
        crate::domain::wizard::tests::assert_fields_placed::<SetupStep>(
            &[
                Field::Location(LocationField::Name),
                Field::Location(LocationField::AddressLine1),
                Field::Location(LocationField::AddressLine2),
                Field::Location(LocationField::City),
                Field::Location(LocationField::State),
                Field::Location(LocationField::PostalCode),
                Field::Location(LocationField::Country),
                Field::Location(LocationField::TimeZone),
                Field::Location(LocationField::Language),
                Field::Location(LocationField::PstnConnection),
                Field::Location(LocationField::RoutingPrefix),
                Field::User(UserField::Table),
                Field::User(UserField::FirstName),
                Field::User(UserField::LastName),
                Field::User(UserField::Email),
                Field::User(UserField::Package),
                Field::User(UserField::Location),
                Field::User(UserField::Role),
                Field::Number(NumberField::Phone),
                Field::Number(NumberField::Extension),
            ],
            &reported,
        );
    }

    #[test]
    fn a_first_setup_starts_with_the_admin_at_the_customer_level() {
        let (doc, id) = doc_with_customer();
        let draft = SetupDraft::new(doc.customer(id).unwrap());
        let admin = &draft.users[0];
        assert!(admin.customer_admin);
        assert_eq!(admin.email, "it@acme-dental.example");
        assert_eq!(admin.package, "webex_calling", "calling outranks meetings");
        assert_eq!(admin.role, UserRole::FullAdmin);
    }

    #[test]
    fn a_valid_setup_applies_and_sets_the_customer_up() {
        let (mut doc, id) = doc_with_customer();
        let mut draft = draft_with_users(&doc, id, 3);
        let customer = doc.customer(id).unwrap().clone();
        let key = draft.add_location(&customer, LocationId::from_u128(5));
        draft.locations[0].draft.name = "Busan branch".into();
        draft.locations[0].draft.line1 = "1 Jungang-daero".into();
        draft.locations[0].draft.city = "Busan".into();
        draft.locations[0].draft.postal_code = "48939".into();
        draft.users[2].location = LocationId::from_u128(5).to_string();
        let setup = draft.parse(&doc).unwrap();
        assert_eq!(key, draft.locations[0].key);
        let created = doc
            .apply_setup(setup, &mut counter(), Timestamp(9))
            .unwrap();
        assert_eq!(created, 4);
        let c = doc.customer(id).unwrap();
        assert_eq!(c.status(), crate::domain::customer::CustomerStatus::SetUp);
        assert_eq!(c.locations.len(), 1);
        assert_eq!(c.admin_user().unwrap().details.role, UserRole::FullAdmin);
        assert_eq!(c.users[2].details.location, LocationId::from_u128(5));
        // Running it again starts without the admin (already a user); a stale draft
        // that still has the admin row cannot add the admin twice.
        assert!(SetupDraft::new(c).users.is_empty());
        let stale = draft;
        let mut stale = stale;
        assert_eq!(
            stale.parse(&doc).unwrap_err()[1],
            FieldError::new(Field::User(UserField::Email), Problem::AlreadyUsed).in_row(RowRef {
                key: stale.users[0].key,
                position: 0
            })
        );
        stale.catch_up(c);
        assert!(!stale.users.iter().any(|u| u.customer_admin));
    }

    #[test]
    fn emails_are_unique_within_the_setup_and_across_customers() {
        let (mut doc, id) = doc_with_customer();
        let mut draft = draft_with_users(&doc, id, 3);
        draft.users[2].email = "USER1@acme-dental.example".into();
        draft.users[3].email = "it@acme-dental.example".into();
        assert_eq!(
            problems(&doc, &draft),
            vec![
                (Field::User(UserField::Email), Problem::Repeated, Some(2)),
                (Field::User(UserField::Email), Problem::AlreadyUsed, Some(3)),
            ]
        );
        // Saved users of one customer are taken for every other customer.
        let draft = draft_with_users(&doc, id, 1);
        let setup = draft.parse(&doc).unwrap();
        doc.apply_setup(setup, &mut counter(), Timestamp(2))
            .unwrap();
        let mut other = valid_draft(&doc);
        other.company_name = "Other".into();
        other.admin_email = "user1@acme-dental.example".into();
        assert_eq!(
            other.parse(CustomerDraft::context(&doc)).unwrap_err()[0].problem,
            Problem::AlreadyUsed
        );
    }

    #[test]
    fn packages_must_be_user_packages_of_the_customer() {
        let (doc, id) = doc_with_customer();
        let mut draft = draft_with_users(&doc, id, 3);
        draft.users[1].package = "Webex Suite".into();
        draft.users[2].package = "Gold".into();
        draft.users[3].package = "common_area_calling".into();
        assert_eq!(
            problems(&doc, &draft),
            vec![
                (
                    Field::User(UserField::Package),
                    Problem::PackageNotOnCustomer {
                        package: Package::WebexSuite
                    },
                    Some(1)
                ),
                (
                    Field::User(UserField::Package),
                    Problem::UnknownPackage {
                        text: "Gold".into()
                    },
                    Some(2)
                ),
                (
                    Field::User(UserField::Package),
                    Problem::NotAUserPackage {
                        package: Package::CommonAreaCalling
                    },
                    Some(3)
                ),
            ]
        );
    }

    #[test]
    fn the_full_admin_is_not_downgraded() {
        let (doc, id) = doc_with_customer();
        let mut draft = draft_with_users(&doc, id, 0);
        draft.users[0].package = "webex_meetings".into();
        assert_eq!(
            problems(&doc, &draft),
            vec![(
                Field::User(UserField::Package),
                Problem::AdminDowngrade {
                    level: Package::WebexCalling
                },
                Some(0)
            )]
        );
        // Other users may have any of the customer's packages.
        let mut draft = draft_with_users(&doc, id, 1);
        draft.users[1].package = "webex_meetings".into();
        draft.users[1].extension.clear();
        assert!(draft.parse(&doc).is_ok());
    }

    #[test]
    fn calling_users_need_a_valid_unique_number_or_extension() {
        let (doc, id) = doc_with_customer();
        let mut draft = draft_with_users(&doc, id, 4);
        draft.users[1].extension.clear();
        draft.users[2].phone = "+1 415 555 0100".into();
        draft.users[3].phone = "+82 2 3000 0000".into();
        draft.users[4].extension = "1003".into();
        assert_eq!(
            problems(&doc, &draft),
            vec![
                (
                    Field::Number(NumberField::Phone),
                    Problem::NumberOrExtension,
                    Some(1)
                ),
                (
                    Field::Number(NumberField::Phone),
                    Problem::PhoneCountry {
                        country: crate::domain::country::find("KR").unwrap()
                    },
                    Some(2)
                ),
                (
                    Field::Number(NumberField::Phone),
                    Problem::Repeated,
                    Some(3)
                ),
                (
                    Field::Number(NumberField::Extension),
                    Problem::Repeated,
                    Some(4)
                ),
            ]
        );
        assert_eq!(
            SetupStep::of_field(Field::Number(NumberField::Extension)),
            Some(SetupStep::PhoneNumbers)
        );
    }

    #[test]
    fn at_a_location_with_extensions_only_calling_users_have_an_extension_and_no_number() {
        let (doc, id) = doc_with_customer();
        let customer = doc.customer(id).unwrap().clone();
        let mut draft = draft_with_users(&doc, id, 3);
        draft.add_location(&customer, LocationId::from_u128(6));
        draft.locations[0].draft = seoul_office();
        draft.locations[0].draft.name = "Call centre".into();
        draft.locations[0].draft.numbers = NumberSource::ExtensionsOnly;
        let centre = LocationId::from_u128(6).to_string();
        for user in &mut draft.users[1..] {
            user.location = centre.clone();
        }
        draft.users[2].phone = "+82 2 3000 0002".into();
        draft.users[3].extension.clear();
        assert_eq!(
            problems(&doc, &draft),
            vec![
                (
                    Field::Number(NumberField::Phone),
                    Problem::ExtensionsOnlyLocation,
                    Some(2)
                ),
                (
                    Field::Number(NumberField::Extension),
                    Problem::ExtensionRequired,
                    Some(3)
                ),
            ]
        );
        draft.users[2].phone.clear();
        draft.users[3].extension = "1003".into();
        let setup = draft.parse(&doc).unwrap();
        assert_eq!(
            setup.locations[0].details.numbers,
            NumberSource::ExtensionsOnly
        );
    }

    #[test]
    fn a_new_branch_gets_its_numbers_as_the_headquarters_does() {
        let (mut doc, id) = doc_with_customer();
        let customer = std::sync::Arc::make_mut(&mut doc.customers[0]);
        customer.headquarters.details.numbers = NumberSource::IntegratedProvider;
        let customer = doc.customer(id).unwrap().clone();
        let mut draft = SetupDraft::new(&customer);
        draft.add_location(&customer, LocationId::from_u128(6));
        assert_eq!(
            draft.locations[0].draft.numbers,
            NumberSource::IntegratedProvider
        );
    }

    #[test]
    fn extensions_repeat_at_another_location_only_with_a_routing_prefix() {
        let (doc, id) = doc_with_customer();
        let customer = doc.customer(id).unwrap().clone();
        let mut draft = draft_with_users(&doc, id, 2);
        draft.add_location(&customer, LocationId::from_u128(6));
        let branch = &mut draft.locations[0].draft;
        *branch = seoul_office();
        branch.name = "Seoul annex".into();
        draft.users[2].extension = "1001".into();
        draft.users[2].location = LocationId::from_u128(6).to_string();
        // Without routing prefixes, the customer's locations share one set of extensions.
        assert!(kinds(&doc, &draft)
            .contains(&(Field::Number(NumberField::Extension), Problem::Repeated)));
        draft.locations[0].draft.routing_prefix = "8".into();
        assert!(draft.parse(&doc).is_ok());
        // A prefix is one location's: another new location cannot repeat it.
        draft.add_location(&customer, LocationId::from_u128(7));
        draft.locations[1].draft = seoul_office();
        draft.locations[1].draft.name = "Seoul annex 2".into();
        draft.locations[1].draft.routing_prefix = "8".into();
        assert!(kinds(&doc, &draft).contains(&(
            Field::Location(LocationField::RoutingPrefix),
            Problem::Repeated
        )));
        draft.locations[1].draft.routing_prefix = "12a".into();
        assert!(kinds(&doc, &draft).contains(&(
            Field::Location(LocationField::RoutingPrefix),
            Problem::RoutingPrefixFormat { max: 7 }
        )));
    }

    #[test]
    fn location_names_are_unique_and_removed_locations_free_their_users() {
        let (doc, id) = doc_with_customer();
        let customer = doc.customer(id).unwrap().clone();
        let mut draft = draft_with_users(&doc, id, 1);
        let a = draft.add_location(&customer, LocationId::from_u128(7));
        draft.locations[0].draft = seoul_office();
        draft.add_location(&customer, LocationId::from_u128(8));
        draft.locations[1].draft = seoul_office();
        draft.locations[1].draft.name = "Annex".into();
        draft.add_location(&customer, LocationId::from_u128(9));
        draft.locations[2].draft = seoul_office();
        draft.locations[2].draft.name = " annex ".into();
        assert_eq!(
            problems(&doc, &draft),
            vec![
                (
                    Field::Location(LocationField::Name),
                    Problem::AlreadyUsed,
                    Some(0)
                ),
                (
                    Field::Location(LocationField::Name),
                    Problem::Repeated,
                    Some(2)
                ),
            ]
        );
        draft.users[1].location = LocationId::from_u128(7).to_string();
        draft.remove_location(a);
        assert_eq!(draft.users[1].location, "");
    }

    #[test]
    fn the_admin_row_cannot_be_removed() {
        let (doc, id) = doc_with_customer();
        let mut draft = draft_with_users(&doc, id, 1);
        let admin = draft.users[0].key;
        let other = draft.users[1].key;
        draft.remove_user(admin);
        draft.remove_user(other);
        assert_eq!(draft.users.len(), 1);
        assert!(draft.users[0].customer_admin);
    }

    #[test]
    fn pasted_lines_become_users() {
        let (doc, id) = doc_with_customer();
        let customer = doc.customer(id).unwrap();
        let mut draft = SetupDraft::new(customer);
        draft.add_user(customer); // a blank row makes way
        let added = draft.paste_users(
            customer,
            "First name\tLast name\tEmail\tPackage\n\
             Jae\tPark\tjae@acme-dental.example\n\n\
             Mina\t Choi\tmina@acme-dental.example\tWebex Meetings\n\
             \"Typo, Jr\"\tMail\tnot-an-email\n",
        );
        assert_eq!(added, 3, "only the first line can be a header");
        assert_eq!(draft.users.len(), 4);
        assert_eq!(draft.users[3].email, "not-an-email");
        assert_eq!(draft.users[3].first_name, "Typo, Jr", "quoted as a CSV");
        assert_eq!(draft.users[1].email, "jae@acme-dental.example");
        assert_eq!(draft.users[2].last_name, "Choi");
        assert_eq!(draft.users[2].package, "webex_meetings");
        assert_eq!(draft.users[1].package, "webex_calling");

        // The rows a partner must fix, named as they know them.
        let problems = draft.rows_with_problems(SetupStep::Users, &doc);
        let typo = draft.users[3].key;
        assert!(problems.contains(&typo));
        assert!(!problems.contains(&draft.users[1].key));
        assert_eq!(draft.user_label(typo).as_deref(), Some("Typo, Jr Mail"));
        assert_eq!(
            draft.user_label(draft.users[2].key).as_deref(),
            Some("Mina Choi")
        );
        draft.user_mut(typo).unwrap().first_name.clear();
        draft.user_mut(typo).unwrap().last_name.clear();
        assert_eq!(draft.user_label(typo).as_deref(), Some("not-an-email"));
        let blank = draft.add_user(customer);
        assert_eq!(draft.user_label(blank), None);
    }

    #[test]
    fn an_import_preview_shows_each_rows_problems_by_the_setups_rules() {
        let (doc, id) = doc_with_customer();
        let customer = doc.customer(id).unwrap();
        let mut draft = SetupDraft::new(customer);
        let branch = draft.add_location(customer, LocationId::from_u128(77));
        draft.locations[0].draft.name = "Busan branch".into();
        let file = "\u{feff}First Name,Last Name,Display Name,User ID/Email (Required),Phone Number,Extension,Location,Role\r\n\
                    \"민준\",\"김\",\"김민준\",IT@acme-dental.example,+82 2 3000 0001,,Seoul HQ,\r\n\
                    Jae,Park,,jae@acme-dental.example,,2001,BUSAN BRANCH,Read-only admin\r\n\
                    Mina,Choi,,jae@acme-dental.example,,,Daegu,boss\r\n";
        let rows = parse_users(file);
        let preview = draft.preview_import(&doc, &rows);
        assert_eq!(preview.len(), 3);
        let admin = &preview[0];
        assert!(
            admin.user.customer_admin,
            "the admin's row fills in the admin"
        );
        assert_eq!(admin.user.first_name, "민준");
        assert_eq!(admin.user.email, "it@acme-dental.example");
        assert_eq!(admin.user.role, UserRole::FullAdmin);
        assert_eq!(admin.problems, vec![]);
        assert_eq!(
            preview[1].user.location,
            LocationId::from_u128(77).to_string(),
            "a new location found by name, in any case"
        );
        assert_eq!(preview[1].user.role, UserRole::ReadOnlyAdmin);
        assert_eq!(preview[1].problems, vec![]);
        let fields: Vec<(Field, Problem)> = preview[2]
            .problems
            .iter()
            .map(|e| (e.field, e.problem.clone()))
            .collect();
        assert_eq!(
            fields,
            vec![
                (Field::User(UserField::Email), Problem::Repeated),
                (
                    Field::User(UserField::Location),
                    Problem::UnknownLocation {
                        text: "Daegu".into()
                    }
                ),
                (
                    Field::Number(NumberField::Phone),
                    Problem::NumberOrExtension
                ),
                (
                    Field::User(UserField::Role),
                    Problem::UnknownRole {
                        text: "boss".into()
                    }
                ),
            ]
        );
        assert_eq!(
            draft.users.len(),
            1,
            "a preview changes nothing (only the admin)"
        );

        // Adding: the admin row filled in, the others appended with keys of their own.
        let users = preview.into_iter().map(|r| r.user).collect();
        assert_eq!(draft.add_imported(users), 3);
        assert_eq!(draft.users.len(), 3);
        assert_eq!(draft.users[0].last_name, "김");
        assert!(draft.users[0].customer_admin);
        let keys: HashSet<u32> = draft.users.iter().map(|u| u.key).collect();
        assert_eq!(keys.len(), 3);
        assert!(!keys.contains(&branch));
    }

    #[test]
    fn users_exported_import_back_unchanged() {
        let (mut doc, id) = doc_with_customer();
        let mut draft = draft_with_users(&doc, id, 6);
        draft.users[3].role = UserRole::SupportAdmin;
        draft.users[4].first_name = "=HYPERLINK(1)".into();
        draft.users[5].package = "webex_meetings".into();
        draft.users[5].extension.clear();
        let setup = draft.parse(&doc).unwrap();
        doc.apply_setup(setup, &mut counter(), Timestamp(3))
            .unwrap();
        let saved = doc.customer(id).unwrap().clone();
        let file = crate::domain::spreadsheet::users_csv(&saved);

        // The same customer without its users imports the file.
        let index = doc.customers.iter().position(|c| c.id == id).unwrap();
        std::sync::Arc::make_mut(&mut doc.customers[index])
            .users
            .clear();
        let mut fresh = SetupDraft::new(doc.customer(id).unwrap());
        let preview = fresh.preview_import(&doc, &parse_users(&file));
        assert!(preview.iter().all(|r| r.problems.is_empty()), "{preview:?}");
        fresh.add_imported(preview.into_iter().map(|r| r.user).collect());
        let imported = fresh.parse(&doc).unwrap();
        let before: Vec<&UserDetails> = saved.users.iter().map(|u| &u.details).collect();
        let after: Vec<&UserDetails> = imported.users.iter().collect();
        assert_eq!(after, before);
    }

    #[test]
    fn edits_are_checked_against_everyone_but_the_user_itself() {
        let (mut doc, id) = doc_with_customer();
        let setup = draft_with_users(&doc, id, 2).parse(&doc).unwrap();
        doc.apply_setup(setup, &mut counter(), Timestamp(2))
            .unwrap();
        let c = doc.customer(id).unwrap();
        let user = &c.users[1];
        let mut edit = UserDraft::from_user(1, &user.details, false);
        assert!(
            check_edit(&doc, c, user.id, &edit).is_ok(),
            "unchanged is fine"
        );
        edit.email = "user2@acme-dental.example".into();
        assert_eq!(
            check_edit(&doc, c, user.id, &edit).unwrap_err()[0].problem,
            Problem::AlreadyUsed
        );
        let admin = c.admin_user().unwrap();
        let mut edit = UserDraft::from_user(1, &admin.details, true);
        edit.package = "webex_meetings".into();
        assert!(matches!(
            check_edit(&doc, c, admin.id, &edit).unwrap_err()[0].problem,
            Problem::AdminDowngrade { .. }
        ));
    }

    #[test]
    fn users_are_updated_and_removed_but_the_admin_stays() {
        let (mut doc, id) = doc_with_customer();
        let setup = draft_with_users(&doc, id, 1).parse(&doc).unwrap();
        doc.apply_setup(setup, &mut counter(), Timestamp(2))
            .unwrap();
        let c = doc.customer(id).unwrap().clone();
        let (admin, user) = (c.users[0].id, c.users[1].id);
        let mut details = c.users[1].details.clone();
        details.role = UserRole::ReadOnlyAdmin;
        assert_eq!(doc.update_user(id, user, details.clone()), Ok(()));
        assert_eq!(
            doc.update_user(id, UserId::from_u128(1), details),
            Err(Refused::NotFound)
        );
        assert_eq!(
            doc.customer(id).unwrap().users[1].details.role,
            UserRole::ReadOnlyAdmin
        );
        assert_eq!(doc.remove_user(id, admin), Err(Refused::CustomerAdmin));
        assert_eq!(doc.remove_user(id, user), Ok(()));
        assert_eq!(doc.remove_user(id, user), Err(Refused::NotFound));
        assert_eq!(
            doc.remove_user(CustomerId::from_u128(1), user),
            Err(Refused::NotFound)
        );
        assert_eq!(doc.customer(id).unwrap().users.len(), 1);
    }

    #[test]
    fn a_thousand_users_validate() {
        let (doc, id) = doc_with_customer();
        let draft = draft_with_users(&doc, id, 1000);
        assert_eq!(draft.parse(&doc).unwrap().users.len(), 1001);
    }

    proptest! {
        /// Whatever the names and numbers, a setup with distinct valid values parses,
        /// and the numbers are saved normalised.
        #[test]
        fn distinct_valid_rows_parse(
            names in proptest::collection::vec("[A-Za-z가-힣][A-Za-z가-힣 '-]{0,20}", 1..8),
            base in 20_000_000u32..90_000_000,
        ) {
            let (doc, id) = doc_with_customer();
            let customer = doc.customer(id).unwrap();
            let mut draft = draft_with_users(&doc, id, 0);
            for (i, name) in names.iter().enumerate() {
                let key = draft.add_user(customer);
                let u = draft.user_mut(key).unwrap();
                u.first_name = name.clone();
                u.last_name = name.clone();
                u.email = format!("u{i}@example.com");
                u.phone = format!("+82 {}", base + i as u32);
            }
            let setup = draft.parse(&doc).unwrap();
            for (i, user) in setup.users.iter().skip(1).enumerate() {
                let expected = format!("+82{}", base + i as u32);
                prop_assert_eq!(user.phone.as_ref().unwrap().as_str(), expected.as_str());
            }
        }
    }
}
