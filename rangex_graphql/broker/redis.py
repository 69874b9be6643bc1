"""Redis pub/sub broker: a message published on any replica reaches subscribers on all.

One pub/sub connection per process carries every topic this process listens to; local
subscribers hang off an in-process :class:`MemoryBroker`, so their queues are bounded the
same way. Each publish bumps a per-topic sequence number in Redis (one script call), so a
subscriber can tell when messages went past it while connected, and a publish that failed
while Redis was away is reported by its replica once Redis is back. The subscriber then
receives a ``missed`` message (see :data:`MISSED`) and its subscription's ``missed`` count
grows: a gap is reported, never silent.

After the pub/sub connection dropped and came back, no count can be trusted: publishes on
other replicas may have failed and never be reported (that replica may never publish
again), and a restarted Redis has lost its sequence numbers. Every topic then gets a
``missed`` message with ``count: None`` (unknown, possibly many), and its subscription's
``unknown_gaps`` grows: subscribers re-read the current state.

Every Redis call is bounded by ``timeout``: a stalled Redis fails a publish (counted as
missed) within it instead of holding the mutation that published, and a silent pub/sub
connection is probed with a PING after ``timeout`` and dropped after twice as long.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable, Sequence

from redis.asyncio import ConnectionPool, Redis
from redis.asyncio.connection import AbstractConnection
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .memory import MemoryBroker, MemorySubscription
from .protocol import MISSED, BrokerObserver, Message

log = logging.getLogger(__name__)

# KEYS: sequence key, channel. ARGV: JSON message, key lifetime in seconds.
PUBLISH_SCRIPT = """
local seq = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('PUBLISH', KEYS[2], seq .. ' ' .. ARGV[1])
return seq
"""
SEQUENCE_TTL_SECONDS = 7 * 24 * 3600
# The publisher's wall clock (seconds since the epoch), in the message's JSON: readers
# take it out before delivery (older readers deliver it as a key nobody reads), so a
# rolling upgrade mixes versions safely. Replicas' clocks are assumed in step (NTP).
PUBLISHED_AT = "@publishedAt"
RECONNECT_DELAYS = (0.05, 0.1, 0.2, 0.5, 1.0, 2.0)
TIMEOUT_SECONDS = 1.0
CONNECT_WAIT_SECONDS = 1.0


class RedisSubscription:
    """A local subscription; closing it lets the broker unsubscribe unused channels."""

    def __init__(self, broker: RedisBroker, local: MemorySubscription) -> None:
        self._broker = broker
        self._local = local

    @property
    def missed(self) -> int:
        return self._local.missed

    @property
    def unknown_gaps(self) -> int:
        return self._local.unknown_gaps

    def __aiter__(self) -> AsyncIterator[Message]:
        return self._local.__aiter__()

    async def aclose(self) -> None:
        await self._local.aclose()
        await self._broker._release(self._local.topics)


class RedisBroker:
    def __init__(
        self,
        url: str,
        *,
        channel_prefix: str | None = None,
        reconnect_delays: Sequence[float] = RECONNECT_DELAYS,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        # RESP2: pub/sub messages come back from read_response, not through a push handler.
        self._pool = ConnectionPool.from_url(
            url,
            socket_keepalive=True,
            protocol=2,
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
        )
        self._timeout = timeout
        self._client = Redis(connection_pool=self._pool)
        self._publish_script = self._client.register_script(PUBLISH_SCRIPT)
        # Pub/sub channels ignore the database number: the prefix keeps databases apart.
        db = self._pool.connection_kwargs.get("db", 0)
        self._prefix = channel_prefix if channel_prefix is not None else f"rangex:{db}:"
        self._delays = tuple(reconnect_delays) or RECONNECT_DELAYS
        self._local = MemoryBroker()
        self._topics: set[str] = set()  # subscribed at Redis (or to be, once connected)
        self._seen: dict[str, int] = {}  # last sequence number seen, per topic
        self._unsent: dict[str, int] = defaultdict(int)  # failed publishes, per topic
        self._confirmations: dict[str, list[asyncio.Future[None]]] = defaultdict(list)
        self._connection: AbstractConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._connected = asyncio.Event()
        self._lock = asyncio.Lock()
        self._closed = False
        self._publish_paused_until = float("-inf")
        self.reconnects = 0
        self._observer: BrokerObserver | None = None

    def set_observer(self, observer: BrokerObserver | None) -> None:
        self._observer = observer
        self._local.set_observer(observer)

    @property
    def reconnect_delays(self) -> tuple[float, ...]:
        return self._delays

    def _channel(self, topic: str) -> str:
        return f"{self._prefix}{topic}"

    def _sequence_key(self, topic: str) -> str:
        return f"{self._prefix}seq:{topic}"

    # --- publishing ---------------------------------------------------------------------

    async def publish(self, topic: str, message: Message) -> None:
        """Never raises for Redis trouble: the message is counted as missed instead.

        After a timeout, publishes within ``timeout`` do not try Redis again: a mutation
        publishing on three topics to a stalled Redis waits for one timeout, not three."""
        loop = asyncio.get_running_loop()
        if loop.time() < self._publish_paused_until:
            self._count_unsent(topic)
            return
        try:
            if self._unsent:
                await self._flush_unsent()
            await self._publish_script(
                keys=[self._sequence_key(topic), self._channel(topic)],
                args=[
                    json.dumps({**message, PUBLISHED_AT: time.time()}, separators=(",", ":")),
                    SEQUENCE_TTL_SECONDS,
                ],
            )
        except (RedisError, OSError) as error:
            log.warning("broker: publish on %s failed (%s); reported as missed", topic, error)
            if isinstance(error, RedisTimeoutError | TimeoutError):
                self._publish_paused_until = loop.time() + self._timeout
            self._count_unsent(topic)

    def _count_unsent(self, topic: str) -> None:
        self._unsent[topic] += 1
        self._local.report_missed(topic, 1)

    async def _flush_unsent(self) -> None:
        """Tell the other replicas about messages this one failed to publish."""
        for topic, count in tuple(self._unsent.items()):
            await self._publish_script(
                keys=[self._sequence_key(topic), self._channel(topic)],
                args=[json.dumps({"type": MISSED, "count": count}), SEQUENCE_TTL_SECONDS],
            )
            del self._unsent[topic]

    # --- subscribing --------------------------------------------------------------------

    async def subscribe(self, topics: Iterable[str], *, queue_size: int = 100) -> RedisSubscription:
        local = await self._local.subscribe(topics, queue_size=queue_size)
        self._ensure_reader()
        if not self._connected.is_set():
            # Redis away: the reader subscribes every topic once it connects.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._connected.wait(), CONNECT_WAIT_SECONDS)
        waits: list[asyncio.Future[None]] = []
        async with self._lock:
            fresh = [topic for topic in local.topics if topic not in self._topics]
            self._topics.update(fresh)
            if fresh and self._connection is not None:
                waits = [self._expect_confirmation(topic) for topic in fresh]
                await self._send("SUBSCRIBE", *map(self._channel, fresh))
        if waits:
            # Once Redis confirms, anything published anywhere reaches this subscription.
            await asyncio.wait(waits, timeout=2 * self._timeout)
            await self._baseline(fresh)
        return RedisSubscription(self, local)

    def _expect_confirmation(self, topic: str) -> asyncio.Future[None]:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._confirmations[topic].append(future)
        return future

    async def _release(self, topics: Iterable[str]) -> None:
        async with self._lock:
            unused = [
                t for t in topics if t in self._topics and not self._local.subscriber_count(t)
            ]
            for topic in unused:
                self._topics.discard(topic)
                self._seen.pop(topic, None)
            if unused and self._connection is not None:
                await self._send("UNSUBSCRIBE", *map(self._channel, unused))

    async def _send(self, *command: str) -> None:
        connection = self._connection
        if connection is None:
            return  # the reader subscribes every topic when it connects
        try:
            await connection.send_command(*command)
        except (RedisError, OSError) as error:
            log.warning("broker: %s failed (%s); the reader reconnects", command[0], error)

    async def _baseline(self, topics: Sequence[str]) -> None:
        """Record the topics' sequence numbers now, the base of later gaps (a message
        dispatched meanwhile is the better base and stays)."""
        if not topics:
            return
        try:
            values = await self._client.mget([self._sequence_key(t) for t in topics])
        except (RedisError, OSError) as error:
            log.warning("broker: reading sequence numbers failed (%s)", error)
            return
        for topic, raw in zip(topics, values, strict=True):
            current = int(raw) if raw is not None else 0
            self._seen.setdefault(topic, current)

    # --- the pub/sub connection ---------------------------------------------------------

    def _ensure_reader(self) -> None:
        if self._reader is None and not self._closed:
            self._reader = asyncio.get_running_loop().create_task(
                self._read_forever(), name="redis-broker-reader"
            )

    async def _read_forever(self) -> None:
        delays = itertools.chain(self._delays, itertools.repeat(self._delays[-1]))
        first = True
        while not self._closed:
            connection: AbstractConnection = self._pool.make_connection()  # type: ignore[no-untyped-call]
            try:
                await connection.connect()  # type: ignore[no-untyped-call]
                async with self._lock:
                    topics = sorted(self._topics)
                    waits = [self._expect_confirmation(topic) for topic in topics]
                    if topics:
                        await connection.send_command("SUBSCRIBE", *map(self._channel, topics))
                    self._connection = connection
                    self._connected.set()
                if not first:
                    self.reconnects += 1
                    log.info("broker: pub/sub connection back, %d topics", len(topics))
                first = False
                delays = itertools.chain(self._delays, itertools.repeat(self._delays[-1]))
                resync = asyncio.ensure_future(self._resync(topics, waits))
                try:
                    await self._read_until_lost(connection)
                finally:
                    resync.cancel()
            except (RedisError, OSError) as error:
                log.warning("broker: pub/sub connection lost (%s)", error)
            finally:
                self._connection = None
                self._connected.clear()
                self._fail_confirmations()
                await connection.disconnect(nowait=True)
            if not self._closed:
                await asyncio.sleep(next(delays))

    async def _read_until_lost(self, connection: AbstractConnection) -> None:
        """Dispatch what arrives; PING a connection silent for ``timeout``, and give it up
        when the answer does not come within another ``timeout`` (a stalled network
        never closes the socket)."""
        probing = False
        while True:
            response = await connection.read_response(timeout=self._timeout)
            if response is not None:
                probing = False
                self._dispatch(response)
            elif probing:
                raise RedisTimeoutError("the pub/sub connection went silent")
            else:
                probing = True
                await connection.send_command("PING")

    async def _resync(self, topics: list[str], waits: list[asyncio.Future[None]]) -> None:
        """The topics were wanted while this process had no pub/sub connection: whatever
        was published meanwhile went past, and how much cannot be known (module
        docstring). Once Redis confirms the subscriptions, say so, and count from the
        sequence numbers of now on. A connection lost first cancels this (no gap is
        reported for a connection that never worked); the next one reports it."""
        if waits:
            await asyncio.wait(waits)
        for topic in topics:
            self._seen.pop(topic, None)
            self._local.report_missed(topic, None)
        await self._baseline(topics)

    def _fail_confirmations(self) -> None:
        for futures in self._confirmations.values():
            for future in futures:
                if not future.done():
                    future.set_result(None)  # the subscriber goes on; reconnect resyncs
        self._confirmations.clear()

    def _dispatch(self, response: object) -> None:
        if not isinstance(response, list) or len(response) < 3:
            return
        kind, channel, data = response[0], response[1], response[2]
        topic = _text(channel).removeprefix(self._prefix)
        if kind == b"subscribe":
            futures = self._confirmations.get(topic)
            if futures:
                future = futures.pop(0)
                if not future.done():
                    future.set_result(None)
            return
        if kind != b"message" or not isinstance(data, bytes):
            return
        raw_seq, _, body = data.partition(b" ")
        try:
            seq = int(raw_seq)
            message = json.loads(body)
        except ValueError:
            log.warning("broker: unreadable message on %s", topic)
            return
        seen = self._seen.get(topic)
        if seen is not None and seq > seen + 1:
            self._local.report_missed(topic, seq - seen - 1)
        if seen is None or seq > seen:
            self._seen[topic] = seq
        if isinstance(message, dict) and message.get("type") == MISSED:
            count = message.get("count", 1)
            self._local.report_missed(topic, count if isinstance(count, int) else None)
        elif isinstance(message, dict):
            published_at = message.pop(PUBLISHED_AT, None)
            if self._observer is not None and isinstance(published_at, int | float):
                self._observer.arrived_after(max(0.0, time.time() - published_at))
            self._local.deliver(topic, message)

    async def ping(self) -> None:
        await self._client.ping()

    async def aclose(self) -> None:
        self._closed = True
        if self._reader is not None:
            self._reader.cancel()
            await asyncio.gather(self._reader, return_exceptions=True)
        await self._local.aclose()
        await self._client.aclose()
        await self._pool.disconnect()


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
