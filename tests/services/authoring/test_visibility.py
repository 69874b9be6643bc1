"""Who may see a scenario's unpublished work: its author and admins, whoever asks for them
(the API's viewer or a service's actor)."""

from __future__ import annotations

from uuid import uuid4

import pytest

from rangex_graphql.api.viewer import Viewer
from rangex_graphql.models.enums import UserRole, VersionStatus
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.authoring.visibility import (
    Reader,
    can_see_unpublished,
    version_visible,
)

AUTHOR = uuid4()


@pytest.mark.parametrize(
    ("reader", "sees"),
    [
        (None, False),
        (Actor(id=uuid4()), False),
        (Actor(id=AUTHOR), True),
        (Actor(id=uuid4(), is_admin=True), True),
        (Viewer(id=uuid4(), role=UserRole.CREATOR), False),
        (Viewer(id=AUTHOR, role=UserRole.CREATOR), True),
        (Viewer(id=uuid4(), role=UserRole.ADMIN), True),
        # An admin's API token without the ADMIN scope is not an admin.
        (Viewer(id=uuid4(), role=UserRole.ADMIN, scopes=frozenset()), False),
    ],
)
def test_unpublished_work_is_for_its_author_and_admins(reader: Reader | None, sees: bool) -> None:
    assert can_see_unpublished(reader, AUTHOR) is sees
    assert version_visible(reader, VersionStatus.DRAFT, AUTHOR) is sees
    assert version_visible(reader, VersionStatus.PUBLISHED, AUTHOR) is True
