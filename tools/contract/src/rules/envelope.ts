import type { RuleRow } from "./catalogue.js";

/**
 * Rules on the envelope's members, unknown members, definitions and message limit.
 * Ids are stable: never renamed or reused (add a new rule instead).
 */
export const ENVELOPE_RULES = [
  {
    id: "envelope-member-added-optional",
    area: "envelope",
    severity: "warning",
    title: "An optional member was added to the envelope",
    rationale: [
      "Producers may send it, lenient consumers ignore what they do not know, strict validators of older",
      "versions reject it: an addition, minor.",
    ],
  },
  {
    id: "envelope-member-added-required",
    area: "envelope",
    severity: "breaking",
    title: "A required member was added to the envelope",
    rationale: ["Every existing producer's responses become invalid until they send it."],
  },
  {
    id: "envelope-member-required",
    area: "envelope",
    severity: "breaking",
    title: "An existing envelope member was made required",
    rationale: [
      "Producers that omit it become non-conforming; consumers may start relying on it and then fail on",
      "older producers.",
    ],
  },
  {
    id: "envelope-member-optional",
    area: "envelope",
    severity: "warning",
    title: "An envelope member was made optional",
    rationale: [
      "Consumers that assumed it is always present must now handle its absence in new responses; producers",
      "lose nothing. Reported as minor so the release notes mention it.",
    ],
  },
  {
    id: "envelope-member-removed",
    area: "envelope",
    severity: "breaking",
    title: "A member was removed from the envelope",
    rationale: ["Consumers that read it get `undefined`, and strict validators reject producers that still send it."],
  },
  {
    id: "envelope-member-narrowed",
    area: "envelope",
    severity: "breaking",
    title: "An envelope member accepts fewer values (type, bound, pattern, format)",
    rationale: [
      "Values that producers send today become invalid: a narrowed type, a lowered maximum, a raised",
      "minimum, a new pattern.",
    ],
  },
  {
    id: "envelope-member-widened",
    area: "envelope",
    severity: "warning",
    title: "An envelope member accepts more values",
    rationale: [
      "Producers may now send values older consumers did not expect (a number where a string was), so",
      "strict consumers must be upgraded first: minor.",
    ],
  },
  {
    id: "envelope-unknown-members-forbidden",
    area: "envelope",
    severity: "breaking",
    title: "Unknown members are no longer accepted",
    rationale: ["Responses carrying extra members (newer producers, gateways adding fields) now fail validation."],
  },
  {
    id: "envelope-unknown-members-allowed",
    area: "envelope",
    severity: "warning",
    title: "Unknown members are now accepted",
    rationale: ["Widens what validates: consumers must tolerate extra members."],
  },
  {
    id: "definition-added",
    area: "envelope",
    severity: "warning",
    title: "A `$defs` definition was added",
    rationale: ["Adds a named shape to the generated types; nothing existing changes."],
  },
  {
    id: "definition-removed",
    area: "envelope",
    severity: "breaking",
    title: "A `$defs` definition was removed",
    rationale: ["The generated type of that name disappears; code importing it no longer compiles."],
  },
  {
    id: "message-limit-lowered",
    area: "envelope",
    severity: "breaking",
    title: "The message length limit was lowered",
    rationale: [
      "Messages that were valid (and that services produce today) are now too long: producers must truncate",
      "more, strict validators reject older messages.",
    ],
  },
  {
    id: "message-limit-raised",
    area: "envelope",
    severity: "warning",
    title: "The message length limit was raised",
    rationale: ["Producers may send longer messages than older consumers budget for (log lines, UI fields): minor."],
  },
] as const satisfies readonly RuleRow[];
