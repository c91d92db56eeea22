//! The request vocabulary of a run: the steps it can ask Webex, what each is about and
//! what it creates. (A refresh's reads are its own: `refresh::Read`.)

use crate::domain::ids::{LocationId, UserId};
use crate::domain::provisioning::Target;

/// Something to ask Webex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    PrecheckCustomer,
    /// `GET /wholesale/customers?externalId=`: does the customer exist already?
    FindCustomer,
    CreateCustomer,
    /// `GET /wholesale/customers/{id}`, repeated until its status is final.
    AwaitCustomer,
    /// `GET /locations?orgId=`: the headquarters' id, and branches made earlier.
    FindLocations,
    /// `GET /telephony/config/announcementLanguages`: the languages a branch's
    /// announcements can be in (read once a run, before a branch is created).
    AnnouncementLanguages,
    CreateLocation(LocationId),
    /// `GET /telephony/config/locations?orgId=`: the locations with Webex Calling.
    FindCallingLocations,
    /// `POST /telephony/config/locations?orgId=`: Webex Calling on a branch.
    EnableCalling(LocationId),
    /// `GET /telephony/pstn/locations/{id}/connection`: has the location a PSTN
    /// connection (and so numbers)?
    ReadPstn(LocationId),
    /// `GET /telephony/pstn/locations/{id}/connectionOptions`: what it could have.
    PstnOptions(LocationId),
    /// `PUT /telephony/pstn/locations/{id}/connection`: the option the partner picked.
    SetPstn(LocationId),
    /// `GET /telephony/config/numbers?locationId=`: the location's inventory, a page.
    ListNumbers(LocationId),
    /// `PUT /wholesale/customers/{id}`: a customer Webex ended in `error`, sent again
    /// as it is now (its address, packages and calling location mended).
    UpdateCustomer,
    /// `DELETE /wholesale/customers/{id}`: the partner removes the customer from Webex.
    RemoveCustomer,
    /// `GET /wholesale/customers/{id}`, repeated until Webex no longer has it (`404`).
    AwaitRemoval,
    /// `POST /telephony/config/locations/{id}/numbers`: the next batch of the users'
    /// numbers missing from the inventory (numbers already there are ignored by Webex,
    /// so this is safe to send again).
    AddNumbers(LocationId),
    /// `POST /telephony/config/actions/validateNumbers/invoke`: the next numbers to add,
    /// checked first (duplicates, numbers used elsewhere, invalid ones are refused per
    /// user before anything is written).
    ValidateNumbers(LocationId),
    /// `PUT /telephony/config/locations/{id}/numbers`: the users' numbers Webex lists
    /// as inactive, activated (where the partner manages the numbers).
    ActivateNumbers(LocationId),
    /// `PUT /wholesale/customers/{id}`: the customer's packages as changed here (see
    /// `changes::packages_to_send`), then its status followed.
    UpdatePackages,
    /// `PUT /locations/{id}`: a location's name, address and time zone as changed here.
    UpdateLocation(LocationId),
    /// `GET /telephony/config/locations/{id}`: the routing prefix Webex has for a
    /// calling location given one here (read before it is written).
    ReadRoutingPrefix(LocationId),
    /// `PUT /telephony/config/locations/{id}`: the routing prefix given here, before the
    /// users (their extensions may repeat another location's only with it).
    SetRoutingPrefix(LocationId),
    /// `PUT /wholesale/subscribers/{id}`: a user's package (with its calling details
    /// only when a Meetings user becomes a calling user).
    UpdateUser(UserId),
    /// `GET /wholesale/subscribers/{id}`: the user's People API id, when none was kept.
    ReadSubscriber(UserId),
    /// `GET /people/{id}?callingData=true`: the person, to send back changed (or read
    /// back after an update that answered without it).
    ReadPerson(UserId),
    /// `PUT /people/{id}?callingData=true`: the person with its names, number and
    /// extension as here.
    UpdatePerson(UserId),
    /// `POST /telephony/config/jobs/person/moveLocation`: a calling user to another
    /// location (one user a job).
    MoveUser(UserId),
    /// `GET /telephony/config/jobs/person/moveLocation/{jobId}`: until the job ends.
    AwaitMove(UserId),
    /// `GET /telephony/config/jobs/person/moveLocation/{jobId}/errors`: why it failed.
    MoveErrors(UserId),
    /// `DELETE /wholesale/subscribers/{id}`: a user removed here.
    RemoveUser(UserId),
    /// `GET /wholesale/subscribers?customerId=&email=`: did a lost answer create it?
    FindUser(UserId),
    PrecheckUser(UserId),
    ProvisionUser(UserId),
}

impl Step {
    /// The user a step is about, if it is about one.
    pub fn user(self) -> Option<UserId> {
        match self {
            Step::FindUser(u)
            | Step::PrecheckUser(u)
            | Step::ProvisionUser(u)
            | Step::UpdateUser(u)
            | Step::ReadSubscriber(u)
            | Step::ReadPerson(u)
            | Step::UpdatePerson(u)
            | Step::MoveUser(u)
            | Step::AwaitMove(u)
            | Step::MoveErrors(u)
            | Step::RemoveUser(u) => Some(u),
            _ => None,
        }
    }

    /// What the step creates in Webex: such a request is never sent again blindly.
    pub fn creates(self) -> Option<Target> {
        match self {
            Step::CreateCustomer => Some(Target::Customer),
            Step::CreateLocation(l) => Some(Target::Location(l)),
            Step::EnableCalling(l) => Some(Target::Calling(l)),
            Step::ProvisionUser(u) => Some(Target::User(u)),
            _ => None,
        }
    }

    /// The request as method and path template, for messages (no ids, no data).
    pub fn label(self) -> &'static str {
        match self {
            Step::PrecheckCustomer => "POST /wholesale/customers/validate",
            Step::FindCustomer => "GET /wholesale/customers",
            Step::CreateCustomer => "POST /wholesale/customers",
            Step::AwaitCustomer => "GET /wholesale/customers/{id}",
            Step::FindLocations => "GET /locations",
            Step::AnnouncementLanguages => "GET /telephony/config/announcementLanguages",
            Step::CreateLocation(_) => "POST /locations",
            Step::FindCallingLocations => "GET /telephony/config/locations",
            Step::EnableCalling(_) => "POST /telephony/config/locations",
            Step::ReadPstn(_) => "GET /telephony/pstn/locations/{id}/connection",
            Step::PstnOptions(_) => "GET /telephony/pstn/locations/{id}/connectionOptions",
            Step::SetPstn(_) => "PUT /telephony/pstn/locations/{id}/connection",
            Step::ListNumbers(_) => "GET /telephony/config/numbers",
            Step::AddNumbers(_) => "POST /telephony/config/locations/{id}/numbers",
            Step::ValidateNumbers(_) => "POST /telephony/config/actions/validateNumbers/invoke",
            Step::ActivateNumbers(_) => "PUT /telephony/config/locations/{id}/numbers",
            Step::UpdateCustomer => "PUT /wholesale/customers/{id}",
            Step::RemoveCustomer => "DELETE /wholesale/customers/{id}",
            Step::AwaitRemoval => "GET /wholesale/customers/{id}",
            Step::UpdatePackages => "PUT /wholesale/customers/{id}",
            Step::UpdateLocation(_) => "PUT /locations/{id}",
            Step::ReadRoutingPrefix(_) => "GET /telephony/config/locations/{id}",
            Step::SetRoutingPrefix(_) => "PUT /telephony/config/locations/{id}",
            Step::UpdateUser(_) => "PUT /wholesale/subscribers/{id}",
            Step::ReadSubscriber(_) => "GET /wholesale/subscribers/{id}",
            Step::ReadPerson(_) => "GET /people/{id}",
            Step::UpdatePerson(_) => "PUT /people/{id}",
            Step::MoveUser(_) => "POST /telephony/config/jobs/person/moveLocation",
            Step::AwaitMove(_) => "GET /telephony/config/jobs/person/moveLocation/{id}",
            Step::MoveErrors(_) => "GET /telephony/config/jobs/person/moveLocation/{id}/errors",
            Step::RemoveUser(_) => "DELETE /wholesale/subscribers/{id}",
            Step::FindUser(_) => "GET /wholesale/subscribers",
            Step::PrecheckUser(_) => "POST /wholesale/subscribers/validate",
            Step::ProvisionUser(_) => "POST /wholesale/subscribers",
        }
    }
}
