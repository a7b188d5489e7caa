#pragma once

//! \file tinyhttpserver.h
//! \brief A minimal HTTP/1.1 server on 127.0.0.1 for token endpoints in tests: one request per
//! connection, answered by a handler.

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QUrl>

#include <functional>

class QTcpServer;

namespace TestSupport {

class TinyHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; //!< lower-case names
        QByteArray body;
    };
    struct Response
    {
        int status = 200;
        QByteArray body;
    };
    using Handler = std::function<Response(const Request&)>;

    explicit TinyHttpServer(Handler handler, QObject* parent = nullptr);
    QUrl url(const QString& path) const;
    QList<Request> requests;

private:
    QTcpServer* m_server;
    Handler m_handler;
};

} // namespace TestSupport
