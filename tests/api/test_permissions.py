"""``Allow``: who may use a field and which API-token scope a mutation needs, declared on
the field, with the messages and ``extensions.code`` each rule has always answered."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid4

import pytest
from strawberry.types.base import StrawberryObjectDefinition

from rangex_graphql.api.errors import Forbidden, Unauthenticated
from rangex_graphql.api.permissions import Allow
from rangex_graphql.api.schema import schema
from rangex_graphql.api.scopes import MUTATION_SCOPES
from rangex_graphql.api.viewer import Viewer
from rangex_graphql.models.enums import UserRole
from rangex_graphql.services.api_tokens import ApiScope

SELF = uuid4()
OTHER = uuid4()


@dataclass
class Source:
    pk: UUID


@dataclass
class FakeContext:
    viewer: Viewer | None


@dataclass
class FakeInfo:
    context: FakeContext


def person(role: UserRole, id: UUID = SELF) -> Viewer:
    return Viewer(id=id, role=role)


def token(role: UserRole, *scopes: ApiScope) -> Viewer:
    return Viewer(id=SELF, role=role, scopes=frozenset(scopes))


def check(allow: Allow, viewer: Viewer | None, on: UUID = OTHER) -> str | None:
    """None when allowed; otherwise the error's code and message."""
    (rule,) = allow.permissions
    info: Any = FakeInfo(FakeContext(viewer))
    try:
        allowed = rule.has_permission(Source(on), info)
    except (Forbidden, Unauthenticated) as error:
        return f"{(error.extensions or {})['code']}: {error.message}"
    if allowed:
        return None
    with pytest.raises(Forbidden) as refused:
        rule.on_unauthorized()
    return f"{(refused.value.extensions or {})['code']}: {refused.value.message}"


SEE = "UNAUTHENTICATED: sign in to see this"
DO = "UNAUTHENTICATED: sign in to do this"
ADMINS = "FORBIDDEN: only admins may see this"
AUTHORS = "FORBIDDEN: only creators and admins author scenarios"
PERSONS = "FORBIDDEN: API tokens cannot manage accounts or credentials"
SELF_ONLY = "FORBIDDEN: only this user may see this"
SELF_OR_ADMIN = "FORBIDDEN: only this user and admins may see this"
ADMIN = UserRole.ADMIN
CREATOR = UserRole.CREATOR
USER = UserRole.USER


@pytest.mark.parametrize(
    ("allow", "viewer", "on", "answer"),
    [
        (Allow(), None, OTHER, SEE),
        (Allow(), person(USER), OTHER, None),
        (Allow(role=ADMIN), None, OTHER, SEE),
        (Allow(role=ADMIN), person(CREATOR), OTHER, ADMINS),
        (Allow(role=ADMIN), person(ADMIN), OTHER, None),
        # A token acts as an admin only with the ADMIN scope.
        (Allow(role=ADMIN), token(ADMIN, ApiScope.READ), OTHER, ADMINS),
        (Allow(role=ADMIN), token(ADMIN, ApiScope.ADMIN), OTHER, None),
        (Allow(role=CREATOR), None, OTHER, DO),
        (Allow(role=CREATOR), person(USER), OTHER, AUTHORS),
        (Allow(role=CREATOR), person(CREATOR), OTHER, None),
        (Allow(role=CREATOR), person(ADMIN), OTHER, None),
        (Allow(tokens=False), None, OTHER, DO),
        (Allow(tokens=False), token(USER, ApiScope.READ), OTHER, PERSONS),
        (Allow(tokens=False), person(USER), OTHER, None),
        (Allow(self_=True), None, SELF, SEE),
        (Allow(self_=True), person(USER), SELF, None),
        (Allow(self_=True), person(ADMIN), OTHER, SELF_ONLY),
        (Allow(role=ADMIN, self_=True), person(USER), SELF, None),
        (Allow(role=ADMIN, self_=True), person(ADMIN), OTHER, None),
        (Allow(role=ADMIN, self_=True), person(CREATOR), OTHER, SELF_OR_ADMIN),
    ],
)
def test_each_rule_answers_as_before(
    allow: Allow, viewer: Viewer | None, on: UUID, answer: str | None
) -> None:
    assert check(allow, viewer, on) == answer


def mutation_fields() -> list[Any]:
    mutation = schema.get_type_by_name("Mutation")
    assert isinstance(mutation, StrawberryObjectDefinition)
    return mutation.fields


def test_every_mutation_but_signing_in_declares_who_may_call_it_on_its_field() -> None:
    public = set()
    for field in mutation_fields():
        allows = [e for e in field.extensions if isinstance(e, Allow)]
        assert len(allows) <= 1, field.name
        if not allows:
            public.add(schema.config.name_converter.from_field(field))
    assert public == {
        "accountRegister",
        "tokenCreate",
        "tokenCreateWithMfa",
        "tokenRefresh",
        "tokenRevoke",
        "passwordResetRequest",
        "passwordResetConfirm",
    }


def test_the_token_scopes_are_the_ones_the_fields_declare() -> None:
    names = schema.config.name_converter
    declared = {
        names.from_field(f): allow.scope
        for f in mutation_fields()
        for allow in f.extensions
        if isinstance(allow, Allow) and allow.scope is not None
    }
    assert dict(MUTATION_SCOPES) == declared
    assert MUTATION_SCOPES["sessionStart"] is ApiScope.SESSIONS
    assert MUTATION_SCOPES["versionReview"] is ApiScope.ADMIN
    assert MUTATION_SCOPES["notificationMarkRead"] is ApiScope.READ
    # No scope declared: closed to API tokens.
    assert "accountUpdate" not in MUTATION_SCOPES
    assert "userRoleUpdate" not in MUTATION_SCOPES
