#include "ui/connectionsectionsview.h"

#include "ui/plaintext.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace WhaTrack::Ui {

ConnectionSectionsView::ConnectionSectionsView(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
}

void ConnectionSectionsView::rebuild(const QList<DetailSection>& sections)
{
    delete m_grid;
    m_values.clear();
    m_grid = new QWidget(this);
    // One grid for every section, so labels and values line up across the whole page.
    auto* grid = new QGridLayout(m_grid);
    grid->setContentsMargins(4, 0, 4, 0);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(4);
    grid->setColumnStretch(1, 1);
    int row = 0;
    for (const auto& section : sections) {
        auto* title = plainLabel(m_grid, section.title);
        QFont f = title->font();
        f.setWeight(QFont::DemiBold);
        title->setFont(f);
        title->setContentsMargins(0, row == 0 ? 0 : 12, 0, 2);
        grid->addWidget(title, row++, 0, 1, 2);
        for (const auto& r : section.rows) {
            auto* label = plainLabel(m_grid, r.label);
            label->setForegroundRole(QPalette::PlaceholderText);
            label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
            // Values carry server and error texts.
            auto* value = plainLabel(m_grid, r.value);
            value->setWordWrap(true);
            // Long ids (channel names, paths) may break anywhere rather than widen the dialog.
            value->setMinimumWidth(0);
            value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            value->setAlignment(Qt::AlignLeft | Qt::AlignTop);
            grid->addWidget(label, row, 0);
            grid->addWidget(value, row++, 1);
            m_values.append(value);
        }
    }
    grid->setRowStretch(row, 1);
    m_layout->addWidget(m_grid);
}

void ConnectionSectionsView::setSections(const QList<DetailSection>& sections)
{
    QStringList shape;
    for (const auto& section : sections) {
        shape.append(section.title);
        for (const auto& row : section.rows)
            shape.append(row.label);
    }
    if (shape != m_shape) {
        m_shape = shape;
        rebuild(sections);
        return;
    }
    int i = 0;
    for (const auto& section : sections) {
        for (const auto& row : section.rows) {
            if (m_values.at(i)->text() != row.value)
                m_values.at(i)->setText(row.value);
            ++i;
        }
    }
}

} // namespace WhaTrack::Ui
