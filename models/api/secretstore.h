#pragma once

//! \file secretstore.h
//! \brief Where secrets (the session cookie) live: the OS keychain through QtKeychain, or memory
//! in tests. Never QSettings, never a plain file, never the SQLite cache.

#include <QHash>
#include <QString>

#include <functional>
#include <memory>

namespace WhaTrack {

class SecretStore
{
public:
    enum class Status {
        Ok,
        NotFound, //!< nothing stored under the key: "needs sign in"
        Unavailable, //!< no keychain backend (headless box): warn visibly, keep it in memory
        AccessDenied, //!< the user or the OS refused
        Error,
    };
    struct Result
    {
        Status status = Status::Error;
        QByteArray value; //!< set for a successful read
        QString error; //!< plain language, no secret in it
        bool ok() const { return status == Status::Ok; }
    };
    using Callback = std::function<void(Result)>;

    //! What the agent can do when the keychain cannot be used, for this OS, in plain words.
    static QString fixHint();

    virtual ~SecretStore() = default;
    //! The callback runs exactly once, on the caller's thread, never synchronously.
    virtual void read(const QString& key, Callback done) = 0;
    virtual void write(const QString& key, const QByteArray& value, Callback done) = 0;
    virtual void remove(const QString& key, Callback done) = 0;
};

//! For tests and for running without a keychain: forgets everything on exit.
class MemorySecretStore final : public SecretStore
{
public:
    void read(const QString& key, Callback done) override;
    void write(const QString& key, const QByteArray& value, Callback done) override;
    void remove(const QString& key, Callback done) override;
    //! Test hook: make every call fail with \a status (Ok restores normal behaviour).
    void setFailure(Status status) { m_failure = status; }
    bool contains(const QString& key) const { return m_values.contains(key); }

private:
    QHash<QString, QByteArray> m_values;
    Status m_failure = Status::Ok;
};

//! The OS keychain (libsecret/KWallet, Keychain, Credential Manager) through QtKeychain.
//! Insecure fallbacks stay off: without a backend, calls fail with `Unavailable`.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service);
    void read(const QString& key, Callback done) override;
    void write(const QString& key, const QByteArray& value, Callback done) override;
    void remove(const QString& key, Callback done) override;

private:
    QString m_service;
};

} // namespace WhaTrack
