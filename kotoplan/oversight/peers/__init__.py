"""Peer comparison: a municipality's plan figures beside municipalities of similar size and
foreign-language share."""
