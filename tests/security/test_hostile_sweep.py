"""No 5xx from input anywhere (issue 13: 23 distinct requests answered 500).

Every operation in the server's own OpenAPI description is called with hostile
values in each path and query parameter and hostile JSON bodies (numbers of
2**63 and beyond, negative and fractional numbers, NUL and path separators,
very long strings, deep nesting, wrong types), as a community doctor and as an
admin.  Every answer must be a 2xx-4xx with a JSON error, never a 5xx.
"""

from __future__ import annotations

import itertools
import json

import httpx
import pytest
from hzserver_helpers import Api

HOSTILE = [
    2**63,
    2**64 + 1,
    -(2**63) - 1,
    -1,
    0,
    1.5,
    "1e309",
    "NaN",
    "../../etc/passwd",
    "a\x00b",
    "%00",
    "x" * 5000,
    "٣",
    "",
]


def deep(n: int) -> list:
    out: list = []
    for _ in range(n):
        out = [out]
    return out


def operations(spec: dict):
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if path.endswith(("/events", "/auth/logout")):
                continue  # a stream (test_sessions); logout would end the sweep's login
            yield path, method.upper(), op


def resolve(spec: dict, schema: dict) -> dict:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = spec["components"]["schemas"][name]
    return schema


def bodies(spec: dict, op: dict):
    content = op.get("requestBody", {}).get("content", {})
    if "application/json" not in content:
        if op.get("requestBody"):
            yield b"\x00" * 64
            yield b"[" * 100_000
        return
    schema = resolve(spec, content["application/json"]["schema"])
    props = list(schema.get("properties", {}))
    yield b"[" * 100_000 + b"]" * 100_000  # nesting far past any parser's recursion
    yield b'{"a": 1e999999}'
    yield from ([], "x", 2**64, None, {"__proto__": 1})
    for value in HOSTILE + [deep(200), {"a": [2**63]}, [None] * 1000]:
        yield dict.fromkeys(props, value)
    for prop, value in itertools.product(props, HOSTILE[:6]):
        yield {prop: value}


def fill(path: str, value) -> str:
    from urllib.parse import quote

    value = quote(str(value), safe="")
    out = path
    while "{" in out:
        start, end = out.index("{"), out.index("}")
        out = out[:start] + str(value) + out[end + 1 :]
    return out


@pytest.fixture(scope="module")
def spec(hz):
    return httpx.get(f"{hz.url}/openapi.json", timeout=30).json()


@pytest.mark.parametrize("who", ["doctor", "admin"])
def test_no_5xx_from_hostile_input(hz, spec, who):
    api = Api(hz.url, who)
    case = Api(hz.url, "doctor").new_case("ECG", patient_id="SWEEP-1")
    failures, sent, checked = [], 0, 0

    def send(method, url, **kw):
        nonlocal sent, api, checked
        sent += 1
        try:
            r = api.request(method, url, **kw)
        except httpx.TransportError as err:  # the server dropped the connection
            failures.append(f"{method} {url} {str(kw)[:200]} -> {type(err).__name__}")
            api = Api(hz.url, who)
            return
        if r.status_code == 401 and not url.startswith("/auth/"):
            api = Api(hz.url, who)  # a sweep request ended the login: sign in again
            r = api.request(method, url, **kw)
            assert r.status_code != 401, f"{method} {url}: {r.text}"
        checked += r.status_code != 401
        if r.status_code >= 500:
            failures.append(f"{method} {url} {kw.get('params')} {str(kw)[:200]} -> {r.status_code}")

    for path, method, op in operations(spec):
        url = path.removeprefix("/api/v1")
        queries = [p["name"] for p in op.get("parameters", []) if p["in"] == "query"]
        for value in HOSTILE:
            send(method, fill(url, value))
            for q in queries:
                send(method, fill(url, case["id"]), params={q: str(value)})
        for body in bodies(spec, op):
            if isinstance(body, bytes):
                kw = {"content": body}
            else:
                kw = {"content": json.dumps(body), "headers": {"Content-Type": "application/json"}}
            send(method, fill(url, case["id"]), **kw)
        for header in (
            {"If-Match": str(2**70)},
            {"If-Match": 'W/"x"'},
            {"Idempotency-Key": "k" * 300},
        ):
            send(method, fill(url, case["id"]), headers=header)
    assert sent > 1000 and checked > 1000  # the sweep reached the endpoints
    assert not failures, f"{len(failures)} of {sent} answered 5xx:\n" + "\n".join(failures[:40])
