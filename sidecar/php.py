"""PHP's serialize() of what the sidecar writes into X-Cart's Doctrine `array` columns
(config.widgetParameters, order history details): flat arrays of ints, bools and strings."""

from __future__ import annotations


def serialize(data: dict[str, object]) -> str:
    """PHP serialize() of a flat array of ints, bools and strings."""

    def one(v: object) -> str:
        if isinstance(v, bool):
            return f"b:{int(v)};"
        if isinstance(v, int):
            return f"i:{v};"
        text = str(v)
        return f's:{len(text.encode("utf-8"))}:"{text}";'

    return f"a:{len(data)}:{{" + "".join(one(k) + one(v) for k, v in data.items()) + "}"
