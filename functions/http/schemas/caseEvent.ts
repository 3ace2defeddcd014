import { z } from "zod";
import { instant } from "./common.js";
import { caseViewSchema } from "./caseView.js";
import { caseEventBodySchema } from "../caseEventBody.js";

const eventTypes = caseEventBodySchema.options.map((o) => o.shape.type.value);

const eventOf = <S extends "applied" | "accepted">(status: S) =>
  z.object({
    id: z.string(),
    type: z.enum(eventTypes as [(typeof eventTypes)[number], ...(typeof eventTypes)[number][]]),
    status: z.literal(status),
    receivedAt: instant,
  });

/** 200: the event is applied; the case as it is now. */
export const eventAppliedSchema = z
  .object({ event: eventOf("applied"), case: caseViewSchema })
  .meta({ id: "EventApplied", description: "The event was applied; the case after it." });

/** 202: the event is stored in the case's inbox and will be applied. */
export const eventAcceptedSchema = z
  .object({ event: eventOf("accepted") })
  .meta({ id: "EventAccepted", description: "The event is stored and will be applied; read the case later." });
