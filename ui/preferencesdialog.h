#pragma once

//! \file preferencesdialog.h
//! \brief Preferences: the server (backend and WebSocket URLs, channel templates, CA file),
//! language, notifications (on/off, sound, do not disturb) and start at login.
//!
//! It edits a Preferences value (models/platform/appsettings.h) and refuses to close with values
//! that validatePreferences() rejects (a URL with a user name or password, a template without
//! {org}...), showing why. Saving and applying is the caller's (the composition root).

#include "models/platform/appsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace WhaTrack::Ui {

class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const Preferences& prefs, QWidget* parent = nullptr);

    void setPreferences(const Preferences& prefs);
    //! What the fields hold now (not validated).
    Preferences preferences() const;
    //! The problem shown, if any (after a refused OK).
    QString problem() const;

    //! Validates, then accepts; with a problem, shows it and stays open.
    void accept() override;

private:
    QLineEdit* m_backend;
    QLineEdit* m_webSocket;
    QLineEdit* m_messages;
    QLineEdit* m_tickets;
    QLineEdit* m_caFile;
    QComboBox* m_language;
    QCheckBox* m_notifications;
    QCheckBox* m_sound;
    QCheckBox* m_doNotDisturb;
    QCheckBox* m_startAtLogin;
    QCheckBox* m_closeToTray;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace WhaTrack::Ui
