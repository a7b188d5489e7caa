#pragma once

//! \file mediafetcher.h
//! \brief Media of messages (images, audio, documents) through the backend's media route
//! `GET /api/v1/whatsapp/media/{id}`, with the REST client's session cookie and organization
//! header, its same-origin-only redirects and a size cap.
//!
//! Server data is hostile: a `mediaUrl` only ever becomes a path on the configured backend
//! (`meta_id:<id>`, `r2:<path>` or `/api/v1/whatsapp/media/<id>`, safe characters only, no
//! `..`); anything else, an absolute URL in particular, is refused without a request. Bodies
//! above the cap are aborted while they arrive. Thumbnails are decoded off the GUI thread with
//! an allocation limit and a pixel bound and read scaled, so a "16 000 x 16 000" image cannot
//! take the memory; they are kept in a bounded LRU cache. A failure is remembered with its
//! cause in plain words (shown on hover over the placeholder) and not retried in a loop.

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>

namespace WhaTrack {

class ApiClient;

//! Download cap of one media file (images, documents, audio).
inline constexpr qsizetype kMaxMediaBytes = 16 * 1024 * 1024;
//! Largest image (in pixels) the thumbnailer agrees to decode: 50 megapixels.
inline constexpr qint64 kMaxMediaPixels = 50LL * 1000 * 1000;

class MediaFetcher : public QObject
{
    Q_OBJECT

public:
    //! What fetchFile() hands back: the bytes, or an empty body and a cause in plain words.
    struct File
    {
        QByteArray bytes;
        QString error;
        bool ok() const { return error.isEmpty(); }
    };
    using FileCallback = std::function<void(const File&)>;

    //! \a api must outlive the fetcher.
    explicit MediaFetcher(ApiClient* api, QObject* parent = nullptr);
    ~MediaFetcher() override;

    //! The media route's path for \a mediaUrl, or empty when it is not one the client fetches.
    static QString routePath(const QString& mediaUrl);

    void setMaxBytes(qsizetype bytes) { m_maxBytes = bytes; }
    void setMaxPixels(qint64 pixels) { m_maxPixels = pixels; }
    //! Thumbnails fit in a \a side x \a side square (never enlarged).
    void setThumbnailSide(int side) { m_side = side; }
    int thumbnailSide() const { return m_side; }
    //! Memory the decoded thumbnails may take together (least recently used go first).
    void setCacheBytes(qint64 bytes);

    enum class State { None, Loading, Ready, Failed };
    State thumbnailState(const QString& mediaUrl) const;
    //! The cached thumbnail (null unless Ready); counts as a use for the LRU order.
    QImage thumbnail(const QString& mediaUrl) const;
    //! Why the thumbnail failed, in plain words with what to do, or empty.
    QString failure(const QString& mediaUrl) const;

    //! Starts fetching and decoding the thumbnail unless it is cached, loading or has failed.
    //! thumbnailChanged() follows, always asynchronously.
    void requestThumbnail(const QString& mediaUrl);
    //! Forgets a failure so the next request tries again (the agent asked to retry).
    void forgetFailure(const QString& mediaUrl);

    //! Downloads the file of \a mediaUrl (for Open and Save as). \a done runs once,
    //! asynchronously, unless \a context is destroyed first.
    void fetchFile(const QString& mediaUrl, const QObject* context, FileCallback done);

    int requestsSent() const { return m_requestsSent; }

Q_SIGNALS:
    //! The thumbnail of \a mediaUrl became Ready or Failed.
    void thumbnailChanged(const QString& mediaUrl);

private:
    struct Decoded;
    void fail(const QString& mediaUrl, const QString& cause);
    void startDecode(const QString& mediaUrl, const QByteArray& bytes);

    QPointer<ApiClient> m_api;
    qsizetype m_maxBytes = kMaxMediaBytes;
    qint64 m_maxPixels = kMaxMediaPixels;
    int m_side = 240;
    mutable QCache<QString, QImage> m_cache; //!< cost in KiB
    QHash<QString, QString> m_failures;
    QSet<QString> m_loading;
    int m_requestsSent = 0;
};

} // namespace WhaTrack
