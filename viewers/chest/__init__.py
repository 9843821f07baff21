"""Chest AI in the image viewer: the nodule list and its marks in 2D, MPR and 3D."""
