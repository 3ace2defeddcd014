// Built-in role definition ids used by caseclock, in one place.
// Reference: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
@export()
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  // Lets an identity send mail through a Communication Services resource with Entra ID auth.
  communicationAndEmailServiceOwner: '09976791-48a7-449e-bb21-39d1a415f350'
}
