import { roles } from 'roles.bicep'
import { secretNames } from 'secretNames.bicep'

param name string
param location string
param tags object
param identityPrincipalId string
@description('Operator (the azd user) who seeds and rotates the secrets; empty = none.')
param operatorPrincipalId string = ''
@allowed(['User', 'ServicePrincipal', 'Group'])
param operatorPrincipalType string = 'User'
@description('Purge protection: a deleted vault or secret cannot be purged during its retention period.')
param enablePurgeProtection bool = true

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: union(
    {
      tenantId: tenant().tenantId
      sku: { family: 'A', name: 'standard' }
      // Access by Azure RBAC only (no access policies).
      // https://learn.microsoft.com/azure/key-vault/general/rbac-guide
      enableRbacAuthorization: true
      enableSoftDelete: true
      softDeleteRetentionInDays: 7
    },
    // Once on it cannot be turned off, and false is rejected: the property is left out when not wanted.
    // https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview#purge-protection
    enablePurgeProtection ? { enablePurgeProtection: true } : {}
  )
}

// No secret values here. A value written by ARM is written again on every provision, which would undo
// a webhook secret the operator set, and it would pass through deployment parameters. The postprovision
// hook (infra/hooks/seed-secrets.mjs) creates each secret once, only when absent; see docs/deploy.md.

// The app reads secrets through Key Vault references resolved with its user-assigned identity.
resource appReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The operator seeds the secrets (hook) and sets webhook secrets (az keyvault secret set).
resource operatorOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
// Versionless secret URIs: a rotated secret is picked up without redeploying.
// https://learn.microsoft.com/azure/app-service/app-service-key-vault-references#rotation
output webhookSecretsUri string = '${vault.properties.vaultUri}secrets/${secretNames.webhookSecrets}'
output codeKeyUri string = '${vault.properties.vaultUri}secrets/${secretNames.codeKey}'
