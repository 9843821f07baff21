"""Fundus photo screening (Qt-free): gradability, anatomy, lesion candidates,
ICDR grade, DME suspicion and referral per eye; the worse eye decides a visit.

Built-in analysis is classical image processing (no trained network ships here),
explainable and not for clinical use; a trained ONNX classifier plugs in through
the model slot (``inference/fundus/model.py``, manifest in ``inference/models``).
"""
