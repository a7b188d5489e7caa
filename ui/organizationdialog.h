#pragma once

//! \file organizationdialog.h
//! \brief Choose which WhaTrack organization's inbox to open (agents can belong to several).

#include "models/api/apitypes.h"

#include <QDialog>

class QListWidget;

namespace WhaTrack::Ui {

class OrganizationDialog : public QDialog
{
    Q_OBJECT

public:
    explicit OrganizationDialog(const QList<Organization>& organizations,
        const QString& currentId = {}, QWidget* parent = nullptr);
    QString selectedId() const;

private:
    QListWidget* m_list;
};

} // namespace WhaTrack::Ui
