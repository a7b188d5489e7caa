#include "paintprobe.h"

#include "../models/benchserver.h"
#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "ui/chatlistdelegate.h"
#include "ui/messagedelegate.h"

namespace BenchViews {

namespace {
PaintLatency* g_current = nullptr;

qint64 stampOf(const QString& text)
{
    return text.startsWith(QLatin1String("t=")) ? QStringView(text).mid(2).toLongLong() : 0;
}
} // namespace

Heartbeat::Heartbeat()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(16); // ~60 Hz: what a display refresh asks of the GUI thread
    QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.nsecsElapsed();
        if (m_last)
            m_intervals.append(double(now - m_last) / 1e6);
        m_last = now;
    });
}

void Heartbeat::start()
{
    m_intervals.clear();
    m_last = 0;
    m_clock.start();
    m_timer.start();
}

QList<double> Heartbeat::stop()
{
    m_timer.stop();
    return m_intervals;
}

PaintLatency* currentLatency()
{
    return g_current;
}

void PaintLatency::install()
{
    g_current = this;
    WhaTrack::Ui::ChatListDelegate::setPaintHook([](const QModelIndex& index) {
        g_current->sawText(
            index.data(WhaTrack::ChatListModel::LastMessagePreviewRole).toString(), true);
    });
    WhaTrack::Ui::MessageDelegate::setPaintHook([](const QModelIndex& index) {
        g_current->sawText(index.data(WhaTrack::MessageListModel::BodyRole).toString(), false);
    });
}

void PaintLatency::uninstall()
{
    WhaTrack::Ui::ChatListDelegate::setPaintHook(nullptr);
    WhaTrack::Ui::MessageDelegate::setPaintHook(nullptr);
    g_current = nullptr;
}

void PaintLatency::clear()
{
    chatRows.clear();
    messages.clear();
    m_seenChat.clear();
    m_seenMessage.clear();
}

void PaintLatency::sawText(const QString& text, bool chatRow)
{
    ++paints;
    const qint64 now = BenchModels::monotonicNs();
    if (chatRow && !firstRowPainted) {
        firstRowPainted = true;
        firstRowNs = now;
    }
    const qint64 t = stampOf(text);
    if (!t)
        return;
    QSet<qint64>& seen = chatRow ? m_seenChat : m_seenMessage;
    if (seen.contains(t))
        return;
    seen.insert(t);
    (chatRow ? chatRows : messages).append(double(now - t) / 1e6);
}

} // namespace BenchViews
