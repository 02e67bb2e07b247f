"""somevakt: a Norwegian municipality's social media guidelines, made real."""

__version__ = "0.1.0"
