#include "models/platform/systemevents.h"

#include "models/logging.h"
#include "models/store/inboxstore.h"

#ifdef INBOX_HAVE_DBUS
#include <QDBusConnection>
#endif

#include <QUuid>

namespace WhaTrack {

namespace {
const QString kService = QStringLiteral("org.freedesktop.login1");
const QString kPath = QStringLiteral("/org/freedesktop/login1");
const QString kInterface = QStringLiteral("org.freedesktop.login1.Manager");
const QString kSignal = QStringLiteral("PrepareForSleep");
} // namespace

SystemEvents::SystemEvents(QObject* parent)
    : QObject(parent)
{
}

SystemEvents::~SystemEvents()
{
#ifdef INBOX_HAVE_DBUS
    if (!m_connectionName.isEmpty())
        QDBusConnection::disconnectFromBus(m_connectionName);
#endif
}

bool SystemEvents::watchSleep(const QString& busAddress)
{
#ifdef INBOX_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!busAddress.isEmpty()) {
        m_connectionName = QStringLiteral("inbox-systemevents-")
            + QUuid::createUuid().toString(QUuid::WithoutBraces);
        bus = QDBusConnection::connectToBus(busAddress, m_connectionName);
    }
    if (!bus.isConnected()) {
        qCInfo(lcModels) << "system events: no D-Bus connection; a resume is noticed by the ping "
                            "watchdog only";
        return false;
    }
    m_watching
        = bus.connect(kService, kPath, kInterface, kSignal, this, SLOT(prepareForSleep(bool)));
    qCInfo(lcModels) << "system events: logind sleep signal"
                     << (m_watching ? "watched" : "unavailable");
    return m_watching;
#else
    Q_UNUSED(busAddress)
    qCInfo(lcModels) << "system events: built without QtDBus; a resume is noticed by the ping "
                        "watchdog only";
    return false;
#endif
}

void SystemEvents::attach(InboxStore* store)
{
    connect(this, &SystemEvents::resumed, store, &InboxStore::handleSystemResume);
}

void SystemEvents::prepareForSleep(bool sleeping)
{
    qCInfo(lcModels) << "system events:" << (sleeping ? "going to sleep" : "resumed");
    if (sleeping)
        Q_EMIT aboutToSleep();
    else
        Q_EMIT resumed();
}

} // namespace WhaTrack
