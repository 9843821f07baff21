<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ImageViewer</name>
    <message>
        <source>Image %1 of %2</source>
        <translation>Image %1 of %2</translation>
    </message>
    <message>
        <source>W %1  L %2</source>
        <translation>W %1  L %2</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
</context>
<context>
    <name>VolumeViewer</name>
    <message>
        <source>Axial</source>
        <translation>Axial</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>Coronal</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>Sagittal</translation>
    </message>
    <message>
        <source>MIP</source>
        <translation>MIP</translation>
    </message>
    <message>
        <source>MinIP</source>
        <translation>MinIP</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>CT bone</source>
        <translation>CT bone</translation>
    </message>
    <message>
        <source>CT lung</source>
        <translation>CT lung</translation>
    </message>
    <message>
        <source>CT soft tissue</source>
        <translation>CT soft tissue</translation>
    </message>
    <message>
        <source>CT muscle</source>
        <translation>CT muscle</translation>
    </message>
    <message>
        <source>The volume could not be loaded.</source>
        <translation>The volume could not be loaded.</translation>
    </message>
    <message>
        <source>Gantry tilt of %1° corrected: slices shifted onto an orthogonal grid (MPR and 3D are resampled).</source>
        <translation>Gantry tilt of %1° corrected: slices shifted onto an orthogonal grid (MPR and 3D are resampled).</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <source>Preparing 3D…</source>
        <translation>Preparing 3D…</translation>
    </message>
    <message>
        <source>Rendering 3D…</source>
        <translation>Rendering 3D…</translation>
    </message>
    <message>
        <source>3D was stopped. Choose a 3D preset to prepare it again.</source>
        <translation>3D was stopped. Choose a 3D preset to prepare it again.</translation>
    </message>
    <message>
        <source>3D at 1/%1 resolution: this computer draws OpenGL in software (no graphics driver), full resolution would take seconds per frame.</source>
        <translation>3D at 1/%1 resolution: this computer draws OpenGL in software (no graphics driver), full resolution would take seconds per frame.</translation>
    </message>
    <message>
        <source>3D rendering is not available: %1</source>
        <translation>3D rendering is not available: %1</translation>
    </message>
    <message>
        <source>Crosshair</source>
        <translation>Crosshair</translation>
    </message>
    <message>
        <source>Rotate planes</source>
        <translation>Rotate planes</translation>
    </message>
    <message>
        <source>Drag in a plane to turn the other two planes about it (oblique MPR).</source>
        <translation>Drag in a plane to turn the other two planes about it (oblique MPR).</translation>
    </message>
    <message>
        <source>Straighten planes</source>
        <translation>Straighten planes</translation>
    </message>
    <message>
        <source>Slab</source>
        <translation>Slab</translation>
    </message>
    <message>
        <source>slices</source>
        <translation>slices</translation>
    </message>
    <message>
        <source>3D: %1</source>
        <translation>3D: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Loading volume…</source>
        <translation>Loading volume…</translation>
    </message>
    <message>
        <source>Oblique</source>
        <translation>Oblique</translation>
    </message>
</context>
</TS>
