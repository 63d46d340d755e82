from tests.support.browser import browser, demo_site, page  # noqa: F401
