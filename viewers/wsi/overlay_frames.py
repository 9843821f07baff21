"""The view's overlay as one composite, merged with the slide, for ``OverlayRenderer``.

A frame's plan (which layers, vectors or raster tiles, the tile zoom and the
tile range in view) is computed once per view.  The composite of the view
and ``MARGIN`` tiles around it is asked for once all its tiles are drawn
(meanwhile, the largest drawn range around the view, so a pan right after a
zoom or a new layer leaves per-tile painting early); the worker assembles it
(``Composer``) and paints the slide's tiles under it (``view_image``), so a
pan frame with a million detections is one opaque blit.
"""

from __future__ import annotations

import math

from PySide6.QtGui import QPainter

from viewers.wsi.overlay_composite import MARGIN, Composer, Span

TILE = 256
VECTOR_MAX_DS = 2.0  # at most this many level-0 px per screen px for vectors
VECTOR_MAX = 12000  # and no more than this many objects in view (~1 µs each to draw)


def bucket(downsample: float) -> int:
    return int(2 ** max(0, math.ceil(math.log2(max(downsample, 1.0)) - 1e-9)))


class CompositeFrames:
    """Mixin of ``OverlayRenderer``: its layers, tile cache, worker and ``Composer``."""

    def _under_detections(self) -> bool:
        """Is a raster layer (a heatmap) drawn between the slide and the detections?"""
        return any(r.visible and r.values.dtype != bool for r in self.rasters)

    def _plan(self, vp):
        """(layers, vector, z, key, need, limit) of this view; need None when off the layers."""
        layers = [d for d in self.detections if d.visible and len(d.data)]
        state = (vp.cx, vp.cy, vp.downsample, vp.view_w, vp.view_h)
        state += tuple((d.id, d.gen, d.opacity) for d in layers)
        if self._plan_cache is not None and self._plan_cache[0] == state:
            return self._plan_cache[1]
        plan = None
        if layers:
            x, y, w, h = vp.visible()
            reach = sum(d.data.count_in(x, y, x + w, y + h) for d in layers)
            vector = vp.downsample <= VECTOR_MAX_DS and reach <= VECTOR_MAX
            z = round(vp.downsample, 4) if vector else bucket(vp.downsample)
            span = TILE * z
            ext = [d.data.extent() for d in layers]
            bx0, by0 = max(min(e[0] for e in ext), 0), max(min(e[1] for e in ext), 0)
            bx1, by1 = max(max(e[2] for e in ext), 0), max(max(e[3] for e in ext), 0)
            need = Span(
                int(max(x, bx0) // span),
                int(max(y, by0) // span),
                int(max(min(x + w, bx1), 0) // span),
                int(max(min(y + h, by1), 0) // span),
            )
            if need.c1 < need.c0 or need.r1 < need.r0:
                need = None
            limit = Span(int(bx0 // span), int(by0 // span), int(bx1 // span), int(by1 // span))
            plan = (layers, vector, z, Composer.key(layers, z, vp.downsample), need, limit)
        self._plan_cache = (state, plan)
        return plan

    def merged(self, vp):
        """(image, top left) of the slide and the overlay in one, when built for this view.

        The canvas draws it instead of the slide tiles under it and passes
        ``merged=True`` to ``paint``.  While the view's composite has none,
        this asks for it, or lists the slide tiles it waits for in
        ``slide_wanted``.
        """
        self.slide_wanted = []
        if self.hidden or not self.use_composite or self.base is None:
            return None
        if self._under_detections():  # a heatmap goes between slide and detections
            return None
        plan = self._plan(vp)
        if plan is None or plan[4] is None:
            return None
        comp = self._composer.covering(plan[3], plan[4])
        if comp is None:
            return None
        if comp.merged is None:
            self.slide_wanted = self.base.missing(comp.ds, comp.box)
            if not self.slide_wanted:
                with self._cond:
                    self._composer.ask_merge(comp)
                    self._cond.notify_all()
            return None
        return comp.merged, Composer.top_left(comp, vp)

    def _paint_composite(self, p: QPainter, vp, plan, blit: bool) -> tuple[bool, list]:
        """One blit of the view's composite if built; else the tiles the next one needs.

        The worker renders those tiles (nearest the view first); once every
        one is cached it assembles them (``Composer``).
        """
        layers, _vector, z, key, need, limit = plan
        if need is None:
            return False, []
        drawn, target = self._composer.paint(p, vp, key, need, limit, z, blit)
        if target is None:
            return drawn, []
        if self.base is not None:  # its slide tiles load meanwhile, to be merged in one go
            s = TILE * z
            box = (target.c0 * s, target.r0 * s, (target.c1 + 1) * s, (target.r1 + 1) * s)
            self.slide_wanted = self.slide_wanted + self.base.missing(vp.downsample, box)
        cx, cy = (need.c0 + need.c1) / 2, (need.r0 + need.r1) / 2
        cells = sorted(
            (
                (c, r)
                for r in range(target.r0, target.r1 + 1)
                for c in range(target.c0, target.c1 + 1)
            ),
            key=lambda t: (t[0] - cx) ** 2 + (t[1] - cy) ** 2,
        )
        with self._cond:
            around = [
                ((d.id, d.gen, z, c, r), d)
                for d in layers
                for c, r in cells
                if (d.id, d.gen, z, c, r) not in self._tiles
            ]
            if not around:  # every tile is drawn: assemble them off the UI thread
                self._composer.ask(key, target, z, vp.downsample)
                self._cond.notify_all()
            elif not drawn:  # meanwhile the view and what is drawn around it, if all drawn
                cached = self._cached_span(layers, z, need, limit)
                if cached is not None:
                    self._composer.ask(key, cached, z, vp.downsample)
                    self._cond.notify_all()
        return drawn, around

    def _cached_span(self, layers, z, need: Span, limit: Span) -> Span | None:
        """The largest of ``need`` grown by 0..MARGIN tiles whose every tile is drawn (lock held)."""

        def drawn(span: Span) -> bool:
            return all(
                (d.id, d.gen, z, c, r) in self._tiles
                for d in layers
                for r in range(span.r0, span.r1 + 1)
                for c in range(span.c0, span.c1 + 1)
            )

        best = None
        for k in range(MARGIN + 1):
            span = need.grown(k, limit)
            if not drawn(span):
                break
            best = span
        return best

    def _build_composite(self) -> None:
        req = self._composer.take()
        # merged with the slide unless a raster layer has to go between them
        base = None if self._under_detections() else self.base
        if req is None:
            comp = self._composer.take_merge()
            if comp is not None and base is not None:
                try:
                    self._composer.merge(comp, base)
                finally:
                    self._composer.done()
            return
        key, _span, z, ds = req
        layers = [d for d in self.detections if d.visible and len(d.data)]
        if Composer.key(layers, z, ds) != key:  # the layers changed since it was asked for
            self._composer.done()
            return
        try:
            self._composer.build(
                req,
                layers,
                lambda d, c, r: self._cached_tile(d, z, c, r),
                lambda: self._stop,
                base,
            )
        finally:
            self._composer.done()
