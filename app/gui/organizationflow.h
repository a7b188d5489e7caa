#pragma once

//! \file organizationflow.h
//! \brief Which organization's inbox is open: the configured one, the session's, or the one the
//! agent picks when the account has several and none was configured; switching from the menu.
//!
//! The agent's choice wins over the session's automatic pick, which arrives right after the
//! list: that pick is held back while the chooser is open.

#include "models/api/apitypes.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

namespace WhaTrack {
class Session;
}

namespace WhaTrack::Gui {

class OrganizationFlow : public QObject
{
    Q_OBJECT

public:
    //! What a new organization list asks for.
    enum class Step {
        None, //!< open the configured or the session's one as it comes
        NoOrganization, //!< the account belongs to none: say so
        AskAgent, //!< several, none configured, none open: the agent chooses
    };
    static Step stepFor(const QList<Organization>& organizations, const QString& configuredId,
        const QString& activeId);

    OrganizationFlow(
        Session* session, QWidget* window, const QString& configuredId, QObject* parent = nullptr);

    QString activeOrganization() const { return m_active; }
    //! The active organization's display name (empty when none is open).
    QString activeName() const;

    //! After a sign-in: opens the session's organization when none is open and no choice waits
    //! (signing in again keeps it, so no change signal comes).
    void onSignedIn();
    //! After a sign-out: nothing is open any more.
    void reset();
    //! The chooser (at start with several organizations, or "Switch organization").
    void choose();
    //! Opens \a id unless it is open already.
    void activate(const QString& id);

Q_SIGNALS:
    //! \a switching: another organization was open (its connection token must go).
    void activated(const QString& id, bool switching);
    //! The names may have changed (a new organization list).
    void namesChanged();

private:
    void onOrganizationsChanged();

    Session* m_session;
    QPointer<QWidget> m_window;
    QString m_configured;
    QString m_active;
    bool m_choicePending = false;
};

} // namespace WhaTrack::Gui
