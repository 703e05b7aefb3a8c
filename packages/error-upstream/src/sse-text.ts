import type { SseEvent } from "@org/error-client";

/**
 * One parsed event written back as event-stream text: `event:` when it is named, `id:` when
 * it changed, `retry:`, then each data line, then the blank line that dispatches it. What a
 * client's parser reads from it is the event that was parsed (comments are not relayed).
 */
export function eventText(event: SseEvent, previousId: string): string {
  let text = event.event === "message" ? "" : `event: ${event.event}\n`;
  if (event.id !== previousId) text += `id: ${event.id}\n`;
  if (event.retry !== null) text += `retry: ${event.retry}\n`;
  for (const line of event.data.split("\n")) text += `data: ${line}\n`;
  return `${text}\n`;
}
