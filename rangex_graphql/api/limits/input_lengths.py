"""The longest string each argument and input field takes, declared once per field.

A limit comes from the column the value ends in or is compared with (the Tortoise field's
``max_length``), so a value longer than its column is refused before any query instead of
failing inside one; text columns and values stored nowhere have explicit limits here.
Coordinates are GraphQL schema coordinates: ``Query.team(slug:)`` for an argument,
``ScenarioFilter.tag`` for an input field. A list's limit applies to each of its items.

IDs and page cursors (``after``, ``before``) share one limit each; ``document`` adds
"At most N characters." to the description of every field declared here.
"""

from __future__ import annotations

from graphql import (
    GraphQLArgument,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
    get_nullable_type,
    is_list_type,
)
from tortoise.fields import CharField
from tortoise.models import Model

from ...models import (
    ApiToken,
    AuditLog,
    Event,
    EventScenario,
    Hint,
    ImageVariant,
    Machine,
    Question,
    RegistryCredential,
    Scenario,
    ScenarioTag,
    Team,
    User,
)
from ...services.authoring.question_rules import MAX_ATTEMPTS, POINTS
from ...services.authoring.validation import (
    ESTIMATED_MINUTES,
    MISSION_MAX_LENGTH,
    SOLUTION_MAX_LENGTH,
    TIME_LIMIT_MINUTES,
)
from ...services.authoring.yaml_loader import MAX_DOCUMENT_BYTES
from ...services.budgets.update import REASON_MAX_LENGTH as BUDGET_REASON_MAX_LENGTH
from ...services.files.rules import FILENAME_MAX_LENGTH, TARGET_PATH_MAX_LENGTH
from ...services.hints.rules import MAX_BODY as MAX_HINT_BODY
from ...services.images.catalog import TOOL_MAX_LENGTH
from ...services.images.credentials import SECRET_MAX_LENGTH as REGISTRY_SECRET_MAX_LENGTH
from ...services.sessions.answers import MAX_VALUE_LENGTH

STRING_TYPES = frozenset({"String", "ID"})
# Global IDs are about 60 characters; cursors hold a sort value (a title, say) and an ID.
ID_MAX_LENGTH = 100
CURSOR_MAX_LENGTH = 1_000
CURSOR_ARGUMENTS = frozenset({"after", "before"})
# Text columns (no length of their own) and values stored nowhere. Above the services' own
# limits (a comment's 2,000), which stay payload errors.
TEXT_MAX_LENGTH = 10_000
# Above an answer value's own 10,000 (services.sessions.answers), a payload error.
ANSWER_MAX_LENGTH = 2 * MAX_VALUE_LENGTH
# A version's Markdown texts (mission, solution, code of ethics): above the longest the
# authoring rules take (50,000), which stay payload errors.
MARKDOWN_MAX_LENGTH = 2 * max(MISSION_MAX_LENGTH, SOLUTION_MAX_LENGTH)
SEARCH_MAX_LENGTH = 200
SECRET_MAX_LENGTH = 512  # one-time and refresh tokens, MFA challenges and codes
# Above the password policy's own maximum, so that a new password too long for the policy
# gets its payload error; hashed, never stored.
PASSWORD_MAX_LENGTH = 1_024
ENVIRONMENT_NAME_MAX_LENGTH = 128
ENVIRONMENT_VALUE_MAX_LENGTH = 4_096
TYPE_NAME_MAX_LENGTH = 100
# Uploads and assets: twice the services' own limits, which stay payload errors.
CONTENT_TYPE_MAX_LENGTH = 200
ASSET_INPUTS = ("AssetTargetInput", "VersionAssetUpdateInput")
TEAM_COUNTRY_MAX_LENGTH = 10
# Anything a test has not seen declared yet: refused above this rather than unbounded.
UNDECLARED_MAX_LENGTH = 1_000


def column(model: type[Model], name: str) -> int:
    """The length of the character column ``model.name``."""
    field = model._meta.fields_map[name]
    if not isinstance(field, CharField):
        raise TypeError(f"{model.__name__}.{name} is no character column")
    return int(field.max_length)


def _declared() -> dict[str, int]:
    email, username = column(User, "email"), column(User, "username")
    display_name = column(User, "display_name")
    machine = {
        "name": column(Machine, "name"),
        "imageRef": column(Machine, "image_ref"),
        "networkGroup": column(Machine, "network_group"),
        "startupCommands": 2_000,
        "capabilities": 64,
    }
    question = {  # an expected answer or choice longer than any answer could never match
        "prompt": TEXT_MAX_LENGTH,
        "expectedAnswers": MAX_VALUE_LENGTH,
        "choices": MAX_VALUE_LENGTH,
        "sessionFlagEnv": column(Question, "session_flag_env"),
    }
    event = {"title": column(Event, "title"), "description": TEXT_MAX_LENGTH}
    scenario = {
        "title": column(Scenario, "title"),
        "description": TEXT_MAX_LENGTH,
        "category": column(Scenario, "category"),
        "tags": column(ScenarioTag, "tag"),
    }
    team = {
        "name": column(Team, "name"),
        "description": TEXT_MAX_LENGTH,
        "motto": column(Team, "motto"),
        # Above the column's 2, so that a near miss ("MYS") is the service's payload error.
        "country": TEAM_COUNTRY_MAX_LENGTH,
    }
    # Above the hint rules' own body limit, which stays a payload error.
    hint = {"title": column(Hint, "title"), "body": 2 * MAX_HINT_BODY}
    asset = {
        "filename": 2 * FILENAME_MAX_LENGTH,
        "description": TEXT_MAX_LENGTH,
        "machineName": 2 * column(Machine, "name"),
        "targetPath": 2 * TARGET_PATH_MAX_LENGTH,
    }
    # Above the catalog's and the credentials' own limits (payload errors with a path).
    image = {
        "name": column(ImageVariant, "name"),
        "imageRef": column(ImageVariant, "image_ref"),
        "baseOs": column(ImageVariant, "base_os"),
        "tools": 2 * TOOL_MAX_LENGTH,
    }
    registry = {
        "registryHost": column(RegistryCredential, "registry_host"),
        "username": column(RegistryCredential, "username"),
        "secret": 2 * REGISTRY_SECRET_MAX_LENGTH,
    }
    return {
        "AccountRegisterInput.email": email,
        "AccountRegisterInput.username": username,
        "AccountRegisterInput.password": PASSWORD_MAX_LENGTH,
        "AccountRegisterInput.displayName": display_name,
        "UserCreateInput.email": email,
        "UserCreateInput.username": username,
        "UserCreateInput.displayName": display_name,
        # Above the 500 characters erasure keeps (a payload error, INVALID on reason).
        "UserDeleteInput.reason": TEXT_MAX_LENGTH,
        "AccountDeleteInput.password": PASSWORD_MAX_LENGTH,
        "AccountUpdateInput.displayName": display_name,
        "AnswerSubmitInput.answer": ANSWER_MAX_LENGTH,
        "ApiTokenCreateInput.name": column(ApiToken, "name"),
        "AuditLogFilter.action": column(AuditLog, "action"),
        "EnvironmentVariableInput.name": ENVIRONMENT_NAME_MAX_LENGTH,
        "EnvironmentVariableInput.value": ENVIRONMENT_VALUE_MAX_LENGTH,
        "EventFilter.search": column(Event, "title"),
        **{f"EventCreateInput.{name}": length for name, length in event.items()},
        **{f"EventUpdateInput.{name}": length for name, length in event.items()},
        "EventChallengeInput.category": column(EventScenario, "category"),
        "EventRegisterInput.inviteCode": SECRET_MAX_LENGTH,
        "EventRegistrationReviewInput.reason": TEXT_MAX_LENGTH,
        **{f"HintAddInput.{name}": length for name, length in hint.items()},
        **{f"HintUpdateInput.{name}": length for name, length in hint.items()},
        **{f"MachineAddInput.{name}": length for name, length in machine.items()},
        **{f"MachineUpdateInput.{name}": length for name, length in machine.items()},
        # Above the machine rules' own limits (payload errors with a path), as the hints'.
        "EntrypointInput.description": 400,
        "HealthcheckInput.command": 2_000,
        "SysctlInput.name": 128,
        "SysctlInput.value": 128,
        "UlimitInput.name": 64,
        "SshLoginInput.username": 64,
        "SshLoginInput.password": 256,
        "MfaCodeInput.code": SECRET_MAX_LENGTH,
        "PasswordChangeInput.currentPassword": PASSWORD_MAX_LENGTH,
        "PasswordChangeInput.newPassword": PASSWORD_MAX_LENGTH,
        "PasswordResetConfirmInput.token": SECRET_MAX_LENGTH,
        "PasswordResetConfirmInput.newPassword": PASSWORD_MAX_LENGTH,
        "PasswordResetRequestInput.email": email,
        "Query.scenario(slug:)": column(Scenario, "slug"),
        "Query.event(slug:)": column(Event, "slug"),
        "Query.team(slug:)": column(Team, "slug"),
        "Query.teams(search:)": column(Team, "name"),
        "Query.__type(name:)": TYPE_NAME_MAX_LENGTH,
        **{f"QuestionAddInput.{name}": length for name, length in question.items()},
        **{f"QuestionUpdateInput.{name}": length for name, length in question.items()},
        **{f"ScenarioCreateInput.{name}": length for name, length in scenario.items()},
        **{f"ScenarioUpdateInput.{name}": length for name, length in scenario.items()},
        "ScenarioFilter.category": column(Scenario, "category"),
        "ScenarioFilter.tag": column(ScenarioTag, "tag"),
        "ScenarioFilter.search": SEARCH_MAX_LENGTH,
        # A document's UTF-8 bytes are at least its characters.
        "ScenarioImportInput.document": MAX_DOCUMENT_BYTES,
        "ScenarioRateInput.comment": TEXT_MAX_LENGTH,
        # A sign-in name: an e-mail address or a username, both at most the e-mail's column.
        **{f"TeamCreateInput.{name}": length for name, length in team.items()},
        **{f"TeamUpdateInput.{name}": length for name, length in team.items()},
        "TeamJoinInput.inviteCode": SECRET_MAX_LENGTH,
        "TeamJoinRequestInput.message": TEXT_MAX_LENGTH,
        "TokenCreateInput.login": max(email, username),
        "TokenCreateInput.password": PASSWORD_MAX_LENGTH,
        "TokenCreateWithMfaInput.challenge": SECRET_MAX_LENGTH,
        "TokenCreateWithMfaInput.code": SECRET_MAX_LENGTH,
        "TokenRefreshInput.refreshToken": SECRET_MAX_LENGTH,
        "UserFilter.search": max(email, username, display_name),
        "VersionCreateInput.changelog": TEXT_MAX_LENGTH,
        **{f"{name}.{field}": length for name in ASSET_INPUTS for field, length in asset.items()},
        "UploadCreateInput.filename": 2 * FILENAME_MAX_LENGTH,
        "UploadCreateInput.contentType": CONTENT_TYPE_MAX_LENGTH,
        "VersionUpdateInput.changelog": TEXT_MAX_LENGTH,
        # Above the 400 and 200 characters the authoring rules take (payload errors).
        "VersionUpdateInput.shortDescription": TEXT_MAX_LENGTH,
        "VersionUpdateInput.learningOutcomes": TEXT_MAX_LENGTH,
        "VersionUpdateInput.mission": MARKDOWN_MAX_LENGTH,
        "VersionUpdateInput.solution": MARKDOWN_MAX_LENGTH,
        "VersionUpdateInput.codeOfEthics": MARKDOWN_MAX_LENGTH,
        "VersionRevertToDraftInput.reason": TEXT_MAX_LENGTH,
        "ScenarioDuplicateInput.title": column(Scenario, "title"),
        "VersionReviewInput.reason": TEXT_MAX_LENGTH,
        **{f"ImageVariantInput.{name}": length for name, length in image.items()},
        **{
            f"ImageVariantUpdateInput.{n}": length for n, length in image.items() if n != "imageRef"
        },
        "ImageApprovalReviewInput.reason": TEXT_MAX_LENGTH,
        **{f"RegistryCredentialCreateInput.{n}": length for n, length in registry.items()},
        "RegistryCredentialUpdateInput.username": registry["username"],
        "RegistryCredentialUpdateInput.secret": registry["secret"],
        "BudgetUpdateInput.reason": BUDGET_REASON_MAX_LENGTH,
        # Above the 500 characters the settings take (MESSAGE_TOO_LONG, a payload error).
        "MaintenanceModeSetInput.message": TEXT_MAX_LENGTH,
        "MaintenanceModeSetInput.reason": TEXT_MAX_LENGTH,
    }


DECLARED_MAX_LENGTHS = _declared()
# Ranges the authoring rules enforce (as payload errors), told in the schema too.
DOCUMENTED_RANGES = {
    "QuestionAddInput.points": POINTS,
    "QuestionUpdateInput.points": POINTS,
    "QuestionAddInput.maxAttempts": MAX_ATTEMPTS,
    "QuestionUpdateInput.maxAttempts": MAX_ATTEMPTS,
    "VersionUpdateInput.timeLimitMinutes": TIME_LIMIT_MINUTES,
    "VersionUpdateInput.estimatedMinutes": ESTIMATED_MINUTES,
}


def argument_coordinate(type_name: str, field_name: str, argument_name: str) -> str:
    return f"{type_name}.{field_name}({argument_name}:)"


def input_field_coordinate(type_name: str, field_name: str) -> str:
    return f"{type_name}.{field_name}"


def max_length(coordinate: str, named_type: str, name: str) -> int | None:
    """The limit of the string argument or input field at ``coordinate`` (``name`` its last
    part, ``named_type`` its GraphQL type without lists or non-null); None when the
    limits table declares nothing for it."""
    declared = DECLARED_MAX_LENGTHS.get(coordinate)
    if declared is not None:
        return declared
    if named_type == "ID":
        return ID_MAX_LENGTH
    if named_type == "String" and name in CURSOR_ARGUMENTS:
        return CURSOR_MAX_LENGTH
    return None


def length_limit(coordinate: str, named_type: str, name: str) -> int:
    """What is enforced: the declared limit, or ``UNDECLARED_MAX_LENGTH``."""
    found = max_length(coordinate, named_type, name)
    return UNDECLARED_MAX_LENGTH if found is None else found


def string_inputs(
    schema: GraphQLSchema,
) -> list[tuple[str, str, GraphQLArgument | GraphQLInputField]]:
    """(coordinate, last name, definition) of every String or ID argument and input field."""
    found: list[tuple[str, str, GraphQLArgument | GraphQLInputField]] = []
    for type_name, named in schema.type_map.items():
        if type_name.startswith("__"):
            continue
        if isinstance(named, GraphQLObjectType):
            for field_name, field in named.fields.items():
                for name, argument in field.args.items():
                    if get_named_type(argument.type).name in STRING_TYPES:
                        coordinate = argument_coordinate(type_name, field_name, name)
                        found.append((coordinate, name, argument))
        elif isinstance(named, GraphQLInputObjectType):
            for name, input_field in named.fields.items():
                if get_named_type(input_field.type).name in STRING_TYPES:
                    coordinate = input_field_coordinate(type_name, name)
                    found.append((coordinate, name, input_field))
    return found


def document(schema: GraphQLSchema) -> None:
    """Append "At most N characters." to the description of every declared string input
    (after whatever describes it already), and "From 1 to 1,000." to the ranges, so that
    the limits show in SDL and GraphiQL."""
    for coordinate, _, definition in string_inputs(schema):
        limit = DECLARED_MAX_LENGTHS.get(coordinate)
        if limit is None:  # IDs and cursors: one limit each, told in the README
            continue
        told = definition.description or ""
        if f"{limit} characters" in told or f"{limit:,} characters" in told:
            continue
        each = " each" if _is_list(definition) else ""
        if "characters" in told:
            # The description states the field's own rule (a payload error); this is the
            # hard limit checked before anything runs, worded so the two do not clash.
            sentence = f"Longer than {limit:,} characters{each}: refused as BAD_USER_INPUT."
        else:
            sentence = f"At most {limit:,} characters{each}."
        _append(definition, sentence)
    for coordinate, (low, high) in DOCUMENTED_RANGES.items():
        type_name, field_name = coordinate.split(".")
        named = schema.get_type(type_name)
        if isinstance(named, GraphQLInputObjectType) and field_name in named.fields:
            field = named.fields[field_name]
            told = field.description or ""
            if str(high) not in told and f"{high:,}" not in told:  # not told in other words
                _append(field, f"From {low:,} to {high:,}.")


def _append(definition: GraphQLArgument | GraphQLInputField, sentence: str) -> None:
    description = (definition.description or "").strip()
    if sentence not in description:
        definition.description = f"{description} {sentence}".strip()


def _is_list(definition: GraphQLArgument | GraphQLInputField) -> bool:
    return is_list_type(get_nullable_type(definition.type))
