// caseclock on Azure: Functions (Flex Consumption) + Durable Functions, Cosmos DB for NoSQL (serverless),
// Communication Services Email, Key Vault, Log Analytics + Application Insights.
// Every data-plane access is by the app's user-assigned managed identity and RBAC: no account key,
// connection string or secret is created in outputs, parameters or app settings.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; used in resource names and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Region of every regional resource. Must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
param location string

@description('Object id of the operator running azd: may seed and rotate Key Vault secrets and read Cosmos data. Empty = none.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

// The shape shared/config/settings.ts (supportContactsSchema) accepts; a wrong shape fails the deployment
// instead of the app's start.
@minLength(1)
type contactList = string[]

@sealed()
type supportQueuesType = {
  technical: contactList
  billing: contactList
  presales: contactList
}

@sealed()
type supportContactsType = {
  queues: supportQueuesType
  @description('escalation[0] = level 1 (duty manager), escalation[1] = level 2 (head of support), ...')
  @minLength(1)
  escalation: contactList[]
}

@description('CASECLOCK_SUPPORT_CONTACTS: queue addresses per category and escalation contacts per level. The default is a placeholder (support.example does not receive mail): set your own before go-live.')
param supportContacts supportContactsType = {
  queues: {
    technical: ['technical-queue@support.example']
    billing: ['billing-queue@support.example']
    presales: ['presales-queue@support.example']
  }
  escalation: [['duty-manager@support.example'], ['head-of-support@support.example']]
}

@description('CASECLOCK_INTAKE_ADAPTERS: intake source -> adapter. A source not named here uses json. Source names follow the app\'s rule (checked below).')
param intakeAdapters { *: 'json' | 'microsoft-forms' | 'typeform' | 'tally' } = {}

@description('E.164 number bought on the Communication Services resource for verification codes by SMS (buy it in the portal first); empty = no SMS channel.')
param smsSender string = ''

@description('Durable Functions task hub (CASECLOCK_TASK_HUB, read by host.json): 3-45 letters and digits, starting with a letter (checked below).')
@minLength(3)
@maxLength(45)
param taskHubName string = 'caseclock'

@description('Durable Functions backend. DurableTaskScheduler also needs the host.json change in docs/deploy.md.')
@allowed(['AzureStorage', 'DurableTaskScheduler'])
param durableBackend string = 'AzureStorage'

@description('Where Communication Services keeps email data at rest.')
param emailDataLocation string = 'Europe'

@description('Node.js major version on Flex Consumption. 22: Node 20 reached end of life on 2026-04-30, and @azure/cosmos 4.10 and @azure/identity 4.14 require 22.')
@allowed(['22'])
param nodeVersion string = '22'

@description('Key Vault purge protection. Turn off only for throwaway environments: once on, it stays on.')
param keyVaultPurgeProtection bool = true

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var useDurableTaskScheduler = durableBackend == 'DurableTaskScheduler'

// Names the app would refuse at start fail the deployment instead, with the same rule as
// shared/config/settings.ts (test/unit/infra/name-rules.test.ts keeps the three in step). Bicep has no
// regular expressions: a string is made of allowed characters when split() at every one of them leaves
// nothing (ARM split() takes an array of delimiters). fail() stops the deployment with its message:
// https://learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-functions-flow-control
var upperLetters = map(range(0, 26), i => substring('ABCDEFGHIJKLMNOPQRSTUVWXYZ', i, 1))
var lowerLetters = map(range(0, 26), i => substring('abcdefghijklmnopqrstuvwxyz', i, 1))
var digits = map(range(0, 10), i => substring('0123456789', i, 1))

// Task hub: the Azure Storage backend allows 3-45 letters and digits, starting with a letter
// (https://learn.microsoft.com/azure/azure-functions/durable/durable-functions-task-hubs#task-hub-names);
// the Durable Task Scheduler's ^[a-zA-Z0-9-]{3,64}$ allows all of those.
var taskHubNameIsValid = contains(concat(upperLetters, lowerLetters), first(taskHubName)) && empty(join(split(taskHubName, concat(upperLetters, lowerLetters, digits)), ''))
var checkedTaskHubName = taskHubNameIsValid ? taskHubName : fail('CASECLOCK_TASK_HUB must be 3-45 letters and digits, starting with a letter.')

// Intake source names: 1-63 lower-case letters, digits and dashes, not starting with a dash (the app's
// source-name rule, which also names the route /api/intake/{source}).
var invalidSourceNames = filter(map(items(intakeAdapters), a => a.key), name => length(name) > 63 || !contains(concat(lowerLetters, digits), first(name)) || !empty(join(split(name, concat(lowerLetters, digits, ['-'])), '')))
var checkedIntakeAdapters = empty(invalidSourceNames) ? intakeAdapters : fail('CASECLOCK_INTAKE_ADAPTERS: source names are 1-63 lower-case letters, digits and dashes, not starting with a dash.')

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
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
    operatorPrincipalId: principalId
  }
}

module communication 'modules/communication.bicep' = {
  name: 'communication'
  scope: rg
  params: {
    emailServiceName: 'ecs-caseclock-${resourceToken}'
    communicationServiceName: 'acs-caseclock-${resourceToken}'
    dataLocation: emailDataLocation
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
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

module durableTaskScheduler 'modules/durableTaskScheduler.bicep' = if (useDurableTaskScheduler) {
  name: 'durableTaskScheduler'
  scope: rg
  params: {
    name: 'dts-caseclock-${resourceToken}'
    location: location
    tags: tags
    taskHubName: checkedTaskHubName
    identityPrincipalId: identity.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
  }
}

// Sign-in: the Entra app registration whose tokens App Service Authentication accepts, with the app
// roles Agent, Admin and Customer (docs/deploy.md, "Sign-in with Entra ID"). Microsoft Graph resources,
// through the Graph Bicep extension (infra/bicepconfig.json); the caseclock_tenant claim needs Graph
// objects that extension does not have, so the postprovision hook adds it (infra/hooks/tenant-claim.mjs).
module entra 'modules/entraApp.bicep' = {
  name: 'entraApp'
  scope: rg
  params: {
    uniqueName: 'caseclock-api-${resourceToken}'
    displayName: 'caseclock API (${environmentName})'
    identifierUri: 'api://${tenant().tenantId}/caseclock-${resourceToken}'
    ownerPrincipalId: principalId
    // The function app's default host name in Azure's public cloud (functionApp below is named
    // func-caseclock-<token>; the site needs this registration's client id, so it cannot be read from it).
    signInRedirectUri: 'https://func-caseclock-${resourceToken}.azurewebsites.net/.auth/login/aad/callback'
  }
}

// Every CASECLOCK_* setting the code reads (shared/config/settings.ts); the parity test checks this list
// against the schema and local.settings.example.json. Secrets are Key Vault references resolved by the
// app's user-assigned identity (keyVaultReferenceIdentity on the site). The tuning values repeat the
// schema's defaults so that the deployed value is visible in the portal.
var appSettings = {
  CASECLOCK_COSMOS_ENDPOINT: cosmos.outputs.endpoint
  CASECLOCK_COSMOS_DATABASE: cosmos.outputs.databaseName
  AZURE_CLIENT_ID: identity.outputs.clientId
  CASECLOCK_MAIL_MODE: 'acs'
  CASECLOCK_ACS_ENDPOINT: communication.outputs.endpoint
  CASECLOCK_MAIL_SENDER: communication.outputs.senderAddress
  CASECLOCK_SMS_SENDER: smsSender
  CASECLOCK_SUPPORT_CONTACTS: string(supportContacts)
  CASECLOCK_WEBHOOK_SECRETS: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.webhookSecretsUri})'
  CASECLOCK_INTAKE_ADAPTERS: string(checkedIntakeAdapters)
  // Staff and customers sign in with Entra ID (App Service Authentication in front of the app); see README.
  CASECLOCK_AUTH_MODE: 'entra'
  CASECLOCK_BODY_LIMIT_BYTES: '262144'
  CASECLOCK_CODE_KEY: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.codeKeyUri})'
  CASECLOCK_WARNING_FRACTION: '0.75'
  CASECLOCK_ESCALATION_REPEAT: 'target'
  CASECLOCK_FOLLOW_UP_INTERVAL: ''
  CASECLOCK_REOPEN_WINDOW_DAYS: '14'
  CASECLOCK_LOWER_ON_CUSTOMER_SILENCE: 'preset'
  CASECLOCK_CUSTOMER_REMINDERS: '3'
  CASECLOCK_AUTO_CLOSE_DAYS: '7'
  CASECLOCK_TASK_HUB: checkedTaskHubName
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
    // The module exists only with that backend: safe access, '' otherwise.
    durableTaskSchedulerEndpoint: durableTaskScheduler.?outputs.endpoint ?? ''
    nodeVersion: nodeVersion
    authClientId: entra.outputs.clientId
    authAudience: entra.outputs.identifierUri
  }
  // No dependsOn: the parameters above read outputs of identity, monitoring, storage, cosmos,
  // communication and keyVault, so ARM deploys those modules (their role assignments included) first.
}

// Names and the URL only: nothing secret leaves the deployment. azd writes these to the environment
// (.azure/<env>/.env); the postprovision hook reads AZURE_KEY_VAULT_ENDPOINT.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.uri
output AZURE_FUNCTION_APP_ID string = functionApp.outputs.id
output AZURE_AUTH_CLIENT_ID string = entra.outputs.clientId
output AZURE_AUTH_APP_ID_URI string = entra.outputs.identifierUri
output AZURE_USER_ASSIGNED_IDENTITY_NAME string = identity.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_COSMOS_ACCOUNT_NAME string = cosmos.outputs.accountName
output AZURE_COMMUNICATION_SERVICE_NAME string = communication.outputs.name
output AZURE_EMAIL_SERVICE_NAME string = communication.outputs.emailServiceName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.name
output AZURE_LOG_ANALYTICS_NAME string = monitoring.outputs.workspaceName
output AZURE_DURABLE_TASK_SCHEDULER_NAME string = durableTaskScheduler.?outputs.name ?? ''
output CASECLOCK_MAIL_SENDER string = communication.outputs.senderAddress
