"""A team competition from end to end through the API, as its people would run it: an
organiser creates and publishes a DYNAMIC event, learners form teams and register them,
play inside the window, the board ranks them with decaying points and bloods, freezes and
unfreezes at the end, and a dashboard follows the board over a subscription.

Time passes by moving the event's times into the past and running the schedule job's
pass, as the job would when the clock reached them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.jobs.event_end import end_event_sessions
from rangex_graphql.jobs.event_schedule import advance_events
from rangex_graphql.models import EnvironmentSession, Event, EventSolve, User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.runtime import Runtime
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run
from tests.api.subscriptions.client import Client
from tests.support.sessions import settle

CREATE = """mutation($input: EventCreateInput!) {
  eventCreate(input: $input) { event { id slug status } errors { field code } } }"""
CHALLENGES = """mutation($input: EventChallengeSetInput!) {
  eventChallengeSet(input: $input) { errors { field code } } }"""
PUBLISH = """mutation($input: EventInput!) {
  eventPublish(input: $input) { event { status } errors { field code } } }"""
TEAM_CREATE = """mutation($input: TeamCreateInput!) {
  teamCreate(input: $input) { team { id inviteCode } errors { field code } } }"""
TEAM_JOIN = """mutation($input: TeamJoinInput!) {
  teamJoin(input: $input) { team { memberCount } errors { field code } } }"""
REGISTER = """mutation($input: EventRegisterInput!) {
  eventRegister(input: $input) { errors { field code } } }"""
START = """mutation($input: SessionStartInput!) {
  sessionStart(input: $input) { session { id } errors { field code } } }"""
ANSWER = """mutation($input: AnswerSubmitInput!) {
  answerSubmit(input: $input) { result { correct } errors { field code } } }"""
BOARD_QUERY = """query($slug: String!, $truth: Boolean! = false) {
  event(slug: $slug) {
    status
    leaderboard(first: 10, truth: $truth) {
      frozen
      edges { node { rank score solves displayName } }
      viewerEntry { score live }
    }
  }
}"""
BOARD_FEED = """subscription($id: ID!) {
  eventLeaderboard(eventId: $id, top: 5) { frozen entries { rank score displayName } }
}"""


async def call(
    settings: Settings, runtime: Runtime, who: User, document: str, **input: Any
) -> dict[str, Any]:
    """The payload of a mutation that must not fail as a request."""
    data, errors = await run(settings, document, {"input": input}, as_user=who, runtime=runtime)
    assert not errors, errors
    assert data is not None
    (payload,) = data.values()
    assert isinstance(payload, dict)
    return payload


def ok(payload: dict[str, Any]) -> dict[str, Any]:
    assert payload["errors"] == [], payload["errors"]
    return payload


def codes(payload: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["field"], e["code"]) for e in payload["errors"]]


async def let_time_pass(event_id: str, runtime: Runtime, hours: float) -> None:
    """Move the event and its solves ``hours`` into the past, then run one pass of the
    schedule job."""
    event = await Event.get(id=event_id)
    shift = timedelta(hours=hours)
    for name in ("starts_at", "ends_at", "freeze_at", "registration_opens_at"):
        value = getattr(event, name)
        if value is not None:
            setattr(event, name, value - shift)
    await event.save(update_fields=["starts_at", "ends_at", "freeze_at", "registration_opens_at"])
    for solve in await EventSolve.filter(event_id=event_id):
        solve.solved_at -= shift
        await solve.save(update_fields=["solved_at"])
    await advance_events(runtime)


def board_of(message: dict[str, Any]) -> tuple[bool, list[tuple[int, int, str]]]:
    assert message["type"] == "next", message
    board = message["payload"]["data"]["eventLeaderboard"]
    return board["frozen"], [(e["rank"], e["score"], e["displayName"]) for e in board["entries"]]


async def test_a_team_competition_from_creation_to_the_final_board(
    settings: Settings, live: Any
) -> None:
    server = await live()
    runtime: Runtime = server.runtime
    organiser = await factories.user(UserRole.CREATOR, username="organiser")
    alice, bob, carol = [await factories.user(username=n) for n in ("alice", "bob", "carol")]
    version = await factories.version(await factories.scenario(), questions=0)
    easy, hard = await factories.questions_answered_yes(version, 100, 200)

    # The organiser: a DYNAMIC team event tomorrow, minimum at the third solve.
    now = datetime.now(UTC)
    created = ok(
        await call(
            settings,
            runtime,
            organiser,
            CREATE,
            title="Winter CTF",
            participationMode="TEAM",
            teamSizeLimit=3,
            scoringMode="DYNAMIC",
            dynamicDecay=3,
            startsAt=(now + timedelta(hours=1)).isoformat(),
            freezeAt=(now + timedelta(hours=3)).isoformat(),
            endsAt=(now + timedelta(hours=5)).isoformat(),
        )
    )["event"]
    event_id, slug = created["id"], created["slug"]
    version_id = to_global_id("ScenarioVersion", version.id)
    ok(
        await call(
            settings,
            runtime,
            organiser,
            CHALLENGES,
            eventId=event_id,
            challenges=[{"versionId": version_id, "category": "web"}],
        )
    )
    published = ok(await call(settings, runtime, organiser, PUBLISH, eventId=event_id))
    assert published["event"]["status"] == "PUBLISHED"

    # The learners: Red (alice, bob through the invite code) and Blue (carol).
    red = ok(await call(settings, runtime, alice, TEAM_CREATE, name="Red", isOpen=True))["team"]
    joined = ok(await call(settings, runtime, bob, TEAM_JOIN, inviteCode=red["inviteCode"]))
    assert joined["team"]["memberCount"] == 2
    blue = ok(await call(settings, runtime, carol, TEAM_CREATE, name="Blue"))["team"]

    refused = await call(settings, runtime, bob, REGISTER, eventId=event_id, teamId=red["id"])
    assert codes(refused) == [("input.teamId", "NOT_CAPTAIN")]
    ok(await call(settings, runtime, alice, REGISTER, eventId=event_id, teamId=red["id"]))
    ok(await call(settings, runtime, carol, REGISTER, eventId=event_id, teamId=blue["id"]))

    early = await call(settings, runtime, bob, START, versionId=version_id, eventId=event_id)
    assert codes(early) == [("input.eventId", "EVENT_NOT_RUNNING")]

    # The start time comes; a dashboard opens the board.
    event_pk = (await Event.get(slug=slug)).id
    await let_time_pass(str(event_pk), runtime, hours=1.5)
    assert (await Event.get(id=event_pk)).status == "RUNNING"
    async with Client.open(server.url) as dashboard:
        await dashboard.subscribe("board", BOARD_FEED, {"id": event_id})
        assert board_of(await dashboard.receive()) == (False, [(1, 0, "Red"), (1, 0, "Blue")])

        async def play(who: User) -> str:
            started = ok(
                await call(settings, runtime, who, START, versionId=version_id, eventId=event_id)
            )
            await settle(runtime)
            session_id: str = started["session"]["id"]
            return session_id

        async def answer(who: User, session_id: str, question: Any) -> None:
            question_id = to_global_id("Question", question.id)
            result = await call(
                settings,
                runtime,
                who,
                ANSWER,
                session=session_id,
                question=question_id,
                answer=["yes"],
            )
            assert ok(result)["result"]["correct"] is True

        bob_session, carol_session = await play(bob), await play(carol)
        # First blood for Red: 100 points and 5% of them.
        await answer(bob, bob_session, easy)
        assert board_of(await dashboard.receive()) == (False, [(1, 105, "Red"), (2, 0, "Blue")])
        # A second solve: the question now is worth 78 to both, and Blue's blood is 3%.
        await answer(carol, carol_session, easy)
        assert board_of(await dashboard.receive()) == (False, [(1, 83, "Red"), (2, 81, "Blue")])

        # The freeze: Blue's late solve moves the truth, not the public board.
        await let_time_pass(str(event_pk), runtime, hours=2)
        assert (await Event.get(id=event_pk)).status == "FROZEN"
        assert board_of(await dashboard.receive()) == (True, [(1, 83, "Red"), (2, 81, "Blue")])
        await answer(carol, carol_session, hard)
        public, errors = await run(settings, BOARD_QUERY, {"slug": slug}, as_user=carol)
        assert not errors
        assert public is not None
        board = public["event"]["leaderboard"]
        assert board["frozen"] is True
        assert [e["node"]["displayName"] for e in board["edges"]] == ["Red", "Blue"]
        assert board["viewerEntry"] == {"score": 81 + 210, "live": True}
        truth, errors = await run(
            settings, BOARD_QUERY, {"slug": slug, "truth": True}, as_user=organiser
        )
        assert not errors
        assert truth is not None
        assert [
            (e["node"]["rank"], e["node"]["score"], e["node"]["displayName"])
            for e in truth["event"]["leaderboard"]["edges"]
        ] == [(1, 291, "Blue"), (2, 83, "Red")]

        # The end: the board unfreezes for everyone, and play stops.
        await let_time_pass(str(event_pk), runtime, hours=3)
        assert (await Event.get(id=event_pk)).status == "FINISHED"
        final = board_of(await dashboard.receive())
        while final[0]:  # a board of the frozen solve may still have been on its way
            final = board_of(await dashboard.receive())
        assert final == (False, [(1, 291, "Blue"), (2, 83, "Red")])

    await end_event_sessions(runtime)
    await settle(runtime)
    states = await EnvironmentSession.filter(event_id=event_pk).values_list("state", flat=True)
    assert sorted(str(state) for state in states) == ["TERMINATED", "TERMINATED"]
