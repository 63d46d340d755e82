"""Fixtures of the statistics tests."""

import pytest

from kotoplan.accounts.models import RoleAssignment
from tests.factories.accounts import RoleAssignmentFactory, UserFactory


@pytest.fixture
def statistics_importer(ministry):
    """A person of the ministry who imports statistics for every area."""
    user = UserFactory(username="tilastot")
    RoleAssignmentFactory(
        user=user, organisation=ministry, role=RoleAssignment.Role.STATISTICS_IMPORTER
    )
    return user
