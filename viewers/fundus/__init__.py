"""Fundus screening viewer: both eyes side by side (right eye on the left of the
screen), linked zoom/pan, enhancement, AI lesion overlays and per-eye results."""
