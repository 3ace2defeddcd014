/**
 * The example support desk (queues per category, two escalation levels at support.example) that
 * local.settings.example.json configures: the OpenAPI examples, the end-to-end tests and the benchmarks use
 * the same one, so the addresses they show are the addresses `npm start` mails (test/unit/config.test.ts
 * keeps the two equal).
 */
export const EXAMPLE_SUPPORT_CONTACTS = JSON.stringify({
  queues: {
    technical: ["technical-queue@support.example"],
    billing: ["billing-queue@support.example"],
    presales: ["presales-queue@support.example"],
  },
  escalation: [["duty-manager@support.example"], ["head-of-support@support.example"]],
});
