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
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RedFlagGroup:
    """Signs that need a clinician before any more exercise, and how soon."""

    id: str
    heading: str
    action: str
    items: tuple[str, ...]


EMERGENCY = RedFlagGroup(
    id="emergency",
    heading="Emergency: go to A&E or call 999 (or your local emergency number) now if you have "
    "back or neck pain with",
    action="Some of these can be signs of pressure on the nerves at the base of the spine "
    "(cauda equina syndrome), a heart or blood-vessel problem, a broken bone or a serious "
    "infection, which need treatment within hours.",
    items=(
        "Numbness, tingling or loss of feeling around your bottom, back passage, genitals or "
        "inner thighs (the areas that would touch a saddle)",
        "New difficulty peeing, not being able to pee, not feeling when your bladder is full, "
        "or leaking urine",
        "New loss of control of your bowels",
        "New loss of feeling in your genitals or during sex, or new problems getting an "
        "erection or ejaculating",
        "New or worsening weakness in a leg or foot: tripping, a foot that slaps down, or a "
        "leg that gives way",
        "Pain, tingling, numbness or weakness in both legs",
        "Chest pain, or sudden severe pain in your back or tummy unlike any you have had before",
        "A serious accident just before it started, such as a car crash or a fall from a height",
        "Sudden dizziness, double vision, slurred speech, trouble swallowing or a drooping face",
        "A high temperature with feeling very unwell, or with a stiff neck and a bad headache",
    ),
)

TODAY = RedFlagGroup(
    id="today",
    heading="Today: contact your GP or call 111 (or your local equivalent), and do not exercise "
    "until you have been checked, if you have back pain with",
    action="These need a clinician to rule out a cause other than a strained back.",
    items=(
        "Pain that is there all the time, does not ease with rest or changing position, or "
        "wakes you at night",
        "Back pain for the first time when you are under 20 or over 50",
        "Cancer now or in the past",
        "Weight loss you cannot explain",
        "A high temperature, or feeling hot and shivery",
        "Taking steroid tablets for a long time, a weakened immune system, or injecting drugs",
        "Osteoporosis, after even a minor fall or strain",
        "Pain mainly in your upper back, between your shoulder blades",
        "A lump or swelling in your back, or a change in its shape",
        "Unsteady walking, or clumsy or numb hands",
    ),
)

#: Most urgent first. Every place that shows red flags shows them in this order.
RED_FLAG_GROUPS: tuple[RedFlagGroup, ...] = (EMERGENCY, TODAY)

INTRO = (
    "SpineCoach helps you move regularly and keep track of how your back feels. It is a "
    "self-management aid: it does not diagnose, treat or cure any condition, and it does not "
    "replace advice from a doctor or physiotherapist."
)

#: What most people with back pain should know (NICE NG59, NHS): reassurance comes first.
SELF_MANAGEMENT = (
    "Most back pain is not caused by anything serious and gets better within a few weeks. "
    "Staying active usually helps more than resting, and hurting is not the same as harm. "
    "See a GP or physiotherapist if it is not improving after 4 to 6 weeks, or sooner if it "
    "is getting worse."
)

PRINCIPLES: tuple[str, ...] = (
    "If you are unsure whether exercise is right for you, check with a clinician before you start.",
    "Move gently and without forcing. A mild stretch is fine; sharp or increasing pain is not.",
    "Ease into each stretch slowly and hold it still. Never bounce.",
    "Stop any exercise that makes your pain clearly worse, and try it another day with a "
    "smaller movement. If one sends pain, numbness or tingling down a leg, ask a clinician "
    "before you repeat it.",
    "After a hip replacement: ask your surgeon or physiotherapist before crossing your legs, "
    "bringing a knee across your body or bending your hip deeply (knee to chest, child's pose, "
    "figure four).",
    "If you have had back surgery in the last few months, follow your surgeon's or "
    "physiotherapist's advice before using these exercises.",
    "If you are pregnant: after about 16 weeks, avoid lying flat on your back for long, and "
    "do not do planks or crunches unless your midwife or physiotherapist has said you can.",
    "If you have osteoporosis: avoid bending forward or twisting under load (lifting, "
    "crunches, deep twists) unless a clinician has advised them for you.",
)

#: After "This hurts" and after a reminder skipped "in pain": gentle movement first, never
#: "rest in whatever position eases it" (bed rest slows recovery; NICE NG59).
IN_PAIN_ADVICE: tuple[str, ...] = (
    "Keep moving gently if you can: short walks and changing position often usually help "
    "more than resting in bed.",
    "Skip any exercise that makes the pain worse; smaller movements are fine.",
    "See a GP or physiotherapist if the pain, or pain down a leg, keeps getting worse, stops "
    "you doing everyday things, or is not improving after a few weeks.",
)


def red_flag_text(groups: tuple[RedFlagGroup, ...] = RED_FLAG_GROUPS) -> str:
    """The groups as plain text, most urgent first (the PDF report, notifications, tests)."""
    blocks = []
    for group in groups:
        lines = [f"{group.heading}:"]
        lines.extend(f"•  {item}" for item in group.items)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
