"""Series loading, volumes, reslicing and exports for DICOM imaging (Qt-free)."""
