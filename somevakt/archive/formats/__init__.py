"""The archive's formats, free of Django: the archival capture (PDF/A-2b), the Fiks Arkiv
`arkivmelding`, the Noark 5 extract and the outbox transport.

Everything here is driven by the plain records in `records.py`; the Django archive app
builds those records from its journal entries and calls these modules.
"""
