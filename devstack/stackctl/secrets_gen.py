"""Per-run secrets. Fresh for every `up`, so nothing a test or a log saw stays valid."""

from __future__ import annotations

import secrets
from dataclasses import dataclass


@dataclass(frozen=True)
class RunSecrets:
    token_hmac_secret: str
    subscription_token_hmac_secret: str
    api_key: str
    webhook_secret: str

    @classmethod
    def generate(cls) -> RunSecrets:
        # The subscription token key equals the connection token key: the backend has one
        # --token-secret (docs/devstack.md) and signs both kinds of token with it.
        token = secrets.token_hex(32)
        return cls(
            token_hmac_secret=token,
            subscription_token_hmac_secret=token,
            api_key=secrets.token_hex(24),
            webhook_secret=secrets.token_hex(24),
        )
