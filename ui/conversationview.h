#pragma once

//! \file conversationview.h
//! \brief The middle pane: contact header, message bubbles and the view-only footer.
//!
//! Keeps the bottom in view when new messages arrive if the agent was at the bottom, keeps the
//! reading position when older pages are prepended, and loads older pages near the top.

#include "ui/messagelistview.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QToolButton;

namespace WhaTrack {
class InboxStore;
class MediaFetcher;
} // namespace WhaTrack

namespace WhaTrack::Ui {

class AvatarWidget;
class MediaActions;
class MessageDelegate;
class OlderPagesProxyModel;

class ConversationView : public QWidget
{
    Q_OBJECT

public:
    explicit ConversationView(InboxStore* store, QWidget* parent = nullptr);

    QListView* messageView() const { return m_list; }
    MessageDelegate* delegate() const { return m_delegate; }
    //! True while the view follows new messages (the agent is at the bottom).
    bool isFollowingBottom() const { return m_followBottom; }
    //! The row (in messageView()'s model) under the "N new messages" divider, or -1.
    int unreadDividerRow() const;
    //! "Jump to latest (N)": shown while scrolled up and new messages have arrived.
    QToolButton* jumpButton() const { return m_jump; }

    //! Photos as thumbnails, and Open / Save as… for media, through \a fetcher (set once).
    void setMediaFetcher(MediaFetcher* fetcher);
    //! Open / Save as… of the message list, once a fetcher is set.
    MediaActions* mediaActions() const { return m_mediaActions; }

public Q_SLOTS:
    void scrollToBottom();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateHeader();
    void updateEmptyState();
    void applyBackground();
    void onScrollValueChanged(int value);
    void onScrollRangeChanged(int min, int max);
    void maybeFetchOlder();
    void placeUnreadDivider();
    void onRowsAppended(int count);
    void updateJumpButton();

    InboxStore* m_store;
    OlderPagesProxyModel* m_proxy;
    MessageDelegate* m_delegate;
    QStackedWidget* m_stack;
    QWidget* m_header;
    AvatarWidget* m_avatar;
    QLabel* m_name;
    QLabel* m_phone;
    MessageListView* m_list;
    QLabel* m_loadingOlder;
    QLabel* m_noMessages;

    bool m_followBottom = true;
    bool m_anchorToBottom = false; //!< rows are being prepended: keep the distance from bottom
    int m_distanceFromBottom = 0;
    bool m_adjusting = false; //!< our own setValue(), not the agent scrolling
    QToolButton* m_jump;
    int m_unreadAtOpen = 0; //!< waiting for the messages to place the divider
    int m_newWhileAway = 0; //!< arrived while the agent was scrolled up
    MediaActions* m_mediaActions = nullptr;
};

} // namespace WhaTrack::Ui
