#pragma once

//! \file connectiondetailsdialog.h
//! \brief "Connection details": the connection panel an agent or their IT can fix problems
//! with alone. At the top, the status in plain words with the retry schedule ("Retrying in 7 s,
//! attempt 4") and the current cause; then three tabs: Diagnostics ("Run diagnostics", the
//! steps live), Recent errors (the last 20 with their times) and Details (servers, socket,
//! channels, token, backend calls). Every error is shown through the table of causes
//! (models/diagnostics/causes.h). Copy report / Save report give a redacted text: no token,
//! cookie, password or message text.

#include <QDialog>
#include <QPointer>
#include <QTimer>

class QLabel;
class QPushButton;
class QTabWidget;

namespace WhaTrack::Ui {

class ConnectionDiagnostics;
class ConnectionMonitor;
class ConnectionSectionsView;
class DiagnosticsStepsView;

class ConnectionDetailsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDetailsDialog(ConnectionMonitor* monitor, QWidget* parent = nullptr);

    //! The text "Copy report" and "Save report" give (redacted).
    QString reportText() const;
    //! Writes the report to \a path; false (and a message in the dialog) if it cannot.
    bool saveReport(const QString& path);
    DiagnosticsStepsView* stepsView() const { return m_steps; }
    //! The session's diagnostics (null when the app gave none).
    ConnectionDiagnostics* diagnostics() const;
    //! The header: status, retry schedule and the current cause, as shown.
    QString headerText() const;
    //! Shows the Diagnostics (0), Recent errors (1) or Details (2) tab.
    void showTab(int index);
    //! Grows the dialog (up to \a maxHeight) so the current tab needs no scrolling: for
    //! screenshots, where a scrolled-away step would be lost.
    void fitToContents(int maxHeight);

public Q_SLOTS:
    void refresh();
    //! "Run diagnostics": runs the engine with the app's settings and session.
    void runDiagnostics();

Q_SIGNALS:
    void resyncRequested();
    void reconnectRequested();

private:
    void copyReport();
    void chooseReportFile();
    void wireDiagnostics();
    void refreshDiagnostics();
    void updateRunControls();

    ConnectionMonitor* m_monitor;
    QPointer<ConnectionDiagnostics> m_diagnostics;
    QLabel* m_status;
    QLabel* m_retry;
    QLabel* m_problem;
    QTabWidget* m_tabs;
    QPushButton* m_run;
    QLabel* m_runHint;
    DiagnosticsStepsView* m_steps;
    ConnectionSectionsView* m_errors;
    ConnectionSectionsView* m_details;
    QLabel* m_copied;
    QTimer m_tick;
};

} // namespace WhaTrack::Ui
