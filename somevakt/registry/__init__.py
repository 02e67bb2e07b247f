"""Official accounts, creation plans and approvals, closures."""
