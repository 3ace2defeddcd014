import { roles } from 'roles.bicep'

param name string
param location string
param tags object
param identityPrincipalId string
param readerPrincipalId string = ''
@secure()
param webhookSecrets string
@secure()
param codeKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    // Access by Azure RBAC only (no access policies).
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    enablePurgeProtection: true
  }
}

resource webhookSecretsSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'caseclock-webhook-secrets'
  properties: { value: webhookSecrets, contentType: 'application/json' }
}

resource codeKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'caseclock-code-key'
  properties: { value: codeKey }
}

resource appReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource humanReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(readerPrincipalId)) {
  name: guid(vault.id, readerPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: readerPrincipalId
    principalType: 'User'
  }
}

output name string = vault.name
// Versionless secret URIs: a rotated secret is picked up without redeploying.
// https://learn.microsoft.com/azure/app-service/app-service-key-vault-references#rotation
output webhookSecretsUri string = '${vault.properties.vaultUri}secrets/${webhookSecretsSecret.name}'
output codeKeyUri string = '${vault.properties.vaultUri}secrets/${codeKeySecret.name}'
