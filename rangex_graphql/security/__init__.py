"""Security primitives: password hashing, access tokens, MFA, secret encryption.

Submodules are imported directly (``from rangex_graphql.security.passwords import ...``);
this package imports nothing so that loading one primitive never pulls in the others.
"""
