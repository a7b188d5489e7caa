#pragma once

//! \file fakeinboxbackend.h
//! \brief The one in-memory WhaTrack backend of the tests, on FakeHttpServer: chats, messages
//! by chat, conversation tickets, stages, PATCH of a ticket; every request is recorded.
//!
//! Two ways to fill it:
//! - `FakeInboxBackend backend(FakeInboxBackend::Empty)`: nothing; a test adds chats, messages
//!   and tickets (addChat(), addMessage(), setTicket(); times are seconds after a fixed T0,
//!   iso()) and edits `chats`, `messages`, `tickets`, `stages` directly.
//! - `FakeInboxBackend backend(messageCount, hostile)`: the screenshot inbox. Three chats with
//!   Portuguese names (C1, C2, the lead L3), C1's conversation of `messageCount` messages over
//!   three days (text, image, audio, document, a failed one), its open ticket T1, four stages.
//!   Times are relative to now, so the day separators read "Today"/"Yesterday". With a
//!   \a hostile text, every string the server sends about customers, tickets and stages is
//!   that text instead, as a malicious WhatsApp profile or server would send.
//!
//! The data routes answer through the server's fallback handler: a test's own
//! `server().route()` wins over them, `server().setHandler()` replaces them all.

#include "models/api/apiclient.h"
#include "tests/support/fakehttpserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

namespace WhaTrack::Testing {

class FakeInboxBackend
{
public:
    enum EmptyTag { Empty };

    explicit FakeInboxBackend(EmptyTag)
    {
        m_server.setHandler([this](const HttpRequest& r) { return handle(r); });
    }

    explicit FakeInboxBackend(int messageCount = 12, const QString& hostile = {})
        : FakeInboxBackend(Empty)
    {
        m_messageCount = messageCount;
        m_hostile = hostile;
        m_now = QDateTime::currentDateTimeUtc();
        stages = QJsonArray {
            stage(QStringLiteral("s1"), t(QStringLiteral("Novo")), QStringLiteral("#3b82f6"), 1),
            stage(QStringLiteral("s2"), t(QStringLiteral("Em Atendimento")),
                QStringLiteral("#f59e0b"), 2),
            stage(QStringLiteral("s3"), t(QStringLiteral("Negociação")), QStringLiteral("#8b5cf6"),
                3),
            stage(QStringLiteral("s4"), QStringLiteral("Fechado/Ganho"), QStringLiteral("#22c55e"),
                4),
        };
        tickets.insert(QStringLiteral("C1"), demoTicket());
        rebuildDemoChats();
    }

    bool start() { return m_server.listen(); }
    QUrl url() const { return m_server.baseUrl(); }
    FakeHttpServer& server() { return m_server; }
    //! A client configuration for this backend: organization "org-1", no GET retries.
    ApiConfig config() const
    {
        ApiConfig c;
        c.baseUrl = m_server.baseUrl();
        c.organizationId = QStringLiteral("org-1");
        c.maxGetRetries = 0;
        return c;
    }

    //! ISO text of T0 (2026-05-18 10:00 UTC) + \a secondsAfterT0.
    static QString iso(qint64 secondsAfterT0)
    {
        return iso(
            QDateTime(QDate(2026, 5, 18), QTime(10, 0), QTimeZone::utc()).addSecs(secondsAfterT0));
    }
    static QString iso(const QDateTime& at) { return at.toString(Qt::ISODateWithMs); }

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

    //! An open ticket `T-<conversation>` at \a stageId.
    void setTicket(const QString& conversationId, const QString& stageId,
        const QString& value = QStringLiteral("100"))
    {
        tickets.insert(conversationId,
            QJsonObject {{QStringLiteral("id"), QString(QStringLiteral("T-") + conversationId)},
                {QStringLiteral("status"), QStringLiteral("open")},
                {QStringLiteral("windowOpen"), true},
                {QStringLiteral("windowExpiresAt"), iso(24 * 3600)},
                {QStringLiteral("dealValue"), value}, {QStringLiteral("stage"), stageById(stageId)},
                {QStringLiteral("assignee"), QJsonValue::Null}});
    }

    //! The screenshot inbox: a new inbound message in chat C1 at \a at (the newest one).
    void receiveInbound(const QDateTime& at)
    {
        m_messageCount += m_messageCount % 2 == 0 ? 1 : 2; // odd indices are outbound
        m_newestAt = at;
        rebuildDemoChats();
    }
    int messageCount() const { return m_messageCount; }

    //! PATCH of a ticket fails with HTTP 422 and this `error` text (empty: succeeds).
    void setPatchError(const QString& message) { m_patchError = message; }
    //! The bodies of every PATCH of a ticket, in order.
    QList<QJsonObject> ticketPatches() const
    {
        QList<QJsonObject> patches;
        for (const auto& r : m_server.requests()) {
            if (r.method == "PATCH" && r.path.startsWith(QLatin1String("/api/v1/tickets/")))
                patches.append(QJsonDocument::fromJson(r.body).object());
        }
        return patches;
    }
    //! Requests of page \a page of \a chatId's messages.
    int messageRequests(int page, const QString& chatId = QStringLiteral("C1")) const
    {
        const QString path = QStringLiteral("/api/v1/whatsapp/chats/%1/messages").arg(chatId);
        int n = 0;
        for (const auto& r : m_server.requests()) {
            if (r.path == path && r.query.queryItemValue(QStringLiteral("page")).toInt() == page)
                ++n;
        }
        return n;
    }
    //! Requests whose path matches the regular expression \a pathPattern (anchored).
    int count(const QString& pathPattern) const
    {
        const QRegularExpression re(QStringLiteral("^") + pathPattern + QStringLiteral("$"));
        int n = 0;
        for (const auto& r : m_server.requests())
            n += re.match(r.path).hasMatch() ? 1 : 0;
        return n;
    }

    QList<QJsonObject> chats;
    QHash<QString, QJsonArray> messages; //!< by chat id, oldest first
    QHash<QString, QJsonObject> tickets; //!< by conversation id
    QJsonArray stages {
        stage(QStringLiteral("s1"), QStringLiteral("Novo"), QStringLiteral("#3b82f6"), 1),
        stage(
            QStringLiteral("s2"), QStringLiteral("Em Atendimento"), QStringLiteral("#f59e0b"), 2)};
    int delayMs = 0; //!< every data answer waits this long
    bool unauthorized = false; //!< every data route answers 401

private:
    static QJsonObject stage(
        const QString& id, const QString& name, const QString& color, int order)
    {
        return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
            {QStringLiteral("color"), color}, {QStringLiteral("order"), order},
            {QStringLiteral("isClosed"), false}};
    }
    QJsonObject stageById(const QString& id) const
    {
        for (const auto& s : stages) {
            if (s.toObject()[QStringLiteral("id")].toString() == id)
                return s.toObject();
        }
        return {};
    }

    HttpResponse json(const QJsonValue& v) const
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
        static const QRegularExpression patchRe(QStringLiteral("^/api/v1/tickets/([^/]+)$"));
        if (r.path == QLatin1String("/api/v1/whatsapp/chats"))
            return json(QJsonObject {{QStringLiteral("items"), chatList(r)}});
        if (auto m = messagesRe.match(r.path); m.hasMatch())
            return json(messagesPage(messages.value(m.captured(1)), r));
        if (auto m = ticketRe.match(r.path); m.hasMatch()) {
            if (!tickets.contains(m.captured(1)))
                return HttpResponse::json(404, "null");
            return json(tickets.value(m.captured(1)));
        }
        if (r.path == QLatin1String("/api/v1/ticket-stages"))
            return json(QJsonObject {{QStringLiteral("items"), stages}});
        if (auto m = patchRe.match(r.path); m.hasMatch() && r.method == "PATCH")
            return patchTicket(m.captured(1), QJsonDocument::fromJson(r.body).object());
        return HttpResponse::json(404, R"({"error":"Not found"})");
    }

    //! Newest activity first; `q` searches names and phones, as the real route does. A chat's
    //! `currentTicket` shows its ticket's stage as it is now.
    QJsonArray chatList(const HttpRequest& r) const
    {
        QList<QJsonObject> sorted = chats;
        std::stable_sort(
            sorted.begin(), sorted.end(), [](const QJsonObject& a, const QJsonObject& b) {
                return a[QStringLiteral("lastMessageAt")].toString()
                    > b[QStringLiteral("lastMessageAt")].toString();
            });
        const QString q = r.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
        QJsonArray items;
        for (QJsonObject c : sorted) {
            if (!q.isEmpty()
                && !c[QStringLiteral("name")].toString().contains(q, Qt::CaseInsensitive)
                && !c[QStringLiteral("phone")].toString().contains(q))
                continue;
            if (c.contains(QStringLiteral("currentTicket"))) {
                const QJsonObject ticket
                    = tickets.value(c[QStringLiteral("conversationId")].toString());
                QJsonObject current = c[QStringLiteral("currentTicket")].toObject();
                if (!ticket.isEmpty())
                    current[QStringLiteral("stage")] = ticket[QStringLiteral("stage")];
                c[QStringLiteral("currentTicket")] = current;
            }
            items.append(c);
        }
        return items;
    }

    //! Page 1 is the newest; items oldest -> newest within a page (the real route's order).
    static QJsonObject messagesPage(const QJsonArray& all, const HttpRequest& r)
    {
        const int page = std::max(1, r.query.queryItemValue(QStringLiteral("page")).toInt());
        const int size = std::max(1, r.query.queryItemValue(QStringLiteral("pageSize")).toInt());
        const int end = static_cast<int>(all.size()) - (page - 1) * size;
        const int begin = std::max(0, end - size);
        QJsonArray items;
        for (int i = begin; i < end; ++i)
            items.append(all.at(i));
        return {{QStringLiteral("items"), items}, {QStringLiteral("total"), all.size()},
            {QStringLiteral("page"), page}, {QStringLiteral("pageSize"), size}};
    }

    HttpResponse patchTicket(const QString& ticketId, const QJsonObject& patch)
    {
        if (!m_patchError.isEmpty())
            return HttpResponse::json(
                422, QJsonDocument(QJsonObject {{QStringLiteral("error"), m_patchError}}).toJson());
        for (auto it = tickets.begin(); it != tickets.end(); ++it) {
            if ((*it)[QStringLiteral("id")].toString() != ticketId)
                continue;
            if (patch.contains(QStringLiteral("stageId")))
                (*it)[QStringLiteral("stage")]
                    = stageById(patch[QStringLiteral("stageId")].toString());
            if (patch.contains(QStringLiteral("dealValue")))
                (*it)[QStringLiteral("dealValue")] = patch[QStringLiteral("dealValue")];
            // The route answers the deal value as a number, though GET sends it as text.
            QJsonObject summary = *it;
            const QJsonValue value = summary[QStringLiteral("dealValue")];
            if (value.isString())
                summary[QStringLiteral("dealValue")] = value.toString().toDouble();
            return json(summary);
        }
        return HttpResponse::json(404, R"({"error":"Ticket not found"})");
    }

    // The screenshot inbox.

    //! \a normal, or the hostile text when one is set.
    QString t(const QString& normal) const { return m_hostile.isEmpty() ? normal : m_hostile; }

    QJsonObject demoTicket() const
    {
        return {{QStringLiteral("id"), QStringLiteral("T1")},
            {QStringLiteral("status"), QStringLiteral("open")},
            {QStringLiteral("windowOpen"), true},
            {QStringLiteral("windowExpiresAt"), iso(m_now.addSecs(5 * 3600 + 120))},
            {QStringLiteral("dealValue"), QStringLiteral("1500.00")},
            {QStringLiteral("stage"), stageById(QStringLiteral("s2"))},
            {QStringLiteral("assignee"),
                m_hostile.isEmpty()
                    ? QJsonValue(QJsonValue::Null)
                    : QJsonObject {{QStringLiteral("id"), QStringLiteral("u9")},
                        {QStringLiteral("name"), m_hostile}, {QStringLiteral("email"), m_hostile}}},
            {QStringLiteral("tracking"),
                QJsonObject {{QStringLiteral("sourceType"), t(QStringLiteral("ctwa"))},
                    {QStringLiteral("utmSource"), t(QStringLiteral("instagram"))},
                    {QStringLiteral("utmCampaign"), t(QStringLiteral("verão"))}}},
            {QStringLiteral("kpis"),
                QJsonObject {{QStringLiteral("messagesCount"), m_messageCount},
                    {QStringLiteral("firstResponseTimeSec"), 150}}}};
    }

    QJsonObject demoMessage(int i) const
    {
        // Oldest first; the newest is a minute ago. Odd ones are outbound, with a mix of types.
        static const char* bodies[] = {"Olá! Vocês atendem aos sábados?",
            "Atendemos sim, das 8h às 12h.", "Qual o valor da limpeza?",
            "A avaliação é gratuita e dura cerca de 30 minutos.", "Perfeito, pode confirmar então.",
            "Consulta confirmada para sábado às 9h. Até lá, João!"};
        const QDateTime at = i == m_messageCount - 1 && m_newestAt.isValid()
            ? m_newestAt
            : m_now.addSecs(-qint64(m_messageCount - 1 - i) * 3 * 3600 - 60);
        const bool outbound = i % 2 == 1;
        QString type = QStringLiteral("text");
        QString body = t(QString::fromUtf8(bodies[i % 6]));
        if (i % 7 == 3) {
            type = QStringLiteral("image");
            body = t(QStringLiteral("Foto do raio-x"));
        } else if (i % 7 == 5) {
            type = QStringLiteral("audio");
            body = QStringLiteral("Áudio");
        } else if (i % 11 == 9) {
            type = QStringLiteral("document");
            body = t(QStringLiteral("orçamento-tratamento.pdf"));
        }
        QString status = outbound ? QStringLiteral("read") : QStringLiteral("delivered");
        if (outbound && i == m_messageCount - 1)
            status = QStringLiteral("failed");
        return {{QStringLiteral("id"), QStringLiteral("m%1").arg(i)},
            {QStringLiteral("leadId"), QStringLiteral("L1")},
            {QStringLiteral("conversationId"), QStringLiteral("C1")},
            {QStringLiteral("direction"),
                outbound ? QStringLiteral("OUTBOUND") : QStringLiteral("INBOUND")},
            {QStringLiteral("type"), type}, {QStringLiteral("body"), body},
            {QStringLiteral("status"), status}, {QStringLiteral("timestamp"), iso(at)},
            {QStringLiteral("createdAt"), iso(at)}};
    }

    void rebuildDemoChats()
    {
        QJsonArray c1Messages;
        for (int i = 0; i < m_messageCount; ++i)
            c1Messages.append(demoMessage(i));
        messages.insert(QStringLiteral("C1"), c1Messages);
        messages.insert(QStringLiteral("C2"), QJsonArray {});
        const QJsonObject newest = demoMessage(m_messageCount - 1);
        const QJsonObject c1 {{QStringLiteral("id"), QStringLiteral("C1")},
            {QStringLiteral("name"), t(QStringLiteral("Conceição Araújo"))},
            {QStringLiteral("phone"), t(QStringLiteral("+55 11 98765-4321"))},
            {QStringLiteral("lastMessageAt"), newest.value(QStringLiteral("timestamp"))},
            {QStringLiteral("lastMessage"), newest},
            {QStringLiteral("conversationId"), QStringLiteral("C1")},
            {QStringLiteral("currentTicket"),
                QJsonObject {{QStringLiteral("id"), QStringLiteral("T1")},
                    {QStringLiteral("status"), QStringLiteral("open")}}}};
        const QJsonObject audio {{QStringLiteral("id"), QStringLiteral("x1")},
            {QStringLiteral("direction"), QStringLiteral("INBOUND")},
            {QStringLiteral("type"), QStringLiteral("audio")},
            {QStringLiteral("body"), t(QStringLiteral("Áudio"))},
            {QStringLiteral("conversationId"), QStringLiteral("C2")},
            {QStringLiteral("timestamp"), iso(m_now.addSecs(-7200))}};
        const QJsonObject c2 {{QStringLiteral("id"), QStringLiteral("C2")},
            {QStringLiteral("name"), t(QStringLiteral("João Pedro Gonçalves"))},
            {QStringLiteral("phone"), QStringLiteral("5521999990000")},
            {QStringLiteral("lastMessageAt"), iso(m_now.addSecs(-7200))},
            {QStringLiteral("lastMessage"), audio},
            {QStringLiteral("conversationId"), QStringLiteral("C2")}};
        const QJsonObject l3 {{QStringLiteral("id"), QStringLiteral("L3")},
            {QStringLiteral("name"), QStringLiteral("5511977776666")},
            {QStringLiteral("phone"), QStringLiteral("5511977776666")},
            {QStringLiteral("lastMessageAt"), iso(m_now.addDays(-3))},
            {QStringLiteral("lastMessage"), QJsonValue::Null}};
        chats = {c1, c2, l3};
    }

    FakeHttpServer m_server;
    int m_messageCount = 0;
    QDateTime m_now;
    QDateTime m_newestAt;
    QString m_hostile;
    QString m_patchError;
};

} // namespace WhaTrack::Testing
