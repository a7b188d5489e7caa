#pragma once

//! \file moneyinput.h
//! \brief Deal values in Brazilian reais, read the way the currency writes them.
//!
//! WhaTrack bills and reports in BRL, so the deal value follows the currency, not the
//! computer's locale: "1.500,50" and "1500,50" are R$ 1,500.50 under every locale (an English
//! locale used to read "1500,50" as 150,050.00). Input that could mean two amounts a factor of
//! 100 or 1000 apart ("1.500", "1,500") is refused with a message instead of guessed.

#include <QLineEdit>

#include <optional>

namespace WhaTrack::Ui::Money {

//! The result of reading what the agent typed.
struct Parsed
{
    bool ok = false;
    //! Whole cents; empty when the field is empty or zero (the deal value is cleared).
    std::optional<qint64> cents;
    //! Why the text was refused and what to type instead (plain text).
    QString error;
};

//! The largest deal value accepted, in cents (R$ 10 billion, the server's range).
constexpr qint64 kMaxCents = Q_INT64_C(10000000000) * 100;

//! Reads a BRL amount: "R$ 1.500,50", "1500,50", "1500", "1.500.000", "1,5". A dot or comma
//! followed by one or two digits is the decimal separator; groups of three need both
//! separators or more than one group.
Parsed parseBrl(const QString& text);
//! "1.500,50" (no currency symbol).
QString formatBrl(qint64 cents);
//! The API's decimal string: "1500.50".
QString toApi(qint64 cents);
//! Reads the API's decimal string ("1500.5", "1500.00"); empty for empty, zero or invalid.
std::optional<qint64> fromApi(const QString& decimal);

} // namespace WhaTrack::Ui::Money

namespace WhaTrack::Ui {

//! A line edit for a BRL amount. An edit is committed once (Return and the focus leaving
//! both end an edit) and only when the value changed.
class MoneyEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit MoneyEdit(QWidget* parent = nullptr);

    //! Shows \a cents (empty: not set) as the committed value.
    void setCents(std::optional<qint64> cents);
    std::optional<qint64> cents() const { return m_cents; }
    //! What the field holds now, read as BRL.
    Money::Parsed parsed() const { return Money::parseBrl(text()); }

Q_SIGNALS:
    //! The agent finished an edit that changed the value.
    void committed(std::optional<qint64> cents);
    //! The agent finished an edit that cannot be read; \a message says what to type.
    void rejected(const QString& message);

private:
    void finishEdit();

    std::optional<qint64> m_cents;
};

} // namespace WhaTrack::Ui
