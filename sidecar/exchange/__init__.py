"""The HTTP side of the 1C exchange protocol: the (type, mode) table, replies, sessions, uploads."""
