"""Chest AI (Qt-free): lung nodules on CT with Lung-RADS v2022 and Fleischner 2017."""
