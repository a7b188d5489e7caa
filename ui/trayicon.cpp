#include "ui/trayicon.h"

#include "models/items/chatlistmodel.h"
#ifdef INBOX_HAVE_DBUS
#include "ui/dbusnotifications.h"
#endif
#include "ui/logging.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSystemTrayIcon>

#include <utility>

namespace WhaTrack::Ui {

UnreadCounter::UnreadCounter(QAbstractItemModel* chatList, QObject* parent)
    : QObject(parent)
    , m_model(chatList)
{
    const auto recount = [this] { this->recount(); };
    connect(chatList, &QAbstractItemModel::dataChanged, this,
        [this](
            const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles) {
            if (!roles.isEmpty() && !roles.contains(ChatListModel::UnreadCountRole))
                return;
            if (topLeft.isValid() && bottomRight.isValid())
                updateRows(topLeft.row(), bottomRight.row());
            else
                this->recount();
        });
    connect(chatList, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex& under, int first, int last) {
            if (under.isValid() || first > m_counts.size())
                return this->recount();
            int added = 0;
            for (int row = first; row <= last; ++row) {
                m_counts.insert(row, countAt(row));
                added += m_counts.at(row);
            }
            setTotal(m_total + added);
        });
    connect(chatList, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        [this](const QModelIndex& under, int first, int last) {
            if (under.isValid() || last >= m_counts.size())
                return; // recounted when removed
            m_removing = 0;
            for (int row = first; row <= last; ++row)
                m_removing += m_counts.at(row);
            m_counts.remove(first, last - first + 1);
        });
    connect(chatList, &QAbstractItemModel::rowsRemoved, this, [this] {
        const int removed = std::exchange(m_removing, 0);
        if (m_model && m_counts.size() != m_model->rowCount())
            return this->recount();
        setTotal(m_total - removed); // once the rows are gone, as a reader expects
    });
    connect(chatList, &QAbstractItemModel::modelReset, this, recount);
    connect(chatList, &QAbstractItemModel::layoutChanged, this, recount);
    connect(chatList, &QAbstractItemModel::rowsMoved, this, recount);
    this->recount();
}

int UnreadCounter::countAt(int row) const
{
    return qMax(0, m_model->index(row, 0).data(ChatListModel::UnreadCountRole).toInt());
}

void UnreadCounter::recount()
{
    m_counts.clear();
    int total = 0;
    if (m_model) {
        const int n = m_model->rowCount();
        m_counts.reserve(n);
        for (int row = 0; row < n; ++row) {
            m_counts.append(countAt(row));
            total += m_counts.last();
        }
    }
    setTotal(total);
}

void UnreadCounter::updateRows(int first, int last)
{
    if (!m_model || last >= m_counts.size())
        return recount();
    int total = m_total;
    for (int row = first; row <= last; ++row) {
        const int count = countAt(row);
        total += count - m_counts.at(row);
        m_counts[row] = count;
    }
    setTotal(total);
}

void UnreadCounter::setTotal(int total)
{
    if (total == m_total)
        return;
    m_total = total;
    Q_EMIT totalChanged(total);
}

TrayIcon::TrayIcon(QObject* parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
    , m_open(m_menu->addAction(tr("&Open WhaTrack Inbox")))
    , m_mute(m_menu->addAction(tr("&Mute notifications")))
    , m_quit(nullptr)
{
    m_mute->setCheckable(true);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"));
    m_tray->setContextMenu(m_menu);
    m_tray->setIcon(badgedIcon(0));
    m_tray->setToolTip(toolTip());
    connect(m_open, &QAction::triggered, this, &TrayIcon::openRequested);
    connect(m_mute, &QAction::toggled, this, &TrayIcon::muteToggled);
    connect(m_quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::notificationClicked);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
            Q_EMIT openRequested();
    });
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a QMenu has no QObject parent here (it is a top-level widget)
}

void TrayIcon::show()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        qCInfo(lcUi) << "no system tray on this desktop: no tray icon, notifications need one";
        return;
    }
    m_tray->show();
}

void TrayIcon::setUnreadTotal(int total)
{
    if (total == m_unread)
        return;
    m_unread = total;
    m_tray->setIcon(badgedIcon(total));
    m_tray->setToolTip(toolTip());
}

void TrayIcon::setMuted(bool muted)
{
    const QSignalBlocker block(m_mute);
    m_mute->setChecked(muted);
}

QString TrayIcon::toolTip() const
{
    if (m_unread <= 0)
        return tr("WhaTrack Inbox");
    return tr("WhaTrack Inbox: %n unread", nullptr, m_unread);
}

QIcon TrayIcon::badgedIcon(int unread)
{
    // Drawn, so the tray has an icon without an installed theme; the theme's wins when there.
    QIcon base = QIcon::fromTheme(QStringLiteral("com.whatrack.Inbox"));
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        if (!base.isNull()) {
            base.paint(&p, pm.rect());
        } else {
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0x25, 0xd3, 0x66)); // WhatsApp green
            p.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1));
            QFont f = p.font();
            f.setPixelSize(qRound(size * 0.55));
            f.setBold(true);
            p.setFont(f);
            p.setPen(Qt::white);
            p.drawText(pm.rect(), Qt::AlignCenter, QStringLiteral("W"));
        }
        if (unread > 0) {
            const QString text = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
            const qreal d = size * 0.6;
            const QRectF badge(size - d, 0, d, d);
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0xe5, 0x39, 0x35));
            p.drawEllipse(badge);
            QFont f = p.font();
            f.setPixelSize(qMax(6, qRound(d * (text.size() > 2 ? 0.45 : 0.65))));
            f.setBold(true);
            p.setFont(f);
            p.setPen(Qt::white);
            p.drawText(badge, Qt::AlignCenter, text);
        }
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

void TrayIcon::showNotification(const NotificationRequest& request)
{
    if (m_alertWindow)
        QApplication::alert(m_alertWindow); // the taskbar entry asks for attention
    if (isShown() && QSystemTrayIcon::supportsMessages()) {
        m_tray->showMessage(request.title, request.body, badgedIcon(m_unread), 8000);
        return;
    }
#ifdef INBOX_HAVE_DBUS
    // No tray (GNOME without an AppIndicator extension): the notification server directly.
    if (DBusNotifications::isAvailable()) {
        if (!m_dbus) {
            m_dbus = new DBusNotifications(this);
            connect(m_dbus, &DBusNotifications::activated, this, &TrayIcon::notificationClicked);
        }
        m_dbus->show(request.title, request.body);
        return;
    }
#endif
    qCInfo(lcUi) << "notification not shown: no tray and no notification service";
}

bool TrayIcon::isShown() const
{
    return m_tray->isVisible();
}

void TrayIcon::showRunningHint()
{
    NotificationRequest hint;
    hint.title = tr("WhaTrack Inbox is still running");
    hint.body = tr("New messages still notify you. To quit, use Quit in this icon's menu.");
    m_tray->showMessage(hint.title, hint.body, badgedIcon(m_unread), 8000);
}

void TrayIcon::playSound()
{
    QApplication::beep();
}

} // namespace WhaTrack::Ui
