#include "ui/timeformat.h"

#include <QLocale>

namespace WhaTrack::Ui {

QString TimeFormat::clockTime(const QDateTime& when)
{
    return when.toLocalTime().time().toString(QStringLiteral("HH:mm"));
}

QString TimeFormat::listTime(const QDateTime& when, const QDateTime& now)
{
    if (!when.isValid())
        return {};
    const QDate day = when.toLocalTime().date();
    const QDate today = now.toLocalTime().date();
    if (day == today)
        return clockTime(when);
    if (day == today.addDays(-1))
        return tr("Yesterday");
    if (day > today.addDays(-7) && day < today)
        return QLocale().dayName(day.dayOfWeek(), QLocale::ShortFormat);
    return QLocale().toString(day, QLocale::ShortFormat);
}

QString TimeFormat::dayLabel(const QDate& day, const QDate& today)
{
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    if (day > today.addDays(-7) && day < today)
        return QLocale().dayName(day.dayOfWeek(), QLocale::LongFormat);
    // The pattern is translated: "12 March 2025" in English, "12 de março de 2025" in Portuguese.
    return QLocale().toString(day, tr("d MMMM yyyy", "QDate format of a day separator"));
}

QString TimeFormat::duration(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms) / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    const qint64 m = s / 60;
    if (m < 60)
        return tr("%1 min").arg(m);
    const qint64 h = m / 60;
    if (h < 48)
        return tr("%1 h %2 min").arg(h).arg(m % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(h / 24).arg(h % 24);
}

QString TimeFormat::relative(const QDateTime& when, const QDateTime& now)
{
    if (!when.isValid())
        return {};
    const qint64 ms = now.msecsTo(when);
    if (std::abs(ms) < 1000)
        return tr("just now");
    return ms >= 0 ? tr("in %1").arg(duration(ms)) : tr("%1 ago").arg(duration(-ms));
}

} // namespace WhaTrack::Ui
