#pragma once

//! \file chatlistdelegate.h
//! \brief One chat-list row: avatar, name, time, last message with ticks, unread badge and the
//! ticket stage chip. Painted from ChatListModel roles with palette colours.

#include <QCache>
#include <QDateTime>
#include <QFont>
#include <QStyledItemDelegate>

namespace WhaTrack::Ui {

class ChatListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ChatListDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
        const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    //! Tests pin "now" so list times are deterministic; invalid means the real time.
    void setNow(const QDateTime& now) { m_now = now; }

    //! bench/views: called at the end of every row's paint (null: off, the default).
    using PaintHook = void (*)(const QModelIndex& index);
    static void setPaintHook(PaintHook hook);
    //! bench/views: the elided-text cache on or off (on by default), to measure what it buys.
    static void setCaching(bool on);

private:
    //! Elided text by (text, width, font slot). The text is part of the key, so a changed name
    //! or preview can never paint a stale entry; the cache only bounds repeated eliding while
    //! scrolling and repainting under a storm.
    QString elided(const QFontMetrics& fm, int slot, const QString& text, int width) const;

    QDateTime m_now;
    mutable QCache<QString, QString> m_elided {2048};
    mutable QFont m_cachedFont; //!< the font the cache was filled with; another one clears it
};

} // namespace WhaTrack::Ui
