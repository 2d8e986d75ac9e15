from ..taxonomy import (
    District,
    FieldOfAction,
    OfferNeedCategory,
    OrganisationType,
    Region,
    TargetGroup,
)
from .alliance import CallPage, Partner, PartnerDirectoryPage, Signature
from .articles import ArticleIndexPage, ArticlePage, StandardPage
from .curation import GoodExampleCollection, GoodExampleItem
from .events import EventIndexPage, EventKind, EventPage
from .images import ImageModeration

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "CallPage",
    "District",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "FieldOfAction",
    "GoodExampleCollection",
    "GoodExampleItem",
    "ImageModeration",
    "OfferNeedCategory",
    "OrganisationType",
    "Partner",
    "PartnerDirectoryPage",
    "Region",
    "Signature",
    "StandardPage",
    "TargetGroup",
]
