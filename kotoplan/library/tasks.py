"""Background work of the library: a refresh of the search index too large for a request (every
plan with an indicator from statistics after an import, say)."""

from django_tasks import task

from .services import index_refresh

# The most plans a search request indexes again itself.
INLINE_MOST = 25


@task()
def refresh_search_index() -> int:
    """Bring the search index up to the audit trail, however many plans that takes."""
    return index_refresh().plans


def index_refresh_for_request() -> str:
    """What a search does first: a small refresh now, a large one left to the task (the search
    reads the index as it is meanwhile). Returns the index's version."""
    refresh = index_refresh(most=INLINE_MOST)
    if refresh.deferred:
        refresh_search_index.enqueue()
    return refresh.version
