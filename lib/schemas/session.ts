import { z } from "zod";

/** Why a dashboard session ended (the `reason` of a `session.ended` audit event). */
export const SESSION_END_REASONS = ["signed-out", "signed-out-everywhere", "password-changed", "password-reset", "disabled"] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** The answer of "sign out everywhere": how many live sessions it ended. */
export const sessionsEndedResponse = z.object({ ended: z.number().int().min(0) });
export type SessionsEnded = z.infer<typeof sessionsEndedResponse>;
