import { expect } from "vitest";
import { listenersOn, trackPackageTimers, watchUnhandled } from "./invariants.js";
import { armPlan, type CallPlan } from "./options.js";

/**
 * Runs one case of a fault with `plan` armed (its signal, hook and abort timer), and checks
 * after `body` what must not outlive any call: listeners on the caller's signal, the
 * package's timers, unhandled rejections. Everything is disposed of, also on failure.
 */
export async function watchedCase(
  name: string,
  plan: CallPlan,
  body: (armed: ReturnType<typeof armPlan>) => Promise<void>,
): Promise<void> {
  const armed = armPlan(plan);
  const timers = trackPackageTimers();
  const unhandled = watchUnhandled();
  try {
    await body(armed);
    if (armed.signal) expect(listenersOn(armed.signal), "listeners left on the caller's signal").toBe(0);
    expect(timers.pending(), `package timers left pending after ${name}`).toBe(0);
    // A rejection left unhandled is reported after the current turn.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(unhandled.seen, "unhandled rejections").toEqual([]);
  } finally {
    armed.dispose();
    timers.stop();
    unhandled.stop();
  }
}
