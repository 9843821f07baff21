"""The specialist directory: who a consult can be addressed to (read-only)."""

import uuid


def _names(api, **params) -> list[str]:
    out = api.ok("GET", "/directory/specialists", params=params)
    return [p["username"] for p in out["specialists"]]


def test_community_doctor_reads_active_specialists_and_pathologists(doctor):
    out = doctor.ok("GET", "/directory/specialists")["specialists"]
    by_name = {p["username"]: p for p in out}
    assert {"specialist", "pathologist"} <= set(by_name)
    assert "doctor" not in by_name and "admin" not in by_name  # only consultable roles
    sp = by_name["specialist"]
    assert sp["department"] == "cardiology" and sp["role"] == "specialist"
    assert sp["display_name"] and sp["organisation"].startswith("DEMO")
    assert set(sp) == {"id", "username", "display_name", "role", "department", "org_id",
                       "organisation"}  # fmt: skip
    assert by_name["pathologist"]["department"] == "pathology"


def test_every_regional_department_of_the_demo_has_someone(doctor):
    """A consult about a chest X-ray or a fundus photo finds a demo specialist in
    its department: no "nobody active" warning, nobody addressed by name."""
    from server.demo import ORGS

    departments = next(d for code, _n, _k, d in ORGS if code == "demo-regional")
    assert {"cardiology", "radiology", "ophthalmology", "pathology"} <= set(departments)
    for dept in departments:
        assert _names(doctor, department=dept), f"nobody in {dept}"
    assert "radiologist" in _names(doctor, department="radiology")
    assert "ophthalmologist" in _names(doctor, department="ophthalmology")


def test_workstation_demo_accounts_match_the_server_ones():
    """The same demo user names and departments on both sides, each name in
    Chinese and English."""
    from app.auth import DEMO_USERS
    from server.demo import ORGS, USERS

    local = {u[0]: u[4] for u in DEMO_USERS}
    assert local == {u[0]: u[4] for u in USERS}
    departments = next(d for code, _n, _k, d in ORGS if code == "demo-regional")
    assert set(departments) <= set(local.values())
    for username, display, *_ in DEMO_USERS:
        if username in ("radiologist", "ophthalmologist"):
            assert "(Dr " in display and any("\u4e00" <= c <= "\u9fff" for c in display)


def test_filter_by_department_and_inactive_users_are_left_out(doctor, specialist, admin):
    assert "specialist" in _names(doctor, department="cardiology")
    assert "pathologist" not in _names(doctor, department="cardiology")
    pathology = _names(specialist, department="pathology")  # specialists may read it too
    assert "pathologist" in pathology and "specialist" not in pathology
    regional = admin.ok("GET", "/auth/me")["organisation"]["id"]
    name = f"cardio-{uuid.uuid4().hex[:6]}"
    user = admin.ok("POST", "/admin/users", 201, json={
        "username": name, "password": "demo-x-password", "role": "specialist", "org_id": regional,
        "department": "cardiology", "display_name": "DEMO Second cardiologist",
    })  # fmt: skip
    assert name in _names(doctor, department="cardiology")
    admin.ok("POST", f"/admin/users/{user['id']}/deactivate")
    assert name not in _names(doctor)


def test_directory_is_read_only_and_needs_a_login(doctor, server):
    import httpx

    assert doctor.post("/directory/specialists").status_code == 405
    anon = httpx.get(f"{server.url}/api/v1/directory/specialists", timeout=30)
    assert anon.status_code == 401
