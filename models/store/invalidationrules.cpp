#include "models/store/invalidationrules.h"

namespace WhaTrack {

bool Invalidation::contains(const QueryKey& key) const
{
    if (keys.contains(key))
        return true;
    return std::any_of(
        prefixes.begin(), prefixes.end(), [&](const QueryScope& p) { return p.covers(key); });
}

Invalidation invalidationForEvent(const InboxEvent& e, const RuleContext& ctx)
{
    Invalidation inv;
    // Every publication may change the list (order, preview, ticket badge): all searches.
    inv.prefixes << QueryScope::of(QueryKey::Kind::Chats, ctx.org);
    const bool aboutOpenChat = !ctx.openChatId.isEmpty()
        && (ctx.chatId == ctx.openChatId
            || (!e.conversationId.isEmpty() && e.conversationId == ctx.openConversationId));

    if (e.channel == InboxEvent::Channel::Messages) {
        if (!ctx.chatId.isEmpty())
            inv.keys << QueryKey::messages(ctx.org, ctx.chatId);
        // Unresolved, or keyed by conversation: the key by conversation id covers a chat
        // opened through it.
        if (!e.conversationId.isEmpty() && e.conversationId != ctx.chatId)
            inv.keys << QueryKey::messages(ctx.org, e.conversationId);
        if (aboutOpenChat && !inv.keys.contains(QueryKey::messages(ctx.org, ctx.openChatId)))
            inv.keys << QueryKey::messages(ctx.org, ctx.openChatId);
        // The backend opens/renews tickets on inbound messages without publishing anything.
        if (e.type == InboxEvent::Type::MessageCreated) {
            if (!e.conversationId.isEmpty())
                inv.keys << QueryKey::ticket(ctx.org, e.conversationId);
            if (aboutOpenChat && !ctx.openConversationId.isEmpty()
                && !inv.keys.contains(QueryKey::ticket(ctx.org, ctx.openConversationId)))
                inv.keys << QueryKey::ticket(ctx.org, ctx.openConversationId);
        }
    } else {
        if (!e.conversationId.isEmpty())
            inv.keys << QueryKey::ticket(ctx.org, e.conversationId);
        else
            inv.prefixes << QueryScope::of(
                QueryKey::Kind::Ticket, ctx.org); // only a ticket id: any ticket
        if (aboutOpenChat && !ctx.openConversationId.isEmpty()
            && !inv.keys.contains(QueryKey::ticket(ctx.org, ctx.openConversationId)))
            inv.keys << QueryKey::ticket(ctx.org, ctx.openConversationId);
    }
    return inv;
}

Invalidation invalidationForMutation(const QString& org, const QString& conversationId)
{
    Invalidation inv;
    inv.prefixes << QueryScope::of(QueryKey::Kind::Chats, org);
    if (!conversationId.isEmpty())
        inv.keys << QueryKey::ticket(org, conversationId);
    return inv;
}

} // namespace WhaTrack
