"""Writes of statistics: values (`values`), import runs (`runs`), the situation picture choice
(`situation`) and the Sotkanet catalogue (`catalogue`). Each module's docstring names its
invariants."""

from .catalogue import sotkanet_catalogue_update, sotkanet_regions_update
from .runs import (
    import_run_create,
    import_run_execute,
    import_runs_recover,
    import_uploads_purge,
    may_import_shared,
)
from .single import statistic_value_save
from .situation import situation_indicators_set
from .values import ImportCounts, catalogue_sync, statistic_values_import

__all__ = [
    "ImportCounts",
    "catalogue_sync",
    "import_run_create",
    "import_run_execute",
    "import_runs_recover",
    "import_uploads_purge",
    "may_import_shared",
    "situation_indicators_set",
    "sotkanet_catalogue_update",
    "sotkanet_regions_update",
    "statistic_value_save",
    "statistic_values_import",
]
