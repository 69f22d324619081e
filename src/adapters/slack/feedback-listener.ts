import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { FEEDBACK_MESSAGES } from "../../../commands/messages.js";
import { FEEDBACK_DOWN_ID, FEEDBACK_UP_ID, takeVote, voteOf } from "../shared/feedback.js";
import { safeError } from "../shared/redact.js";
import type { AnswerWork, ListenerDeps } from "./listeners.js";

/**
 * Registers the 👍 / 👎 buttons (`feedback_up`, `feedback_down`; the value is the answer's key):
 * the click is acknowledged at once, recorded once per user per answer (a second click changes
 * the vote), and answered privately through the response URL.
 */
export function registerFeedbackListener(app: App, deps: ListenerDeps, work: AnswerWork): void {
  const { log, respond } = deps;
  app.action<BlockAction<ButtonAction>>(new RegExp(`^(?:${FEEDBACK_UP_ID}|${FEEDBACK_DOWN_ID})$`), async ({ action, body, ack }) => {
    work.turns.arrived();
    await ack();
    work.background(async () => {
      const vote = voteOf(action.action_id);
      try {
        const reply = deps.feedback && vote ? await takeVote(deps.feedback, { key: action.value ?? "", platform: "slack", user: body.user.id, vote }) : FEEDBACK_MESSAGES.expired;
        await respond(body.response_url, { response_type: "ephemeral", replace_original: false, text: reply.text ?? reply.title });
      } catch (error) {
        log.error({ platform: "slack", user: body.user.id, command: "feedback", err: safeError(error) }, "could not record feedback");
      }
    });
  });
}
