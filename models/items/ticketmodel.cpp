#include "models/items/ticketmodel.h"

#include "models/logging.h"
#include "models/store/clock.h"

namespace WhaTrack {

TicketModel::TicketModel(Clock* clock, QObject* parent)
    : QAbstractListModel(parent)
    , m_clock(clock ? clock : Clock::system())
{
}

TicketModel::~TicketModel()
{
    if (m_tickTimer)
        m_clock->cancel(m_tickTimer);
}

int TicketModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_ticket ? 0 : 1;
}

qint64 TicketModel::windowRemainingSeconds() const
{
    if (!m_ticket || !m_ticket->windowOpen || !m_ticket->windowExpiresAt.isValid())
        return 0;
    return std::max<qint64>(0, m_clock->wallNow().secsTo(m_ticket->windowExpiresAt));
}

QVariant TicketModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !m_ticket)
        return {};
    const Ticket& t = *m_ticket;
    switch (role) {
    case Qt::DisplayRole:
    case StageNameRole:
        return t.stage.name;
    case IdRole:
        return t.id;
    case StatusRole:
        return t.status;
    case StageIdRole:
        return t.stage.id;
    case StageColorRole:
        return t.stage.color;
    case StageIsClosedRole:
        return t.stage.isClosed;
    case AssigneeIdRole:
        return t.assignee ? t.assignee->id : QString();
    case AssigneeNameRole:
        return t.assignee ? t.assignee->name : QString();
    case AssigneeEmailRole:
        return t.assignee ? t.assignee->email : QString();
    case DealValueRole:
        return t.dealValue;
    case WindowOpenRole:
        return t.windowOpen && (!t.windowExpiresAt.isValid() || windowRemainingSeconds() > 0);
    case WindowExpiresAtRole:
        return t.windowExpiresAt;
    case WindowRemainingSecondsRole:
        return windowRemainingSeconds();
    case ClosedReasonRole:
        return t.closedReason;
    case ClosedAtRole:
        return t.closedAt;
    case SourceTypeRole:
        return t.tracking.sourceType;
    case UtmSourceRole:
        return t.tracking.utmSource;
    case MessagesCountRole:
        return t.kpis.messagesCount;
    case FirstResponseTimeSecRole:
        return t.kpis.firstResponseTimeSec ? QVariant(*t.kpis.firstResponseTimeSec) : QVariant();
    default:
        return {};
    }
}

QHash<int, QByteArray> TicketModel::roleNames() const
{
    return {{IdRole, "ticketId"}, {StatusRole, "status"}, {StageIdRole, "stageId"},
        {StageNameRole, "stageName"}, {StageColorRole, "stageColor"},
        {StageIsClosedRole, "stageIsClosed"}, {AssigneeIdRole, "assigneeId"},
        {AssigneeNameRole, "assigneeName"}, {AssigneeEmailRole, "assigneeEmail"},
        {DealValueRole, "dealValue"}, {WindowOpenRole, "windowOpen"},
        {WindowExpiresAtRole, "windowExpiresAt"},
        {WindowRemainingSecondsRole, "windowRemainingSeconds"}, {ClosedReasonRole, "closedReason"},
        {ClosedAtRole, "closedAt"}, {SourceTypeRole, "sourceType"}, {UtmSourceRole, "utmSource"},
        {MessagesCountRole, "messagesCount"}, {FirstResponseTimeSecRole, "firstResponseTimeSec"},
        {Qt::DisplayRole, "display"}};
}

void TicketModel::setConversation(const QString& conversationId)
{
    if (conversationId == m_conversationId)
        return;
    setTicket(std::nullopt);
    m_conversationId = conversationId;
    Q_EMIT conversationChanged(conversationId);
}

QList<int> TicketModel::changedRoles(const Ticket& a, const Ticket& b) const
{
    QList<int> r;
    if (a.id != b.id)
        r << IdRole;
    if (a.status != b.status)
        r << StatusRole;
    if (a.stage.id != b.stage.id)
        r << StageIdRole;
    if (a.stage.name != b.stage.name)
        r << Qt::DisplayRole << StageNameRole;
    if (a.stage.color != b.stage.color)
        r << StageColorRole;
    if (a.stage.isClosed != b.stage.isClosed)
        r << StageIsClosedRole;
    if (a.assignee != b.assignee)
        r << AssigneeIdRole << AssigneeNameRole << AssigneeEmailRole;
    if (a.dealValue != b.dealValue)
        r << DealValueRole;
    if (a.windowOpen != b.windowOpen || a.windowExpiresAt != b.windowExpiresAt)
        r << WindowOpenRole << WindowExpiresAtRole << WindowRemainingSecondsRole;
    if (a.closedReason != b.closedReason)
        r << ClosedReasonRole;
    if (a.closedAt != b.closedAt)
        r << ClosedAtRole;
    if (a.tracking.sourceType != b.tracking.sourceType)
        r << SourceTypeRole;
    if (a.tracking.utmSource != b.tracking.utmSource)
        r << UtmSourceRole;
    if (a.kpis.messagesCount != b.kpis.messagesCount)
        r << MessagesCountRole;
    if (a.kpis.firstResponseTimeSec != b.kpis.firstResponseTimeSec)
        r << FirstResponseTimeSecRole;
    return r;
}

void TicketModel::setTicket(const std::optional<Ticket>& ticket)
{
    if (!m_ticket && !ticket)
        return;
    if (!m_ticket) {
        beginInsertRows({}, 0, 0);
        m_ticket = ticket;
        endInsertRows();
        Q_EMIT hasTicketChanged(true);
    } else if (!ticket) {
        beginRemoveRows({}, 0, 0);
        m_ticket.reset();
        endRemoveRows();
        Q_EMIT hasTicketChanged(false);
    } else {
        const QList<int> roles = changedRoles(*m_ticket, *ticket);
        m_ticket = ticket;
        if (!roles.isEmpty())
            Q_EMIT dataChanged(index(0), index(0), roles);
    }
    m_lastWindowOpen = m_ticket && data(index(0), WindowOpenRole).toBool();
    scheduleTick();
}

void TicketModel::scheduleTick()
{
    if (m_tickTimer) {
        m_clock->cancel(m_tickTimer);
        m_tickTimer = 0;
    }
    if (!m_ticket || windowRemainingSeconds() <= 0)
        return;
    // Tick on the second boundary of the remaining time, so the label changes on time.
    const qint64 msToExpiry = m_clock->wallNow().msecsTo(m_ticket->windowExpiresAt);
    const qint64 delay = msToExpiry % 1000 == 0 ? 1000 : msToExpiry % 1000;
    m_tickTimer = m_clock->schedule(delay, [this] {
        m_tickTimer = 0;
        updateCountdown();
    });
}

void TicketModel::updateCountdown()
{
    if (!m_ticket)
        return;
    QList<int> roles {WindowRemainingSecondsRole};
    const bool open = data(index(0), WindowOpenRole).toBool();
    if (open != m_lastWindowOpen) {
        roles << WindowOpenRole;
        m_lastWindowOpen = open;
        qCDebug(lcModels) << "ticket" << m_ticket->id << "window" << (open ? "open" : "expired");
    }
    Q_EMIT dataChanged(index(0), index(0), roles);
    scheduleTick();
}

} // namespace WhaTrack
