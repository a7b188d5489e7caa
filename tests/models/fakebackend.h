#pragma once

//! \file fakebackend.h
//! \brief An in-memory WhaTrack backend on FakeHttpServer for the store tests: chats,
//! messages by chat, conversation tickets, stages, PATCH of a ticket; counts every route.

#include "tests/support/fakehttpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

namespace WhaTrack::Testing {

class FakeBackend
{
public:
    FakeBackend()
    {
        m_server.setHandler([this](const HttpRequest& r) { return handle(r); });
    }
    bool listen() { return m_server.listen(); }
    QUrl url() const { return m_server.baseUrl(); }
    FakeHttpServer& server() { return m_server; }

    static QString iso(qint64 secondsAfterT0)
    {
        return QDateTime(QDate(2026, 5, 18), QTime(10, 0), QTimeZone::utc())
            .addSecs(secondsAfterT0)
            .toString(Qt::ISODateWithMs);
    }

    //! Adds an inbound (or outbound) message to a chat and moves the chat's activity.
    QJsonObject addMessage(const QString& chatId, const QString& id, qint64 at, bool inbound = true,
        const QString& conversationId = {})
    {
        QJsonObject m {{QStringLiteral("id"), id},
            {QStringLiteral("wamid"), QString(QStringLiteral("wamid.") + id)},
            {QStringLiteral("leadId"), QString(QStringLiteral("lead-") + chatId)},
            {QStringLiteral("conversationId"), conversationId.isEmpty() ? chatId : conversationId},
            {QStringLiteral("direction"),
                inbound ? QStringLiteral("INBOUND") : QStringLiteral("OUTBOUND")},
            {QStringLiteral("type"), QStringLiteral("text")},
            {QStringLiteral("body"), QString(QStringLiteral("text of ") + id)},
            {QStringLiteral("status"),
                inbound ? QStringLiteral("delivered") : QStringLiteral("sent")},
            {QStringLiteral("timestamp"), iso(at)}, {QStringLiteral("createdAt"), iso(at)}};
        messages[chatId].append(m);
        for (auto& c : chats) {
            if (c[QStringLiteral("id")].toString() == chatId) {
                c[QStringLiteral("lastMessageAt")] = iso(at);
                c[QStringLiteral("lastMessage")] = m;
            }
        }
        return m;
    }

    void addChat(const QString& id, const QString& name, qint64 at, const QString& leadId = {})
    {
        chats.append(QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
            {QStringLiteral("phone"), QStringLiteral("+5511900000000")},
            {QStringLiteral("lastMessageAt"), iso(at)},
            {QStringLiteral("leadId"),
                leadId.isEmpty() ? QString(QStringLiteral("lead-") + id) : leadId},
            {QStringLiteral("unreadCount"), 0}, {QStringLiteral("lastMessage"), QJsonValue::Null}});
    }

    void setTicket(const QString& conversationId, const QString& stageId,
        const QString& value = QStringLiteral("100"))
    {
        QJsonObject stage;
        for (const auto& s : std::as_const(stages)) {
            if (s.toObject()[QStringLiteral("id")].toString() == stageId)
                stage = s.toObject();
        }
        tickets.insert(conversationId,
            QJsonObject {{QStringLiteral("id"), QString(QStringLiteral("T-") + conversationId)},
                {QStringLiteral("status"), QStringLiteral("open")},
                {QStringLiteral("windowOpen"), true},
                {QStringLiteral("windowExpiresAt"), iso(24 * 3600)},
                {QStringLiteral("dealValue"), value}, {QStringLiteral("stage"), stage},
                {QStringLiteral("assignee"), QJsonValue::Null}});
    }

    int count(const QString& pathPattern) const
    {
        const QRegularExpression re(QStringLiteral("^") + pathPattern + QStringLiteral("$"));
        int n = 0;
        for (const auto& r : m_server.requests())
            n += re.match(r.path).hasMatch() ? 1 : 0;
        return n;
    }

    QList<QJsonObject> chats;
    QHash<QString, QJsonArray> messages;
    QHash<QString, QJsonObject> tickets;
    QJsonArray stages {
        QJsonObject {{QStringLiteral("id"), QStringLiteral("s1")},
            {QStringLiteral("name"), QStringLiteral("Novo")},
            {QStringLiteral("color"), QStringLiteral("#3b82f6")}, {QStringLiteral("order"), 1}},
        QJsonObject {{QStringLiteral("id"), QStringLiteral("s2")},
            {QStringLiteral("name"), QStringLiteral("Em Atendimento")},
            {QStringLiteral("color"), QStringLiteral("#f59e0b")}, {QStringLiteral("order"), 2}}};
    int delayMs = 0;
    bool unauthorized = false;

private:
    HttpResponse json(const QJsonValue& v)
    {
        HttpResponse r = HttpResponse::json(200,
            v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                         : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        r.delayMs = delayMs;
        return r;
    }

    HttpResponse handle(const HttpRequest& r)
    {
        if (unauthorized)
            return HttpResponse::json(401, R"({"error":"Unauthorized"})");
        static const QRegularExpression messagesRe(
            QStringLiteral("^/api/v1/whatsapp/chats/([^/]+)/messages$"));
        static const QRegularExpression ticketRe(
            QStringLiteral("^/api/v1/conversations/([^/]+)/ticket$"));
        static const QRegularExpression patchRe(QStringLiteral("^/api/v1/tickets/T-([^/]+)$"));
        if (r.path == QLatin1String("/api/v1/whatsapp/chats")) {
            QList<QJsonObject> sorted = chats;
            std::sort(sorted.begin(), sorted.end(), [](const QJsonObject& a, const QJsonObject& b) {
                return a[QStringLiteral("lastMessageAt")].toString()
                    > b[QStringLiteral("lastMessageAt")].toString();
            });
            const QString q = r.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
            QJsonArray items;
            for (const auto& c : sorted) {
                if (q.isEmpty()
                    || c[QStringLiteral("name")].toString().contains(q, Qt::CaseInsensitive))
                    items.append(c);
            }
            return json(QJsonObject {{QStringLiteral("items"), items}});
        }
        if (auto m = messagesRe.match(r.path); m.hasMatch()) {
            const QJsonArray all = messages.value(m.captured(1));
            const int page = r.query.queryItemValue(QStringLiteral("page")).toInt();
            const int size = r.query.queryItemValue(QStringLiteral("pageSize")).toInt();
            // Newest page first, oldest -> newest inside a page (the real route's order).
            const int end = static_cast<int>(all.size()) - (page - 1) * size;
            const int start = std::max(0, end - size);
            QJsonArray items;
            for (int i = start; i < end; ++i)
                items.append(all.at(i));
            return json(QJsonObject {{QStringLiteral("items"), items},
                {QStringLiteral("total"), all.size()}, {QStringLiteral("page"), page},
                {QStringLiteral("pageSize"), size}});
        }
        if (auto m = ticketRe.match(r.path); m.hasMatch()) {
            if (!tickets.contains(m.captured(1)))
                return HttpResponse::json(404, "null");
            return json(tickets.value(m.captured(1)));
        }
        if (r.path == QLatin1String("/api/v1/ticket-stages"))
            return json(QJsonObject {{QStringLiteral("items"), stages}});
        if (auto m = patchRe.match(r.path); m.hasMatch() && r.method == "PATCH") {
            const QJsonObject body = QJsonDocument::fromJson(r.body).object();
            const QString conv = m.captured(1);
            if (body.contains(QStringLiteral("stageId")))
                setTicket(conv, body[QStringLiteral("stageId")].toString(),
                    tickets[conv][QStringLiteral("dealValue")].toString());
            QJsonObject summary = tickets.value(conv);
            summary[QStringLiteral("dealValue")]
                = summary[QStringLiteral("dealValue")].toString().toDouble(); // a number here
            return json(summary);
        }
        return HttpResponse::json(404, R"({"error":"Not found"})");
    }

    FakeHttpServer m_server;
};

} // namespace WhaTrack::Testing
