"""Identifier helpers.

The ticket-era API validates stage and assignee ids as UUIDs (zod `.uuid()`), so every id here is
a UUID string. Seeded rows use UUIDs derived from a fixed random seed so demo ids are stable.
"""

from __future__ import annotations

import random
import secrets
import string
import uuid

_WAMID_ALPHABET = string.ascii_uppercase + string.digits


def new_id() -> str:
    """Random UUID v4 string for rows created at run time."""
    return str(uuid.uuid4())


def seeded_id(rng: random.Random) -> str:
    """Deterministic UUID v4 string drawn from `rng` (seed data)."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def stable_id(name: str) -> str:
    """UUID v5 of a name: lookup rows and demo organizations/users keep the same id everywhere."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"whatrack-ref:{name}"))


def new_wamid(rng: random.Random | None = None) -> str:
    """A Meta-looking message id (`wamid.HBg...`)."""
    pick = rng.choice if rng is not None else secrets.choice
    return "wamid.HBgM" + "".join(pick(_WAMID_ALPHABET) for _ in range(40))


def new_media_id(rng: random.Random | None = None) -> str:
    """A Meta media id: a long decimal number as a string."""
    if rng is not None:
        return str(rng.randrange(10**15, 10**16))
    return str(secrets.randbelow(9 * 10**15) + 10**15)
