"""Load bench of several server nodes: 1 node, then 2 nodes behind HAProxy, in one run.

Both setups share one throw-away PostgreSQL (tests/pgserver.py), one data folder
and one ``huizhen-server worker``; HAProxy (Debian ``haproxy``) fronts either node
1 alone or nodes 1 and 2 (round robin, health checks, redispatch), so the proxy hop
is the same in both.  The load is bench/load.py's: N simulated clinics create a
case, upload a file in chunks, ask for a consult on every fourth case and pull the
changes feed.  Prints requests/s, p95 per step, errors and CPU per request per
setup, then the ratios 2 nodes / 1 node, the database bytes per case, and what
each open SSE stream costs a node per consult/alert change (bench/scale_sse.py).  SYNTHETIC data only.  Everything runs on this machine, so
the nodes, PostgreSQL, HAProxy and the load generator share its cores: the ratio
shows what a second node buys when cores are free, not a cluster of machines.

    .venv/bin/python bench/scale.py                    # ~1.5 min: 2 x 20 s of load
    .venv/bin/python bench/scale.py --seconds 60 --clinics 32
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO)]

from bench.load import Results, login, make_clinics, pct, run_clinics  # noqa: E402
from bench.scale_sse import fanout  # noqa: E402
from tests.pgserver import PostgresServer, free_port  # noqa: E402
from tests.scale.scale_helpers import HAProxy  # noqa: E402
from tests.server.hzserver_helpers import ServerProcess, WorkerProcess  # noqa: E402

STEPS = ("create case", "upload chunk", "upload complete", "changes")


def figures(res: Results, wall: float) -> dict:
    requests = sum(len(v) for k, v in res.times.items() if k != "upload whole file")
    out = {"req/s": requests / wall, "files/s": len(res.times["upload whole file"]) / wall}
    for step in STEPS:
        out[f"p95 {step}"] = pct(res.times.get(step, []), 95)
    out["errors"] = sum(res.errors.values())
    return out


def measured(url: str, users, args, node_pids: list[int], pg: PostgresServer) -> dict:
    """One setup's figures, with the CPU its server nodes and PostgreSQL used per request."""
    nodes0, db0 = cpu_of(node_pids), cpu_of(postgres_pids(pg))
    res, wall = run_clinics(url, users, args, min(2.0, args.seconds / 4))
    nodes1, db1 = cpu_of(node_pids), cpu_of(postgres_pids(pg))
    f = figures(res, wall)
    n = f["req/s"] * wall
    if n and nodes1:
        f["cpu ms/request"] = cpu_used(nodes0, nodes1) / n * 1000
        f["db cpu ms/request"] = cpu_used(db0, db1) / n * 1000
    return f


def show(name: str, f: dict) -> None:
    p95 = "  ".join(f"{k[4:]} {v:.0f} ms" for k, v in f.items() if k.startswith("p95") and v)
    print(f"{name:<10} {f['req/s']:7.0f} req/s {f['files/s']:6.1f} files/s  p95: {p95}  "
          f"errors={f['errors']}", flush=True)  # fmt: skip
    if "cpu ms/request" in f:
        node, db = f["cpu ms/request"], f["db cpu ms/request"]
        print(f"{'':<10} CPU per request: nodes {node:.1f} ms + PostgreSQL {db:.1f} ms "
              f"-> one core serves ~{1000 / (node + db):.0f} req/s of this mix "
              f"(nodes alone ~{1000 / node:.0f})", flush=True)  # fmt: skip


def cpu_of(pids: list[int]) -> dict[int, float]:
    """CPU seconds (user + system) each of ``pids`` has used (Linux /proc; empty elsewhere)."""
    out = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            out[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError, AttributeError):
            pass
    return out


def cpu_used(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds used between two ``cpu_of`` readings (processes started since count whole)."""
    return sum(v - before.get(pid, 0.0) for pid, v in after.items())


def postgres_pids(pg: PostgresServer) -> list[int]:
    """The postmaster and its children (backends, writers)."""
    try:
        master = int((pg.data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return []
    pids = [master]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == master:
                pids.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            pass
    return pids


def db_size(url: str) -> tuple[int, int, int]:
    """(database bytes, cases, objects) of the PostgreSQL database at ``url``."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            size = conn.scalar(text("SELECT pg_database_size(current_database())"))
            cases = conn.scalar(text("SELECT count(*) FROM cases"))
            objects = conn.scalar(text("SELECT count(*) FROM objects"))
    finally:
        engine.dispose()
    return int(size), int(cases), int(objects)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clinics", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=20, help="load per setup")
    ap.add_argument("--size-kib", type=int, default=256, help="bytes uploaded per case")
    ap.add_argument("--chunk-kib", type=int, default=128)
    ap.add_argument("--streams", type=int, default=100, help="SSE streams for the fan-out phase")
    ap.add_argument("--alerts", type=int, default=20, help="alerts of the fan-out phase")
    args = ap.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="hz-scale-"))
    pg = PostgresServer(Path(tempfile.mkdtemp(prefix="hz-scale-pg-")))  # the postgres user's
    pg.start()
    procs: list = []
    try:
        db = pg.create_database("hz_scale_bench")
        data = root / "data"
        nodes = []
        for i in (1, 2):
            node = ServerProcess(data, "--port", str(free_port()), db_url=db)
            node.log = root / f"n{i}.log"
            nodes.append(node)
        nodes[0].cli("init-demo")
        for node in nodes:
            procs.append(node.start())
        procs.append(WorkerProcess(data, db).start())
        addr = [n.url.removeprefix("http://") for n in nodes]
        one = HAProxy(root / "haproxy-1", {"n1": addr[0]}).start()
        two = HAProxy(root / "haproxy-2", {"n1": addr[0], "n2": addr[1]}).start()
        procs += [one, two]
        users = make_clinics(one.url, args.clinics)
        size0, cases0, _ = db_size(db)
        print(f"{args.clinics} clinics, {args.seconds:g} s per setup, {args.size_kib} KiB files, "
              f"{os.cpu_count()} cores shared by nodes, PostgreSQL, HAProxy and clients")  # fmt: skip
        node_pids = [n.proc.pid for n in nodes]
        f1 = measured(one.url, users, args, node_pids, pg)
        show("1 node", f1)
        f2 = measured(two.url, users, args, node_pids, pg)
        show("2 nodes", f2)
        ratios = [f"req/s x{f2['req/s'] / f1['req/s']:.2f}"] if f1["req/s"] else []
        for step in STEPS:
            a, b = f1[f"p95 {step}"], f2[f"p95 {step}"]
            if a and b:
                ratios.append(f"p95 {step} x{b / a:.2f}")
        print("ratio 2 nodes / 1 node: " + ", ".join(ratios))
        size1, cases1, objects1 = db_size(db)
        if cases1 > cases0:
            per = (size1 - size0) / (cases1 - cases0)
            print(f"database: {cases1 - cases0} cases added, {(size1 - size0) / 2**20:.1f} MiB "
                  f"({per / 1024:.1f} KiB per case with its file row, changes, audit)")  # fmt: skip
        if args.streams:
            clients = [login(nodes[0].url, u, "bench-password") for u in users[:8]]
            f = fanout(nodes[0].url, clients, args.streams, args.alerts,
                       lambda: sum(cpu_of([nodes[0].proc.pid]).values()))  # fmt: skip
            for c in clients:
                c.close()
            print(f"SSE fan-out on 1 node: {f['streams']} streams, {f['alerts']} alerts: "
                  f"{f['ms per alert alone']:.1f} ms CPU per alert with no stream, "
                  f"+{f['ms per stream wake']:.2f} ms per open stream per push change "
                  f"({f['events delivered']} events delivered: "
                  f"{f['ms per event delivered']:.1f} ms per woken stream)")  # fmt: skip
        print(f"errors={f1['errors'] + f2['errors']}")
        return 1 if f1["errors"] + f2["errors"] else 0
    finally:
        for p in reversed(procs):
            p.stop()
        pg.stop()
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(pg.root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
