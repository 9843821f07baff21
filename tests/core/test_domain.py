import pytest

from app.domain import Modality, Status, TransitionError, check_transition


def test_lifecycle_forward_path_is_allowed():
    path = [
        Status.NEW,
        Status.AI_PREREAD,
        Status.AWAITING_REVIEW,
        Status.IN_CONSULT,
        Status.REPORTED,
        Status.SIGNED,
    ]
    for old, new in zip(path, path[1:], strict=False):
        check_transition(old, new)


@pytest.mark.parametrize(
    "old,new",
    [(Status.NEW, Status.SIGNED), (Status.SIGNED, Status.NEW), (Status.AI_PREREAD, Status.SIGNED)],
)
def test_lifecycle_rejects_skips(old, new):
    with pytest.raises(TransitionError):
        check_transition(old, new)


def test_dicom_modality_mapping():
    assert Modality.from_dicom("DX") is Modality.CR
    assert Modality.from_dicom("sm") is Modality.SM
    assert Modality.from_dicom("XYZ") is Modality.OTHER
