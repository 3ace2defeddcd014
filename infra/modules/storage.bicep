import { roles } from 'roles.bicep'

param name string
param location string
param tags object
param deploymentContainerName string
param identityPrincipalId string

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    // Identity only: no account keys, no SAS (AzureWebJobsStorage is identity-based).
    // https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Public endpoint, but every request needs an Entra token with a data role; a private network
    // (VNet integration + private endpoints) is a separate decision, see docs/deploy.md.
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: account
  name: 'default'
}

// Flex Consumption reads the app package from this container (functionAppConfig.deployment.storage).
resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobs
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

// The Functions host and the Durable Functions Azure Storage backend use blobs (leases, the package),
// queues (control and work-item queues) and tables (history and instances).
// https://learn.microsoft.com/azure/azure-functions/durable/durable-functions-azure-storage-provider#identity-based-connections
var dataRoles = [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in dataRoles: {
    name: guid(account.id, identityPrincipalId, role)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: identityPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

output name string = account.name
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'
