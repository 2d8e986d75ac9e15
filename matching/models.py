"""Explained links between projects (filled in by the matching issue)."""
