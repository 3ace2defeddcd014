import { roles } from 'roles.bicep'

// Optional Durable Functions backend (main.bicep durableBackend = 'DurableTaskScheduler'). host.json must
// name it too (extensions.durableTask.storageProvider); docs/deploy.md says what changes.
param name string
param location string
param tags object
@description('Task hub: the same name host.json takes from CASECLOCK_TASK_HUB.')
param taskHubName string
param identityPrincipalId string
@description('Operator who may open the scheduler dashboard; empty = none.')
param operatorPrincipalId string = ''
@allowed(['User', 'ServicePrincipal', 'Group'])
param operatorPrincipalType string = 'User'

// https://learn.microsoft.com/azure/templates/microsoft.durabletask/schedulers
resource scheduler 'Microsoft.DurableTask/schedulers@2025-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: { name: 'Consumption' }
    // An empty list denies every caller; access is still by Entra ID and the role below.
    ipAllowlist: ['0.0.0.0/0']
  }
}

resource taskHub 'Microsoft.DurableTask/schedulers/taskHubs@2025-11-01' = {
  parent: scheduler
  name: taskHubName
  properties: {}
}

// The app starts and queries orchestrations (client) and runs them (worker): Data Contributor.
// https://learn.microsoft.com/azure/durable-task/scheduler/durable-task-scheduler-identity
resource appAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(scheduler.id, identityPrincipalId, roles.durableTaskDataContributor)
  scope: scheduler
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.durableTaskDataContributor)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(scheduler.id, operatorPrincipalId, roles.durableTaskDataContributor)
  scope: scheduler
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.durableTaskDataContributor)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

output name string = scheduler.name
output endpoint string = scheduler.properties.endpoint
output taskHubName string = taskHub.name
