// Phone numbers and money as the agent reads them (ui/displayformat.h): Brazilian numbers in
// the national layout, others grouped plainly, anything odd shown as stored; BRL in the
// locale's number format.

#include "ui/displayformat.h"

#include <QTest>

using namespace WhaTrack::Ui;

class TstDisplayFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void phone_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("shown");
        // Brazil: mobile (9 digits after the area code) and fixed line (8).
        QTest::newRow("br mobile e164") << "5561958718496"
                                        << "+55 (61) 95871-8496";
        QTest::newRow("br mobile plus") << "+5561958718496"
                                        << "+55 (61) 95871-8496";
        QTest::newRow("br mobile typed") << "+55 61 95871-8496"
                                         << "+55 (61) 95871-8496";
        QTest::newRow("br fixed") << "551134567890"
                                  << "+55 (11) 3456-7890";
        // Other countries: +CC and plain groups.
        QTest::newRow("us") << "+14155550123"
                            << "+1 415 555 0123";
        QTest::newRow("portugal") << "351912345678"
                                  << "+351 91 234 5678";
        QTest::newRow("uk") << "447911123456"
                            << "+44 791 112 3456";
        // Not a phone number: shown exactly as stored.
        QTest::newRow("short code") << "2020"
                                    << "2020";
        QTest::newRow("letters") << "Loja Centro"
                                 << "Loja Centro";
        QTest::newRow("group id") << "120363025246125486@g.us"
                                  << "120363025246125486@g.us";
        QTest::newRow("too long") << "1234567890123456"
                                  << "1234567890123456";
        QTest::newRow("empty") << ""
                               << "";
        // Customer profile names go through here too (the chat list): hostile ones stay as sent.
        QTest::newRow("html around digits") << "<b>5561958718496</b>"
                                            << "<b>5561958718496</b>";
        QTest::newRow("rtl override")
            << QStringLiteral("\u202E5561958718496") << QStringLiteral("\u202E5561958718496");
        QTest::newRow("huge digits")
            << QString(100000, QLatin1Char('5')) << QString(100000, QLatin1Char('5'));
    }

    void phone()
    {
        QFETCH(QString, stored);
        QFETCH(QString, shown);
        QCOMPARE(DisplayFormat::phone(stored), shown);
    }

    void phoneKeepsTheStoredValue()
    {
        const QString stored = QStringLiteral("5561958718496");
        const QString copy = stored;
        DisplayFormat::phone(stored);
        QCOMPARE(stored, copy);
    }

    void money_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<QString>("shown");
        QTest::newRow("pt_BR") << "pt_BR" << qint64(123456) << QStringLiteral("R$\u00a01.234,56");
        QTest::newRow("pt_BR cents") << "pt_BR" << qint64(5) << QStringLiteral("R$\u00a00,05");
        QTest::newRow("en_US") << "en_US" << qint64(123456) << "R$1,234.56";
        QTest::newRow("C locale reads as English") << "C" << qint64(123456) << "R$1,234.56";
    }

    void money()
    {
        QFETCH(QString, locale);
        QFETCH(qint64, cents);
        QFETCH(QString, shown);
        QCOMPARE(DisplayFormat::money(cents, QLocale(locale)), shown);
    }
};

QTEST_GUILESS_MAIN(TstDisplayFormat)
#include "tst_displayformat.moc"
