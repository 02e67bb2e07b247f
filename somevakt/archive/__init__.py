"""Journal entries, Fiks Arkiv messages, Noark 5 extracts."""
