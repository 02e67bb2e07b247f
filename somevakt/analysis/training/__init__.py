"""Rebuilding the shipped models: data readers, case perturbation, spaCy configs, floret vectors.

Nothing here runs at analysis time; `somevakt train` and `somevakt eval` use it.
Training data is read from where it lies (never copied into the repository).
"""
