"""TEST ONLY faults of the token route (`--token-fault-file`, whatrack_ref/tokenfault.py)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Backend
from whatrack_ref import tokenfault
from whatrack_ref.tokenfault import TokenFault, parse_fault

TOKEN = "/api/v1/centrifugo/token"


@pytest.fixture
def faulty(make_backend: Any, tmp_path: Path) -> tuple[Backend, Path]:
    fault = tmp_path / "token-fault"
    # No rate limit: these tests call the route more than 5 times a minute on purpose.
    backend = make_backend(token_fault_file=str(fault), token_rate_limit=0)
    backend.sign_in()
    return backend, fault


def test_the_file_grammar() -> None:
    assert parse_fault("500") == TokenFault("status", 500)
    assert parse_fault("") == TokenFault("status", 500)
    assert parse_fault("429 30\n") == TokenFault("status", 429, 30)
    assert parse_fault("garbage") == TokenFault("garbage")
    assert parse_fault("no-token") == TokenFault("no-token")
    assert parse_fault("HANG") == TokenFault("hang")
    assert parse_fault("200") is None and parse_fault("soon") is None and parse_fault("429 -1") is None


def test_429_carries_retry_after(faulty: tuple[Backend, Path]) -> None:
    backend, fault = faulty
    fault.write_text("429 30")
    response = backend.get(TOKEN)
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "30"
    assert response.json()["retryAfter"] == 30 and "error" in response.json()


def test_garbage_and_tokenless_bodies_answer_200(faulty: tuple[Backend, Path]) -> None:
    backend, fault = faulty
    fault.write_text("garbage")
    response = backend.get(TOKEN)
    assert response.status_code == 200
    with pytest.raises(ValueError):
        response.json()
    fault.write_text("no-token")
    response = backend.get(TOKEN)
    assert response.status_code == 200 and "token" not in response.json()
    fault.unlink()
    assert "token" in backend.get(TOKEN).json()


def test_hang_answers_nothing_until_the_fault_is_cleared(
    faulty: tuple[Backend, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    backend, fault = faulty
    monkeypatch.setattr(tokenfault, "HANG_POLL_S", 0.05)
    fault.write_text("hang")
    answered: list[Any] = []
    caller = threading.Thread(target=lambda: answered.append(backend.get(TOKEN)))
    caller.start()
    caller.join(timeout=1.0)
    assert caller.is_alive() and not answered, "a hanging route answered"
    fault.unlink()
    caller.join(timeout=10)
    assert answered and answered[0].status_code == 200 and "token" in answered[0].json()


def test_hang_gives_up_after_its_limit(faulty: tuple[Backend, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    backend, fault = faulty
    monkeypatch.setattr(tokenfault, "HANG_POLL_S", 0.02)
    monkeypatch.setattr(tokenfault, "HANG_LIMIT_S", 0.2)
    fault.write_text("hang")
    assert backend.get(TOKEN).status_code == 504


def test_every_call_is_counted_next_to_the_fault_file(faulty: tuple[Backend, Path]) -> None:
    backend, fault = faulty
    before = time.time()
    assert backend.get(TOKEN).status_code == 200  # no fault yet: counted too
    fault.write_text("503")
    assert backend.get(TOKEN).status_code == 503
    calls = [float(line) for line in Path(str(fault) + ".calls").read_text().split()]
    assert len(calls) == 2 and all(before - 1 <= t <= time.time() + 1 for t in calls)


def test_the_rate_limit_still_comes_first(make_backend: Any, tmp_path: Path) -> None:
    fault = tmp_path / "token-fault"
    fault.write_text("500")
    backend = make_backend(token_fault_file=str(fault), token_rate_limit=2)
    backend.sign_in()
    assert [backend.get(TOKEN).status_code for _ in range(3)] == [500, 500, 429]
    assert len(Path(str(fault) + ".calls").read_text().split()) == 3
