#pragma once

//! \file notifier.h
//! \brief Desktop notifications for new inbound messages: when the window is not active (or
//! another chat is open), grouped when many arrive, with an optional sound, held back while
//! "do not disturb" is on.
//!
//! The Notifier decides *whether* and *what* to show; a NotificationSink shows it (the tray
//! icon: QSystemTrayIcon::showMessage, which is a freedesktop notification on Linux and the
//! platform's own on Windows/macOS). Tests observe the requests through their own sink.

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

class QWidget;

namespace WhaTrack {
class InboxStore;
}

namespace WhaTrack::Ui {

//! One notification to show. \a chatId is what a click opens (the newest message's chat).
struct NotificationRequest
{
    QString title;
    QString body;
    QString chatId;
    int messages = 1;
    int chats = 1;
};

class NotificationSink
{
public:
    virtual ~NotificationSink() = default;
    virtual void showNotification(const NotificationRequest& request) = 0;
    virtual void playSound() = 0;
};

class Notifier : public QObject
{
    Q_OBJECT

public:
    //! \a store and \a sink must outlive the notifier.
    Notifier(InboxStore* store, NotificationSink* sink, QObject* parent = nullptr);

    //! The window whose activity decides: no notification for the open chat while it is active.
    void setWindow(QWidget* window);
    void setEnabled(bool on) { m_enabled = on; }
    bool isEnabled() const { return m_enabled; }
    void setSoundEnabled(bool on) { m_sound = on; }
    void setDoNotDisturb(bool on);
    bool doNotDisturb() const { return m_doNotDisturb; }
    //! Messages arriving within this long of a notification are gathered into the next one.
    void setGroupWindowMs(int ms) { m_group.setInterval(ms); }
    //! True while messages are being gathered for a grouped notification.
    bool isGrouping() const { return m_group.isActive(); }

    //! The agent clicked the last notification: chatRequested() for its chat.
    void activateLast();

    //! Text from a customer as notification text: one line, at most \a maxChars, without
    //! control characters or markup (notification servers and Qt's balloon may render HTML).
    static QString notificationText(const QString& text, int maxChars = 120);

public Q_SLOTS:
    //! A new inbound message in \a chatId (InboxStore::inboundMessageReceived).
    void onInboundMessage(const QString& chatId, const QString& messageId);

Q_SIGNALS:
    void chatRequested(const QString& chatId);
    void doNotDisturbChanged(bool on);

private:
    bool windowShowsChat(const QString& chatId) const;
    void flush();
    QString chatName(const QString& chatId) const;

    InboxStore* m_store;
    NotificationSink* m_sink;
    QPointer<QWidget> m_window;
    bool m_enabled = true;
    bool m_sound = false;
    bool m_doNotDisturb = false;
    QTimer m_group;
    QStringList m_pending; //!< chat ids, one per message, oldest first
    QSet<QString> m_seenIds; //!< a publication delivered twice notifies once
    QString m_lastChat;
};

} // namespace WhaTrack::Ui
