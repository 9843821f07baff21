"""Modality viewers (Qt).  See ``viewers.registry`` for how a viewer is found."""
