"""One calm, readable look: Fusion style, light palette, CJK-capable font."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
)

STYLE = """
QTabBar::tab { padding: 6px 14px; }
QTabBar::tab:selected { font-weight: bold; }
QLabel#caseHeader { padding: 6px 8px; background: #f1f3f4; border-bottom: 1px solid #dadce0; }
QTableView { gridline-color: #e0e0e0; selection-background-color: #1a73e8; }
QHeaderView::section { padding: 4px; background: #f1f3f4; border: 0; border-right: 1px solid #dadce0;
                       border-bottom: 1px solid #dadce0; font-weight: bold; }
QStatusBar QLabel { padding: 0 8px; }
"""


def apply_style(app: QApplication, font_size: int = 10) -> None:
    app.setStyle(QStyleFactory.create("Fusion"))
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor("#fafafa"))
    pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#f6f8fa"))
    pal.setColor(QPalette.ColorRole.Highlight, QColor("#1a73e8"))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    app.setPalette(pal)
    families = set(QFontDatabase.families())
    font = QFont(app.font())
    for fam in CJK_FONTS:
        if fam in families:
            font.setFamilies([fam])
            break
    font.setPointSize(font_size)
    app.setFont(font)
    app.setStyleSheet(STYLE)


def set_font_size(app: QApplication, points: int) -> None:
    """Change the whole application's text size at run time (older users' setting)."""
    font = QFont(app.font())
    font.setPointSize(points)
    app.setFont(font)
    app.setStyleSheet(STYLE)  # re-polish so style-sheet widgets pick the new size up
