// InboxStore: the agent's ticket changes. The backend publishes nothing for them, so the
// ticket and the chat list are refetched afterwards (same keys as a tickets-channel event).

#include "models/api/apiclient.h"
#include "models/logging.h"
#include "models/store/inboxstore_p.h"

namespace WhaTrack {

namespace {

//! The PATCH/close answers are summaries (brief stage and assignee, numeric dealValue): take
//! what they say over the current ticket so the panel updates before the refetch lands.
Ticket mergeSummary(Ticket current, const Ticket& summary)
{
    if (!summary.stage.id.isEmpty()) {
        const bool sameStage = summary.stage.id == current.stage.id;
        Stage s = summary.stage;
        if (sameStage) {
            s.order = current.stage.order;
            s.isClosed = current.stage.isClosed;
        }
        current.stage = s;
    }
    if (!summary.status.isEmpty())
        current.status = summary.status;
    const auto before = current.assignee;
    current.assignee = summary.assignee;
    // The brief assignee has no email/image: keep what we had for the same person.
    if (current.assignee && before && current.assignee->id == before->id) {
        current.assignee->email = before->email;
        current.assignee->image = before->image;
    }
    current.dealValue = summary.dealValue;
    if (!summary.closedReason.isEmpty())
        current.closedReason = summary.closedReason;
    if (summary.closedAt.isValid())
        current.closedAt = summary.closedAt;
    current.windowOpen = summary.windowOpen;
    if (summary.windowExpiresAt.isValid())
        current.windowExpiresAt = summary.windowExpiresAt;
    return current;
}

} // namespace

void InboxStore::Private::runMutation(Mutation kind, MutationCall call)
{
    Private* d = this;
    const auto ticket = d->m_ticket->ticket();
    if (!ticket) {
        Q_EMIT q->mutationFinished(
            kind, ApiError::make(ApiError::Kind::BadRequest, QStringLiteral("no open ticket")));
        return;
    }
    const QString org = d->m_org;
    const QString conversation = d->m_ticket->conversationId();
    qCInfo(lcModels) << "ticket" << ticket->id << "mutation" << kind;
    call(ticket->id, [this, d, kind, org, conversation](ApiResult<Ticket> r) {
        if (org != d->m_org) {
            Q_EMIT q->mutationFinished(kind, r.error);
            return;
        }
        if (r.ok() && d->m_ticket->conversationId() == conversation && d->m_ticket->ticket()
            && d->m_ticket->ticket()->id == r.value.id) {
            d->m_ticket->setTicket(mergeSummary(*d->m_ticket->ticket(), r.value));
        }
        // Confirm with the server's full ticket either way (and after a failure, undo nothing
        // locally: we only showed what the server accepted).
        d->m_cache->refetch(QueryKey::ticket(org, conversation));
        d->apply(invalidationForMutation(org, conversation));
        if (!r.ok())
            qCInfo(lcModels) << "ticket mutation failed:" << r.error.describe();
        Q_EMIT q->mutationFinished(kind, r.error);
    });
}

void InboxStore::setTicketStage(const QString& stageId)
{
    d->runMutation(
        Mutation::Stage, [this, stageId](const QString& id, ApiClient::Callback<Ticket> done) {
            TicketPatch p;
            p.stageId = stageId;
            return d->m_api->patchTicket(id, p, this, std::move(done));
        });
}

void InboxStore::setTicketAssignee(const QString& userId)
{
    d->runMutation(
        Mutation::Assignee, [this, userId](const QString& id, ApiClient::Callback<Ticket> done) {
            TicketPatch p;
            p.assigneeId = userId;
            return d->m_api->patchTicket(id, p, this, std::move(done));
        });
}

void InboxStore::setTicketValue(const QString& value)
{
    d->runMutation(
        Mutation::Value, [this, value](const QString& id, ApiClient::Callback<Ticket> done) {
            TicketPatch p;
            p.dealValue = value;
            return d->m_api->patchTicket(id, p, this, std::move(done));
        });
}

void InboxStore::closeTicket(
    TicketOutcome outcome, const QString& reason, const std::optional<QString>& dealValue)
{
    d->runMutation(Mutation::Close,
        [this, outcome, reason, dealValue](const QString& id, ApiClient::Callback<Ticket> done) {
            return d->m_api->closeTicket(id, outcome, reason, dealValue, this, std::move(done));
        });
}

} // namespace WhaTrack
