using Chatbot.SecurityDrills.Harness;

namespace Chatbot.SecurityDrills.Routes;

/// <summary>
/// The explicit classification of every route of every service, keyed "service METHOD pattern" as the route-table
/// export names it. A route missing here fails <c>Every_route_is_classified</c>: a new endpoint must be added with its
/// access rule before it can ship, and the matrix then tests it automatically.
/// </summary>
public static class RouteCatalog
{
    private const string InfraWhy = "health, liveness and Prometheus metrics are anonymous for probes and scrapers; the route export is test-only";

    public static readonly IReadOnlyDictionary<string, RouteRule> Rules = Build();

    private static Dictionary<string, RouteRule> Build()
    {
        var rules = new Dictionary<string, RouteRule>();
        foreach (var service in SecuritySystemFixture.Services)
        {
            foreach (var key in (string[])["* /health", "* /alive", "* /metrics", "GET /_diagnostics/routes"])
            {
                rules[$"{service} {key}"] = new(Access.Infrastructure, InfraWhy);
            }
        }
        Identity(rules);
        Chat(rules);
        Moderation(rules);
        Billing(rules);
        rules["inference-worker POST /v1/chat/completions"] = new(Access.Internal, "the provider simulator (a fake of the outside world), reached by the worker only",
            """{"messages":[{"role":"user","content":"hi"}],"max_tokens":5}""") { ReadsJsonItself = true, ForeignErrorFormat = true };
        rules["inference-worker POST /simulators/{name}/v1/chat/completions"] = new(Access.Internal, "the named provider simulator",
            """{"messages":[{"role":"user","content":"hi"}],"max_tokens":5}""", (_, _) => "primary") { ReadsJsonItself = true, ForeignErrorFormat = true };
        return rules;
    }

    private static void Identity(Dictionary<string, RouteRule> r)
    {
        const string anonymous = "account self-service before sign-in; limited per client IP";
        r["identity POST /connect/token"] = new(Access.Public, "OAuth token endpoint (password and refresh grants); login limited per client IP");
        r["identity POST /internal/api-keys/verify"] = new(Access.Internal, "chat's API key check; not forwarded by chat's proxy", """{"key":"cbk_unknown"}""");
        r["identity GET /internal/accounts/{userId:guid}"] = new(Access.Internal, "a user's profile for chat's account export; not forwarded by chat's proxy",
            Argument: (a, _) => a.Admin.UserId.ToString());
        r["identity POST /api/account/register"] = new(Access.Public, anonymous,
            """{"email":"fuzz@example.test","password":"Fuzz-Password-123!","tenantName":"fuzz"}""");
        r["identity GET /api/account/confirm-email"] = new(Access.Public, anonymous);
        r["identity POST /api/account/resend-verification"] = new(Access.Public, anonymous, """{"email":"fuzz@example.test"}""");
        r["identity POST /api/account/forgot-password"] = new(Access.Public, anonymous, """{"email":"fuzz@example.test"}""");
        r["identity POST /api/account/reset-password"] = new(Access.Public, anonymous,
            """{"email":"fuzz@example.test","token":"x","newPassword":"Fuzz-Password-123!"}""");
        r["identity POST /api/account/delete"] = new(Access.CallerScoped, "deletes the caller's own account (password required)", """{"password":"not-the-password"}""");
        r["identity GET /api/tenant/"] = new(Access.CallerScoped, "the caller's tenant");
        r["identity GET /api/tenant/members"] = new(Access.CallerScoped, "members of the caller's tenant");
        r["identity POST /api/tenant/invitations"] = new(Access.CallerScoped, "invitation into the caller's tenant", """{"role":"member"}""");
        r["identity POST /api/tenant/api-keys/"] = new(Access.CallerScoped, "API key of the caller's tenant", """{"name":"tenant-b-key"}""");
        r["identity GET /api/tenant/api-keys/"] = new(Access.CallerScoped, "API keys of the caller's tenant");
        r["identity DELETE /api/tenant/api-keys/{id:guid}"] = new(Access.OwnedByTenant, "revokes a key of the caller's tenant", Argument: (a, _) => a.ApiKeyId.ToString());
        r["identity GET /api/admin/tenants/"] = new(Access.PlatformAdmin, "every tenant");
        r["identity PUT /api/admin/tenants/{id:guid}/tier"] = new(Access.PlatformAdmin, "any tenant's tier", """{"tier":"enterprise"}""", (a, _) => a.Admin.TenantId.ToString());
        r["identity POST /api/admin/signing-keys/rotate"] = new(Access.PlatformAdmin, "token signing keys");
        r["identity DELETE /api/tenant/users/{id:guid}"] = new(Access.OwnedByTenant, "erases a user of the caller's tenant",
            Argument: (a, _) => a.Admin.UserId.ToString());
        r["identity DELETE /api/admin/tenants/{id:guid}"] = new(Access.PlatformAdmin, "erases a whole tenant", Argument: (a, _) => a.Admin.TenantId.ToString());
        r["identity GET /api/erasures/{id:guid}"] = new(Access.OwnedByTenant,
            "an erasure receipt: the subject's tenant admins, platform admins, or the signed link mailed to the erased user",
            Argument: (_, _) => Guid.NewGuid().ToString());
    }

    private static void Chat(Dictionary<string, RouteRule> r)
    {
        const string forwarded = "reverse proxy to the backend; the backend's route table is classified route by route";
        foreach (var pattern in (string[])["/api/moderations", "/api/moderation/{**rest}", "/api/usage", "/api/usage/{**rest}", "/api/billing/{**rest}",
                     "/api/admin/tenants/{**rest}", "/api/admin/signing-keys/{**rest}", "/api/account/{**rest}", "/api/tenant/{**rest}",
                     "/api/erasures/{**rest}"])
        {
            r[$"chat * {pattern}"] = new(Access.Forwarded, forwarded);
        }
        r["chat * /connect/{**rest}"] = new(Access.Forwarded, "OAuth endpoints; OpenIddict's middleware serves /connect/revoke besides the mapped /connect/token");
        r["chat * /.well-known/{**rest}"] = new(Access.Forwarded, "OpenID discovery and JWKS (public keys), served by OpenIddict's middleware");
        r["chat GET /openapi/{documentName}.json"] = new(Access.Public, "the API description; no data", Argument: (_, _) => "v1");
        foreach (var asset in (string[])["/scalar/scalar.js", "/scalar/scalar.aspnetcore.js", "/scalar/favicon.svg", "/scalar/{documentName?}"])
        {
            r[$"chat GET {asset}"] = new(Access.Public, "Development-only API reference page and its assets (not mapped in Production)", Argument: (_, _) => "v1");
        }
        r["chat POST /web/session/"] = new(Access.Public, "the web page's log-in (password grant through identity, its per-IP limit)",
            """{"email":"fuzz@example.test","password":"x"}""");
        r["chat POST /web/session/refresh"] = new(Access.Public, "cookie session refresh; needs the session cookie and the X-Chatbot-Web header");
        r["chat DELETE /web/session/"] = new(Access.Public, "log-out; clears the caller's own cookie");
        r["chat GET /api/me"] = new(Access.CallerScoped, "who the caller is");

        Func<TenantAWorld, string, string> conversation = (a, _) => a.ConversationId.ToString();
        Func<TenantAWorld, string, string> reply = (a, _) => a.ReplyId.ToString();
        r["chat POST /api/conversations/"] = new(Access.CallerScoped, "creates the caller's conversation", """{"title":"tenant B"}""");
        r["chat GET /api/conversations/"] = new(Access.CallerScoped, "the caller's conversations");
        r["chat GET /api/conversations/{id}"] = new(Access.OwnedByUser, "a conversation", Argument: conversation);
        r["chat PATCH /api/conversations/{id}"] = new(Access.OwnedByUser, "renames a conversation", """{"title":"hijacked"}""", conversation);
        r["chat DELETE /api/conversations/{id}"] = new(Access.OwnedByUser, "deletes a conversation", Argument: conversation);
        r["chat GET /api/conversations/{id}/export"] = new(Access.OwnedByUser, "a conversation as a JSON or Markdown download", Argument: conversation);
        r["chat GET /api/conversations/{id}/messages/"] = new(Access.OwnedByUser, "a conversation's messages", Argument: conversation);
        r["chat POST /api/conversations/{id}/messages/"] = new(Access.OwnedByUser, "a chat turn", """{"content":"hello"}""", conversation);
        r["chat GET /api/replies/{replyId}/stream"] = new(Access.OwnedByUser, "a reply's token stream", Argument: reply);
        r["chat POST /api/replies/{replyId}/cancel"] = new(Access.OwnedByUser, "cancels a reply", Argument: reply);
        r["chat POST /api/replies/{replyId}/report"] = new(Access.OwnedByUser, "reports a reply", """{"reason":"drill"}""", reply);
        r["chat GET /api/prompts/"] = new(Access.CallerScoped, "the tenant's prompt versions");
        r["chat GET /api/prompts/active"] = new(Access.CallerScoped, "the tenant's active prompt");
        r["chat POST /api/prompts/"] = new(Access.CallerScoped, "a prompt version of the caller's tenant", """{"content":"tenant B prompt","activate":false}""");
        r["chat POST /api/prompts/{version:int}/activate"] = new(Access.OwnedByTenant, "activates a prompt version", Argument: (a, _) => a.PromptVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        r["chat POST /api/prompts/rollback"] = new(Access.CallerScoped, "rolls back the caller's tenant prompt");
        Func<TenantAWorld, string, string> version = (a, _) => a.PromptVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Func<TenantAWorld, string, string> unknownExperiment = (_, _) => Guid.NewGuid().ToString(); // ids are unguessable v7 guids
        r["chat GET /api/prompts/experiments/"] = new(Access.CallerScoped, "the tenant's and the global prompt experiments");
        r["chat POST /api/prompts/experiments/"] = new(Access.CallerScoped, "an experiment over the caller's tenant prompt versions",
            """{"name":"drill","variants":[{"promptVersion":1,"weight":100}]}""");
        r["chat GET /api/prompts/experiments/{id:guid}"] = new(Access.OwnedByTenant, "an experiment of the caller's tenant", Argument: unknownExperiment);
        r["chat PATCH /api/prompts/experiments/{id:guid}"] = new(Access.OwnedByTenant, "moves or stops an experiment of the caller's tenant",
            """{"status":"stopped"}""", unknownExperiment);
        r["chat GET /api/prompts/experiments/{id:guid}/results"] = new(Access.OwnedByTenant, "an experiment's per-variant results", Argument: unknownExperiment);
        r["chat POST /api/prompts/{version:int}/evaluations/"] = new(Access.OwnedByTenant, "evaluates a prompt version of the caller's tenant", Argument: version);
        r["chat GET /api/prompts/{version:int}/evaluations/"] = new(Access.CallerScoped,
            "the caller's tenant evaluations of that version number ([] for a number the tenant has no version of)", Argument: version);
        r["chat GET /api/prompts/{version:int}/evaluations/{id:guid}"] = new(Access.OwnedByTenant, "one evaluation of a prompt version",
            Argument: (a, name) => name == "id" ? Guid.NewGuid().ToString() : a.PromptVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        r["chat GET /api/prompts/evaluation-settings/"] = new(Access.CallerScoped, "the caller's tenant evaluation threshold and margin");
        r["chat PUT /api/prompts/evaluation-settings/"] = new(Access.CallerScoped, "sets the caller's tenant evaluation threshold and margin",
            """{"threshold":80}""");
        r["chat POST /api/replies/{replyId}/feedback/"] = new(Access.OwnedByUser, "the caller's thumbs on their own reply", """{"rating":"up"}""",
            (a, _) => a.ReplyId.ToString());
        r["chat GET /api/replies/{replyId}/feedback/"] = new(Access.OwnedByUser, "the caller's feedback on their own reply", Argument: (a, _) => a.ReplyId.ToString());
        Func<TenantAWorld, string, string> export = (a, _) => a.ExportId.ToString();
        r["chat POST /api/account/export/"] = new(Access.CallerScoped, "starts an export of the caller's own data");
        r["chat GET /api/account/export/{id}"] = new(Access.OwnedByUser, "an export job and its signed download link", Argument: export);
        r["chat GET /api/account/export/{id}/download"] = new(Access.Public,
            "the export file for whoever holds the signed, expiring link (403 problem without a valid one)", Argument: export);
        r["chat GET /api/tenant/retention/"] = new(Access.CallerScoped, "the caller's tenant retention and its last run");
        r["chat PUT /api/tenant/retention/"] = new(Access.CallerScoped, "sets the caller's tenant retention", """{"days":3650}""");
        r["chat GET /api/tools/"] = new(Access.CallerScoped, "the caller's tenant tools");
        r["chat POST /api/tools/"] = new(Access.CallerScoped, "registers a tool of the caller's tenant",
            """{"name":"drill_tool","description":"d","parameters":{"type":"object"},"endpoint":"https://tools.example/x","risk":"read"}""");
        r["chat DELETE /api/tools/{name}"] = new(Access.OwnedByTenant, "removes a tool of the caller's tenant", Argument: (_, _) => "drill_tool");
        r["chat POST /api/replies/{replyId}/approvals/{callId}"] = new(Access.OwnedByUser, "decides a tool call waiting in a reply", """{"approve":false}""",
            (a, name) => name == "callId" ? "call_drill" : a.ReplyId.ToString());
        r["chat GET /api/audit/"] = new(Access.CallerScoped, "the admin audit log of the caller's tenant (platform admins: every tenant)");
        r["chat GET /api/admin/readiness/"] = new(Access.PlatformAdmin, "the workers' provider chains and the newest backup (the launch doctor's rows)");
        r["chat GET /api/openai/policy/"] = new(Access.CallerScoped, "the caller's tenant /v1 policy");
        r["chat PUT /api/openai/policy/"] = new(Access.CallerScoped, "replaces the caller's tenant /v1 policy", """{"allowSystemMessages":true}""");
        const string openAi = "the OpenAI-compatible API (errors in OpenAI's shape): the caller's own turn, models or moderation";
        r["chat POST /v1/chat/completions"] = new(Access.CallerScoped, openAi,
            """{"model":"default","messages":[{"role":"user","content":"hi"}],"max_tokens":5}""") { ReadsJsonItself = true, ForeignErrorFormat = true };
        r["chat GET /v1/models"] = new(Access.CallerScoped, openAi) { ForeignErrorFormat = true };
        r["chat GET /v1/models/{id}"] = new(Access.CallerScoped, openAi, Argument: (_, _) => "default") { ForeignErrorFormat = true };
        r["chat POST /v1/moderations"] = new(Access.CallerScoped, openAi, """{"input":"hello"}""") { ReadsJsonItself = true, ForeignErrorFormat = true };
        r["chat * /v1/{**path}"] = new(Access.Public, "any /v1 route not served: OpenAI's 'Invalid URL' 404, reads nothing and names nothing") { ForeignErrorFormat = true };
    }

    private static void Moderation(Dictionary<string, RouteRule> r)
    {
        Func<TenantAWorld, string, string> review = (a, _) => a.ReviewId.ToString();
        r["moderation POST /internal/tenants/{tenantId:guid}/users/{userId:guid}/moderations"] = new(Access.Internal,
            "chat's /v1/moderations for the caller it authenticated (an API key too); not forwarded by chat's proxy", """{"input":"hello"}""",
            Argument: (a, name) => name == "tenantId" ? a.Admin.TenantId.ToString() : a.Admin.UserId.ToString());
        r["moderation POST /api/moderations"] = new(Access.CallerScoped, "moderation with the caller's tenant policy", """{"input":"hello"}""");
        r["moderation GET /api/moderation/reviews/"] = new(Access.CallerScoped, "the tenant's review queue");
        r["moderation GET /api/moderation/policy/"] = new(Access.CallerScoped, "the caller's tenant moderation policy");
        r["moderation PUT /api/moderation/policy/"] = new(Access.CallerScoped, "replaces the caller's tenant moderation policy", "{}");
        r["moderation POST /api/moderation/reviews/{id:guid}/approve"] = new(Access.OwnedByTenant, "decides a review item", """{"note":"drill"}""", review);
        r["moderation POST /api/moderation/reviews/{id:guid}/reject"] = new(Access.OwnedByTenant, "decides a review item", """{"note":"drill"}""", review);
    }

    private static void Billing(Dictionary<string, RouteRule> r)
    {
        r["billing PUT /api/billing/alerts"] = new(Access.CallerScoped, "the caller's tenant alert settings", """{"alertEmail":"tenant-b@example.test"}""");
        r["billing GET /api/usage/"] = new(Access.CallerScoped, "the caller's usage");
        r["billing GET /api/usage/users"] = new(Access.CallerScoped, "usage per user of the caller's tenant");
        r["billing GET /api/usage/export"] = new(Access.CallerScoped, "the tenant's ledger as CSV");
        r["billing GET /api/billing/prices/"] = new(Access.PlatformAdmin, "price book");
        r["billing POST /api/billing/prices/"] = new(Access.PlatformAdmin, "price book",
            """{"provider":"drill","model":"drill","inputPerMillion":1,"outputPerMillion":1}""");
        r["billing GET /api/billing/plans"] = new(Access.PlatformAdmin, "plans");
        r["billing PUT /api/billing/plans/{tier}"] = new(Access.PlatformAdmin, "a plan's limits",
            """{"userTokensPerDay":null,"tenantTokensPerDay":null,"requestsPerMinute":1,"monthlyBudgetUsd":null}""", (_, _) => "free");
        r["billing PUT /api/billing/tenants/{tenantId:guid}"] = new(Access.PlatformAdmin, "any tenant's limits", """{"disabled":true}""", (a, _) => a.Admin.TenantId.ToString());
        r["billing PUT /api/billing/tenants/{tenantId:guid}/users/{userId:guid}"] = new(Access.PlatformAdmin, "any user's limits", """{"requestsPerMinute":1}""",
            (a, name) => name == "userId" ? a.Admin.UserId.ToString() : a.Admin.TenantId.ToString());
        r["billing GET /api/billing/kill-switch"] = new(Access.PlatformAdmin, "spend kill switch");
        r["billing POST /api/billing/kill-switch"] = new(Access.PlatformAdmin, "trips the spend kill switch");
        r["billing DELETE /api/billing/kill-switch"] = new(Access.PlatformAdmin, "clears the spend kill switch");
    }
}
