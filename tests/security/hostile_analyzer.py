"""A test analyzer (``--plugin``) that misbehaves on request, like a model fed a
huge or hostile record: JSON files of modality OT saying ``{"hang": true}``
never finish, ``{"eat_mb": N}`` allocate N MiB, anything else is graded by its
``urgency``.  Loaded into the server and into every pre-read worker process."""

import json
import time

from server.preread import register


@register("OT", replace=True)
def hostile_grader(path):
    data = json.loads(path.read_text("utf-8"))
    if data.get("hang"):
        time.sleep(3600)
    if data.get("eat_mb"):
        hog = bytearray(data["eat_mb"] << 20)
        hog[::4096] = b"x" * len(hog[::4096])
    return {
        "urgency": data["urgency"],
        "summary": data.get("summary", ""),
        "findings": data.get("findings", []),
        "model": {"name": "test-hostile-grader", "version": "1"},
    }
