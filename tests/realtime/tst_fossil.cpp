// Tests of the fossil delta codec (realtime/fossil.h): vectors from two independent
// implementations, round trips, and corrupted deltas.

#include "realtime/fossil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Centrifuge;

namespace {

struct Vector
{
    QString name;
    QByteArray base;
    QByteArray target;
    QByteArray deltaNpm;
    QByteArray deltaGo;
};

std::vector<Vector> loadVectors()
{
    QFile file(QStringLiteral(INBOX_TEST_DATA_DIR "/fossil/vectors.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fossil vectors");
    const QJsonArray list = QJsonDocument::fromJson(file.readAll())
                                .object()
                                .value(QStringLiteral("vectors"))
                                .toArray();
    std::vector<Vector> out;
    for (const QJsonValue& v : list) {
        const QJsonObject o = v.toObject();
        auto bytes = [&](const char* key) {
            return QByteArray::fromBase64(o.value(QLatin1String(key)).toString().toLatin1());
        };
        out.push_back({o.value(QStringLiteral("name")).toString(), bytes("base"), bytes("target"),
            bytes("delta_npm"), bytes("delta_go")});
    }
    return out;
}

QByteArray randomBytes(QRandomGenerator& rng, qsizetype n, int alphabet = 256)
{
    QByteArray b(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        b[i] = char(rng.bounded(alphabet));
    return b;
}

//! Random inserts, deletes and byte changes, like successive versions of a document.
QByteArray mutate(QRandomGenerator& rng, QByteArray data, int edits)
{
    for (int e = 0; e < edits; ++e) {
        const qsizetype pos = data.isEmpty() ? 0 : rng.bounded(int(data.size()));
        switch (rng.bounded(3)) {
        case 0:
            data.insert(pos, randomBytes(rng, 1 + rng.bounded(30)));
            break;
        case 1:
            data.remove(pos, 1 + rng.bounded(30));
            break;
        default:
            if (!data.isEmpty())
                data[pos] = char(rng.bounded(256));
        }
    }
    return data;
}

QByteArray messageJson(int id, const QByteArray& status, const QByteArray& text)
{
    return R"({"id":"m_)" + QByteArray::number(id)
        + R"(","conversation_id":"c_8842","direction":"inbound","from":{"phone":"+5511999990000",)"
          R"("name":"Ana Souza"},"text":")"
        + text + R"(","status":")" + status
        + R"(","created_at":"2026-11-23T11:44:17Z","tags":["vip","billing"],"meta":{"retries":0}})";
}

std::optional<QByteArray> applyOk(const QByteArray& base, const QByteArray& delta)
{
    Fossil::Error error = Fossil::Error::BadCommand;
    auto out = Fossil::apply(base, delta, &error);
    if (out && error != Fossil::Error::None)
        qFatal("success with an error set");
    return out;
}

Fossil::Error applyError(const QByteArray& base, const QByteArray& delta)
{
    Fossil::Error error = Fossil::Error::None;
    const auto out = Fossil::apply(base, delta, &error);
    if (out)
        return Fossil::Error::None;
    if (error == Fossil::Error::None)
        qFatal("failure without an error");
    return error;
}

} // namespace

class TestFossil : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checksum();
    void vectorsFromOtherImplementations();
    void ownDeltasAreCompact();
    void handWrittenDelta();
    void roundTripRandom();
    void roundTripJson();
    void corruptedDeltas_data();
    void corruptedDeltas();
    void everyTruncationFails();
    void bitFlipsNeverCrash();
    void garbageNeverCrashes();
    void hugeClaimsDoNotAllocate();
    void outputSize();
};

void TestFossil::checksum()
{
    QCOMPARE(Fossil::checksum(""), 0u);
    QCOMPARE(Fossil::checksum("abcd"), 0x61626364u);
    QCOMPARE(Fossil::checksum("abcde"), 0x61626364u + 0x65000000u);
    QCOMPARE(Fossil::checksum("a"), 0x61000000u);
    QCOMPARE(Fossil::checksum("abc"), 0x61626300u);
    // Wraps modulo 2^32.
    QCOMPARE(Fossil::checksum(QByteArray(8, '\xff')), quint32(0xfffffffeu));
}

void TestFossil::vectorsFromOtherImplementations()
{
    const auto vectors = loadVectors();
    QVERIFY(vectors.size() >= 14);
    for (const Vector& v : vectors) {
        const auto fromNpm = applyOk(v.base, v.deltaNpm);
        QVERIFY2(fromNpm, qPrintable(v.name));
        QCOMPARE(*fromNpm, v.target);
        const auto fromGo = applyOk(v.base, v.deltaGo);
        QVERIFY2(fromGo, qPrintable(v.name));
        QCOMPARE(*fromGo, v.target);
        // And ours applies too.
        const auto own = applyOk(v.base, Fossil::create(v.base, v.target));
        QVERIFY2(own, qPrintable(v.name));
        QCOMPARE(*own, v.target);
    }
}

void TestFossil::ownDeltasAreCompact()
{
    // Not byte-identical to fossil's encoder, but in the same league on every vector.
    for (const Vector& v : loadVectors()) {
        const QByteArray own = Fossil::create(v.base, v.target);
        const qsizetype reference = std::min(v.deltaNpm.size(), v.deltaGo.size());
        QVERIFY2(own.size() <= reference * 3 / 2 + 16,
            qPrintable(QStringLiteral("%1: %2 vs %3").arg(v.name).arg(own.size()).arg(reference)));
    }
    // A small edit of a large document gives a small delta.
    QRandomGenerator rng(5);
    const QByteArray base = randomBytes(rng, 100000, 64);
    QByteArray target = base;
    target.replace(50000, 5, "HELLO");
    QVERIFY(Fossil::create(base, target).size() < 64);
}

void TestFossil::handWrittenDelta()
{
    // "hello world" -> "hello brave new world": copy 6, insert 10, copy 5.
    const QByteArray base = "hello world";
    const QByteArray target = "hello brave new world";
    QByteArray delta = "L\n6@0,A:brave new 5@6,";
    QByteArray sum;
    for (quint32 c = Fossil::checksum(target); sum.isEmpty() || c; c >>= 6)
        sum.prepend("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~"[c & 63]);
    delta += sum + ';';
    const auto out = applyOk(base, delta);
    QVERIFY(out);
    QCOMPARE(*out, target);
    // Bytes after the end command are ignored, as fossil does.
    QCOMPARE(applyOk(base, delta + "garbage"), std::optional<QByteArray>(target));
}

void TestFossil::roundTripRandom()
{
    QRandomGenerator rng(20261123);
    for (int i = 0; i < 3000; ++i) {
        const int alphabet = i % 3 == 0 ? 4 : (i % 3 == 1 ? 64 : 256); // repetitive to random
        const QByteArray base = randomBytes(rng, rng.bounded(i % 10 == 0 ? 20000 : 600), alphabet);
        const QByteArray target = i % 7 == 0 ? randomBytes(rng, rng.bounded(300), alphabet)
                                             : mutate(rng, base, rng.bounded(12));
        const QByteArray delta = Fossil::create(base, target);
        const auto out = applyOk(base, delta);
        QVERIFY2(out, qPrintable(QStringLiteral("iteration %1").arg(i)));
        QCOMPARE(*out, target);
    }
}

void TestFossil::roundTripJson()
{
    // A chain of versions, as a delta subscription sees them: each applied to the previous.
    QByteArray current = messageJson(1, "sent", "Olá, preciso de ajuda");
    const QList<QByteArray> statuses = {"delivered", "read", "read", "failed", "sent"};
    for (int i = 0; i < 200; ++i) {
        const QByteArray next = messageJson(1 + i / 10, statuses[i % statuses.size()],
            "Olá, preciso de ajuda " + QByteArray(i % 13, 'x') + QByteArray::number(i));
        const QByteArray delta = Fossil::create(current, next);
        QVERIFY(delta.size() < next.size());
        const auto out = applyOk(current, delta);
        QVERIFY(out);
        QCOMPARE(*out, next);
        current = *out;
    }
}

void TestFossil::corruptedDeltas_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QByteArray>("delta");
    QTest::addColumn<int>("error");
    const QByteArray base = "hello world, a base long enough to hold a few copyable blocks";
    const QByteArray target
        = "hello brave new world, a base long enough to hold a few copyable blocks";
    const QByteArray good = Fossil::create(base, target);
    QVERIFY(good.contains('@')); // copies, so a different base must fail
    QVERIFY(applyOk(base, good));

    auto row = [](const char* name, QByteArray b, QByteArray d, Fossil::Error e) {
        QTest::newRow(name) << b << d << int(e);
    };
    const QByteArray hw = "hello world"; // for the hand-written deltas
    row("empty", hw, "", Fossil::Error::BadHeader);
    row("no newline", hw, "5", Fossil::Error::BadHeader);
    row("header not a number", hw, "\n5:hello0;", Fossil::Error::BadHeader);
    row("header bad char", hw, "5!\n", Fossil::Error::BadHeader);
    row("header overflow", hw, "~~~~~~~~~~~~\n", Fossil::Error::BadHeader);
    row("claims too much", hw, "zzzzzz\n1@0,0;", Fossil::Error::TooLarge);
    row("unknown operator", hw, "5\n5#0,", Fossil::Error::BadCommand);
    row("copy without comma", hw, "5\n5@0;", Fossil::Error::BadCommand);
    row("count overflow", hw, "5\n~~~~~~~~~~~~@0,", Fossil::Error::BadCommand);
    row("offset overflow", hw, "5\n5@~~~~~~~~~~~~,", Fossil::Error::BadCommand);
    row("offset beyond base", hw, "5\n5@7,0;", Fossil::Error::CopyOutOfRange);
    row("count beyond base", hw, "5\nC@0,0;", Fossil::Error::SizeMismatch);
    row("copy from empty base", "", "1\n1@0,0;", Fossil::Error::CopyOutOfRange);
    row("offset huge", hw, "5\n5@zzzzzz,0;", Fossil::Error::CopyOutOfRange);
    row("insert too long", hw, "5\n5:hel", Fossil::Error::InsertTooLong);
    row("output longer than header", hw, "3\n5:hello0;", Fossil::Error::SizeMismatch);
    row("output shorter than header", hw, "9\n5:hello0;", Fossil::Error::SizeMismatch);
    row("no end command", hw, "5\n5:hello", Fossil::Error::Unterminated);
    QByteArray badSum = good;
    badSum.chop(2);
    badSum += (good.at(good.size() - 2) == '0' ? "1;" : "0;");
    row("bad checksum", base, badSum, Fossil::Error::BadChecksum);
    QByteArray changedInsert = good;
    const qsizetype colon = changedInsert.indexOf(':');
    changedInsert[colon + 1] = changedInsert.at(colon + 1) == 'x' ? 'y' : 'x';
    row("changed insert byte", base, changedInsert, Fossil::Error::BadChecksum);
    QByteArray otherBase = base;
    otherBase[30] = '#';
    row("wrong base", otherBase, good, Fossil::Error::BadChecksum);
    row("shorter base", base.left(20), good, Fossil::Error::CopyOutOfRange);
}

void TestFossil::corruptedDeltas()
{
    QFETCH(QByteArray, base);
    QFETCH(QByteArray, delta);
    QFETCH(int, error);
    QCOMPARE(int(applyError(base, delta)), error);
    QVERIFY(!Fossil::errorString(Fossil::Error(error)).isEmpty());
}

void TestFossil::everyTruncationFails()
{
    QRandomGenerator rng(99);
    const QByteArray base = messageJson(1, "sent", "truncate me");
    const QByteArray target
        = messageJson(1, "delivered", "truncate me, " + randomBytes(rng, 40, 26));
    const QByteArray delta = Fossil::create(base, target);
    for (qsizetype n = 0; n < delta.size(); ++n)
        QVERIFY2(
            applyError(base, delta.left(n)) != Fossil::Error::None, qPrintable(QString::number(n)));
    QCOMPARE(applyOk(base, delta), std::optional<QByteArray>(target));
}

void TestFossil::bitFlipsNeverCrash()
{
    QRandomGenerator rng(7);
    const QByteArray base = randomBytes(rng, 2000, 40);
    const QByteArray target = mutate(rng, base, 10);
    const QByteArray delta = Fossil::create(base, target);
    for (qsizetype i = 0; i < delta.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray bad = delta;
            bad[i] = char(bad.at(i) ^ (1 << bit));
            const auto out = Fossil::apply(base, bad);
            if (out) // only if the checksum still holds, which a flip in a count rarely allows
                QCOMPARE(out->size(), Fossil::outputSize(bad));
        }
    }
}

void TestFossil::garbageNeverCrashes()
{
    QRandomGenerator rng(11);
    const QByteArray alphabet
        = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~@,:;\n";
    for (int i = 0; i < 20000; ++i) {
        const QByteArray base = randomBytes(rng, rng.bounded(64));
        QByteArray delta(rng.bounded(48), Qt::Uninitialized);
        for (char& c : delta)
            c = i % 2 ? alphabet.at(rng.bounded(int(alphabet.size()))) : char(rng.bounded(256));
        const auto out = Fossil::apply(base, delta);
        if (out)
            QVERIFY(Fossil::checksum(*out) == Fossil::checksum(*out)); // reached without UB
    }
}

void TestFossil::hugeClaimsDoNotAllocate()
{
    // About 2^36 bytes claimed by a 13-byte delta: refused before allocating anything.
    QCOMPARE(applyError("abc", "w00000\n3@0,0;"), Fossil::Error::TooLarge);
    // Within MaxTargetSize but more than the delta could ever produce.
    QCOMPARE(applyError("abc", "30000\n3@0,0;"), Fossil::Error::TooLarge);
    // A legitimately repetitive target (many copies of the base) is fine.
    QByteArray delta = "70\n";
    for (int i = 0; i < 16; ++i)
        delta += "S@0,"; // 16 copies of 28 bytes = 448 bytes = "70" in base 64
    const QByteArray base(28, 'z');
    QByteArray sumDigits;
    for (quint32 c = Fossil::checksum(QByteArray(448, 'z')); sumDigits.isEmpty() || c; c >>= 6)
        sumDigits.prepend(
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~"[c & 63]);
    delta += sumDigits + ';';
    QCOMPARE(applyOk(base, delta), std::optional<QByteArray>(QByteArray(448, 'z')));
}

void TestFossil::outputSize()
{
    QCOMPARE(Fossil::outputSize("L\n"), 21);
    QCOMPARE(Fossil::outputSize("0\n0;"), 0);
    QCOMPARE(Fossil::outputSize("10\n"), 64);
    QCOMPARE(Fossil::outputSize(""), -1);
    QCOMPARE(Fossil::outputSize("5"), -1);
    QCOMPARE(Fossil::outputSize("~~~~~~~~~~\n"), -1);
}

QTEST_GUILESS_MAIN(TestFossil)
#include "tst_fossil.moc"
