param name string
param location string
param tags object

// One user-assigned identity for every data-plane call the app makes (storage, Cosmos, ACS, Key Vault,
// App Insights): it outlives redeployments of the site and is named in AZURE_CLIENT_ID.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
