import { Hono } from 'hono';
import * as z from 'zod/mini';
import { EmailSchema, InviteRequestSchema } from '../../lib/sync/schemas';
import { unstorableReason, unstorableTextAt } from '../../lib/sync/storable-text';
import { TemplateSchema } from '../../lib/template';
import type { AppEnv, ServerOptions } from '../http/app-env';
import { requireMember } from '../http/guards';
import type { RateLimiter } from '../http/rate-limit';
import { parseJsonBody, RequestError } from '../http/request-error';

const RevokeRequestSchema = z.object({ email: EmailSchema });

/** Members and templates: admins change them, for their own team only. Everyone reads templates. */
export function adminRoutes(options: ServerOptions, limiter: RateLimiter): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const admin = requireMember(options, limiter, 'manageMembers');
  const templatesAdmin = requireMember(options, limiter, 'manageTemplates');
  const { members, team } = options.store;

  routes.get('/members', admin, async (c) => c.json(await members.list(c.get('caller').teamId, options.now())));
  routes.post('/members/invite', admin, async (c) => {
    const { email, role } = await parseJsonBody(c, InviteRequestSchema);
    return c.json(await members.invite(c.get('caller').teamId, email, role, options.now(), c.get('caller')), 201);
  });
  routes.post('/members/revoke', admin, async (c) => {
    const { email } = await parseJsonBody(c, RevokeRequestSchema);
    const outcome = await members.revoke(c.get('caller').teamId, email, options.now(), c.get('caller'));
    if (outcome === 'notFound') throw new RequestError(404, `no member or open invite for ${email} in your team`);
    if (outcome === 'lastAdmin') throw new RequestError(409, 'you are the team\'s last admin: make someone else an admin first, or nobody could manage the team');
    return c.json({ revoked: email });
  });

  routes.get('/templates', requireMember(options, limiter, 'readTemplates'), async (c) => c.json({ templates: await team.templates(c.get('caller').teamId) }));
  routes.put('/templates', templatesAdmin, async (c) => {
    const template = await parseJsonBody(c, TemplateSchema);
    const unstorable = unstorableTextAt(template);
    if (unstorable) throw new RequestError(400, unstorableReason(unstorable));
    await team.putTemplate(c.get('caller').teamId, template, options.now());
    return c.json(template);
  });
  return routes;
}
