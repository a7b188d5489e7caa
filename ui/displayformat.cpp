#include "ui/displayformat.h"

#include <QStringList>

#include <array>

namespace WhaTrack::Ui::DisplayFormat {

namespace {

// E.164 allows 15 digits; fewer than 8 is a short code or a typo: shown as stored.
constexpr qsizetype kMinDigits = 8;
constexpr qsizetype kMaxDigits = 15;

// Country codes of one and two digits (ITU-T E.164); every other code has three.
constexpr std::array<int, 2> kOneDigit = {1, 7};
constexpr std::array<int, 42> kTwoDigits
    = {20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55,
        56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94};

qsizetype countryCodeLength(const QString& digits)
{
    const int one = digits.left(1).toInt();
    const int two = digits.left(2).toInt();
    for (int c : kOneDigit) {
        if (c == one)
            return 1;
    }
    for (int c : kTwoDigits) {
        if (c == two)
            return 2;
    }
    if (two == 95 || two == 98)
        return 2;
    return 3;
}

//! "4155550123" -> "415 555 0123": the last group of four, groups of three before it.
QString plainGroups(const QString& digits)
{
    QStringList groups;
    qsizetype end = digits.size();
    qsizetype size = 4;
    while (end > 0) {
        const qsizetype start = std::max<qsizetype>(0, end - size);
        groups.prepend(digits.mid(start, end - start));
        end = start;
        size = 3;
    }
    return groups.join(QLatin1Char(' '));
}

} // namespace

QString phone(const QString& stored)
{
    const QString trimmed = stored.trimmed();
    QString digits;
    for (QChar c : trimmed) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits += c;
        else if (!(c == QLatin1Char('+') || c == QLatin1Char(' ') || c == QLatin1Char('-')
                     || c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char('.')))
            return stored; // letters, an id: not a phone number
    }
    if (digits.size() < kMinDigits || digits.size() > kMaxDigits)
        return stored;
    // Brazil: +55, two-digit area code (DDD), then 9 digits (mobile) or 8 (fixed line).
    if (digits.startsWith(QLatin1String("55")) && (digits.size() == 12 || digits.size() == 13)) {
        const QString area = digits.mid(2, 2);
        const QString local = digits.mid(4);
        const qsizetype split = local.size() - 4;
        return QStringLiteral("+55 (%1) %2-%3").arg(area, local.left(split), local.mid(split));
    }
    const qsizetype cc = countryCodeLength(digits);
    return QStringLiteral("+%1 %2").arg(digits.left(cc), plainGroups(digits.mid(cc)));
}

QString money(qint64 cents, const QLocale& locale)
{
    // The C locale (a bare environment) writes "1234.56R$": English is the readable default.
    const QLocale l = locale.language() == QLocale::C
        ? QLocale(QLocale::English, QLocale::UnitedStates)
        : locale;
    return l.toCurrencyString(double(cents) / 100.0, QStringLiteral("R$"), 2);
}

} // namespace WhaTrack::Ui::DisplayFormat
