// The extra CA file (--ca-cert): a PEM file is trusted by every connection; a file that holds
// no certificate stops the start with a message naming the file.

#include "app/gui/caloader.h"
#include "tests/support/testcertificates.h"

#include <QTemporaryDir>
#include <QTest>

using namespace WhaTrack::Gui;

class TstCaLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noFileMeansNoExtraCa()
    {
        const CaCertificates none = loadCaCertificates({});
        QVERIFY(none.ok());
        QVERIFY(none.certificates.isEmpty());
        QVERIFY(!none.sslConfiguration().has_value()); // the system's trust, unchanged
    }

    void missingOrGarbageFileIsRefusedWithItsName()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString missing = dir.filePath(QStringLiteral("nowhere.pem"));
        const CaCertificates a = loadCaCertificates(missing);
        QVERIFY(!a.ok());
        QVERIFY2(a.error.contains(QStringLiteral("nowhere.pem")), qPrintable(a.error));

        const QString garbage = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a certificate\n");
        f.close();
        const CaCertificates b = loadCaCertificates(garbage);
        QVERIFY(!b.ok());
        QVERIFY(b.error.contains(QStringLiteral("notes.txt")));
    }

    void pemFileIsTrustedOnTopOfTheSystem()
    {
        TestSupport::TestCertificates certs;
        QString error;
        QVERIFY2(certs.generate(&error), qPrintable(error));
        const CaCertificates loaded = loadCaCertificates(certs.caPath());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        QCOMPARE(loaded.certificates, certs.ca());
        const auto ssl = loaded.sslConfiguration();
        QVERIFY(ssl.has_value());
        QVERIFY(ssl->caCertificates().contains(certs.ca().first()));
        // The system's CAs stay trusted (a public server still works).
        QVERIFY(ssl->caCertificates().size()
            >= QSslConfiguration::defaultConfiguration().caCertificates().size());
    }
};

QTEST_GUILESS_MAIN(TstCaLoader)
#include "tst_caloader.moc"
