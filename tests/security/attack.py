"""Shared by the attack tests (a plain module: ``conftest`` names clash across folders)."""

from pathlib import Path

from hzserver_helpers import Api

REPO = Path(__file__).resolve().parents[2]
STRONG = "correct-horse-42"  # meets the password policy (>= 10 chars, not the user name)


def second_clinic(base: str, admin: Api, code: str, username: str) -> Api:
    """A community doctor of a second (demo) clinic, created through the admin API."""
    org = admin.ok(
        "POST",
        "/admin/organisations",
        201,
        json={"code": code, "name": f"DEMO {code}", "kind": "clinic", "is_demo": True},
    )
    body = {
        "username": username,
        "password": STRONG,
        "role": "community_doctor",
        "org_id": org["id"],
    }
    admin.ok("POST", "/admin/users", 201, json=body)
    return Api(base, username, STRONG)
