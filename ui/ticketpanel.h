#pragma once

//! \file ticketpanel.h
//! \brief The right pane: the open chat's ticket (stage, assignee, deal value, 24 h window,
//! Won/Lost), or "No open ticket".
//!
//! Edits go through InboxStore's mutations; the panel is busy until mutationFinished() and
//! shows the error inline, since the backend publishes nothing for ticket changes.

#include "models/api/apitypes.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace WhaTrack {
class ApiError;
class InboxStore;
} // namespace WhaTrack

namespace WhaTrack::Ui {

class ChipLabel;
class MoneyEdit;

class TicketPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TicketPanel(InboxStore* store, QWidget* parent = nullptr);

    //! The signed-in agent, for "Assign to me".
    void setCurrentUser(const User& user);
    //! Skip the confirmation of Won/Lost (tests).
    void setConfirmClose(bool confirm) { m_confirmClose = confirm; }

    bool hasTicketShown() const;
    QString windowText() const;

public Q_SLOTS:
    void refresh();

private:
    void refreshWindow();
    void setBusy(bool busy);
    void onMutationFinished(int mutation, const ApiError& error);
    void showError(const QString& text);
    void closeAs(TicketOutcome outcome);
    QWidget* buildForm();

    InboxStore* m_store;
    User m_user;
    bool m_confirmClose = true;
    bool m_busy = false;

    QStackedWidget* m_stack;
    QLabel* m_noTicket;
    QLabel* m_title;
    ChipLabel* m_status;
    QComboBox* m_stage;
    QLabel* m_assignee;
    QPushButton* m_assignMe;
    QPushButton* m_unassign;
    MoneyEdit* m_value;
    QLabel* m_window;
    QProgressBar* m_windowBar;
    QPushButton* m_won;
    QPushButton* m_lost;
    QLabel* m_error;
    QLabel* m_source;
    QLabel* m_kpis;
};

} // namespace WhaTrack::Ui
