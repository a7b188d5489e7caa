#include "app/gui/singleinstance.h"

#include "ui/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace WhaTrack::Gui {

namespace {
const QByteArray kRaise = QByteArrayLiteral("raise\n");
constexpr qsizetype kMaxRequest = 64; // a peer gets no more than this read from it
} // namespace

SingleInstance::SingleInstance(const QString& key, QObject* parent)
    : QObject(parent)
    , m_name(serverName(key))
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultKey()
{
    // The profile is the data folder: it holds the cache and moves with XDG_DATA_HOME (tests,
    // a second profile). The user is part of it for shared temp folders.
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user + QLatin1Char('|')
        + QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString SingleInstance::serverName(const QString& key)
{
    const QString name = QStringLiteral("whatrack-inbox-")
        + QString::fromLatin1(
            QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(24));
#ifdef Q_OS_UNIX
    // The user's private runtime folder (0700) rather than the shared /tmp when there is one.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir())
        return runtime + QLatin1Char('/') + name;
#endif
    return name;
}

bool SingleInstance::claim(int timeoutMs)
{
    // Two launches at once must not both take over: the check and the listen happen under a
    // lock file (released when this function returns).
    QLockFile guard(QDir::temp().filePath(QFileInfo(m_name).fileName() + QStringLiteral(".lock")));
    guard.setStaleLockTime(0); // a crashed holder's lock is taken over (its pid is gone)
    if (!guard.tryLock(timeoutMs))
        qCWarning(lcUi) << "single instance: could not take the start-up lock; continuing";

    QLocalSocket peer;
    peer.connectToServer(m_name);
    if (peer.waitForConnected(timeoutMs)) {
        peer.write(kRaise);
        peer.waitForBytesWritten(timeoutMs);
        peer.disconnectFromServer();
        qCInfo(lcUi) << "another instance is running for this profile: asked it to show its window";
        return false;
    }

    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // Nobody answered: a socket file left by a crashed instance is stale.
    QLocalServer::removeServer(m_name);
    if (!m_server->listen(m_name)) {
        // Still start: the cache lock keeps the cache safe; only "raise" is lost.
        qCWarning(lcUi) << "single instance: cannot listen:" << m_server->errorString();
        return true;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    qCInfo(lcUi) << "single instance: primary for this profile";
    return true;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        const auto read = [this, socket] {
            if (!socket->canReadLine() && socket->bytesAvailable() < kMaxRequest)
                return;
            const QByteArray line = socket->readLine(kMaxRequest);
            socket->disconnectFromServer();
            if (line == kRaise) {
                qCInfo(lcUi) << "another launch asked for this window";
                Q_EMIT raiseRequested();
            }
        };
        connect(socket, &QLocalSocket::readyRead, this, read);
        if (socket->bytesAvailable() > 0)
            read();
    }
}

CacheLock::CacheLock(const QString& cachePath)
    : m_lock(std::make_unique<QLockFile>(cachePath + QStringLiteral(".lock")))
{
    m_lock->setStaleLockTime(0);
}

bool CacheLock::tryLock()
{
    return m_lock->tryLock(0);
}

} // namespace WhaTrack::Gui
