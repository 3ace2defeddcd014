param accountName string
param databaseName string
param location string
param tags object
param identityPrincipalId string
@description('Operator given data read access for troubleshooting; empty = none.')
param operatorPrincipalId string = ''

// The containers of shared/store/containers.ts (a test keeps the two in step): the app only reads and
// writes items, it never creates databases or containers (that is a control-plane action here).
var containers = [
  { name: 'tenants', partitionKey: '/id', defaultTtl: null }
  { name: 'cases', partitionKey: '/tenantId', defaultTtl: null }
  { name: 'verifications', partitionKey: '/id', defaultTtl: -1 }
  { name: 'intake', partitionKey: '/source', defaultTtl: -1 }
  { name: 'reports', partitionKey: '/tenantId', defaultTtl: null }
]

// The support queue (GET /api/cases?sort=nextDueAt) sorts breached cases first, then by the soonest
// deadline: an ORDER BY over several properties is served only from a composite index matching it, and a
// filter's property leads the index (shared/adapters/cosmos/containers.ts `queueIndexes`, kept equal by a test;
// https://learn.microsoft.com/azure/cosmos-db/index-policy#composite-indexes).
var casesIndexingPolicy = {
  indexingMode: 'consistent'
  automatic: true
  includedPaths: [{ path: '/*' }]
  // Never queried: the decider's state, the outbox, and the events' bodies (messages). Keeping them out of
  // the index keeps writes cheap whatever people write (shared/adapters/cosmos/containers.ts says the same).
  excludedPaths: [{ path: '/"_etag"/?' }, { path: '/state/*' }, { path: '/outbox/*' }, { path: '/event/*' }]
  compositeIndexes: [
    [{ path: '/breached', order: 'descending' }, { path: '/nextDueAt', order: 'ascending' }]
    [{ path: '/status', order: 'ascending' }, { path: '/breached', order: 'descending' }, { path: '/nextDueAt', order: 'ascending' }]
    [{ path: '/tenantId', order: 'ascending' }, { path: '/breached', order: 'descending' }, { path: '/nextDueAt', order: 'ascending' }]
    [{ path: '/category', order: 'ascending' }, { path: '/breached', order: 'descending' }, { path: '/nextDueAt', order: 'ascending' }]
    [{ path: '/severity', order: 'ascending' }, { path: '/breached', order: 'descending' }, { path: '/nextDueAt', order: 'ascending' }]
  ]
}

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-04-15' = {
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
    // Databases and containers change through ARM (this file) only, never through a data-plane client.
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-04-15' = {
  parent: account
  name: databaseName
  properties: { resource: { id: databaseName } }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-04-15' = [
  for c in containers: {
    parent: database
    name: c.name
    properties: {
      resource: union(
        { id: c.name, partitionKey: { paths: [c.partitionKey], kind: 'Hash', version: 2 } },
        // defaultTtl -1: TTL on, items expire only when they carry their own `ttl`.
        c.defaultTtl == null ? {} : { defaultTtl: c.defaultTtl },
        c.name == 'cases' ? { indexingPolicy: casesIndexingPolicy } : {}
      )
    }
  }
]

// Cosmos DB Built-in Data Contributor / Data Reader are Cosmos SQL roles (sqlRoleDefinitions of the
// account), not Azure RBAC roles, so they are assigned with sqlRoleAssignments.
// https://learn.microsoft.com/azure/cosmos-db/nosql/security/reference-data-plane-roles
var dataContributor = '00000000-0000-0000-0000-000000000002'
var dataReader = '00000000-0000-0000-0000-000000000001'

resource appAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-04-15' = {
  parent: account
  name: guid(account.id, identityPrincipalId, dataContributor)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributor}'
    principalId: identityPrincipalId
    scope: account.id
  }
}

resource operatorAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-04-15' = if (!empty(operatorPrincipalId)) {
  parent: account
  name: guid(account.id, operatorPrincipalId, dataReader)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataReader}'
    principalId: operatorPrincipalId
    scope: account.id
  }
}

output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
