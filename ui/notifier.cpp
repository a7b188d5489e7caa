#include "ui/notifier.h"

#include "models/items/chatlistmodel.h"
#include "models/store/inboxstore.h"
#include "ui/displayformat.h"
#include "ui/logging.h"

#include <QWidget>

namespace WhaTrack::Ui {

namespace {
constexpr int kDefaultGroupMs = 5000;
constexpr int kMaxRememberedIds = 2000;
} // namespace

Notifier::Notifier(InboxStore* store, NotificationSink* sink, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_sink(sink)
{
    // Leading edge: the first message notifies at once; what follows within the window is
    // gathered into one "5 new messages from 3 customers" when it closes.
    m_group.setSingleShot(true);
    m_group.setInterval(kDefaultGroupMs);
    connect(&m_group, &QTimer::timeout, this, [this] {
        if (!m_pending.isEmpty())
            flush();
    });
}

void Notifier::setWindow(QWidget* window)
{
    m_window = window;
}

void Notifier::setDoNotDisturb(bool on)
{
    if (m_doNotDisturb == on)
        return;
    m_doNotDisturb = on;
    if (on)
        m_pending.clear(); // nothing held back pops up when it is turned off again
    qCInfo(lcUi) << "do not disturb" << (on ? "on" : "off");
    Q_EMIT doNotDisturbChanged(on);
}

bool Notifier::windowShowsChat(const QString& chatId) const
{
    return m_window && m_window->isActiveWindow() && !m_window->isMinimized()
        && m_store->openChatId() == chatId;
}

void Notifier::onInboundMessage(const QString& chatId, const QString& messageId)
{
    if (chatId.isEmpty())
        return;
    if (!messageId.isEmpty()) {
        if (m_seenIds.contains(messageId))
            return;
        if (m_seenIds.size() > kMaxRememberedIds)
            m_seenIds.clear();
        m_seenIds.insert(messageId);
    }
    // The agent is reading this very chat: the message is on screen already.
    if (!m_enabled || m_doNotDisturb || windowShowsChat(chatId))
        return;
    m_pending.append(chatId);
    if (!m_group.isActive())
        flush();
}

QString Notifier::chatName(const QString& chatId) const
{
    const ChatItem* chat = m_store->chatListSourceModel()->find(chatId);
    if (chat && !notificationText(chat->name).isEmpty())
        return notificationText(chat->name);
    if (chat && !chat->phone.isEmpty())
        return notificationText(DisplayFormat::phone(chat->phone));
    return tr("A new customer");
}

void Notifier::flush()
{
    NotificationRequest r;
    r.messages = int(m_pending.size());
    r.chatId = m_pending.constLast();
    QStringList distinct = m_pending;
    distinct.removeDuplicates();
    r.chats = int(distinct.size());
    if (r.messages == 1) {
        r.title = chatName(r.chatId);
        const ChatItem* chat = m_store->chatListSourceModel()->find(r.chatId);
        r.body = chat && chat->lastMessage ? notificationText(messagePreview(*chat->lastMessage))
                                           : QString();
        if (r.body.isEmpty())
            r.body = tr("New message");
    } else if (r.chats == 1) {
        r.title = chatName(r.chatId);
        r.body = tr("%n new messages", nullptr, r.messages); // always two or more here
    } else {
        r.title = tr("WhaTrack Inbox");
        r.body = tr("%n new messages from %1 customers", nullptr, r.messages).arg(r.chats);
    }
    m_pending.clear();
    m_lastChat = r.chatId;
    // Never the message text in the log.
    qCInfo(lcUi) << "notification:" << r.messages << "message(s) from" << r.chats << "chat(s)";
    m_sink->showNotification(r);
    if (m_sound)
        m_sink->playSound();
    m_group.start();
}

void Notifier::activateLast()
{
    if (!m_lastChat.isEmpty())
        Q_EMIT chatRequested(m_lastChat);
}

QString Notifier::notificationText(const QString& text, int maxChars)
{
    QString out;
    out.reserve(qMin(text.size(), qsizetype(maxChars) + 1));
    bool space = false;
    for (const QChar c : text) {
        if (out.size() >= maxChars)
            break;
        const auto category = c.category();
        if (c.isSpace() || category == QChar::Other_Control) {
            space = !out.isEmpty();
            continue;
        }
        // Bidi overrides and other format characters could reorder the title.
        if (category == QChar::Other_Format)
            continue;
        if (space) {
            out += QLatin1Char(' ');
            space = false;
        }
        // Look-alikes instead of markup characters: some servers render HTML in the body.
        if (c == QLatin1Char('<'))
            out += QChar(0x2039);
        else if (c == QLatin1Char('>'))
            out += QChar(0x203A);
        else if (c == QLatin1Char('&'))
            out += QChar(0xFF06);
        else
            out += c;
    }
    if (out.size() >= maxChars && text.size() > maxChars) {
        out.truncate(maxChars - 1);
        if (!out.isEmpty() && out.back().isHighSurrogate())
            out.chop(1); // never half a character (an emoji)
        out += QChar(0x2026);
    }
    return out;
}

} // namespace WhaTrack::Ui
