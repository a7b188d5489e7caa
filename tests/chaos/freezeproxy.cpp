#include "tests/chaos/freezeproxy.h"

namespace Chaos {

FreezeProxy::FreezeProxy(QHostAddress targetHost, quint16 targetPort, QObject* parent)
    : QObject(parent)
    , m_targetHost(std::move(targetHost))
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FreezeProxy::accept);
}

FreezeProxy::~FreezeProxy()
{
    for (Pair* pair : std::as_const(m_pairs)) {
        delete pair->client.data();
        delete pair->upstream.data();
        delete pair;
    }
}

bool FreezeProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FreezeProxy::freezeOpenConnections()
{
    for (Pair* pair : std::as_const(m_pairs))
        pair->frozen = true;
}

void FreezeProxy::accept()
{
    while (QTcpSocket* client = m_server.nextPendingConnection()) {
        ++m_accepted;
        auto* pair = new Pair;
        pair->client = client;
        pair->upstream = new QTcpSocket(this);
        m_pairs << pair;
        QTcpSocket* upstream = pair->upstream;
        connect(client, &QTcpSocket::readyRead, this,
            [this, pair, client, upstream] { forward(pair, client, upstream); });
        connect(upstream, &QTcpSocket::readyRead, this,
            [this, pair, client, upstream] { forward(pair, upstream, client); });
        connect(upstream, &QTcpSocket::connected, this,
            [this, pair, client, upstream] { forward(pair, client, upstream); });
        connect(client, &QTcpSocket::disconnected, this, [this, pair] { close(pair); });
        connect(upstream, &QTcpSocket::disconnected, this, [this, pair] { close(pair); });
        connect(upstream, &QTcpSocket::errorOccurred, this, [this, pair] { close(pair); });
        upstream->connectToHost(m_targetHost, m_targetPort);
    }
}

void FreezeProxy::forward(Pair* pair, QTcpSocket* from, QTcpSocket* to)
{
    if (!from || !to || to->state() != QAbstractSocket::ConnectedState)
        return;
    // Frozen: read and drop, so neither kernel buffer fills up and nothing is ever closed.
    const QByteArray bytes = from->readAll();
    if (!pair->frozen)
        to->write(bytes);
}

void FreezeProxy::close(Pair* pair)
{
    if (pair->frozen)
        return; // a frozen link never tells either side anything
    if (pair->client)
        pair->client->disconnectFromHost();
    if (pair->upstream)
        pair->upstream->disconnectFromHost();
}

} // namespace Chaos
