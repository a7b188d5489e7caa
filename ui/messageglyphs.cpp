#include "ui/messageglyphs.h"

#include <QPainter>
#include <QPainterPath>

namespace WhaTrack::Ui {

MediaKind MessageGlyphs::mediaKind(const QString& type)
{
    const QString t = type.toLower();
    if (t == QLatin1String("image"))
        return MediaKind::Image;
    if (t == QLatin1String("video"))
        return MediaKind::Video;
    if (t == QLatin1String("audio") || t == QLatin1String("voice") || t == QLatin1String("ptt"))
        return MediaKind::Audio;
    if (t == QLatin1String("document") || t == QLatin1String("file"))
        return MediaKind::Document;
    if (t == QLatin1String("sticker"))
        return MediaKind::Sticker;
    if (t == QLatin1String("location"))
        return MediaKind::Location;
    if (t == QLatin1String("contacts") || t == QLatin1String("contact"))
        return MediaKind::Contact;
    return MediaKind::None;
}

MediaKind MessageGlyphs::mediaKindFromPlaceholder(const QString& body)
{
    const QString b = body.trimmed().toLower();
    if (b == QLatin1String("imagem") || b == QLatin1String("[image]"))
        return MediaKind::Image;
    if (b == QStringLiteral("vídeo") || b == QLatin1String("[video]"))
        return MediaKind::Video;
    if (b == QStringLiteral("áudio") || b == QLatin1String("[audio]")
        || b == QLatin1String("[voice]"))
        return MediaKind::Audio;
    if (b == QLatin1String("documento") || b == QLatin1String("[document]"))
        return MediaKind::Document;
    if (b == QLatin1String("sticker") || b == QLatin1String("figurinha")
        || b == QLatin1String("[sticker]"))
        return MediaKind::Sticker;
    return MediaKind::None;
}

MediaKind MessageGlyphs::mediaKindOf(const QString& type, const QString& body)
{
    const MediaKind kind = mediaKind(type);
    if (kind != MediaKind::None)
        return kind;
    // A real "text" stays text even if someone types "Áudio".
    if (type.isEmpty() || type == QLatin1String("unknown"))
        return mediaKindFromPlaceholder(body);
    return MediaKind::None;
}

QString MessageGlyphs::mediaLabel(MediaKind kind)
{
    switch (kind) {
    case MediaKind::Image:
        return tr("Photo");
    case MediaKind::Video:
        return tr("Video");
    case MediaKind::Audio:
        return tr("Voice message");
    case MediaKind::Document:
        return tr("Document");
    case MediaKind::Sticker:
        return tr("Sticker");
    case MediaKind::Location:
        return tr("Location");
    case MediaKind::Contact:
        return tr("Contact card");
    case MediaKind::Other:
        return tr("Attachment");
    case MediaKind::None:
        break;
    }
    return {};
}

bool MessageGlyphs::isPlaceholderBody(const QString& body)
{
    // The backend's fallbacks when a media message has no caption (anchors §1.7).
    static const QStringList placeholders = {QStringLiteral("Imagem"), QStringLiteral("Vídeo"),
        QStringLiteral("Video"), QStringLiteral("Áudio"), QStringLiteral("Audio"),
        QStringLiteral("Documento"), QStringLiteral("Sticker"), QStringLiteral("Figurinha"),
        QStringLiteral("Localização"), QStringLiteral("Contato")};
    const QString b = body.trimmed();
    if (b.isEmpty())
        return true;
    if (b.startsWith(QLatin1Char('[')) && b.endsWith(QLatin1Char(']')))
        return true; // "[image]" previews
    return placeholders.contains(b, Qt::CaseInsensitive);
}

QColor MessageGlyphs::readColor(bool dark)
{
    return dark ? QColor(0x53, 0xbd, 0xeb) : QColor(0x1e, 0x88, 0xe5);
}

QColor MessageGlyphs::failedColor(bool dark)
{
    return dark ? QColor(0xef, 0x70, 0x70) : QColor(0xd3, 0x2f, 0x2f);
}

qreal MessageGlyphs::statusWidth(MessageStatus status, qreal h)
{
    switch (status) {
    case MessageStatus::Sent:
        return h * 0.8;
    case MessageStatus::Delivered:
    case MessageStatus::Read:
    case MessageStatus::Played:
        return h * 1.15;
    case MessageStatus::Pending:
    case MessageStatus::Failed:
        return h;
    case MessageStatus::Unknown:
        break;
    }
    return 0;
}

namespace {

void tick(QPainter* p, const QRectF& r, qreal xOffset)
{
    const qreal h = r.height();
    QPainterPath path;
    path.moveTo(r.left() + xOffset, r.top() + h * 0.55);
    path.lineTo(r.left() + xOffset + h * 0.25, r.top() + h * 0.8);
    path.lineTo(r.left() + xOffset + h * 0.75, r.top() + h * 0.25);
    p->drawPath(path);
}

} // namespace

void MessageGlyphs::paintStatus(QPainter* p, const QRectF& r, MessageStatus status,
    const QColor& muted, bool dark, bool monochrome)
{
    if (status == MessageStatus::Unknown)
        return;
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const qreal h = r.height();
    QPen pen(muted, std::max<qreal>(1.2, h * 0.11), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p->setBrush(Qt::NoBrush);
    switch (status) {
    case MessageStatus::Pending: {
        // A small clock: sent by us, not yet acknowledged by WhatsApp.
        p->setPen(pen);
        const QRectF c(r.left() + h * 0.1, r.top() + h * 0.1, h * 0.8, h * 0.8);
        p->drawEllipse(c);
        p->drawLine(c.center(), QPointF(c.center().x(), c.top() + h * 0.2));
        p->drawLine(c.center(), QPointF(c.center().x() + h * 0.18, c.center().y()));
        break;
    }
    case MessageStatus::Sent:
        p->setPen(pen);
        tick(p, r, 0);
        break;
    case MessageStatus::Delivered:
    case MessageStatus::Read:
    case MessageStatus::Played:
        if (status != MessageStatus::Delivered && !monochrome)
            pen.setColor(readColor(dark));
        p->setPen(pen);
        tick(p, r, 0);
        tick(p, r, h * 0.35);
        break;
    case MessageStatus::Failed: {
        const QColor red = failedColor(dark); // an alert stays red, even on a selection
        QPainterPath tri;
        tri.moveTo(r.left() + h * 0.5, r.top() + h * 0.05);
        tri.lineTo(r.left() + h * 0.98, r.top() + h * 0.92);
        tri.lineTo(r.left() + h * 0.02, r.top() + h * 0.92);
        tri.closeSubpath();
        p->setPen(Qt::NoPen);
        p->setBrush(red);
        p->drawPath(tri);
        p->setPen(QPen(Qt::white, std::max<qreal>(1.2, h * 0.12), Qt::SolidLine, Qt::RoundCap));
        p->drawLine(QPointF(r.left() + h * 0.5, r.top() + h * 0.35),
            QPointF(r.left() + h * 0.5, r.top() + h * 0.62));
        p->drawPoint(QPointF(r.left() + h * 0.5, r.top() + h * 0.77));
        break;
    }
    case MessageStatus::Unknown:
        break;
    }
    p->restore();
}

void MessageGlyphs::paintMediaIcon(
    QPainter* p, const QRectF& r, MediaKind kind, const QColor& color)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const qreal s = std::min(r.width(), r.height());
    const QRectF box(r.center().x() - s / 2, r.center().y() - s / 2, s, s);
    const qreal w = std::max<qreal>(1.3, s * 0.07);
    p->setPen(QPen(color, w, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p->setBrush(Qt::NoBrush);
    const auto at = [&box](qreal x, qreal y) {
        return QPointF(box.left() + box.width() * x, box.top() + box.height() * y);
    };
    switch (kind) {
    case MediaKind::Image:
    case MediaKind::Sticker: {
        p->drawRoundedRect(QRectF(at(0.1, 0.18), at(0.9, 0.82)), s * 0.08, s * 0.08);
        QPainterPath mountains;
        mountains.moveTo(at(0.16, 0.76));
        mountains.lineTo(at(0.4, 0.48));
        mountains.lineTo(at(0.56, 0.64));
        mountains.lineTo(at(0.68, 0.54));
        mountains.lineTo(at(0.84, 0.76));
        p->drawPath(mountains);
        p->drawEllipse(at(0.68, 0.34), s * 0.06, s * 0.06);
        break;
    }
    case MediaKind::Video: {
        p->drawRoundedRect(QRectF(at(0.08, 0.25), at(0.68, 0.75)), s * 0.08, s * 0.08);
        QPainterPath lens;
        lens.moveTo(at(0.7, 0.45));
        lens.lineTo(at(0.92, 0.3));
        lens.lineTo(at(0.92, 0.7));
        lens.lineTo(at(0.7, 0.55));
        p->drawPath(lens);
        break;
    }
    case MediaKind::Audio: {
        // A play button and a short waveform: reads as "voice message" at a glance.
        QPainterPath play;
        play.moveTo(at(0.1, 0.3));
        play.lineTo(at(0.34, 0.5));
        play.lineTo(at(0.1, 0.7));
        play.closeSubpath();
        p->setBrush(color);
        p->drawPath(play);
        p->setBrush(Qt::NoBrush);
        const qreal heights[] = {0.2, 0.42, 0.3, 0.55, 0.25, 0.4};
        for (int i = 0; i < 6; ++i) {
            const qreal x = 0.46 + i * 0.09;
            p->drawLine(at(x, 0.5 - heights[i] / 2), at(x, 0.5 + heights[i] / 2));
        }
        break;
    }
    case MediaKind::Location: {
        QPainterPath pin;
        pin.moveTo(at(0.5, 0.9));
        pin.cubicTo(at(0.1, 0.5), at(0.2, 0.1), at(0.5, 0.1));
        pin.cubicTo(at(0.8, 0.1), at(0.9, 0.5), at(0.5, 0.9));
        p->drawPath(pin);
        p->drawEllipse(at(0.5, 0.38), s * 0.1, s * 0.1);
        break;
    }
    case MediaKind::Contact: {
        p->drawEllipse(at(0.5, 0.35), s * 0.16, s * 0.16);
        p->drawArc(QRectF(at(0.2, 0.58), at(0.8, 1.1)), 0, 180 * 16);
        break;
    }
    case MediaKind::Document:
    case MediaKind::Other:
    case MediaKind::None: {
        QPainterPath page;
        page.moveTo(at(0.22, 0.08));
        page.lineTo(at(0.6, 0.08));
        page.lineTo(at(0.8, 0.28));
        page.lineTo(at(0.8, 0.92));
        page.lineTo(at(0.22, 0.92));
        page.closeSubpath();
        p->drawPath(page);
        p->drawLine(at(0.6, 0.08), at(0.6, 0.28));
        p->drawLine(at(0.6, 0.28), at(0.8, 0.28));
        p->drawLine(at(0.34, 0.5), at(0.68, 0.5));
        p->drawLine(at(0.34, 0.64), at(0.68, 0.64));
        p->drawLine(at(0.34, 0.78), at(0.56, 0.78));
        break;
    }
    }
    p->restore();
}

} // namespace WhaTrack::Ui
