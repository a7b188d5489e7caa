#include "ui/mainwindow.h"

#include "models/platform/appsettings.h"
#include "models/store/inboxstore.h"
#include "ui/chatlistpane.h"
#include "ui/connectiondetailsdialog.h"
#include "ui/connectionmonitor.h"
#include "ui/connectionstatuswidget.h"
#include "ui/conversationview.h"
#include "ui/legiblepalette.h"
#include "ui/logging.h"
#include "ui/plaintext.h"
#include "ui/quickswitcher.h"
#include "ui/ticketpanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>

namespace WhaTrack::Ui {

namespace {
constexpr QSize kDefaultSize(1280, 800);
} // namespace

MainWindow::MainWindow(InboxStore* store, ConnectionMonitor* monitor, QWidget* parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_monitor(monitor)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_chatList(new ChatListPane(store, m_splitter))
    , m_conversation(new ConversationView(store, m_splitter))
    , m_ticket(new TicketPanel(store, m_splitter))
    , m_status(new ConnectionStatusWidget(monitor, this))
    , m_account(plainLabel(this)) // user and organization names come from the server
{
    setObjectName(QStringLiteral("mainWindow"));
    // Secondary text (PlaceholderText) legible on light and dark desktop palettes.
    keepApplicationPaletteLegible();
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(1);
    m_chatList->setMinimumWidth(260);
    m_conversation->setMinimumWidth(360);
    m_ticket->setMinimumWidth(240);
    // The conversation takes the extra room; the side panes keep their width on resize.
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    setCentralWidget(m_splitter);

    // Telegram keeps its connection widget bottom-left; the account goes on the right.
    statusBar()->setSizeGripEnabled(false);
    statusBar()->addWidget(m_status);
    m_account->setForegroundRole(QPalette::PlaceholderText);
    m_account->setContentsMargins(0, 0, 8, 0);
    statusBar()->addPermanentWidget(m_account);

    connect(m_status, &ConnectionStatusWidget::detailsRequested, this,
        &MainWindow::showConnectionDetails);
    connect(m_status, &ConnectionStatusWidget::actionTriggered, this, &MainWindow::onStatusAction);
    connect(m_chatList, &ChatListPane::resyncRequested, this, &MainWindow::resyncRequested);
    connect(m_store, &InboxStore::openChatChanged, this, &MainWindow::updateTitle);

    buildMenus();
    resize(kDefaultSize);
    m_splitter->setSizes({340, kDefaultSize.width() - 340 - 300, 300});
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    auto* inbox = menuBar()->addMenu(tr("&Inbox"));
    auto* switchOrg = inbox->addAction(tr("Switch &organization…"));
    connect(switchOrg, &QAction::triggered, this, &MainWindow::switchOrganizationRequested);
    // Desktop: the server, notifications, language (PreferencesRole: the app menu on macOS).
    auto* prefs = inbox->addAction(tr("&Preferences…"));
    prefs->setObjectName(QStringLiteral("preferencesAction"));
    prefs->setShortcut(QKeySequence::Preferences);
    prefs->setMenuRole(QAction::PreferencesRole);
    connect(prefs, &QAction::triggered, this, &MainWindow::preferencesRequested);
    auto* signOut = inbox->addAction(tr("Sign &out"));
    connect(signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    inbox->addSeparator();
    auto* quit = inbox->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    quit->setObjectName(QStringLiteral("quitAction"));
    connect(quit, &QAction::triggered, this, &MainWindow::quit);

    auto* view = menuBar()->addMenu(tr("&View"));
    auto* search = view->addAction(tr("&Search chats"));
    search->setObjectName(QStringLiteral("searchAction"));
    search->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(search, &QAction::triggered, m_chatList, &ChatListPane::focusSearch);
    auto* switcher = view->addAction(tr("&Go to chat…"));
    switcher->setObjectName(QStringLiteral("quickSwitcherAction"));
    switcher->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(switcher, &QAction::triggered, this, &MainWindow::showQuickSwitcher);
    auto* prev = view->addAction(tr("&Previous chat"));
    prev->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    connect(prev, &QAction::triggered, this, [this] { m_chatList->openRelative(-1); });
    auto* next = view->addAction(tr("&Next chat"));
    next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    connect(next, &QAction::triggered, this, [this] { m_chatList->openRelative(+1); });
    view->addSeparator();
    auto* resync = view->addAction(tr("&Resync now"));
    resync->setShortcut(QKeySequence::Refresh);
    connect(resync, &QAction::triggered, this, &MainWindow::resyncRequested);
    auto* details = view->addAction(tr("&Connection details…"));
    connect(details, &QAction::triggered, this, &MainWindow::showConnectionDetails);
    // Shortcuts work while focus is anywhere in the window (the list, the search field...).
    for (QAction* a : {search, switcher, prev, next, resync})
        a->setShortcutContext(Qt::WindowShortcut);

    auto* help = menuBar()->addMenu(tr("&Help"));
    auto* about = help->addAction(tr("&About WhaTrack Inbox"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About WhaTrack Inbox"),
            tr("<b>WhaTrack Inbox</b> %1<br>A desktop inbox for WhaTrack support agents.<br>"
               "Qt %2")
                .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
}

void MainWindow::setCurrentUser(const User& user)
{
    m_user = user;
    m_ticket->setCurrentUser(user);
    updateTitle();
}

void MainWindow::setOrganizationName(const QString& name)
{
    m_organizationName = name;
    updateTitle();
}

void MainWindow::updateTitle()
{
    QString title = tr("WhaTrack Inbox");
    if (!m_organizationName.isEmpty())
        title = m_organizationName + QStringLiteral(" — ") + title;
    if (m_unreadTotal > 0)
        title = QStringLiteral("(%1) ").arg(m_unreadTotal) + title;
    setWindowTitle(plainWindowTitle(title));
    QStringList account;
    if (!m_user.name.isEmpty() || !m_user.email.isEmpty())
        account << (m_user.name.isEmpty() ? m_user.email : m_user.name);
    if (!m_organizationName.isEmpty())
        account << m_organizationName;
    m_account->setText(account.join(QStringLiteral(" · ")));
}

void MainWindow::setUnreadTotal(int total)
{
    if (total == m_unreadTotal)
        return;
    m_unreadTotal = total;
    updateTitle();
}

void MainWindow::showQuickSwitcher()
{
    if (!m_switcher) {
        m_switcher = new QuickSwitcher(m_store->chatListModel(), this);
        connect(m_switcher, &QuickSwitcher::chatChosen, m_store, &InboxStore::openChat);
    }
    m_switcher->popup();
}

void MainWindow::showConnectionDetails()
{
    if (!m_details) {
        m_details = new ConnectionDetailsDialog(m_monitor, this);
        m_details->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_details, &ConnectionDetailsDialog::resyncRequested, this,
            &MainWindow::resyncRequested);
        connect(m_details, &ConnectionDetailsDialog::reconnectRequested, this,
            &MainWindow::reconnectRequested);
    }
    m_details->show();
    m_details->raise();
    m_details->activateWindow();
}

void MainWindow::onStatusAction(ConnectionStatusView::Action action)
{
    switch (action) {
    case ConnectionStatusView::Action::TryNow:
    case ConnectionStatusView::Action::Reconnect:
        Q_EMIT reconnectRequested();
        break;
    case ConnectionStatusView::Action::Resync:
        Q_EMIT resyncRequested();
        break;
    case ConnectionStatusView::Action::SignIn:
        Q_EMIT signInRequested();
        break;
    case ConnectionStatusView::Action::Details:
        showConnectionDetails();
        break;
    case ConnectionStatusView::Action::None:
        break;
    }
}

void MainWindow::restoreLayout()
{
    const AppSettings settings;
    if (!restoreGeometry(settings.windowGeometry())) {
        // First run: the default size, centred, but never larger than the screen.
        const QRect avail
            = screen() ? screen()->availableGeometry() : QRect(QPoint(), kDefaultSize);
        resize(kDefaultSize.boundedTo(avail.size() * 0.95));
        move(avail.center() - rect().center());
    }
    m_splitter->restoreState(settings.splitterState());
}

void MainWindow::quit()
{
    qCInfo(lcUi) << "quit requested";
    m_quitting = true;
    close();
    // Hidden in the tray, closing the window does not end the app by itself.
    QCoreApplication::quit();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    AppSettings settings;
    if (isVisible())
        settings.setWindowLayout(saveGeometry(), m_splitter->saveState());
    if (m_closeToTray && !m_quitting) {
        // As chat apps do: the agent keeps getting notifications; Quit quits.
        event->ignore();
        hide();
        const bool first = !settings.trayHintShown();
        if (first)
            settings.setTrayHintShown(true);
        qCInfo(lcUi) << "main window hidden to the tray";
        Q_EMIT hiddenToTray(first);
        return;
    }
    qCInfo(lcUi) << "main window closed";
    QMainWindow::closeEvent(event);
}

} // namespace WhaTrack::Ui
