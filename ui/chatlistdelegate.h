#pragma once

//! \file chatlistdelegate.h
//! \brief One chat-list row: avatar, name, time, last message with ticks, unread badge and the
//! ticket stage chip. Painted from ChatListModel roles with palette colours.

#include <QDateTime>
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

private:
    QDateTime m_now;
};

} // namespace WhaTrack::Ui
