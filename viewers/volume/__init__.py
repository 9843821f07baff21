"""Volume viewing: MPR planes with a linked crosshair and VTK volume rendering."""
