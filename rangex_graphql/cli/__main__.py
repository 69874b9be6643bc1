"""``python -m rangex_graphql.cli``: the ``rangex-graphql`` command."""

from . import main

main()
