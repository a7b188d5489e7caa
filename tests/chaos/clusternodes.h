#pragma once

//! \file clusternodes.h
//! \brief The Centrifugo nodes of a `devstack/up --cluster N` run (stack.json's
//! `centrifugo_nodes`): which node holds a client's WebSocket, and a crash (SIGKILL) of one
//! node that can be undone with the same command line.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Chaos {

struct ClusterNode
{
    QString name;
    qint64 pid = 0;
    int port = 0;
    QUrl metricsUrl;
    QUrl healthUrl() const;
};

QList<ClusterNode> clusterNodes(const QJsonObject& stack);

//! Open WebSocket connections as the node itself counts them: its Prometheus gauge
//! `centrifugo_client_connections_inflight{transport="websocket"}`, which changes at connect
//! and close (the `info` API's num_clients is only refreshed every few seconds). Through nginx
//! every client is one upstream connection, so with one client under test the node showing 1
//! is the node it is on. -1 when the node does not answer.
int webSocketClients(const ClusterNode& node);

//! Index of the only node holding WebSocket connections; -1 when none or several do.
int nodeHoldingClients(const QList<ClusterNode>& nodes);

//! True when GET url answers 2xx within \a timeoutMs.
bool httpOk(const QUrl& url, int timeoutMs = 2000);

//! A node crash: kill() remembers how the node was started (/proc) and SIGKILLs it, as a
//! machine losing power would; restart() starts the same command line again. A node still
//! running from restart() is killed with this object (devstack/down would find it too: it
//! carries the run's marker in its environment).
class NodeCrash
{
public:
    NodeCrash() = default;
    ~NodeCrash();
    NodeCrash(const NodeCrash&) = delete;
    NodeCrash& operator=(const NodeCrash&) = delete;

    bool kill(const ClusterNode& node, QString* error);
    //! Starts the killed node again (output appended to \a logFile) and waits for its /health.
    bool restart(const QString& logFile, QString* error);
    qint64 restartedPid() const { return m_restartedPid; }

private:
    ClusterNode m_node;
    QStringList m_argv;
    QStringList m_environment;
    QString m_cwd;
    qint64 m_restartedPid = 0;
};

} // namespace Chaos
