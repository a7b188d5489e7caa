#pragma once

//! \file chatlistdelegate.h
//! \brief One chat-list row: avatar, name, time, last message with ticks, unread badge and the
//! ticket stage chip. Painted from ChatListModel roles with palette colours.

#include <QCache>
#include <QDateTime>
#include <QFont>
#include <QStaticText>
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

    //! Lines of text shaped (laid out into glyphs) so far: a row painted again with the same
    //! texts shapes none (tests count them).
    int linesShaped() const { return m_linesShaped; }

private:
    //! Elided text by (text, width, font slot). The text is part of the key, so a changed name
    //! or preview can never paint a stale entry; the cache only bounds repeated eliding while
    //! scrolling and repainting under a storm.
    QString elided(const QFontMetrics& fm, int slot, const QString& text, int width) const;

    //! One line of \a text in \a rect (vertically centred; left, right or centred), in the
    //! painter's font, which is font slot \a slot. The text is shaped once into a QStaticText
    //! and kept by (slot, text): under a storm the same rows are painted again every frame, and
    //! shaping was most of drawText's cost.
    void drawLine(QPainter* painter, int slot, const QRect& rect, Qt::Alignment align,
        const QString& text) const;
    //! "Now" for the rows' times, read once a second rather than per row (time zone lookups).
    QDateTime now() const;

    QDateTime m_now;
    mutable QDateTime m_clock;
    mutable qint64 m_clockReadMs = 0;
    mutable int m_linesShaped = 0;
    mutable QCache<QString, QStaticText> m_lines {2048};
    mutable QCache<QString, QString> m_elided {2048};
    mutable QFont m_cachedFont; //!< the font the cache was filled with; another one clears it
};

} // namespace WhaTrack::Ui
