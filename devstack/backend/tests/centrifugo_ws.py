"""A minimal Centrifugo JSON-protocol client over `websockets`, for integration tests.

Commands are `{"id": N, "<method>": {...}}`; a frame may hold several newline-separated
replies/pushes; an empty object `{}` is a server ping that must be answered with `{}`.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Callable
from typing import Any

from websockets.asyncio.client import ClientConnection, connect


class CentrifugoWs:
    def __init__(self, ws: ClientConnection):
        self._ws = ws
        self._next_id = 0
        self._replies: dict[int, dict[str, Any]] = {}
        self._pushes: deque[dict[str, Any]] = deque()

    @classmethod
    async def open(cls, url: str) -> CentrifugoWs:
        return cls(await connect(url, open_timeout=10))

    async def close(self) -> None:
        await self._ws.close()

    async def command(self, method: str, params: dict[str, Any], timeout: float = 10.0) -> dict[str, Any]:
        """Send one command and return its reply (which may carry `error`)."""
        self._next_id += 1
        command_id = self._next_id
        await self._ws.send(json.dumps({"id": command_id, method: params}))
        async with asyncio.timeout(timeout):
            while command_id not in self._replies:
                await self._read()
        return self._replies.pop(command_id)

    async def publication(
        self, channel: str, match: Callable[[dict[str, Any]], bool], timeout: float = 10.0
    ) -> dict[str, Any]:
        """Wait for a `pub` push on `channel` whose data satisfies `match`; returns the data."""
        async with asyncio.timeout(timeout):
            while True:
                while self._pushes:
                    push = self._pushes.popleft()
                    pub = push.get("pub")
                    if push.get("channel") == channel and pub and match(pub.get("data", {})):
                        return pub["data"]
                await self._read()

    async def _read(self) -> None:
        frame = await self._ws.recv()
        for line in str(frame).split("\n"):
            if not line.strip():
                continue
            message = json.loads(line)
            if message == {}:
                await self._ws.send("{}")  # pong
            elif message.get("id"):
                self._replies[message["id"]] = message
            elif "push" in message:
                self._pushes.append(message["push"])
