//! What the list shows, kept in its address.

use super::rows::Column;
use crate::domain::country::DataRegion;
use crate::domain::provisioning::Badge;
use leptos_router::location::Url;
use leptos_router::params::ParamsMap;

/// The status filter's choice after the badges.
pub(super) const CHANGES_PENDING: &str = "changes-pending";
const DEFAULT_SORT: (Column, bool) = (Column::Company, true);

/// What the list shows — search, filters, order and page — as its address keeps it
/// (`?q=acme&status=error&sort=-users&page=2`), so that Back returns to the same list
/// and a link shares it. A filter is "" for all, else a status's or region's key or a
/// template's id; unknown values read as "all". The page reads its address when it opens.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Shown {
    pub(super) query: String,
    pub(super) status: String,
    pub(super) template: String,
    pub(super) region: String,
    pub(super) sort: (Column, bool),
    /// From 0 (the address counts from 1).
    pub(super) page: usize,
}

impl Shown {
    pub(super) fn read(params: &ParamsMap) -> Self {
        let text = |key| params.get(key).unwrap_or_default();
        let known = |key, valid: &dyn Fn(&str) -> bool| {
            let value = text(key);
            if valid(&value) {
                value
            } else {
                String::new()
            }
        };
        let sort = text("sort");
        let (name, ascending) = match sort.strip_prefix('-') {
            Some(name) => (name, false),
            None => (sort.as_str(), true),
        };
        Self {
            query: text("q"),
            status: known("status", &|v| {
                v == CHANGES_PENDING || Badge::from_key(v).is_some()
            }),
            template: text("template"),
            region: known("region", &|v| DataRegion::from_key(v).is_some()),
            sort: Column::ALL
                .into_iter()
                .find(|c| c.key() == name)
                .map_or(DEFAULT_SORT, |c| (c, ascending)),
            page: text("page")
                .parse::<usize>()
                .map_or(0, |p| p.saturating_sub(1)),
        }
    }

    /// The address's query, "" when it shows everything in the first order.
    pub(super) fn search(&self) -> String {
        let (column, ascending) = self.sort;
        let sort = (self.sort != DEFAULT_SORT)
            .then(|| format!("{}{}", if ascending { "" } else { "-" }, column.key()));
        let page = (self.page > 0).then(|| (self.page + 1).to_string());
        let pairs = [
            ("q", Some(self.query.clone())),
            ("status", Some(self.status.clone())),
            ("template", Some(self.template.clone())),
            ("region", Some(self.region.clone())),
            ("sort", sort),
            ("page", page),
        ];
        let kept: Vec<String> = pairs
            .into_iter()
            .filter_map(|(key, value)| {
                value
                    .filter(|v| !v.is_empty())
                    .map(|v| format!("{key}={}", Url::escape(&v)))
            })
            .collect();
        if kept.is_empty() {
            String::new()
        } else {
            format!("?{}", kept.join("&"))
        }
    }
}
