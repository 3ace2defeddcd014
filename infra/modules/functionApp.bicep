param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerUrl string
@description('Application Insights to send telemetry to (its connection string is read here, never passed around).')
param appInsightsName string
@description('The app\'s own settings (CASECLOCK_* and AZURE_CLIENT_ID), built in main.bicep.')
param appSettings object
@description('Durable Task Scheduler endpoint when that backend is chosen; empty = the Azure Storage backend.')
param durableTaskSchedulerEndpoint string = ''
@allowed(['22'])
param nodeVersion string = '22'
@description('Client id of the Entra app registration whose tokens App Service Authentication accepts (entraApp.bicep).')
param authClientId string
@description('Its Application ID URI, accepted as an audience besides the client id.')
param authAudience string
// Flex Consumption limits: https://learn.microsoft.com/azure/azure-functions/flex-consumption-plan#instance-memory
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

// Platform settings the Functions host reads. Flex Consumption takes the runtime from
// functionAppConfig, so FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION are not set.
// https://learn.microsoft.com/azure/azure-functions/functions-app-settings#flex-consumption-plan-deprecations
var platformSettings = {
  // Identity-based host storage: account name + user-assigned identity, no connection string. The
  // Durable Functions Azure Storage backend uses the same connection.
  // https://learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  // Not a secret by Azure's guidance, and useless alone: the component accepts Entra tokens only.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

// Only with the Durable Task Scheduler backend. It names an endpoint and an identity, no key.
// https://learn.microsoft.com/azure/durable-task/scheduler/durable-task-scheduler-identity
var durableBackendSettings = empty(durableTaskSchedulerEndpoint) ? {} : {
  DURABLE_TASK_SCHEDULER_CONNECTION_STRING: 'Endpoint=${durableTaskSchedulerEndpoint};Authentication=ManagedIdentity;ClientID=${identityClientId}'
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  // azd deploys the package to the resource tagged with the service name of azure.yaml.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references are resolved with the user-assigned identity, not a system identity.
    // https://learn.microsoft.com/azure/app-service/app-service-key-vault-references#access-vaults-with-a-user-assigned-identity
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    // Flex Consumption: the package lives in a blob container read with the identity; runtime and
    // scale are properties of the site, not app settings.
    // https://learn.microsoft.com/azure/azure-functions/functions-infrastructure-as-code?pivots=flex-consumption-plan
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: maximumInstanceCount, instanceMemoryMB: instanceMemoryMB }
      runtime: { name: 'node', version: nodeVersion }
    }
  }
}

// The whole set of app settings, as one object: a siteConfig.appSettings array would have to be built
// with a for-expression, and those cannot iterate over values known only during the deployment (the
// App Insights connection string, module outputs). This resource replaces every setting on each
// provision, so the Bicep stays the one source of truth for them.
// https://learn.microsoft.com/azure/templates/microsoft.web/sites/config-appsettings
resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(platformSettings, durableBackendSettings, appSettings)
}

// No publishing credentials (basic auth): azd deploys to Flex Consumption with an Entra token.
resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

// App Service Authentication with Entra ID (authsettingsV2). It refuses a request without a valid token
// for this app before it reaches the code (401), except on the paths that must stay anonymous: the webhook
// intake (authenticated by signature), the liveness probe, the OpenAPI document, and the support console's
// static files (no data in them: its API calls are checked, and a 401 there shows the console's sign-in
// link to /.auth/login/aad, whose session cookie then goes with every same-origin call). Excluded paths take a trailing `*`
// (https://learn.microsoft.com/azure/app-service/configure-authentication-file-based, "excludedPaths").
// On every other path the platform passes the caller as x-ms-client-principal (claims, `roles` among
// them) and the app, with CASECLOCK_AUTH_MODE=entra, checks the role and the tenant claim itself; the
// platform strips a client-sent x-ms-client-principal, so the header cannot be forged:
// https://learn.microsoft.com/azure/app-service/configure-authentication-user-identities
// Bearer tokens for API clients; browsers sign in with the ID-token flow (no client secret), and no token
// store is kept (the app never calls another API on the user's behalf).
resource auth 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: ['/api/health', '/api/intake/*', '/api/openapi.json', '/api/console/*']
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: { allowedAudiences: [authClientId, authAudience] }
      }
    }
    login: { tokenStore: { enabled: false } }
    httpSettings: { requireHttps: true }
  }
}

output name string = site.name
output id string = site.id
output uri string = 'https://${site.properties.defaultHostName}'
