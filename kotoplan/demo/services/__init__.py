"""The demo data and the services that load it.

- `loader`: `DemoLoader` writes the demo through the domain services (idempotent);
- `references`: how the content names organisations ("mun:837", "national:kela", …);
- `content`: the organisations, users, plans, consultations, cooperation groups, observations and
  monitoring rounds of the demo, as data and the small services that write them.
"""
