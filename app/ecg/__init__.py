"""ECG signal model (``app.ecg.signal``) and format readers (Qt-free).

Nothing is imported here: the worklist reads ``app.ecg.analysis_notes`` without
paying for numpy, which ``app.ecg.signal`` needs."""
