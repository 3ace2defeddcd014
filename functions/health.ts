import { app } from "@azure/functions";

/** Liveness: answers without touching dependencies so a load balancer never sees a cascade. */
app.http("health", {
  route: "health",
  methods: ["GET"],
  authLevel: "anonymous",
  handler: () => Promise.resolve({ status: 200, jsonBody: { status: "ok", service: "caseclock" } }),
});
