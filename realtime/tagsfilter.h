#pragma once

//! \file tagsfilter.h
//! \brief A server-side publication filter on publication tags (`tf` in the subscribe request).
//!
//! The server (Centrifugo >= 6.4, namespace option `allow_tags_filter`) evaluates the filter
//! against each publication's `tags` and delivers only the matching ones, live and recovered.
//! It saves bandwidth; it is not access control. A filter cannot be combined with delta
//! compression (the server keeps one delta chain per channel, not per filter).
//!
//! \code
//! using F = Centrifuge::TagsFilter;
//! options.tagsFilter = F::allOf({F::eq("ticker", "AAPL"), F::gte("price", "100.5")});
//! \endcode

#include <QList>
#include <QMetaType>
#include <QSharedDataPointer>
#include <QString>
#include <QStringList>

namespace Centrifuge {

class TagsFilterData;

//! An immutable, implicitly shared filter tree: a leaf compares one tag, a node combines
//! children with and/or/not. Default-constructed it is null: no filter is sent.
class TagsFilter
{
public:
    //! The operators of the protocol's FilterNode (centrifugal/protocol `client.proto`).
    enum class Compare {
        None, //!< not a leaf
        Eq, //!< "eq": tag equals the value
        NotEq, //!< "neq": tag missing or different
        In, //!< "in": tag is one of the values
        NotIn, //!< "nin": tag is none of the values (or missing)
        Exists, //!< "ex": tag present
        NotExists, //!< "nex": tag absent
        StartsWith, //!< "sw"
        EndsWith, //!< "ew"
        Contains, //!< "ct"
        Gt, //!< "gt": numeric (decimal) comparison; a non-number never matches
        Gte, //!< "gte"
        Lt, //!< "lt"
        Lte, //!< "lte"
    };
    enum class Op { Leaf, And, Or, Not };

    TagsFilter();
    TagsFilter(const TagsFilter& other);
    TagsFilter(TagsFilter&& other) noexcept;
    TagsFilter& operator=(const TagsFilter& other);
    TagsFilter& operator=(TagsFilter&& other) noexcept;
    ~TagsFilter();

    // ---- leaves ----
    static TagsFilter eq(const QString& key, const QString& value);
    static TagsFilter notEq(const QString& key, const QString& value);
    static TagsFilter in(const QString& key, const QStringList& values);
    static TagsFilter notIn(const QString& key, const QStringList& values);
    static TagsFilter exists(const QString& key);
    static TagsFilter notExists(const QString& key);
    static TagsFilter startsWith(const QString& key, const QString& prefix);
    static TagsFilter endsWith(const QString& key, const QString& suffix);
    static TagsFilter contains(const QString& key, const QString& part);
    //! Numeric comparisons: the server compares tag and value as decimals ("10.5" > "9").
    static TagsFilter gt(const QString& key, const QString& value);
    static TagsFilter gte(const QString& key, const QString& value);
    static TagsFilter lt(const QString& key, const QString& value);
    static TagsFilter lte(const QString& key, const QString& value);

    // ---- combinations ----
    static TagsFilter allOf(const QList<TagsFilter>& filters); //!< "and"
    static TagsFilter anyOf(const QList<TagsFilter>& filters); //!< "or"
    static TagsFilter negate(const TagsFilter& filter); //!< "not"

    bool isNull() const;
    Op op() const;
    Compare compare() const;
    QString key() const;
    QString value() const;
    QStringList values() const;
    QList<TagsFilter> children() const;

    //! The protocol spelling: `op` is "" for leaves, "and", "or", "not"; `cmp` is "eq"...
    QString opName() const;
    QString compareName() const;

    //! The server's own rules (centrifuge `filter.Validate`): leaves need a key and the value
    //! (or values) their operator takes and no other; and/or need children; not exactly one. A
    //! filter the server would refuse (error 107) is refused before it is sent. A null filter
    //! is valid (no filter). \a error says what is wrong, in plain words.
    bool isValid(QString* error = nullptr) const;

    friend bool operator==(const TagsFilter& a, const TagsFilter& b);
    friend bool operator!=(const TagsFilter& a, const TagsFilter& b) { return !(a == b); }

private:
    static TagsFilter leaf(
        Compare compare, const QString& key, const QString& value, const QStringList& values);
    static TagsFilter node(Op op, const QList<TagsFilter>& children);
    QSharedDataPointer<TagsFilterData> d;
};

} // namespace Centrifuge

Q_DECLARE_METATYPE(Centrifuge::TagsFilter)
