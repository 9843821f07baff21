"""Whole-slide analysis, classic image processing (no model weights needed).

Tissue detection at a low level (saturation + Otsu), nuclei detection over the
tissue tiles (colour deconvolution -> haematoxylin -> threshold ->
distance-transform watershed, as QuPath's cell detection) and a nuclear
density heatmap.  Results are QuPath GeoJSON labelled with the analyzer name
and version.  Long runs take a ``state`` (``app.jobs.TaskState``).
"""

from inference.wsi.heatmap import density_heatmap, save_heatmap
from inference.wsi.nuclei import (
    ANALYZER,
    VERSION,
    NucleiParams,
    NucleiResult,
    detect_nuclei,
    run_nuclei,
)
from inference.wsi.tissue import TissueMask, detect_tissue, tissue_mask_rgb

__all__ = [
    "ANALYZER",
    "VERSION",
    "NucleiParams",
    "NucleiResult",
    "TissueMask",
    "density_heatmap",
    "detect_nuclei",
    "detect_tissue",
    "run_nuclei",
    "save_heatmap",
    "tissue_mask_rgb",
]
