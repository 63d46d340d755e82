"""The regional, national and wellbeing services county dashboards, read from stored data."""
