#pragma once

//! \file connectionsectionsview.h
//! \brief A label/value grid of DetailSections (connectionreport.h) that updates in place:
//! values change without a rebuild (no flicker, selection survives); a new shape rebuilds.

#include "ui/connectionreport.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace WhaTrack::Ui {

class ConnectionSectionsView : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionSectionsView(QWidget* parent = nullptr);

    void setSections(const QList<DetailSection>& sections);

private:
    void rebuild(const QList<DetailSection>& sections);

    QVBoxLayout* m_layout;
    QWidget* m_grid = nullptr;
    QList<QLabel*> m_values;
    QStringList m_shape; //!< section titles and row labels; a change means rebuild
};

} // namespace WhaTrack::Ui
