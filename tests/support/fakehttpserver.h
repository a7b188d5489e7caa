#pragma once

//! \file fakehttpserver.h
//! \brief The one in-process HTTP/1.1 responder on 127.0.0.1 of the tests: REST edge cases and
//! token endpoints alike (any status and headers, delays, hanging, dropping the connection,
//! garbage bodies); keeps every request it was sent.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace WhaTrack::Testing {

struct HttpRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; //!< lower-case names
    QByteArray body;
};

struct HttpResponse
{
    enum class Action { Respond, Hang, Close };
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int delayMs = 0;
    Action action = Action::Respond;

    static HttpResponse json(int status, QByteArray body)
    {
        HttpResponse r;
        r.status = status;
        r.body = std::move(body);
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return r;
    }
    static HttpResponse hang()
    {
        HttpResponse r;
        r.action = Action::Hang;
        return r;
    }
    static HttpResponse close()
    {
        HttpResponse r;
        r.action = Action::Close;
        return r;
    }
};

class FakeHttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<HttpResponse(const HttpRequest&)>;

    explicit FakeHttpServer(QObject* parent = nullptr);
    ~FakeHttpServer() override;

    bool listen();
    QUrl baseUrl() const;
    //! baseUrl() with \a path, e.g. the token route handed to the CLI.
    QUrl url(const QString& path) const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    //! Routes by "METHOD /path" (no query); unmatched requests get a 404 JSON error.
    void route(const QByteArray& method, const QString& path, Handler handler);
    QList<HttpRequest> requests() const { return m_requests; }
    int requestCount(const QString& path = {}) const;
    void clearRequests() { m_requests.clear(); }

Q_SIGNALS:
    void requestReceived(const WhaTrack::Testing::HttpRequest& request);

private:
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const HttpRequest& request);

    QTcpServer m_server;
    Handler m_handler;
    QHash<QString, Handler> m_routes;
    QList<HttpRequest> m_requests;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

} // namespace WhaTrack::Testing
