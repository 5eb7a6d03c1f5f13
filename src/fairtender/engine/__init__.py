"""Evaluation of rules and clause templates over an analysed document."""
