#pragma once

//! \file chatlistpane.h
//! \brief The left pane: search field, stale banner and the chat list.

#include "ui/uniformlistview.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace WhaTrack {
class ChatListProxyModel;
class InboxStore;
} // namespace WhaTrack

namespace WhaTrack::Ui {

class ChatListDelegate;
class StaleBanner;

class ChatListPane : public QWidget
{
    Q_OBJECT

public:
    explicit ChatListPane(InboxStore* store, QWidget* parent = nullptr);

    QListView* listView() const { return m_list; }
    QLineEdit* searchField() const { return m_search; }
    StaleBanner* staleBanner() const { return m_banner; }
    ChatListDelegate* delegate() const { return m_delegate; }

public Q_SLOTS:
    void focusSearch();
    //! Opens the chat \a delta rows below (positive) or above (negative) the open one.
    void openRelative(int delta);

Q_SIGNALS:
    void resyncRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void openRow(int row);
    void syncSelection();
    void updatePlaceholder();

    InboxStore* m_store;
    QLineEdit* m_search;
    StaleBanner* m_banner;
    UniformListView* m_list;
    ChatListDelegate* m_delegate;
    QLabel* m_placeholder;
    ChatListProxyModel* m_sorter; //!< the store's sorting proxy
    //! Re-sorting stops while the pointer is over the list (rows must not move under a click)
    //! and resumes, applying the pending moves, when it leaves.
    void setSortHeld(bool held);

    //! > 0 while the model is changing: current-row moves then are the view's, not the agent's.
    int m_modelChanging = 0;
};

} // namespace WhaTrack::Ui
