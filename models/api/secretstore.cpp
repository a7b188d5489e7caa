#include "models/api/secretstore.h"

#include "models/logging.h"

#include <QTimer>
#include <qt6keychain/keychain.h>

namespace WhaTrack {

namespace {

void later(SecretStore::Callback done, SecretStore::Result result)
{
    QTimer::singleShot(0, [done = std::move(done), result = std::move(result)]() mutable {
        done(std::move(result));
    });
}

SecretStore::Result fromJob(QKeychain::Job* job)
{
    SecretStore::Result r;
    switch (job->error()) {
    case QKeychain::NoError:
        r.status = SecretStore::Status::Ok;
        return r;
    case QKeychain::EntryNotFound:
        r.status = SecretStore::Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        r.status = SecretStore::Status::Unavailable;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        r.status = SecretStore::Status::AccessDenied;
        break;
    default:
        r.status = SecretStore::Status::Error;
        break;
    }
    r.error = job->errorString();
    return r;
}

} // namespace

QString SecretStore::fixHint()
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("To fix it, open Keychain Access, make sure your login keychain is "
                          "unlocked (File > Unlock Keychain), then sign in again.");
#elif defined(Q_OS_WIN)
    return QStringLiteral("To fix it, open Credential Manager (Control Panel > User Accounts) "
                          "and check that Windows Credentials can be saved, then sign in again.");
#else
    return QStringLiteral("To fix it, unlock your keyring or install one (GNOME Keyring or "
                          "KWallet, with a Secret Service running in your session), then sign in "
                          "again.");
#endif
}

void MemorySecretStore::read(const QString& key, Callback done)
{
    Result r;
    if (m_failure != Status::Ok) {
        r.status = m_failure;
        r.error = QStringLiteral("simulated failure");
    } else if (auto it = m_values.constFind(key); it != m_values.constEnd()) {
        r.status = Status::Ok;
        r.value = *it;
    } else {
        r.status = Status::NotFound;
    }
    later(std::move(done), std::move(r));
}

void MemorySecretStore::write(const QString& key, const QByteArray& value, Callback done)
{
    Result r;
    r.status = m_failure;
    if (m_failure == Status::Ok)
        m_values.insert(key, value);
    later(std::move(done), std::move(r));
}

void MemorySecretStore::remove(const QString& key, Callback done)
{
    Result r;
    r.status = m_failure;
    if (m_failure == Status::Ok)
        m_values.remove(key);
    later(std::move(done), std::move(r));
}

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{
}

void KeychainSecretStore::read(const QString& key, Callback done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, [done = std::move(done)](QKeychain::Job* j) {
        Result r = fromJob(j);
        if (r.ok())
            r.value = static_cast<QKeychain::ReadPasswordJob*>(j)->binaryData();
        else if (r.status != Status::NotFound)
            qCWarning(lcAuth) << "keychain read failed:" << r.error;
        done(std::move(r));
    });
    job->start();
}

void KeychainSecretStore::write(const QString& key, const QByteArray& value, Callback done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setBinaryData(value);
    QObject::connect(job, &QKeychain::Job::finished, [done = std::move(done)](QKeychain::Job* j) {
        Result r = fromJob(j);
        if (!r.ok())
            qCWarning(lcAuth) << "keychain write failed:" << r.error;
        done(std::move(r));
    });
    job->start();
}

void KeychainSecretStore::remove(const QString& key, Callback done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, [done = std::move(done)](QKeychain::Job* j) {
        Result r = fromJob(j);
        if (r.status == Status::NotFound)
            r.status = Status::Ok; // already gone
        done(std::move(r));
    });
    job->start();
}

} // namespace WhaTrack
