// Where the app connects, derived from its options: the WebSocket URL behind one origin, the
// server's name in messages, the channel templates, the offline cache file.

#include "app/gui/endpoints.h"

#include <QTemporaryDir>
#include <QTest>

using namespace WhaTrack::Gui;

class TstEndpoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void webSocketUrl_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QString>("expected");
        QTest::newRow("https backend -> wss, one origin")
            << "https://inbox.example.com/app"
            << ""
            << "wss://inbox.example.com/connection/websocket";
        QTest::newRow("http backend with port -> ws") << "http://127.0.0.1:8080"
                                                      << ""
                                                      << "ws://127.0.0.1:8080/connection/websocket";
        QTest::newRow("a configured URL wins") << "https://inbox.example.com"
                                               << "wss://rt.example.com:8443/ws"
                                               << "wss://rt.example.com:8443/ws";
    }
    void webSocketUrl()
    {
        QFETCH(QString, backend);
        QFETCH(QString, configured);
        QFETCH(QString, expected);
        GuiOptions o;
        o.backendUrl = QUrl(backend);
        o.webSocketUrl = QUrl(configured);
        QCOMPARE(effectiveWebSocketUrl(o), QUrl(expected));
    }

    void serverNameShowsHostAndPortOnly()
    {
        QCOMPARE(serverName(QUrl(QStringLiteral("https://ana:pw@inbox.example.com/x?t=1"))),
            QStringLiteral("inbox.example.com"));
        QCOMPARE(serverName(QUrl(QStringLiteral("http://127.0.0.1:8080/"))),
            QStringLiteral("127.0.0.1:8080"));
    }

    void channelTemplatesDefaultAndDisabledTickets()
    {
        GuiOptions o;
        QCOMPARE(channelTemplates(o),
            (QStringList {
                QStringLiteral("org:{org}:messages"), QStringLiteral("org:{org}:tickets")}));
        o.messagesChannel = QStringLiteral("inbox:{org}");
        o.ticketsChannel = QStringLiteral("-");
        QCOMPARE(channelTemplates(o), QStringList {QStringLiteral("inbox:{org}")});
    }

    void localCachePathGivenOrPerOrigin()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        qputenv("XDG_DATA_HOME", home.path().toUtf8());
        QCoreApplication::setApplicationName(QStringLiteral("Endpoints Test"));
        GuiOptions o;
        o.localCachePath = home.filePath(QStringLiteral("mine.sqlite"));
        QCOMPARE(localCachePath(o), home.filePath(QStringLiteral("mine.sqlite")));

        o.localCachePath.clear();
        o.backendUrl = QUrl(QStringLiteral("https://a.example.com"));
        const QString a = localCachePath(o);
        QVERIFY2(a.startsWith(home.path()), qPrintable(a));
        // The folder exists and only the agent can read it.
        const QFileInfo dir(QFileInfo(a).absolutePath());
        QVERIFY(dir.isDir());
        QCOMPARE(dir.permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        o.backendUrl = QUrl(QStringLiteral("https://b.example.com"));
        QVERIFY(localCachePath(o) != a); // one file per server
    }
};

QTEST_GUILESS_MAIN(TstEndpoints)
#include "tst_endpoints.moc"
