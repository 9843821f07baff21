"""Translated names of the volume viewer (context "VolumeViewer")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def view_name(key: str) -> str:
    return {
        "axial": translate("VolumeViewer", "Axial"),
        "coronal": translate("VolumeViewer", "Coronal"),
        "sagittal": translate("VolumeViewer", "Sagittal"),
        "mip": translate("VolumeViewer", "MIP"),
        "minip": translate("VolumeViewer", "MinIP"),
        "average": translate("VolumeViewer", "Average"),
    }.get(key, key)


def preset_3d_name(key: str, default: str) -> str:
    return {
        "ct-bone": translate("VolumeViewer", "CT bone"),
        "ct-lung": translate("VolumeViewer", "CT lung"),
        "ct-soft-tissue": translate("VolumeViewer", "CT soft tissue"),
        "ct-muscle": translate("VolumeViewer", "CT muscle"),
        "ct-mip": translate("VolumeViewer", "MIP"),
    }.get(key, default)
