"""Downloads of the dashboards."""
