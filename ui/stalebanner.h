#pragma once

//! \file stalebanner.h
//! \brief "Showing saved data from HH:MM — not live" above the chat list, with Resync.
//!
//! Shown at once when the store is Offline; when Stale only after a short delay, because
//! "stale" is also the normal state for the second between connecting and subscribing.

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace WhaTrack {
class InboxStore;
}

namespace WhaTrack::Ui {

class StaleBanner : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kStaleDelayMs = 2000;

    explicit StaleBanner(InboxStore* store, QWidget* parent = nullptr);

    QString text() const;
    //! True when the banner wants to be visible (independent of the parent's visibility).
    bool isShown() const { return !isHidden(); }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void resyncRequested();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void showNow();

    InboxStore* m_store;
    QLabel* m_label;
    QPushButton* m_resync;
    QTimer m_delay;
};

} // namespace WhaTrack::Ui
