import { roles } from 'roles.bicep'

param emailServiceName string
param communicationServiceName string
param tags object
param identityPrincipalId string
@description('Where Communication Services keeps its data at rest (e.g. Europe, United States).')
param dataLocation string

// Communication Services resources are global; their data location is chosen separately.
// https://learn.microsoft.com/azure/templates/microsoft.communication/emailservices
resource emailService 'Microsoft.Communication/emailServices@2025-09-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: { dataLocation: dataLocation }
}

// An Azure-managed domain (<guid>.azurecomm.net): no DNS to verify, and it comes with the DoNotReply
// sender. Its name must be AzureManagedDomain.
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
    // Sending is by Entra ID only (the app's identity); the access keys stop working. In 2025-09-01:
    // specification/communication/resource-manager/Microsoft.Communication/stable/2025-09-01/examples/
    // communicationServices/createOrUpdateWithDisableLocalAuth.json (azure-rest-api-specs).
    disableLocalAuth: true
  }
}

// Sending mail with an Entra token needs a built-in role on the Communication Services resource; ACS
// does not honour custom roles, and this is the built-in one that covers email send. It is broader than
// sending (it can manage the resource), so it is scoped to this one resource.
// https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/integration#communication-and-email-service-owner
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
output emailServiceName string = emailService.name
output endpoint string = 'https://${communicationService.properties.hostName}'
// The sender of an Azure-managed domain: DoNotReply@<guid>.azurecomm.net.
output senderAddress string = 'DoNotReply@${domain.properties.mailFromSenderDomain}'
