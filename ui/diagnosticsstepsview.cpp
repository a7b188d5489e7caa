#include "ui/diagnosticsstepsview.h"

#include "ui/diagnosticsicons.h"
#include "ui/plaintext.h"
#include "ui/timeformat.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace WhaTrack::Ui {

using namespace WhaTrack::Diagnostics;

namespace {

constexpr int kIconSize = 16;

//! The facts worth a glance in the panel, in this order, with readable names; the report
//! (Copy report) keeps every fact. Values are formatted by factValue(). Names are translated
//! where shown (QT_TRANSLATE_NOOP marks them for lupdate).
struct FactName
{
    const char* key;
    const char* name;
};
constexpr FactName kShownFacts[] = {
    {"addresses", QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "address")},
    {"httpStatus", "HTTP"},
    {"certificateSubject", QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "certificate")},
    {"certificateIssuer", QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "issued by")},
    {"certificateExpires", QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "valid until")},
    {"certificateProblems",
        QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "certificate problems")},
    {"dnsMs", "DNS"},
    {"tcpMs", "TCP"},
    {"tlsMs", "TLS"},
    {"user", QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "user")},
    {"organizationName", QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "organization")},
    {"sub", QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "token user (sub)")},
    {"organizationId", QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "organization id")},
    {"expiresInSeconds",
        QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "token expires in")},
    {"clockSkewSeconds", QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "clock skew")},
    {"serverVersion", QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "server")},
    {"clientId", QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "client id")},
    {"pingIntervalSeconds", QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "ping every")},
    {"subscriptionToken",
        QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "subscription token")},
    {"refusedWith", QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "refused with")},
    {"refusedReason", QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "reason")},
    {"retryAfterMs", QT_TRANSLATE_NOOP("WhaTrack::Ui::DiagnosticsStepsView", "retry after")},
};

QString factValue(const QVariant& value)
{
    if (value.typeId() == QMetaType::QStringList || value.typeId() == QMetaType::QVariantList)
        return value.toStringList().join(QStringLiteral(", "));
    if (value.typeId() == QMetaType::QVariantMap) {
        QStringList parts;
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            parts << it.key() + QStringLiteral(" ") + factValue(it.value());
        return parts.join(QStringLiteral(", "));
    }
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? DiagnosticsStepsView::tr("yes") : DiagnosticsStepsView::tr("no");
    return value.toString();
}

//! One fact as shown: units for times, dates without seconds, "no" facts left out.
QString formatFact(const QString& key, const QVariant& value)
{
    if (key.endsWith(QLatin1String("Ms")))
        return DiagnosticsStepsView::tr("%1 ms").arg(value.toLongLong());
    if (key.endsWith(QLatin1String("Seconds"))) {
        const qint64 seconds = value.toLongLong();
        return seconds >= 120 ? TimeFormat::duration(seconds * 1000)
                              : DiagnosticsStepsView::tr("%1 s").arg(seconds);
    }
    if (key == QLatin1String("certificateExpires")) {
        const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODate);
        if (at.isValid())
            return at.toString(QStringLiteral("yyyy-MM-dd"));
    }
    if (key == QLatin1String("certificateSubject") || key == QLatin1String("certificateIssuer")) {
        // "CN=localhost, O=WhaTrack devstack": the common name says enough at a glance.
        const QString text = factValue(value);
        static const QRegularExpression cn(QStringLiteral("CN=([^,]+)"));
        const auto m = cn.match(text);
        return m.hasMatch() ? m.captured(1).trimmed() : text;
    }
    return factValue(value);
}

QFrame* banner(QWidget* parent, StepStatus tone, const QString& text, const QString& objectName)
{
    auto* frame = new QFrame(parent);
    frame->setObjectName(objectName);
    const QColor color = stepStatusColor(tone, parent->palette());
    QColor fill = color;
    fill.setAlphaF(0.12);
    // Tinted like the pill: the colour says how serious, the words say why.
    frame->setStyleSheet(QStringLiteral("QFrame#%1 { background: %2; border: 1px solid %3; "
                                        "border-radius: 6px; }")
                             .arg(objectName, fill.name(QColor::HexArgb), color.name()));
    auto* layout = new QHBoxLayout(frame);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(10);
    auto* icon = new QLabel(frame);
    icon->setPixmap(stepStatusPixmap(tone, 20, parent->palette()));
    icon->setAlignment(Qt::AlignTop);
    auto* label = plainLabel(frame, text);
    label->setObjectName(QStringLiteral("bannerText"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(icon);
    layout->addWidget(label, 1);
    return frame;
}

} // namespace

DiagnosticsStepsView::DiagnosticsStepsView(QWidget* parent)
    : QWidget(parent)
    , m_banners(new QVBoxLayout)
    , m_rowsLayout(new QVBoxLayout)
    , m_summary(plainLabel(this))
{
    setObjectName(QStringLiteral("diagnosticsSteps"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    m_banners->setSpacing(6);
    m_rowsLayout->setSpacing(2);
    layout->addLayout(m_banners);
    layout->addLayout(m_rowsLayout);
    m_summary->setObjectName(QStringLiteral("diagnosticsSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    layout->addStretch(1);
}

QString DiagnosticsStepsView::durationText(const Step& step)
{
    if (step.status == StepStatus::Pending || step.status == StepStatus::Running
        || step.status == StepStatus::Skipped)
        return {};
    return step.durationMs < 1000 ? tr("%1 ms").arg(step.durationMs)
                                  : tr("%1 s").arg(double(step.durationMs) / 1000.0, 0, 'f', 1);
}

QString DiagnosticsStepsView::detailText(const Step& step)
{
    QStringList lines;
    if (step.status == StepStatus::Skipped) {
        lines << tr("Not run: %1.").arg(step.skippedBecause);
        return lines.join(QLatin1Char('\n'));
    }
    if (step.status == StepStatus::Failed || step.status == StepStatus::Warning) {
        if (!step.cause.isEmpty()) {
            lines << step.cause.title + QStringLiteral(": ") + step.cause.cause;
            lines << tr("What to do: %1").arg(step.cause.action);
        }
    }
    QStringList facts;
    for (const FactName& fact : kShownFacts) {
        const QString key = QString::fromLatin1(fact.key);
        const auto it = step.facts.constFind(key);
        if (it == step.facts.cend())
            continue;
        // A subscription without a token is the normal case: not worth a word.
        if (key == QLatin1String("subscriptionToken") && !it.value().toBool())
            continue;
        const QString value = formatFact(key, it.value());
        if (!value.isEmpty())
            facts << tr(fact.name) + QStringLiteral(" ") + value;
    }
    if (!facts.isEmpty())
        lines << facts.join(QStringLiteral(" · "));
    return lines.join(QLatin1Char('\n'));
}

DiagnosticsStepsView::Row DiagnosticsStepsView::makeRow(const Step& step)
{
    Row row;
    row.number = step.number;
    row.widget = new QWidget(this);
    row.widget->setObjectName(QStringLiteral("diagnosticsStep%1").arg(step.number));
    auto* grid = new QGridLayout(row.widget);
    grid->setContentsMargins(2, 4, 2, 4);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(1, 1);
    row.icon = new QLabel(row.widget);
    row.icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    row.icon->setFixedWidth(kIconSize + 2);
    row.title = plainLabel(row.widget);
    row.title->setObjectName(QStringLiteral("stepTitle"));
    row.title->setWordWrap(true);
    QFont f = row.title->font();
    f.setWeight(QFont::DemiBold);
    row.title->setFont(f);
    row.time = plainLabel(row.widget);
    row.time->setObjectName(QStringLiteral("stepTime"));
    row.time->setForegroundRole(QPalette::PlaceholderText);
    row.time->setAlignment(Qt::AlignRight | Qt::AlignTop);
    row.detail = plainLabel(row.widget);
    row.detail->setObjectName(QStringLiteral("stepDetail"));
    row.detail->setWordWrap(true);
    row.detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long values (certificate subjects, channel names) wrap instead of widening the dialog.
    row.detail->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    row.detail->setMinimumWidth(0);
    row.title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    grid->addWidget(row.icon, 0, 0, 2, 1);
    grid->addWidget(row.title, 0, 1);
    grid->addWidget(row.time, 0, 2);
    grid->addWidget(row.detail, 1, 1, 1, 2);
    return row;
}

void DiagnosticsStepsView::fillRow(Row& row, const Step& step)
{
    row.icon->setPixmap(stepStatusPixmap(step.status, kIconSize, palette()));
    row.icon->setToolTip(stepStatusWords(step.status));
    QString title = QStringLiteral("%1. %2").arg(step.number).arg(step.title);
    if (!step.subject.isEmpty() && !step.title.contains(step.subject))
        title += QStringLiteral(" (%1)").arg(step.subject);
    row.title->setText(title);
    const QString duration = durationText(step);
    row.time->setText(duration.isEmpty()
            ? stepStatusWords(step.status)
            : stepStatusWords(step.status) + QStringLiteral(" · ") + duration);
    const QString detail = detailText(step);
    row.detail->setText(detail);
    row.detail->setVisible(!detail.isEmpty());
    // Failures and warnings in their colour; the rest quiet.
    QPalette pal = row.detail->palette();
    if (step.status == StepStatus::Failed || step.status == StepStatus::Warning)
        pal.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
    else
        pal.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    row.detail->setPalette(pal);
    row.widget->setAccessibleName(row.title->text() + QStringLiteral(": ") + row.time->text());
    row.widget->setAccessibleDescription(detail);
}

void DiagnosticsStepsView::setSteps(const QList<Step>& steps)
{
    for (const Row& row : std::as_const(m_rows))
        delete row.widget;
    m_rows.clear();
    m_steps = steps;
    for (const Step& step : steps) {
        Row row = makeRow(step);
        fillRow(row, step);
        m_rowsLayout->addWidget(row.widget);
        m_rows.append(row);
    }
    updateBanners();
}

void DiagnosticsStepsView::updateStep(const Step& step)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).number == step.number) {
            m_steps[i] = step;
            fillRow(m_rows[i], step);
            updateBanners();
            return;
        }
    }
    QList<Step> steps = m_steps;
    steps.append(step);
    setSteps(steps);
}

void DiagnosticsStepsView::setSummary(const Summary& s, bool running)
{
    if (running) {
        m_summary->setText(tr("Running the checks…"));
        return;
    }
    if (s.total == 0) {
        m_summary->setText(tr("Run diagnostics checks each step of the connection, from the "
                              "WhaTrack server to the live update channels, and says what to do "
                              "when one fails."));
        return;
    }
    QString text;
    if (s.canceled)
        text = tr("Canceled. ");
    else if (s.allPassed())
        text = tr("Every check passed. ");
    else if (s.failed > 0)
        text = tr("Step %1 failed. ").arg(s.firstFailedStep);
    text += tr("%1 passed, %2 warning(s), %3 failed, %4 skipped, in %5.")
                .arg(s.passed)
                .arg(s.warnings)
                .arg(s.failed)
                .arg(s.skipped)
                .arg(s.durationMs < 1000 ? tr("%1 ms").arg(s.durationMs)
                                         : TimeFormat::duration(s.durationMs));
    m_summary->setText(text);
}

void DiagnosticsStepsView::updateBanners()
{
    while (QLayoutItem* item = m_banners->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    bool failureShown = false;
    for (const Step& step : std::as_const(m_steps)) {
        if (step.status == StepStatus::Failed && !failureShown && !step.cause.isEmpty()) {
            failureShown = true;
            m_banners->addWidget(banner(this, StepStatus::Failed,
                tr("Step %1 failed: %2\n%3\nWhat to do: %4")
                    .arg(step.number)
                    .arg(step.cause.title, step.cause.cause, step.cause.action),
                QStringLiteral("failureBanner")));
        } else if (step.status == StepStatus::Warning && !step.cause.isEmpty()) {
            const bool security = step.kind == StepKind::Isolation;
            const QString lead = security ? tr("Security warning: %1").arg(step.cause.title)
                                          : tr("Warning: %1").arg(step.cause.title);
            m_banners->addWidget(banner(this, StepStatus::Warning,
                lead + QLatin1Char('\n') + step.cause.cause + QLatin1Char('\n')
                    + tr("How to fix: %1").arg(step.cause.action),
                security ? QStringLiteral("securityBanner") : QStringLiteral("warningBanner")));
        }
    }
}

QStringList DiagnosticsStepsView::rowTexts() const
{
    QStringList out;
    for (const Row& row : m_rows)
        out << row.title->text() + QStringLiteral(" — ") + row.time->text()
                + (row.detail->text().isEmpty() ? QString()
                                                : QLatin1Char('\n') + row.detail->text());
    return out;
}

QStringList DiagnosticsStepsView::bannerTexts() const
{
    QStringList out;
    for (QLabel* label : findChildren<QLabel*>(QStringLiteral("bannerText")))
        out << label->text();
    return out;
}

} // namespace WhaTrack::Ui
