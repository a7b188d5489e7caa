// Deal values are read as Brazilian reais under every locale: "1.500,50" and "1500,50" are
// R$ 1,500.50 on an English computer too, and input that could mean amounts 100 or 1000
// times apart is refused with a message instead of guessed. MoneyEdit commits an edit once.

#include "ui/moneyinput.h"

#include <QSignalSpy>
#include <QTest>

using namespace WhaTrack::Ui;

class TstMoneyInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void parses_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("cents"); // -1: refused, 0: empty (not set)
        const QStringList locales {QStringLiteral("en_US"), QStringLiteral("pt_BR")};
        struct Case
        {
            const char* text;
            qint64 cents;
        };
        const Case cases[] = {
            {"1500,50", 150050},
            {"1.500,50", 150050},
            {"R$ 1.500,50", 150050},
            {"R$\u00a01.500,50", 150050},
            {"1500", 150000},
            {"1500,5", 150050},
            {"0,99", 99},
            {",5", 50},
            {"1.500.000", 150000000},
            {"1.500.000,00", 150000000},
            {"1500.50", 150050}, // a dot before two digits can only be the decimal point
            {"1,500.50", 150050}, // both separators: unambiguous either way
            {"", 0},
            {"0", 0},
            {"0,00", 0},
            {"1.500", -1}, // 1500 in Brazil, 1.5 in the US
            {"1,500", -1}, // 1.5 in Brazil, 1500 in the US
            {"1500,505", -1},
            {"1.50,00", -1},
            {"15.00.000", -1},
            {"1,500,50", -1},
            {"-5", -1},
            {"12abc", -1},
            {"1e5", -1},
            {"99999999999999999999", -1},
            {"10.000.000.000,01", -1},
            {"10.000.000.000,00", 1'000'000'000'000},
        };
        for (const auto& locale : locales) {
            for (const auto& c : cases) {
                QTest::addRow("%s %s", qPrintable(locale), c.text)
                    << locale << QString::fromUtf8(c.text) << c.cents;
            }
        }
    }

    void parses()
    {
        QFETCH(QString, locale);
        QFETCH(QString, text);
        QFETCH(qint64, cents);
        QLocale::setDefault(QLocale(locale));
        const Money::Parsed p = Money::parseBrl(text);
        if (cents < 0) {
            QVERIFY2(!p.ok, qPrintable(QString::number(p.cents.value_or(0))));
            QVERIFY(!p.error.isEmpty());
            return;
        }
        QVERIFY2(p.ok, qPrintable(p.error));
        QCOMPARE(p.cents.value_or(0), cents);
    }

    void ambiguousInputSaysWhatToType()
    {
        const auto p = Money::parseBrl(QStringLiteral("1.500"));
        QVERIFY(!p.ok);
        QVERIFY2(p.error.contains(QStringLiteral("1500"))
                && p.error.contains(QStringLiteral("ambiguous")),
            qPrintable(p.error));
    }

    void formatsAndConverts()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(Money::formatBrl(150050), QStringLiteral("1.500,50"));
        QCOMPARE(Money::formatBrl(5), QStringLiteral("0,05"));
        QCOMPARE(Money::toApi(150050), QStringLiteral("1500.50"));
        QCOMPARE(Money::toApi(7), QStringLiteral("0.07"));
        QCOMPARE(Money::fromApi(QStringLiteral("1500.00")), std::optional<qint64>(150000));
        QCOMPARE(Money::fromApi(QStringLiteral("0.1")), std::optional<qint64>(10));
        QCOMPARE(Money::fromApi(QString()), std::nullopt);
        QCOMPARE(Money::fromApi(QStringLiteral("abc")), std::nullopt);
        QCOMPARE(Money::fromApi(QStringLiteral("1e308")), std::nullopt);
        QCOMPARE(Money::fromApi(QStringLiteral("-5")), std::nullopt);
    }

    void editCommitsOnce()
    {
        MoneyEdit edit;
        edit.setCents(150000);
        QCOMPARE(edit.text(), QStringLiteral("R$ 1.500,00"));
        QSignalSpy committed(&edit, &MoneyEdit::committed);
        QSignalSpy rejected(&edit, &MoneyEdit::rejected);
        edit.setText(QStringLiteral("2000,5"));
        Q_EMIT edit.editingFinished(); // Return...
        Q_EMIT edit.editingFinished(); // ...then the focus leaves
        QCOMPARE(committed.count(), 1);
        QCOMPARE(committed.first().first().value<std::optional<qint64>>(),
            std::optional<qint64>(200050));
        QCOMPARE(edit.text(), QStringLiteral("R$ 2.000,50"));
        edit.setText(QStringLiteral("1,500"));
        Q_EMIT edit.editingFinished();
        QCOMPARE(committed.count(), 1);
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(edit.text(), QStringLiteral("1,500")); // left for the agent to correct
    }
};

QTEST_MAIN(TstMoneyInput)
#include "tst_moneyinput.moc"
