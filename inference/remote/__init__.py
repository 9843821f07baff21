"""Remote inference over the Open Inference Protocol v2 (KServe, MLServer, Triton)."""

from inference.remote.oip import OipClient, RemoteError, RemoteUnavailable
from inference.remote.slot import RemoteSlot

__all__ = ["OipClient", "RemoteError", "RemoteSlot", "RemoteUnavailable"]
