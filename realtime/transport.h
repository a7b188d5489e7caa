#pragma once

//! \file transport.h
//! \brief The WebSocket under the client: one QWebSocket per connection attempt, tagged with a
//! generation id so that nothing from an abandoned socket can reach the client.

#include "realtime/error.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <optional>

class QWebSocket;

namespace Centrifuge {

class Transport : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl url;
        QList<QPair<QByteArray, QByteArray>> headers;
        std::optional<QSslConfiguration> sslConfiguration;
        std::chrono::milliseconds openTimeout {5000};
        //! Largest message and frame accepted; 0: Qt's default (2 GiB). A larger one closes the
        //! socket with 1009 and reason tooLargeReason() before its payload is read.
        qint64 maxIncomingMessageSize = 0;
    };

    explicit Transport(QObject* parent = nullptr);
    ~Transport() override;

    //! Drops any current socket silently and starts a new one. Returns its generation.
    quint64 open(const Config& config);
    //! Closes the current socket with \a code and forgets it: no signal of it is delivered after.
    void close(int code = 1000, const QString& reason = {});
    //! Sends one text frame. False if no socket is open.
    bool send(const QByteArray& frame);

    quint64 generation() const { return m_generation; }
    //! The `closed` reason when our own size limit refused a message (code 1009).
    static QString tooLargeReason();
    bool isOpen() const;

Q_SIGNALS:
    void opened(quint64 generation);
    void frameReceived(quint64 generation, const QByteArray& frame);
    //! The socket closed or could not open. \a code is the close frame's code (1006 if none).
    void closed(quint64 generation, int code, const QString& reason);
    //! Something worth an error event: TLS errors (never ignored), DNS, refused, timeout, a
    //! refused upgrade. The server's answer when it refused the WebSocket upgrade (404 wrong
    //! path, 502 Centrifugo down behind a proxy) is the error's code; the attempt then ends at
    //! once with `closed` (1006), no timeout error follows. The error's category says
    //! which (Tls with its TlsProblem, HttpStatus, Timeout, Network); its type is Transport.
    void errorOccurred(quint64 generation, const Centrifuge::Error& error);

private:
    void drop(int code, const QString& reason);

    QPointer<QWebSocket> m_socket;
    QTimer m_openTimer;
    quint64 m_generation = 0;
    bool m_reportedClose = false;
    bool m_reportedError = false;
};

//! The URL without query or fragment: safe for logs (tokens sometimes travel in queries).
QString redactedUrl(const QUrl& url);

//! The HTTP status in Qt's text for a refused WebSocket upgrade ("QWebSocketPrivate::
//! processHandshake: Unhandled http status code: 502 (Bad Gateway)."), 0 if it is not one. The
//! only place that reads the status out of text: everything else uses the error's code.
int refusedUpgradeStatus(const QString& qtErrorText);

//! What went wrong with TLS in words a user can act on, starting with "TLS: " (e.g. "TLS: the
//! server's certificate is not trusted (self-signed or unknown CA)"), followed by Qt's own
//! texts for the details. Several errors with the same cause are told once.
QString describeTlsErrors(const QList<QSslError>& errors);

} // namespace Centrifuge
