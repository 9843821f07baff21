"""Whole-slide images: ``SlideSource`` (read-region interface) and ``TileCache``."""

from app.slide.cache import TileCache
from app.slide.source import SlideError, SlideSource, detect_vendor, open_slide

__all__ = ["SlideError", "SlideSource", "TileCache", "detect_vendor", "open_slide"]
