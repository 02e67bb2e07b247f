"""How archive messages reach the archive system, besides the outbox folder (`formats.outbox`)."""
