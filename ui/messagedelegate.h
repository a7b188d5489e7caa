#pragma once

//! \file messagedelegate.h
//! \brief Message bubbles: inbound left, outbound right, time and ticks inside the bubble,
//! media placeholders with a type icon, and a day separator above the first message of a day.

#include <QCache>
#include <QDateTime>
#include <QFont>
#include <QHash>
#include <QPointer>
#include <QStyledItemDelegate>
#include <QTextLayout>

#include <memory>

namespace WhaTrack {
class MediaFetcher;
}

namespace WhaTrack::Ui {

class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MessageDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
        const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
        const QModelIndex& index) override;

    //! The background behind the bubbles (the view uses it too), derived from the palette.
    static QColor conversationBackground(const QPalette& palette);
    static QColor bubbleColor(const QPalette& palette, bool outbound);
    //! Tests pin "today" for the day separators; invalid means the real date.
    void setToday(const QDate& today) { m_today = today; }

    //! A "N new messages" divider above the message \a messageId (by id, so it stays put when
    //! older pages are prepended); an empty id removes it.
    void setUnreadDivider(const QString& messageId, int count);
    QString unreadDividerId() const { return m_dividerId; }

    //! Image messages show their thumbnail from \a fetcher (ui/mediathumbnail.h); without one,
    //! the type icon only.
    void setMediaFetcher(MediaFetcher* fetcher);
    MediaFetcher* mediaFetcher() const;

    //! Geometry of one row, shared by sizeHint() and paint().
    struct Layout;

    //! bench/views: called at the end of every row's paint (null: off, the default).
    using PaintHook = void (*)(const QModelIndex& index);
    static void setPaintHook(PaintHook hook);
    //! bench/views: the text layout cache on or off (on by default), to measure what it buys.
    static void setCaching(bool on);

    //! How many times a row was measured (its bubble laid out for sizeHint()) rather than its
    //! height taken from the cache: a relayout of the list costs this many layouts.
    int rowsMeasured() const { return m_rowsMeasured; }

private:
    Layout layoutFor(const QStyleOptionViewItem& option, const QModelIndex& index) const;

    //! A wrapped message body: laid out once for sizeHint() and reused by paint().
    struct TextBlock
    {
        std::unique_ptr<QTextLayout> layout;
        QSizeF size;
        qreal lastLine = 0;
    };
    //! The body laid out in \a font at \a width, from the cache (keyed by width and text, so an
    //! edited body is laid out anew) or freshly. The pointer is valid until the next call.
    const TextBlock* textBlock(const QFont& font, const QString& text, int width) const;
    mutable QCache<QString, TextBlock> m_texts {1500};
    mutable QFont m_textFont; //!< the font the cache was filled with; another one clears it
    mutable TextBlock m_uncached; //!< when caching is off

    //! QListView lays out every row again after any insertion (a new message, an older page):
    //! a row's height is measured once and kept by message id until that row, the row above
    //! it (day separator, sender gap), the width, the font or the divider changes.
    int cachedHeight(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    void watchModel(const QAbstractItemModel* model) const;
    void forgetRows(const QModelIndex& parent, int first, int last) const;
    void forgetHeights() const;
    mutable QHash<QString, int> m_heights;
    mutable int m_heightsWidth = -1;
    mutable QFont m_heightsFont;
    mutable QPointer<const QAbstractItemModel> m_heightsModel;
    mutable QList<QMetaObject::Connection> m_modelConnections;
    mutable int m_rowsMeasured = 0;

    QDate m_today;
    QString m_dividerId;
    QString m_dividerText;
    QPointer<MediaFetcher> m_media;
};

} // namespace WhaTrack::Ui
