import { roles } from 'roles.bicep'

param logAnalyticsName string
param appInsightsName string
param location string
param tags object
param identityPrincipalId string

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
    // Queries and ingestion with Entra ID only (no workspace keys, no shared-key agents).
    // https://learn.microsoft.com/azure/azure-monitor/logs/azure-ad-authentication-logs#disable-local-authentication-for-log-analytics
    features: { disableLocalAuth: true }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry is accepted only with an Entra token (APPLICATIONINSIGHTS_AUTHENTICATION_STRING); the
    // instrumentation key in the connection string alone cannot write.
    // https://learn.microsoft.com/azure/azure-monitor/app/azure-ad-authentication
    DisableLocalAuth: true
  }
}

// Entra ID ingestion needs this role on the component for the identity that sends.
resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identityPrincipalId, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The name only: the site reads the connection string itself (functionApp.bicep), so it never becomes
// a deployment output.
output name string = appInsights.name
output workspaceName string = workspace.name
