"""Huizhen core: Qt-free domain, store, import and sync logic."""

__version__ = "0.1.0"
