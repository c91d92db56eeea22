//! The customer's removal from Webex.

use super::Reply;
use crate::domain::provisioning::{Provisioning, RemoteStatus, Removal};
use crate::domain::timeline::Note;
use crate::webex::wire::CustomerAnswer;

/// `DELETE /wholesale/customers/{id}`. Gone already (a `DELETE` sent again after its
/// answer was lost) counts as gone.
pub(super) fn accepted(reply: &Reply, p: &mut Provisioning) -> Note {
    if reply.ok() || reply.http() == 404 {
        p.removal = Some(if reply.ok() {
            Removal::Accepted
        } else {
            Removal::Gone
        });
        return Note::RemovalAccepted;
    }
    reply.stop_refused(p)
}

/// `GET /wholesale/customers/{id}` until Webex no longer has it.
pub(super) fn awaited(reply: &Reply, p: &mut Provisioning) -> Note {
    if reply.http() == 404 {
        p.removal = Some(Removal::Gone);
        return Note::RemovedFromWebex;
    }
    if !reply.ok() {
        return reply.stop_refused(p);
    }
    match reply
        .read::<CustomerAnswer>()
        .and_then(|c| RemoteStatus::from_api(&c.status))
    {
        Some(status) => Note::Status(status),
        None => reply.unexpected(p),
    }
}
