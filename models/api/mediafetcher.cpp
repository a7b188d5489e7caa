#include "models/api/mediafetcher.h"

#include "models/api/apiclient.h"
#include "models/logging.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QImageReader>
#include <QPromise>
#include <QRegularExpression>
#include <QThreadPool>

namespace WhaTrack {

namespace {
const QString kRoute = QStringLiteral("/api/v1/whatsapp/media/");
constexpr int kMaxRememberedFailures = 1000;
constexpr qint64 kDefaultCacheBytes = 48LL * 1024 * 1024;

//! Safe path segments only: no percent-escapes, no query or fragment, no "." or "..".
bool safeMediaPath(const QString& path)
{
    static const QRegularExpression segment(QStringLiteral("^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$"));
    if (path.isEmpty() || path.size() > 512)
        return false;
    const QStringList parts = path.split(QLatin1Char('/'));
    for (const QString& part : parts) {
        if (!segment.match(part).hasMatch())
            return false; // also refuses empty segments ("a//b", a trailing slash)
    }
    return true;
}

QString causeOf(const ApiError& error, qsizetype maxBytes)
{
    if (error.kind == ApiError::Kind::Undecodable
        && error.detail.startsWith(QLatin1String("answer larger")))
        return MediaFetcher::tr("The file is larger than %1 MB, so it was not downloaded.")
            .arg(maxBytes / (1024 * 1024));
    switch (error.kind) {
    case ApiError::Kind::NotFound:
        return MediaFetcher::tr("The server no longer has this file (it may have expired).");
    case ApiError::Kind::Forbidden:
        return MediaFetcher::tr("Your account may not open this file.");
    case ApiError::Kind::Unauthorized:
        return MediaFetcher::tr("The session expired; sign in again to see this file.");
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Tls:
        return MediaFetcher::tr("The server could not be reached; the file will load when the "
                                "connection is back (reopen the chat).");
    case ApiError::Kind::BadResponse:
        return MediaFetcher::tr("The server sent the file from another address, which the inbox "
                                "does not follow; check the backend URL in Preferences.");
    default:
        return MediaFetcher::tr("The server could not send this file (%1); try again later.")
            .arg(error.message);
    }
}
} // namespace

struct MediaFetcher::Decoded
{
    QImage image;
    QString error;
};

MediaFetcher::MediaFetcher(ApiClient* api, QObject* parent)
    : QObject(parent)
    , m_api(api)
{
    setCacheBytes(kDefaultCacheBytes);
}

MediaFetcher::~MediaFetcher() = default;

void MediaFetcher::setCacheBytes(qint64 bytes)
{
    m_cache.setMaxCost(int(qMax<qint64>(1, bytes / 1024)));
}

QString MediaFetcher::routePath(const QString& mediaUrl)
{
    QString id;
    if (mediaUrl.startsWith(QLatin1String("meta_id:")))
        id = mediaUrl.mid(8);
    else if (mediaUrl.startsWith(QLatin1String("r2:")))
        id = mediaUrl.mid(3);
    else if (mediaUrl.startsWith(kRoute))
        id = mediaUrl.mid(kRoute.size());
    // Anything else (http://..., file:..., //host/...) is never fetched: the client only talks
    // to the backend the agent configured.
    return safeMediaPath(id) ? kRoute + id : QString();
}

MediaFetcher::State MediaFetcher::thumbnailState(const QString& mediaUrl) const
{
    if (m_cache.contains(mediaUrl))
        return State::Ready;
    if (m_loading.contains(mediaUrl))
        return State::Loading;
    if (m_failures.contains(mediaUrl))
        return State::Failed;
    return State::None;
}

QImage MediaFetcher::thumbnail(const QString& mediaUrl) const
{
    const QImage* image = m_cache.object(mediaUrl);
    return image ? *image : QImage();
}

QString MediaFetcher::failure(const QString& mediaUrl) const
{
    return m_failures.value(mediaUrl);
}

void MediaFetcher::forgetFailure(const QString& mediaUrl)
{
    m_failures.remove(mediaUrl);
}

void MediaFetcher::fail(const QString& mediaUrl, const QString& cause)
{
    m_loading.remove(mediaUrl);
    if (m_failures.size() >= kMaxRememberedFailures)
        m_failures.clear();
    m_failures.insert(mediaUrl, cause);
    Q_EMIT thumbnailChanged(mediaUrl);
}

void MediaFetcher::requestThumbnail(const QString& mediaUrl)
{
    if (thumbnailState(mediaUrl) != State::None)
        return;
    m_loading.insert(mediaUrl);
    const QString path = routePath(mediaUrl);
    if (path.isEmpty() || !m_api) {
        qCWarning(lcApi) << "media reference refused (not a media id of the backend)";
        // Queued: callers (a delegate's paint) must not see the state change under them.
        QMetaObject::invokeMethod(
            this,
            [this, mediaUrl] {
                fail(mediaUrl, tr("This image has no address on your WhaTrack server."));
            },
            Qt::QueuedConnection);
        return;
    }
    fetchFile(mediaUrl, this, [this, mediaUrl](const File& file) {
        if (!file.ok())
            fail(mediaUrl, file.error);
        else
            startDecode(mediaUrl, file.bytes);
    });
}

void MediaFetcher::fetchFile(const QString& mediaUrl, const QObject* context, FileCallback done)
{
    const QString path = routePath(mediaUrl);
    if (path.isEmpty() || !m_api) {
        QMetaObject::invokeMethod(
            this,
            [done = std::move(done), context = QPointer<const QObject>(context)] {
                if (context)
                    done({{}, tr("This file has no address on your WhaTrack server.")});
            },
            Qt::QueuedConnection);
        return;
    }
    ApiRequest request;
    request.path = path;
    request.maxBodyBytes = m_maxBytes;
    ++m_requestsSent;
    const qsizetype cap = m_maxBytes;
    m_api->send(request, context, [done = std::move(done), cap](ApiResult<ApiResponse> r) {
        if (!r.ok())
            done({{}, causeOf(r.error, cap)});
        else if (r.value.body.isEmpty())
            done({{}, tr("The server sent an empty file.")});
        else
            done({r.value.body, {}});
    });
}

void MediaFetcher::startDecode(const QString& mediaUrl, const QByteArray& bytes)
{
    auto promise = std::make_shared<QPromise<Decoded>>();
    auto* watcher = new QFutureWatcher<Decoded>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, mediaUrl] {
        watcher->deleteLater();
        if (!watcher->future().isResultReadyAt(0))
            return fail(mediaUrl, tr("The image could not be read."));
        const Decoded d = watcher->future().takeResult();
        if (!d.error.isEmpty())
            return fail(mediaUrl, d.error);
        m_loading.remove(mediaUrl);
        const int costKiB = int(qMax<qint64>(1, d.image.sizeInBytes() / 1024));
        m_cache.insert(mediaUrl, new QImage(d.image), costKiB);
        qCDebug(lcApi) << "thumbnail ready" << d.image.size();
        Q_EMIT thumbnailChanged(mediaUrl);
    });
    watcher->setFuture(promise->future());
    const int side = m_side;
    const qint64 maxPixels = m_maxPixels;
    QThreadPool::globalInstance()->start([promise, bytes, side, maxPixels] {
        promise->start();
        Decoded d;
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        reader.setAutoTransform(true); // camera photos carry their rotation in EXIF
        // Qt refuses to allocate more than this for one image, whatever the header claims.
        reader.setAllocationLimit(int(qMax<qint64>(16, maxPixels * 4 / (1024 * 1024))));
        const QSize size = reader.canRead() ? reader.size() : QSize();
        if (!reader.canRead()) {
            d.error = tr("The server sent something that is not an image.");
        } else if (size.isValid() && qint64(size.width()) * size.height() > maxPixels) {
            d.error = tr("The image is too large to show (%1 x %2 pixels).")
                          .arg(size.width())
                          .arg(size.height());
        } else {
            if (size.isValid() && (size.width() > side || size.height() > side))
                reader.setScaledSize(size.scaled(side, side, Qt::KeepAspectRatio));
            QImage image = reader.read();
            if (image.isNull())
                d.error = tr("The image could not be read (%1).").arg(reader.errorString());
            else if (image.width() > side || image.height() > side)
                image = image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            d.image = std::move(image);
        }
        promise->addResult(std::move(d));
        promise->finish();
    });
}

} // namespace WhaTrack
