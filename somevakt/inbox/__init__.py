"""Inbound items, the event log, status projection, queue."""
