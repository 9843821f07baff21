<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ImageViewer</name>
    <message>
        <source>Image %1 of %2</source>
        <translation>第 %1 / %2 幅</translation>
    </message>
    <message>
        <source>W %1  L %2</source>
        <translation>窗宽 %1  窗位 %2</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>VolumeViewer</name>
    <message>
        <source>Axial</source>
        <translation>横断面</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>冠状面</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>矢状面</translation>
    </message>
    <message>
        <source>MIP</source>
        <translation>最大密度投影</translation>
    </message>
    <message>
        <source>MinIP</source>
        <translation>最小密度投影</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均密度投影</translation>
    </message>
    <message>
        <source>CT bone</source>
        <translation>CT 骨骼</translation>
    </message>
    <message>
        <source>CT lung</source>
        <translation>CT 肺</translation>
    </message>
    <message>
        <source>CT soft tissue</source>
        <translation>CT 软组织</translation>
    </message>
    <message>
        <source>CT muscle</source>
        <translation>CT 肌肉</translation>
    </message>
    <message>
        <source>The volume could not be loaded.</source>
        <translation>无法加载容积数据。</translation>
    </message>
    <message>
        <source>Gantry tilt of %1° corrected: slices shifted onto an orthogonal grid (MPR and 3D are resampled).</source>
        <translation>已校正 %1° 机架倾斜：层面已平移到正交网格上（MPR 与三维为重采样结果）。</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>Preparing 3D…</source>
        <translation>正在准备三维重建…</translation>
    </message>
    <message>
        <source>Rendering 3D…</source>
        <translation>正在渲染三维图像…</translation>
    </message>
    <message>
        <source>3D was stopped. Choose a 3D preset to prepare it again.</source>
        <translation>三维重建已停止。选择一个三维预设可重新准备。</translation>
    </message>
    <message>
        <source>3D at 1/%1 resolution: this computer draws OpenGL in software (no graphics driver), full resolution would take seconds per frame.</source>
        <translation>三维以 1/%1 分辨率显示：本机以软件方式绘制 OpenGL（无显卡驱动），全分辨率每帧需数秒。</translation>
    </message>
    <message>
        <source>3D rendering is not available: %1</source>
        <translation>无法进行三维渲染：%1</translation>
    </message>
    <message>
        <source>Crosshair</source>
        <translation>十字定位线</translation>
    </message>
    <message>
        <source>Rotate planes</source>
        <translation>旋转平面</translation>
    </message>
    <message>
        <source>Drag in a plane to turn the other two planes about it (oblique MPR).</source>
        <translation>在一个平面内拖动，可使另外两个平面绕其旋转（斜位 MPR）。</translation>
    </message>
    <message>
        <source>Straighten planes</source>
        <translation>复位平面</translation>
    </message>
    <message>
        <source>Slab</source>
        <translation>层块厚度</translation>
    </message>
    <message>
        <source>slices</source>
        <translation>层</translation>
    </message>
    <message>
        <source>3D: %1</source>
        <translation>三维：%1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Loading volume…</source>
        <translation>正在加载容积数据…</translation>
    </message>
    <message>
        <source>Oblique</source>
        <translation>斜位</translation>
    </message>
</context>
</TS>
