"""CommerceML parsing: XML in, small immutable records out. Pure: no Flask, no SQL."""
