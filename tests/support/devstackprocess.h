#pragma once

//! \file devstackprocess.h
//! \brief Starts the local stack (devstack/up) for one test executable and always stops it
//! (devstack/down), including when the test crashes: a detached reaper runs down once this
//! process is gone. Ports, URLs and credentials come from `<run-dir>/stack.json`.

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace WhaTrack {
class Session;
}

namespace WhaTrack::Testing {

class DevstackProcess
{
public:
    struct Options
    {
        QString profile = QStringLiteral("whatrack");
        QString engine = QStringLiteral("memory");
        QString channelStyle; //!< colon | dot; default of the script when empty
        int tokenTtl = -1;
        QStringList extraArgs;
        int timeoutMs = 180000;
    };

    explicit DevstackProcess(Options options);
    DevstackProcess();
    ~DevstackProcess();
    DevstackProcess(const DevstackProcess&) = delete;
    DevstackProcess& operator=(const DevstackProcess&) = delete;

    //! Runs devstack/up and reads stack.json. On failure \a error says why (with the log tail).
    bool start(QString* error);
    //! Runs devstack/down (idempotent).
    void stop();
    bool isRunning() const { return m_running; }

    QString runDir() const;
    QJsonObject stack() const { return m_stack; }
    QUrl backendUrl() const;
    QUrl httpsUrl() const;
    QUrl centrifugoWsUrl() const;
    QUrl centrifugoApiUrl() const;
    QString centrifugoApiKey() const;
    QString caCertPath() const;
    QString messagesChannelTemplate() const;
    QString ticketsChannelTemplate() const;
    QString webhookSecret() const;
    QString demoEmail() const;
    QString demoPassword() const;
    QString firstOrganizationId() const;
    //! The WhatsApp number (phone_number_id) of \a organizationId's first instance as stack.json
    //! lists it; the seed's fixed first number when it lists none.
    QString phoneNumberIdOf(const QString& organizationId) const;
    //! Signs \a session in as the demo agent and makes \a organizationId current, as the app
    //! does after its sign-in dialog. False if the backend did not say yes in \a timeoutMs.
    bool signInDemo(Session& session, const QString& organizationId, int timeoutMs = 15000) const;
    qint64 pid(const QString& server) const;

    //! Stops one server (SIGTERM, then SIGKILL), remembering how it was started.
    bool stopServer(const QString& server, QString* error);
    //! Starts a server stopped by stopServer() again with the same command line, environment and
    //! working directory (a Centrifugo restart with the memory engine loses all its state).
    bool startServer(const QString& server, QString* error);
    bool restartServer(const QString& server, QString* error)
    {
        return stopServer(server, error) && startServer(server, error);
    }
    //! The last lines of a server log, for failure messages.
    QString logTail(const QString& server, int lines = 30) const;

private:
    bool readStack(QString* error);
    void startReaper();

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    QJsonObject m_stack;
    struct Launch
    {
        QStringList argv;
        QStringList environment;
        QString cwd;
    };
    QHash<QString, Launch> m_stopped;
    QHash<QString, qint64> m_restartedPids;
    bool m_running = false;
};

//! The repository root (from INBOX_SOURCE_DIR).
QString sourceDir();

} // namespace WhaTrack::Testing
