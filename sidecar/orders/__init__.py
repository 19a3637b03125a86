"""Orders orchestration: which orders 1C gets and when they count as delivered, and what 1C's
documents change in the shop. Builds no SQL itself."""
