#include "ui/connectionstatuswidget.h"

#include "ui/connectionmonitor.h"
#include "ui/logging.h"
#include "ui/plaintext.h"
#include "ui/uistyle.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPainter>
#include <QToolButton>

namespace WhaTrack::Ui {

namespace {
constexpr int kDot = 8;
constexpr int kPadX = 10;
constexpr int kGap = 6;
} // namespace

StatusPill::StatusPill(QWidget* parent)
    : QAbstractButton(parent)
{
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::TabFocus);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void StatusPill::setView(const ConnectionStatusView& view)
{
    const bool resize = view.text != m_view.text;
    m_view = view;
    setText(view.text);
    // The tooltip carries error texts from the servers.
    setToolTip(
        plainToolTip(view.toolTip + QLatin1Char('\n') + tr("Click for connection details.")));
    setAccessibleName(tr("Connection: %1").arg(view.text));
    setAccessibleDescription(view.toolTip);
    if (resize)
        updateGeometry();
    update();
}

QSize StatusPill::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const int h = fm.height() + 8;
    const int w = kPadX + kDot + kGap + fm.horizontalAdvance(m_view.text) + kPadX;
    return {w, h};
}

void StatusPill::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        updateGeometry();
    QAbstractButton::changeEvent(event);
}

void StatusPill::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor tone = ConnectionStatusPresenter::toneColor(m_view.tone, isDarkPalette(palette()));
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = r.height() / 2;

    // A faint tint of the state colour: visible at a glance, quiet while all is well.
    QColor fill = tone;
    fill.setAlphaF(underMouse() || hasFocus() ? 0.24 : 0.14);
    QColor border = tone;
    border.setAlphaF(0.45);
    p.setPen(QPen(border, 1));
    p.setBrush(fill);
    p.drawRoundedRect(r, radius, radius);

    const qreal cy = r.center().y();
    p.setPen(Qt::NoPen);
    p.setBrush(tone);
    p.drawEllipse(QPointF(kPadX + kDot / 2.0, cy), kDot / 2.0, kDot / 2.0);

    p.setPen(palette().color(QPalette::WindowText));
    const QRect textRect(kPadX + kDot + kGap, 0, width() - kPadX - kDot - kGap, height());
    p.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, m_view.text);
}

ConnectionStatusWidget::ConnectionStatusWidget(ConnectionMonitor* monitor, QWidget* parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_pill(new StatusPill(this))
    , m_action(new QToolButton(this))
{
    setObjectName(QStringLiteral("connectionStatus"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(4);
    layout->addWidget(m_pill);
    layout->addWidget(m_action);

    m_action->setAutoRaise(true);
    m_action->setCursor(Qt::PointingHandCursor);
    m_action->setObjectName(QStringLiteral("connectionAction"));
    // Looks like a link, behaves like a button (keyboard focus, accessible).
    QPalette linkPalette = m_action->palette();
    linkPalette.setColor(QPalette::ButtonText, palette().color(QPalette::Link));
    m_action->setPalette(linkPalette);

    connect(m_pill, &QAbstractButton::clicked, this, &ConnectionStatusWidget::detailsRequested);
    connect(m_action, &QToolButton::clicked, this, [this] {
        qCInfo(lcUi) << "connection action" << m_pill->view().actionText;
        Q_EMIT actionTriggered(m_pill->view().action);
    });
    connect(m_monitor, &ConnectionMonitor::changed, this, &ConnectionStatusWidget::refresh);

    m_refresh.setInterval(ConnectionStatusPresenter::kRefreshIntervalMs);
    connect(&m_refresh, &QTimer::timeout, this, &ConnectionStatusWidget::refresh);
    refresh();
}

QString ConnectionStatusWidget::text() const
{
    return m_pill->view().kind == ConnectionStatusView::Kind::Hidden ? QString() : m_pill->text();
}

void ConnectionStatusWidget::refresh()
{
    const auto view = ConnectionStatusPresenter::describe(m_monitor->snapshot(), m_monitor->now());
    if (view.kind != m_pill->view().kind)
        qCDebug(lcUi) << "connection pill:" << view.text;
    m_pill->setView(view);
    const bool hidden = view.kind == ConnectionStatusView::Kind::Hidden;
    m_pill->setVisible(!hidden);
    m_action->setVisible(!hidden && view.action != ConnectionStatusView::Action::None);
    m_action->setText(view.actionText);
    // The timer runs only while the text can change by itself (countdown, debounce deadline).
    if (view.timeDependent && !m_refresh.isActive())
        m_refresh.start();
    else if (!view.timeDependent && m_refresh.isActive())
        m_refresh.stop();
}

} // namespace WhaTrack::Ui
