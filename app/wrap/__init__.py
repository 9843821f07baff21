"""Originals wrapped as DICOM objects when they go to the server or the PACS
(Qt-free): fundus camera photos as Ophthalmic Photography (``op``), and others."""
