// A real OpenID Connect provider for the tests: panva's certified oidc-provider (npm), on loopback.
//
// Started by tests/tenants/oidc/provider.py with its configuration as JSON on stdin:
//   {"port": N, "clients": [{"client_id", "client_secret", "redirect_uris", "twist"?}],
//    "accounts": {"<sub>": {"email": ..., "email_verified": ..., "name": ...}}}
// Its own development sign-in page takes any account name (the `sub`); consent is given at once.
//
// A client's "twist" makes the provider hand that client an ID token that a relying party must
// refuse, signed like any other: "audience" (issued to another client), "expired" (an hour old),
// "foreign_key" (signed with a key the provider does not publish). That is how a misconfigured
// or compromised provider looks from our side. The twist "mfa" is a good one: the provider says
// it did multi-factor authentication (`amr`), as Entra ID does after its own second factor.
import { readFileSync } from 'node:fs';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';
import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(0, 'utf8'));
const issuer = `http://127.0.0.1:${config.port}`;

async function signingKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { privateKey, jwk: { ...jwk, kid: 'test-key', alg: 'RS256', use: 'sig' } };
}

const published = await signingKey();
const foreign = await signingKey();
const twists = Object.fromEntries(config.clients.filter((c) => c.twist).map((c) => [c.client_id, c.twist]));

const provider = new Provider(issuer, {
  clients: config.clients.map(({ twist, ...client }) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...client,
  })),
  jwks: { keys: [published.jwk] },
  cookies: { keys: ['somevakt-test-provider'] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  async findAccount(ctx, id) {
    const account = config.accounts[id];
    if (!account) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...account }; } };
  },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});

provider.use(async (ctx, next) => {
  await next();
  const twist = ctx.path === '/token' && ctx.status === 200 ? twists[ctx.oidc?.client?.clientId] : undefined;
  if (!twist || !ctx.body?.id_token) return;
  const claims = decodeJwt(ctx.body.id_token);
  const { kid } = decodeProtectedHeader(ctx.body.id_token);
  const now = Math.floor(Date.now() / 1000);
  if (twist === 'audience') claims.aud = 'another-client';
  if (twist === 'expired') Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
  if (twist === 'mfa') claims.amr = ['pwd', 'mfa'];
  const key = twist === 'foreign_key' ? foreign.privateKey : published.privateKey;
  ctx.body = { ...ctx.body, id_token: await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(key) };
});

provider.listen(config.port, '127.0.0.1', () => {
  process.stdout.write(`ready ${issuer}\n`);
});
