#pragma once

//! \file error.h
//! \brief A realtime error as a value the application can switch on: its ErrorType (which
//! operation failed), its category (network, TLS, HTTP status, protocol, server code...) and,
//! for TLS, the most telling certificate problem.
//!
//! Why: the category is known where the error happens (the transport sees QSslError values,
//! the codec sees a bad frame); reading it back out of the message text later is fragile
//! (translations, Qt wording changes). The TLS grouping lives here once; models/diagnostics
//! maps a TlsProblem to its words for the agent. ErrorCategory and TlsProblem are declared
//! in codes.h, beside ErrorType (one Q_NAMESPACE per namespace for moc).

#include "realtime/codes.h"

#include <QList>
#include <QMetaType>
#include <QSslError>
#include <QString>

namespace Centrifuge {

struct Error
{
    ErrorType type = ErrorType::Transport;
    ErrorCategory category = ErrorCategory::Network;
    //! The HTTP status (HttpStatus), the Centrifugo code (ServerCode), else as the SDKs give it.
    int code = 0;
    QString message;
    TlsProblem tls = TlsProblem::None; //!< set when category is Tls

    //! An error whose category follows from its type and code alone (every type but
    //! Transport, whose category the transport knows).
    static Error make(ErrorType type, int code, const QString& message);
};

//! The category of an error of \a type with \a code. Transport errors: HttpStatus with a
//! status code, else Network (the transport itself says Tls or Timeout).
ErrorCategory errorCategoryOf(ErrorType type, int code);

//! The one grouping of Qt's certificate errors.
TlsProblem tlsProblemOf(QSslError::SslError error);
//! The most telling problem of a list: wrong host first (adding a CA would not help), then
//! expired, not yet valid, untrusted, the others. Empty list: Handshake.
TlsProblem mostTellingTlsProblem(const QList<QSslError>& errors);
//! Plain words for the log and the error's message ("the server's certificate has expired").
QString tlsProblemText(TlsProblem problem);

} // namespace Centrifuge

Q_DECLARE_METATYPE(Centrifuge::Error)
