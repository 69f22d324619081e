import { SOMETHING_WENT_WRONG } from "../../../commands/messages.js";
import { notice } from "../../reply/reply.js";

/**
 * What both chat adapters say outside a command's own reply. Slack shows a notice's `text` alone
 * (ephemeral text responses); Discord renders the whole notice.
 */
export const ADAPTER_REPLIES = {
  /** A command failed on the bot's side (the dispatcher's own wording). */
  failed: SOMETHING_WENT_WRONG,
  /** Work arrived while the bot is stopping. */
  restarting: notice("Restarting", "dispute-bot is restarting — please try again in a minute.", "notice"),
  /** A share button whose answer is no longer kept. */
  expired: notice("That answer expired", "That answer has expired, so it can't be shared any more — please ask again.", "notice"),
  /** Someone other than the asker, or another channel, pressed share (a replayed or forwarded button). */
  notYours: notice("Not yours to share", "Only the person who asked can share this answer, and only in the channel where it was asked.", "notice"),
  /** The asker pressed share a second time. */
  alreadyShared: notice("Already shared", "You already shared that answer in this channel.", "notice"),
} as const;

/** The text of an adapter reply, for platforms that answer with text alone. */
export const adapterText = (key: keyof typeof ADAPTER_REPLIES): string => ADAPTER_REPLIES[key].text ?? ADAPTER_REPLIES[key].title;
