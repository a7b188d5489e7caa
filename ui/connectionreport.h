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
    //! text() followed by the steps of the last diagnostics run (\a diagnosticsReport, the
    //! engine's text report; empty when none ran), all redacted.
    static QString fullText(const ConnectionSnapshot& s, qint64 nowMs, const QDateTime& wallNow,
        const QString& diagnosticsReport);
    //! The retry schedule in words: "Retrying in 7 s, attempt 4", "Attempt 4 is running now",
    //! "Not needed: connected", "None: ..." after a terminal disconnect.
    static QString retryText(const ConnectionSnapshot& s, qint64 nowMs);
    //! The last errors (most recent first) with their times, each in the table's words.
    static DetailSection errorSection(const ConnectionSnapshot& s, const QDateTime& wallNow);
    //! The table's words for what is wrong right now (empty when nothing is): the newest error
    //! while not online.
    static WhaTrack::Diagnostics::Cause currentProblem(const ConnectionSnapshot& s, qint64 nowMs);
    //! "title: cause What to do: action" for a row value (two lines).
    static QString causeText(const WhaTrack::Diagnostics::Cause& cause);
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
