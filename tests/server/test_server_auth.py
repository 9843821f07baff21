"""Login, refresh rotation, expiry, deactivation and how secrets are stored."""

import httpx
from hzserver_helpers import Api, wait_until


def test_wrong_password_is_401_with_a_clear_message(server):
    r = httpx.post(
        f"{server.url}/api/v1/auth/login",
        json={"username": "doctor", "password": "nope"},
        timeout=30,
    )
    assert r.status_code == 401
    assert r.json()["error"] == "bad_credentials"
    assert "password" in r.json()["detail"]


def test_missing_and_garbage_tokens_are_401(server):
    r = httpx.get(f"{server.url}/api/v1/cases", timeout=30)
    assert r.status_code == 401 and r.json()["error"] == "not_authenticated"
    r = httpx.get(f"{server.url}/api/v1/cases", headers={"Authorization": "Bearer xyz"}, timeout=30)
    assert r.status_code == 401 and r.json()["error"] == "token_invalid"
    assert r.headers["WWW-Authenticate"].startswith("Bearer error=")


def test_expired_token_is_401_then_refresh_rotates(server):
    # 5 s, not 1: the first /auth/me must come before the token expires, and a loaded
    # machine can take over a second between the login and it
    api = Api(server.url, "doctor", ttl_seconds=5)
    assert api.session["expires_in"] == 5
    assert api.get("/auth/me").status_code == 200
    expired = wait_until(lambda: (r := api.get("/auth/me")).status_code == 401 and r, timeout=60)
    assert expired.json()["error"] == "token_expired"
    assert "refresh" in expired.json()["detail"]

    old_refresh = api.session["refresh_token"]
    r = api.client.post("/auth/refresh", json={"refresh_token": old_refresh})
    assert r.status_code == 200
    api.token = r.json()["access_token"]
    assert api.get("/auth/me").json()["user"]["username"] == "doctor"
    # a refresh token works once; used again it ends the whole login (theft detection)
    again = api.client.post("/auth/refresh", json={"refresh_token": old_refresh})
    assert again.status_code == 401 and again.json()["error"] == "token_reused"
    assert api.get("/auth/me").status_code == 401
    # an access token is not a refresh token
    wrong = api.client.post("/auth/refresh", json={"refresh_token": api.token})
    assert wrong.status_code == 401


def test_logout_revokes_the_access_token(server):
    api = Api(server.url, "doctor")
    assert api.post("/auth/logout").status_code == 200
    assert api.get("/auth/me").json()["error"] == "token_revoked"


def test_admin_creates_and_deactivates_users(server, admin, doctor):
    orgs = {o["code"]: o for o in admin.ok("GET", "/organisations")["organisations"]}
    hospital = orgs["demo-regional"]
    body = {
        "username": "radiologist1",
        "password": "s3cret-pass",
        "role": "specialist",
        "org_id": hospital["id"],
        "department": "radiology",
    }
    assert doctor.post("/admin/users", json=body).status_code == 403
    user = admin.ok("POST", "/admin/users", 201, json=body)
    assert admin.post("/admin/users", json=body).json()["error"] == "username_taken"
    bad = dict(body, username="x", department="astrology")
    assert admin.post("/admin/users", json=bad).json()["error"] == "bad_department"

    rad = Api(server.url, "radiologist1", "s3cret-pass")
    assert rad.user["department"] == "radiology"
    admin.ok("POST", f"/admin/users/{user['id']}/deactivate")
    assert rad.get("/auth/me").status_code == 401
    r = rad.client.post("/auth/login", json={"username": "radiologist1", "password": "s3cret-pass"})
    assert r.status_code == 401

    audit = admin.ok("GET", "/admin/audit", params={"limit": 1000})["entries"]
    actions = {(a["username"], a["action"]) for a in audit}
    assert ("doctor", "denied") in actions
    assert ("admin", "user_admin") in actions
    assert ("radiologist1", "login") in actions


def test_passwords_and_tokens_are_not_stored_in_clear(server, doctor):
    from sqlalchemy import create_engine, text

    engine = create_engine(server.db_url)
    with engine.connect() as db:
        hashes = list(db.scalars(text("SELECT password_hash FROM users")))
        tokens = set(db.scalars(text("SELECT token_hash FROM tokens")))
    engine.dispose()
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    assert doctor.token not in tokens and len(tokens) > 0
