#pragma once

// A WhaTrack backend in the test process (FakeHttpServer): three chats with Portuguese names,
// a conversation of `messageCount` messages over three days (text, image, audio, document, a
// failed one), its open ticket, and the stages. Timestamps are relative to now, so the day
// separators read "Today"/"Yesterday". PATCH /tickets/T1 really changes the ticket.
// With a hostile text (setHostileText), every string the server sends about customers,
// tickets and stages is that text instead, as a malicious WhatsApp profile or server would.

#include "models/apiclient.h"
#include "tests/support/fakehttpserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace WhaTrack::Testing {

class FakeInboxBackend
{
public:
    explicit FakeInboxBackend(int messageCount = 12, const QString& hostile = {})
        : m_messageCount(messageCount)
        , m_hostile(hostile)
    {
        m_now = QDateTime::currentDateTimeUtc();
        m_ticket = QJsonObject {
            {QStringLiteral("id"), QStringLiteral("T1")},
            {QStringLiteral("status"), QStringLiteral("open")},
            {QStringLiteral("windowOpen"), true},
            {QStringLiteral("windowExpiresAt"), iso(m_now.addSecs(5 * 3600 + 120))},
            {QStringLiteral("dealValue"), QStringLiteral("1500.00")},
            {QStringLiteral("stage"),
                stage(QStringLiteral("s2"), QStringLiteral("Em Atendimento"),
                    QStringLiteral("#f59e0b"), 2)},
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
                QJsonObject {{QStringLiteral("messagesCount"), messageCount},
                    {QStringLiteral("firstResponseTimeSec"), 150}}},
        };
    }

    bool start()
    {
        if (!m_server.listen())
            return false;
        m_server.route(
            "GET", QStringLiteral("/api/v1/whatsapp/chats"), [this](const HttpRequest& r) {
                // `q` searches names and phones, as the real route does.
                const QString q = r.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
                QJsonArray items;
                for (const auto& c : chats().value(QStringLiteral("items")).toArray()) {
                    const QJsonObject o = c.toObject();
                    if (q.isEmpty()
                        || o.value(QStringLiteral("name"))
                               .toString()
                               .contains(q, Qt::CaseInsensitive)
                        || o.value(QStringLiteral("phone")).toString().contains(q))
                        items.append(o);
                }
                return HttpResponse::json(200,
                    QJsonDocument(QJsonObject {{QStringLiteral("items"), items}})
                        .toJson(QJsonDocument::Compact));
            });
        m_server.route("GET", QStringLiteral("/api/v1/whatsapp/chats/C1/messages"),
            [this](const HttpRequest& r) { return HttpResponse::json(200, messagesPage(r)); });
        m_server.route(
            "GET", QStringLiteral("/api/v1/whatsapp/chats/C2/messages"), [](const HttpRequest&) {
                return HttpResponse::json(200, R"({"items":[],"total":0,"page":1,"pageSize":50})");
            });
        m_server.route(
            "GET", QStringLiteral("/api/v1/conversations/C1/ticket"), [this](const HttpRequest&) {
                return HttpResponse::json(
                    200, QJsonDocument(m_ticket).toJson(QJsonDocument::Compact));
            });
        m_server.route("GET", QStringLiteral("/api/v1/conversations/C2/ticket"),
            [](const HttpRequest&) { return HttpResponse::json(404, "null"); });
        m_server.route("PATCH", QStringLiteral("/api/v1/tickets/T1"), [this](const HttpRequest& r) {
            if (!m_patchError.isEmpty())
                return HttpResponse::json(422,
                    QJsonDocument(QJsonObject {{QStringLiteral("error"), m_patchError}}).toJson());
            const QJsonObject patch = QJsonDocument::fromJson(r.body).object();
            if (patch.contains(QStringLiteral("stageId")))
                m_ticket[QStringLiteral("stage")] = stage(QStringLiteral("s3"),
                    QStringLiteral("Negociação"), QStringLiteral("#8b5cf6"), 3);
            if (patch.contains(QStringLiteral("dealValue")))
                m_ticket[QStringLiteral("dealValue")] = patch.value(QStringLiteral("dealValue"));
            return HttpResponse::json(200, QJsonDocument(m_ticket).toJson(QJsonDocument::Compact));
        });
        m_server.route("GET", QStringLiteral("/api/v1/ticket-stages"), [this](const HttpRequest&) {
            const QJsonArray items {
                stage(
                    QStringLiteral("s1"), t(QStringLiteral("Novo")), QStringLiteral("#3b82f6"), 1),
                stage(QStringLiteral("s2"), t(QStringLiteral("Em Atendimento")),
                    QStringLiteral("#f59e0b"), 2),
                stage(QStringLiteral("s3"), t(QStringLiteral("Negociação")),
                    QStringLiteral("#8b5cf6"), 3),
                stage(QStringLiteral("s4"), QStringLiteral("Fechado/Ganho"),
                    QStringLiteral("#22c55e"), 4),
            };
            return HttpResponse::json(
                200, QJsonDocument(QJsonObject {{QStringLiteral("items"), items}}).toJson());
        });
        return true;
    }

    ApiConfig config() const
    {
        ApiConfig c;
        c.baseUrl = m_server.baseUrl();
        c.organizationId = QStringLiteral("org-1");
        c.maxGetRetries = 0;
        return c;
    }

    //! A new inbound message in chat C1 at \a at (the newest one; the chat list shows it).
    void receiveInbound(const QDateTime& at)
    {
        m_messageCount += m_messageCount % 2 == 0 ? 1 : 2; // odd indices are outbound
        m_newestAt = at;
    }

    FakeHttpServer& server() { return m_server; }
    //! PATCH /tickets/T1 fails with HTTP 422 and this `error` text (empty: succeeds).
    void setPatchError(const QString& message) { m_patchError = message; }
    QList<QJsonObject> ticketPatches() const
    {
        QList<QJsonObject> patches;
        for (const auto& r : m_server.requests()) {
            if (r.method == "PATCH" && r.path == QLatin1String("/api/v1/tickets/T1"))
                patches.append(QJsonDocument::fromJson(r.body).object());
        }
        return patches;
    }
    int messageCount() const { return m_messageCount; }
    int messageRequests(int page) const
    {
        int n = 0;
        for (const auto& r : m_server.requests()) {
            if (r.path.endsWith(QLatin1String("/C1/messages"))
                && r.query.queryItemValue(QStringLiteral("page")).toInt() == page)
                ++n;
        }
        return n;
    }

private:
    static QString iso(const QDateTime& t) { return t.toString(Qt::ISODateWithMs); }
    //! \a normal, or the hostile text when one is set.
    QString t(const QString& normal) const { return m_hostile.isEmpty() ? normal : m_hostile; }

    static QJsonObject stage(
        const QString& id, const QString& name, const QString& color, int order)
    {
        return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
            {QStringLiteral("color"), color}, {QStringLiteral("order"), order},
            {QStringLiteral("isClosed"), false}};
    }

    QJsonObject message(int i) const
    {
        // Oldest first; the newest is a minute ago. Every 5th is outbound, with a mix of types.
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

    QByteArray messagesPage(const HttpRequest& r) const
    {
        const int page = std::max(1, r.query.queryItemValue(QStringLiteral("page")).toInt());
        const int size = std::max(1, r.query.queryItemValue(QStringLiteral("pageSize")).toInt());
        // Page 1 is the newest; items oldest -> newest within a page.
        const int end = m_messageCount - (page - 1) * size;
        const int begin = std::max(0, end - size);
        QJsonArray items;
        for (int i = begin; i < end; ++i)
            items.append(message(i));
        const QJsonObject o {{QStringLiteral("items"), items},
            {QStringLiteral("total"), m_messageCount}, {QStringLiteral("page"), page},
            {QStringLiteral("pageSize"), size}};
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    QJsonObject chats() const
    {
        QJsonObject first = message(m_messageCount - 1);
        QJsonObject c1 {{QStringLiteral("id"), QStringLiteral("C1")},
            {QStringLiteral("name"), t(QStringLiteral("Conceição Araújo"))},
            {QStringLiteral("phone"), t(QStringLiteral("+55 11 98765-4321"))},
            {QStringLiteral("lastMessageAt"), first.value(QStringLiteral("timestamp"))},
            {QStringLiteral("lastMessage"), first},
            {QStringLiteral("conversationId"), QStringLiteral("C1")},
            {QStringLiteral("currentTicket"),
                QJsonObject {{QStringLiteral("id"), QStringLiteral("T1")},
                    {QStringLiteral("status"), QStringLiteral("open")},
                    {QStringLiteral("stage"), m_ticket.value(QStringLiteral("stage"))}}}};
        QJsonObject audio {{QStringLiteral("id"), QStringLiteral("x1")},
            {QStringLiteral("direction"), QStringLiteral("INBOUND")},
            {QStringLiteral("type"), QStringLiteral("audio")},
            {QStringLiteral("body"), t(QStringLiteral("Áudio"))},
            {QStringLiteral("conversationId"), QStringLiteral("C2")},
            {QStringLiteral("timestamp"), iso(m_now.addSecs(-7200))}};
        QJsonObject c2 {{QStringLiteral("id"), QStringLiteral("C2")},
            {QStringLiteral("name"), t(QStringLiteral("João Pedro Gonçalves"))},
            {QStringLiteral("phone"), QStringLiteral("5521999990000")},
            {QStringLiteral("lastMessageAt"), iso(m_now.addSecs(-7200))},
            {QStringLiteral("lastMessage"), audio},
            {QStringLiteral("conversationId"), QStringLiteral("C2")}};
        QJsonObject l3 {{QStringLiteral("id"), QStringLiteral("L3")},
            {QStringLiteral("name"), QStringLiteral("5511977776666")},
            {QStringLiteral("phone"), QStringLiteral("5511977776666")},
            {QStringLiteral("lastMessageAt"), iso(m_now.addDays(-3))},
            {QStringLiteral("lastMessage"), QJsonValue::Null}};
        return {{QStringLiteral("items"), QJsonArray {c1, c2, l3}}};
    }

    FakeHttpServer m_server;
    int m_messageCount;
    QDateTime m_now;
    QDateTime m_newestAt;
    QJsonObject m_ticket;
    QString m_hostile;
    QString m_patchError;
};

} // namespace WhaTrack::Testing
