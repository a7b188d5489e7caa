#pragma once

//! \file connectionstatuswidget.h
//! \brief The connection pill of the status bar, with an inline action link (Try now, Resync...).
//!
//! Shows ConnectionStatusPresenter::describe() of the monitor's snapshot; refreshes every 200 ms
//! only while the text depends on time (countdown or a pending debounce).

#include "ui/connectionstatus.h"

#include <QAbstractButton>
#include <QTimer>
#include <QWidget>

class QToolButton;

namespace WhaTrack::Ui {

class ConnectionMonitor;

//! The rounded pill itself: a coloured dot and the status text. Clicking it opens details.
class StatusPill : public QAbstractButton
{
    Q_OBJECT

public:
    explicit StatusPill(QWidget* parent = nullptr);

    void setView(const ConnectionStatusView& view);
    const ConnectionStatusView& view() const { return m_view; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    ConnectionStatusView m_view;
};

class ConnectionStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionStatusWidget(ConnectionMonitor* monitor, QWidget* parent = nullptr);

    const ConnectionStatusView& view() const { return m_pill->view(); }
    //! The pill's text as shown (empty while hidden), for tests and accessibility.
    QString text() const;
    bool isRefreshing() const { return m_refresh.isActive(); }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void detailsRequested();
    void actionTriggered(WhaTrack::Ui::ConnectionStatusView::Action action);

private:
    ConnectionMonitor* m_monitor;
    StatusPill* m_pill;
    QToolButton* m_action;
    QTimer m_refresh;
};

} // namespace WhaTrack::Ui
