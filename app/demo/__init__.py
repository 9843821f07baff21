"""Demo data: real sample files from pip packages, fictional patients marked DEMO."""
