"""The currencies 1C names in Валюта (its own names, ISO numbers, signs), as ISO codes."""

# What 1C writes in Валюта, to ISO codes.
CURRENCIES = {
    "руб": "RUB", "руб.": "RUB", "рубль": "RUB", "р.": "RUB", "rur": "RUB", "643": "RUB",
    "₽": "RUB", "usd": "USD", "840": "USD", "$": "USD", "eur": "EUR", "978": "EUR", "€": "EUR",
    "грн": "UAH", "грн.": "UAH", "980": "UAH", "тенге": "KZT", "тг": "KZT", "398": "KZT",
    "933": "BYN", "бел. руб.": "BYN",
}  # fmt: skip


def currency(code: str) -> str:
    c = code.strip()
    if not c:
        return ""
    return CURRENCIES.get(c.casefold(), c.upper() if len(c) == 3 and c.isalpha() else "")
