// The console's output writer (app/cli/outputwriter): writing never blocks the caller, even when
// nobody reads; what does not fit is dropped, counted and reported in the output itself.
// (No raw string literals here: moc 6.4 loses the class after some of them.)

#include "app/cli/outputwriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

using Cli::OutputWriter;

namespace {

struct Pipe
{
    int fds[2] = {-1, -1};
    Pipe()
    {
        if (::pipe(fds) == 0) {
            ::fcntl(fds[0], F_SETPIPE_SZ, 4096); // one page: fills at once
            ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
        }
    }
    ~Pipe()
    {
        for (int fd : fds) {
            if (fd >= 0)
                ::close(fd);
        }
    }
    QByteArray readAvailable() const
    {
        QByteArray out;
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
            if (n <= 0)
                return out;
            out.append(buffer, qsizetype(n));
        }
    }
};

QList<QJsonObject> lines(const QByteArray& text)
{
    QList<QJsonObject> out;
    for (const QByteArray& line : text.split('\n')) {
        if (!line.isEmpty())
            out << QJsonDocument::fromJson(line).object();
    }
    return out;
}

} // namespace

class TestOutputWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fastReaderGetsEverythingInOrder()
    {
        Pipe pipe;
        QVERIFY(pipe.fds[0] >= 0);
        OutputWriter writer(pipe.fds[1], 1024 * 1024);
        QByteArray received;
        for (int i = 0; i < 1000; ++i) {
            QVERIFY(writer.writeLine(
                QByteArray("{\"event\":\"n\",\"i\":") + QByteArray::number(i) + '}'));
            received += pipe.readAvailable();
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                received += pipe.readAvailable();
                return received.count('\n') == 1000;
            },
            5000));
        QVERIFY(writer.finish(std::chrono::seconds {5}));
        const QList<QJsonObject> all = lines(received);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(all.at(i).value(QStringLiteral("i")).toInt(), i);
        QCOMPARE(writer.dropped(), 0u);
    }

    void stalledReaderNeverBlocksTheCaller()
    {
        Pipe pipe;
        QVERIFY(pipe.fds[0] >= 0);
        constexpr qsizetype cap = 64 * 1024;
        OutputWriter writer(pipe.fds[1], cap);
        const QByteArray line
            = "{\"event\":\"publication\",\"data\":\"" + QByteArray(1000, 'x') + "\"}";
        // 1 MB into a 4 KiB pipe nobody reads and a 64 KiB queue: returns at once every time
        // (a blocking writer would hang here and the test would time out).
        int accepted = 0;
        for (int i = 0; i < 1000; ++i)
            accepted += writer.writeLine(line) ? 1 : 0;
        QVERIFY(writer.dropped() > 0);
        QCOMPARE(qsizetype(accepted) + qsizetype(writer.dropped()), 1000);
        QVERIFY2(accepted * line.size() < cap + 8 * 1024, qPrintable(QString::number(accepted)));

        // The reader reads again: the next line that fits comes after a report of the drops.
        QByteArray received;
        QVERIFY(QTest::qWaitFor(
            [&] {
                received += pipe.readAvailable();
                return received.count('\n') >= accepted;
            },
            5000));
        QVERIFY(writer.writeLine("{\"event\":\"after\"}"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                received += pipe.readAvailable();
                return received.contains("after");
            },
            5000));
        const QList<QJsonObject> all = lines(received);
        QCOMPARE(all.size(), accepted + 2);
        const QJsonObject report = all.at(all.size() - 2);
        QCOMPARE(report.value(QStringLiteral("event")).toString(), QStringLiteral("dropped"));
        QCOMPARE(quint64(report.value(QStringLiteral("count")).toInteger()), writer.dropped());
        QCOMPARE(quint64(report.value(QStringLiteral("total")).toInteger()), writer.dropped());
        QVERIFY(writer.finish(std::chrono::seconds {5}));
    }

    void lineLargerThanTheQueueIsTakenWhenEmpty()
    {
        Pipe pipe;
        QVERIFY(pipe.fds[0] >= 0);
        OutputWriter writer(pipe.fds[1], 1024);
        const QByteArray big = "{\"event\":\"big\",\"data\":\"" + QByteArray(100000, 'y') + "\"}";
        QVERIFY(writer.writeLine(big));
        QByteArray received;
        QVERIFY(QTest::qWaitFor(
            [&] {
                received += pipe.readAvailable();
                return received.endsWith('\n');
            },
            5000));
        QCOMPARE(received, big + '\n');
        QVERIFY(writer.finish(std::chrono::seconds {5}));
    }

    void finishGivesUpOnAReaderThatNeverReads()
    {
        Pipe pipe;
        QVERIFY(pipe.fds[0] >= 0);
        OutputWriter writer(pipe.fds[1], 64 * 1024);
        for (int i = 0; i < 100; ++i)
            writer.writeLine(QByteArray(1000, 'z'));
        // Bounded: it does not wait for a reader that never comes.
        QVERIFY(!writer.finish(std::chrono::milliseconds {200}));
        // Let the thread left behind finish its write before the pipe closes (no SIGPIPE).
        const qsizetype expected = qsizetype(100 - writer.dropped()) * 1001;
        QByteArray received;
        QVERIFY(QTest::qWaitFor(
            [&] {
                received += pipe.readAvailable();
                return received.size() >= expected;
            },
            5000));
    }
};

QTEST_GUILESS_MAIN(TestOutputWriter)
#include "tst_outputwriter.moc"
