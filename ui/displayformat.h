#pragma once

//! \file displayformat.h
//! \brief Phone numbers and money as shown to the agent, in the UI's locale. Display only:
//! what is stored or sent to the server is never changed by these.

#include <QLocale>
#include <QString>

namespace WhaTrack::Ui::DisplayFormat {

//! A phone number for display. Stored numbers are E.164 digits with or without '+'
//! (WhatsApp ids always carry the country code). Brazilian numbers get the national layout:
//! "+55 (61) 95871-8496" (mobile, 9 digits) and "+55 (11) 3456-7890" (fixed line); others
//! "+CC" and the digits in plain groups ("+1 415 555 0123"). Anything that is not a plausible
//! number (letters, too few or too many digits) comes back unchanged.
QString phone(const QString& stored);

//! \a cents of Brazilian reais in \a locale's number format: "R$ 1.234,56" under pt_BR,
//! "R$1,234.56" under English.
QString money(qint64 cents, const QLocale& locale = QLocale());

} // namespace WhaTrack::Ui::DisplayFormat
