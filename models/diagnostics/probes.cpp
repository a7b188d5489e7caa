#include "models/diagnostics/probes.h"

#include "models/diagnostics/causeadapters.h"
#include "models/logging.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTimer>

namespace WhaTrack::Diagnostics {

namespace {

bool isSecure(const QUrl& url)
{
    return url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("wss");
}

int defaultPort(const QUrl& url)
{
    return url.port(isSecure(url) ? 443 : 80);
}

QString names(const QStringList& values)
{
    return values.join(QStringLiteral(", "));
}

//! One probe: a socket, a deadline, and the callback called once. Parented to the context so a
//! destroyed context takes the probe (and its callback) with it.
class Probe : public QObject
{
public:
    Probe(QObject* context, Where where, const QUrl& url, const QSslConfiguration& ssl,
        std::chrono::milliseconds timeout, ProbeCallback done)
        : QObject(context)
        , m_where(where)
        , m_url(url)
        , m_ssl(ssl)
        , m_done(std::move(done))
    {
        m_result.facts.insert(QStringLiteral("host"), url.host());
        m_result.facts.insert(QStringLiteral("port"), defaultPort(url));
        m_deadline.setSingleShot(true);
        m_deadline.setInterval(timeout);
        connect(&m_deadline, &QTimer::timeout, this, [this] {
            finish(Failure::make(m_where, Kind::Timeout, 0,
                QStringLiteral("no answer within %1 ms").arg(m_deadline.interval())));
        });
        m_clock.start();
    }

    //! DNS, then connect (TCP, TLS); onReady runs once the socket is usable.
    void open(std::function<void()> onReady)
    {
        m_onReady = std::move(onReady);
        m_deadline.start();
        const QString host = m_url.host();
        if (host.isEmpty()) {
            finish(Failure::make(m_where, Kind::DnsFailure, 0, QStringLiteral("no host in URL")));
            return;
        }
        QHostInfo::lookupHost(host, this, [this](const QHostInfo& info) { resolved(info); });
    }

    void finish(Failure failure)
    {
        if (!m_done)
            return;
        m_deadline.stop();
        if (failure.subject.isEmpty())
            failure.subject = m_url.host();
        m_result.failure = std::move(failure);
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
        }
        auto done = std::move(m_done);
        m_done = nullptr;
        done(m_result);
        deleteLater();
    }

    QSslSocket* socket() const { return m_socket; }
    ProbeResult& result() { return m_result; }
    Where where() const { return m_where; }
    qint64 elapsed() const { return m_clock.elapsed(); }

private:
    void resolved(const QHostInfo& info)
    {
        m_result.facts.insert(QStringLiteral("dnsMs"), m_clock.elapsed());
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            finish(Failure::make(m_where, Kind::DnsFailure, 0, info.errorString()));
            return;
        }
        QStringList addresses;
        for (const QHostAddress& a : info.addresses())
            addresses << a.toString();
        m_result.facts.insert(QStringLiteral("addresses"), names(addresses));
        m_tcpStart = m_clock.elapsed();
        m_socket = new QSslSocket(this);
        connect(m_socket, &QSslSocket::connected, this, [this] {
            m_result.facts.insert(QStringLiteral("tcpMs"), m_clock.elapsed() - m_tcpStart);
            if (m_socket->peerAddress().isNull() == false)
                m_result.facts.insert(
                    QStringLiteral("connectedTo"), m_socket->peerAddress().toString());
            if (!isSecure(m_url))
                ready();
        });
        connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
            // Never ignored: a TLS problem is the answer of this probe.
            m_tlsFailure = fromSslErrors(m_where, errors);
            m_result.facts.insert(QStringLiteral("certificateProblems"), m_tlsFailure.detail);
            m_result.facts.insert(certificateFacts(m_socket->peerCertificate()));
        });
        connect(m_socket, &QSslSocket::encrypted, this, [this] {
            m_result.facts.insert(QStringLiteral("tlsMs"), m_clock.elapsed() - m_tcpStart);
            m_result.facts.insert(QStringLiteral("tlsProtocol"),
                m_socket->sessionProtocol() == QSsl::TlsV1_3       ? QStringLiteral("TLS 1.3")
                    : m_socket->sessionProtocol() == QSsl::TlsV1_2 ? QStringLiteral("TLS 1.2")
                                                                   : QStringLiteral("TLS"));
            m_result.facts.insert(certificateFacts(m_socket->peerCertificate()));
            ready();
        });
        connect(
            m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
                if (!m_tlsFailure.isNone()) {
                    finish(m_tlsFailure);
                    return;
                }
                if (m_ready && error == QAbstractSocket::RemoteHostClosedError) {
                    // Let the caller read what arrived before the close, then conclude.
                    QTimer::singleShot(0, this, [this] {
                        finish(Failure::make(m_where, Kind::ConnectionClosed, 0,
                            QStringLiteral("closed before a complete answer")));
                    });
                    return;
                }
                finish(fromSocketError(m_where, error, m_socket->errorString()));
            });
        if (isSecure(m_url)) {
            m_socket->setSslConfiguration(m_ssl);
            m_socket->setPeerVerifyName(m_url.host());
            m_socket->connectToHostEncrypted(m_url.host(), quint16(defaultPort(m_url)));
        } else {
            m_socket->connectToHost(m_url.host(), quint16(defaultPort(m_url)));
        }
    }

    void ready()
    {
        m_ready = true;
        if (m_onReady)
            m_onReady();
    }

    Where m_where;
    QUrl m_url;
    QSslConfiguration m_ssl;
    ProbeCallback m_done;
    ProbeResult m_result;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    qint64 m_tcpStart = 0;
    QPointer<QSslSocket> m_socket;
    Failure m_tlsFailure;
    std::function<void()> m_onReady;
    bool m_ready = false;
};

QString certificateName(const QSslCertificate& c, bool issuer)
{
    const auto cn = issuer ? c.issuerInfo(QSslCertificate::CommonName)
                           : c.subjectInfo(QSslCertificate::CommonName);
    const auto org = issuer ? c.issuerInfo(QSslCertificate::Organization)
                            : c.subjectInfo(QSslCertificate::Organization);
    QStringList parts;
    if (!cn.isEmpty())
        parts << QStringLiteral("CN=") + names(cn);
    if (!org.isEmpty())
        parts << QStringLiteral("O=") + names(org);
    return parts.join(QStringLiteral(", "));
}

//! A masked client text frame (RFC 6455 §5.2); payloads here are small.
QByteArray textFrame(const QByteArray& payload)
{
    QByteArray frame;
    frame.append(char(0x81));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char((payload.size() >> 8) & 0xff));
        frame.append(char(payload.size() & 0xff));
    }
    const quint32 mask = QRandomGenerator::global()->generate();
    const char key[4] = {char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask)};
    frame.append(key, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ key[i % 4]));
    return frame;
}

//! The payload of the first complete unmasked server frame in \a buffer, or nullopt.
std::optional<QByteArray> firstServerFrame(const QByteArray& buffer)
{
    if (buffer.size() < 2)
        return std::nullopt;
    qint64 length = quint8(buffer.at(1)) & 0x7f;
    qsizetype offset = 2;
    if (length == 126) {
        if (buffer.size() < 4)
            return std::nullopt;
        length = (quint8(buffer.at(2)) << 8) | quint8(buffer.at(3));
        offset = 4;
    } else if (length == 127) {
        return QByteArray(); // far larger than a connect reply: not read
    }
    if (buffer.size() < offset + length)
        return std::nullopt;
    return buffer.mid(offset, length);
}

} // namespace

QDateTime parseHttpDate(const QByteArray& value)
{
    // Qt's RFC 2822 parser wants a numeric zone; HTTP dates always say GMT (RFC 9110 §5.6.7).
    QString text = QString::fromLatin1(value).trimmed();
    if (text.endsWith(QLatin1String(" GMT")))
        text = text.chopped(4) + QStringLiteral(" +0000");
    return QDateTime::fromString(text, Qt::RFC2822Date);
}

QVariantMap certificateFacts(const QSslCertificate& certificate)
{
    if (certificate.isNull())
        return {};
    const QDateTime expires = certificate.expiryDate().toUTC();
    return {
        {QStringLiteral("certificateSubject"), certificateName(certificate, false)},
        {QStringLiteral("certificateIssuer"), certificateName(certificate, true)},
        {QStringLiteral("certificateExpires"), expires.toString(Qt::ISODate)},
        {QStringLiteral("certificateDaysLeft"), QDateTime::currentDateTimeUtc().daysTo(expires)},
    };
}

void probeHost(QObject* context, Where where, const QUrl& url, const QSslConfiguration& ssl,
    std::chrono::milliseconds timeout, ProbeCallback done)
{
    auto* probe = new Probe(context, where, url, ssl, timeout, std::move(done));
    probe->open([probe] { probe->finish({}); });
}

void probeWebSocketUpgrade(QObject* context, const QUrl& url, const QSslConfiguration& ssl,
    const QString& token, std::chrono::milliseconds timeout, ProbeCallback done)
{
    auto* probe = new Probe(context, Where::WebSocket, url, ssl, timeout, std::move(done));
    struct State
    {
        QByteArray buffer;
        QByteArray key;
        bool upgraded = false;
    };
    auto state = std::make_shared<State>();
    QByteArray nonce(16, Qt::Uninitialized);
    for (char& c : nonce)
        c = char(QRandomGenerator::global()->bounded(256));
    state->key = nonce.toBase64();
    probe->open([probe, state, url, token] {
        QSslSocket* socket = probe->socket();
        QObject::connect(socket, &QSslSocket::readyRead, probe, [probe, state, socket, token] {
            state->buffer += socket->readAll();
            if (!state->upgraded) {
                const qsizetype end = state->buffer.indexOf("\r\n\r\n");
                if (end < 0) {
                    if (state->buffer.size() > 64 * 1024)
                        probe->finish(Failure::make(Where::WebSocket, Kind::DecodeError, 0,
                            QStringLiteral("no end of HTTP headers in 64 KiB")));
                    return;
                }
                const QList<QByteArray> lines = state->buffer.left(end).split('\n');
                state->buffer.remove(0, end + 4);
                const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
                bool ok = false;
                const int code = status.value(1).toInt(&ok);
                if (!status.value(0).startsWith("HTTP/") || !ok) {
                    probe->finish(Failure::make(Where::WebSocket, Kind::DecodeError, 0,
                        QStringLiteral("not an HTTP answer")));
                    return;
                }
                QByteArray accept;
                for (const QByteArray& line : lines.mid(1)) {
                    const qsizetype colon = line.indexOf(':');
                    const QByteArray name = line.left(colon).trimmed().toLower();
                    const QByteArray value = line.mid(colon + 1).trimmed();
                    if (name == "sec-websocket-accept")
                        accept = value;
                    else if (name == "server")
                        probe->result().facts.insert(
                            QStringLiteral("server"), QString::fromLatin1(value).left(80));
                    else if (name == "date")
                        probe->result().serverDate = parseHttpDate(value);
                }
                probe->result().facts.insert(QStringLiteral("httpStatus"), code);
                if (code != 101) {
                    probe->finish(Failure::make(Where::WebSocket, Kind::HttpStatus, code,
                        QString::fromLatin1(lines.value(0).trimmed()).left(120)));
                    return;
                }
                const QByteArray expected = QCryptographicHash::hash(
                    QByteArray(state->key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                    QCryptographicHash::Sha1)
                                                .toBase64();
                if (accept != expected) {
                    probe->finish(Failure::make(Where::WebSocket, Kind::DecodeError, 101,
                        QStringLiteral("wrong Sec-WebSocket-Accept")));
                    return;
                }
                state->upgraded = true;
                if (token.isEmpty()) {
                    probe->finish({});
                    return;
                }
                const QJsonObject connect {{QStringLiteral("token"), token},
                    {QStringLiteral("name"), QStringLiteral("inbox-diagnose")}};
                const QJsonObject command {
                    {QStringLiteral("id"), 1}, {QStringLiteral("connect"), connect}};
                socket->write(textFrame(QJsonDocument(command).toJson(QJsonDocument::Compact)));
            }
            const std::optional<QByteArray> frame = firstServerFrame(state->buffer);
            if (!frame)
                return;
            // Several replies may share a frame, one JSON object per line.
            const QJsonObject reply = QJsonDocument::fromJson(frame->split('\n').value(0)).object();
            const QJsonObject result = reply.value(QStringLiteral("connect")).toObject();
            if (!result.isEmpty()) {
                probe->result().facts.insert(QStringLiteral("pingIntervalSeconds"),
                    result.value(QStringLiteral("ping")).toInt());
                probe->result().facts.insert(QStringLiteral("serverVersion"),
                    result.value(QStringLiteral("version")).toString().left(40));
            }
            socket->write(QByteArray::fromHex("8882") + QByteArray(4, '\0')
                + QByteArray::fromHex("03e8")); // close 1000, zero mask
            socket->flush();
            probe->finish({});
        });
        QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
        if (path.isEmpty())
            path = "/";
        if (url.hasQuery())
            path += '?' + url.query(QUrl::FullyEncoded).toUtf8();
        QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
        if (url.port() > 0)
            host += ':' + QByteArray::number(url.port());
        const QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: " + host
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + state->key
            + "\r\nSec-WebSocket-Version: 13\r\nUser-Agent: whatrack-inbox-diagnose\r\n\r\n";
        socket->write(request);
    });
}

} // namespace WhaTrack::Diagnostics
