import type { PartyPositions } from "../knowledge/positions.js";
import type { SourceSummary } from "../knowledge/sources.js";
import type { Status } from "../knowledge/status.js";
import type { TimelineEvent } from "../knowledge/timeline.js";
import type { Answer, ClaimCheck } from "../knowledge/types.js";
import type { FeedbackReport } from "../store/conversation.js";

/**
 * What a reply is about, in structured form, beside its text: the core's answer it was made
 * from. Renderers that need structure (the JSON renderer) read this; chat renderers read the
 * reply's text and quotes.
 */
export type ReplyData =
  | { readonly type: "answer"; readonly answer: Answer | ClaimCheck }
  | { readonly type: "positions"; readonly parties: readonly PartyPositions[] }
  | { readonly type: "status"; readonly status: Status }
  | { readonly type: "timeline"; readonly events: readonly TimelineEvent[] }
  | { readonly type: "sources"; readonly sources: readonly SourceSummary[] }
  | { readonly type: "feedback"; readonly report: FeedbackReport };
