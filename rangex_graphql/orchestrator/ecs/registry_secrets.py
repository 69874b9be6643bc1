"""Private registries' logins for Fargate: ECS pulls a private image with the
``repositoryCredentials`` of its container, which name a Secrets Manager secret holding
``{"username", "password"}``. One secret per registry credential, named from its id,
created on first use and updated when the login changed. The task execution role must be
allowed to read it (``secretsmanager:GetSecretValue``)."""

from __future__ import annotations

import json

from botocore.exceptions import ClientError  # type: ignore[import-untyped]

from rangex_graphql.orchestrator.ecs.config import EcsClients, EcsConfig
from rangex_graphql.orchestrator.ecs.errors import error_code
from rangex_graphql.orchestrator.registry import RegistryAuth


class RegistrySecrets:
    def __init__(self, config: EcsConfig, clients: EcsClients) -> None:
        self.config = config
        self._clients = clients

    def name(self, auth: RegistryAuth) -> str:
        return f"{self.config.name_prefix}/registry/{auth.credential_id or auth.server}"

    async def ensure(self, auth: RegistryAuth) -> str:
        """The ARN of the secret holding ``auth``, written if absent or different."""
        secrets = await self._clients.secrets()
        name = self.name(auth)
        value = json.dumps({"username": auth.username, "password": auth.password})
        try:
            found = await secrets.get_secret_value(SecretId=name)
        except ClientError as exc:
            if error_code(exc) != "ResourceNotFoundException":
                raise
        else:
            if found.get("SecretString") != value:
                await secrets.put_secret_value(SecretId=name, SecretString=value)
            return str(found["ARN"])
        created = await secrets.create_secret(
            Name=name,
            SecretString=value,
            Description=f"RangeX: the login to {auth.server}",
            Tags=[{"Key": "rangex.registry", "Value": auth.server}],
        )
        return str(created["ARN"])
