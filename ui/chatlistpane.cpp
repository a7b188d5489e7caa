#include "ui/chatlistpane.h"

#include "models/items/chatlistmodel.h"
#include "models/items/chatlistproxymodel.h"
#include "models/store/inboxstore.h"
#include "ui/chatlistdelegate.h"
#include "ui/logging.h"
#include "ui/plaintext.h"
#include "ui/stalebanner.h"
#include "ui/uistyle.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QVBoxLayout>

namespace WhaTrack::Ui {

namespace {
//! A magnifier drawn in the placeholder colour: the standard icons have no "search" glyph.
QIcon searchIcon(const QPalette& palette)
{
    QPixmap pm = iconCanvas(16);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(palette.color(QPalette::PlaceholderText), 1.6, Qt::SolidLine, Qt::RoundCap));
    p.drawEllipse(QRectF(2.5, 2.5, 8, 8));
    p.drawLine(QPointF(9.6, 9.6), QPointF(13.5, 13.5));
    return QIcon(pm);
}
} // namespace

ChatListPane::ChatListPane(InboxStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_search(new QLineEdit(this))
    , m_banner(new StaleBanner(store, this))
    , m_list(new UniformListView(this))
    , m_delegate(new ChatListDelegate(this))
    , m_placeholder(plainLabel(this)) // echoes the search text
    , m_sorter(store->chatListProxy())
{
    setObjectName(QStringLiteral("chatListPane"));
    m_search->setObjectName(QStringLiteral("chatSearch"));
    m_search->setPlaceholderText(tr("Search name or phone (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search chats"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(searchIcon(palette()), QLineEdit::LeadingPosition);
    m_search->installEventFilter(this);
    auto* searchBox = new QWidget(this);
    auto* searchLayout = new QVBoxLayout(searchBox);
    searchLayout->setContentsMargins(10, 10, 10, 8);
    searchLayout->addWidget(m_search);

    m_list->setObjectName(QStringLiteral("chatList"));
    // While the model changes (search filter, resync, re-sort) the view moves the current row
    // by itself, e.g. to the next row when the open chat is filtered out. Such a move must
    // never open (and mark read) a chat: only the agent opens chats. These "about to"
    // handlers are connected before setModel() so they run before the view's and the
    // selection model's; the matching "done" handlers are connected after.
    auto* model = m_store->chatListModel();
    const auto begin = [this] { ++m_modelChanging; };
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, begin);
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, begin);
    connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, begin);
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, begin);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, begin);
    m_list->setModel(model);
    const auto end = [this] {
        m_modelChanging = std::max(0, m_modelChanging - 1);
        if (m_modelChanging == 0)
            syncSelection(); // back on the open chat, or no selection while it is hidden
    };
    connect(model, &QAbstractItemModel::rowsRemoved, this, end);
    connect(model, &QAbstractItemModel::rowsInserted, this, end);
    connect(model, &QAbstractItemModel::rowsMoved, this, end);
    connect(model, &QAbstractItemModel::layoutChanged, this, end);
    connect(model, &QAbstractItemModel::modelReset, this, end);
    m_list->setItemDelegate(m_delegate);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setMouseTracking(true);
    m_list->setAttribute(Qt::WA_Hover);
    m_list->setAccessibleName(tr("Chats"));
    m_list->viewport()->installEventFilter(this);

    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setContentsMargins(16, 24, 16, 24);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    searchBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_banner->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_placeholder->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    layout->addWidget(searchBox);
    layout->addWidget(m_banner);
    // The placeholder and the list take turns in the same space below the fixed rows.
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_list, 1);

    connect(m_search, &QLineEdit::textChanged, m_store, &InboxStore::setSearch);
    connect(m_search, &QLineEdit::textChanged, this, &ChatListPane::updatePlaceholder);
    connect(m_banner, &StaleBanner::resyncRequested, this, &ChatListPane::resyncRequested);
    // Open on click or keyboard navigation in the list (current changes follow arrows).
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) {
            if (current.isValid() && m_modelChanging == 0)
                openRow(current.row());
        });
    connect(m_store, &InboxStore::openChatChanged, this, &ChatListPane::syncSelection);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ChatListPane::updatePlaceholder);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ChatListPane::updatePlaceholder);
    connect(model, &QAbstractItemModel::modelReset, this, &ChatListPane::updatePlaceholder);
    updatePlaceholder();
}

void ChatListPane::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ChatListPane::openRow(int row)
{
    const QModelIndex index = m_store->chatListModel()->index(row, 0);
    const QString id = index.data(ChatListModel::IdRole).toString();
    if (id.isEmpty() || id == m_store->openChatId())
        return;
    qCInfo(lcUi) << "open chat row" << row;
    m_store->openChat(id);
}

void ChatListPane::openRelative(int delta)
{
    auto* model = m_store->chatListModel();
    const int rows = model->rowCount();
    if (rows == 0)
        return;
    const int current = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
    const int next
        = current < 0 ? (delta > 0 ? 0 : rows - 1) : std::clamp(current + delta, 0, rows - 1);
    m_list->setCurrentIndex(model->index(next, 0));
    m_list->scrollTo(model->index(next, 0));
}

void ChatListPane::syncSelection()
{
    // Keep the highlighted row on the open chat after re-sorting or a refresh.
    const QString id = m_store->openChatId();
    auto* model = m_store->chatListModel();
    if (id.isEmpty()) {
        m_list->selectionModel()->clear();
        return;
    }
    if (m_list->currentIndex().data(ChatListModel::IdRole).toString() == id)
        return;
    const QModelIndexList hits
        = model->match(model->index(0, 0), ChatListModel::IdRole, id, 1, Qt::MatchExactly);
    // openRow() ignores the resulting currentChanged: the chat is already open.
    if (!hits.isEmpty()) {
        m_list->selectionModel()->setCurrentIndex(
            hits.first(), QItemSelectionModel::ClearAndSelect);
    } else {
        // The open chat is filtered out: highlight nothing rather than another chat.
        m_list->selectionModel()->clearCurrentIndex();
        m_list->selectionModel()->clearSelection();
    }
}

void ChatListPane::updatePlaceholder()
{
    const bool empty = m_store->chatListModel()->rowCount() == 0;
    if (empty) {
        m_placeholder->setText(m_search->text().isEmpty()
                ? tr("No chats yet. New WhatsApp conversations appear here as they arrive.")
                : tr("No chats match “%1”.").arg(m_search->text()));
    }
    m_placeholder->setVisible(empty);
    m_list->setVisible(!empty);
}

void ChatListPane::setSortHeld(bool held)
{
    // Without dynamic sorting the proxy keeps its order while rows change; turning it back on
    // sorts once, which moves the rows that changed meanwhile (one layoutChanged).
    if (!m_sorter || m_sorter->dynamicSortFilter() == !held)
        return;
    m_sorter->setDynamicSortFilter(!held);
}

bool ChatListPane::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list->viewport()) {
        if (event->type() == QEvent::Enter)
            setSortHeld(true);
        else if (event->type() == QEvent::Leave || event->type() == QEvent::Hide)
            setSortHeld(false);
    }
    // Down/Enter in the search field moves into the results, Escape clears the search.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return
            || key->key() == Qt::Key_Enter) {
            if (m_store->chatListModel()->rowCount() > 0) {
                if (!m_list->currentIndex().isValid())
                    m_list->setCurrentIndex(m_store->chatListModel()->index(0, 0));
                m_list->setFocus(Qt::TabFocusReason);
                return true;
            }
        } else if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace WhaTrack::Ui
