"""Traffic simulator: plays Meta (signed webhooks) and an agent (ticket PATCH/close).

Per tick it picks one action: an inbound customer message (existing seeded customer or a new
number), a message sent from the business phone (`message_echoes`), a batch of status updates
for earlier echoes (deliberately out of order, as Meta delivers them), or a ticket change by the
signed-in agent. It spreads over every seeded organization and stops cleanly on SIGINT/SIGTERM
or after `--duration`, printing a JSON summary on stdout.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import signal
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx

from whatrack_ref import metasig
from whatrack_ref.ids import new_media_id, new_wamid
from whatrack_ref.seed_data import ORGS, Contact, OrgDef, contacts_for

log = logging.getLogger("whatrack_ref.simulator")

WEBHOOK_PATH = "/api/v1/whatsapp/webhook"


@dataclass
class _PendingStatus:
    """Statuses Meta still owes for an outbound message; sent out of order on later ticks."""

    org: OrgDef
    instance: int
    wamid: str
    recipient: str
    statuses: list[str]
    sent_at: int


@dataclass
class _TicketPool:
    """Open tickets, stages and members of one org, refreshed from the API now and then."""

    org_id: str
    tickets: list[str] = field(default_factory=list)
    stages: list[dict[str, Any]] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    refreshed_at: float = 0.0


class Simulator:
    """Stateful traffic generator; `step()` performs one action."""

    def __init__(
        self,
        client: httpx.Client,
        webhook_secret: str,
        rng: random.Random,
        data_seed: int,
        email: str | None,
        password: str | None,
    ):
        self._client = client
        self._secret = webhook_secret
        self._rng = rng
        self._contacts = {org.key: contacts_for(org, data_seed) for org in ORGS}
        self._pending: list[_PendingStatus] = []
        self._email, self._password = email, password
        self._signed_in = False
        self._pools: dict[str, _TicketPool] = {}
        self.counts: Counter[str] = Counter()

    # -- actions -------------------------------------------------------------------------
    def step(self) -> None:
        actions = [(self.inbound, 45), (self.echo, 20), (self.statuses, 20)]
        if self._email and self._password:
            actions.append((self.ticket_change, 15))
        action = self._rng.choices([a for a, _ in actions], [w for _, w in actions])[0]
        try:
            action()
        except httpx.HTTPError as exc:
            self.counts["http_errors"] += 1
            log.warning("request failed: %s", type(exc).__name__)

    def inbound(self) -> None:
        org, instance = self._pick_org()
        contact = self._pick_contact(org)
        message: dict[str, Any] = {
            "from": contact.wa_id,
            "id": new_wamid(self._rng),
            "timestamp": str(int(time.time())),
            "type": "text",
        }
        roll = self._rng.random()
        if roll < 0.08:
            message.update(
                type="image",
                image={
                    "id": new_media_id(self._rng),
                    "mime_type": "image/jpeg",
                    "caption": self._rng.choice(org.captions),
                },
            )
        elif roll < 0.14:
            message.update(
                type="audio",
                audio={"id": new_media_id(self._rng), "mime_type": "audio/ogg; codecs=opus", "voice": True},
            )
        else:
            message["text"] = {"body": self._rng.choice(org.inbound)}
        if self._rng.random() < 0.05:
            message["referral"] = {
                "source_type": "ad",
                "source_id": str(self._rng.randrange(10**12)),
                "ctwa_clid": f"ARA{self._rng.randrange(10**9)}",
                "source_url": "https://fb.me/ad?utm_source=facebook&utm_medium=cpc&utm_campaign=sim",
            }
        value = {
            "messaging_product": "whatsapp",
            "metadata": self._metadata(org, instance),
            "contacts": [{"profile": {"name": contact.push_name or contact.wa_id}, "wa_id": contact.wa_id}],
            "messages": [message],
        }
        self._post(value, "messages")
        self.counts["inbound"] += 1

    def echo(self) -> None:
        org, instance = self._pick_org()
        contact = self._pick_contact(org, existing_only=True)
        wamid = new_wamid(self._rng)
        first = (contact.name or contact.push_name or "").split(" ")[0] or "tudo bem"
        message = {
            "from": org.instances[instance].phone_id,
            "to": contact.wa_id,
            "id": wamid,
            "timestamp": str(int(time.time())),
            "type": "text",
            "text": {"body": self._rng.choice(org.outbound).replace("{first}", first)},
        }
        value = {
            "messaging_product": "whatsapp",
            "metadata": self._metadata(org, instance),
            "message_echoes": [message],
        }
        self._post(value, "smb_message_echoes")
        self.counts["echo"] += 1
        chain = ["sent", "delivered", "read"] if self._rng.random() < 0.93 else ["sent", "failed"]
        self._pending.append(_PendingStatus(org, instance, wamid, contact.wa_id, chain, int(time.time())))

    def statuses(self) -> None:
        if not self._pending:
            self.inbound()
            return
        batch = self._rng.sample(self._pending, k=min(len(self._pending), self._rng.randint(1, 3)))
        for pending in batch:
            self._pending.remove(pending)
            entries = [self._status(pending, s, i) for i, s in enumerate(pending.statuses)]
            # Meta does not guarantee order: reversed in one delivery, or split over deliveries.
            self._rng.shuffle(entries)
            if self._rng.random() < 0.5:
                self._post(
                    {
                        "messaging_product": "whatsapp",
                        "metadata": self._metadata(pending.org, pending.instance),
                        "statuses": entries,
                    },
                    "messages",
                )
            else:
                for entry in entries:
                    self._post(
                        {
                            "messaging_product": "whatsapp",
                            "metadata": self._metadata(pending.org, pending.instance),
                            "statuses": [entry],
                        },
                        "messages",
                    )
            self.counts["statuses"] += len(entries)

    def ticket_change(self) -> None:
        if not self._ensure_signed_in():
            return
        pool = self._pool()
        if pool is None or not pool.tickets:
            self.inbound()
            return
        ticket_id = self._rng.choice(pool.tickets)
        headers = {"x-organization-id": pool.org_id}
        roll = self._rng.random()
        if roll < 0.1:
            body: dict[str, Any] = {"reason": self._rng.choice(("won", "lost"))}
            if body["reason"] == "won":
                body["dealValue"] = self._rng.randrange(100, 5000)
            response = self._client.post(f"/api/v1/tickets/{ticket_id}/close", json=body, headers=headers)
            pool.tickets.remove(ticket_id)
            kind = "ticket_close"
        else:
            open_stages = [s["id"] for s in pool.stages if not s["isClosed"]]
            patch: dict[str, Any] = {}
            if roll < 0.6 and open_stages:
                patch["stageId"] = self._rng.choice(open_stages)
            elif roll < 0.85 and pool.members:
                patch["assigneeId"] = self._rng.choice([*pool.members, None])
            else:
                patch["dealValue"] = round(self._rng.uniform(100, 8000), 2)
            response = self._client.patch(f"/api/v1/tickets/{ticket_id}", json=patch, headers=headers)
            kind = "ticket_patch"
        if response.status_code in (404, 409):
            pool.refreshed_at = 0.0  # closed meanwhile: refresh the pool next time
            self.counts[f"{kind}_stale"] += 1
        elif response.status_code >= 400:
            self.counts[f"{kind}_error"] += 1
            log.warning("%s -> HTTP %d", kind, response.status_code)
        else:
            self.counts[kind] += 1

    # -- helpers ------------------------------------------------------------------------
    def _pick_org(self) -> tuple[OrgDef, int]:
        org = self._rng.choices(ORGS, [o.chats for o in ORGS])[0]
        return org, self._rng.randrange(len(org.instances))

    def _pick_contact(self, org: OrgDef, existing_only: bool = False) -> Contact:
        if not existing_only and self._rng.random() < 0.1:  # a brand-new customer
            wa_id = "55" + self._rng.choice(("11", "21", "31")) + "9" + f"{self._rng.randrange(10**8):08d}"
            return Contact(wa_id, None, self._rng.choice(("Cliente", "Maria", "José", "Novo contato")))
        return self._rng.choice(self._contacts[org.key])

    @staticmethod
    def _metadata(org: OrgDef, instance: int) -> dict[str, str]:
        inst = org.instances[instance]
        return {
            "display_phone_number": "".join(ch for ch in inst.display_phone if ch.isdigit()),
            "phone_number_id": inst.phone_id,
        }

    def _status(self, pending: _PendingStatus, status: str, offset: int) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "id": pending.wamid,
            "status": status,
            "timestamp": str(pending.sent_at + 1 + offset),
            "recipient_id": pending.recipient,
        }
        if status == "failed":
            entry["errors"] = [{"code": 131026, "title": "Message undeliverable"}]
        return entry

    def _post(self, value: dict[str, Any], field_name: str) -> None:
        payload = {
            "object": "whatsapp_business_account",
            "entry": [{"id": "WABA_SIMULATED", "changes": [{"field": field_name, "value": value}]}],
        }
        body = json.dumps(payload, ensure_ascii=False).encode()
        response = self._client.post(
            WEBHOOK_PATH,
            content=body,
            headers={"Content-Type": "application/json", metasig.HEADER: metasig.sign(self._secret, body)},
        )
        if response.status_code != 200:
            self.counts["webhook_rejected"] += 1
            log.warning("webhook -> HTTP %d", response.status_code)
        else:
            self.counts["webhooks"] += 1

    def _ensure_signed_in(self) -> bool:
        if self._signed_in:
            return True
        response = self._client.post(
            "/api/v1/auth/sign-in/email", json={"email": self._email, "password": self._password}
        )
        if response.status_code != 200:
            log.error("agent sign-in failed (HTTP %d); ticket changes disabled", response.status_code)
            self._email = None
            return False
        self._signed_in = True
        orgs = self._client.get("/api/v1/auth/organization/list").json()
        self._pools = {o["id"]: _TicketPool(o["id"]) for o in orgs}
        log.info("agent signed in; member of %d organization(s)", len(self._pools))
        return True

    def _pool(self) -> _TicketPool | None:
        if not self._pools:
            return None
        pool = self._pools[self._rng.choice(sorted(self._pools))]
        if time.monotonic() - pool.refreshed_at > 30 or not pool.tickets:
            headers = {"x-organization-id": pool.org_id}
            chats = self._client.get("/api/v1/whatsapp/chats", headers=headers).json().get("items", [])
            pool.tickets = [c["currentTicket"]["id"] for c in chats if c.get("currentTicket")]
            pool.stages = self._client.get("/api/v1/ticket-stages", headers=headers).json().get("items", [])
            full = self._client.get(
                "/api/v1/auth/organization/get-full-organization", params={"organizationId": pool.org_id}
            ).json()
            pool.members = [m["userId"] for m in full.get("members", [])]
            pool.refreshed_at = time.monotonic()
        return pool


def run_simulator(args: argparse.Namespace) -> int:
    """CLI entry: run until the duration elapses or a signal arrives; print a JSON summary."""
    if args.rate <= 0:
        raise SystemExit("--rate must be > 0")
    stop = threading.Event()

    def _on_signal(signum: int, _frame: Any) -> None:
        log.info("signal %d: stopping", signum)
        stop.set()

    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    verify: Any = args.ca_cert if args.ca_cert else True
    interval = 1.0 / args.rate
    started = time.monotonic()
    deadline = started + args.duration if args.duration else None
    with httpx.Client(base_url=args.backend_url, timeout=10.0, verify=verify) as client:
        sim = Simulator(
            client, args.webhook_secret, random.Random(args.seed), args.data_seed, args.email, args.password
        )
        log.info("simulating %.2f events/s against %s", args.rate, args.backend_url)
        next_at = started
        while not stop.is_set() and (deadline is None or time.monotonic() < deadline):
            sim.step()
            next_at += interval
            delay = next_at - time.monotonic()
            if deadline is not None:
                delay = min(delay, deadline - time.monotonic())
            if delay > 0:
                stop.wait(delay)
            else:
                next_at = time.monotonic()  # fell behind: do not burst to catch up
    summary = {"elapsedSeconds": round(time.monotonic() - started, 2), **dict(sim.counts)}
    print(json.dumps(summary, sort_keys=True), flush=True)
    log.info("simulator stopped")
    return 0
