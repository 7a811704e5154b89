using Chatbot.SecurityDrills.Harness;

namespace Chatbot.SecurityDrills.Routes;

/// <summary>
/// The access matrix over every route of every service, read from the running services' route tables. Tenant A owns
/// one of each resource; tenant B's admin and a second (member) user of tenant A try to reach them through the public
/// origin. Every violation is collected, so one run lists them all.
/// </summary>
[Collection(SecuritySystemCollection.Name)]
public sealed class CrossTenantMatrixTests(SecuritySystemFixture system)
{
    [Fact]
    public async Task Every_route_is_classified_and_every_classification_is_a_route()
    {
        var routes = await RouteTable.ReadAsync(system);

        var unclassified = routes.Where(r => !RouteCatalog.Rules.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        var stale = RouteCatalog.Rules.Keys.Except(routes.Select(r => r.Key)).ToList();

        Assert.True(unclassified.Count == 0, "Add these routes to RouteCatalog with their access rule:\n" + string.Join('\n', unclassified));
        Assert.True(stale.Count == 0, "RouteCatalog names routes that no longer exist:\n" + string.Join('\n', stale));
    }

    [Fact]
    public async Task Unauthenticated_callers_get_401_problem_details_on_every_non_public_route()
    {
        var violations = new List<string>();
        foreach (var (route, rule) in await ClassifiedAsync(a => a is Access.OwnedByTenant or Access.OwnedByUser or Access.CallerScoped or Access.PlatformAdmin))
        {
            var path = rule.PathWithRandomIds(route, system.TenantA);
            foreach (var service in route.Service == "chat" ? ["chat"] : (string[])["chat", route.Service])
            {
                using var anonymous = system.Anonymous(service);
                var answer = await Answer.SendAsync(anonymous, route.Method, path, rule.Body);
                if (answer.Status != 401 || (!answer.IsProblemDetails && !rule.ForeignErrorFormat))
                {
                    violations.Add($"[{service}] {answer}");
                }
            }
        }
        Assert.True(violations.Count == 0, "Expected 401 problem details:\n" + string.Join('\n', violations));
    }

    [Fact]
    public async Task Routes_naming_tenant_A_resources_answer_404_to_tenant_B_and_to_another_user_of_tenant_A()
    {
        var a = system.TenantA;
        using var tenantB = system.TenantB.Client(system.Origin);
        using var otherUser = a.Member.Client(system.Origin);
        var violations = new List<string>();
        foreach (var (route, rule) in await ClassifiedAsync(x => x is Access.OwnedByTenant or Access.OwnedByUser))
        {
            var path = rule.PathFor(route, a);
            Check(violations, await Answer.SendAsync(tenantB, route.Method, path, rule.Body), "tenant B", 404, a.Markers);
            if (rule.Access == Access.OwnedByUser)
            {
                Check(violations, await Answer.SendAsync(otherUser, route.Method, path, rule.Body), "tenant A's other user", 404, a.Markers);
            }
        }
        Assert.True(violations.Count == 0, "Expected 404 (never 403, 2xx or 5xx):\n" + string.Join('\n', violations));
        await AssertTenantAResourcesIntactAsync();
    }

    [Fact]
    public async Task Platform_admin_routes_answer_tenant_users_403_whether_or_not_the_id_exists()
    {
        using var tenantB = system.TenantB.Client(system.Origin);
        var violations = new List<string>();
        foreach (var (route, rule) in await ClassifiedAsync(x => x == Access.PlatformAdmin))
        {
            var existing = await Answer.SendAsync(tenantB, route.Method, rule.PathFor(route, system.TenantA), rule.Body);
            var missing = await Answer.SendAsync(tenantB, route.Method, rule.PathWithRandomIds(route, system.TenantA), rule.Body);
            Check(violations, existing, "tenant B", 403, system.TenantA.Markers);
            if (missing.Status != existing.Status)
            {
                violations.Add($"existence oracle: {existing.Status} for tenant A's id, {missing.Status} for a random one: {existing.Request}");
            }
        }
        Assert.True(violations.Count == 0, "Expected 403 for every tenant user:\n" + string.Join('\n', violations));
    }

    [Fact]
    public async Task Routes_without_ids_answer_tenant_B_with_nothing_of_tenant_A()
    {
        using var tenantB = system.TenantB.Client(system.Origin);
        var violations = new List<string>();
        foreach (var (route, rule) in await ClassifiedAsync(x => x == Access.CallerScoped))
        {
            var answer = await Answer.SendAsync(tenantB, route.Method, route.Pattern, rule.Body);
            Check(violations, answer, "tenant B", null, system.TenantA.Markers);
        }
        Assert.True(violations.Count == 0, "Tenant B saw tenant A's data or a 5xx:\n" + string.Join('\n', violations));
    }

    [Fact]
    public async Task Internal_routes_are_not_reachable_through_the_public_origin()
    {
        using var anonymous = system.Anonymous();
        using var tenantB = system.TenantB.Client(system.Origin);
        var violations = new List<string>();
        // A path chat serves itself (its public /v1/chat/completions, like the worker's simulator) is chat's own route.
        var chatOwn = (await RouteTable.ReadAsync(system)).Where(r => r.Service == "chat").Select(r => (r.Method, r.Pattern)).ToHashSet();
        foreach (var (route, rule) in (await ClassifiedAsync(x => x == Access.Internal)).Where(c => !chatOwn.Contains((c.Route.Method, c.Route.Pattern))))
        {
            var path = rule.PathWithRandomIds(route, system.TenantA);
            foreach (var client in (HttpClient[])[anonymous, tenantB])
            {
                var answer = await Answer.SendAsync(client, route.Method, path, """{"key":"cbk_x","messages":[]}""");
                if (answer.Status != 404)
                {
                    violations.Add(answer.ToString());
                }
            }
        }
        Assert.True(violations.Count == 0, "Internal routes answered through chat's origin:\n" + string.Join('\n', violations));
    }

    private async Task<List<(ServiceRoute Route, RouteRule Rule)>> ClassifiedAsync(Func<Access, bool> which)
    {
        var routes = await RouteTable.ReadAsync(system);
        var selected = routes.Where(r => RouteCatalog.Rules.TryGetValue(r.Key, out var rule) && which(rule.Access))
            .Select(r => (r, RouteCatalog.Rules[r.Key])).ToList();
        Assert.NotEmpty(selected);
        return selected;
    }

    private static void Check(List<string> violations, Answer answer, string caller, int? expected, IEnumerable<string> markers)
    {
        if (expected is { } status ? answer.Status != status : answer.Status >= 500)
        {
            violations.Add($"as {caller}: {answer}");
        }
        // The caller's own path echoed back (problem details' "instance") is not a leak.
        foreach (var marker in markers.Where(m => answer.Body.Contains(m, StringComparison.OrdinalIgnoreCase)
            && !answer.Request.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            violations.Add($"as {caller}: the answer holds tenant A's '{marker}': {answer}");
        }
    }

    private async Task AssertTenantAResourcesIntactAsync()
    {
        using var owner = system.TenantA.Admin.Client(system.Origin);
        var conversation = await Answer.SendAsync(owner, "GET", $"/api/conversations/{system.TenantA.ConversationId}", null);
        Assert.Equal(200, conversation.Status);
        Assert.Contains(system.TenantA.ConversationTitle, conversation.Body);
        var keys = await Answer.SendAsync(owner, "GET", "/api/tenant/api-keys", null);
        Assert.Contains(system.TenantA.ApiKeyId.ToString(), keys.Body);
        Assert.DoesNotContain("revokedAt\":\"", keys.Body);
        var reviews = await Answer.SendAsync(owner, "GET", "/api/moderation/reviews?status=pending", null);
        Assert.Contains(system.TenantA.ReviewId.ToString(), reviews.Body);
    }
}
