// Server C of the overhead bench (for reference, not a target): the hand-written answer of
// server B, but built from an Error made per request, as a service that throws its errors
// does. The gap between B and C is the cost of the Error object (its stack trace) alone.
import { answerByHand, MODEL_NOT_FOUND } from "./hand-answer.mjs";
import { serve } from "./serve.mjs";

class HandError extends Error {
  constructor(fields) {
    super(fields.message);
    this.status = fields.status;
    this.type = fields.type;
    this.code = fields.code;
    this.param = fields.param;
    this.docUrl = fields.docUrl;
  }
}

serve((req, res) => {
  answerByHand(res, new HandError(MODEL_NOT_FOUND));
});
