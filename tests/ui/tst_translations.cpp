// Translations (docs/translations.md): the Portuguese translation is loaded under
// LANG=pt_BR.UTF-8 with Qt's own strings, --lang and the preference choose the language, every
// string a user can see in the main window and the dialogs is translated, and lupdate finds the
// catalogue complete (a new tr() string without a translation fails here).

#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "models/items/stagesmodel.h"
#include "models/platform/appsettings.h"
#include "models/store/inboxstore.h"
#include "tests/support/fakeinboxbackend.h"
#include "ui/connectiondetailsdialog.h"
#include "ui/connectionmonitor.h"
#include "ui/mainwindow.h"
#include "ui/organizationdialog.h"
#include "ui/preferencesdialog.h"
#include "ui/quickswitcher.h"
#include "ui/signindialog.h"
#include "ui/translations.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Ui;
using WhaTrack::Testing::FakeInboxBackend;

namespace {

// Words that are the same in both languages (brand names, loanwords Brazilian agents use).
const QStringList kSameInBothLanguages
    = {QStringLiteral("WhaTrack Inbox"), QStringLiteral("WhaTrack"), QStringLiteral("OK"),
        QStringLiteral("ok"), QStringLiteral("Backend"), QStringLiteral("WebSocket"),
        QStringLiteral("Status"), QStringLiteral("Ticket"), QStringLiteral("Tickets"),
        QStringLiteral("English"), QStringLiteral("Português (Brasil)")};

using Texts = QMap<QString, QString>; // where -> text

void add(Texts* out, const QString& where, const QString& text)
{
    if (!text.trimmed().isEmpty())
        out->insert(where, text);
}

void addActions(Texts* out, const QString& where, const QList<QAction*>& actions)
{
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const QAction* a = actions.at(i);
        const QString at = where + QStringLiteral("/action%1").arg(i);
        add(out, at + QStringLiteral(".text"), a->text());
        add(out, at + QStringLiteral(".toolTip"), a->toolTip());
        if (a->menu()) {
            add(out, at + QStringLiteral(".menuTitle"), a->menu()->title());
            addActions(out, at, a->menu()->actions());
        }
    }
}

//! Every text of \a root a user can see or hear (screen readers read accessible names), keyed
//! by where it is, so two builds of the same window can be compared text by text.
Texts shownTexts(QWidget* root, const QString& name)
{
    Texts out;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (qsizetype i = 0; i < widgets.size(); ++i) {
        QWidget* w = widgets.at(i);
        const QString at = QStringLiteral("%1/%2#%3(%4)")
                               .arg(name, QString::fromLatin1(w->metaObject()->className()))
                               .arg(i)
                               .arg(w->objectName());
        if (w->isWindow())
            add(&out, at + QStringLiteral(".windowTitle"), w->windowTitle());
        add(&out, at + QStringLiteral(".toolTip"), w->toolTip());
        add(&out, at + QStringLiteral(".accessibleName"), w->accessibleName());
        add(&out, at + QStringLiteral(".accessibleDescription"), w->accessibleDescription());
        if (auto* label = qobject_cast<QLabel*>(w))
            add(&out, at + QStringLiteral(".text"), label->text());
        if (auto* button = qobject_cast<QAbstractButton*>(w))
            add(&out, at + QStringLiteral(".text"), button->text());
        if (auto* edit = qobject_cast<QLineEdit*>(w))
            add(&out, at + QStringLiteral(".placeholder"), edit->placeholderText());
        if (auto* box = qobject_cast<QGroupBox*>(w))
            add(&out, at + QStringLiteral(".title"), box->title());
        if (auto* menu = qobject_cast<QMenu*>(w))
            add(&out, at + QStringLiteral(".title"), menu->title());
        if (auto* combo = qobject_cast<QComboBox*>(w)) {
            for (int r = 0; r < combo->count(); ++r)
                add(&out, at + QStringLiteral(".item%1").arg(r), combo->itemText(r));
        }
        if (auto* tabs = qobject_cast<QTabWidget*>(w)) {
            for (int t = 0; t < tabs->count(); ++t)
                add(&out, at + QStringLiteral(".tab%1").arg(t), tabs->tabText(t));
        }
        if (auto* header = qobject_cast<QHeaderView*>(w); header && header->model()) {
            for (int s = 0; s < header->count(); ++s)
                add(&out, at + QStringLiteral(".section%1").arg(s),
                    header->model()->headerData(s, header->orientation()).toString());
        }
        addActions(&out, at, w->actions());
    }
    return out;
}

} // namespace

class TstTranslations : public QObject
{
    Q_OBJECT

    //! Builds the main window (a chat open, its ticket shown), the quick switcher, the
    //! connection details and the dialogs, and returns their texts.
    Texts buildAndCollect()
    {
        Texts all;
        FakeInboxBackend backend(6);
        if (!backend.start())
            return all;
        ApiClient api(backend.config());
        InboxStore store(&api, nullptr, InboxStoreOptions {});
        ConnectionMonitor monitor;
        MainWindow window(&store, &monitor);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return all;
        store.setOrganization(QStringLiteral("org-1"));
        if (!QTest::qWaitFor([&] { return store.chatListModel()->rowCount() == 3; }))
            return all;
        store.openChat(QStringLiteral("C1"));
        if (!QTest::qWaitFor([&] { return store.messageListModel()->rowCount() > 0; }))
            return all;
        window.showQuickSwitcher();
        window.showConnectionDetails();
        for (auto [key, text] : shownTexts(&window, QStringLiteral("MainWindow")).asKeyValueRange())
            all.insert(key, text);
        if (window.quickSwitcher()) {
            const Texts t = shownTexts(window.quickSwitcher(), QStringLiteral("QuickSwitcher"));
            all.insert(t);
        }
        if (window.connectionDetails()) {
            const Texts t = shownTexts(window.connectionDetails(), QStringLiteral("Details"));
            all.insert(t);
        }
        m_data.clear();
        for (int r = 0; r < store.chatListModel()->rowCount(); ++r) {
            const QModelIndex i = store.chatListModel()->index(r, 0);
            for (int role : {int(ChatListModel::NameRole), int(ChatListModel::PhoneRole),
                     int(ChatListModel::LastMessagePreviewRole)})
                m_data << i.data(role).toString();
        }
        for (int r = 0; r < store.stagesModel()->rowCount(); ++r)
            m_data << store.stagesModel()->index(r, 0).data().toString(); // the pipeline's names
        for (int r = 0; r < store.messageListModel()->rowCount(); ++r)
            m_data << store.messageListModel()->index(r, 0).data().toString();

        PreferencesDialog prefs(Preferences {});
        all.insert(shownTexts(&prefs, QStringLiteral("Preferences")));
        SignInDialog signIn;
        all.insert(shownTexts(&signIn, QStringLiteral("SignIn")));
        OrganizationDialog orgs({Organization {QStringLiteral("org-1"), QStringLiteral("Loja"),
            QStringLiteral("loja"), QStringLiteral("agent")}});
        all.insert(shownTexts(&orgs, QStringLiteral("Organizations")));
        // INBOX_TR_GRAB_DIR=DIR saves each window as PNG, to look for clipped translations.
        if (const QString grabDir = qEnvironmentVariable("INBOX_TR_GRAB_DIR"); !grabDir.isEmpty()) {
            const QString lang = QLocale().name();
            const std::pair<QWidget*, const char*> shots[] = {
                {&window, "main"}, {&prefs, "preferences"}, {&signIn, "signin"}, {&orgs, "orgs"}};
            for (const auto& [w, file] : shots) {
                w->adjustSize();
                w->grab().save(
                    QStringLiteral("%1/%2-%3.png").arg(grabDir, QString::fromLatin1(file), lang));
            }
        }
        m_data << QStringLiteral("Loja") << QStringLiteral("agent")
               << backend.config().baseUrl.toString();
        return all;
    }

    bool isData(const QString& text) const
    {
        if (!text.contains(QRegularExpression(QStringLiteral("[A-Za-z]{2}"))))
            return true; // times, counts, numbers
        if (text.contains(QLatin1String("://")) || text.contains(QLatin1String("{org}")))
            return true; // example addresses and channel templates: technical, not words
        for (const QString& d : m_data) {
            if (!d.isEmpty() && (text.contains(d) || d.contains(text)))
                return true;
        }
        return false;
    }

    QStringList m_data;

private Q_SLOTS:
    void loadedUnderLangPtBr()
    {
        // main() below set LANG=pt_BR.UTF-8 (LC_ALL, LC_MESSAGES and LANGUAGE unset).
        Translations translations;
        QCOMPARE(translations.install(chooseUiLocale({}, {}), false), QStringLiteral("pt_BR"));
        QCOMPARE(QCoreApplication::translate("WhaTrack::Ui::MainWindow", "&Inbox"),
            QStringLiteral("&Caixa de entrada"));
        QCOMPARE(QCoreApplication::translate("WhaTrack::Ui::ConnectionStatusWidget", "Online"),
            QStringLiteral("Online")); // not a context of ours: stays the source
        // The cause table (models/diagnostics) under its own contexts.
        QCOMPARE(QCoreApplication::translate("WhaTrack::Diagnostics", "Connection refused"),
            QStringLiteral("Conexão recusada"));
        // Qt's own: a standard button of every dialog.
        QDialogButtonBox box(QDialogButtonBox::Cancel);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancelar"));
        // Plural forms: Portuguese counts 1 in the singular.
        QCOMPARE(
            QCoreApplication::translate("WhaTrack::Ui::Notifier", "%n new messages", nullptr, 1),
            QStringLiteral("1 mensagem nova"));
        QCOMPARE(
            QCoreApplication::translate("WhaTrack::Ui::Notifier", "%n new messages", nullptr, 3),
            QStringLiteral("3 mensagens novas"));
    }

    void commandLineAndPreferenceChoose()
    {
        const QStringList args = {QStringLiteral("whatrack-inbox"), QStringLiteral("--backend-url"),
            QStringLiteral("https://x"), QStringLiteral("--lang"), QStringLiteral("en")};
        QCOMPARE(languageArgument(args), QStringLiteral("en"));
        QCOMPARE(languageArgument({QStringLiteral("a"), QStringLiteral("--lang=pt_BR")}),
            QStringLiteral("pt_BR"));
        QCOMPARE(languageArgument(
                     {QStringLiteral("a"), QStringLiteral("--"), QStringLiteral("--lang=en")}),
            QString());
        QCOMPARE(chooseUiLocale(QStringLiteral("en"), QStringLiteral("pt_BR")).language(),
            QLocale::English);
        QCOMPARE(chooseUiLocale({}, QStringLiteral("pt_BR")).name(), QStringLiteral("pt_BR"));
        {
            // English chosen on a Portuguese system: nothing of Portuguese is installed.
            Translations translations;
            QCOMPARE(
                translations.install(QLocale(QStringLiteral("en")), false), QStringLiteral("en"));
            QCOMPARE(QCoreApplication::translate("WhaTrack::Ui::MainWindow", "&Inbox"),
                QStringLiteral("&Inbox"));
            QDialogButtonBox box(QDialogButtonBox::Cancel);
            QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
        }
    }

    void everyVisibleStringTranslated()
    {
        QLocale::setDefault(QLocale(QStringLiteral("en_US")));
        const Texts english = buildAndCollect();
        QVERIFY2(english.size() > 50, "the windows did not build");
        Texts portuguese;
        {
            Translations translations;
            QCOMPARE(translations.install(QLocale(QStringLiteral("pt_BR")), true),
                QStringLiteral("pt_BR"));
            portuguese = buildAndCollect();
        }
        QLocale::setDefault(QLocale::system());
        // A text the English build shows too is English, unless it is data or the same word in
        // both languages. (Compared as texts: the windows differ in widgets, not only in words.)
        const QStringList englishTexts = english.values();
        QStringList untranslated;
        for (auto [where, text] : portuguese.asKeyValueRange()) {
            if (!englishTexts.contains(text))
                continue;
            QString plain = text;
            plain.remove(QLatin1Char('&'));
            if (kSameInBothLanguages.contains(plain) || isData(text))
                continue;
            untranslated << QStringLiteral("%1: \"%2\"").arg(where, text);
        }
        QVERIFY2(untranslated.isEmpty(),
            qPrintable(QStringLiteral("English left in the Portuguese UI:\n")
                + untranslated.join(QLatin1Char('\n'))));
    }

    void catalogueComplete()
    {
        // lupdate over the sources into copies of the .ts files: nothing new, nothing gone,
        // nothing unfinished. The fix is `cmake --build BUILD --target update_translations`,
        // then translating what it added (docs/translations.md).
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = QStringLiteral(INBOX_SOURCE_DIR);
        const QStringList names
            = {QStringLiteral("whatrack-inbox_en.ts"), QStringLiteral("whatrack-inbox_pt_BR.ts")};
        QStringList copies;
        for (const QString& name : names) {
            const QString copy = dir.filePath(name);
            QVERIFY(QFile::copy(root + QStringLiteral("/resources/translations/") + name, copy));
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
            copies << copy;
        }
        // The list of scanned sources CMake wrote (resources/translations/translations.cmake).
        const QString list = QStringLiteral(INBOX_TR_SOURCE_LIST);
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        QStringList args = {QStringLiteral("-I"), root, QStringLiteral("-no-obsolete"),
            QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("@") + list,
            QStringLiteral("-ts")};
        args += copies;
        lupdate.start(QStringLiteral(INBOX_LUPDATE), args);
        QVERIFY(lupdate.waitForFinished(120000));
        const QString output = QString::fromLocal8Bit(lupdate.readAll());
        QCOMPARE(lupdate.exitCode(), 0);
        // "Found N source text(s) (0 new and N already existing)" and no "Removed".
        const QRegularExpression summary(QStringLiteral("\\((\\d+) new and (\\d+) already"));
        auto it = summary.globalMatch(output);
        int files = 0;
        while (it.hasNext()) {
            const auto m = it.next();
            QVERIFY2(m.captured(1) == QLatin1String("0"),
                qPrintable(QStringLiteral("strings without a translation entry:\n") + output));
            ++files;
        }
        QCOMPARE(files, 2);
        QVERIFY2(!output.contains(QLatin1String("Removed")), qPrintable(output));

        QFile pt(copies.at(1));
        QVERIFY(pt.open(QIODevice::ReadOnly));
        const QString ts = QString::fromUtf8(pt.readAll());
        QVERIFY(ts.contains(QLatin1String("<TS version=")));
        // <translation type="unfinished|vanished|obsolete">: not (or no longer) translated.
        const QRegularExpression open(
            QStringLiteral("<source>([^<]*)</source>\\s*(?:<comment>[^<]*</"
                           "comment>\\s*)?<translation type=\"(\\w+)\""));
        QStringList unfinished;
        for (auto hit = open.globalMatch(ts); hit.hasNext();) {
            const auto m = hit.next();
            unfinished << QStringLiteral("%1 (%2)").arg(m.captured(1), m.captured(2));
        }
        QCOMPARE(ts.count(QLatin1String("<translation type=")), unfinished.size());
        QVERIFY2(unfinished.isEmpty(),
            qPrintable(
                QStringLiteral("not translated to pt_BR:\n") + unfinished.join(QLatin1Char('\n'))));
    }
};

int main(int argc, char** argv)
{
    // The system language as a Brazilian desktop sets it, before Qt reads the locale.
    qunsetenv("LC_ALL");
    qunsetenv("LC_MESSAGES");
    qunsetenv("LANGUAGE");
    qputenv("LANG", "pt_BR.UTF-8");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("WhaTrackTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
    TstTranslations test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
