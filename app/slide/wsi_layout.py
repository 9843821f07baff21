"""Where every tile of a DICOM-WSI pyramid is, from its instances' headers (Qt-free, no numpy).

``layout_from_json(instances)`` takes the DICOM JSON of a slide's instances
(WADO-RS metadata, or ``Dataset.to_json_dict()`` of the files) and returns a
compact description the server keeps and sends in one small answer (Orthanc's
series ``/metadata`` reads every instance file: ~5 s for a 40k x 40k slide):

    {"mpp": [x, y] | None, "instances": [sop UID, ...],
     "levels": [{"width", "height", "tile_width", "tile_height",
                 "tiles": [[col, row, instance index, frame number], ...]}, ...]}

Levels are largest first; label and overview images are left out.  Tile
positions come from the per-frame functional groups, or for TILED_FULL
instances from the frame order (row-major, after the concatenation offset).
"""

from __future__ import annotations


def _first(item: dict, tag: str, default=None):
    values = (item.get(tag) or {}).get("Value") or [default]
    return values[0]


def _seq(item: dict, tag: str) -> list[dict]:
    return (item.get(tag) or {}).get("Value") or []


def _mpp(item: dict) -> list[float] | None:
    for shared in _seq(item, "52009229")[:1]:
        for measures in _seq(shared, "00289110")[:1]:
            ps = (measures.get("00280030") or {}).get("Value") or []
            if len(ps) == 2 and min(float(v) for v in ps) > 0:
                return [float(ps[1]) * 1000, float(ps[0]) * 1000]  # (column, row) spacing
    return None


def layout_from_json(instances: list[dict]) -> dict:
    """The compact pyramid layout (see the module text); ValueError when there is none."""
    levels: dict[tuple[int, int], dict] = {}
    spacing: dict[tuple[int, int], list[float]] = {}
    sops: list[str] = []
    for item in instances:
        image_type = (item.get("00080008") or {}).get("Value") or []
        if len(image_type) > 2 and image_type[2] not in ("VOLUME", "THUMBNAIL"):
            continue  # label, overview
        width, height = int(_first(item, "00480006", 0)), int(_first(item, "00480007", 0))
        tw, th = int(_first(item, "00280011", 0)), int(_first(item, "00280010", 0))
        if min(width, height, tw, th) <= 0:
            continue
        key = (width, height)
        level = levels.setdefault(
            key, {"width": width, "height": height, "tile_width": tw, "tile_height": th}
        )
        level.setdefault("tiles", [])
        index = len(sops)
        sops.append(str(_first(item, "00080018", "")))
        cols = (width + tw - 1) // tw
        count = int(_first(item, "00280008", 1) or 1)
        offset = int(_first(item, "00209228", 0) or 0)  # concatenation frame offset
        per_frame = _seq(item, "52009230")
        for k in range(count):
            pos = _seq(per_frame[k], "0048021A") if k < len(per_frame) else []
            if pos:
                col = (int(_first(pos[0], "0048021E", 1)) - 1) // tw
                row = (int(_first(pos[0], "0048021F", 1)) - 1) // th
            else:  # TILED_FULL: row-major frame order
                col, row = (offset + k) % cols, (offset + k) // cols
            level["tiles"].append([col, row, index, k + 1])
        if key not in spacing and (mpp := _mpp(item)) is not None:
            spacing[key] = mpp
    ordered = sorted(levels.values(), key=lambda lv: -lv["width"])
    if not ordered:
        raise ValueError("no pyramid level among the slide's instances")
    base = (ordered[0]["width"], ordered[0]["height"])
    return {"mpp": spacing.get(base), "instances": sops, "levels": ordered}


def layout_of_files(paths: list) -> dict:
    """``layout_from_json`` of DICOM files (headers only)."""
    import pydicom

    items = []
    for p in paths:
        ds = pydicom.dcmread(p, stop_before_pixels=True)
        items.append(ds.to_json_dict(1024, lambda _e: ""))
    return layout_from_json(items)
