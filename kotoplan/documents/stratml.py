"""StratML Part 2 (Performance Plan or Report, schema 2.2.6): where it lives and how we map it.

Mapping (the schema allows no nesting of Objective in Objective and no Relationship on an
Objective, so measures are *narrower objectives by sequence*):

- plan → `PerformancePlanOrReport Type="Performance_Plan"`; municipalities → `Organization`
  (Identifier `municipality-<code>`), period → `AdministrativeInformation` Start/EndDate,
  decision date → `PublicationDate`, contact → `Submitter`;
- theme → `Goal` (Identifier `theme-<code>`, SequenceIndicator = theme order);
- objective → `Objective` in its theme's Goal (Identifier `o-<key>`, SequenceIndicator `t.n`);
  target groups → `Stakeholder` (Generic_Group) with RoleType `Beneficiary`;
- measure → `Objective` right after its objective in the same Goal (Identifier `m-<key>`,
  SequenceIndicator `t.n.m`: narrower than `t.n`); responsible party and partners →
  `Stakeholder` (Organization) with RoleType `Performer` (role names "responsible" / "partner");
- indicator → `PerformanceIndicator` of its objective; name → MeasurementDimension, unit →
  UnitOfMeasurement, link to its measure → `Relationship` (Narrower_Than, ReferentIdentifier
  `m-<key>`); target value/year → `TargetResult`, baseline value/year → `ActualResult`.

Kotoplan details the schema has no element for (texts in the other languages, schedules,
statuses, directions, plan fields) travel as a JSON object in `OtherInformation`, prefixed
with `kotoplan:`. A file from elsewhere imports without them.
"""

from functools import cache
from pathlib import Path

from django.conf import settings

NS = "urn:ISO:std:iso:17469:tech:xsd:PerformancePlanOrReport"
EXTRA_PREFIX = "kotoplan:"
SCHEMA_FILE = "PerformancePlanOrReport20160216.xsd"


def schema_path() -> Path:
    """KOTOPLAN_STRATML_XSD, else ../shared/data/stratml/ beside the repository."""
    configured = getattr(settings, "KOTOPLAN_STRATML_XSD", "")
    if configured:
        return Path(configured)
    return Path(settings.BASE_DIR).parent / "shared" / "data" / "stratml" / SCHEMA_FILE


@cache
def _schema(path: str):
    import xmlschema

    return xmlschema.XMLSchema(path)


def schema():
    """The XMLSchema object, or None when the schema file is not available."""
    path = schema_path()
    if not path.is_file():
        return None
    return _schema(str(path))
