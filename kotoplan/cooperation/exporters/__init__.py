"""Writers of the register's files: the calendar invitation of a meeting."""
