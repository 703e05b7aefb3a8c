// Server E of the overhead bench (for reference, not a target): server B's hand-written
// answer, plus one `createError(...)` per request whose result is not used. The gap between
// B and E is what building the ContractError alone costs (under NODE_ENV=production a 4xx
// one captures no stack: what is left is the engine's Error construction), so A/E is the
// cost of everything else @org/error-server does.
import { createError } from "@org/error-server";
import { answerByHand, MODEL_NOT_FOUND } from "./hand-answer.mjs";
import { serve } from "./serve.mjs";

let made = 0;

serve((req, res) => {
  // Kept reachable (a counter reads it), so the engine cannot drop the construction.
  if (createError("model_not_found", MODEL_NOT_FOUND.message, { param: MODEL_NOT_FOUND.param }).status === 404) made++;
  answerByHand(res, MODEL_NOT_FOUND);
});

process.on("exit", () => void made);
