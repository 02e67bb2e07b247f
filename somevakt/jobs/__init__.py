"""The worker and the jobs the other apps register with it (periodic and continuous)."""
