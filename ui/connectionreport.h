#pragma once

//! \file connectionreport.h
//! \brief The rows of the Connection details dialog and its redacted "Copy report" text.
//!
//! Pure functions of a ConnectionSnapshot, so the dialog and the clipboard report show the same
//! facts, and tests can check the redaction: no tokens, cookies, passwords or message bodies;
//! URLs without query strings or user info.

#include "ui/connectionsnapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace WhaTrack::Ui {

struct DetailRow
{
    QString label;
    QString value;
};

struct DetailSection
{
    QString title;
    QList<DetailRow> rows;
};

class ConnectionReport
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionReport)

public:
    //! Sections for the dialog. `nowMs` is the monitor's monotonic time, `wallNow` local time.
    static QList<DetailSection> sections(
        const ConnectionSnapshot& s, qint64 nowMs, const QDateTime& wallNow);
    //! Plain text for the clipboard: app version, OS, and every section.
    static QString text(const ConnectionSnapshot& s, qint64 nowMs, const QDateTime& wallNow);
    //! A URL safe to show and share: no user info, query or fragment.
    static QString safeUrl(const QUrl& url);
    //! "colon (org:ID:messages)" / "dot (org.ID.messages)" from the channel names in use.
    static QString channelNaming(const ConnectionSnapshot& s);
    static QString stateName(Centrifuge::Client::State state);
    static QString subscriptionStateName(Centrifuge::Subscription::State state);
    static QString freshnessName(const std::optional<WhaTrack::Freshness>& freshness);
    //! Blanks JWTs and `token=`/`password:`-style values in free text.
    static QString redact(QString text);
};

} // namespace WhaTrack::Ui
