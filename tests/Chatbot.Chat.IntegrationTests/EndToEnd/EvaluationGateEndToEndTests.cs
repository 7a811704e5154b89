using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Chat.IntegrationTests.Api;
using Chatbot.Chat.Prompts.Evaluations;
using Chatbot.TestSupport;

namespace Chatbot.Chat.IntegrationTests.EndToEnd;

/// <summary>
/// The evaluation gate on the real path: chat publishes each question and each judgement to the real inference worker,
/// whose provider simulator plays both model and judge (the set's <c>[[sim:echo]]</c> makes them answer with what the
/// prompt version says: "Paris" and a score tag for the good versions, neither for the bad one).
/// </summary>
[Collection(ChatSystemCollection.Name)]
public sealed class EvaluationGateEndToEndTests(ChatSystemFixture system)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_worse_prompt_is_refused_activation_and_a_large_experiment_share_and_a_better_one_is_let_through()
    {
        var admin = await system.SignUpAsync();
        var good = await CreateAsync(admin, "Answer in one word: Paris. <score>5</score>", activate: true);
        Assert.Equal(100, (await EvaluateAsync(admin, good)).Score);
        var worse = await CreateAsync(admin, "Say that you do not know. <score>1</score>", activate: false);
        var bad = await EvaluateAsync(admin, worse);
        Assert.Equal(0, bad.Score);
        Assert.Equal([("capital", 0.0, 1.0)], bad.Cases!.Select(c => (c.Id, c.Checks, c.Rubric)));

        var refused = await admin.PostAsync($"/api/prompts/{worse}/activate", null);
        await ExperimentTests.AssertProblemAsync(refused, HttpStatusCode.Conflict, "below the threshold of 80 %");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0.0, 80.0), (problem.GetProperty("score").GetDouble(), problem.GetProperty("threshold").GetDouble()));
        object Experiment(int weight) => new
        {
            name = "worse", variants = new object[] { new { promptVersion = good, weight = 100 - weight }, new { promptVersion = worse, weight } },
        };
        await ExperimentTests.AssertProblemAsync(await admin.PostAsJsonAsync("/api/prompts/experiments", Experiment(25)),
            HttpStatusCode.Conflict, "below the threshold");
        await ExperimentTests.AssertProblemAsync(await admin.PostAsJsonAsync("/api/prompts/", new { content = "Unevaluated." }),
            HttpStatusCode.Conflict, "before it is evaluated");
        var small = await ExperimentTests.CreateAsync(admin, Experiment(5)); // 5 % needs no evaluation
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/prompts/experiments/{small.Id}", new { status = "stopped" })).StatusCode);

        var better = await CreateAsync(admin, "Reply: the capital is Paris. <score>5</score>", activate: false);
        Assert.Equal(100, (await EvaluateAsync(admin, better)).Score);
        var activated = await admin.PostAsync($"/api/prompts/{better}/activate", null);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
    }

    private static async Task<int> CreateAsync(HttpClient client, string content, bool activate)
    {
        var response = await client.PostAsJsonAsync("/api/prompts/", new { content, activate });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
    }

    private static async Task<EvaluationDto> EvaluateAsync(HttpClient client, int version)
    {
        var started = await client.PostAsync($"/api/prompts/{version}/evaluations", null);
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var location = started.Headers.Location!.ToString();
        EvaluationDto? evaluation = null;
        var finished = await Eventually.TrueAsync(async () =>
        {
            evaluation = await client.GetFromJsonAsync<EvaluationDto>(location, Json);
            return evaluation!.Status != "running";
        }, TimeSpan.FromSeconds(120));
        Assert.True(finished, $"evaluation {location} still running");
        Assert.True(evaluation!.Status == "completed", evaluation.FailureReason);
        return evaluation;
    }
}
