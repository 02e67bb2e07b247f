"""Demo data for `somevakt demo`: four municipalities, their people and accounts, and inbound comments.

The synthetic fødselsnummer in comments.jsonl belongs to a birth date in 1899: checksum-valid
so the analysers treat it as real, but it cannot belong to a living person.
"""
