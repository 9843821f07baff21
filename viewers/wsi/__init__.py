"""Whole-slide viewer (Qt): tiles from ``app.slide``, newest request first."""
