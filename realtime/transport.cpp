#include "realtime/transport.h"

#include "realtime/logging.h"

#include <QCoreApplication>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslError>
#include <QWebSocket>

namespace Centrifuge {

QString redactedUrl(const QUrl& url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString();
}

namespace {

//! A socket error as the client reports it: Qt's text, with a plain-language lead for TLS
//! failures that come without certificate errors (a plain server behind a wss:// URL, no common
//! protocol version or cipher), and its category. \a httpStatus: a refused upgrade's status.
Error socketError(QAbstractSocket::SocketError error, const QString& qtText, int httpStatus = 0)
{
    Error e = Error::make(ErrorType::Transport, httpStatus, qtText);
    switch (error) {
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        e.category = ErrorCategory::Tls;
        e.tls = TlsProblem::Handshake;
        e.message = QStringLiteral("TLS: ") + tlsProblemText(TlsProblem::Handshake)
            + QStringLiteral(" [") + qtText + QLatin1Char(']');
        break;
    case QAbstractSocket::SocketTimeoutError:
        if (httpStatus == 0)
            e.category = ErrorCategory::Timeout;
        break;
    default:
        break;
    }
    return e;
}

//! Qt closes the socket itself with 1009 and one of these reasons when a frame or message is over
//! the limits we set (qwebsocketframe.cpp, qwebsocketdataprocessor.cpp); a server's own 1009
//! carries its own reason.
bool isQtSizeLimitReason(const QString& reason)
{
    static const char* const texts[][2] = {
        {"QWebSocketFrame", "Maximum framesize exceeded."},
        {"QWebSocketDataProcessor", "Received message is too big."},
    };
    for (const auto& [context, text] : texts) {
        if (reason == QLatin1String(text) || reason == QCoreApplication::translate(context, text))
            return true;
    }
    return false;
}

} // namespace

int refusedUpgradeStatus(const QString& qtErrorText)
{
    // Qt's source text (qwebsocket_p.cpp), which a translation keeps the number of.
    static const QRegularExpression status(
        QStringLiteral("status code:?\\s*(\\d{3})\\b"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = status.match(qtErrorText);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

QString Transport::tooLargeReason()
{
    return QStringLiteral("message over the client's size limit");
}

QString describeTlsErrors(const QList<QSslError>& errors)
{
    QStringList problems;
    QStringList details;
    for (const QSslError& error : errors) {
        const TlsProblem p = tlsProblemOf(error.error());
        const QString problem = tlsProblemText(p == TlsProblem::None ? TlsProblem::Other : p);
        if (!problems.contains(problem))
            problems << problem;
        if (!details.contains(error.errorString()))
            details << error.errorString();
    }
    if (problems.isEmpty())
        return QStringLiteral("TLS: the secure connection failed");
    return QStringLiteral("TLS: ") + problems.join(QStringLiteral("; ")) + QStringLiteral(" [")
        + details.join(QStringLiteral("; ")) + QLatin1Char(']');
}

Transport::Transport(QObject* parent)
    : QObject(parent)
    , m_openTimer(this)
{
    m_openTimer.setSingleShot(true);
    connect(&m_openTimer, &QTimer::timeout, this, [this] {
        if (!m_socket)
            return;
        const quint64 generation = m_generation;
        qCInfo(lcRealtime) << "WebSocket did not open in time";
        Q_EMIT errorOccurred(generation,
            Error {ErrorType::Transport, ErrorCategory::Timeout, 0,
                QStringLiteral("connection timed out"), TlsProblem::None});
        drop(QWebSocketProtocol::CloseCodeAbnormalDisconnection, {});
        if (generation == m_generation)
            Q_EMIT closed(generation, QWebSocketProtocol::CloseCodeAbnormalDisconnection,
                QStringLiteral("connection timed out"));
    });
}

Transport::~Transport()
{
    drop(QWebSocketProtocol::CloseCodeGoingAway, {});
}

quint64 Transport::open(const Config& config)
{
    drop(QWebSocketProtocol::CloseCodeNormal, {});
    const quint64 generation = ++m_generation;
    m_reportedClose = false;
    m_reportedError = false;

    auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    if (config.maxIncomingMessageSize > 0) {
        // The frame limit makes Qt refuse a frame by its header, before reading the payload;
        // the message limit covers a message split in many small frames.
        socket->setMaxAllowedIncomingFrameSize(quint64(config.maxIncomingMessageSize));
        socket->setMaxAllowedIncomingMessageSize(quint64(config.maxIncomingMessageSize));
    }
    if (config.sslConfiguration)
        socket->setSslConfiguration(*config.sslConfiguration);

    // Every slot checks the socket is still the current one: a dropped socket's late signals
    // (queued or emitted while closing) must never look like the new connection's.
    auto current
        = [this, socket, generation] { return m_socket == socket && m_generation == generation; };
    connect(socket, &QWebSocket::connected, this, [this, current, generation] {
        if (!current())
            return;
        m_openTimer.stop();
        Q_EMIT opened(generation);
    });
    connect(socket, &QWebSocket::textMessageReceived, this,
        [this, current, generation](const QString& message) {
            if (current())
                Q_EMIT frameReceived(generation, message.toUtf8());
        });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
        [this, current, generation](const QByteArray& message) {
            // JSON travels in text frames; a binary one from a JSON server is still JSON text.
            if (current())
                Q_EMIT frameReceived(generation, message);
        });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this, current, generation, socket](QAbstractSocket::SocketError error) {
            if (!current() || m_reportedError)
                return;
            m_reportedError = true;
            const QString qtText = socket->errorString();
            const int httpStatus = refusedUpgradeStatus(qtText);
            if (httpStatus == 0) {
                Q_EMIT errorOccurred(generation, socketError(error, qtText));
                return;
            }
            // The server answered the upgrade with an HTTP error (404 wrong path, 502 from a
            // proxy whose Centrifugo is down). Qt 6.4 leaves the TCP connection open (a proxy
            // keeps it alive), so without ending the attempt here it would wait for the open
            // timeout and report "connection timed out" as the latest cause.
            Q_EMIT errorOccurred(generation,
                Error::make(ErrorType::Transport, httpStatus,
                    QStringLiteral("WebSocket upgrade refused: HTTP %1 [%2]")
                        .arg(httpStatus)
                        .arg(qtText)));
            if (!current())
                return;
            m_reportedClose = true;
            drop(QWebSocketProtocol::CloseCodeAbnormalDisconnection, {});
            Q_EMIT closed(generation, QWebSocketProtocol::CloseCodeAbnormalDisconnection,
                QStringLiteral("WebSocket upgrade refused (HTTP %1)").arg(httpStatus));
        });
    connect(socket, &QWebSocket::sslErrors, this,
        [this, current, generation](const QList<QSslError>& errors) {
            // Deliberately never ignoreSslErrors(): a TLS problem fails the connection and is
            // reported, so a private CA must be configured, not bypassed.
            if (!current() || m_reportedError)
                return;
            // One error event per attempt: the handshake failure Qt reports next is this one.
            m_reportedError = true;
            Q_EMIT errorOccurred(generation,
                Error {ErrorType::Transport, ErrorCategory::Tls, 0, describeTlsErrors(errors),
                    mostTellingTlsProblem(errors)}); // the client logs it
        });
    connect(socket, &QWebSocket::disconnected, this, [this, current, generation, socket] {
        if (!current() || m_reportedClose)
            return;
        m_reportedClose = true;
        m_openTimer.stop();
        int code = socket->closeCode();
        QString reason = socket->closeReason();
        // No close frame at all (TCP reset, refused, TLS failure): Qt leaves 1000 with no reason
        // when it never got one; report it as an abnormal closure.
        if (code == QWebSocketProtocol::CloseCodeNormal && reason.isEmpty())
            code = QWebSocketProtocol::CloseCodeAbnormalDisconnection;
        if (code == QWebSocketProtocol::CloseCodeTooMuchData && isQtSizeLimitReason(reason))
            reason = tooLargeReason();
        // Qt may report the socket error after `disconnected` (refused, DNS): say it first.
        if (!m_reportedError && socket->error() != QAbstractSocket::UnknownSocketError
            && code == QWebSocketProtocol::CloseCodeAbnormalDisconnection) {
            m_reportedError = true;
            Q_EMIT errorOccurred(generation,
                socketError(socket->error(), socket->errorString(),
                    refusedUpgradeStatus(socket->errorString())));
            if (!current())
                return;
        }
        const auto finish = [this, socket, generation, code, reason] {
            m_socket.clear();
            socket->disconnect(this);
            socket->deleteLater();
            Q_EMIT closed(generation, code, reason);
        };
        // With TLS (wss://) Qt 6.4 emits `disconnected` before the socket error of a failed
        // connect (host not found...): close on the next turn so that error is reported first
        // and the agent reads "server name not found", not a bare 1006.
        if (!m_reportedError && code == QWebSocketProtocol::CloseCodeAbnormalDisconnection) {
            QMetaObject::invokeMethod(
                this,
                [current, finish] {
                    if (current())
                        finish();
                },
                Qt::QueuedConnection);
            return;
        }
        finish();
    });

    QNetworkRequest request(config.url);
    for (const auto& [name, value] : config.headers)
        request.setRawHeader(name, value);
    qCInfo(lcRealtime) << "opening WebSocket" << redactedUrl(config.url) << "generation"
                       << generation;
    m_openTimer.start(config.openTimeout);
    socket->open(request);
    return generation;
}

void Transport::close(int code, const QString& reason)
{
    drop(code, reason);
}

void Transport::drop(int code, const QString& reason)
{
    m_openTimer.stop();
    QWebSocket* socket = m_socket.data();
    m_socket.clear();
    if (!socket)
        return;
    socket->disconnect(this);
    if (socket->state() == QAbstractSocket::ConnectedState)
        socket->close(QWebSocketProtocol::CloseCode(code), reason);
    else
        socket->abort();
    socket->deleteLater();
}

bool Transport::send(const QByteArray& frame)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    const qint64 written = m_socket->sendTextMessage(QString::fromUtf8(frame));
    return written >= 0;
}

bool Transport::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

} // namespace Centrifuge
