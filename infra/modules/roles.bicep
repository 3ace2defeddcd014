// Built-in role definition ids used by caseclock, in one place.
// https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
@export()
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  // ACS honours built-in roles only (no custom role narrower than this); it is the role that lets an
  // Entra ID principal send mail through the resource. Scoped to that one resource.
  communicationAndEmailServiceOwner: '09976791-48a7-449e-bb21-39d1a415f350'
  // Durable Task Scheduler: orchestration client and worker operations on a task hub.
  // https://learn.microsoft.com/azure/durable-task/scheduler/durable-task-scheduler-identity
  durableTaskDataContributor: '0ad04412-c4d5-4796-b79c-f76d14c8d402'
}
