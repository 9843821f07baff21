"""The report panel shared by every viewer, its PDF, and the consult view."""
