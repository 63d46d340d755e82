"""Writers of participation's files: the feedback of a consultation as CSV and XLSX."""
