//! Numbers in bulk for a setup's calling users: "Assign numbers" (consecutive free
//! numbers from a first one, extensions by a rule) and a pasted column of numbers. Only
//! users who need a number and have none are filled; what is filled is checked by the
//! setup's rules like anything typed.

use crate::domain::country::Country;
use crate::domain::ids::LocationId;
use crate::domain::location::extension_scope;
use crate::domain::phone::{Extension, PhoneNumber};
use crate::domain::setup::SetupDraft;
use crate::domain::user_rules::numbers_taken;
use crate::domain::{Document, Problem};
use std::collections::{HashMap, HashSet};

/// How "Assign numbers" gives extensions to the users it numbers (an extension typed
/// already stays).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtensionRule {
    /// None: extensions stay as they are.
    Keep,
    /// The number's last digits, this many (2 to 10).
    LastDigits(usize),
    /// Consecutive extensions from this one (its digits, its width), skipping those
    /// taken at the user's location.
    From(u64, usize),
}

impl ExtensionRule {
    /// "From" a typed extension: its digits set the width ("0100" → 0100, 0101, …).
    pub fn from_start(raw: &str) -> Result<Self, Problem> {
        let start = Extension::parse(raw)?;
        let width = start.as_str().len();
        let value = start.as_str().parse().map_err(|_| Problem::PhoneFormat)?;
        Ok(Self::From(value, width))
    }
}

/// What "Assign numbers" did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Assigned {
    pub numbers: usize,
    pub extensions: usize,
    /// Users at a location of another country than the first number's: left as they are.
    pub other_country: usize,
    /// Users left because the first number's series ran out of free numbers.
    pub ran_out: usize,
}

impl SetupDraft {
    /// The calling users without a number (of `only`, if given), in order.
    fn unnumbered(&self, only: Option<&HashSet<u32>>) -> Vec<usize> {
        self.users
            .iter()
            .enumerate()
            .filter(|(_, u)| u.needs_number() && u.phone.trim().is_empty())
            .filter(|(_, u)| only.is_none_or(|o| o.contains(&u.key)))
            .map(|(i, _)| i)
            .collect()
    }

    /// How many users "Assign numbers" and a pasted column would fill.
    pub fn unnumbered_count(&self, only: Option<&HashSet<u32>>) -> usize {
        self.unnumbered(only).len()
    }

    /// "Assign numbers": each calling user without a number (of `only`, if given), in
    /// order, gets the next free number from `first` (E.164, or national as written at
    /// the first such user's location), skipping numbers anyone has; users at a location
    /// in another country are left. Extensions follow `rule` where none is typed.
    pub fn assign_numbers(
        &mut self,
        doc: &Document,
        only: Option<&HashSet<u32>>,
        first: &str,
        mut rule: ExtensionRule,
    ) -> Result<Assigned, Problem> {
        let targets = self.unnumbered(only);
        let countries = self.location_countries(doc);
        let country_of =
            |location: &str| LocationId::parse(location).and_then(|id| countries.get(&id).copied());
        let Some(&at) = targets.first() else {
            return Ok(Assigned::default());
        };
        let country = country_of(&self.users[at].location).ok_or(Problem::UnknownChoice)?;
        let first = PhoneNumber::parse_for(first, country)?;
        let national = &first.as_str()[1 + country.calling_code.len()..];
        let width = national.len();
        let mut next: u64 = national.parse().map_err(|_| Problem::PhoneFormat)?;
        let end = 10u64.pow(width as u32);

        let (mut numbers, mut extensions) = self.taken(doc, &countries);
        let scopes = self.extension_scopes(doc);
        let mut done = Assigned::default();
        for i in targets {
            let Some(location) = LocationId::parse(&self.users[i].location) else {
                continue;
            };
            let scope = scopes(location);
            if countries.get(&location).copied() != Some(country) {
                done.other_country += 1;
                continue;
            }
            let e164 = loop {
                if next >= end {
                    break None;
                }
                let candidate = format!("+{}{next:0width$}", country.calling_code);
                next += 1;
                if numbers.insert(candidate.clone()) {
                    break Some(candidate);
                }
            };
            let Some(e164) = e164 else {
                done.ran_out += 1;
                continue;
            };
            let number = PhoneNumber::parse(&e164)?;
            let user = &mut self.users[i];
            user.phone = number.grouped();
            done.numbers += 1;
            if !user.extension.trim().is_empty() {
                continue;
            }
            let extension = match rule {
                ExtensionRule::Keep => None,
                ExtensionRule::LastDigits(n) => Some(e164[e164.len() - n.min(width)..].to_string()),
                ExtensionRule::From(ref mut from, digits) => loop {
                    let candidate = format!("{from:0digits$}");
                    *from += 1;
                    if candidate.len() > Extension::MAX_DIGITS {
                        break None;
                    }
                    if !extensions.contains(&(scope, candidate.clone())) {
                        break Some(candidate);
                    }
                },
            };
            if let Some(extension) = extension {
                extensions.insert((scope, extension.clone()));
                user.extension = extension;
                done.extensions += 1;
            }
        }
        Ok(done)
    }

    /// A pasted column of numbers: one a line, given in order to the calling users
    /// without a number (of `only`, if given). Blank lines are skipped; numbers beyond
    /// those users are not used. Answers how many were filled.
    pub fn fill_numbers(&mut self, only: Option<&HashSet<u32>>, column: &str) -> usize {
        let lines = column
            .lines()
            .map(|l| l.trim().trim_matches('"').trim())
            .filter(|l| !l.is_empty());
        let targets = self.unnumbered(only);
        let mut filled = 0;
        for (i, line) in targets.into_iter().zip(lines) {
            self.users[i].phone = line.to_string();
            filled += 1;
        }
        filled
    }

    /// Where an extension at a location must be unique (`location::extension_scope`),
    /// for the customer's saved locations and those this setup adds.
    fn extension_scopes(&self, doc: &Document) -> impl Fn(LocationId) -> LocationId {
        let mut prefixed: HashSet<LocationId> = doc
            .customer(self.customer)
            .map(|c| {
                c.all_locations()
                    .filter(|l| l.details.routing_prefix.is_some())
                    .map(|l| l.id)
                    .collect()
            })
            .unwrap_or_default();
        prefixed.extend(self.new_locations().filter(|l| l.3).map(|l| l.0));
        let customer = self.customer;
        move |location| extension_scope(customer, location, prefixed.contains(&location))
    }

    /// Each location's country: the customer's saved ones and those this setup adds.
    fn location_countries(&self, doc: &Document) -> HashMap<LocationId, &'static Country> {
        let mut countries: HashMap<LocationId, &'static Country> = doc
            .customer(self.customer)
            .map(|c| {
                c.all_locations()
                    .map(|l| (l.id, l.details.address.country.country()))
                    .collect()
            })
            .unwrap_or_default();
        countries.extend(
            self.new_locations()
                .map(|(id, country, _, _)| (id, country)),
        );
        countries
    }

    /// Numbers (E.164) and extensions (by location) that anyone has: saved users of
    /// every customer, and this setup's rows.
    fn taken(
        &self,
        doc: &Document,
        countries: &HashMap<LocationId, &'static Country>,
    ) -> (HashSet<String>, HashSet<(LocationId, String)>) {
        let (mut numbers, mut extensions) = numbers_taken(doc, None);
        let scopes = self.extension_scopes(doc);
        for u in &self.users {
            let location = LocationId::parse(&u.location);
            let country = location.and_then(|id| countries.get(&id).copied());
            if let Some(n) = country.and_then(|c| PhoneNumber::parse_for(&u.phone, c).ok()) {
                numbers.insert(n.as_str().to_string());
            }
            if let (Some(id), false) = (location, u.extension.trim().is_empty()) {
                extensions.insert((scopes(id), u.extension.trim().to_string()));
            }
        }
        (numbers, extensions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::setup::SetupStep;
    use crate::domain::wizard::Form;

    /// A Korean customer's setup with `n` calling users (the admin first), each with a name
    /// and an e-mail, and no numbers.
    fn setup_with_callers(n: usize) -> (Document, SetupDraft) {
        let (doc, id) = crate::domain::setup::tests::doc_with_customer();
        let customer = doc.customer(id).unwrap();
        let mut draft = SetupDraft::new(customer);
        let lines: String = (1..n)
            .map(|i| format!("User{i}\tLast\tu{i}@acme-dental.example\n"))
            .collect();
        draft.paste_users(customer, &lines);
        draft.users[0].first_name = "Ada".into();
        draft.users[0].last_name = "Admin".into();
        (doc, draft)
    }

    #[test]
    fn consecutive_free_numbers_and_extensions_from_their_last_digits() {
        let (doc, mut draft) = setup_with_callers(5);
        // One number is taken in this setup already, and one user has an extension.
        draft.users[2].phone = "+82 2 1234 5602".into();
        draft.users[3].extension = "77".into();
        let done = draft
            .assign_numbers(&doc, None, "02-1234-5600", ExtensionRule::LastDigits(4))
            .unwrap();
        assert_eq!(
            done,
            Assigned {
                numbers: 4,
                extensions: 3,
                other_country: 0,
                ran_out: 0
            }
        );
        let phones: Vec<_> = draft.users.iter().map(|u| u.phone.as_str()).collect();
        assert_eq!(
            phones,
            [
                "+82 2 1234 5600",
                "+82 2 1234 5601",
                "+82 2 1234 5602",
                "+82 2 1234 5603",
                "+82 2 1234 5604"
            ]
        );
        let extensions: Vec<_> = draft.users.iter().map(|u| u.extension.as_str()).collect();
        assert_eq!(extensions, ["5600", "5601", "", "77", "5604"]);
        // What it filled passes the setup's rules.
        assert_eq!(draft.step_errors(SetupStep::PhoneNumbers, &doc), vec![]);
    }

    #[test]
    fn extensions_from_a_start_skip_those_taken_and_only_the_chosen_rows_are_filled() {
        let (doc, mut draft) = setup_with_callers(4);
        draft.users[1].extension = "2001".into();
        let only: HashSet<u32> = [draft.users[2].key, draft.users[3].key].into();
        let rule = ExtensionRule::from_start("2000").unwrap();
        let done = draft
            .assign_numbers(&doc, Some(&only), "+82212345700", rule)
            .unwrap();
        assert_eq!(done.numbers, 2);
        assert_eq!(draft.users[0].phone, "");
        assert_eq!(draft.users[2].extension, "2000");
        assert_eq!(
            draft.users[3].extension, "2002",
            "2001 is taken at the location"
        );
        assert_eq!(draft.users[3].phone, "+82 2 1234 5701");
    }

    #[test]
    fn a_first_number_of_another_country_or_no_number_is_refused() {
        let (doc, mut draft) = setup_with_callers(2);
        assert!(matches!(
            draft.assign_numbers(&doc, None, "+1 512 555 0100", ExtensionRule::Keep),
            Err(Problem::PhoneCountry { .. })
        ));
        assert_eq!(
            draft.assign_numbers(&doc, None, "", ExtensionRule::Keep),
            Err(Problem::Required)
        );
        assert!(draft.users.iter().all(|u| u.phone.is_empty()));
    }

    #[test]
    fn a_series_that_runs_out_leaves_the_rest() {
        let (doc, mut draft) = setup_with_callers(3);
        let done = draft
            .assign_numbers(&doc, None, "+82 99 9999 9998", ExtensionRule::Keep)
            .unwrap();
        assert_eq!(done.numbers, 2);
        assert_eq!(done.ran_out, 1);
    }

    #[test]
    fn a_pasted_column_fills_the_users_without_a_number_in_order() {
        let (_, mut draft) = setup_with_callers(4);
        draft.users[1].phone = "+82 2 1234 0999".into();
        let filled = draft.fill_numbers(
            None,
            "\"+82 2 1234 0300\"\n\n02-1234-0301\n02-1234-0302\n02-1234-0303\n",
        );
        assert_eq!(filled, 3);
        let phones: Vec<_> = draft.users.iter().map(|u| u.phone.as_str()).collect();
        assert_eq!(
            phones,
            [
                "+82 2 1234 0300",
                "+82 2 1234 0999",
                "02-1234-0301",
                "02-1234-0302"
            ]
        );
        assert_eq!(draft.unnumbered_count(None), 0);
    }
}
