"""ECG viewer: paper view in true millimetres with AI overlays."""
