#include "ui/quickswitcher.h"

#include "models/items/chatlistmodel.h"
#include "ui/displayformat.h"
#include "ui/logging.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace WhaTrack::Ui {

namespace {
constexpr int kMaxResults = 50; // a switcher, not a second chat list
constexpr int kMinPhoneDigits = 3; // "2" would match every phone number

//! Case- and accent-folded: "Cláudio" and "claudio" compare equal.
QString folded(const QString& s)
{
    const QString decomposed = s.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out += c;
    }
    return out.toCaseFolded();
}

QString digitsOf(const QString& s)
{
    QString out;
    for (QChar c : s) {
        if (c.isDigit())
            out += c;
    }
    return out;
}

bool looksLikePhone(const QString& query)
{
    for (QChar c : query) {
        if (!c.isDigit() && !c.isSpace() && c != u'+' && c != u'-' && c != u'(' && c != u')')
            return false;
    }
    return true;
}

int subsequenceScore(const QString& query, const QString& text)
{
    int score = 0;
    int pos = 0;
    int previous = -2;
    for (QChar q : query) {
        if (q.isSpace())
            continue;
        const int at = text.indexOf(q, pos);
        if (at < 0)
            return -1;
        score += 1;
        if (at == previous + 1)
            score += 5; // consecutive letters: "cla" in "claudio"
        if (at == 0 || !text.at(at - 1).isLetterOrNumber())
            score += 8; // word start: "jp" in "joão pedro"
        previous = at;
        pos = at + 1;
    }
    return score * 100 / (100 + int(text.size())); // shorter names first on a tie
}
} // namespace

int quickSwitcherScore(const QString& query, const QString& name, const QString& phone)
{
    const QString q = folded(query.trimmed());
    if (q.isEmpty())
        return 0;
    if (looksLikePhone(q)) {
        const QString digits = digitsOf(q);
        if (digits.size() >= kMinPhoneDigits) {
            const int at = digitsOf(phone).indexOf(digits);
            if (at >= 0)
                return 1000 + int(digits.size()) * 10 - std::min(at, 9);
        }
    }
    return subsequenceScore(q, folded(name));
}

QuickSwitcher::QuickSwitcher(QAbstractItemModel* chats, QWidget* parent)
    : QDialog(parent, Qt::Popup)
    , m_chats(chats)
    , m_query(new QLineEdit(this))
    , m_results(new QListWidget(this))
{
    setObjectName(QStringLiteral("quickSwitcher"));
    setAccessibleName(tr("Quick switcher"));
    m_query->setObjectName(QStringLiteral("quickSwitcherQuery"));
    m_query->setPlaceholderText(tr("Go to chat: name or phone"));
    m_query->setAccessibleName(tr("Chat to open"));
    m_query->installEventFilter(this);
    m_results->setObjectName(QStringLiteral("quickSwitcherResults"));
    m_results->setAccessibleName(tr("Matching chats"));
    m_results->setUniformItemSizes(true);
    m_results->setFocusPolicy(Qt::NoFocus); // typing stays in the field; arrows are forwarded

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_query);
    layout->addWidget(m_results);
    resize(420, 320);

    connect(m_query, &QLineEdit::textChanged, this, &QuickSwitcher::refresh);
    connect(m_results, &QListWidget::itemActivated, this, &QuickSwitcher::choose);
}

void QuickSwitcher::popup()
{
    m_query->clear();
    refresh();
    if (QWidget* host = parentWidget()) {
        const QPoint topCentre = host->mapToGlobal(QPoint(host->width() / 2, 60));
        move(topCentre.x() - width() / 2, topCentre.y());
    }
    show();
    raise();
    activateWindow();
    m_query->setFocus(Qt::PopupFocusReason);
}

void QuickSwitcher::refresh()
{
    struct Hit
    {
        int score;
        int row;
    };
    const QString query = m_query->text();
    std::vector<Hit> hits;
    const int rows = m_chats->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m_chats->index(row, 0);
        const int score = quickSwitcherScore(query, index.data(ChatListModel::NameRole).toString(),
            index.data(ChatListModel::PhoneRole).toString());
        if (score >= 0)
            hits.push_back({score, row});
    }
    // Best first; equal scores keep the list's order (most recent activity first).
    std::stable_sort(
        hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.score > b.score; });
    if (hits.size() > size_t(kMaxResults))
        hits.resize(kMaxResults);

    m_results->clear();
    for (const Hit& hit : hits) {
        const QModelIndex index = m_chats->index(hit.row, 0);
        const QString name = index.data(ChatListModel::NameRole).toString();
        const QString phone = index.data(ChatListModel::PhoneRole).toString();
        // QListWidget paints plain text: customer names cannot inject markup here.
        const QString shownPhone = DisplayFormat::phone(phone);
        auto* item = new QListWidgetItem(phone.isEmpty() ? name
                : phone == name || name.isEmpty()        ? shownPhone
                                                         : tr("%1 · %2").arg(name, shownPhone));
        item->setData(Qt::UserRole, index.data(ChatListModel::IdRole));
        m_results->addItem(item);
    }
    if (m_results->count() > 0)
        m_results->setCurrentRow(0);
}

void QuickSwitcher::choose()
{
    QListWidgetItem* item = m_results->currentItem();
    if (!item)
        return;
    const QString id = item->data(Qt::UserRole).toString();
    qCInfo(lcUi) << "quick switcher opens a chat";
    hide();
    Q_EMIT chatChosen(id);
}

bool QuickSwitcher::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            choose();
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            QCoreApplication::sendEvent(m_results, event);
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace WhaTrack::Ui
