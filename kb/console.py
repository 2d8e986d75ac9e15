"""Console output of the long management commands (load_demo, import_projects,
rebuild_search, rebuild_matches): one progress bar and a summary instead of a
log line per task.

The bar is drawn only when the command's stdout is a terminal; piped or
logged output gets the summary alone. While the command runs, log records
below ERROR are held back from the console; the distinct warnings among them
are counted and named once in the summary."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

BAR_WIDTH = 30


class Progress:
    """``label [#######.......]  12/61`` on one line, redrawn in place."""

    def __init__(self, stream, total: int, label: str) -> None:
        self.stream = stream
        self.total = max(total, 0)
        self.label = label
        self.done = 0
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self._drawn = ""

    def advance(self, steps: int = 1) -> None:
        self.done = min(self.done + steps, self.total) if self.total else 0
        self._draw()

    def _draw(self) -> None:
        if not self.tty or not self.total:
            return
        filled = BAR_WIDTH * self.done // self.total
        line = (
            f"{self.label} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] "
            f"{self.done:>{len(str(self.total))}}/{self.total}"
        )
        if line != self._drawn:
            self.stream.write("\r" + line, ending="")
            self.stream.flush()
            self._drawn = line

    def finish(self) -> None:
        """Fills the bar (steps may be fewer than announced) and ends its line."""
        if self.tty and self.total:
            self.done = self.total
            self._draw()
            self.stream.write("")


class _HoldBack(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self.warnings: Counter[str] = Counter()
        self._last: logging.LogRecord | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR:
            return True
        # Each console handler asks about the same record: count it once.
        if record.levelno >= logging.WARNING and record is not self._last:
            self.warnings[record.getMessage()] += 1
        self._last = record
        return False


def _handlers() -> set[logging.Handler]:
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    # Only the plain console handlers of the LOGGING setting: handlers that
    # collect records (a test's log capture, a file) keep everything.
    return {
        handler
        for logger in loggers
        for handler in logger.handlers
        if type(handler) is logging.StreamHandler
    }


@contextmanager
def progress(stdout, total: int, label: str) -> Iterator[Progress]:
    """A progress bar on ``stdout`` with the console's logging held back;
    afterwards the distinct warnings are written once each."""
    bar = Progress(stdout, total, label)
    hold = _HoldBack()
    handlers = _handlers()
    for handler in handlers:
        handler.addFilter(hold)
    try:
        bar._draw()
        yield bar
    finally:
        for handler in handlers:
            handler.removeFilter(hold)
        bar.finish()
        for message, count in hold.warnings.most_common():
            times = f" ({count}×)" if count > 1 else ""
            stdout.write(f"Hinweis: {message}{times}")
