#include "ui/uistyle.h"

#include <QPainter>
#include <QPixmap>
#include <QStringList>

namespace WhaTrack::Ui {

bool isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor mix(const QColor& a, const QColor& b, qreal amount)
{
    const qreal k = std::clamp(amount, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * k),
        float(a.greenF() + (b.greenF() - a.greenF()) * k),
        float(a.blueF() + (b.blueF() - a.blueF()) * k),
        float(a.alphaF() + (b.alphaF() - a.alphaF()) * k));
}

QColor avatarColor(const QString& name, bool dark)
{
    // FNV-1a over the UTF-16 text: stable across runs and platforms, unlike qHash's seed.
    quint32 h = 2166136261u;
    for (const QChar c : name) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    // Spread hues, keep saturation/lightness in a band where white initials stay readable.
    const int hue = int(h % 360);
    return QColor::fromHsl(hue, dark ? 120 : 140, dark ? 110 : 125);
}

QString initials(const QString& name)
{
    const QStringList words = name.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString out;
    for (const QString& w : words) {
        const QChar first = w.at(0);
        if (!first.isLetter())
            continue;
        out += first.toUpper();
        if (out.size() == 2)
            break;
    }
    // Keep the first and last name's initials ("Maria da Silva" -> "MS", not "MD").
    if (words.size() > 2 && out.size() == 2) {
        const QChar last = words.last().at(0);
        if (last.isLetter())
            out[1] = last.toUpper();
    }
    return out.isEmpty() ? QStringLiteral("#") : out;
}

QColor parseColor(const QString& text, const QColor& fallback)
{
    const QColor c = QColor::fromString(text.trimmed());
    return c.isValid() ? c : fallback;
}

QColor readableTextOn(const QColor& background)
{
    // Relative luminance (sRGB approximation): dark text on light chips, white on dark ones.
    const qreal l
        = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return l > 0.6 ? QColor(0x1f, 0x1f, 0x1f) : QColor(Qt::white);
}

QPixmap iconCanvas(int size)
{
    const qreal dpr = 2.0;
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    return pm;
}

QIcon dotIcon(const QColor& color, int size)
{
    QPixmap pm = iconCanvas(size);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    p.end();
    return QIcon(pm);
}

} // namespace WhaTrack::Ui
