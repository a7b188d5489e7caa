#pragma once

//! \file messagedelegate.h
//! \brief Message bubbles: inbound left, outbound right, time and ticks inside the bubble,
//! media placeholders with a type icon, and a day separator above the first message of a day.

#include <QDateTime>
#include <QPointer>
#include <QStyledItemDelegate>

class QTextLayout;

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

private:
    Layout layoutFor(const QStyleOptionViewItem& option, const QModelIndex& index) const;

    QDate m_today;
    QString m_dividerId;
    QString m_dividerText;
    QPointer<MediaFetcher> m_media;
};

} // namespace WhaTrack::Ui
