#pragma once

//! \file quickswitcher.h
//! \brief Ctrl+K: a small popup that finds a chat by a few letters of the name or digits of the
//! phone and opens it on Enter, without touching the chat list's search.

#include <QDialog>

class QAbstractItemModel;
class QLineEdit;
class QListWidget;

namespace WhaTrack::Ui {

//! Fuzzy score of \a query against a chat; -1 when it does not match. Letters match the name
//! as a subsequence (accents and case ignored; consecutive letters and word starts score
//! higher); a query of digits (3 or more) matches anywhere in the phone's digits.
int quickSwitcherScore(const QString& query, const QString& name, const QString& phone);

class QuickSwitcher : public QDialog
{
    Q_OBJECT

public:
    //! \a chats: rows with ChatListModel's IdRole, NameRole and PhoneRole.
    explicit QuickSwitcher(QAbstractItemModel* chats, QWidget* parent = nullptr);

    QLineEdit* queryField() const { return m_query; }
    QListWidget* resultList() const { return m_results; }

    //! Clears the query and shows the popup over its parent window.
    void popup();

Q_SIGNALS:
    void chatChosen(const QString& chatId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    void choose();

    QAbstractItemModel* m_chats;
    QLineEdit* m_query;
    QListWidget* m_results;
};

} // namespace WhaTrack::Ui
