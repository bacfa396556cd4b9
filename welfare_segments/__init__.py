"""welfare_segments: population-based, cross-sector welfare cost analysis."""

__version__ = "0.1.0"
