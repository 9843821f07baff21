"""Crash-safe annotation autosave: snapshot + append-only journal."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from app.annotations import AnnotationDocument, load_geojson, make_feature


def point(i: int) -> dict:
    return make_feature({"type": "Point", "coordinates": [i, i]}, name=f"n{i}")


def test_edits_survive_without_close(tmp_path):
    path = tmp_path / "ann.geojson"
    doc = AnnotationDocument(path, snapshot_every=3, fsync=False)
    ids = [doc.add(point(i)) for i in range(8)]  # 10 edits: the last one only in the journal
    doc.remove([ids[0]])
    changed = dict(doc.features[ids[1]])
    changed["properties"] = {**changed["properties"], "name": "renamed"}
    doc.update(changed)
    # no close(): simulate a crash by just opening again
    again = AnnotationDocument(path, fsync=False)
    assert set(again.features) == set(ids[1:])
    assert again.features[ids[1]]["properties"]["name"] == "renamed"
    assert again.replayed > 0  # some edits came from the journal, not the snapshot
    again.close()
    doc._fh.close()
    # after a clean close the snapshot alone holds everything, as plain QuPath GeoJSON
    assert Path(str(path) + ".journal").read_bytes() == b""
    assert {f["id"] for f in load_geojson(path).features} == set(ids[1:])


def test_torn_last_line_is_dropped(tmp_path):
    path = tmp_path / "ann.geojson"
    doc = AnnotationDocument(path, snapshot_every=1000, fsync=False)
    for i in range(5):
        doc.add(point(i))
    doc._fh.write(b'{"seq": 6, "op": "put", "features": [{"type": "Fea')
    doc._fh.close()
    again = AnnotationDocument(path, fsync=False)
    assert len(again) == 5 and again.dropped_tail
    again.add(point(99))  # appends cleanly after the torn line was cut
    again._fh.close()
    third = AnnotationDocument(path, fsync=False)
    assert len(third) == 6 and not third.dropped_tail
    third.close()


CHILD = textwrap.dedent(
    """
    import sys
    from app.annotations import AnnotationDocument, make_feature
    doc = AnnotationDocument(sys.argv[1], snapshot_every=5, fsync=False)
    start = len(doc)
    if start == 0:  # a heavy document so snapshots take a while and get interrupted
        doc.put([make_feature({"type": "Polygon", "coordinates": [[[0, 0], [9, 0], [9, 9], [0, 0]]]},
                              object_type="detection", name=f"bulk{k}") for k in range(3000)])
        start = len(doc)
    print("ready", start, flush=True)
    i = 0
    while True:
        doc.add(make_feature({"type": "Point", "coordinates": [i, i]}, name=f"{sys.argv[2]}-{i}"))
        print(i, flush=True)
        i += 1
    """
)


def test_kill_9_during_autosave_loses_at_most_the_last_edit(tmp_path):
    path = tmp_path / "ann.geojson"
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    expected = 0
    for run, stop_after in enumerate((7, 23, 41, 64)):
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), f"r{run}"],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=root,
        )
        head = proc.stdout.readline().split()
        assert head[0] == "ready"
        assert int(head[1]) >= expected  # nothing acknowledged earlier was lost
        last = -1
        for line in proc.stdout:
            last = int(line)
            if last >= stop_after:
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        for line in proc.stdout:  # acknowledgements printed before the kill landed
            last = int(line)
        proc.stdout.close()
        doc = AnnotationDocument(path, fsync=False)
        names = {f["properties"].get("name") for f in doc.features.values()}
        acked = {f"r{run}-{i}" for i in range(last + 1)}
        assert acked <= names, f"lost acknowledged edits: {sorted(acked - names)[:5]}"
        extra = {n for n in names if n.startswith(f"r{run}-")} - acked
        assert extra <= {f"r{run}-{last + 1}"}  # at most the edit in flight
        json.loads(path.read_text("utf-8"))  # the snapshot is always complete JSON
        assert not list(tmp_path.glob(".*.tmp"))  # interrupted snapshot temp files cleaned
        expected = len(doc)
        doc._fh.close()
