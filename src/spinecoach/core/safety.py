"""What SpineCoach says about safety: red flags by urgency, principles, and advice after pain.

Written from NICE NG59 (low back pain and sciatica), the NHS back pain, sciatica and cauda equina
pages, in our own words. The texts live here, not in the widgets, so every place that shows them
(first run, Help > Safety notes, "This hurts", a reminder skipped "in pain", a pain rise) shows
the same words in the same order, and tests can check each place against one list.

Order is urgency: the emergency group (signs of cauda equina syndrome, a spinal cord or nerve
emergency, a heart or blood-vessel problem, a stroke, a fracture after an accident, or serious
infection) always comes first, and where a dialog has room for only part
of the list it shows the whole emergency group, never a sample of both. Items name the sign
only; the heading says "back pain with", so no item repeats it.

Every text is a `Message` with a stable id (`core.messages`); `safety_texts(words)` gives them
all in one language, and the constants below (`EMERGENCY`, `RED_FLAG_GROUPS`, `PRINCIPLES`...)
are the English. A translation keeps every item and the order, and names the emergency and
out-of-hours services of its country (docs/TRANSLATING.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from spinecoach.core.messages import ENGLISH, Message, Messages


@dataclass(frozen=True, slots=True)
class RedFlagGroup:
    """Signs that need a clinician before any more exercise, and how soon."""

    id: str
    heading: str
    action: str
    items: tuple[str, ...]


_EMERGENCY_HEADING = Message(
    "safety.emergency.heading",
    "Emergency: go to A&E or call 999 (or your local emergency number) now if you have "
    "back or neck pain with",
)
_EMERGENCY_ACTION = Message(
    "safety.emergency.action",
    "Some of these can be signs of pressure on the nerves at the base of the spine "
    "(cauda equina syndrome), a heart or blood-vessel problem, a broken bone or a serious "
    "infection, which need treatment within hours.",
)
_EMERGENCY_ITEMS = (
    Message(
        "safety.emergency.items.saddle-numbness",
        "Numbness, tingling or loss of feeling around your bottom, back passage, genitals or "
        "inner thighs (the areas that would touch a saddle)",
    ),
    Message(
        "safety.emergency.items.bladder",
        "New difficulty peeing, not being able to pee, not feeling when your bladder is full, "
        "or leaking urine",
    ),
    Message("safety.emergency.items.bowels", "New loss of control of your bowels"),
    Message(
        "safety.emergency.items.sexual-function",
        "New loss of feeling in your genitals or during sex, or new problems getting an "
        "erection or ejaculating",
    ),
    Message(
        "safety.emergency.items.leg-weakness",
        "New or worsening weakness in a leg or foot: tripping, a foot that slaps down, or a "
        "leg that gives way",
    ),
    Message(
        "safety.emergency.items.both-legs", "Pain, tingling, numbness or weakness in both legs"
    ),
    Message(
        "safety.emergency.items.chest-or-sudden-pain",
        "Chest pain, or sudden severe pain in your back or tummy unlike any you have had before",
    ),
    Message(
        "safety.emergency.items.serious-accident",
        "A serious accident just before it started, such as a car crash or a fall from a height",
    ),
    Message(
        "safety.emergency.items.stroke-signs",
        "Sudden dizziness, double vision, slurred speech, trouble swallowing or a drooping face",
    ),
    Message(
        "safety.emergency.items.fever-stiff-neck",
        "A high temperature with feeling very unwell, or with a stiff neck and a bad headache",
    ),
)

_TODAY_HEADING = Message(
    "safety.today.heading",
    "Today: contact your GP or call 111 (or your local equivalent), and do not exercise "
    "until you have been checked, if you have back pain with",
)
_TODAY_ACTION = Message(
    "safety.today.action",
    "These need a clinician to rule out a cause other than a strained back.",
)
_TODAY_ITEMS = (
    Message(
        "safety.today.items.constant-pain",
        "Pain that is there all the time, does not ease with rest or changing position, or "
        "wakes you at night",
    ),
    Message(
        "safety.today.items.age", "Back pain for the first time when you are under 20 or over 50"
    ),
    Message("safety.today.items.cancer", "Cancer now or in the past"),
    Message("safety.today.items.weight-loss", "Weight loss you cannot explain"),
    Message("safety.today.items.temperature", "A high temperature, or feeling hot and shivery"),
    Message(
        "safety.today.items.steroids-immunity-drugs",
        "Taking steroid tablets for a long time, a weakened immune system, or injecting drugs",
    ),
    Message("safety.today.items.osteoporosis", "Osteoporosis, after even a minor fall or strain"),
    Message(
        "safety.today.items.upper-back",
        "Pain mainly in your upper back, between your shoulder blades",
    ),
    Message(
        "safety.today.items.lump-or-shape",
        "A lump or swelling in your back, or a change in its shape",
    ),
    Message("safety.today.items.unsteady", "Unsteady walking, or clumsy or numb hands"),
)

#: Most urgent first: (id, heading, action, items) of each group.
_GROUPS = (
    ("emergency", _EMERGENCY_HEADING, _EMERGENCY_ACTION, _EMERGENCY_ITEMS),
    ("today", _TODAY_HEADING, _TODAY_ACTION, _TODAY_ITEMS),
)

_INTRO = Message(
    "safety.intro",
    "SpineCoach helps you move regularly and keep track of how your back feels. It is a "
    "self-management aid: it does not diagnose, treat or cure any condition, and it does not "
    "replace advice from a doctor or physiotherapist.",
)

#: What most people with back pain should know (NICE NG59, NHS): reassurance comes first.
_SELF_MANAGEMENT = Message(
    "safety.self-management",
    "Most back pain is not caused by anything serious and gets better within a few weeks. "
    "Staying active usually helps more than resting, and hurting is not the same as harm. "
    "See a GP or physiotherapist if it is not improving after 4 to 6 weeks, or sooner if it "
    "is getting worse.",
)

_PRINCIPLES = (
    Message(
        "safety.principles.check-first",
        "If you are unsure whether exercise is right for you, check with a clinician before you "
        "start.",
    ),
    Message(
        "safety.principles.gently",
        "Move gently and without forcing. A mild stretch is fine; sharp or increasing pain is not.",
    ),
    Message(
        "safety.principles.no-bouncing",
        "Ease into each stretch slowly and hold it still. Never bounce.",
    ),
    Message(
        "safety.principles.stop-if-worse",
        "Stop any exercise that makes your pain clearly worse, and try it another day with a "
        "smaller movement. If one sends pain, numbness or tingling down a leg, ask a clinician "
        "before you repeat it.",
    ),
    Message(
        "safety.principles.hip-replacement",
        "After a hip replacement: ask your surgeon or physiotherapist before crossing your legs, "
        "bringing a knee across your body or bending your hip deeply (knee to chest, child's "
        "pose, figure four).",
    ),
    Message(
        "safety.principles.back-surgery",
        "If you have had back surgery in the last few months, follow your surgeon's or "
        "physiotherapist's advice before using these exercises.",
    ),
    Message(
        "safety.principles.pregnancy",
        "If you are pregnant: after about 16 weeks, avoid lying flat on your back for long, and "
        "do not do planks or crunches unless your midwife or physiotherapist has said you can.",
    ),
    Message(
        "safety.principles.osteoporosis",
        "If you have osteoporosis: avoid bending forward or twisting under load (lifting, "
        "crunches, deep twists) unless a clinician has advised them for you.",
    ),
)

#: After "This hurts" and after a reminder skipped "in pain": gentle movement first, never
#: "rest in whatever position eases it" (bed rest slows recovery; NICE NG59).
_IN_PAIN_ADVICE = (
    Message(
        "safety.in-pain.keep-moving",
        "Keep moving gently if you can: short walks and changing position often usually help "
        "more than resting in bed.",
    ),
    Message(
        "safety.in-pain.skip-worse",
        "Skip any exercise that makes the pain worse; smaller movements are fine.",
    ),
    Message(
        "safety.in-pain.see-clinician",
        "See a GP or physiotherapist if the pain, or pain down a leg, keeps getting worse, stops "
        "you doing everyday things, or is not improving after a few weeks.",
    ),
)


@dataclass(frozen=True, slots=True)
class SafetyTexts:
    """Every safety text in one language, in the order every place shows them."""

    red_flag_groups: tuple[RedFlagGroup, ...]
    intro: str
    self_management: str
    principles: tuple[str, ...]
    in_pain_advice: tuple[str, ...]

    @property
    def emergency(self) -> RedFlagGroup:
        """The most urgent group: always shown first, and whole."""
        return self.red_flag_groups[0]


def red_flag_groups(words: Messages = ENGLISH) -> tuple[RedFlagGroup, ...]:
    """The red-flag groups in `words`' language, most urgent first (English: `RED_FLAG_GROUPS`)."""
    if words == ENGLISH:
        return RED_FLAG_GROUPS
    return _groups_in(words)


def _groups_in(words: Messages) -> tuple[RedFlagGroup, ...]:
    return tuple(
        RedFlagGroup(
            id=group_id,
            heading=words.text(heading),
            action=words.text(action),
            items=tuple(words.text(item) for item in items),
        )
        for group_id, heading, action, items in _GROUPS
    )


def safety_texts(words: Messages = ENGLISH) -> SafetyTexts:
    """Every safety text in `words`' language (English by default)."""
    return SafetyTexts(
        red_flag_groups=red_flag_groups(words),
        intro=words.text(_INTRO),
        self_management=words.text(_SELF_MANAGEMENT),
        principles=tuple(words.text(text) for text in _PRINCIPLES),
        in_pain_advice=tuple(words.text(text) for text in _IN_PAIN_ADVICE),
    )


#: Most urgent first. Every place that shows red flags shows them in this order.
RED_FLAG_GROUPS: tuple[RedFlagGroup, ...] = _groups_in(ENGLISH)
EMERGENCY, TODAY = RED_FLAG_GROUPS

_ENGLISH = safety_texts()
INTRO = _ENGLISH.intro
SELF_MANAGEMENT = _ENGLISH.self_management
PRINCIPLES: tuple[str, ...] = _ENGLISH.principles
IN_PAIN_ADVICE: tuple[str, ...] = _ENGLISH.in_pain_advice


def red_flag_text(groups: tuple[RedFlagGroup, ...] = RED_FLAG_GROUPS) -> str:
    """The groups as plain text, most urgent first (the PDF report, notifications, tests)."""
    blocks = []
    for group in groups:
        lines = [f"{group.heading}:"]
        lines.extend(f"•  {item}" for item in group.items)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
