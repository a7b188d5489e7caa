// libFuzzer target: the REST decoders (models/apicodec*) on arbitrary bytes must never crash,
// recurse without bound, hit UB or leak; the first byte picks the decoder. Properties checked
// (a violation traps, in the fuzz build and in the corpus replay of the normal build):
//  - a body deeper than kMaxJsonDepth is never decoded;
//  - what decodes re-encodes for the local cache and decodes back to the same value (the
//    strict decoder accepts everything the encoder writes, and the cache never alters data);
//  - every decoded time lies in the sane range; an error body's message is at most 300 chars.

#include "models/api/apicodec.h"
#include "models/api/directionregistry.h"

#include <cstddef>
#include <cstdint>

using namespace WhaTrack;

namespace {

void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

bool saneTime(const QDateTime& t)
{
    return !t.isValid()
        || (t.toMSecsSinceEpoch() >= 0 && t.date().year() >= 1970 && t.date().year() < 3000);
}

void checkMessage(const Message& m)
{
    check(!m.id.isEmpty());
    check(saneTime(m.timestamp) && saneTime(m.createdAt));
    const auto back = Codec::decodeMessage(Codec::encodeMessage(m));
    check(back.has_value());
    // The registry may have resolved a direction the encoded row now names: same value.
    check(*back == m);
}

void checkChat(const ChatItem& c)
{
    check(!c.id.isEmpty());
    check(saneTime(c.lastMessageAt));
    check(c.unreadCount >= 0);
    if (c.lastMessage)
        checkMessage(*c.lastMessage);
    const auto back = Codec::decodeChat(Codec::encodeChat(c));
    check(back.has_value() && *back == c);
}

void checkStage(const Stage& s)
{
    const auto back = Codec::decodeStage(Codec::encodeStage(s));
    check(back.has_value() && *back == s);
}

void checkTicket(const Ticket& t)
{
    check(!t.id.isEmpty());
    check(saneTime(t.windowExpiresAt) && saneTime(t.closedAt) && saneTime(t.updatedAt));
    const auto back = Codec::decodeTicket(Codec::encodeTicket(t));
    check(back.has_value() && back->has_value() && **back == t);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray body(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const bool tooDeep = Codec::checkJsonShape(body, -1).has_value();
    DirectionRegistry directions;
    QString problem;
    bool decoded = false;

    switch (data[0] % 10) {
    case 0:
        if (const auto chats = Codec::decodeChats(body, &directions, &problem)) {
            decoded = true;
            for (const auto& c : *chats)
                checkChat(c);
        }
        break;
    case 1:
        if (const auto page = Codec::decodeMessagePage(body, &directions, &problem)) {
            decoded = true;
            check(page->total >= 0 && page->page >= 0 && page->pageSize >= 0);
            for (const auto& m : page->items)
                checkMessage(m);
        }
        break;
    case 2:
        if (const auto t = Codec::decodeTicket(body, &problem)) {
            decoded = true;
            if (*t)
                checkTicket(**t);
        }
        break;
    case 3:
        if (const auto stages = Codec::decodeStages(body, &problem)) {
            decoded = true;
            for (const auto& s : *stages) {
                check(!s.id.isEmpty());
                checkStage(s);
            }
        }
        break;
    case 4:
        if (const auto s = Codec::decodeSession(body, &problem)) {
            decoded = true;
            if (*s)
                check(!(*s)->user.id.isEmpty() && saneTime((*s)->expiresAt));
        }
        break;
    case 5:
        if (const auto orgs = Codec::decodeOrganizations(body, &problem)) {
            decoded = true;
            for (const auto& o : *orgs)
                check(!o.id.isEmpty());
        }
        break;
    case 6:
        if (const auto token = Codec::decodeToken(body, &problem)) {
            decoded = true;
            check(!token->isEmpty());
        }
        break;
    case 7:
        check(Codec::decodeErrorMessage(body).size() <= 300);
        break;
    case 8: // the local cache's entity decoders
        if (const auto c = Codec::decodeChat(body)) {
            decoded = true;
            checkChat(*c);
        }
        if (const auto m = Codec::decodeMessage(body)) {
            decoded = true;
            checkMessage(*m);
        }
        break;
    case 9:
        if (const auto s = Codec::decodeStage(body)) {
            decoded = true;
            checkStage(*s);
        }
        check(saneTime(Codec::parseTime(QString::fromUtf8(body))));
        break;
    }
    check(!(decoded && tooDeep));
    check(decoded || problem.isEmpty() || problem.size() < 400);
    return 0;
}
