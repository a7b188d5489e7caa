// Keyboard use of the main window: Ctrl+F focuses the search, Ctrl+K opens the quick switcher
// (fuzzy over names and phones, Enter opens the chat, Escape closes), and Escape in the
// sign-in dialog closes only the dialog (Cancel is what quits the app).

#include "models/api/apitypes.h"
#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "models/store/inboxstore.h"
#include "tests/support/fakeinboxbackend.h"
#include "ui/chatlistpane.h"
#include "ui/connectionmonitor.h"
#include "ui/mainwindow.h"
#include "ui/quickswitcher.h"
#include "ui/signindialog.h"

#include <QAbstractItemModelTester>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>

using namespace WhaTrack;
using namespace WhaTrack::Ui;
using WhaTrack::Testing::FakeInboxBackend;

namespace {
QStandardItem* chat(const QString& id, const QString& name, const QString& phone)
{
    auto* item = new QStandardItem(name);
    item->setData(id, ChatListModel::IdRole);
    item->setData(name, ChatListModel::NameRole);
    item->setData(phone, ChatListModel::PhoneRole);
    return item;
}
} // namespace

class TstKeyboard : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeInboxBackend> m_backend;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<InboxStore> m_store;
    std::unique_ptr<ConnectionMonitor> m_monitor;
    std::unique_ptr<MainWindow> m_window;

    void build()
    {
        m_backend = std::make_unique<FakeInboxBackend>(12);
        QVERIFY(m_backend->start());
        m_api = std::make_unique<ApiClient>(m_backend->config());
        m_store = std::make_unique<InboxStore>(m_api.get(), nullptr, InboxStoreOptions {});
        m_monitor = std::make_unique<ConnectionMonitor>();
        m_window = std::make_unique<MainWindow>(m_store.get(), m_monitor.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        m_store->setOrganization(QStringLiteral("org-1"));
        QTRY_COMPARE(m_store->chatListModel()->rowCount(), 3);
    }

private Q_SLOTS:
    void init()
    {
        QTest::failOnWarning(
            QRegularExpression(QStringLiteral("^(?!This plugin does not support).*")));
    }

    void cleanup()
    {
        m_window.reset();
        m_store.reset();
        m_monitor.reset();
        m_api.reset();
        m_backend.reset();
    }

    void ctrlFFocusesTheSearch()
    {
        build();
        QTRY_VERIFY(m_window->isActiveWindow());
        m_window->chatListPane()->listView()->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(m_window->chatListPane()->searchField()->hasFocus());
    }

    void quickSwitcherMatchesNamesAndPhones()
    {
        QStandardItemModel chats;
        QAbstractItemModelTester tester(&chats);
        chats.appendRow(chat(
            QStringLiteral("A"), QStringLiteral("Ana Lúcia"), QStringLiteral("+55 61 95871-8496")));
        chats.appendRow(chat(QStringLiteral("B"), QStringLiteral("Cláudio Dias"),
            QStringLiteral("+55 11 91234-5678")));
        chats.appendRow(chat(
            QStringLiteral("C"), QStringLiteral("Carla Lopes"), QStringLiteral("5521999990000")));
        QWidget host;
        host.resize(600, 400);
        host.show();
        QuickSwitcher switcher(&chats, &host);
        QSignalSpy chosen(&switcher, &QuickSwitcher::chatChosen);
        switcher.popup();
        QCOMPARE(switcher.resultList()->count(), 3); // empty query: every chat

        // Letters in order, accents ignored: "cld" is Cláudio (a word start and a run beat
        // "Carla Lopes" where the letters are scattered) — first, and Enter opens it.
        QTest::keyClicks(switcher.queryField(), QStringLiteral("cld"));
        QVERIFY(switcher.resultList()->count() >= 1);
        QVERIFY(switcher.resultList()->item(0)->text().startsWith(QStringLiteral("Cláudio")));
        QTest::keyClick(switcher.queryField(), Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().toString(), QStringLiteral("B"));
        QVERIFY(!switcher.isVisible());

        // A phone fragment as typed by a person, separators ignored.
        switcher.popup();
        QTest::keyClicks(switcher.queryField(), QStringLiteral("1234-56"));
        QCOMPARE(switcher.resultList()->count(), 1);
        QTest::keyClick(switcher.queryField(), Qt::Key_Enter);
        QCOMPARE(chosen.count(), 2);
        QCOMPARE(chosen.last().first().toString(), QStringLiteral("B"));

        // No match: nothing to open; Escape closes without choosing.
        switcher.popup();
        QTest::keyClicks(switcher.queryField(), QStringLiteral("zzq"));
        QCOMPARE(switcher.resultList()->count(), 0);
        QTest::keyClick(switcher.queryField(), Qt::Key_Return);
        QTest::keyClick(switcher.queryField(), Qt::Key_Escape);
        QVERIFY(!switcher.isVisible());
        QCOMPARE(chosen.count(), 2);
    }

    void ctrlKOpensAChatFromTheWindow()
    {
        build();
        QTRY_VERIFY(m_window->isActiveWindow());
        QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
        QuickSwitcher* switcher = m_window->quickSwitcher();
        QVERIFY(switcher);
        QTRY_VERIFY(switcher->isVisible());
        QTest::keyClicks(switcher->queryField(), QStringLiteral("jpg")); // João Pedro Gonçalves
        QCOMPARE(switcher->resultList()->count(), 1);
        QTest::keyClick(switcher->queryField(), Qt::Key_Return);
        QTRY_VERIFY(!m_store->openChatId().isEmpty());
        const auto hits = m_store->chatListModel()->match(m_store->chatListModel()->index(0, 0),
            ChatListModel::IdRole, m_store->openChatId(), 1, Qt::MatchExactly);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().data(ChatListModel::NameRole).toString(),
            QStringLiteral("João Pedro Gonçalves"));
    }

    void listDoesNotResortUnderThePointer()
    {
        build();
        auto* chats = m_store->chatListModel();
        QAbstractItemModelTester tester(chats);
        const auto nameAt = [chats](int row) {
            return chats->index(row, 0).data(ChatListModel::NameRole).toString();
        };
        const int last = chats->rowCount() - 1;
        const QString lastId = chats->index(last, 0).data(ChatListModel::IdRole).toString();
        const QString lastName = nameAt(last);
        const QString topName = nameAt(0);
        QVERIFY(lastName != topName);

        QWidget* viewport = m_window->chatListPane()->listView()->viewport();
        QEvent enter(QEvent::Enter);
        QCoreApplication::sendEvent(viewport, &enter);

        Message m;
        m.id = QStringLiteral("live-sort-1");
        m.conversationId = lastId;
        m.direction = MessageDirection::Inbound;
        m.type = QStringLiteral("text");
        m.body = QStringLiteral("Oi, ainda estão aí?");
        m.timestamp = QDateTime::currentDateTimeUtc().addSecs(60);
        QVERIFY(m_store->chatListSourceModel()->applyIncomingMessage(lastId, m));
        QCoreApplication::processEvents();
        // The chat got newer, but the row under the pointer stays where the agent aims.
        QCOMPARE(nameAt(last), lastName);
        QCOMPARE(nameAt(0), topName);

        QEvent leave(QEvent::Leave);
        QCoreApplication::sendEvent(viewport, &leave);
        QTRY_COMPARE(nameAt(0), lastName); // the move is applied once the pointer leaves
    }

    void everyControlHasAnAccessibleName()
    {
        build();
        m_window->chatListPane()->listView()->setCurrentIndex(
            m_store->chatListModel()->index(0, 0)); // the conversation and ticket panes fill in
        QTRY_VERIFY(m_store->messageListModel()->rowCount() > 0);
        QTRY_VERIFY(m_window->findChild<QComboBox*>()
            && m_window->findChild<QComboBox*>()->isVisibleTo(m_window.get())); // the ticket
        m_window->showQuickSwitcher();
        SignInDialog signIn(m_window.get());
        signIn.show();
        QStringList unnamed;
        const auto check = [&unnamed](QWidget* root) {
            for (QWidget* w : root->findChildren<QWidget*>()) {
                const bool interactive = qobject_cast<QAbstractButton*>(w)
                    || qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w)
                    || qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QAbstractItemView*>(w)
                    || qobject_cast<QPlainTextEdit*>(w) || qobject_cast<QTextEdit*>(w);
                if (!interactive || !w->isVisibleTo(root) || w->focusPolicy() == Qt::NoFocus
                    || qobject_cast<QLineEdit*>(w->parentWidget())) // a spin box's editor
                    continue;
                QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
                if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
                    unnamed << QStringLiteral("%1 (%2)").arg(
                        w->objectName(), QString::fromLatin1(w->metaObject()->className()));
            }
        };
        check(m_window.get());
        check(m_window->quickSwitcher());
        check(&signIn);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    void escapeClosesSignInWithoutCancelling()
    {
        SignInDialog dialog;
        dialog.setEmail(QStringLiteral("agent@example.com"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy rejected(&dialog, &QDialog::rejected); // the app quits on this
        QSignalSpy finished(&dialog, &QDialog::finished);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(rejected.count(), 0);
        QCOMPARE(dialog.result(), SignInDialog::Dismissed);
    }
};

QTEST_MAIN(TstKeyboard)
#include "tst_keyboard.moc"
