using System.Net.Http.Headers;
using Chatbot.SecurityDrills.Harness;
using Chatbot.SecurityDrills.Routes;

namespace Chatbot.SecurityDrills.Fuzzing;

/// <summary>
/// Every route that takes a JSON body (from the route tables) gets malformed, too deep, too large and oddly typed or
/// encoded bodies: never a 5xx, every refusal is problem details, and every service is still healthy afterwards.
/// Public routes are fuzzed anonymously, platform routes as the platform admin (broken bodies only, so nothing global
/// changes), internal routes directly at their service, the rest as a user of a tenant of its own.
/// </summary>
[Collection(SecuritySystemCollection.Name)]
public sealed class RequestFuzzingTests(SecuritySystemFixture system)
{
    [Fact]
    public async Task No_hostile_body_gets_a_5xx_and_every_service_stays_healthy()
    {
        var fuzzer = await system.Accounts().SignUpAsync("fuzz");
        var routes = (await RouteTable.ReadAsync(system))
            .Where(r => RouteCatalog.Rules.TryGetValue(r.Key, out var rule) && (r.AcceptsJson || rule.ReadsJsonItself)).ToList();
        Assert.True(routes.Count >= 15, $"only {routes.Count} JSON routes found");
        var violations = new List<string>();
        try
        {
            foreach (var route in routes)
            {
                var rule = RouteCatalog.Rules[route.Key];
                var (service, token) = rule.Access switch
                {
                    Access.Internal => (route.Service, null),
                    Access.Public => ("chat", null),
                    Access.PlatformAdmin => ("chat", system.PlatformAdmin.AccessToken),
                    _ => ("chat", fuzzer.AccessToken),
                };
                var cases = FuzzBodies.Structural();
                if (rule.Access != Access.PlatformAdmin && rule.Body is { } valid)
                {
                    cases = cases.Concat(FuzzBodies.Mutations(valid));
                }
                var path = route.Parameters.Count == 0 ? route.Pattern : rule.PathFor(route, system.TenantA);
                foreach (var fuzz in cases)
                {
                    var answer = await SendAsync(service, token, route.Method, path, fuzz);
                    if (answer.Status >= 500 || (fuzz.Broken && answer.Status < 400) || (answer.Status >= 400 && !answer.IsProblemDetails && !rule.ForeignErrorFormat))
                    {
                        violations.Add($"{fuzz.Name}: {answer}");
                    }
                }
            }
        }
        finally
        {
            await system.ResetLoginLimitsAsync(); // the web log-in route counts against the login limit
        }

        Assert.True(violations.Count == 0, $"{violations.Count} bad answers:\n" + string.Join('\n', violations)
            + "\nLast errors logged:\n" + string.Join('\n', SecuritySystemFixture.Services.SelectMany(s => system.App.GetLogLines(s)
                .Where(l => l.Contains("\"level\":\"Error\"", StringComparison.Ordinal) || l.Contains("\"level\":\"Critical\"", StringComparison.Ordinal))
                .TakeLast(3).Select(l => $"[{s}] {l[..Math.Min(l.Length, 700)]}"))));
        foreach (var service in SecuritySystemFixture.Services)
        {
            using var client = system.App.CreateManagementHttpClient(service);
            Assert.Equal(200, (await Answer.SendAsync(client, "GET", "/health", null)).Status);
        }
    }

    private async Task<Answer> SendAsync(string service, string? token, string method, string path, FuzzCase fuzz)
    {
        using var client = system.Anonymous(service);
        try
        {
            return await Answer.SendAsync(client, method, path, null, request =>
            {
                request.Content = new ByteArrayContent(fuzz.Body);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(fuzz.ContentType);
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }
            });
        }
        catch (HttpRequestException e) when (fuzz.Body.Length >= FuzzBodies.HugeBodyBytes)
        {
            // The server may answer 413 and close the connection before the whole upload was sent.
            return new Answer($"{method} {path} [{service}]", 413, "application/problem+json", $"(connection closed: {e.Message})");
        }
    }
}
