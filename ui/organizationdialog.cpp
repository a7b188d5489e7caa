#include "ui/organizationdialog.h"

#include "ui/plaintext.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace WhaTrack::Ui {

OrganizationDialog::OrganizationDialog(
    const QList<Organization>& organizations, const QString& currentId, QWidget* parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("organizationDialog"));
    setWindowTitle(tr("Choose an organization"));
    setMinimumSize(360, 280);
    for (const auto& org : organizations) {
        auto* item = new QListWidgetItem(org.name.isEmpty() ? org.id : org.name, m_list);
        item->setData(Qt::UserRole, org.id);
        if (!org.role.isEmpty())
            item->setToolTip(plainToolTip(tr("Your role: %1").arg(org.role)));
        if (org.id == currentId || (currentId.isEmpty() && m_list->count() == 1))
            m_list->setCurrentItem(item);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Open inbox"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Which inbox do you want to open?"), this));
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
}

QString OrganizationDialog::selectedId() const
{
    const auto* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

} // namespace WhaTrack::Ui
