#pragma once

//! \file translations.h
//! \brief Chooses the UI language and installs the app's and Qt's own translators
//! (docs/translations.md).
//!
//! The language is, first to last: `--lang` on the command line, the Preferences choice
//! (models/platform/appsettings.h), the system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). The app
//! ships English (the source language) and Brazilian Portuguese, embedded under `:/i18n`.

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace WhaTrack::Ui {

//! The value of `--lang X` or `--lang=X` in \a arguments (argv as a list), empty if absent.
//! Read before the command line is parsed, so that usage errors and --help are translated.
QString languageArgument(const QStringList& arguments);

//! The locale to show the UI in: \a commandLine if set, else \a preference if set, else the
//! system's. Names are locale names ("en", "pt_BR"; "pt-BR" works too).
QLocale chooseUiLocale(const QString& commandLine, const QString& preference);

class Translations
{
public:
    Translations() = default;
    ~Translations(); //!< removes the translators it installed
    Translations(const Translations&) = delete;
    Translations& operator=(const Translations&) = delete;

    //! Installs the translation matching \a locale (its UI languages are tried in order) and,
    //! for a non-English one, Qt's own (standard buttons, the file dialog). When \a setDefault,
    //! \a locale also becomes the default QLocale, so dates, numbers and money follow the
    //! chosen language. Returns the language loaded: "pt_BR", or "en" when nothing matched.
    QString install(const QLocale& locale, bool setDefault);

    //! "en" or "pt_BR" after install().
    QString language() const { return m_language; }

    //! The languages shipped, as locale names.
    static QStringList available();

private:
    QTranslator m_app;
    QTranslator m_qt;
    bool m_appInstalled = false;
    bool m_qtInstalled = false;
    QString m_language = QStringLiteral("en");
};

} // namespace WhaTrack::Ui
