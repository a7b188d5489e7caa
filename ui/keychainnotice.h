#pragma once

//! \file keychainnotice.h
//! \brief "Your sign-in could not be saved in the system keychain…" across the top of the main
//! window, the moment the keychain refuses the session cookie: what it means (sign in again at
//! each start; this run keeps working) and how to fix it. Dismissable; hides by itself when a
//! later write succeeds. Installed by the composition root, so MainWindow needs no change.

#include <QWidget>

class QLabel;
class QMainWindow;
class QPushButton;
class QToolBar;

namespace WhaTrack {
class Session;
}

namespace WhaTrack::Ui {

class KeychainNotice : public QWidget
{
    Q_OBJECT

public:
    //! Use install(): the notice lives in a bar of the window that shows and hides it.
    explicit KeychainNotice(QWidget* parent = nullptr);

    //! Adds a notice to the top of \a window, shown on \a session's keychain problems.
    static KeychainNotice* install(QMainWindow* window, Session* session);

    QString text() const;
    //! True while the notice wants to be seen (its bar is shown in the window).
    bool isShown() const;
    QSize sizeHint() const override;

public Q_SLOTS:
    void showProblem(const QString& message);
    void dismiss();

Q_SIGNALS:
    void dismissed();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QLabel* m_label;
    QPushButton* m_dismiss;
    QToolBar* m_bar = nullptr; //!< the window's top bar holding the notice, when installed
};

} // namespace WhaTrack::Ui
