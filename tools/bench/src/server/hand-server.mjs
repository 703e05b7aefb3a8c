// Server B of the overhead bench: the same answer written by hand (see hand-answer.mjs).
import { answerByHand, MODEL_NOT_FOUND } from "./hand-answer.mjs";
import { serve } from "./serve.mjs";

serve((req, res) => {
  answerByHand(res, MODEL_NOT_FOUND);
});
