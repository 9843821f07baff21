"""Roles and organisations: who sees and changes what (404 for what one may not see,
403 for what one sees but may not do)."""


def test_other_clinic_cannot_see_a_case(doctor, other_doctor):
    start = other_doctor.sequence()
    case = doctor.new_case("ECG", patient_id="ISO-A")
    r = other_doctor.get(f"/cases/{case['id']}")
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    assert other_doctor.patch(f"/cases/{case['id']}", json={"version": 1}).status_code == 404
    assert other_doctor.get(f"/cases/{case['id']}/objects").status_code == 404
    listed = [c["id"] for c in other_doctor.ok("GET", "/cases")["cases"]]
    assert case["id"] not in listed
    feed = other_doctor.ok("GET", "/changes", params={"since": start})["changes"]
    assert all(ch["case_id"] != case["id"] for ch in feed)
    assert doctor.get("/cases/999999").status_code == 404


def test_specialist_sees_only_consults_addressed_to_them(doctor, specialist, pathologist):
    case = doctor.new_case("ECG", patient_id="ISO-B")
    cid = case["id"]
    assert specialist.get(f"/cases/{cid}").status_code == 404
    consult = doctor.ok(
        "POST",
        f"/cases/{cid}/consults",
        201,
        json={"question": "ST elevation?", "urgency": "urgent", "target_department": "cardiology"},
    )
    assert specialist.get(f"/cases/{cid}").status_code == 200
    assert specialist.get(f"/consults/{consult['id']}").status_code == 200
    assert pathologist.get(f"/cases/{cid}").status_code == 404
    assert pathologist.get(f"/consults/{consult['id']}").status_code == 404
    mine = [c["id"] for c in pathologist.ok("GET", "/consults")["consults"]]
    assert consult["id"] not in mine
    # a second consult on the same case, to pathology: the specialist does not see it
    to_path = doctor.ok(
        "POST",
        f"/cases/{cid}/consults",
        201,
        json={"question": "Biopsy?", "target_department": "pathology"},
    )
    assert pathologist.get(f"/consults/{to_path['id']}").status_code == 200
    assert specialist.get(f"/consults/{to_path['id']}").status_code == 404
    seen = specialist.ok("GET", f"/cases/{cid}")["consults"]
    assert [c["id"] for c in seen] == [consult["id"]]


def test_roles_limit_actions(doctor, admin, specialist):
    case = doctor.new_case("CR")
    cid = case["id"]
    assert doctor.get("/admin/users").status_code == 403
    assert specialist.get("/admin/audit").status_code == 403
    assert admin.post("/cases", json={"patient": {}, "modality": "CR"}).status_code == 403
    assert admin.post(f"/cases/{cid}/alerts", json={"message": "x"}).status_code == 403
    assert admin.get(f"/cases/{cid}").status_code == 200  # admins may read
    r = doctor.post(f"/cases/{cid}/reports", json={"text": "normal"})
    assert r.status_code == 403


def test_event_stream_needs_a_token(server):
    import httpx

    r = httpx.get(f"{server.url}/api/v1/events", timeout=30)
    assert r.status_code == 401


def test_event_stream_takes_a_one_time_ticket_not_a_token_in_the_url(server, doctor):
    import httpx

    url = f"{server.url}/api/v1/events"
    refused = httpx.get(url, params={"access_token": doctor.token}, timeout=20)
    assert refused.status_code == 400 and refused.json()["error"] == "token_in_url"
    ticket = doctor.ok("POST", "/auth/stream-ticket")["ticket"]
    with httpx.stream("GET", url, params={"ticket": ticket}, timeout=20) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        assert next(r.iter_lines()).startswith("retry:")
    assert httpx.get(url, params={"ticket": ticket}, timeout=20).status_code == 401  # spent
