#include "ui/translations.h"

#include "ui/logging.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>

namespace WhaTrack::Ui {

namespace {
const QString kResourceDir = QStringLiteral(":/i18n");
const QString kAppFile = QStringLiteral("whatrack-inbox");
} // namespace

QString languageArgument(const QStringList& arguments)
{
    const QString option = QStringLiteral("--lang");
    const QString withValue = QStringLiteral("--lang=");
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (arg == QLatin1String("--"))
            break; // the rest are positional
        if (arg == option && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arg.startsWith(withValue))
            return arg.mid(withValue.size());
    }
    return {};
}

QLocale chooseUiLocale(const QString& commandLine, const QString& preference)
{
    for (const QString& name : {commandLine, preference}) {
        const QString trimmed = name.trimmed();
        if (!trimmed.isEmpty())
            return QLocale(trimmed);
    }
    return QLocale::system();
}

QStringList Translations::available()
{
    return {QStringLiteral("en"), QStringLiteral("pt_BR")};
}

QString Translations::install(const QLocale& locale, bool setDefault)
{
    if (setDefault)
        QLocale::setDefault(locale);
    // QTranslator::load(QLocale, ...) walks the locale's UI languages ("pt-BR", "pt", ...) and
    // takes the first file that exists: whatrack-inbox_pt_BR.qm for any Brazilian setting.
    if (m_app.load(locale, kAppFile, QStringLiteral("_"), kResourceDir)) {
        m_appInstalled = QCoreApplication::installTranslator(&m_app);
        // The file's name says the language: whatrack-inbox_pt_BR.qm -> "pt_BR".
        m_language = QFileInfo(m_app.filePath()).completeBaseName().mid(kAppFile.size() + 1);
    }
    if (m_language.isEmpty())
        m_language = QStringLiteral("en");
    // Qt's own strings (OK/Cancel, the file dialog) only in the language the app itself speaks:
    // a German desktop with the English app should not get German buttons in English dialogs.
    if (!m_language.startsWith(QLatin1String("en"))) {
        const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (m_qt.load(QLocale(m_language), QStringLiteral("qtbase"), QStringLiteral("_"), qtDir))
            m_qtInstalled = QCoreApplication::installTranslator(&m_qt);
        else
            qCInfo(lcUi) << "Qt's own translation for" << m_language << "not found in" << qtDir
                         << "(standard buttons stay in English)";
    }
    qCInfo(lcUi) << "UI language" << m_language << "for locale" << locale.name()
                 << "(formats:" << QLocale().name() << ")";
    return m_language;
}

Translations::~Translations()
{
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qt);
    if (m_appInstalled)
        QCoreApplication::removeTranslator(&m_app);
}

} // namespace WhaTrack::Ui
