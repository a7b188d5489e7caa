#include "ui/mediaactions.h"

#include "models/api/mediafetcher.h"
#include "models/cache/privatefiles.h"
#include "models/items/messagelistmodel.h"
#include "ui/logging.h"
#include "ui/messageglyphs.h"
#include "ui/plaintext.h"

#include <QAbstractItemView>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

namespace WhaTrack::Ui {

namespace {
using R = MessageListModel::Roles;
constexpr int kMaxNameChars = 80;

MediaKind kindOf(const QModelIndex& index)
{
    return MessageGlyphs::mediaKindOf(
        index.data(R::TypeRole).toString(), index.data(R::BodyRole).toString());
}

//! The name part of a message's file name: documents carry theirs in the body.
QString nameFor(const QModelIndex& index)
{
    const QString body = index.data(R::BodyRole).toString();
    if (kindOf(index) == MediaKind::Document && !MessageGlyphs::isPlaceholderBody(body))
        return body;
    return {};
}
} // namespace

MediaActions::MediaActions(QAbstractItemView* view, MediaFetcher* fetcher, QObject* parent)
    : QObject(parent ? parent : view)
    , m_view(view)
    , m_fetcher(fetcher)
{
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (!m_view)
            return;
        QMenu* menu = menuFor(m_view->indexAt(pos), m_view);
        if (menu)
            menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    connect(view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        if (hasMedia(index))
            open(index);
    });
}

MediaActions::~MediaActions() = default;

bool MediaActions::hasMedia(const QModelIndex& index) const
{
    return index.isValid() && kindOf(index) != MediaKind::None
        && !MediaFetcher::routePath(index.data(R::MediaUrlRole).toString()).isEmpty();
}

QMenu* MediaActions::menuFor(const QModelIndex& index, QWidget* parent)
{
    if (!hasMedia(index))
        return nullptr;
    auto* menu = new QMenu(parent);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QPersistentModelIndex at(index);
    menu->addAction(tr("&Open"), this, [this, at] { open(at); })
        ->setObjectName(QStringLiteral("openMediaAction"));
    menu->addAction(tr("&Save as…"), this, [this, at] { saveAs(at); })
        ->setObjectName(QStringLiteral("saveMediaAction"));
    return menu;
}

bool MediaActions::openableType(const QMimeType& type)
{
    static const QStringList prefixes {
        QStringLiteral("image/"), QStringLiteral("audio/"), QStringLiteral("video/")};
    static const QStringList exact {QStringLiteral("application/pdf"), QStringLiteral("text/plain"),
        QStringLiteral("text/csv"), QStringLiteral("application/msword"),
        QStringLiteral("application/vnd.ms-excel"), QStringLiteral("application/vnd.ms-powerpoint"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        QStringLiteral("application/vnd.oasis.opendocument.text"),
        QStringLiteral("application/vnd.oasis.opendocument.spreadsheet")};
    const QString name = type.name();
    // SVG can carry scripts for some viewers: saved, not opened.
    if (name == QLatin1String("image/svg+xml"))
        return false;
    for (const QString& p : prefixes) {
        if (name.startsWith(p))
            return true;
    }
    return exact.contains(name);
}

QString MediaActions::suggestedFileName(const QString& body, const QMimeType& type)
{
    // The last path component only, without control or format characters (bidi overrides
    // could disguise the extension) or characters file systems refuse.
    QString name = body.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    QString clean;
    for (const QChar c : std::as_const(name)) {
        const auto cat = c.category();
        if (cat == QChar::Other_Control || cat == QChar::Other_Format
            || QStringLiteral("<>:\"|?*").contains(c))
            continue;
        clean += c;
    }
    clean = clean.simplified();
    const QString suffix = type.preferredSuffix();
    // The content decides the extension; the server's one is dropped.
    const int dot = clean.lastIndexOf(QLatin1Char('.'));
    if (dot > 0)
        clean.truncate(dot);
    while (clean.startsWith(QLatin1Char('.')) || clean.startsWith(QLatin1Char('-')))
        clean.remove(0, 1);
    clean = clean.left(kMaxNameChars).trimmed();
    if (clean.isEmpty())
        clean = QStringLiteral("whatrack-media");
    return suffix.isEmpty() ? clean : clean + QLatin1Char('.') + suffix;
}

void MediaActions::report(const QString& title, const QString& cause)
{
    qCWarning(lcUi) << "media action failed:" << title;
    Q_EMIT failed(cause);
    if (m_quiet || !m_view)
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, title, cause, QMessageBox::Ok, m_view);
    makePlainText(box);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MediaActions::open(const QModelIndex& index)
{
    if (!m_fetcher || !hasMedia(index))
        return;
    const QString name = nameFor(index);
    m_fetcher->fetchFile(
        index.data(R::MediaUrlRole).toString(), this, [this, name](const MediaFetcher::File& file) {
            const QString title = tr("Open file");
            if (!file.ok())
                return report(title, file.error);
            const QMimeType type = QMimeDatabase().mimeTypeForData(file.bytes);
            if (!openableType(type)) {
                return report(title,
                    tr("This kind of file (%1) is not opened from the inbox, to keep your "
                       "computer safe. Use Save as… and open it only if you trust it.")
                        .arg(type.name()));
            }
            if (!m_openDir) {
                // mkdtemp: a new 0700 folder, removed when the app quits.
                m_openDir = std::make_unique<QTemporaryDir>(
                    QDir::temp().filePath(QStringLiteral("whatrack-inbox-open-XXXXXX")));
                QFile::setPermissions(m_openDir->path(), PrivateFiles::kDirMode);
            }
            if (!m_openDir->isValid())
                return report(title,
                    tr("No private temporary folder could be created (%1).")
                        .arg(m_openDir->errorString()));
            const QString fileName = suggestedFileName(name, type);
            QString path = m_openDir->filePath(fileName);
            for (int n = 2; QFile::exists(path); ++n)
                path = m_openDir->filePath(QStringLiteral("%1-%2").arg(n).arg(fileName));
            QFile out(path);
            if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly)
                || !out.setPermissions(PrivateFiles::kFileMode)
                || out.write(file.bytes) != file.bytes.size()) {
                return report(title,
                    tr("The file could not be written to %1 (%2).")
                        .arg(QDir::toNativeSeparators(path), out.errorString()));
            }
            out.close();
            qCInfo(lcUi) << "opening media with the desktop's viewer:" << type.name();
            if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path))) {
                return report(title,
                    tr("No application opens this kind of file (%1); use Save as….")
                        .arg(type.name()));
            }
            Q_EMIT opened(path);
        });
}

void MediaActions::saveAs(const QModelIndex& index)
{
    if (!m_fetcher || !hasMedia(index))
        return;
    const QString name = nameFor(index);
    // Downloaded first: the dialog then proposes the extension of what really arrived.
    m_fetcher->fetchFile(
        index.data(R::MediaUrlRole).toString(), this, [this, name](const MediaFetcher::File& file) {
            if (!file.ok())
                return report(tr("Save file"), file.error);
            const QMimeType type = QMimeDatabase().mimeTypeForData(file.bytes);
            const QString dir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
            const QString path = QFileDialog::getSaveFileName(
                m_view, tr("Save as"), QDir(dir).filePath(suggestedFileName(name, type)));
            if (!path.isEmpty()) // empty: the agent canceled
                write(file.bytes, path);
        });
}

void MediaActions::saveTo(const QModelIndex& index, const QString& path)
{
    if (!m_fetcher || !hasMedia(index))
        return;
    m_fetcher->fetchFile(
        index.data(R::MediaUrlRole).toString(), this, [this, path](const MediaFetcher::File& file) {
            if (!file.ok())
                return report(tr("Save file"), file.error);
            write(file.bytes, path);
        });
}

void MediaActions::write(const QByteArray& bytes, const QString& path)
{
    // QSaveFile: a failed write never leaves half a file where the agent asked for it.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        return report(tr("Save file"),
            tr("The file could not be saved to %1 (%2). Choose another folder.")
                .arg(QDir::toNativeSeparators(path), out.errorString()));
    }
    qCInfo(lcUi) << "media saved";
    Q_EMIT saved(path);
}

} // namespace WhaTrack::Ui
