#pragma once

//! \file tokenprovider.h
//! \brief Asynchronous source of connection and subscription tokens (the SDKs' getToken).

#include <QString>

#include <functional>

namespace Centrifuge {

struct TokenRequest
{
    enum class Kind { Connection, Subscription };
    Kind kind = Kind::Connection;
    QString channel; //!< set for Kind::Subscription
};

struct TokenReply
{
    enum class Status {
        Ok, //!< `token` holds the token; an empty token means anonymous (connection only)
        Unauthorized, //!< terminal: the user must sign in again; never retried
        Failed, //!< temporary: the client retries with backoff
    };
    Status status = Status::Failed;
    QString token;
    QString error; //!< plain-language cause for logs and the status panel; no secrets
    int retryAfterMs = -1; //!< a server-given wait (HTTP 429 Retry-After), -1 if none

    static TokenReply ok(QString token) { return {Status::Ok, std::move(token), {}, -1}; }
    static TokenReply unauthorized(QString why)
    {
        return {Status::Unauthorized, {}, std::move(why), -1};
    }
    static TokenReply failed(QString why, int retryAfterMs = -1)
    {
        return {Status::Failed, {}, std::move(why), retryAfterMs};
    }
};

//! Implemented by the application (for WhaTrack: GET /api/v1/centrifugo/token).
//!
//! `fetchToken` is called on the client's thread. The implementation must call `done` exactly
//! once, from any thread; the client marshals the reply back to its own thread and discards it
//! if the connection attempt or session that asked has ended meanwhile.
class TokenProvider
{
public:
    using Callback = std::function<void(TokenReply)>;
    virtual ~TokenProvider() = default;
    virtual void fetchToken(const TokenRequest& request, Callback done) = 0;
};

//! A provider backed by a plain function, handy for tests and the console.
class FunctionTokenProvider final : public TokenProvider
{
public:
    using Function = std::function<void(const TokenRequest&, Callback)>;
    explicit FunctionTokenProvider(Function f)
        : m_function(std::move(f))
    {
    }
    void fetchToken(const TokenRequest& request, Callback done) override
    {
        m_function(request, std::move(done));
    }

private:
    Function m_function;
};

} // namespace Centrifuge
