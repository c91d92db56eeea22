//! Labelled form controls that show their own error, tied to the control for
//! assistive technology (`aria-invalid`, `aria-describedby`).

use super::Text;
use crate::domain::{
    CustomerField, Field, FieldError, LocationField, NumberField, PartnerField, TemplateField,
    UserField,
};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// The errors of the form on screen; each field finds its own here.
#[derive(Clone, Copy)]
pub struct FormErrors(pub Signal<Vec<FieldError>>);

/// Binds a field to one string of the value in `source` (a form's draft): what the
/// field shows, and what writes what is typed. `read` and `write` name the string (for
/// a row, by its key; `read` gives "" and `write` nothing when the row is gone).
pub fn bind_text<T: Send + Sync + 'static>(
    source: RwSignal<T>,
    read: impl Fn(&T) -> String + Send + Sync + 'static,
    write: impl Fn(&mut T, String) + Send + Sync + 'static,
) -> (Signal<String>, Callback<String>) {
    (
        Signal::derive(move || source.with(&read)),
        Callback::new(move |value: String| source.update(|t| write(t, value))),
    )
}

pub fn provide_form_errors(errors: Signal<Vec<FieldError>>) {
    provide_context(FormErrors(errors));
}

/// DOM id of a field's control (also what an error summary focuses).
pub fn field_id(field: Field) -> &'static str {
    match field {
        Field::Template(TemplateField::Offer) => "offer-wholesale",
        Field::Template(TemplateField::Name) => "template-name",
        Field::Template(TemplateField::Country) => "country",
        Field::Template(TemplateField::ServiceProviderAdmin) => "service-provider-admin",
        Field::Template(TemplateField::EmailLanguage) => "email-language",
        Field::Template(TemplateField::Subscription) => "subscription",
        Field::Template(TemplateField::AuthMethod) => "auth-webex",
        Field::Template(TemplateField::SamlEntityId) => "saml-entity-id",
        Field::Template(TemplateField::OidcIdpName) => "oidc-idp-name",
        Field::Template(TemplateField::PstnVendor) => "pstn-vendor",
        Field::Template(TemplateField::BrandName) => "brand-name",
        Field::Template(TemplateField::PartnerHubId) => "partner-hub-id",
        Field::Customer(CustomerField::CompanyName) => "company-name",
        Field::Customer(CustomerField::AdminEmail) => "customer-admin-email",
        Field::Customer(CustomerField::Template) => "template",
        Field::Customer(CustomerField::Packages) => "package-webex_calling",
        Field::Location(LocationField::Name) => "location-name",
        Field::Location(LocationField::AddressLine1) => "address-line1",
        Field::Location(LocationField::AddressLine2) => "address-line2",
        Field::Location(LocationField::City) => "city",
        Field::Location(LocationField::State) => "state",
        Field::Location(LocationField::PostalCode) => "postal-code",
        Field::Location(LocationField::Country) => "location-country",
        Field::Location(LocationField::TimeZone) => "time-zone",
        Field::Location(LocationField::Language) => "location-language",
        Field::Location(LocationField::PstnConnection) => "pstn-connection",
        Field::Location(LocationField::RoutingPrefix) => "routing-prefix",
        Field::Customer(CustomerField::SupportedLocation) => "supported-location",
        Field::Partner(PartnerField::Name) => "partner-name",
        Field::Partner(PartnerField::AdminName) => "admin-name",
        Field::Partner(PartnerField::AdminEmail) => "admin-email",
        Field::Partner(PartnerField::SubscriptionName) => "subscription-name",
        Field::Partner(PartnerField::Regions) => "regions",
        Field::User(UserField::Table) => "add-user",
        Field::User(UserField::FirstName) => "first-name",
        Field::User(UserField::LastName) => "last-name",
        Field::User(UserField::Email) => "email",
        Field::User(UserField::Package) => "package",
        Field::User(UserField::Location) => "location",
        Field::User(UserField::Role) => "role",
        Field::Number(NumberField::Phone) => "phone-number",
        Field::Number(NumberField::Extension) => "extension",
    }
}

/// DOM id of a field's control on a row of a repeated group (or not on a row).
pub fn control_id(field: Field, row: Option<u32>) -> String {
    match row {
        Some(key) => format!("{}-{key}", field_id(field)),
        None => field_id(field).to_string(),
    }
}

/// Where an error's field is, for the error summary's link.
pub fn error_control_id(error: &FieldError) -> String {
    control_id(error.field, error.row.map(|r| r.key))
}

/// The translated error of `field` (on `row`) in the current form, if it has one.
pub fn error_of(field: Field, row: Option<u32>) -> Signal<Option<String>> {
    let errors = use_context::<FormErrors>();
    let i18n = use_i18n();
    Signal::derive(move || {
        let errors = errors?;
        errors.0.with(|list| {
            // The row first: it rules out all but a few of a big table's errors at the
            // cost of a number's comparison (this runs for every cell after each check).
            list.iter()
                .find(|e| e.row.map(|r| r.key) == row && e.field == field)
                .map(|e| i18n.t().problem(e.field, &e.problem))
        })
    })
}

fn described_by(
    id: String,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> {
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if error.with(Option::is_some) {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The field's hint: catalogue text, then `more` (what depends on the form, such as an
/// example for the chosen country).
#[component]
fn Hint(
    id: String,
    text: Option<Text>,
    more: Option<Signal<String>>,
    /// Read out with the control but not shown (a grid's cell, whose column says it).
    hidden: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    (text.is_some() || more.is_some()).then(|| {
        view! {
            <p class="hint" class:visually-hidden=hidden id=format!("{id}-hint")>
                {move || text.map(|text| text(i18n.t()))}
                {move || more.map(|more| format!(" {}", more.get()))}
            </p>
        }
    })
}

#[component]
pub fn ErrorText(#[prop(into)] id: String, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|message| {
            view! {
                <p class="field-error" id=format!("{id}-error")>
                    {message}
                </p>
            }
        })
    }
}

/// Label, hint, the control itself, and its error: the frame every field shares.
/// In a grid's cell the label and hint are there for assistive technology only (the
/// column header shows them); the error stays visible beside the control.
#[component]
fn FieldFrame(
    field: Field,
    id: String,
    hint: Option<Text>,
    #[prop(default = None)] more_hint: Option<Signal<String>>,
    /// The label, where it depends on the form (an address in another country).
    #[prop(default = None)]
    label: Option<Signal<&'static str>>,
    error: Signal<Option<String>>,
    in_cell: bool,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field" class:cell=in_cell class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone() class:visually-hidden=in_cell>
                {move || label.map_or_else(|| i18n.t().field_label(field), |l| l.get())}
            </label>
            <Hint id=id.clone() text=hint more=more_hint hidden=in_cell />
            {children()}
            <ErrorText id error />
        </div>
    }
}

fn aria_invalid(error: Signal<Option<String>>) -> impl Fn() -> Option<&'static str> {
    move || error.with(Option::is_some).then_some("true")
}

#[component]
pub fn TextField(
    field: Field,
    value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional)] hint: Option<Text>,
    /// More hint, following the form (an example for the location's country).
    #[prop(optional)]
    more_hint: Option<Signal<String>>,
    #[prop(optional)] input_type: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// The row of a repeated group this field is on.
    #[prop(default = None)]
    row: Option<u32>,
    #[prop(optional)] readonly: bool,
    /// The label, where it depends on the form.
    #[prop(default = None)]
    label: Option<Signal<&'static str>>,
    /// In a grid's cell (see `FieldFrame`).
    #[prop(optional)]
    in_cell: bool,
    /// What an empty control shows, such as an example number.
    #[prop(default = None)]
    placeholder: Option<Signal<String>>,
) -> impl IntoView {
    let id = control_id(field, row);
    let error = error_of(field, row);
    view! {
        <FieldFrame field id=id.clone() hint more_hint=more_hint label error in_cell>
            <input
                id=id.clone()
                readonly=readonly
                placeholder=move || placeholder.map(|p| p.get())
                type=input_type.unwrap_or("text")
                autocomplete=autocomplete.unwrap_or("off")
                maxlength=crate::domain::limits::max_chars(field)
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                aria-invalid=aria_invalid(error)
                aria-describedby=described_by(id, hint.is_some() || more_hint.is_some(), error)
            />
        </FieldFrame>
    }
}

/// One option of a select: (value, visible text).
pub type Choice = (String, String);

#[component]
pub fn SelectField(
    field: Field,
    value: Signal<String>,
    on_change: Callback<String>,
    options: Signal<Vec<Choice>>,
    /// The text of the empty first option; "Choose…" when not given.
    #[prop(optional)]
    empty: Option<Text>,
    #[prop(optional)] hint: Option<Text>,
    /// The row of a repeated group this field is on.
    #[prop(default = None)]
    row: Option<u32>,
    /// The label, where it depends on the form.
    #[prop(default = None)]
    label: Option<Signal<&'static str>>,
    /// In a grid's cell (see `FieldFrame`).
    #[prop(optional)]
    in_cell: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = control_id(field, row);
    let error = error_of(field, row);
    view! {
        <FieldFrame field id=id.clone() hint label error in_cell>
            <select
                id=id.clone()
                on:change=move |ev| on_change.run(event_target_value(&ev))
                aria-invalid=aria_invalid(error)
                aria-describedby=described_by(id, hint.is_some(), error)
            >
                <option value="" selected=move || value.with(String::is_empty)>
                    {move || empty.map(|e| e(i18n.t())).unwrap_or(i18n.t().common.choose)}
                </option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(v, text)| {
                            let selected = value.with(|current| *current == v);
                            view! {
                                <option value=v selected=selected>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </FieldFrame>
    }
}

pub struct RadioOption {
    pub value: &'static str,
    pub id: &'static str,
    pub label: Text,
    pub hint: Text,
}

/// A fieldset of radio buttons; its legend is the field's label.
#[component]
pub fn RadioGroup(
    field: Field,
    name: &'static str,
    options: Vec<RadioOption>,
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = error_of(field, None);
    let error_id = field_id(field);
    view! {
        <fieldset
            class="field radio-group"
            class:invalid=move || error.with(Option::is_some)
            aria-describedby=move || {
                error.with(Option::is_some).then(|| format!("{error_id}-error"))
            }
        >
            <legend>{move || i18n.t().field_label(field)}</legend>
            {options
                .into_iter()
                .map(|option| {
                    let RadioOption { value: v, id, label, hint } = option;
                    view! {
                        <div class="radio">
                            <input
                                type="radio"
                                id=id
                                name=name
                                value=v
                                prop:checked=move || value.with(|current| current == v)
                                on:change=move |_| on_change.run(v.to_string())
                                aria-describedby=format!("{id}-hint")
                            />
                            <label for=id>{move || label(i18n.t())}</label>
                            <p class="hint" id=format!("{id}-hint")>
                                {move || hint(i18n.t())}
                            </p>
                        </div>
                    }
                })
                .collect_view()}
            <ErrorText id=error_id error />
        </fieldset>
    }
}

/// A checkbox that must be ticked (or may be), with its own error under it.
#[component]
pub fn CheckboxField(
    field: Field,
    checked: Signal<bool>,
    on_change: Callback<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(field);
    let error = error_of(field, None);
    view! {
        <div class="field checkbox" class:invalid=move || error.with(Option::is_some)>
            <input
                type="checkbox"
                id=id
                prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
                aria-invalid=aria_invalid(error)
                aria-describedby=described_by(id.to_string(), false, error)
            />
            <label for=id>{move || i18n.t().field_label(field)}</label>
        </div>
        <ErrorText id error />
    }
}
