"""Demo credentials for stack.json, read from the backend's seed constants.

The backend seeds its database from devstack/backend/whatrack_ref/seed_constants.py. That file
is parsed, not imported: importing would pull in the backend's dependencies, which live in a
virtualenv this package must not need.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from .paths import SEED_CONSTANTS

PLACEHOLDER = "UNKNOWN-no-seed_constants.py"


def _literal_constants(path: Path) -> dict[str, Any]:
    """Module-level NAME = <literal> assignments (others are skipped)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    values: dict[str, Any] = {}
    for node in tree.body:
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        for target in targets:
            if isinstance(target, ast.Name) and value is not None:
                try:
                    values[target.id] = ast.literal_eval(value)
                except ValueError:
                    continue
    return values


def _first(values: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        if name in values:
            return values[name]
    return None


def _organizations(values: dict[str, Any]) -> list[dict[str, str]]:
    orgs = _first(values, ("DEMO_ORGANIZATIONS", "ORGANIZATIONS", "DEMO_ORGS"))
    if isinstance(orgs, (list, tuple)):
        result = []
        for org in orgs:
            if isinstance(org, dict) and "id" in org:
                result.append({"id": str(org["id"]), "name": str(org.get("name", org["id"]))})
            elif isinstance(org, (list, tuple)) and len(org) >= 2:
                result.append({"id": str(org[0]), "name": str(org[1])})
        if result:
            return result
    org_id = _first(values, ("DEMO_ORGANIZATION_ID", "DEMO_ORG_ID", "ORGANIZATION_ID", "ORG_ID"))
    org_name = _first(values, ("DEMO_ORGANIZATION_NAME", "DEMO_ORG_NAME", "ORGANIZATION_NAME", "ORG_NAME"))
    if org_id is not None:
        return [{"id": str(org_id), "name": str(org_name or org_id)}]
    return []


def demo_credentials(path: Path = SEED_CONSTANTS) -> tuple[dict[str, Any], str | None]:
    """The `demo` object of stack.json and, when incomplete, a note saying what is missing."""
    placeholder = {
        "email": PLACEHOLDER,
        "password": PLACEHOLDER,
        "organizations": [{"id": PLACEHOLDER, "name": PLACEHOLDER}],
    }
    if not path.is_file():
        return placeholder, f"{path} does not exist yet: demo credentials are placeholders"
    try:
        values = _literal_constants(path)
    except (OSError, SyntaxError) as exc:
        return placeholder, f"cannot parse {path}: {exc}"
    email = _first(values, ("DEMO_EMAIL", "DEMO_AGENT_EMAIL", "AGENT_EMAIL", "DEMO_USER_EMAIL"))
    password = _first(values, ("DEMO_PASSWORD", "DEMO_AGENT_PASSWORD", "AGENT_PASSWORD", "DEMO_USER_PASSWORD"))
    orgs = _organizations(values)
    missing = [n for n, v in (("email", email), ("password", password), ("organizations", orgs)) if not v]
    demo = {
        "email": str(email) if email else PLACEHOLDER,
        "password": str(password) if password else PLACEHOLDER,
        "organizations": orgs or placeholder["organizations"],
    }
    note = f"{path} has no demo {', '.join(missing)}" if missing else None
    return demo, note
