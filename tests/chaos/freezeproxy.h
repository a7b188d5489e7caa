#pragma once

//! \file freezeproxy.h
//! \brief A loopback TCP proxy that can stop forwarding on its open connections without closing
//! them: the half-open link of a dead Wi-Fi, a NAT that dropped the flow or a frozen server.
//! Neither side sees a FIN or RST; bytes are simply no longer delivered. Connections opened
//! after freezeOpenConnections() are forwarded normally (the way back).

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace Chaos {

class FreezeProxy : public QObject
{
    Q_OBJECT

public:
    FreezeProxy(QHostAddress targetHost, quint16 targetPort, QObject* parent = nullptr);
    ~FreezeProxy() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    //! Every connection open now stops forwarding (both directions) and stays open.
    void freezeOpenConnections();
    int connectionsAccepted() const { return m_accepted; }

private:
    struct Pair
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
        bool frozen = false;
    };
    void accept();
    void forward(Pair* pair, QTcpSocket* from, QTcpSocket* to);
    void close(Pair* pair);

    QTcpServer m_server;
    QHostAddress m_targetHost;
    quint16 m_targetPort;
    QList<Pair*> m_pairs;
    int m_accepted = 0;
};

} // namespace Chaos
