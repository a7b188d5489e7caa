#pragma once

//! \file diagnosticsstepsview.h
//! \brief The steps of a diagnostics run, live: one row per step with its mark (ok, failed,
//! warning, skipped), title, time, facts and, when it failed or warned, the cause in plain words
//! and what to do. Above the rows, banners repeat the first failure and every warning (the
//! "channels are not protected" security warning among them) so they cannot be missed.
//!
//! Every text is shown as plain text: facts and causes carry server-provided strings.

#include "models/diagnostics/step.h"

#include <QList>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace WhaTrack::Ui {

class DiagnosticsStepsView : public QWidget
{
    Q_OBJECT

public:
    explicit DiagnosticsStepsView(QWidget* parent = nullptr);

    //! Replaces every row (a new plan).
    void setSteps(const QList<WhaTrack::Diagnostics::Step>& steps);
    //! Updates the row of \a step (matched by number).
    void updateStep(const WhaTrack::Diagnostics::Step& step);
    //! The summary line under the rows; \a running shows "Running…" instead.
    void setSummary(const WhaTrack::Diagnostics::Summary& summary, bool running);

    //! Rows as shown, for tests and accessibility: "3. ok Realtime token ... (12 ms)".
    QStringList rowTexts() const;
    //! The banners as shown (first failure, warnings).
    QStringList bannerTexts() const;

    //! The text of a step's second line: facts, cause, what to do (empty for pending).
    static QString detailText(const WhaTrack::Diagnostics::Step& step);
    //! "12 ms" / "1.4 s"; empty while the step has not run.
    static QString durationText(const WhaTrack::Diagnostics::Step& step);

private:
    struct Row
    {
        int number = 0;
        QWidget* widget = nullptr;
        QLabel* icon = nullptr;
        QLabel* title = nullptr;
        QLabel* time = nullptr;
        QLabel* detail = nullptr;
    };
    Row makeRow(const WhaTrack::Diagnostics::Step& step);
    void fillRow(Row& row, const WhaTrack::Diagnostics::Step& step);
    void updateBanners();

    QVBoxLayout* m_banners;
    QVBoxLayout* m_rowsLayout;
    QLabel* m_summary;
    QList<Row> m_rows;
    QList<WhaTrack::Diagnostics::Step> m_steps;
};

} // namespace WhaTrack::Ui
