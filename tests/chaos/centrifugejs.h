#pragma once

//! \file centrifugejs.h
//! \brief centrifuge-js (the official JavaScript SDK, on Node) as a second subscriber beside
//! this client, for the side-by-side column of docs/reliability.md. The receiver is
//! bench/realtime/js-receiver/chaos-receiver.mjs; the SDK is installed (pinned by
//! bench/realtime/js-receiver/package-lock.json) by scripts/bootstrap into
//! ~/.cache/whatrack-inbox/tools/centrifuge-js, or INBOX_CENTRIFUGE_JS names the directory.
//! Where Node or the SDK is missing the js column is skipped with the reason, never failed:
//! centrifuge-js is the reference, not the product under test.

#include "tests/chaos/clilistener.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QString>
#include <QUrl>

namespace Chaos {

class CentrifugeJs
{
public:
    //! Finds node, the receiver script and the installed SDK.
    static CentrifugeJs locate()
    {
        CentrifugeJs js;
        js.m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        js.m_script = QStringLiteral(INBOX_SOURCE_DIR)
            + QStringLiteral("/bench/realtime/js-receiver/chaos-receiver.mjs");
        js.m_modules = qEnvironmentVariable("INBOX_CENTRIFUGE_JS",
            QDir::homePath() + QStringLiteral("/.cache/whatrack-inbox/tools/centrifuge-js"));
        if (js.m_node.isEmpty()) {
            js.m_skipReason = QStringLiteral("centrifuge-js column skipped: 'node' is not on PATH "
                                             "(scripts/bootstrap installs Debian's nodejs)");
        } else if (!QFileInfo::exists(
                       js.m_modules + QStringLiteral("/node_modules/centrifuge/package.json"))) {
            js.m_skipReason = QStringLiteral("centrifuge-js column skipped: the SDK is not "
                                             "installed in %1 (run scripts/bootstrap, or "
                                             "bench/realtime/js-receiver/install DIR and set "
                                             "INBOX_CENTRIFUGE_JS=DIR)")
                                  .arg(QDir::toNativeSeparators(js.m_modules));
        }
        return js;
    }

    bool available() const { return m_skipReason.isEmpty(); }
    QString skipReason() const { return m_skipReason; }

    //! Starts the receiver on \a listener: subscribes to \a channel at \a url with \a token
    //! (passed in the environment, never on the command line). \a caFile: a CA for wss.
    void start(CliListener& listener, const QUrl& url, const QString& channel, const QString& token,
        const QString& caFile = {}, int maxServerPingDelayMs = 0) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CHAOS_TOKEN"), token);
        env.insert(QStringLiteral("CENTRIFUGE_JS_MODULES"), m_modules);
        if (!caFile.isEmpty())
            env.insert(QStringLiteral("NODE_EXTRA_CA_CERTS"), caFile);
        QStringList args {m_script, QStringLiteral("--url"), url.toString(),
            QStringLiteral("--channel"), channel};
        if (maxServerPingDelayMs > 0)
            args << QStringLiteral("--max-ping-delay") << QString::number(maxServerPingDelayMs);
        listener.startProgram(m_node, args, env);
    }

private:
    QString m_node;
    QString m_script;
    QString m_modules;
    QString m_skipReason;
};

} // namespace Chaos
