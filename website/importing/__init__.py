"""Import and export of projects in the flat file schema of ``docs/import.md``.

The schema (``schema.KEYS``) is the contract; ``rows`` turns raw file rows into
checked values, ``apply`` writes them as pages, ``export`` does the reverse and
``files`` reads and writes JSON and CSV.
"""

from .apply import ImportReport, import_rows
from .export import export_rows
from .files import read_rows, write_rows
from .schema import KEYS

__all__ = [
    "KEYS",
    "ImportReport",
    "export_rows",
    "import_rows",
    "read_rows",
    "write_rows",
]
