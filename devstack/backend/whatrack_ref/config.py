"""Server settings, built by the CLI (flags or WHATRACK_* environment variables) or by tests."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

MESSAGE_SHAPES = ("ticket-era", "normalized")


@dataclass(frozen=True)
class Settings:
    """Everything the app factory needs. Immutable so request handlers can share it freely."""

    db_path: str
    #: HMAC key for Centrifugo connection tokens (Centrifugo's `client.token.hmac_secret_key`).
    token_secret: str
    token_ttl: int = 3600
    #: Token route calls allowed per client per minute; 0 disables the limit.
    token_rate_limit: int = 5
    #: Failed sign-ins allowed per minute per client address and per e-mail (a browser/app that
    #: signed in to that e-mail before is counted apart, see signin_throttle.py); 0 = off.
    sign_in_rate_limit: int = 5
    #: Largest request body accepted, in bytes (declared or streamed); larger ones get 413.
    max_body_bytes: int = 1024 * 1024
    #: Key for subscription tokens (`client.subscription_token.hmac_secret_key`); defaults to
    #: `token_secret` so one secret is enough for the devstack.
    subscription_token_secret: str | None = None
    #: Centrifugo HTTP API base, e.g. `http://127.0.0.1:8000/api`; None disables publishing.
    centrifugo_api_url: str | None = None
    centrifugo_api_key: str | None = None
    messages_channel: str = "org:{org}:messages"
    tickets_channel: str = "org:{org}:tickets"
    #: Meta app secret used for `X-Hub-Signature-256`; None rejects every webhook POST.
    webhook_secret: str | None = None
    #: `hub.verify_token` for Meta's GET verification handshake.
    webhook_verify_token: str = "whatrack_verify_token"
    message_shape: str = "ticket-era"
    #: Secret that signs the session cookie (better-auth's BETTER_AUTH_SECRET). Derived from the
    #: token secret when not given, so a restarted server keeps accepting existing cookies.
    auth_secret: str | None = None
    session_ttl: int = 7 * 24 * 3600
    cookie_secure: bool = False
    #: TEST ONLY (diagnostics and chaos tests): while this file exists, GET
    #: /api/v1/centrifugo/token misbehaves as it says ("500", "429 30", "garbage", "no-token",
    #: "hang"; tokenfault.py) and every call is logged to FILE.calls. None: off.
    token_fault_file: str | None = None

    def __post_init__(self) -> None:
        if self.message_shape not in MESSAGE_SHAPES:
            raise ValueError(f"message_shape must be one of {MESSAGE_SHAPES}")
        for template in (self.messages_channel, self.tickets_channel):
            if "{org}" not in template:
                raise ValueError(f"channel template {template!r} lacks '{{org}}'")
        if self.token_ttl <= 0:
            raise ValueError("token_ttl must be positive")
        if self.token_rate_limit < 0:
            raise ValueError("token_rate_limit must be >= 0")
        if self.sign_in_rate_limit < 0:
            raise ValueError("sign_in_rate_limit must be >= 0")
        if self.max_body_bytes <= 0:
            raise ValueError("max_body_bytes must be positive")

    @property
    def effective_auth_secret(self) -> str:
        if self.auth_secret:
            return self.auth_secret
        return hashlib.sha256(b"better-auth-cookie:" + self.token_secret.encode()).hexdigest()

    @property
    def effective_subscription_secret(self) -> str:
        return self.subscription_token_secret or self.token_secret

    def messages_channel_for(self, org_id: str) -> str:
        return self.messages_channel.replace("{org}", org_id)

    def tickets_channel_for(self, org_id: str) -> str:
        return self.tickets_channel.replace("{org}", org_id)
