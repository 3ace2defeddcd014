// caseclock on Azure: Functions (Flex Consumption) + Durable Functions (Azure Storage backend),
// Cosmos DB for NoSQL (serverless), Communication Services Email, Key Vault, Application Insights.
// Every data-plane access is by the app's user-assigned managed identity and RBAC: no account key,
// connection string or secret is created in outputs or app settings.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; used in resource names and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Region of every resource. Must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
param location string

@description('JSON: support queues per category and escalation contacts per level (see README, CASECLOCK_SUPPORT_CONTACTS). Empty = a placeholder to replace before go-live.')
param supportContacts string = ''

@description('JSON: intake source -> adapter (json | microsoft-forms). Empty = {"forms":"json"}.')
param intakeAdapters string = ''

@secure()
@description('JSON: intake source -> ["whsec_..."], newest first. Stored in Key Vault only. Empty = {} (no source yet).')
param webhookSecrets string = ''

@secure()
@description('HMAC key for verification codes. azd keeps it stable across provisions (main.parameters.json: secretOrRandomPassword).')
param codeKey string

@description('Object id of the deploying user, given read access to the Key Vault secrets and Cosmos data for troubleshooting. Empty = none.')
param principalId string = ''

@description('Durable Functions task hub name.')
param taskHubName string = 'caseclock'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
// azd passes unset environment variables as empty strings: fall back to working defaults.
var placeholderContacts = '{"queues":{"technical":["technical-queue@example.com"],"billing":["billing-queue@example.com"],"presales":["presales-queue@example.com"]},"escalation":[["duty-manager@example.com"],["head-of-support@example.com"]]}'
var contacts = empty(supportContacts) ? placeholderContacts : supportContacts
var adapters = empty(intakeAdapters) ? '{"forms":"json"}' : intakeAdapters
var tags = { 'azd-env-name': environmentName }

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-caseclock-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: { name: 'id-caseclock-${resourceToken}', location: location, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-caseclock-${resourceToken}'
    appInsightsName: 'appi-caseclock-${resourceToken}'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stcaseclock${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package'
    identityPrincipalId: identity.outputs.principalId
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    accountName: 'cosmos-caseclock-${resourceToken}'
    databaseName: 'caseclock'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
    readerPrincipalId: principalId
  }
}

module communication 'modules/communication.bicep' = {
  name: 'communication'
  scope: rg
  params: {
    emailServiceName: 'ecs-caseclock-${resourceToken}'
    communicationServiceName: 'acs-caseclock-${resourceToken}'
    tags: tags
    identityPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: 'kv-cc-${resourceToken}'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
    readerPrincipalId: principalId
    webhookSecrets: empty(webhookSecrets) ? '{}' : webhookSecrets
    codeKey: codeKey
  }
}

// Every CASECLOCK_* setting the code reads (shared/config/settings.ts); the parity test checks this list
// against the schema and local.settings.example.json. Secrets are Key Vault references resolved by the
// app's user-assigned identity (keyVaultReferenceIdentity on the site).
var appSettings = {
  CASECLOCK_COSMOS_ENDPOINT: cosmos.outputs.endpoint
  CASECLOCK_COSMOS_DATABASE: cosmos.outputs.databaseName
  AZURE_CLIENT_ID: identity.outputs.clientId
  CASECLOCK_MAIL_MODE: 'acs'
  CASECLOCK_ACS_ENDPOINT: communication.outputs.endpoint
  CASECLOCK_MAIL_SENDER: communication.outputs.senderAddress
  CASECLOCK_SUPPORT_CONTACTS: contacts
  CASECLOCK_WEBHOOK_SECRETS: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.webhookSecretsUri})'
  CASECLOCK_INTAKE_ADAPTERS: adapters
  CASECLOCK_BODY_LIMIT_BYTES: '262144'
  CASECLOCK_CODE_KEY: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.codeKeyUri})'
  CASECLOCK_WARNING_FRACTION: '0.75'
  CASECLOCK_ESCALATION_REPEAT: 'target'
  CASECLOCK_FOLLOW_UP_INTERVAL: 'PT4H'
  CASECLOCK_REOPEN_WINDOW_DAYS: '14'
  CASECLOCK_TASK_HUB: taskHubName
  CASECLOCK_RECONCILE_SCHEDULE: '0 */5 * * * *'
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  scope: rg
  params: {
    name: 'func-caseclock-${resourceToken}'
    planName: 'plan-caseclock-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsName: monitoring.outputs.name
    appSettings: appSettings
  }
  // The app resolves Key Vault references and reaches storage at start: its roles must exist first.
  dependsOn: [keyVault, storage, cosmos, communication, monitoring]
}

// Names and the URL only: nothing secret leaves the deployment.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.uri
output AZURE_COSMOS_ACCOUNT_NAME string = cosmos.outputs.accountName
output AZURE_COMMUNICATION_SERVICE_NAME string = communication.outputs.name
output CASECLOCK_MAIL_SENDER string = communication.outputs.senderAddress
