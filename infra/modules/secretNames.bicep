// Key Vault secret names, shared by the app settings (Key Vault references) and the seeding hook
// (infra/hooks/seed-secrets.mjs; a test checks the two agree).
@export()
var secretNames = {
  webhookSecrets: 'caseclock-webhook-secrets'
  codeKey: 'caseclock-code-key'
}
