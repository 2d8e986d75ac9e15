from .initiative import InitiativeIndexPage, InitiativePage
from .project import (
    ProjectGalleryImage,
    ProjectIndexPage,
    ProjectNeed,
    ProjectOffer,
    ProjectPage,
    ProjectPageTag,
    ProjectStatus,
)

__all__ = [
    "InitiativeIndexPage",
    "InitiativePage",
    "ProjectGalleryImage",
    "ProjectIndexPage",
    "ProjectNeed",
    "ProjectOffer",
    "ProjectPage",
    "ProjectPageTag",
    "ProjectStatus",
]
