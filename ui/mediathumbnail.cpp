#include "ui/mediathumbnail.h"

#include "models/api/mediafetcher.h"

#include <QAbstractItemDelegate>
#include <QModelIndex>
#include <QPainter>
#include <QPainterPath>

namespace WhaTrack::Ui {

QSize MediaThumbnail::layout(
    MediaFetcher* fetcher, const QString& mediaUrl, int maxWidth, QString* label)
{
    if (!fetcher || mediaUrl.isEmpty())
        return {};
    switch (fetcher->thumbnailState(mediaUrl)) {
    case MediaFetcher::State::None:
        // Asked while laying out the row, i.e. when the row is about to be shown; the answer
        // comes back asynchronously (thumbnailChanged), never under this call.
        fetcher->requestThumbnail(mediaUrl);
        [[fallthrough]];
    case MediaFetcher::State::Loading:
        if (label)
            *label = tr("Loading photo…");
        return {};
    case MediaFetcher::State::Failed:
        if (label)
            *label = tr("Photo unavailable");
        return {};
    case MediaFetcher::State::Ready:
        break;
    }
    const QImage image = fetcher->thumbnail(mediaUrl);
    if (image.isNull())
        return {};
    const QSize side(qMin(maxWidth, fetcher->thumbnailSide()), fetcher->thumbnailSide());
    // Tiny images (stickers, icons) are shown at their size, large ones fit the box.
    return image.size().boundedTo(side) == image.size()
        ? image.size()
        : image.size().scaled(side, Qt::KeepAspectRatio);
}

void MediaThumbnail::paint(
    QPainter* p, const QRect& rect, MediaFetcher* fetcher, const QString& mediaUrl, qreal radius)
{
    if (!fetcher)
        return;
    const QImage image = fetcher->thumbnail(mediaUrl);
    if (image.isNull())
        return;
    p->save();
    QPainterPath clip;
    clip.addRoundedRect(QRectF(rect), radius, radius);
    p->setClipPath(clip);
    p->setRenderHint(QPainter::SmoothPixmapTransform);
    p->drawImage(rect, image);
    p->restore();
}

QString MediaThumbnail::failure(MediaFetcher* fetcher, const QString& mediaUrl)
{
    return fetcher && !mediaUrl.isEmpty() ? fetcher->failure(mediaUrl) : QString();
}

ThumbnailRelayout::ThumbnailRelayout(MediaFetcher* fetcher, QAbstractItemDelegate* delegate)
    : QObject(delegate)
    , m_delegate(delegate)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(fetcher, &MediaFetcher::thumbnailChanged, &m_timer, qOverload<>(&QTimer::start));
    connect(&m_timer, &QTimer::timeout, this, [this] {
        // The views connect sizeHintChanged to doItemsLayout(): the rows are measured again.
        if (m_delegate)
            Q_EMIT m_delegate->sizeHintChanged(QModelIndex());
    });
}

} // namespace WhaTrack::Ui
