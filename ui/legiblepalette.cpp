#include "ui/legiblepalette.h"

#include "ui/logging.h"

#include <QApplication>
#include <QEvent>
#include <QObject>

#include <cmath>

namespace WhaTrack::Ui {

namespace {

qreal luminance(const QColor& c)
{
    const auto linear
        = [](qreal v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

QColor over(const QColor& color, const QColor& background)
{
    const qreal a = color.alphaF();
    return QColor::fromRgbF(float(color.redF() * a + background.redF() * (1 - a)),
        float(color.greenF() * a + background.greenF() * (1 - a)),
        float(color.blueF() * a + background.blueF() * (1 - a)));
}

//! Re-applies the legible palette after each application palette change.
class PaletteGuard : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
            apply();
        return false;
    }

public:
    static void apply()
    {
        const QPalette current = QApplication::palette();
        const QPalette legible = legiblePalette(current);
        if (legible != current) { // a fixpoint: the change this causes applies nothing
            qCInfo(lcUi) << "secondary text colour raised to 4.5:1 contrast for this palette";
            QApplication::setPalette(legible);
        }
    }
};

} // namespace

qreal contrastRatio(const QColor& a, const QColor& b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor legibleOn(const QColor& color, const QColor& background, qreal minimum)
{
    const QColor bg = background.alpha() < 255 ? over(background, Qt::white) : background;
    QColor c = color.alpha() < 255 ? over(color, bg) : color;
    if (contrastRatio(c, bg) >= minimum)
        return c;
    // Towards white on dark backgrounds, towards black on light ones, in small steps: the hue
    // stays recognisable (a blue stays blue) while it gets legible.
    const QColor target = luminance(bg) < 0.18 ? QColor(Qt::white) : QColor(Qt::black);
    for (int step = 1; step <= 20; ++step) {
        const qreal k = step / 20.0;
        const QColor m = QColor::fromRgbF(float(c.redF() + (target.redF() - c.redF()) * k),
            float(c.greenF() + (target.greenF() - c.greenF()) * k),
            float(c.blueF() + (target.blueF() - c.blueF()) * k));
        if (contrastRatio(m, bg) >= minimum)
            return m;
    }
    return target;
}

QPalette legiblePalette(const QPalette& palette)
{
    QPalette p = palette;
    for (const auto group : {QPalette::Active, QPalette::Inactive}) {
        QColor text = p.color(group, QPalette::PlaceholderText);
        for (const auto bg : {QPalette::Window, QPalette::Base, QPalette::AlternateBase})
            text = legibleOn(text, p.color(group, bg));
        if (text != p.color(group, QPalette::PlaceholderText))
            p.setColor(group, QPalette::PlaceholderText, text);
    }
    return p;
}

void keepApplicationPaletteLegible()
{
    if (!qApp || qApp->property("inbox.legiblePalette").toBool())
        return;
    qApp->setProperty("inbox.legiblePalette", true);
    qApp->installEventFilter(new PaletteGuard(qApp));
    PaletteGuard::apply();
}

} // namespace WhaTrack::Ui
