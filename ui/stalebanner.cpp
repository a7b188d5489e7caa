#include "ui/stalebanner.h"

#include "models/store/freshness.h"
#include "models/store/inboxstore.h"
#include "models/store/querycache.h"
#include "models/store/querykey.h"
#include "ui/logging.h"
#include "ui/plaintext.h"
#include "ui/uistyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>

namespace WhaTrack::Ui {

StaleBanner::StaleBanner(InboxStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_label(plainLabel(this))
    , m_resync(new QPushButton(tr("Resync"), this))
{
    setObjectName(QStringLiteral("staleBanner"));
    m_label->setWordWrap(true);
    m_resync->setObjectName(QStringLiteral("bannerResync"));
    m_resync->setToolTip(tr("Reload the chat list, the open conversation and its ticket."));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 8);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_resync);
    connect(m_resync, &QPushButton::clicked, this, &StaleBanner::resyncRequested);

    m_delay.setSingleShot(true);
    m_delay.setInterval(kStaleDelayMs);
    connect(&m_delay, &QTimer::timeout, this, &StaleBanner::showNow);
    connect(m_store, &InboxStore::freshnessChanged, this, &StaleBanner::refresh);
    connect(m_store, &InboxStore::organizationChanged, this, &StaleBanner::refresh);
    connect(m_store->queryCache(), &QueryCache::stateChanged, this, [this] {
        if (isShown())
            showNow(); // the time of the saved data may have changed
    });
    hide();
    refresh();
}

QString StaleBanner::text() const
{
    return m_label->text();
}

void StaleBanner::refresh()
{
    // Nothing loaded (signed out, no organization yet): there is no saved data to warn about.
    if (m_store->organizationId().isEmpty()) {
        m_delay.stop();
        hide();
        return;
    }
    const auto state = m_store->freshness().state;
    const bool offline = state == Freshness::State::Offline;
    const bool stale = state == Freshness::State::Stale;
    if (offline) {
        m_delay.stop();
        showNow();
    } else if (stale) {
        if (isHidden() && !m_delay.isActive())
            m_delay.start();
        else if (isShown())
            showNow();
    } else {
        m_delay.stop();
        hide();
    }
}

void StaleBanner::showNow()
{
    const Freshness f = m_store->freshness();
    if (m_store->organizationId().isEmpty()
        || (f.state != Freshness::State::Offline && f.state != Freshness::State::Stale)) {
        hide();
        return;
    }
    const QString org = m_store->organizationId();
    const QDateTime at = m_store->queryCache()->info(QueryKey::chats(org)).updatedAt.toLocalTime();
    QString when;
    if (at.isValid()) {
        when = at.date() == QDate::currentDate() ? at.toString(QStringLiteral("HH:mm"))
                                                 : QLocale().toString(at, QLocale::ShortFormat);
    }
    QString headline = when.isEmpty() ? tr("Showing saved data — not live")
                                      : tr("Showing saved data from %1 — not live").arg(when);
    // Wrap before "— not live", never inside it, in a narrow chat list.
    headline.replace(QStringLiteral(" — not live"), QStringLiteral(" —\u00a0not\u00a0live"));
    m_label->setText(headline);
    setPlainToolTip(m_label, f.reason); // an error text, possibly the server's
    if (isHidden())
        qCInfo(lcUi) << "stale banner shown:" << f.reason;
    show();
}

void StaleBanner::paintEvent(QPaintEvent*)
{
    // A warm tint rather than alarm red: the data is usable, just possibly behind.
    QPainter p(this);
    const bool dark = isDarkPalette(palette());
    const QColor amber = dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xf5, 0x9e, 0x0b);
    p.fillRect(rect(), mix(palette().color(QPalette::Window), amber, dark ? 0.22 : 0.18));
    p.fillRect(
        QRect(0, height() - 1, width(), 1), mix(palette().color(QPalette::Window), amber, 0.5));
}

} // namespace WhaTrack::Ui
