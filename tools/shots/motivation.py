"""Why the camera moves: the move each kind of beat motivates, and how a film ends.

A move has to be earned by the beat, or the audience feels the operator instead
of the story: push in when tension builds or something dawns on a face, go
handheld when the world comes apart, crane or pedestal to reveal, tilt to show
height, pan or truck to carry movement across the frame, pull back to leave a
character alone or to let the film go. A calm beat, and calm dialogue above
all, keeps a still frame. Every move comes with the reason a crew member reads
in the shot list.
"""

from __future__ import annotations

from tools.shots.beats import Tone, looks_downward

# Sizes where the camera stays put and turns to follow (a pan); closer in, it travels alongside (a truck).
_PANNING_SIZES = frozenset({"EWS", "WS", "MWS", "POV", ""})
# Sizes whose last image can rise away from the people (a crane up); closer frames pull back instead.
_CRANE_SIZES = frozenset({"EWS", "WS", "MWS", "TWO", "MS"})


def excerpt_of(what: str) -> str:
    """A short quote of the beat for a movement reason."""
    excerpt = " ".join(what.split()).strip().rstrip(".")
    if len(excerpt) > 70:
        excerpt = excerpt[:67].rsplit(" ", 1)[0] + "..."
    return excerpt


def _toward_open_side(side: str | None) -> str:
    # Someone held frame left moves into the open right side of frame, and vice versa.
    return "left" if side == "right" else "right"


def move_for(tone: Tone, side: str | None, exterior: bool, what: str,
             size: str = "") -> tuple[str, str]:
    """The camera move a beat motivates, with the reason a crew member can read."""
    quote = excerpt_of(what)
    if tone == "chaos":
        return "handheld", f"handheld: the frame shakes with the chaos of '{quote}'"
    if tone == "shock":
        return "zoom_in", f"snap zoom in: the shock lands all at once, '{quote}'"
    if tone == "reveal":
        if exterior:
            return "crane_down", f"crane down to reveal: '{quote}'"
        return "pedestal_up", f"pedestal up to reveal: '{quote}'"
    if tone == "realisation":
        return "dolly_in", f"push in as the realisation lands: '{quote}'"
    if tone == "tension":
        return "dolly_in", f"slow push in as tension builds: '{quote}'"
    if tone == "height":
        if looks_downward(what):
            return "tilt_down", f"tilt down to measure the drop: '{quote}'"
        return "tilt_up", f"tilt up to give the height: '{quote}'"
    if tone == "departure":
        return "dolly_out", f"pull back and let it go: '{quote}'"
    if tone == "arrival":
        way = _toward_open_side(side)
        return f"pan_{way}", f"pan {way} to meet the arrival: '{quote}'"
    if tone == "follow":
        way = _toward_open_side(side)
        if size in _PANNING_SIZES:
            return f"pan_{way}", f"pan {way} to follow: '{quote}'"
        return f"truck_{way}", f"truck {way} alongside to follow: '{quote}'"
    if tone == "isolation":
        return "dolly_out", f"slow pull back to leave them alone in the frame: '{quote}'"
    return "static", "static: a calm beat, the frame stays still"


def final_move(size: str, exterior: bool, current: str, what: str) -> tuple[str, str] | None:
    """How the film's last shot lets go: a crane up outdoors on a wide enough frame,
    otherwise a slow pull back. None when the last beat already moves for a reason
    of its own (chaos, a reveal) that an ending should not overrule."""
    if current not in ("static", "dolly_in", "dolly_out", "crane_up"):
        return None
    quote = excerpt_of(what)
    if exterior and size in _CRANE_SIZES:
        return "crane_up", f"crane up and away: the film's last image leaves them in their world ('{quote}')"
    return "dolly_out", f"slow pull back on the film's last image: the story lets go ('{quote}')"


__all__ = ["excerpt_of", "final_move", "move_for"]
