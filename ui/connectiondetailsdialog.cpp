#include "ui/connectiondetailsdialog.h"

#include "ui/connectionmonitor.h"
#include "ui/connectionreport.h"
#include "ui/logging.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace WhaTrack::Ui {

ConnectionDetailsDialog::ConnectionDetailsDialog(ConnectionMonitor* monitor, QWidget* parent)
    : QDialog(parent)
    , m_monitor(monitor)
    , m_sectionsLayout(new QVBoxLayout)
    , m_copied(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionDetails"));
    setWindowTitle(tr("Connection details"));
    resize(640, 720);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* inner = new QWidget(scroll);
    inner->setLayout(m_sectionsLayout);
    m_sectionsLayout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(inner);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* resync = buttons->addButton(tr("Resync now"), QDialogButtonBox::ActionRole);
    auto* reconnect = buttons->addButton(tr("Reconnect now"), QDialogButtonBox::ActionRole);
    auto* copy = buttons->addButton(tr("Copy report"), QDialogButtonBox::ActionRole);
    resync->setObjectName(QStringLiteral("resyncNow"));
    reconnect->setObjectName(QStringLiteral("reconnectNow"));
    copy->setObjectName(QStringLiteral("copyReport"));
    resync->setToolTip(tr("Reload the chat list, the open conversation and its ticket."));
    reconnect->setToolTip(tr("Skip the wait and reconnect to the live update server."));
    copy->setToolTip(tr("Copy a report for support. Tokens, cookies and messages are left out."));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(resync, &QPushButton::clicked, this, &ConnectionDetailsDialog::resyncRequested);
    connect(reconnect, &QPushButton::clicked, this, &ConnectionDetailsDialog::reconnectRequested);
    connect(copy, &QPushButton::clicked, this, &ConnectionDetailsDialog::copyReport);

    m_copied->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_copied);
    layout->addWidget(buttons);

    connect(m_monitor, &ConnectionMonitor::changed, this, &ConnectionDetailsDialog::refresh);
    // Countdowns (next retry, token expiry, "ago") move by themselves.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionDetailsDialog::refresh);
    m_tick.start();
    refresh();
}

QString ConnectionDetailsDialog::reportText() const
{
    return ConnectionReport::text(
        m_monitor->snapshot(), m_monitor->now(), QDateTime::currentDateTime());
}

void ConnectionDetailsDialog::copyReport()
{
    QApplication::clipboard()->setText(reportText());
    m_copied->setText(tr("Report copied to the clipboard."));
    qCInfo(lcUi) << "connection report copied";
}

void ConnectionDetailsDialog::rebuild()
{
    delete m_sections;
    m_values.clear();
    m_sections = new QWidget;
    // One grid for every section, so labels and values line up across the whole dialog.
    auto* grid = new QGridLayout(m_sections);
    grid->setContentsMargins(4, 0, 4, 0);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(4);
    grid->setColumnStretch(1, 1);
    const auto sections = ConnectionReport::sections(
        m_monitor->snapshot(), m_monitor->now(), QDateTime::currentDateTime());
    int row = 0;
    for (const auto& section : sections) {
        auto* title = new QLabel(section.title, m_sections);
        QFont f = title->font();
        f.setWeight(QFont::DemiBold);
        title->setFont(f);
        title->setContentsMargins(0, row == 0 ? 0 : 12, 0, 2);
        grid->addWidget(title, row++, 0, 1, 2);
        for (const auto& r : section.rows) {
            auto* label = new QLabel(r.label, m_sections);
            label->setForegroundRole(QPalette::PlaceholderText);
            label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
            auto* value = new QLabel(r.value, m_sections);
            value->setWordWrap(true);
            // Long ids (channel names, paths) may break anywhere rather than widen the dialog.
            value->setMinimumWidth(0);
            value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            value->setAlignment(Qt::AlignLeft | Qt::AlignTop);
            grid->addWidget(label, row, 0);
            grid->addWidget(value, row++, 1);
            m_values.append(value);
        }
    }
    grid->setRowStretch(row, 1);
    m_sectionsLayout->addWidget(m_sections);
}

void ConnectionDetailsDialog::refresh()
{
    const auto sections = ConnectionReport::sections(
        m_monitor->snapshot(), m_monitor->now(), QDateTime::currentDateTime());
    QStringList shape;
    for (const auto& section : sections) {
        shape.append(section.title);
        for (const auto& row : section.rows)
            shape.append(row.label);
    }
    // Update labels in place when only values changed: no flicker, selection survives.
    if (shape != m_shape) {
        m_shape = shape;
        rebuild();
        return;
    }
    int i = 0;
    for (const auto& section : sections) {
        for (const auto& row : section.rows) {
            if (m_values.at(i)->text() != row.value)
                m_values.at(i)->setText(row.value);
            ++i;
        }
    }
}

} // namespace WhaTrack::Ui
