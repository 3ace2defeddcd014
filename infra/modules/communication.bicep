import { roles } from 'roles.bicep'

param emailServiceName string
param communicationServiceName string
param tags object
param identityPrincipalId string
@description('Where ACS keeps its data at rest.')
param dataLocation string = 'Europe'

// Communication Services resources are global; their data location is chosen separately.
// API 2025-09-01: the GA version of @azure/arm-communication 4.x, which has disableLocalAuth on
// communicationServices. https://learn.microsoft.com/azure/templates/microsoft.communication/communicationservices
resource emailService 'Microsoft.Communication/emailServices@2025-09-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: { dataLocation: dataLocation }
}

// An Azure-managed domain (<guid>.azurecomm.net): no DNS to verify, sender DoNotReply@ it.
// https://learn.microsoft.com/azure/communication-services/quickstarts/email/add-azure-managed-domains
resource domain 'Microsoft.Communication/emailServices/domains@2025-09-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2025-09-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [domain.id]
    // Sending is by Entra ID only (the app's identity); access keys are not used anywhere.
    disableLocalAuth: true
  }
}

// Email send with Entra ID needs this role on the Communication Services resource.
// https://learn.microsoft.com/azure/communication-services/concepts/authentication
resource sender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communicationService.id, identityPrincipalId, roles.communicationAndEmailServiceOwner)
  scope: communicationService
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.communicationAndEmailServiceOwner)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = communicationService.name
output endpoint string = 'https://${communicationService.properties.hostName}'
output senderAddress string = 'DoNotReply@${domain.properties.mailFromSenderDomain}'
