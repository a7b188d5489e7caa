#include "ui/conversationview.h"

#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "models/store/inboxstore.h"
#include "ui/avatarwidget.h"
#include "ui/displayformat.h"
#include "ui/logging.h"
#include "ui/mediaactions.h"
#include "ui/messagedelegate.h"
#include "ui/messagelistview.h"
#include "ui/olderpagesproxymodel.h"
#include "ui/plaintext.h"
#include "ui/uistyle.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QScrollBar>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace WhaTrack::Ui {

namespace {
//! A 1 px divider in a palette-derived colour (QFrame::HLine draws a 3D groove in some styles).
QWidget* hairline(QWidget* parent)
{
    auto* line = new QWidget(parent);
    line->setFixedHeight(1);
    line->setAutoFillBackground(true);
    QPalette pal = line->palette();
    pal.setColor(
        QPalette::Window, mix(pal.color(QPalette::Window), pal.color(QPalette::WindowText), 0.14));
    line->setPalette(pal);
    return line;
}

//! Start loading the previous page this close to the top, so it is usually there in time.
constexpr int kFetchOlderMarginPx = 400;
constexpr int kBottomSlackPx = 4;
} // namespace

ConversationView::ConversationView(InboxStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_proxy(new OlderPagesProxyModel(this))
    , m_delegate(new MessageDelegate(this))
    , m_stack(new QStackedWidget(this))
    , m_header(new QWidget(this))
    , m_avatar(new AvatarWidget(38, m_header))
    , m_name(plainLabel(m_header)) // the customer's WhatsApp profile name: never markup
    , m_phone(plainLabel(m_header))
    , m_list(new MessageListView(this))
    , m_loadingOlder(new QLabel(tr("Loading older messages…"), this))
    , m_noMessages(new QLabel(tr("No messages in this conversation yet."), this))
    , m_jump(new QToolButton(m_list->viewport()))
{
    setObjectName(QStringLiteral("conversationView"));

    // Header: who the agent is talking to.
    m_header->setObjectName(QStringLiteral("conversationHeader"));
    m_header->setAutoFillBackground(true);
    m_header->setBackgroundRole(QPalette::Base);
    QFont nameFont = m_name->font();
    nameFont.setWeight(QFont::DemiBold);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.1);
    m_name->setFont(nameFont);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_phone->setForegroundRole(QPalette::PlaceholderText);
    m_phone->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* who = new QVBoxLayout;
    who->setSpacing(0);
    who->addWidget(m_name);
    who->addWidget(m_phone);
    auto* headerLayout = new QHBoxLayout(m_header);
    headerLayout->setContentsMargins(14, 8, 14, 8);
    headerLayout->setSpacing(10);
    headerLayout->addWidget(m_avatar);
    headerLayout->addLayout(who, 1);

    // Messages.
    m_proxy->setSourceModel(m_store->messageListModel());
    m_list->setObjectName(QStringLiteral("messageList"));
    m_list->setModel(m_proxy);
    m_list->setItemDelegate(m_delegate);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::StrongFocus);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setMouseTracking(true);
    m_list->verticalScrollBar()->setSingleStep(24);
    m_list->setAccessibleName(tr("Messages"));
    m_list->viewport()->installEventFilter(this);
    // Floats over the bottom-right corner of the messages, as in WhatsApp and Telegram.
    m_jump->setObjectName(QStringLiteral("jumpToLatest"));
    m_jump->setAccessibleName(tr("Jump to latest messages"));
    m_jump->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_jump->setCursor(Qt::PointingHandCursor);
    m_jump->hide();
    connect(m_jump, &QToolButton::clicked, this, [this] {
        m_followBottom = true;
        scrollToBottom();
        m_newWhileAway = 0;
        updateJumpButton();
    });

    m_loadingOlder->setAlignment(Qt::AlignCenter);
    m_loadingOlder->setForegroundRole(QPalette::PlaceholderText);
    m_loadingOlder->hide();
    m_noMessages->setAlignment(Qt::AlignCenter);
    m_noMessages->setForegroundRole(QPalette::PlaceholderText);
    m_noMessages->hide();

    // Footer: the web inbox is read-only too; replies go through the phone.
    auto* footer = new QLabel(tr("View-only: reply from the WhatsApp phone app."), this);
    footer->setObjectName(QStringLiteral("viewOnlyFooter"));
    footer->setAlignment(Qt::AlignCenter);
    footer->setForegroundRole(QPalette::PlaceholderText);
    footer->setAutoFillBackground(true);
    footer->setBackgroundRole(QPalette::Base);
    footer->setContentsMargins(8, 9, 8, 9);
    footer->setToolTip(tr("WhaTrack has no send-message route: messages are sent from the "
                          "WhatsApp app on the business phone and appear here as they go out."));

    auto* chatPage = new QWidget(this);
    auto* chatLayout = new QVBoxLayout(chatPage);
    chatLayout->setContentsMargins(0, 0, 0, 0);
    chatLayout->setSpacing(0);
    chatLayout->addWidget(m_header);
    chatLayout->addWidget(hairline(chatPage));
    chatLayout->addWidget(m_loadingOlder);
    chatLayout->addWidget(m_list, 1);
    chatLayout->addWidget(m_noMessages);
    chatLayout->addWidget(hairline(chatPage));
    chatLayout->addWidget(footer);

    auto* empty = new QLabel(tr("Select a conversation to read it.\n\nCtrl+F searches, Ctrl+K "
                                "goes to a chat, Alt+Up and Alt+Down move between chats."),
        this);
    empty->setObjectName(QStringLiteral("noConversation"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setForegroundRole(QPalette::PlaceholderText);
    empty->setAutoFillBackground(true);

    m_stack->addWidget(empty);
    m_stack->addWidget(chatPage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    applyBackground();

    auto* sb = m_list->verticalScrollBar();
    connect(sb, &QScrollBar::valueChanged, this, &ConversationView::onScrollValueChanged);
    connect(sb, &QScrollBar::rangeChanged, this, &ConversationView::onScrollRangeChanged);

    auto* messages = m_store->messageListModel();
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this,
        [this](const QModelIndex&, int first) {
            // Prepending older messages: keep what the agent is reading where it is.
            if (first == 0 && m_proxy->rowCount() > 0 && !m_followBottom) {
                auto* bar = m_list->verticalScrollBar();
                m_anchorToBottom = true;
                m_distanceFromBottom = bar->maximum() - bar->value();
            }
        });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ConversationView::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex&, int first, int last) {
            if (first > 0) // not a prepended older page
                onRowsAppended(last - first + 1);
            placeUnreadDivider();
        });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ConversationView::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        m_followBottom = true;
        m_anchorToBottom = false;
        updateEmptyState();
        scrollToBottom();
        placeUnreadDivider();
    });
    connect(messages, &MessageListModel::loadingOlderChanged, m_loadingOlder, &QWidget::setVisible);
    connect(m_store, &InboxStore::openChatChanged, this, [this](const QString& chatId) {
        // Emitted before the store marks the chat read: its unread count is still there.
        m_unreadAtOpen = 0;
        auto* chats = m_store->chatListSourceModel();
        const auto hits
            = chats->match(chats->index(0, 0), ChatListModel::IdRole, chatId, 1, Qt::MatchExactly);
        if (!chatId.isEmpty() && !hits.isEmpty())
            m_unreadAtOpen = hits.first().data(ChatListModel::UnreadCountRole).toInt();
        m_delegate->setUnreadDivider({}, 0);
        m_newWhileAway = 0;
        updateJumpButton();
        m_followBottom = true;
        updateHeader();
        updateEmptyState();
    });
    auto* chats = m_store->chatListSourceModel();
    connect(chats, &QAbstractItemModel::dataChanged, this, &ConversationView::updateHeader);
    connect(chats, &QAbstractItemModel::modelReset, this, &ConversationView::updateHeader);
    updateHeader();
    updateEmptyState();
}

void ConversationView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyBackground();
    QWidget::changeEvent(event);
}

void ConversationView::applyBackground()
{
    QPalette pal = m_list->palette();
    pal.setColor(QPalette::Base, MessageDelegate::conversationBackground(palette()));
    m_list->setPalette(pal);
    if (auto* empty = findChild<QLabel*>(QStringLiteral("noConversation"))) {
        QPalette ep = empty->palette();
        ep.setColor(QPalette::Window, MessageDelegate::conversationBackground(palette()));
        empty->setPalette(ep);
    }
}

void ConversationView::updateHeader()
{
    const QString id = m_store->openChatId();
    m_stack->setCurrentIndex(id.isEmpty() ? 0 : 1);
    if (id.isEmpty())
        return;
    const ChatItem* chat = m_store->chatListSourceModel()->find(id);
    const QString name = chat ? chat->name : QString();
    // A contact without a saved name is its number, written for reading ("+55 (61) 95871-8496").
    const QString phone = chat ? DisplayFormat::phone(chat->phone) : QString();
    m_name->setText(name.isEmpty() || (chat && name == chat->phone)
            ? (phone.isEmpty() ? tr("Unknown contact") : phone)
            : name);
    m_avatar->setName(name);
    m_phone->setText(phone);
    m_phone->setVisible(chat && !chat->phone.isEmpty() && chat->phone != name);
}

void ConversationView::updateEmptyState()
{
    const bool open = !m_store->openChatId().isEmpty();
    const bool empty = m_proxy->rowCount() == 0;
    m_noMessages->setVisible(open && empty && !m_store->messageListModel()->isLoadingOlder());
    m_list->setVisible(!empty || !open);
}

void ConversationView::setMediaFetcher(MediaFetcher* fetcher)
{
    if (m_mediaActions || !fetcher)
        return;
    m_delegate->setMediaFetcher(fetcher);
    m_mediaActions = new MediaActions(m_list, fetcher, this);
}

void ConversationView::scrollToBottom()
{
    m_adjusting = true;
    m_list->ensureScrollRange(); // rows may have arrived in this pass
    m_list->scrollToBottom();
    auto* bar = m_list->verticalScrollBar();
    bar->setValue(bar->maximum());
    m_adjusting = false;
}

void ConversationView::onScrollValueChanged(int value)
{
    if (!m_adjusting) {
        auto* bar = m_list->verticalScrollBar();
        m_followBottom = value >= bar->maximum() - kBottomSlackPx;
        m_anchorToBottom = false;
        if (m_followBottom && m_newWhileAway > 0) {
            m_newWhileAway = 0; // the agent scrolled down and saw them
            updateJumpButton();
        }
    }
    maybeFetchOlder();
}

void ConversationView::onScrollRangeChanged(int, int max)
{
    // The content height changed (new rows, a relayout after a resize, a prepended page).
    auto* bar = m_list->verticalScrollBar();
    m_adjusting = true;
    if (m_followBottom)
        bar->setValue(max);
    else if (m_anchorToBottom)
        bar->setValue(max - m_distanceFromBottom);
    m_adjusting = false;
    maybeFetchOlder();
}

int ConversationView::unreadDividerRow() const
{
    const QString id = m_delegate->unreadDividerId();
    if (id.isEmpty())
        return -1;
    const auto hits
        = m_proxy->match(m_proxy->index(0, 0), MessageListModel::IdRole, id, 1, Qt::MatchExactly);
    return hits.isEmpty() ? -1 : hits.first().row();
}

void ConversationView::placeUnreadDivider()
{
    const int rows = m_proxy->rowCount();
    if (m_unreadAtOpen <= 0 || rows == 0)
        return;
    // The last N messages are the unread ones; a longer backlog than one page starts at the top.
    const QModelIndex first = m_proxy->index(std::max(0, rows - m_unreadAtOpen), 0);
    m_delegate->setUnreadDivider(first.data(MessageListModel::IdRole).toString(), m_unreadAtOpen);
    m_unreadAtOpen = 0;
    m_list->doItemsLayout(); // the divider row got taller
    m_adjusting = true;
    m_list->scrollTo(first, QAbstractItemView::PositionAtTop);
    auto* bar = m_list->verticalScrollBar();
    m_followBottom = bar->value() >= bar->maximum() - kBottomSlackPx;
    m_adjusting = false;
}

void ConversationView::onRowsAppended(int count)
{
    if (m_followBottom)
        return; // onScrollRangeChanged keeps the bottom in view
    m_newWhileAway += count;
    updateJumpButton();
}

void ConversationView::updateJumpButton()
{
    if (m_newWhileAway <= 0) {
        m_jump->hide();
        return;
    }
    m_jump->setText(tr("Jump to latest (%1) ↓").arg(m_newWhileAway));
    m_jump->adjustSize();
    const QWidget* area = m_list->viewport();
    m_jump->move(area->width() - m_jump->width() - 16, area->height() - m_jump->height() - 16);
    m_jump->show();
    m_jump->raise();
}

bool ConversationView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list->viewport() && event->type() == QEvent::Resize)
        updateJumpButton(); // keep it in the corner
    return QWidget::eventFilter(watched, event);
}

void ConversationView::maybeFetchOlder()
{
    if (m_store->openChatId().isEmpty() || !m_proxy->canFetchOlder())
        return;
    if (m_store->messageListModel()->isLoadingOlder())
        return;
    auto* bar = m_list->verticalScrollBar();
    // Near the top, or the page does not even fill the view.
    if (bar->value() <= kFetchOlderMarginPx || bar->maximum() == 0) {
        qCDebug(lcUi) << "loading an older page of" << m_store->openChatId();
        m_proxy->fetchOlder();
    }
}

} // namespace WhaTrack::Ui
