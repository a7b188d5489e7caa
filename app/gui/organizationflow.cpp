#include "app/gui/organizationflow.h"

#include "models/api/session.h"
#include "ui/logging.h"
#include "ui/organizationdialog.h"

#include <QMessageBox>

namespace WhaTrack::Gui {

OrganizationFlow::Step OrganizationFlow::stepFor(
    const QList<Organization>& organizations, const QString& configuredId, const QString& activeId)
{
    if (organizations.isEmpty())
        return Step::NoOrganization;
    const bool configured = std::any_of(organizations.cbegin(), organizations.cend(),
        [&configuredId](const Organization& o) { return o.id == configuredId; });
    if (organizations.size() > 1 && !configured && activeId.isEmpty())
        return Step::AskAgent;
    return Step::None;
}

OrganizationFlow::OrganizationFlow(
    Session* session, QWidget* window, const QString& configuredId, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_window(window)
    , m_configured(configuredId)
{
    connect(
        m_session, &Session::organizationsChanged, this, &OrganizationFlow::onOrganizationsChanged);
    connect(m_session, &Session::currentOrganizationChanged, this, [this](const QString& id) {
        if (!m_choicePending)
            activate(id);
    });
}

QString OrganizationFlow::activeName() const
{
    for (const auto& org : m_session->organizations()) {
        if (org.id == m_active)
            return org.name;
    }
    return {};
}

void OrganizationFlow::onSignedIn()
{
    if (!m_configured.isEmpty())
        m_session->setCurrentOrganizationId(m_configured);
    const QString current = m_session->currentOrganizationId();
    if (m_active.isEmpty() && !current.isEmpty() && !m_choicePending)
        activate(current);
}

void OrganizationFlow::reset()
{
    m_active.clear();
}

void OrganizationFlow::onOrganizationsChanged()
{
    Q_EMIT namesChanged();
    switch (stepFor(m_session->organizations(), m_configured, m_active)) {
    case Step::NoOrganization: {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("No organization"),
            tr("This account is not a member of any WhaTrack organization."), QMessageBox::Ok,
            m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        break;
    }
    case Step::AskAgent:
        // Session picks one by itself right after this signal; hold that until the agent chose.
        m_choicePending = true;
        QMetaObject::invokeMethod(this, &OrganizationFlow::choose, Qt::QueuedConnection);
        break;
    case Step::None:
        break;
    }
}

void OrganizationFlow::choose()
{
    const auto orgs = m_session->organizations();
    if (orgs.isEmpty())
        return;
    auto* dialog = new Ui::OrganizationDialog(
        orgs, m_active.isEmpty() ? m_session->currentOrganizationId() : m_active, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        m_choicePending = false;
        QString id = dialog->selectedId();
        if (result != QDialog::Accepted || id.isEmpty())
            id = m_active.isEmpty() ? m_session->currentOrganizationId() : m_active;
        m_configured = id;
        m_session->setCurrentOrganizationId(id);
        activate(id);
    });
    dialog->open();
}

void OrganizationFlow::activate(const QString& id)
{
    if (id.isEmpty() || id == m_active)
        return;
    qCInfo(lcUi) << "opening the inbox of organization" << id;
    const bool switching = !m_active.isEmpty();
    m_active = id;
    m_configured = id;
    Q_EMIT activated(id, switching);
}

} // namespace WhaTrack::Gui
