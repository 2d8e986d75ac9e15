from .home import HomePage
from .topics import TopicPage

__all__ = ["HomePage", "TopicPage"]
