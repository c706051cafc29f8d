"""The debrief of a match as files a teacher can hand out: Markdown, CSV and a PNG of the charts.

Pure functions of the world and its turn reports (no pygame: the PNG's renderer is passed in).
"""

from __future__ import annotations

from .debrief import (
    DEBRIEF_FILES,
    ExportResult,
    criteria_csv,
    debrief_markdown,
    export_debrief,
)

__all__ = ["DEBRIEF_FILES", "ExportResult", "criteria_csv", "debrief_markdown", "export_debrief"]
