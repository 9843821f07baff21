"""Qt user interface: shell, worklist, dialogs."""
