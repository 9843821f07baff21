"""Qt-free AI inference shared by every modality: manifests, registry, runtime.

Every result names the model and version that produced it.
"""
