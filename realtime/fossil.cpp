#include "realtime/fossil.h"

#include <QtEndian>

#include <array>
#include <cstring>
#include <vector>

namespace Centrifuge::Fossil {

namespace {

constexpr char Digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~";

//! Value of a base-64 digit, -1 for any other byte.
constexpr std::array<qint8, 256> digitValues()
{
    std::array<qint8, 256> table {};
    for (auto& v : table)
        v = -1;
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(Digits[i])] = static_cast<qint8>(i);
    return table;
}

constexpr std::array<qint8, 256> DigitValue = digitValues();

//! Reads the delta front to back; every read is bounds-checked.
class Reader
{
public:
    explicit Reader(QByteArrayView data)
        : m_p(reinterpret_cast<const unsigned char*>(data.data()))
        , m_end(m_p + data.size())
    {
    }

    bool atEnd() const { return m_p >= m_end; }
    qsizetype remaining() const { return m_end - m_p; }
    const char* position() const { return reinterpret_cast<const char*>(m_p); }
    void skip(qsizetype n) { m_p += n; }

    //! The next byte, or -1 at the end.
    int take() { return m_p < m_end ? *m_p++ : -1; }

    //! A base-64 integer (possibly empty, which reads as 0 like fossil's getInt). Fails on
    //! values that do not fit in 64 bits.
    bool integer(quint64& value)
    {
        value = 0;
        while (m_p < m_end) {
            const int digit = DigitValue[*m_p];
            if (digit < 0)
                break;
            if (value > (~quint64(0) >> 6))
                return false;
            value = (value << 6) | quint64(digit);
            ++m_p;
        }
        return true;
    }

private:
    const unsigned char* m_p;
    const unsigned char* m_end;
};

void appendInt(QByteArray& out, quint64 value)
{
    char buffer[12];
    int n = 0;
    do {
        buffer[n++] = Digits[value & 63];
        value >>= 6;
    } while (value != 0);
    while (n > 0)
        out.append(buffer[--n]);
}

int intLength(quint64 value)
{
    int n = 1;
    while (value >>= 6)
        ++n;
    return n;
}

std::optional<QByteArray> failWith(Error* error, Error why)
{
    if (error)
        *error = why;
    return std::nullopt;
}

} // namespace

QString errorString(Error error)
{
    switch (error) {
    case Error::None:
        return QStringLiteral("no error");
    case Error::BadHeader:
        return QStringLiteral("malformed size header");
    case Error::TooLarge:
        return QStringLiteral("target too large");
    case Error::BadCommand:
        return QStringLiteral("malformed command");
    case Error::CopyOutOfRange:
        return QStringLiteral("copy extends past the end of the base");
    case Error::InsertTooLong:
        return QStringLiteral("insert longer than the delta");
    case Error::SizeMismatch:
        return QStringLiteral("output size does not match the header");
    case Error::BadChecksum:
        return QStringLiteral("bad checksum");
    case Error::Unterminated:
        return QStringLiteral("unterminated delta");
    }
    return QStringLiteral("unknown error");
}

quint32 checksum(QByteArrayView data)
{
    const auto* p = reinterpret_cast<const uchar*>(data.data());
    qsizetype n = data.size();
    quint32 sum = 0;
    for (; n >= 4; p += 4, n -= 4)
        sum += qFromBigEndian<quint32>(p);
    uchar tail[4] = {0, 0, 0, 0};
    if (n > 0) {
        std::memcpy(tail, p, size_t(n));
        sum += qFromBigEndian<quint32>(tail);
    }
    return sum;
}

qsizetype outputSize(QByteArrayView delta)
{
    Reader in(delta);
    quint64 size = 0;
    if (in.atEnd() || !in.integer(size) || in.take() != '\n' || size > quint64(MaxTargetSize))
        return -1;
    return qsizetype(size);
}

std::optional<QByteArray> apply(QByteArrayView base, QByteArrayView delta, Error* error)
{
    if (error)
        *error = Error::None;
    Reader in(delta);
    quint64 limit = 0;
    if (in.atEnd() || DigitValue[static_cast<uchar>(delta.front())] < 0 || !in.integer(limit)
        || in.take() != '\n')
        return failWith(error, Error::BadHeader);
    // A copy command takes at least 4 bytes and yields at most base.size() bytes, an insert
    // yields fewer bytes than it takes: a larger claim cannot be honest, so do not allocate it.
    const quint64 producible
        = quint64(in.remaining()) + quint64(in.remaining() / 4 + 1) * quint64(base.size());
    if (limit > quint64(MaxTargetSize) || limit > producible)
        return failWith(error, Error::TooLarge);

    QByteArray out(qsizetype(limit), Qt::Uninitialized);
    char* const outBegin = out.data();
    quint64 total = 0;
    while (!in.atEnd()) {
        quint64 count = 0;
        if (!in.integer(count))
            return failWith(error, Error::BadCommand);
        switch (in.take()) {
        case '@': {
            quint64 offset = 0;
            if (!in.integer(offset) || in.take() != ',')
                return failWith(error, Error::BadCommand);
            if (count > limit - total)
                return failWith(error, Error::SizeMismatch);
            if (count > quint64(base.size()) || offset > quint64(base.size()) - count)
                return failWith(error, Error::CopyOutOfRange);
            if (count > 0)
                std::memcpy(outBegin + total, base.data() + offset, size_t(count));
            total += count;
            break;
        }
        case ':':
            if (count > limit - total)
                return failWith(error, Error::SizeMismatch);
            if (count > quint64(in.remaining()))
                return failWith(error, Error::InsertTooLong);
            if (count > 0)
                std::memcpy(outBegin + total, in.position(), size_t(count));
            in.skip(qsizetype(count));
            total += count;
            break;
        case ';':
            // Like fossil, bytes after the end command are ignored.
            if (total != limit)
                return failWith(error, Error::SizeMismatch);
            if (count != checksum(out))
                return failWith(error, Error::BadChecksum);
            return out;
        default:
            return failWith(error, Error::BadCommand);
        }
    }
    return failWith(error, Error::Unterminated);
}

// ---- create ----------------------------------------------------------------------------------
//
// Index the base in fixed blocks by a rolling hash, slide the same hash over the target, and
// for every hit extend the match both ways; take the longest match whose copy command is
// shorter than the bytes it replaces. Unmatched bytes become inserts.

namespace {

constexpr qsizetype Block = 16;
constexpr quint32 HashBase = 0x01000193; // an odd multiplier; any odd number works

quint32 blockHash(const uchar* p)
{
    quint32 h = 0;
    for (qsizetype i = 0; i < Block; ++i)
        h = h * HashBase + p[i];
    return h;
}

quint32 power(quint32 base, qsizetype exponent)
{
    quint32 r = 1;
    while (exponent-- > 0)
        r *= base;
    return r;
}

void appendInsert(QByteArray& out, const uchar* data, qsizetype length)
{
    if (length <= 0)
        return;
    appendInt(out, quint64(length));
    out.append(':');
    out.append(reinterpret_cast<const char*>(data), length);
}

} // namespace

QByteArray create(QByteArrayView baseView, QByteArrayView targetView)
{
    const auto* base = reinterpret_cast<const uchar*>(baseView.data());
    const auto* target = reinterpret_cast<const uchar*>(targetView.data());
    const qsizetype baseSize = baseView.size();
    const qsizetype targetSize = targetView.size();

    QByteArray out;
    out.reserve(targetSize / 4 + 32);
    appendInt(out, quint64(targetSize));
    out.append('\n');

    qsizetype literalStart = 0; // first target byte not yet emitted
    if (baseSize >= Block && targetSize >= Block) {
        const qsizetype blocks = baseSize / Block;
        qsizetype buckets = 1;
        while (buckets < blocks)
            buckets <<= 1;
        const quint32 mask = quint32(buckets - 1);
        std::vector<qsizetype> head(size_t(buckets), -1);
        std::vector<qsizetype> chain(size_t(blocks), -1);
        for (qsizetype b = 0; b < blocks; ++b) {
            const quint32 bucket = blockHash(base + b * Block) & mask;
            chain[size_t(b)] = head[bucket];
            head[bucket] = b;
        }

        const quint32 outFactor = power(HashBase, Block - 1);
        qsizetype i = 0; // start of the window in the target
        quint32 hash = blockHash(target);
        while (i + Block <= targetSize) {
            qsizetype bestLength = 0;
            qsizetype bestSource = 0;
            qsizetype bestTarget = 0;
            int tries = 0;
            for (qsizetype b = head[hash & mask]; b >= 0 && tries < 64;
                 b = chain[size_t(b)], ++tries) {
                const qsizetype s = b * Block;
                qsizetype forward = 0;
                while (s + forward < baseSize && i + forward < targetSize
                    && base[s + forward] == target[i + forward])
                    ++forward;
                if (forward < Block)
                    continue; // a hash collision, not a match
                qsizetype backward = 0;
                while (backward < s && backward < i - literalStart
                    && base[s - backward - 1] == target[i - backward - 1])
                    ++backward;
                const qsizetype length = forward + backward;
                if (length > bestLength) {
                    bestLength = length;
                    bestSource = s - backward;
                    bestTarget = i - backward;
                }
            }
            const qsizetype copyCost
                = intLength(quint64(bestLength)) + intLength(quint64(bestSource)) + 2;
            if (bestLength > copyCost) {
                appendInsert(out, target + literalStart, bestTarget - literalStart);
                appendInt(out, quint64(bestLength));
                out.append('@');
                appendInt(out, quint64(bestSource));
                out.append(',');
                literalStart = bestTarget + bestLength;
                i = literalStart;
                if (i + Block <= targetSize)
                    hash = blockHash(target + i);
                continue;
            }
            if (i + Block < targetSize)
                hash = (hash - outFactor * target[i]) * HashBase + target[i + Block];
            ++i;
        }
    }
    appendInsert(out, target + literalStart, targetSize - literalStart);
    appendInt(out, checksum(targetView));
    out.append(';');
    return out;
}

} // namespace Centrifuge::Fossil
