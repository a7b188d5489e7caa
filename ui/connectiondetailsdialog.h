#pragma once

//! \file connectiondetailsdialog.h
//! \brief "Connection details": what the app knows about its servers, socket, channels and
//! token, with Resync now, Try now and a redacted Copy report.

#include <QDialog>
#include <QTimer>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace WhaTrack::Ui {

class ConnectionMonitor;

class ConnectionDetailsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDetailsDialog(ConnectionMonitor* monitor, QWidget* parent = nullptr);

    //! The text "Copy report" puts on the clipboard.
    QString reportText() const;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void resyncRequested();
    void reconnectRequested();

private:
    void rebuild();
    void copyReport();

    ConnectionMonitor* m_monitor;
    QVBoxLayout* m_sectionsLayout;
    QWidget* m_sections = nullptr;
    QList<QLabel*> m_values;
    QStringList m_shape; //!< section titles and row labels; a change means rebuild
    QLabel* m_copied;
    QTimer m_tick;
};

} // namespace WhaTrack::Ui
