#pragma once

//! \file plaintext.h
//! \brief Server and customer text is shown as text, never as HTML.
//!
//! Qt guesses rich text: a QLabel in its default Qt::AutoText, every tooltip and a QMessageBox
//! render a string that looks like HTML (Qt::mightBeRichText), so a WhatsApp profile name such
//! as `<img src="/tmp/x.png"><font size=6>PIX pendente</font>` would load a local file and
//! restyle the window. Every widget in ui/ that can show text from the server, a customer or
//! an error goes through these helpers. Delegates paint with QPainter::drawText or
//! QTextLayout, which never interpret markup; they must not use QTextDocument on such text.

#include <QString>
#include <Qt>

class QLabel;
class QMessageBox;
class QWidget;

namespace WhaTrack::Ui {

//! A QLabel that always shows its text literally (Qt::PlainText). Use it for every label
//! whose text is not a fixed string of ours.
QLabel* plainLabel(QWidget* parent, const QString& text = {});
//! Switches an existing label (or a QLabel subclass) to Qt::PlainText.
void makePlainText(QLabel* label);
//! Switches a message box's text and informative text to Qt::PlainText (call it after
//! setting them).
void makePlainText(QMessageBox* box);

//! A tooltip that shows \a text literally: Qt always guesses tooltips, so the text is escaped
//! and wrapped as rich text (line breaks kept). Empty stays empty (no tooltip).
QString plainToolTip(const QString& text);
//! Sets \a widget's tooltip to \a text, shown literally.
void setPlainToolTip(QWidget* widget, const QString& text);

//! A window title that shows \a text literally: "[*]" is QWidget's "modified" placeholder and
//! is doubled so it stays visible.
QString plainWindowTitle(const QString& text);

} // namespace WhaTrack::Ui
