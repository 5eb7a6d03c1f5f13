"""Renderers: each takes the same CheckReport, so output formats cannot disagree."""
