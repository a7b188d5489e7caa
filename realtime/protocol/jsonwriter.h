#pragma once

//! \file jsonwriter.h
//! \brief Internal: a compact JSON writer for commands (not part of the public API).
//!
//! Commands have a fixed shape, so they are written straight into a QByteArray instead of going
//! through a DOM: no allocations besides the output, raw JSON fields copied in as values.
//! Every `key, value` helper omits zero/empty/false values, like the server's `omitempty`.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>

namespace Centrifuge::Protocol {

class JsonWriter
{
public:
    JsonWriter() { m_out.reserve(128); }

    void beginObject();
    void endObject();
    //! Arrays hold values written with element() or beginObject().
    void beginArray();
    void endArray();
    void element(const QString& value);
    void key(const char* name);
    void key(const QString& name);
    //! Starts the next top-level value of a batch.
    void newline()
    {
        m_out.append('\n');
        m_hasMember = 0;
    }

    void string(const char* name, const QString& value);
    void boolean(const char* name, bool value);
    void unsignedNumber(const char* name, quint64 value);
    void signedNumber(const char* name, qint64 value);
    //! Inserts raw JSON as a value, minified (no raw newline can reach the frame). Text that is
    //! not valid JSON is written as a JSON string so the frame stays well-formed; callers are
    //! expected to validate user data before building the command.
    void raw(const char* name, const QByteArray& json);

    QByteArray take() { return std::move(m_out); }

    //! Appends \a utf8 as a quoted, escaped JSON string.
    static void appendQuoted(QByteArray& out, QByteArrayView utf8);
    //! Appends valid JSON \a text without the whitespace between tokens (strings kept intact).
    static void appendMinified(QByteArray& out, QByteArrayView text);

private:
    void separator();

    QByteArray m_out;
    std::uint64_t m_hasMember = 0; //!< bit per nesting level: a member was written at that level
    int m_depth = 0;
    bool m_afterKey = false;
};

} // namespace Centrifuge::Protocol
