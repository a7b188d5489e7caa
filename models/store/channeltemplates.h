#pragma once

//! \file channeltemplates.h
//! \brief Channel names per organization. `{org}` is replaced by the organization id.
//! Ticket era: `org:{org}:messages` / `org:{org}:tickets`; newer backends `org.{org}.messages`
//! (and no tickets channel: leave it empty).

#include <QString>

namespace WhaTrack {

struct ChannelTemplates
{
    QString messages = QStringLiteral("org:{org}:messages");
    QString tickets = QStringLiteral("org:{org}:tickets"); //!< empty: do not subscribe

    static ChannelTemplates colon() { return {}; }
    static ChannelTemplates dot()
    {
        return {QStringLiteral("org.{org}.messages"), QStringLiteral("org.{org}.tickets")};
    }
    QString messagesChannel(const QString& org) const { return expand(messages, org); }
    QString ticketsChannel(const QString& org) const { return expand(tickets, org); }
    static QString expand(QString pattern, const QString& org)
    {
        return pattern.replace(QStringLiteral("{org}"), org);
    }
};

} // namespace WhaTrack
