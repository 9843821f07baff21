"""AI nodules as spheres in the 3D view (VTK offscreen, read back; run under xvfb)."""

from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.gl


def test_nodule_spheres_are_rendered_where_the_nodules_are():
    from tests.imaging.test_render_3d import phantom
    from viewers.vtk_volume import render_array

    vol = phantom()  # SYNTHETIC: air with a soft-tissue and a bone block
    vol.array[:] = -1000  # only air: whatever shows is the marker
    centre = vol.index_to_patient(np.array([32.0, 32.0, 32.0]))
    plain = render_array(vol, "ct-bone", 128)
    marked = render_array(vol, "ct-bone", 128, markers=[(tuple(centre), 8.0, (0.2, 0.9, 0.3))])
    assert plain[60:68, 60:68].max() < 30  # nothing in the middle without the marker
    mid = marked[56:72, 56:72].reshape(-1, 3).mean(axis=0)
    assert mid[1] > 100 and mid[1] > 2 * mid[0] and mid[1] > 2 * mid[2]  # green sphere
    assert marked[:8, :8].max() < 30  # the corner stays background
