#include "ui/ticketpanel.h"

#include "models/api/apierror.h"
#include "models/items/stagesmodel.h"
#include "models/items/ticketmodel.h"
#include "models/store/inboxstore.h"
#include "ui/chiplabel.h"
#include "ui/logging.h"
#include "ui/moneyinput.h"
#include "ui/plaintext.h"
#include "ui/stageiconproxymodel.h"
#include "ui/timeformat.h"
#include "ui/uistyle.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace WhaTrack::Ui {

namespace {
using T = TicketModel::Roles;
constexpr qint64 kWindowSeconds = 24 * 3600;

//! A small muted caption above a field, as in the web app's side panel.
QLabel* caption(const QString& text, QWidget* parent)
{
    auto* label = plainLabel(parent, text.toUpper());
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 0.8);
    f.setWeight(QFont::DemiBold);
    f.setLetterSpacing(QFont::PercentageSpacing, 106);
    label->setFont(f);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setContentsMargins(0, 6, 0, 0);
    return label;
}

//! WhaTrack's `sourceType` in words an agent knows.
QString sourceName(const QString& type)
{
    if (type == QLatin1String("ctwa"))
        return TicketPanel::tr("Click-to-WhatsApp ad");
    if (type == QLatin1String("paid"))
        return TicketPanel::tr("Paid campaign");
    if (type == QLatin1String("organic"))
        return TicketPanel::tr("Organic");
    return type;
}

QLabel* muted(QWidget* parent)
{
    auto* label = plainLabel(parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setWordWrap(true);
    return label;
}
} // namespace

TicketPanel::TicketPanel(InboxStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_stack(new QStackedWidget(this))
    , m_noTicket(plainLabel(this))
{
    setObjectName(QStringLiteral("ticketPanel"));
    m_noTicket->setObjectName(QStringLiteral("noTicket"));
    m_noTicket->setAlignment(Qt::AlignCenter);
    m_noTicket->setWordWrap(true);
    m_noTicket->setForegroundRole(QPalette::PlaceholderText);
    m_noTicket->setContentsMargins(16, 16, 16, 16);

    m_stack->addWidget(m_noTicket);
    m_stack->addWidget(buildForm());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    auto* ticket = m_store->ticketModel();
    connect(ticket, &QAbstractItemModel::modelReset, this, &TicketPanel::refresh);
    connect(ticket, &QAbstractItemModel::rowsInserted, this, &TicketPanel::refresh);
    connect(ticket, &QAbstractItemModel::rowsRemoved, this, &TicketPanel::refresh);
    connect(ticket, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex&, const QModelIndex&, const QList<int>& roles) {
            // The countdown ticks every second; do not rebuild the form (and an edit in
            // progress) for it.
            if (roles == QList<int> {T::WindowRemainingSecondsRole})
                refreshWindow();
            else
                refresh();
        });
    auto* stages = m_store->stagesModel();
    connect(stages, &QAbstractItemModel::modelReset, this, &TicketPanel::refresh);
    connect(stages, &QAbstractItemModel::rowsInserted, this, &TicketPanel::refresh);
    connect(m_store, &InboxStore::openChatChanged, this, &TicketPanel::refresh);
    connect(m_store, &InboxStore::mutationFinished, this,
        [this](InboxStore::Mutation m, const ApiError& e) { onMutationFinished(int(m), e); });
    refresh();
}

QWidget* TicketPanel::buildForm()
{
    auto* form = new QWidget(this);
    m_title = plainLabel(form, tr("Ticket"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    big.setWeight(QFont::DemiBold);
    m_title->setFont(big);
    m_status = new ChipLabel(form);
    m_status->setObjectName(QStringLiteral("ticketStatus"));

    m_stage = new QComboBox(form);
    m_stage->setObjectName(QStringLiteral("stageCombo"));
    auto* stageIcons = new StageIconProxyModel(m_stage);
    stageIcons->setSourceModel(m_store->stagesModel());
    m_stage->setModel(stageIcons);
    m_stage->setAccessibleName(tr("Stage"));

    m_assignee = plainLabel(form); // names come from the server
    m_assignee->setObjectName(QStringLiteral("assigneeLabel"));
    m_assignee->setWordWrap(true);
    m_assignMe = new QPushButton(tr("Assign to me"), form);
    m_unassign = new QPushButton(tr("Unassign"), form);
    auto* assignButtons = new QHBoxLayout;
    assignButtons->setContentsMargins(0, 0, 0, 0);
    assignButtons->addWidget(m_assignMe);
    assignButtons->addWidget(m_unassign);
    assignButtons->addStretch(1);

    // WhaTrack bills and reports in BRL: the value is read as reais under every locale.
    m_value = new MoneyEdit(form);
    m_value->setObjectName(QStringLiteral("dealValue"));
    m_value->setAccessibleName(tr("Deal value"));

    m_window = plainLabel(form);
    m_window->setObjectName(QStringLiteral("windowCountdown"));
    m_window->setWordWrap(true);
    m_windowBar = new QProgressBar(form);
    m_windowBar->setRange(0, int(kWindowSeconds));
    m_windowBar->setTextVisible(false);
    m_windowBar->setFixedHeight(6);

    m_won = new QPushButton(dotIcon(QColor(0x22, 0xa0, 0x55), 10), tr("Won"), form);
    m_lost = new QPushButton(dotIcon(QColor(0xd3, 0x2f, 0x2f), 10), tr("Lost"), form);
    m_won->setObjectName(QStringLiteral("wonButton"));
    m_lost->setObjectName(QStringLiteral("lostButton"));
    m_won->setToolTip(tr("Close the ticket as won (a sale)."));
    m_lost->setToolTip(tr("Close the ticket as lost."));
    auto* closeButtons = new QHBoxLayout;
    closeButtons->setContentsMargins(0, 0, 0, 0);
    closeButtons->addWidget(m_won, 1);
    closeButtons->addWidget(m_lost, 1);

    m_error = plainLabel(form); // carries the server's error text
    m_error->setObjectName(QStringLiteral("ticketError"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_source = muted(form);
    m_kpis = muted(form);

    auto* titleRow = new QHBoxLayout;
    titleRow->setContentsMargins(0, 0, 0, 0);
    titleRow->addWidget(m_title);
    titleRow->addStretch(1);
    titleRow->addWidget(m_status);

    auto* layout = new QVBoxLayout(form);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(4);
    layout->addLayout(titleRow);
    layout->addWidget(caption(tr("Stage"), form));
    layout->addWidget(m_stage);
    layout->addWidget(caption(tr("Assignee"), form));
    layout->addWidget(m_assignee);
    layout->addLayout(assignButtons);
    layout->addWidget(caption(tr("Deal value"), form));
    layout->addWidget(m_value);
    layout->addWidget(caption(tr("24 h window"), form));
    layout->addWidget(m_window);
    layout->addWidget(m_windowBar);
    layout->addSpacing(10);
    layout->addLayout(closeButtons);
    layout->addWidget(m_error);
    layout->addWidget(caption(tr("Source"), form));
    layout->addWidget(m_source);
    layout->addWidget(caption(tr("Activity"), form));
    layout->addWidget(m_kpis);
    layout->addStretch(1);

    connect(m_stage, &QComboBox::activated, this, [this](int row) {
        const QString id = m_stage->itemData(row, StagesModel::IdRole).toString();
        const auto ticket = m_store->ticketModel()->ticket();
        if (!ticket || id.isEmpty() || id == ticket->stage.id)
            return;
        qCInfo(lcUi) << "change ticket stage";
        setBusy(true);
        m_store->setTicketStage(id);
    });
    connect(m_assignMe, &QPushButton::clicked, this, [this] {
        setBusy(true);
        m_store->setTicketAssignee(m_user.id);
    });
    connect(m_unassign, &QPushButton::clicked, this, [this] {
        setBusy(true);
        m_store->setTicketAssignee(QString());
    });
    connect(m_value, &MoneyEdit::committed, this, [this](std::optional<qint64> cents) {
        const auto ticket = m_store->ticketModel()->ticket();
        // MoneyEdit commits an edit once; m_busy also covers an edit while a save is running.
        if (!ticket || m_busy || cents == Money::fromApi(ticket->dealValue))
            return;
        qCInfo(lcUi) << "change ticket deal value";
        setBusy(true);
        m_store->setTicketValue(cents ? Money::toApi(*cents) : QString());
    });
    connect(m_value, &MoneyEdit::rejected, this, &TicketPanel::showError);
    connect(m_won, &QPushButton::clicked, this, [this] { closeAs(TicketOutcome::Won); });
    connect(m_lost, &QPushButton::clicked, this, [this] { closeAs(TicketOutcome::Lost); });
    return form;
}

void TicketPanel::setCurrentUser(const User& user)
{
    m_user = user;
    refresh();
}

bool TicketPanel::hasTicketShown() const
{
    return m_stack->currentIndex() == 1;
}

QString TicketPanel::windowText() const
{
    return m_window->text();
}

void TicketPanel::refresh()
{
    const auto ticket = m_store->ticketModel()->ticket();
    if (m_store->openChatId().isEmpty()) {
        m_noTicket->setText(tr("No conversation selected."));
        m_stack->setCurrentIndex(0);
        return;
    }
    if (!ticket) {
        m_noTicket->setText(tr("No open ticket.\n\nA new ticket opens when the customer sends "
                               "a message."));
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);

    const bool open = ticket->status == QLatin1String("open");
    QString status;
    if (open)
        status = tr("Open");
    else if (ticket->status == QLatin1String("closed_won"))
        status = tr("Closed as won");
    else if (ticket->status == QLatin1String("closed_lost"))
        status = tr("Closed as lost");
    else
        status = tr("Closed");
    m_status->setText(status);
    // Green while open, neutral once closed.
    m_status->setAccent(open ? QColor(0x22, 0xa0, 0x55) : QColor());
    m_status->updateGeometry();

    const int stageRow = m_store->stagesModel()->rowOf(ticket->stage.id);
    if (stageRow >= 0) {
        m_stage->setCurrentIndex(stageRow);
    } else {
        m_stage->setCurrentIndex(-1);
        m_stage->setPlaceholderText(ticket->stage.name);
    }

    if (ticket->assignee) {
        const QString who
            = ticket->assignee->name.isEmpty() ? ticket->assignee->email : ticket->assignee->name;
        m_assignee->setText(ticket->assignee->id == m_user.id ? tr("%1 (you)").arg(who) : who);
    } else {
        m_assignee->setText(tr("Unassigned"));
    }
    m_assignMe->setVisible(
        !m_user.id.isEmpty() && (!ticket->assignee || ticket->assignee->id != m_user.id));
    m_unassign->setVisible(ticket->assignee.has_value());

    if (!m_value->hasFocus()) // never overwrite what the agent is typing
        m_value->setCents(Money::fromApi(ticket->dealValue));

    QStringList source;
    if (!ticket->tracking.sourceType.isEmpty())
        source << sourceName(ticket->tracking.sourceType);
    if (!ticket->tracking.utmSource.isEmpty())
        source << tr("utm %1").arg(ticket->tracking.utmSource);
    if (!ticket->tracking.utmCampaign.isEmpty())
        source << ticket->tracking.utmCampaign;
    m_source->setText(source.isEmpty() ? tr("Not tracked") : source.join(QStringLiteral(" · ")));
    QStringList kpis;
    const int count = ticket->kpis.messagesCount;
    kpis << (count == 1 ? tr("1 message") : tr("%1 messages").arg(count));
    if (ticket->kpis.firstResponseTimeSec)
        kpis << tr("first reply in %1")
                    .arg(TimeFormat::duration(*ticket->kpis.firstResponseTimeSec * 1000));
    m_kpis->setText(kpis.join(QStringLiteral(" · ")));

    for (QWidget* w : {static_cast<QWidget*>(m_stage), static_cast<QWidget*>(m_value),
             static_cast<QWidget*>(m_won), static_cast<QWidget*>(m_lost)})
        w->setEnabled(open && !m_busy);
    m_assignMe->setEnabled(open && !m_busy);
    m_unassign->setEnabled(open && !m_busy);
    refreshWindow();
}

void TicketPanel::refreshWindow()
{
    auto* model = m_store->ticketModel();
    if (!model->hasTicket())
        return;
    const QModelIndex row = model->index(0, 0);
    const bool open = row.data(T::WindowOpenRole).toBool();
    const qint64 left = row.data(T::WindowRemainingSecondsRole).toLongLong();
    const bool dark = isDarkPalette(palette());
    QPalette pal = m_window->palette();
    if (open && left > 0) {
        m_window->setText(tr("Open · %1 left").arg(TimeFormat::duration(left * 1000)));
        // Amber in the last two hours: the agent should reply before it closes.
        const QColor c = left < 2 * 3600
            ? (dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb2, 0x6a, 0x00))
            : pal.color(QPalette::Text);
        pal.setColor(QPalette::WindowText, c);
        m_windowBar->setValue(int(std::min(left, kWindowSeconds)));
    } else {
        m_window->setText(tr("Closed: only template messages can be sent until the customer "
                             "writes again."));
        pal.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
        m_windowBar->setValue(0);
    }
    m_window->setPalette(pal);
}

void TicketPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_error->hide();
    refresh();
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void TicketPanel::onMutationFinished(int, const ApiError& error)
{
    m_busy = false;
    unsetCursor();
    refresh();
    if (!error.ok())
        showError(tr("The change was not saved: %1").arg(error.message));
}

void TicketPanel::showError(const QString& text)
{
    QPalette pal = m_error->palette();
    pal.setColor(QPalette::WindowText,
        isDarkPalette(palette()) ? QColor(0xef, 0x70, 0x70) : QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(pal);
    m_error->setText(text);
    m_error->show();
}

void TicketPanel::closeAs(TicketOutcome outcome)
{
    const bool won = outcome == TicketOutcome::Won;
    // The deal value field may hold an edit not yet committed: close with what it shows.
    const Money::Parsed typed = m_value->parsed();
    if (!typed.ok) {
        showError(typed.error);
        return;
    }
    if (m_confirmClose) {
        const auto answer
            = QMessageBox::question(this, won ? tr("Close as won") : tr("Close as lost"),
                won ? tr("Close this ticket as won?") : tr("Close this ticket as lost?"),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    qCInfo(lcUi) << "close ticket" << (won ? "won" : "lost");
    setBusy(true);
    std::optional<QString> value;
    if (typed.cents)
        value = Money::toApi(*typed.cents);
    m_store->closeTicket(outcome, {}, value);
}

} // namespace WhaTrack::Ui
