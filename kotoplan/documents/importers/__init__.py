"""Importers parse a whole file first, then write the plan in one transaction (all or nothing)."""
