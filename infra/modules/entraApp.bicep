// The Entra ID app registration that signs people in to caseclock (App Service Authentication, see
// functionApp.bicep): an API with the app roles the app checks and a delegated scope for clients.
// Microsoft Graph resources through the Graph Bicep extension: they are created with the permissions of
// whoever deploys (by default any member may register applications; otherwise Application Developer).
// https://learn.microsoft.com/graph/templates/bicep/reference/applications?view=graph-bicep-1.0
extension microsoftGraphV1

@description('Client-provided key of the registration: the same value finds the same app on every provision.')
param uniqueName string
param displayName string
@description('Application ID URI, api://<tenant id>/<string>: a format Entra accepts for new apps without a verified domain.')
param identifierUri string
@description('Object id of the operator running azd, made an owner (may manage the registration and its claim); empty = none.')
param ownerPrincipalId string = ''
@description('Where App Service Authentication receives browser sign-ins: https://<app host>/.auth/login/aad/callback.')
param signInRedirectUri string

// The app reads these role values from the principal App Service passes (x-ms-client-principal, claim
// type `roles`). Customers get `Customer` and the caseclock_tenant claim (docs/deploy.md).
var roles = [
  {
    value: 'Agent'
    displayName: 'Support agent'
    description: 'Works on every tenant\'s cases: opens requests, answers, changes severity, closes.'
  }
  {
    value: 'Admin'
    displayName: 'Support administrator'
    description: 'Everything an agent does, plus organisation profiles and SLA settings.'
  }
  {
    value: 'Customer'
    displayName: 'Customer'
    description: 'Reads the cases of the one organisation its caseclock_tenant claim names.'
  }
]

// Azure CLI's well-known client id: pre-authorised so that operators and scripts can get a token with
// `az account get-access-token --scope <identifierUri>/user_impersonation` without a consent prompt.
var azureCliClientId = '04b07795-8ddb-461a-bbee-02f9e1bf7b46'
var scopeId = guid(uniqueName, 'user_impersonation')

resource app 'Microsoft.Graph/applications@v1.0' = {
  uniqueName: uniqueName
  displayName: displayName
  signInAudience: 'AzureADMyOrg'
  identifierUris: [identifierUri]
  api: {
    // v2 access tokens: the audience is the client id, which acceptMappedClaims requires.
    requestedAccessTokenVersion: 2
    // The caseclock_tenant claim comes from a claims-mapping policy (infra/hooks/tenant-claim.mjs). A
    // single-tenant app may accept mapped claims instead of using its own signing key:
    // https://learn.microsoft.com/entra/identity-platform/jwt-claims-customization#update-the-application-manifest
    acceptMappedClaims: true
    oauth2PermissionScopes: [
      {
        id: scopeId
        value: 'user_impersonation'
        type: 'User'
        isEnabled: true
        adminConsentDisplayName: 'Use caseclock'
        adminConsentDescription: 'Call caseclock with the signed-in user\'s app roles.'
        userConsentDisplayName: 'Use caseclock'
        userConsentDescription: 'Call caseclock with your app roles.'
      }
    ]
    preAuthorizedApplications: [{ appId: azureCliClientId, delegatedPermissionIds: [scopeId] }]
  }
  // Browser sign-in for the support console: App Service Authentication runs the OpenID Connect flow and,
  // with no client secret configured, asks for an ID token (form_post), which the registration must allow.
  // https://learn.microsoft.com/azure/app-service/configure-authentication-provider-aad
  web: {
    redirectUris: [signInRedirectUri]
    implicitGrantSettings: { enableIdTokenIssuance: true, enableAccessTokenIssuance: false }
  }
  appRoles: [
    for role in roles: {
      id: guid(uniqueName, role.value)
      value: role.value
      displayName: role.displayName
      description: role.description
      allowedMemberTypes: ['User']
      isEnabled: true
    }
  ]
  owners: { relationships: empty(ownerPrincipalId) ? [] : [ownerPrincipalId] }
}

// Only users (and groups) given one of the roles get a token for the API at all.
resource servicePrincipal 'Microsoft.Graph/servicePrincipals@v1.0' = {
  appId: app.appId
  appRoleAssignmentRequired: true
  owners: { relationships: empty(ownerPrincipalId) ? [] : [ownerPrincipalId] }
}

output clientId string = app.appId
output identifierUri string = identifierUri
output servicePrincipalId string = servicePrincipal.id
