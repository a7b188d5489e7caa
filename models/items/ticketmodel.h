#pragma once

//! \file ticketmodel.h
//! \brief The open chat's ticket as a list model of zero rows (no open ticket) or one row.
//!
//! A model rather than a QObject with properties so the UI can use QDataWidgetMapper and the
//! same QAbstractItemModelTester as the other models. The 24 h window countdown role
//! (WindowRemainingSecondsRole) is refreshed once a second while the window is open, with a
//! `dataChanged` for that role alone.

#include "models/api/apitypes.h"
#include "models/store/clock.h"

#include <QAbstractListModel>

#include <optional>

namespace WhaTrack {

class TicketModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(bool hasTicket READ hasTicket NOTIFY hasTicketChanged)
    Q_PROPERTY(QString conversationId READ conversationId NOTIFY conversationChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1, //!< QString
        StatusRole, //!< QString: open | closed_won | closed_lost | closed
        StageIdRole, //!< QString
        StageNameRole, //!< QString (also Qt::DisplayRole)
        StageColorRole, //!< QString
        StageIsClosedRole, //!< bool
        AssigneeIdRole, //!< QString, empty if unassigned
        AssigneeNameRole, //!< QString
        AssigneeEmailRole, //!< QString
        DealValueRole, //!< QString decimal, empty if none
        WindowOpenRole, //!< bool: open and not yet expired
        WindowExpiresAtRole, //!< QDateTime
        WindowRemainingSecondsRole, //!< qint64 >= 0 (0 when closed or expired)
        ClosedReasonRole, //!< QString
        ClosedAtRole, //!< QDateTime
        SourceTypeRole, //!< QString
        UtmSourceRole, //!< QString
        MessagesCountRole, //!< int
        FirstResponseTimeSecRole, //!< qint64 or invalid QVariant
    };
    Q_ENUM(Roles)

    //! \a clock defaults to Clock::system().
    explicit TicketModel(Clock* clock = nullptr, QObject* parent = nullptr);
    ~TicketModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! The conversation whose ticket is shown; clears the ticket when it changes.
    void setConversation(const QString& conversationId);
    QString conversationId() const { return m_conversationId; }
    //! `std::nullopt` = no open ticket (the 404 `null`). Emits fine-grained signals.
    void setTicket(const std::optional<Ticket>& ticket);
    std::optional<Ticket> ticket() const { return m_ticket; }
    bool hasTicket() const { return m_ticket.has_value(); }
    qint64 windowRemainingSeconds() const;

Q_SIGNALS:
    void hasTicketChanged(bool hasTicket);
    void conversationChanged(const QString& conversationId);

private:
    void updateCountdown();
    void scheduleTick();
    QList<int> changedRoles(const Ticket& before, const Ticket& after) const;

    Clock* m_clock;
    QString m_conversationId;
    std::optional<Ticket> m_ticket;
    quint64 m_tickTimer = 0;
    bool m_lastWindowOpen = false;
};

} // namespace WhaTrack
