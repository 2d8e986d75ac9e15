"""Search and matching quality on content nobody here wrote (see README.md)."""
