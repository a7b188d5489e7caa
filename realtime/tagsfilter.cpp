#include "realtime/tagsfilter.h"

#include <QSharedData>

namespace Centrifuge {

class TagsFilterData : public QSharedData
{
public:
    TagsFilter::Op op = TagsFilter::Op::Leaf;
    TagsFilter::Compare compare = TagsFilter::Compare::None;
    QString key;
    QString value;
    QStringList values;
    QList<TagsFilter> children;
};

namespace {

enum class Operand { Value, Values, Nothing };

Operand operandOf(TagsFilter::Compare compare)
{
    switch (compare) {
    case TagsFilter::Compare::In:
    case TagsFilter::Compare::NotIn:
        return Operand::Values;
    case TagsFilter::Compare::Exists:
    case TagsFilter::Compare::NotExists:
    case TagsFilter::Compare::None:
        return Operand::Nothing;
    default:
        return Operand::Value;
    }
}

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = QStringLiteral("tags filter: ") + message;
    return false;
}

} // namespace

TagsFilter::TagsFilter() = default;
TagsFilter::TagsFilter(const TagsFilter& other) = default;
TagsFilter::TagsFilter(TagsFilter&& other) noexcept = default;
TagsFilter& TagsFilter::operator=(const TagsFilter& other) = default;
TagsFilter& TagsFilter::operator=(TagsFilter&& other) noexcept = default;
TagsFilter::~TagsFilter() = default;

TagsFilter TagsFilter::leaf(
    Compare compare, const QString& key, const QString& value, const QStringList& values)
{
    TagsFilter filter;
    filter.d = new TagsFilterData;
    filter.d->compare = compare;
    filter.d->key = key;
    filter.d->value = value;
    filter.d->values = values;
    return filter;
}

TagsFilter TagsFilter::node(Op op, const QList<TagsFilter>& children)
{
    TagsFilter filter;
    filter.d = new TagsFilterData;
    filter.d->op = op;
    filter.d->children = children;
    return filter;
}

TagsFilter TagsFilter::eq(const QString& key, const QString& value)
{
    return leaf(Compare::Eq, key, value, {});
}
TagsFilter TagsFilter::notEq(const QString& key, const QString& value)
{
    return leaf(Compare::NotEq, key, value, {});
}
TagsFilter TagsFilter::in(const QString& key, const QStringList& values)
{
    return leaf(Compare::In, key, {}, values);
}
TagsFilter TagsFilter::notIn(const QString& key, const QStringList& values)
{
    return leaf(Compare::NotIn, key, {}, values);
}
TagsFilter TagsFilter::exists(const QString& key)
{
    return leaf(Compare::Exists, key, {}, {});
}
TagsFilter TagsFilter::notExists(const QString& key)
{
    return leaf(Compare::NotExists, key, {}, {});
}
TagsFilter TagsFilter::startsWith(const QString& key, const QString& prefix)
{
    return leaf(Compare::StartsWith, key, prefix, {});
}
TagsFilter TagsFilter::endsWith(const QString& key, const QString& suffix)
{
    return leaf(Compare::EndsWith, key, suffix, {});
}
TagsFilter TagsFilter::contains(const QString& key, const QString& part)
{
    return leaf(Compare::Contains, key, part, {});
}
TagsFilter TagsFilter::gt(const QString& key, const QString& value)
{
    return leaf(Compare::Gt, key, value, {});
}
TagsFilter TagsFilter::gte(const QString& key, const QString& value)
{
    return leaf(Compare::Gte, key, value, {});
}
TagsFilter TagsFilter::lt(const QString& key, const QString& value)
{
    return leaf(Compare::Lt, key, value, {});
}
TagsFilter TagsFilter::lte(const QString& key, const QString& value)
{
    return leaf(Compare::Lte, key, value, {});
}

TagsFilter TagsFilter::allOf(const QList<TagsFilter>& filters)
{
    return node(Op::And, filters);
}
TagsFilter TagsFilter::anyOf(const QList<TagsFilter>& filters)
{
    return node(Op::Or, filters);
}
TagsFilter TagsFilter::negate(const TagsFilter& filter)
{
    return node(Op::Not, {filter});
}

bool TagsFilter::isNull() const
{
    return !d;
}

TagsFilter::Op TagsFilter::op() const
{
    return d ? d->op : Op::Leaf;
}

TagsFilter::Compare TagsFilter::compare() const
{
    return d ? d->compare : Compare::None;
}

QString TagsFilter::key() const
{
    return d ? d->key : QString();
}

QString TagsFilter::value() const
{
    return d ? d->value : QString();
}

QStringList TagsFilter::values() const
{
    return d ? d->values : QStringList();
}

QList<TagsFilter> TagsFilter::children() const
{
    return d ? d->children : QList<TagsFilter>();
}

QString TagsFilter::opName() const
{
    switch (op()) {
    case Op::Leaf:
        return {};
    case Op::And:
        return QStringLiteral("and");
    case Op::Or:
        return QStringLiteral("or");
    case Op::Not:
        return QStringLiteral("not");
    }
    return {};
}

QString TagsFilter::compareName() const
{
    switch (compare()) {
    case Compare::None:
        return {};
    case Compare::Eq:
        return QStringLiteral("eq");
    case Compare::NotEq:
        return QStringLiteral("neq");
    case Compare::In:
        return QStringLiteral("in");
    case Compare::NotIn:
        return QStringLiteral("nin");
    case Compare::Exists:
        return QStringLiteral("ex");
    case Compare::NotExists:
        return QStringLiteral("nex");
    case Compare::StartsWith:
        return QStringLiteral("sw");
    case Compare::EndsWith:
        return QStringLiteral("ew");
    case Compare::Contains:
        return QStringLiteral("ct");
    case Compare::Gt:
        return QStringLiteral("gt");
    case Compare::Gte:
        return QStringLiteral("gte");
    case Compare::Lt:
        return QStringLiteral("lt");
    case Compare::Lte:
        return QStringLiteral("lte");
    }
    return {};
}

bool TagsFilter::isValid(QString* error) const
{
    if (!d)
        return true;
    switch (d->op) {
    case Op::Leaf: {
        if (d->compare == Compare::None)
            return fail(error, QStringLiteral("a comparison needs an operator"));
        const QString name = compareName();
        if (d->key.isEmpty())
            return fail(error, QStringLiteral("'%1' needs a tag key").arg(name));
        switch (operandOf(d->compare)) {
        case Operand::Value:
            if (d->value.isEmpty())
                return fail(error, QStringLiteral("'%1' needs a value").arg(name));
            break;
        case Operand::Values:
            if (d->values.isEmpty())
                return fail(error, QStringLiteral("'%1' needs at least one value").arg(name));
            break;
        case Operand::Nothing:
            break;
        }
        return true;
    }
    case Op::And:
    case Op::Or:
        if (d->children.isEmpty())
            return fail(error, QStringLiteral("'%1' needs at least one filter").arg(opName()));
        break;
    case Op::Not:
        if (d->children.size() != 1)
            return fail(error, QStringLiteral("'not' takes exactly one filter"));
        break;
    }
    for (const TagsFilter& child : std::as_const(d->children)) {
        if (child.isNull())
            return fail(error, QStringLiteral("'%1' holds an empty filter").arg(opName()));
        if (!child.isValid(error))
            return false;
    }
    return true;
}

bool operator==(const TagsFilter& a, const TagsFilter& b)
{
    if (a.d == b.d)
        return true;
    if (!a.d || !b.d)
        return false;
    return a.d->op == b.d->op && a.d->compare == b.d->compare && a.d->key == b.d->key
        && a.d->value == b.d->value && a.d->values == b.d->values && a.d->children == b.d->children;
}

} // namespace Centrifuge
