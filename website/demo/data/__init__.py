"""The demo content, one module per ArL region plus the editorial pages."""

from . import braunschweig, leine_weser, lueneburg, weser_ems

REGIONS = (braunschweig, leine_weser, lueneburg, weser_ems)
INITIATIVES = [spec for region in REGIONS for spec in region.INITIATIVES]
PROJECTS = [spec for region in REGIONS for spec in region.PROJECTS]
