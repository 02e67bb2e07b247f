"""Mastodon has no webhook for an account's mentions: somevakt polls the notifications API
(see adapter.MastodonAdapter.fetch_recent and integrations.reconcile). No views."""
