"""isisgraph: news about the campaign against ISIS → an auditable RDF knowledge graph."""

__version__ = "0.1.0"
