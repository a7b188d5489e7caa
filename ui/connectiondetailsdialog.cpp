#include "ui/connectiondetailsdialog.h"

#include "ui/connectiondiagnostics.h"
#include "ui/connectionmonitor.h"
#include "ui/connectionreport.h"
#include "ui/connectionsectionsview.h"
#include "ui/connectionstatus.h"
#include "ui/diagnosticsstepsview.h"
#include "ui/logging.h"
#include "ui/plaintext.h"
#include "ui/uistyle.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>

namespace WhaTrack::Ui {

namespace {

QScrollArea* scrolled(QWidget* content, QWidget* parent)
{
    auto* scroll = new QScrollArea(parent);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    return scroll;
}

} // namespace

ConnectionDetailsDialog::ConnectionDetailsDialog(ConnectionMonitor* monitor, QWidget* parent)
    : QDialog(parent)
    , m_monitor(monitor)
    , m_status(plainLabel(this))
    , m_retry(plainLabel(this))
    , m_problem(plainLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_run(new QPushButton(tr("Run diagnostics"), this))
    , m_runHint(plainLabel(this))
    , m_steps(new DiagnosticsStepsView)
    , m_errors(new ConnectionSectionsView)
    , m_details(new ConnectionSectionsView)
    , m_copied(plainLabel(this))
{
    setObjectName(QStringLiteral("connectionDetails"));
    setWindowTitle(tr("Connection details"));
    resize(680, 760);

    // Header: what is happening now, in words, with the retry schedule.
    m_status->setObjectName(QStringLiteral("connectionStatusLine"));
    QFont big = m_status->font();
    big.setWeight(QFont::DemiBold);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_status->setFont(big);
    m_retry->setObjectName(QStringLiteral("retrySchedule"));
    m_problem->setObjectName(QStringLiteral("currentProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Diagnostics tab.
    m_run->setObjectName(QStringLiteral("runDiagnostics"));
    m_run->setToolTip(tr("Check every step of the connection and explain what fails."));
    m_runHint->setObjectName(QStringLiteral("runHint"));
    m_runHint->setForegroundRole(QPalette::PlaceholderText);
    m_runHint->setWordWrap(true);
    auto* diagPage = new QWidget;
    auto* diagLayout = new QVBoxLayout(diagPage);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_run);
    runRow->addWidget(m_runHint, 1);
    diagLayout->addLayout(runRow);
    diagLayout->addWidget(m_steps, 1);
    m_tabs->addTab(scrolled(diagPage, m_tabs), tr("Diagnostics"));
    m_tabs->addTab(scrolled(m_errors, m_tabs), tr("Recent errors"));
    m_tabs->addTab(scrolled(m_details, m_tabs), tr("Details"));
    connect(m_run, &QPushButton::clicked, this, &ConnectionDetailsDialog::runDiagnostics);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* resync = buttons->addButton(tr("Resync now"), QDialogButtonBox::ActionRole);
    auto* reconnect = buttons->addButton(tr("Reconnect now"), QDialogButtonBox::ActionRole);
    auto* copy = buttons->addButton(tr("Copy report"), QDialogButtonBox::ActionRole);
    auto* save = buttons->addButton(tr("Save report…"), QDialogButtonBox::ActionRole);
    resync->setObjectName(QStringLiteral("resyncNow"));
    reconnect->setObjectName(QStringLiteral("reconnectNow"));
    copy->setObjectName(QStringLiteral("copyReport"));
    save->setObjectName(QStringLiteral("saveReport"));
    resync->setToolTip(tr("Reload the chat list, the open conversation and its ticket."));
    reconnect->setToolTip(tr("Skip the wait and reconnect to the live update server."));
    copy->setToolTip(tr("Copy a report for support. Tokens, cookies and messages are left out."));
    save->setToolTip(tr("Save the same report to a file."));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(resync, &QPushButton::clicked, this, &ConnectionDetailsDialog::resyncRequested);
    connect(reconnect, &QPushButton::clicked, this, &ConnectionDetailsDialog::reconnectRequested);
    connect(copy, &QPushButton::clicked, this, &ConnectionDetailsDialog::copyReport);
    connect(save, &QPushButton::clicked, this, &ConnectionDetailsDialog::chooseReportFile);

    m_copied->setObjectName(QStringLiteral("reportMessage"));
    m_copied->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_retry);
    layout->addWidget(m_problem);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_copied);
    layout->addWidget(buttons);

    connect(m_monitor, &ConnectionMonitor::changed, this, &ConnectionDetailsDialog::refresh);
    // Countdowns (next retry, token expiry, "ago") move by themselves.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionDetailsDialog::refresh);
    m_tick.start();
    wireDiagnostics();
    refresh();
    refreshDiagnostics();
}

ConnectionDiagnostics* ConnectionDetailsDialog::diagnostics() const
{
    return m_diagnostics;
}

void ConnectionDetailsDialog::wireDiagnostics()
{
    m_diagnostics = m_monitor->diagnostics();
    if (!m_diagnostics)
        return;
    ConnectionDiagnostics* d = m_diagnostics;
    connect(d, &ConnectionDiagnostics::planned, this, &ConnectionDetailsDialog::refreshDiagnostics);
    connect(d, &ConnectionDiagnostics::started, this, &ConnectionDetailsDialog::refreshDiagnostics);
    connect(d, &ConnectionDiagnostics::stepChanged, this, [this](int index) {
        if (m_diagnostics && index < m_diagnostics->steps().size())
            m_steps->updateStep(m_diagnostics->steps().at(index));
        m_steps->setSummary(m_diagnostics->summary(), m_diagnostics->isRunning());
    });
    connect(
        d, &ConnectionDiagnostics::finished, this, &ConnectionDetailsDialog::refreshDiagnostics);
}

void ConnectionDetailsDialog::refreshDiagnostics()
{
    updateRunControls();
    if (!m_diagnostics)
        return;
    m_steps->setSteps(m_diagnostics->steps());
    m_steps->setSummary(m_diagnostics->summary(), m_diagnostics->isRunning());
}

void ConnectionDetailsDialog::updateRunControls()
{
    const bool available = m_diagnostics && m_diagnostics->canRun();
    const bool running = m_diagnostics && m_diagnostics->isRunning();
    m_run->setEnabled(available && !running);
    m_run->setText(running ? tr("Running…") : tr("Run diagnostics"));
    if (!m_diagnostics) {
        m_runHint->setText(tr("Diagnostics are not available in this window."));
        return;
    }
    if (!m_diagnostics->canRun())
        m_runHint->setText(tr("Sign in first: the checks use this session."));
    else if (m_diagnostics->hasRun() && !running)
        m_runHint->setText(
            tr("Last run at %1. Run again after changing something.")
                .arg(QLocale().toString(m_diagnostics->startedAt().time(), QLocale::ShortFormat)));
    else
        m_runHint->setText(tr("Checks the WhaTrack server, sign-in, token, realtime server and "
                              "channels, in order. Takes a few seconds."));
}

void ConnectionDetailsDialog::runDiagnostics()
{
    if (!m_diagnostics || !m_diagnostics->canRun() || m_diagnostics->isRunning())
        return;
    m_tabs->setCurrentIndex(0);
    m_diagnostics->run();
    refreshDiagnostics();
}

void ConnectionDetailsDialog::showTab(int index)
{
    m_tabs->setCurrentIndex(index);
}

void ConnectionDetailsDialog::fitToContents(int maxHeight)
{
    auto* scroll = qobject_cast<QScrollArea*>(m_tabs->currentWidget());
    if (!scroll || !scroll->widget())
        return;
    QWidget* content = scroll->widget();
    const int needed = content->heightForWidth(scroll->viewport()->width());
    const int extra
        = (needed > 0 ? needed : content->sizeHint().height()) - scroll->viewport()->height();
    if (extra > 0)
        resize(width(), std::min(maxHeight, height() + extra + 4));
}

QString ConnectionDetailsDialog::headerText() const
{
    QStringList lines {m_status->text(), m_retry->text()};
    if (!m_problem->text().isEmpty())
        lines << m_problem->text();
    return lines.join(QLatin1Char('\n'));
}

QString ConnectionDetailsDialog::reportText() const
{
    return ConnectionReport::fullText(m_monitor->snapshot(), m_monitor->now(),
        QDateTime::currentDateTime(), m_diagnostics ? m_diagnostics->reportText() : QString());
}

void ConnectionDetailsDialog::copyReport()
{
    QApplication::clipboard()->setText(reportText());
    m_copied->setText(tr("Report copied to the clipboard."));
    qCInfo(lcUi) << "connection report copied";
}

bool ConnectionDetailsDialog::saveReport(const QString& path)
{
    QSaveFile file(path);
    const QByteArray bytes = reportText().toUtf8();
    const bool ok
        = file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
    m_copied->setText(ok ? tr("Report saved to %1.").arg(QDir::toNativeSeparators(path))
                         : tr("The report could not be saved to %1: %2")
                               .arg(QDir::toNativeSeparators(path), file.errorString()));
    qCInfo(lcUi) << "connection report saved:" << ok;
    return ok;
}

void ConnectionDetailsDialog::chooseReportFile()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name
        = QStringLiteral("whatrack-inbox-connection-%1.txt")
              .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save report"), dir + QLatin1Char('/') + name, tr("Text files (*.txt)"));
    if (!path.isEmpty())
        saveReport(path);
}

void ConnectionDetailsDialog::refresh()
{
    const auto& s = m_monitor->snapshot();
    const qint64 now = m_monitor->now();
    const auto view = ConnectionStatusPresenter::describe(s, now);
    const QString status
        = view.kind == ConnectionStatusView::Kind::Hidden ? tr("Starting") : view.text;
    m_status->setText(tr("Live updates: %1").arg(status));
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText,
        ConnectionStatusPresenter::toneColor(view.tone, isDarkPalette(palette())));
    m_status->setPalette(pal);
    m_retry->setText(ConnectionReport::retryText(s, now));
    const auto problem = ConnectionReport::currentProblem(s, now);
    m_problem->setText(ConnectionReport::causeText(problem));
    m_problem->setVisible(!problem.isEmpty());

    const auto errors = ConnectionReport::errorSection(s, QDateTime::currentDateTime());
    m_errors->setSections({errors});
    m_tabs->setTabText(1,
        s.errors.isEmpty() ? tr("Recent errors") : tr("Recent errors (%1)").arg(s.errors.size()));
    m_details->setSections(ConnectionReport::sections(s, now, QDateTime::currentDateTime()));
    // The diagnostics object may be set after the dialog was made (sign-in finishing).
    if (m_diagnostics != m_monitor->diagnostics()) {
        if (m_diagnostics)
            disconnect(m_diagnostics, nullptr, this, nullptr);
        wireDiagnostics();
        refreshDiagnostics();
    } else {
        updateRunControls();
    }
}

} // namespace WhaTrack::Ui
