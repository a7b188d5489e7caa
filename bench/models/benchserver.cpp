#include "benchserver.h"

#include "benchclient.h"
#include "tests/support/fakehttpserver.h"
#include "tests/support/localcentrifugo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QThread>
#include <QTimeZone>
#include <QTimer>

#include <cstdio>
#include <ctime>

namespace BenchModels {

qint64 monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

QString chatId(int index)
{
    return QStringLiteral("chat%1").arg(index, 6, 10, QLatin1Char('0'));
}

namespace {
QByteArray iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
        .toString(Qt::ISODateWithMs)
        .toLatin1();
}
const qint64 kBaseMs
    = QDateTime(QDate(2026, 5, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
} // namespace

BenchData::BenchData(int chats, int messages)
{
    m_chats.reserve(chats);
    for (int i = 0; i < chats; ++i) {
        Chat c;
        c.id = chatId(i);
        c.lastMs = kBaseMs + qint64(chats - i) * 60000;
        c.lastMessage = messageJson(
            QStringLiteral("seed-") + c.id, c.id, QStringLiteral("Olá, tudo bem?"), c.lastMs);
        m_chats.append(c);
        m_chats.last().json = chatJson(i);
    }
    m_messages.reserve(messages);
    for (int i = 0; i < messages; ++i)
        m_messages.append(messageJson(QStringLiteral("old%1").arg(i, 7, 10, QLatin1Char('0')),
            kOpenChat, QStringLiteral("mensagem antiga %1").arg(i),
            kBaseMs - qint64(messages - i) * 1000));
}

QByteArray BenchData::messageJson(
    const QString& id, const QString& chat, const QString& body, qint64 ms) const
{
    // The ticket-era raw row shape plus the newer `direction` name.
    return "{\"id\":\"" + id.toLatin1() + "\",\"wamid\":\"wamid." + id.toLatin1()
        + "\",\"leadId\":\"lead-" + chat.toLatin1()
        + "\",\"instanceId\":\"inst-1\",\"appConversationId\":\"" + chat.toLatin1()
        + "\",\"directionId\":\"dir-in\",\"direction\":\"INBOUND\",\"type\":\"text\",\"body\":\""
        + body.toUtf8() + "\",\"mediaUrl\":null,\"status\":\"delivered\",\"timestamp\":\"" + iso(ms)
        + "\",\"createdAt\":\"" + iso(ms) + "\",\"rawMeta\":null}";
}

QByteArray BenchData::chatJson(int index) const
{
    const Chat& c = m_chats.at(index);
    return "{\"id\":\"" + c.id.toLatin1() + "\",\"name\":\"Cliente " + QByteArray::number(index)
        + "\",\"phone\":\"55119" + QByteArray::number(10000000 + index)
        + "\",\"profilePicUrl\":null,\"lastMessageAt\":\"" + iso(c.lastMs) + "\",\"lastMessage\":"
        + c.lastMessage + ",\"unreadCount\":0,\"currentTicket\":{\"id\":\"T-" + c.id.toLatin1()
        + "\",\"status\":\"open\",\"stage\":{\"id\":\"s1\",\"name\":\"Novo\",\"color\":\"#6366f1\"}"
          ","
          "\"tracking\":{\"sourceType\":\"organic\",\"utmSource\":null,\"ctwaclid\":null}}}";
}

QByteArray BenchData::chatsBody()
{
    // The join (18 MB at 20,000 chats) is built outside the lock: built under it, it held the
    // publisher's addMessage() for as long, and that showed up as publisher lag (issue 15).
    // Under the lock only the rows are copied (implicitly shared: a reference each).
    QList<QByteArray> rows;
    qint64 version = 0;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_chatsBody.isEmpty())
            return m_chatsBody;
        version = m_version;
        rows.reserve(m_chats.size());
        for (const auto& c : std::as_const(m_chats))
            rows.append(c.json);
    }
    qsizetype size = 16;
    for (const auto& row : std::as_const(rows))
        size += row.size() + 1;
    QByteArray body;
    body.reserve(size);
    body.append("{\"items\":[");
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i)
            body += ',';
        body += rows.at(i); // unsorted: the client sorts
    }
    body += "]}";
    QMutexLocker lock(&m_mutex);
    // Kept only if no message was added meanwhile (addMessage() clears the cache): this body
    // is still what the list was when the request came, and it is served as such.
    if (m_chatsBody.isEmpty() && m_version == version)
        m_chatsBody = body;
    return body;
}

QByteArray BenchData::messagesBody(int page, int pageSize)
{
    QMutexLocker lock(&m_mutex);
    const int total = static_cast<int>(m_messages.size());
    const int end = std::max(0, total - (page - 1) * pageSize);
    const int start = std::max(0, end - pageSize);
    QByteArray out = "{\"items\":[";
    for (int i = start; i < end; ++i) {
        if (i > start)
            out += ',';
        out += m_messages.at(i);
    }
    out += "],\"total\":" + QByteArray::number(total) + ",\"page\":" + QByteArray::number(page)
        + ",\"pageSize\":" + QByteArray::number(pageSize) + "}";
    return out;
}

QString BenchData::addMessage(int chat, const QString& body, qint64 ms)
{
    QMutexLocker lock(&m_mutex);
    const QString id = QStringLiteral("new%1").arg(m_nextId++, 8, 10, QLatin1Char('0'));
    Chat& c = m_chats[chat];
    const QByteArray json = messageJson(id, c.id, body, ms);
    c.lastMs = ms;
    c.lastMessage = json;
    c.json = chatJson(chat);
    m_chatsBody.clear();
    ++m_version;
    if (chat == 0)
        m_messages.append(json);
    return id;
}

int runServer(int chats, int messages)
{
    BenchData data(chats, messages);

    // HTTP on its own thread: a 12 MB chat list must not delay publications.
    QThread httpThread;
    httpThread.start();
    WhaTrack::Testing::FakeHttpServer* http = nullptr;
    QObject httpHome;
    httpHome.moveToThread(&httpThread);
    quint16 httpPort = 0;
    QMetaObject::invokeMethod(
        &httpHome,
        [&] {
            http = new WhaTrack::Testing::FakeHttpServer;
            http->listen();
            httpPort = static_cast<quint16>(http->baseUrl().port());
            static const QRegularExpression messagesRe(
                QStringLiteral("^/api/v1/whatsapp/chats/([^/]+)/messages$"));
            http->setHandler([&data](const WhaTrack::Testing::HttpRequest& r) {
                using WhaTrack::Testing::HttpResponse;
                if (r.path == QLatin1String("/api/v1/whatsapp/chats"))
                    return HttpResponse::json(200, data.chatsBody());
                if (auto m = messagesRe.match(r.path); m.hasMatch()) {
                    if (m.captured(1) != kOpenChat)
                        return HttpResponse::json(
                            200, R"({"items":[],"total":0,"page":1,"pageSize":50})");
                    return HttpResponse::json(200,
                        data.messagesBody(r.query.queryItemValue(QStringLiteral("page")).toInt(),
                            r.query.queryItemValue(QStringLiteral("pageSize")).toInt()));
                }
                if (r.path.startsWith(QLatin1String("/api/v1/conversations/")))
                    return HttpResponse::json(200,
                        R"({"id":"T-1","status":"open","windowOpen":true,"windowExpiresAt":"2026-12-01T00:00:00Z","dealValue":"10","stage":{"id":"s1","name":"Novo","color":"#6366f1","order":1,"isClosed":false},"assignee":null})");
                if (r.path == QLatin1String("/api/v1/ticket-stages"))
                    return HttpResponse::json(200,
                        R"({"items":[{"id":"s1","name":"Novo","color":"#6366f1","order":1}]})");
                return HttpResponse::json(404, R"({"error":"Not found"})");
            });
        },
        Qt::BlockingQueuedConnection);

    // The REAL Centrifugo (v6, tests/support): a child of this process, stopped by the
    // LocalCentrifugo destructor on a normal exit and killed by the kernel (PR_SET_PDEATHSIG) if
    // this process dies. The `org` namespace as in devstack/centrifugo/whatrack.json.
    TestSupport::LocalCentrifugo::Options centrifugoOptions;
    centrifugoOptions.extraNamespaces = QJsonArray {QJsonObject {
        {QStringLiteral("name"), QStringLiteral("org")},
        {QStringLiteral("allow_subscribe_for_client"), true},
        {QStringLiteral("history_size"), 0},
        {QStringLiteral("force_recovery"), false},
        {QStringLiteral("presence"), false},
        {QStringLiteral("join_leave"), false},
    }};
    TestSupport::LocalCentrifugo centrifugo(centrifugoOptions);
    QString centrifugoError;
    if (!centrifugo.start(&centrifugoError)) {
        std::fprintf(stderr, "bench_models --serve: %s\n", qPrintable(centrifugoError));
        QMetaObject::invokeMethod(
            &httpHome, [&] { delete http; }, Qt::BlockingQueuedConnection);
        httpThread.quit();
        httpThread.wait();
        return 1;
    }

    // Publications go through Centrifugo's HTTP API, batched as a busy backend does: every
    // publication due at a timer tick goes out in one POST /api/batch. One call per publication
    // (the earlier publisher) queued behind QNAM's 6 connections on a busy machine, and that queue
    // showed up as client latency (issue 15). At most kMaxInFlight batches are on the wire; what
    // becomes due meanwhile waits for the next batch. Each publication carries the time its batch
    // was sent ("t=<ns>"), so the client measures Centrifugo and itself, not our queue; the
    // publisher's own lag (due -> sent) is reported separately.
    constexpr int kMaxInFlight = 4;
    QNetworkAccessManager apiNetwork;
    QNetworkRequest publishRequest(QUrl(centrifugo.apiUrl().toString() + QStringLiteral("/batch")));
    publishRequest.setHeader(
        QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    publishRequest.setRawHeader("X-API-Key", centrifugo.apiKey().toLatin1());
    qint64 publishFailures = 0, publishInFlight = 0, batches = 0;
    bool stormRunning = false;
    qint64 sent = 0;
    // Send time -> Centrifugo's answer per batch: the part of the client's latency this
    // process and Centrifugo add. Due -> sent per publication: how far the publisher fell behind.
    QList<double> publishMs, lagMs;
    // "DONE <published> <failed> <publish p50> <p99> <max> <lag p50> <p99> <max> <batches>" once
    // the storm is over and Centrifugo has answered every batch, so the client measures until
    // the last publication could have arrived.
    auto announceDone = [&] {
        if (!stormRunning || publishInFlight > 0)
            return;
        stormRunning = false;
        const Percentiles p = percentiles(publishMs);
        const Percentiles lag = percentiles(lagMs);
        std::printf("DONE %lld %lld %.3f %.3f %.3f %.3f %.3f %.3f %lld\n",
            static_cast<long long>(sent), static_cast<long long>(publishFailures), p.p50, p.p99,
            p.max, lag.p50, lag.p99, lag.max, static_cast<long long>(batches));
        std::fflush(stdout);
    };
    QTimer publisher;
    auto postBatch = [&](const QByteArray& body, qint64 sentNs, int count) {
        QNetworkReply* reply = apiNetwork.post(publishRequest, body);
        ++publishInFlight;
        ++batches;
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, sentNs, count] {
            --publishInFlight;
            publishMs.append(double(monotonicNs() - sentNs) / 1e6);
            const QByteArray answer = reply->readAll();
            if (reply->error() != QNetworkReply::NoError || answer.contains("\"error\"")
                || answer.count("\"publish\"") != count) {
                if (publishFailures++ < 5)
                    std::fprintf(stderr, "bench_models --serve: publish failed: %s %s\n",
                        qPrintable(reply->errorString()), answer.left(300).constData());
            }
            reply->deleteLater();
            if (!publisher.isActive())
                announceDone();
        });
    };

    // Control on stdin: "storm <rate> <seconds> <openShare>" starts publishing, "touch <n>"
    // changes n chats; EOF quits.
    publisher.setTimerType(Qt::PreciseTimer);
    publisher.setInterval(1);
    double rate = 0, openShare = 0;
    qint64 startNs = 0, endNs = 0;
    QObject::connect(&publisher, &QTimer::timeout, [&] {
        const qint64 now = monotonicNs();
        const qint64 total = qint64(double(endNs - startNs) / 1e9 * rate);
        const qint64 due = std::min<qint64>(qint64(double(now - startNs) / 1e9 * rate), total);
        if (sent < due && publishInFlight < kMaxInFlight) {
            auto* rng = QRandomGenerator::global();
            // The batch's send time, taken once: it is what the client measures from. The n-th
            // publication of the batch carries t + n ns, so each body stays unique (the client
            // counts each publication once by it); 1 ns each is far below what is measured.
            const qint64 t = monotonicNs();
            const qint64 epochMs = QDateTime::currentMSecsSinceEpoch();
            const QString timestamp = QString::fromLatin1(iso(epochMs));
            QJsonArray commands;
            const int count = int(due - sent);
            for (; sent < due; ++sent) {
                // Publication n (from 0) is due once n + 1 intervals have passed (see `due`).
                lagMs.append(double(t - startNs - qint64(double(sent + 1) / rate * 1e9)) / 1e6);
                const int chat = rng->generateDouble() < openShare
                    ? 0
                    : 1 + int(rng->bounded(std::min(50, chats - 1)));
                const QString body = QStringLiteral("t=%1").arg(t + (count - (due - sent)));
                const QString id = data.addMessage(chat, body, epochMs);
                const QJsonObject payload {
                    {QStringLiteral("type"), QStringLiteral("message_created")},
                    {QStringLiteral("conversationId"), chatId(chat)},
                    {QStringLiteral("messageId"), id},
                    {QStringLiteral("leadId"), QString(QStringLiteral("lead-") + chatId(chat))},
                    {QStringLiteral("body"), body}, {QStringLiteral("timestamp"), timestamp},
                    {QStringLiteral("direction"), QStringLiteral("INBOUND")}};
                commands.append(QJsonObject {{QStringLiteral("publish"),
                    QJsonObject {{QStringLiteral("channel"), kChannel},
                        {QStringLiteral("data"), payload}}}});
            }
            postBatch(QJsonDocument(QJsonObject {{QStringLiteral("commands"), commands}})
                          .toJson(QJsonDocument::Compact),
                t, count);
        }
        if (now >= endNs && sent >= total) {
            publisher.stop();
            announceDone();
        }
    });
    QSocketNotifier stdinNotifier(0, QSocketNotifier::Read);
    QObject::connect(&stdinNotifier, &QSocketNotifier::activated, [&] {
        char line[256] = {};
        if (!std::fgets(line, sizeof line, stdin)) {
            qApp->quit();
            return;
        }
        double seconds = 0;
        if (std::sscanf(line, "storm %lf %lf %lf", &rate, &seconds, &openShare) == 3) {
            sent = 0;
            publishFailures = 0;
            batches = 0;
            publishMs.clear();
            lagMs.clear();
            stormRunning = true;
            startNs = monotonicNs();
            endNs = startNs + qint64(seconds * 1e9);
            publisher.start();
        }
        // "touch <n>": n random chats get a new last message (a refetch then has changes).
        int touch = 0;
        if (std::sscanf(line, "touch %d", &touch) == 1) {
            auto* rng = QRandomGenerator::global();
            for (int i = 0; i < touch; ++i)
                data.addMessage(int(rng->bounded(chats)), QStringLiteral("touched"),
                    QDateTime::currentMSecsSinceEpoch());
            std::printf("TOUCHED %d\n", touch);
            std::fflush(stdout);
        }
    });
    // The client's connection token: HS256 with the server's secret (tests/support/jwt.h).
    std::printf("READY %d %s %s\n", httpPort, centrifugo.wsUrl().toString().toLatin1().constData(),
        centrifugo.token(QStringLiteral("bench-user"), 24 * 3600).toLatin1().constData());
    std::fflush(stdout);
    const int rc = QCoreApplication::exec();
    centrifugo.stop();
    QMetaObject::invokeMethod(
        &httpHome, [&] { delete http; }, Qt::BlockingQueuedConnection);
    httpThread.quit();
    httpThread.wait();
    return rc;
}

} // namespace BenchModels
