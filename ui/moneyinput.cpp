#include "ui/moneyinput.h"

#include "ui/logging.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace WhaTrack::Ui::Money {

namespace {
QString tr(const char* text)
{
    // The context lupdate gives a free tr() in this namespace (docs/translations.md).
    return QCoreApplication::translate("WhaTrack::Ui::Money", text);
}

Parsed refuse(const QString& why)
{
    Parsed p;
    p.error = why;
    return p;
}

//! "1", "12", "123" then groups of exactly three digits.
bool validGroups(const QStringList& groups)
{
    if (groups.isEmpty() || groups.first().isEmpty() || groups.first().size() > 3)
        return false;
    for (qsizetype i = 1; i < groups.size(); ++i) {
        if (groups.at(i).size() != 3)
            return false;
    }
    return true;
}

bool allDigits(const QString& s)
{
    for (QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}
} // namespace

Parsed parseBrl(const QString& input)
{
    QString text = input;
    text.remove(QStringLiteral("R$"));
    text.removeIf([](QChar c) { return c.isSpace(); }); // no-break spaces too ("R$\u00a01")
    if (text.isEmpty())
        return {true, std::nullopt, {}};
    const QString example = tr("Type the amount in reais, for example 1500,50 or 1.500,50.");
    if (text.startsWith(QLatin1Char('-')))
        return refuse(tr("The deal value cannot be negative."));
    for (QChar c : text) {
        if (!(c.isDigit() && c.unicode() < 128) && c != QLatin1Char('.') && c != QLatin1Char(','))
            return refuse(tr("“%1” is not an amount. %2").arg(input.trimmed(), example));
    }

    const int lastDot = int(text.lastIndexOf(QLatin1Char('.')));
    const int lastComma = int(text.lastIndexOf(QLatin1Char(',')));
    QString whole = text;
    QString fraction;
    QChar group; // the thousands separator, if any
    if (lastDot >= 0 && lastComma >= 0) {
        // Both: the last one is the decimal separator ("1.500,50", and leniently "1,500.50").
        const QChar decimal = lastComma > lastDot ? QLatin1Char(',') : QLatin1Char('.');
        group = decimal == QLatin1Char(',') ? QLatin1Char('.') : QLatin1Char(',');
        const int at = std::max(lastDot, lastComma);
        if (text.count(decimal) != 1)
            return refuse(
                tr("“%1” has more than one decimal separator. %2").arg(input.trimmed(), example));
        whole = text.left(at);
        fraction = text.mid(at + 1);
    } else if (lastDot >= 0 || lastComma >= 0) {
        const QChar sep = lastDot >= 0 ? QLatin1Char('.') : QLatin1Char(',');
        const int at = std::max(lastDot, lastComma);
        const qsizetype after = text.size() - at - 1;
        if (text.count(sep) > 1) {
            group = sep; // "1.500.000": only a thousands separator repeats
        } else if (after == 3) {
            // "1.500" is 1500 in Brazil and 1.5 in English-speaking countries: 1000 times
            // apart. Refuse rather than guess.
            return refuse(tr("“%1” is ambiguous: thousands or cents? Type %2 without the "
                             "separator, or put a comma before the cents, as in 1500,50.")
                              .arg(input.trimmed(), text.left(at) + text.mid(at + 1)));
        } else {
            // One separator with one or two digits after it (or none): the decimal separator.
            whole = text.left(at);
            fraction = text.mid(at + 1);
        }
    }
    if (fraction.size() > 2)
        return refuse(
            tr("“%1” has more than two digits for the cents. %2").arg(input.trimmed(), example));
    if (!group.isNull()) {
        const QStringList groups = whole.split(group);
        if (!validGroups(groups))
            return refuse(tr("“%1” has the thousands separator in the wrong place. %2")
                              .arg(input.trimmed(), example));
        whole = groups.join(QString());
    }
    if (whole.isEmpty())
        whole = QStringLiteral("0");
    if (!allDigits(whole) || !allDigits(fraction))
        return refuse(tr("“%1” is not an amount. %2").arg(input.trimmed(), example));
    // Compare as text first: more than 11 digits of reais cannot fit the server's range.
    const QString digits = QString(whole).remove(QRegularExpression(QStringLiteral("^0+")));
    if (digits.size() > 11)
        return refuse(tr("The deal value is too large (at most R$ %1).").arg(formatBrl(kMaxCents)));
    const qint64 cents = whole.toLongLong() * 100
        + (fraction.isEmpty() ? 0 : fraction.leftJustified(2, QLatin1Char('0')).toLongLong());
    if (cents > kMaxCents)
        return refuse(tr("The deal value is too large (at most R$ %1).").arg(formatBrl(kMaxCents)));
    Parsed p;
    p.ok = true;
    if (cents > 0)
        p.cents = cents;
    return p;
}

QString formatBrl(qint64 cents)
{
    const QLocale brazil(QLocale::Portuguese, QLocale::Brazil);
    return brazil.toString(cents / 100) + QLatin1Char(',')
        + QStringLiteral("%1").arg(cents % 100, 2, 10, QLatin1Char('0'));
}

QString toApi(qint64 cents)
{
    return QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}

std::optional<qint64> fromApi(const QString& decimal)
{
    bool ok = false;
    const double value = decimal.trimmed().toDouble(&ok); // C locale: the API's format
    if (!ok || !std::isfinite(value) || value <= 0 || value * 100 > double(kMaxCents))
        return std::nullopt;
    return qint64(std::llround(value * 100));
}

} // namespace WhaTrack::Ui::Money

namespace WhaTrack::Ui {

MoneyEdit::MoneyEdit(QWidget* parent)
    : QLineEdit(parent)
{
    setPlaceholderText(tr("Not set"));
    // editingFinished fires on Return and again when the focus leaves; finishEdit() commits a
    // value once.
    connect(this, &QLineEdit::editingFinished, this, &MoneyEdit::finishEdit);
}

void MoneyEdit::setCents(std::optional<qint64> cents)
{
    m_cents = cents;
    setText(cents ? QStringLiteral("R$ ") + Money::formatBrl(*cents) : QString());
}

void MoneyEdit::finishEdit()
{
    const Money::Parsed p = parsed();
    if (!p.ok) {
        qCInfo(lcUi) << "deal value refused";
        Q_EMIT rejected(p.error);
        return;
    }
    if (p.cents == m_cents) {
        setCents(m_cents); // normalise what is shown ("1500,5" -> "R$ 1.500,50")
        return;
    }
    setCents(p.cents);
    Q_EMIT committed(p.cents);
}

} // namespace WhaTrack::Ui
