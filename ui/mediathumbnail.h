#pragma once

//! \file mediathumbnail.h
//! \brief Image thumbnails inside message bubbles, for MessageDelegate's media block: the
//! thumbnail once MediaFetcher has it, else the type icon with "Loading photo…" or "Photo
//! unavailable" (the cause in plain words on hover). Kept out of the delegate so its layout and
//! painting stay one concern.

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>
#include <QTimer>

class QAbstractItemDelegate;
class QPainter;
class QRect;

namespace WhaTrack {
class MediaFetcher;
}

namespace WhaTrack::Ui {

class MediaThumbnail
{
    Q_DECLARE_TR_FUNCTIONS(MediaThumbnail)

public:
    //! The size the thumbnail of \a mediaUrl takes within \a maxWidth, or an invalid size while
    //! there is none (the icon placeholder is drawn; \a label gets its text). Asks \a fetcher
    //! for the thumbnail the first time.
    static QSize layout(
        MediaFetcher* fetcher, const QString& mediaUrl, int maxWidth, QString* label);
    //! Paints the thumbnail of \a mediaUrl scaled into \a rect with rounded corners.
    static void paint(QPainter* painter, const QRect& rect, MediaFetcher* fetcher,
        const QString& mediaUrl, qreal radius);
    //! Why the thumbnail is missing (for the tooltip), or empty.
    static QString failure(MediaFetcher* fetcher, const QString& mediaUrl);
};

//! Re-lays out a view when thumbnails arrive (their rows grow): one sizeHintChanged() per event
//! loop pass however many arrive together.
class ThumbnailRelayout : public QObject
{
    Q_OBJECT

public:
    ThumbnailRelayout(MediaFetcher* fetcher, QAbstractItemDelegate* delegate);

private:
    QPointer<QAbstractItemDelegate> m_delegate;
    QTimer m_timer;
};

} // namespace WhaTrack::Ui
