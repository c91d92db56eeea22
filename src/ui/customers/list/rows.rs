//! The list's rows, computed once per change of the data or the language, and the
//! columns it sorts by.

use crate::domain::changes;
use crate::domain::country::DataRegion;
use crate::domain::customer::CustomerStatus;
use crate::domain::package;
use crate::domain::provisioning::Badge;
use crate::domain::Document;
use crate::ui::i18n::Messages;
use crate::ui::templates::country_label;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq)]
pub(super) struct CustomerRow {
    pub(super) id: String,
    pub(super) company: String,
    pub(super) admin_email: String,
    pub(super) template: String,
    pub(super) template_id: String,
    /// The package the customer is built on (else its first), and the others.
    pub(super) main_package: &'static str,
    pub(super) more_packages: Vec<&'static str>,
    pub(super) headquarters: String,
    pub(super) region: DataRegion,
    pub(super) status: CustomerStatus,
    pub(super) badge: Badge,
    /// Edits Webex does not have yet ("Changes pending").
    pub(super) pending: bool,
    pub(super) users: usize,
    pub(super) locations: usize,
    pub(super) created: String,
    pub(super) created_at: i64,
    /// Lower-cased company, admin e-mail, template and headquarters (its name, city and
    /// country, as the row shows it), for the search box.
    pub(super) search: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Column {
    Company,
    AdminEmail,
    Template,
    Headquarters,
    Region,
    Users,
    Locations,
    Created,
}

impl Column {
    pub(super) const ALL: [Column; 8] = [
        Column::Company,
        Column::AdminEmail,
        Column::Template,
        Column::Headquarters,
        Column::Region,
        Column::Users,
        Column::Locations,
        Column::Created,
    ];

    /// How the address names it (`?sort=users`, `?sort=-users` for descending).
    pub(super) fn key(self) -> &'static str {
        match self {
            Column::Company => "company",
            Column::AdminEmail => "admin",
            Column::Template => "template",
            Column::Headquarters => "headquarters",
            Column::Region => "region",
            Column::Users => "users",
            Column::Locations => "locations",
            Column::Created => "created",
        }
    }

    pub(super) fn compare(self, a: &CustomerRow, b: &CustomerRow) -> std::cmp::Ordering {
        let by_text = |x: &str, y: &str| x.to_lowercase().cmp(&y.to_lowercase());
        match self {
            Column::Company => by_text(&a.company, &b.company),
            Column::AdminEmail => by_text(&a.admin_email, &b.admin_email),
            Column::Template => by_text(&a.template, &b.template),
            Column::Headquarters => by_text(&a.headquarters, &b.headquarters),
            Column::Region => a.region.cmp(&b.region),
            Column::Users => a.users.cmp(&b.users),
            Column::Locations => a.locations.cmp(&b.locations),
            Column::Created => a.created_at.cmp(&b.created_at),
        }
    }
}

/// The list's rows, in the document's order, worded in `t`'s language.
pub(super) fn customer_rows(d: &Document, t: &'static Messages) -> Vec<CustomerRow> {
    let templates: HashMap<_, _> = d
        .templates
        .iter()
        .map(|tpl| (tpl.id, tpl.settings.name.as_ref()))
        .collect();
    d.customers
        .iter()
        .map(|c| {
            let main = package::customer_level(&c.packages).or(c.packages.first().copied());
            let template = templates
                .get(&c.template_id)
                .copied()
                .unwrap_or(t.common.unknown)
                .to_string();
            let hq = &c.headquarters.details;
            let headquarters = country_label(t, hq.address.country.as_ref());
            let search = format!(
                "{}\n{}\n{}\n{}\n{}\n{}",
                c.company_name, c.admin_email, template, hq.name, hq.address.city, headquarters
            );
            CustomerRow {
                id: c.id.to_string(),
                search: search.to_lowercase(),
                company: c.company_name.to_string(),
                admin_email: c.admin_email.to_string(),
                template,
                template_id: c.template_id.to_string(),
                main_package: main.map_or("", |p| p.name()),
                more_packages: c
                    .packages
                    .iter()
                    .filter(|p| Some(**p) != main)
                    .map(|p| p.name())
                    .collect(),
                headquarters,
                region: c.region,
                status: c.status(),
                badge: c.provisioning.badge(),
                pending: changes::any_pending(c),
                users: c.users.len(),
                locations: c.all_locations().count(),
                created: c.created_at.iso_date(),
                created_at: c.created_at.0,
            }
        })
        .collect()
}
