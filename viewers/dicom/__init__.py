"""DICOM image viewers (projection radiographs, single images, fundus photos)."""
