#include "tests/support/fakehttpserver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace WhaTrack::Testing {

FakeHttpServer::FakeHttpServer(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

FakeHttpServer::~FakeHttpServer()
{
    // Sockets are children of the server member, destroyed after our hashes: detach first.
    const auto sockets = m_server.findChildren<QTcpSocket*>();
    for (QTcpSocket* s : sockets) {
        s->disconnect(this);
        delete s;
    }
}

bool FakeHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    return url;
}

QUrl FakeHttpServer::url(const QString& path) const
{
    QUrl withPath = baseUrl();
    withPath.setPath(path);
    return withPath;
}

void FakeHttpServer::route(const QByteArray& method, const QString& path, Handler handler)
{
    m_routes.insert(QString::fromLatin1(method) + QLatin1Char(' ') + path, std::move(handler));
}

int FakeHttpServer::requestCount(const QString& path) const
{
    if (path.isEmpty())
        return static_cast<int>(m_requests.size());
    return static_cast<int>(std::count_if(m_requests.begin(), m_requests.end(),
        [&](const HttpRequest& r) { return r.path == path; }));
}

void FakeHttpServer::onReadyRead(QTcpSocket* socket)
{
    QByteArray& buf = m_buffers[socket];
    buf += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buf.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buf.left(headerEnd).split('\n');
        HttpRequest req;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        req.method = first.value(0);
        const QUrl target(QString::fromLatin1(first.value(1)));
        req.path = target.path();
        req.query = QUrlQuery(target.query());
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                req.headers.insert(
                    line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qsizetype length = req.headers.value("content-length", "0").toLongLong();
        if (buf.size() < headerEnd + 4 + length)
            return;
        req.body = buf.mid(headerEnd + 4, length);
        buf.remove(0, headerEnd + 4 + length);
        m_requests.append(req);
        Q_EMIT requestReceived(req);
        respond(socket, req);
    }
}

void FakeHttpServer::respond(QTcpSocket* socket, const HttpRequest& req)
{
    HttpResponse resp;
    const auto route
        = m_routes.constFind(QString::fromLatin1(req.method) + QLatin1Char(' ') + req.path);
    if (route != m_routes.constEnd())
        resp = (*route)(req);
    else if (m_handler)
        resp = m_handler(req);
    else
        resp = HttpResponse::json(404, R"({"error":"Not found"})");

    QPointer<QTcpSocket> guard(socket);
    auto send = [guard, resp] {
        if (!guard)
            return;
        if (resp.action == HttpResponse::Action::Hang)
            return;
        if (resp.action == HttpResponse::Action::Close) {
            guard->abort();
            return;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(resp.status) + " X\r\n";
        for (const auto& h : resp.headers)
            out += h.first + ": " + h.second + "\r\n";
        out += "Content-Length: " + QByteArray::number(resp.body.size()) + "\r\n";
        out += "Connection: keep-alive\r\n\r\n";
        out += resp.body;
        guard->write(out);
    };
    if (resp.delayMs > 0)
        QTimer::singleShot(resp.delayMs, this, send);
    else
        send();
}

} // namespace WhaTrack::Testing
