"""Qt widgets. They display state and forward user intent; decisions live in core/."""
