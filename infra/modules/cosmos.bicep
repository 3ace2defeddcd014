param accountName string
param databaseName string
param location string
param tags object
param identityPrincipalId string
@description('Optional human principal given data read access for troubleshooting; empty = none.')
param readerPrincipalId string = ''

// The containers of shared/store/containers.ts (the parity test keeps the two in step).
var containers = [
  { name: 'tenants', partitionKey: '/id', defaultTtl: null }
  { name: 'cases', partitionKey: '/tenantId', defaultTtl: null }
  { name: 'verifications', partitionKey: '/id', defaultTtl: -1 }
  { name: 'intake', partitionKey: '/source', defaultTtl: -1 }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    capabilities: [{ name: 'EnableServerless' }]
    // Keys cannot be used at all: only Entra ID tokens with a Cosmos data-plane role.
    // https://learn.microsoft.com/azure/cosmos-db/how-to-setup-rbac#disable-local-auth
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: { resource: { id: databaseName } }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for c in containers: {
    parent: database
    name: c.name
    properties: {
      resource: union(
        { id: c.name, partitionKey: { paths: [c.partitionKey], kind: 'Hash', version: 2 } },
        // defaultTtl -1: TTL on, items expire only when they carry their own `ttl`.
        c.defaultTtl == null ? {} : { defaultTtl: c.defaultTtl }
      )
    }
  }
]

// Cosmos DB Built-in Data Contributor (a Cosmos SQL role, not an Azure RBAC role).
// https://learn.microsoft.com/azure/cosmos-db/nosql/security/reference-data-plane-roles
var dataContributor = '00000000-0000-0000-0000-000000000002'
var dataReader = '00000000-0000-0000-0000-000000000001'

resource appAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, identityPrincipalId, dataContributor)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributor}'
    principalId: identityPrincipalId
    scope: account.id
  }
}

resource readerAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = if (!empty(readerPrincipalId)) {
  parent: account
  name: guid(account.id, readerPrincipalId, dataReader)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataReader}'
    principalId: readerPrincipalId
    scope: account.id
  }
}

output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
