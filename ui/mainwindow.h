#pragma once

//! \file mainwindow.h
//! \brief The inbox window: chat list | conversation | ticket panel, the connection pill in the
//! status bar, menus and keyboard shortcuts.
//!
//! It only talks to InboxStore and ConnectionMonitor; what "resync", "reconnect" or "sign in"
//! mean is decided by the composition root through the signals below.

#include "models/api/apitypes.h"
#include "ui/connectiondetailsdialog.h"
#include "ui/connectionstatus.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QSplitter;

namespace WhaTrack {
class InboxStore;
}

namespace WhaTrack::Ui {

class ChatListPane;
class ConnectionDetailsDialog;
class ConnectionMonitor;
class ConnectionStatusWidget;
class ConversationView;
class QuickSwitcher;
class TicketPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(InboxStore* store, ConnectionMonitor* monitor, QWidget* parent = nullptr);
    ~MainWindow() override;

    void setCurrentUser(const User& user);
    void setOrganizationName(const QString& name);

    ChatListPane* chatListPane() const { return m_chatList; }
    ConversationView* conversationView() const { return m_conversation; }
    TicketPanel* ticketPanel() const { return m_ticket; }
    ConnectionStatusWidget* connectionStatus() const { return m_status; }
    QSplitter* splitter() const { return m_splitter; }
    //! The details dialog if open.
    ConnectionDetailsDialog* connectionDetails() const { return m_details; }

    //! Restores size, position and splitter sizes from the settings (falls back to defaults).
    void restoreLayout();
    //! Unread messages over all chats: "(3) WhaTrack Inbox" in the title (desktop hook).
    void setUnreadTotal(int total);

    //! The Ctrl+K popup, once it has been opened.
    QuickSwitcher* quickSwitcher() const { return m_switcher; }

    //! Closing the window hides it instead (the app keeps notifying from the tray); set by the
    //! desktop integration when a tray is shown and the preference allows it.
    void setCloseToTray(bool on) { m_closeToTray = on; }
    bool closeToTray() const { return m_closeToTray; }

public Q_SLOTS:
    void showConnectionDetails();
    void showQuickSwitcher();
    //! Quits the app, hidden in the tray or not (Inbox ▸ Quit, the tray's Quit).
    void quit();

Q_SIGNALS:
    void resyncRequested();
    void reconnectRequested();
    void signInRequested();
    void signOutRequested();
    void switchOrganizationRequested();
    void preferencesRequested();
    //! The window was closed to the tray; \a firstTime: the hint "still running" is due.
    void hiddenToTray(bool firstTime);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void onStatusAction(ConnectionStatusView::Action action);
    void updateTitle();

    InboxStore* m_store;
    ConnectionMonitor* m_monitor;
    QSplitter* m_splitter;
    ChatListPane* m_chatList;
    ConversationView* m_conversation;
    TicketPanel* m_ticket;
    ConnectionStatusWidget* m_status;
    QLabel* m_account;
    QPointer<ConnectionDetailsDialog> m_details;
    QuickSwitcher* m_switcher = nullptr;
    User m_user;
    QString m_organizationName;
    int m_unreadTotal = 0;
    bool m_closeToTray = false;
    bool m_quitting = false;
};

} // namespace WhaTrack::Ui
