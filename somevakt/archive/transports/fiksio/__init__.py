"""KS Fiks IO: delivering Fiks Arkiv messages to the municipality's archive system, and its replies.

The protocol pieces have no Django in them and are tested on their own: `certificates` (the
business certificate), `maskinporten` (the access token), `api` (Fiks IO's REST API: the
catalogue and sending), `asice` (the signed container), `crypto` (CMS encryption for the
recipient), `queue` (the account's AMQP queue). `transport` joins them behind the archive's
`Transport` contract, `settings` keeps each municipality's sealed settings, and `receiving` stores
replies from the queue on the journal entries (the worker's continuous job).
"""
