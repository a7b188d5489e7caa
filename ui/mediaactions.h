#pragma once

//! \file mediaactions.h
//! \brief "Open" and "Save as…" for the media of a message (documents, audio, photos): the
//! context menu of the message list, and a double click to open.
//!
//! The bytes come from the backend's media route (MediaFetcher: session cookie, same origin,
//! size cap). Open writes them to a private 0700 folder that lives as long as the app and opens
//! that LOCAL file with the desktop's viewer; a URL the server provides is never opened. The
//! file's extension comes from its content (QMimeDatabase), from a short list of document,
//! image, audio and video types only, so a hostile "invoice.desktop" or "photo.sh" cannot make
//! the desktop run something; other types can only be saved.

#include <QModelIndex>
#include <QObject>
#include <QPointer>
#include <QTemporaryDir>

#include <memory>

class QAbstractItemView;
class QMenu;
class QMimeType;

namespace WhaTrack {
class MediaFetcher;
}

namespace WhaTrack::Ui {

class MediaActions : public QObject
{
    Q_OBJECT

public:
    //! Adds the context menu and double click to \a view (a MessageListModel or a proxy of it).
    MediaActions(QAbstractItemView* view, MediaFetcher* fetcher, QObject* parent = nullptr);
    ~MediaActions() override;

    //! True if the message at \a index has media the backend can send.
    bool hasMedia(const QModelIndex& index) const;
    //! The menu for \a index ("Open", "Save as…"), or nullptr for a message without media.
    QMenu* menuFor(const QModelIndex& index, QWidget* parent);

    //! Downloads the media of \a index and opens the local copy; opened() or failed() follow.
    void open(const QModelIndex& index);
    //! Asks where to save (QFileDialog), then saveTo().
    void saveAs(const QModelIndex& index);
    //! Downloads the media of \a index into \a path; saved() or failed() follow.
    void saveTo(const QModelIndex& index, const QString& path);

    //! A file name for the media: the message's file name without its extension (plain, no
    //! folders) plus the extension of \a type; "whatrack-media" when it has none.
    static QString suggestedFileName(const QString& body, const QMimeType& type);
    //! True for the types Open hands to the desktop (documents, images, audio, video, text).
    static bool openableType(const QMimeType& type);

Q_SIGNALS:
    //! The local copy at \a path was handed to the desktop's viewer.
    void opened(const QString& path);
    void saved(const QString& path);
    //! In plain words with what to do (also shown in a message box unless quiet).
    void failed(const QString& cause);

public:
    //! No message boxes (tests).
    void setQuiet(bool quiet) { m_quiet = quiet; }

private:
    void report(const QString& title, const QString& cause);
    void write(const QByteArray& bytes, const QString& path);

    QPointer<QAbstractItemView> m_view;
    QPointer<MediaFetcher> m_fetcher;
    std::unique_ptr<QTemporaryDir> m_openDir;
    bool m_quiet = false;
};

} // namespace WhaTrack::Ui
