#include "ui/plaintext.h"

#include <QLabel>
#include <QMessageBox>
#include <QTextDocument> // Qt::convertFromPlainText

namespace WhaTrack::Ui {

QLabel* plainLabel(QWidget* parent, const QString& text)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setText(text);
    return label;
}

void makePlainText(QLabel* label)
{
    label->setTextFormat(Qt::PlainText);
}

void makePlainText(QMessageBox* box)
{
    box->setTextFormat(Qt::PlainText);
    // The informative text has no format property of its own: its label exists once the text
    // is set, so this is called after setting the texts.
    for (QLabel* label : box->findChildren<QLabel*>())
        label->setTextFormat(Qt::PlainText);
}

QString plainToolTip(const QString& text)
{
    if (text.isEmpty())
        return {};
    // convertFromPlainText escapes <, > and & and wraps the result in <p>, which makes Qt's
    // guess "rich text" and so shows the escaped characters as themselves.
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

void setPlainToolTip(QWidget* widget, const QString& text)
{
    widget->setToolTip(plainToolTip(text));
}

QString plainWindowTitle(const QString& text)
{
    // An odd run of "[*]" is the placeholder; a pair is shown as one literal "[*]".
    QString title = text;
    title.replace(QStringLiteral("[*]"), QStringLiteral("[*][*]"));
    return title;
}

} // namespace WhaTrack::Ui
