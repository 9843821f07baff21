"""A test analyzer loaded into the test server with ``--plugin``.

It grades JSON files of modality OT by what they say, so tests can drive the
real pre-read hook (worker thread, AI result, priority, alert, SSE) with
known inputs.  ``{"raise": true}`` makes it fail like a broken model would;
``{"sleep": s}`` makes it take ``s`` seconds (a worker can be killed meanwhile).
"""

import json
import time

from server.preread import register


@register("OT", replace=True)
def json_grader(path):
    data = json.loads(path.read_text("utf-8"))
    time.sleep(float(data.get("sleep", 0)))
    if data.get("raise"):
        raise RuntimeError("test analyzer asked to fail")
    return {
        "urgency": data["urgency"],
        "summary": data.get("summary", ""),
        "findings": data.get("findings", []),
        "model": {"name": "test-json-grader", "version": "1"},
    }
