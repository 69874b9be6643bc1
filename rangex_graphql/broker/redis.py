"""Redis pub/sub broker: a message published on any replica reaches subscribers on all.

One pub/sub connection per process carries every topic this process listens to; local
subscribers hang off an in-process :class:`MemoryBroker`, so their queues are bounded the
same way. Each publish bumps a per-topic sequence number in Redis (one script call), so a
subscriber can tell when messages went past it: after the pub/sub connection dropped and
came back, or when a publish failed while Redis was away. It then receives a ``missed``
message (see :data:`MISSED`) and its subscription's ``missed`` count grows: a gap is
reported, never silent.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import math
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable, Sequence

from redis.asyncio import ConnectionPool, Redis
from redis.asyncio.connection import AbstractConnection
from redis.exceptions import RedisError

from .memory import MemoryBroker, MemorySubscription
from .protocol import MISSED, Message

log = logging.getLogger(__name__)

# KEYS: sequence key, channel. ARGV: JSON message, key lifetime in seconds.
PUBLISH_SCRIPT = """
local seq = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('PUBLISH', KEYS[2], seq .. ' ' .. ARGV[1])
return seq
"""
SEQUENCE_TTL_SECONDS = 7 * 24 * 3600
RECONNECT_DELAYS = (0.05, 0.1, 0.2, 0.5, 1.0, 2.0)
CONFIRM_TIMEOUT_SECONDS = 5.0
CONNECT_WAIT_SECONDS = 1.0


class RedisSubscription:
    """A local subscription; closing it lets the broker unsubscribe unused channels."""

    def __init__(self, broker: RedisBroker, local: MemorySubscription) -> None:
        self._broker = broker
        self._local = local

    @property
    def missed(self) -> int:
        return self._local.missed

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
    ) -> None:
        # RESP2: pub/sub messages come back from read_response, not through a push handler.
        self._pool = ConnectionPool.from_url(url, socket_keepalive=True, protocol=2)
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
        self.reconnects = 0

    @property
    def reconnect_delays(self) -> tuple[float, ...]:
        return self._delays

    def _channel(self, topic: str) -> str:
        return f"{self._prefix}{topic}"

    def _sequence_key(self, topic: str) -> str:
        return f"{self._prefix}seq:{topic}"

    # --- publishing ---------------------------------------------------------------------

    async def publish(self, topic: str, message: Message) -> None:
        """Never raises for Redis trouble: the message is counted as missed instead."""
        try:
            if self._unsent:
                await self._flush_unsent()
            await self._publish_script(
                keys=[self._sequence_key(topic), self._channel(topic)],
                args=[json.dumps(message, separators=(",", ":")), SEQUENCE_TTL_SECONDS],
            )
        except (RedisError, OSError) as error:
            log.warning("broker: publish on %s failed (%s); reported as missed", topic, error)
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
            await asyncio.wait(waits, timeout=CONFIRM_TIMEOUT_SECONDS)
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
        """Record the topics' sequence numbers now; for topics seen before (a reconnect),
        report the messages published in between as missed."""
        if not topics:
            return
        try:
            values = await self._client.mget([self._sequence_key(t) for t in topics])
        except (RedisError, OSError) as error:
            log.warning("broker: reading sequence numbers failed (%s)", error)
            return
        for topic, raw in zip(topics, values, strict=True):
            current = int(raw) if raw is not None else 0
            seen = self._seen.get(topic)
            if seen is not None and current > seen:
                self._local.report_missed(topic, current - seen)
            if seen is None or current > seen:
                self._seen[topic] = current

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
                    while True:
                        self._dispatch(await connection.read_response(timeout=math.inf))
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

    async def _resync(self, topics: list[str], waits: list[asyncio.Future[None]]) -> None:
        if waits:
            await asyncio.wait(waits, timeout=CONFIRM_TIMEOUT_SECONDS)
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
            self._local.report_missed(topic, int(message.get("count", 1)))
        elif isinstance(message, dict):
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
