"""Estimated prices of model calls, for the per-stage and per-version cost accounts.

PRICES_AS_OF is the day these figures were copied from the providers' public
price pages. They are estimates for planning a budget, not an invoice: prices
change, and tiers, caching and batch discounts are ignored. A model not listed
costs 0 and the record says so, so an unknown price is never mistaken for free.
"""

from __future__ import annotations

PRICES_AS_OF = "2026-11-25"

# US dollars per 1M tokens: (input, output). Keys are model-name prefixes; the longest match wins.
TOKEN_PRICES: dict[str, tuple[float, float]] = {
    "gpt-5-nano": (0.05, 0.40),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5": (1.25, 10.00),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gemini-2.5-flash-lite": (0.10, 0.40),
    "gemini-2.5-flash": (0.30, 2.50),
    "gemini-2.5-pro": (1.25, 10.00),
}
# US dollars per generated image at the default (medium/1K) quality.
IMAGE_PRICES: dict[str, float] = {
    "gpt-image-2-mini": 0.011,
    "gpt-image-2": 0.042,
    "gemini-2.5-flash-image": 0.039,
    "gemini-3-pro-image": 0.134,
}
# US dollars per second of generated video.
VIDEO_PRICES: dict[str, float] = {
    "veo-3.1-fast": 0.15,
    "veo-3.1": 0.40,
    "veo-3.0-fast": 0.15,
    "veo-3.0": 0.40,
    "veo-2.0": 0.35,
}
# Self-hosted servers (Ollama, vLLM, llama.cpp, LM Studio) bill nobody.
FREE_FAMILIES = ("openai-compatible",)


def _price(table: dict, model: str):
    matches = [k for k in table if model.startswith(k)]
    return table[max(matches, key=len)] if matches else None


def _family_model(spec: str) -> tuple[str, str]:
    from tools.providers.config import spec_family, spec_model

    return spec_family(spec), spec_model(spec)


def token_cost(spec: str, input_tokens: int, output_tokens: int) -> tuple[float, str]:
    """(dollars, note) for a chat call; note is empty when the price is known."""
    family, model = _family_model(spec)
    if family in FREE_FAMILIES:
        return 0.0, ""
    price = _price(TOKEN_PRICES, model)
    if price is None:
        return 0.0, f"no price on file for {model} (prices as of {PRICES_AS_OF}); counted as $0"
    return round((input_tokens * price[0] + output_tokens * price[1]) / 1e6, 6), ""


def _unit_cost(table, spec: str, units: float) -> tuple[float, str]:
    """(dollars, note) for something priced per unit (an image, a second of video)."""
    _, model = _family_model(spec)
    price = _price(table, model)
    if price is None:
        return 0.0, f"no price on file for {model} (prices as of {PRICES_AS_OF}); counted as $0"
    return round(units * price, 6), ""


def image_cost(spec: str, images: int) -> tuple[float, str]:
    return _unit_cost(IMAGE_PRICES, spec, images)


def video_cost(spec: str, seconds: float) -> tuple[float, str]:
    return _unit_cost(VIDEO_PRICES, spec, seconds)


def usage_totals(records) -> dict[str, dict[str, float]]:
    """Sum UsageRecords per stage, plus a 'total' row: what `status` and the final report show."""
    rows: dict[str, dict[str, float]] = {}
    for record in records:
        for key in (record.stage, "total"):
            row = rows.setdefault(key, {"calls": 0, "input_tokens": 0, "output_tokens": 0, "images": 0,
                                        "video_s": 0.0, "cost_usd": 0.0})
            row["calls"] += 1
            row["input_tokens"] += record.input_tokens
            row["output_tokens"] += record.output_tokens
            row["images"] += record.images
            row["video_s"] = round(row["video_s"] + record.video_s, 3)
            row["cost_usd"] = round(row["cost_usd"] + record.cost_usd, 6)
    return rows
