using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.IntegrationTests.Infrastructure;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>The evaluation gate's threshold is the tenant's own when it set one, the deployment's (80 %) otherwise.</summary>
[Collection(ChatCollection.Name)]
public sealed class EvaluationSettingsTests(ChatFixture fixture)
{
    [Fact]
    public async Task A_tenant_s_own_threshold_decides_activation_and_a_bad_one_is_a_problem()
    {
        var user = TestUser.NewTenant(role: "tenant-admin");
        var other = TestUser.NewTenant(role: "tenant-admin");
        var admin = fixture.Chat.CreateClient(user);
        var otherClient = fixture.Chat.CreateClient(other);
        var tenant = await CandidateScoringAsync(admin, user.TenantId, 60);
        var otherVersion = await CandidateScoringAsync(otherClient, other.TenantId, 60);

        await ExperimentTests.AssertProblemAsync(await admin.PostAsync($"/api/prompts/{tenant}/activate", null),
            HttpStatusCode.Conflict, "below the threshold of 80 %");
        var put = await admin.PutAsJsonAsync("/api/prompts/evaluation-settings", new { threshold = 50 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var settings = await admin.GetFromJsonAsync<JsonElement>("/api/prompts/evaluation-settings");
        Assert.Equal((50.0, 50.0, 5.0), (settings.GetProperty("threshold").GetDouble(), settings.GetProperty("effectiveThreshold").GetDouble(),
            settings.GetProperty("effectiveMargin").GetDouble()));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/prompts/{tenant}/activate", null)).StatusCode);
        // Another tenant keeps the deployment's threshold.
        await ExperimentTests.AssertProblemAsync(await otherClient.PostAsync($"/api/prompts/{otherVersion}/activate", null),
            HttpStatusCode.Conflict, "below the threshold of 80 %");

        var bad = await admin.PutAsJsonAsync("/api/prompts/evaluation-settings", new { threshold = 101 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("threshold", out _));
    }

    /// <summary>A new inactive version of the client's tenant with a completed evaluation that scored <paramref name="score"/>.</summary>
    private async Task<int> CandidateScoringAsync(HttpClient client, Guid tenantId, double score)
    {
        var created = await client.CreatePromptAsync($"Candidate {Guid.NewGuid():N}", activate: false);
        await using var db = fixture.NewDbContext();
        db.PromptEvaluations.Add(new PromptEvaluation
        {
            Id = Guid.CreateVersion7(), TenantId = tenantId, PromptVersion = created.Version, SetName = "default",
            Status = EvaluationStatuses.Completed, Score = score, CreatedAt = DateTimeOffset.UtcNow, CompletedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return created.Version;
    }
}
