using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Prompts.Experiments;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class ExperimentTests(ChatFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Each_user_gets_their_variants_prompt_and_model_on_every_replica_and_the_reply_records_it()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var adminClient = fixture.Chat.CreateClient(admin);
        await adminClient.CreatePromptAsync("Control prompt.");
        await adminClient.CreatePromptAsync("Candidate prompt.");
        var experiment = await CreateAsync(adminClient, new
        {
            name = "shorter answers",
            variants = new object[] { new { promptVersion = 1, weight = 50 }, new { promptVersion = 2, weight = 50, model = "routed" } },
        });
        Assert.Equal(["A", "B"], experiment.Variants.Select(v => v.Name));
        // One user of each variant, found from the same hash the service uses.
        var users = Enumerable.Range(0, 200).Select(_ => admin.SameTenant() with { Role = "member" }).ToList();
        var a = users.First(u => ExperimentAssignment.Pick(experiment.Id, experiment.Variants, u.UserId).Name == "A");
        var b = users.First(u => ExperimentAssignment.Pick(experiment.Id, experiment.Variants, u.UserId).Name == "B");

        await using var secondReplica = new ChatApiFactory(fixture.Infra);
        foreach (var (user, variant, prompt, provider) in new[] { (a, "A", "Control prompt.", (string?)null), (b, "B", "Candidate prompt.", "anthropic-primary") })
        {
            foreach (var replica in new[] { fixture.Chat, secondReplica, fixture.Chat })
            {
                var client = replica.CreateClient(user);
                var conversation = await client.CreateConversationAsync();
                var sent = await client.SendAcceptedAsync(conversation.Id, "hello");
                var (command, _) = await fixture.Worker.WaitForAsync(sent.ReplyId);
                Assert.Equal((experiment.Id, variant, provider), (command.ExperimentId, command.Variant, command.Provider));
                Assert.StartsWith(prompt, command.Messages[0].Content);
                var stored = await ChatTurnTests.WaitForReplyAsync(client, conversation.Id, sent.ReplyId, _ => true);
                Assert.Equal((experiment.Id, variant, variant == "A" ? "tenant:v1" : "tenant:v2"), (stored.Experiment, stored.Variant, stored.PromptRef));
            }
        }
    }

    [Fact]
    public async Task Weights_move_with_PATCH_and_a_stopped_experiment_leaves_the_active_prompt_to_everyone()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var adminClient = fixture.Chat.CreateClient(admin);
        await adminClient.CreatePromptAsync("Control prompt.");
        await adminClient.CreatePromptAsync("Candidate prompt.", activate: false);
        var experiment = await CreateAsync(adminClient, new
        {
            name = "rollout",
            variants = new object[] { new { promptVersion = 1, weight = 99, name = "control" }, new { promptVersion = 2, weight = 1, name = "candidate" } },
        });
        var user = Enumerable.Range(0, 500).Select(_ => admin.SameTenant() with { Role = "member" })
            .First(u => ExperimentAssignment.BucketOf(experiment.Id, u.UserId) is >= 75 and < 95); // candidate at 25 %, not at 5 %

        Assert.Equal("control", await VariantOfNextTurnAsync(user));
        var moved = await adminClient.PatchAsJsonAsync($"/api/prompts/experiments/{experiment.Id}", new { weights = new { control = 75, candidate = 25 } });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("candidate", await VariantOfNextTurnAsync(user));
        var listed = await adminClient.GetFromJsonAsync<List<ExperimentDto>>("/api/prompts/experiments", Json);
        Assert.Equal([75, 25], listed!.Single(e => e.Id == experiment.Id).Variants.Select(v => v.Weight));

        var stopped = await adminClient.PatchAsJsonAsync($"/api/prompts/experiments/{experiment.Id}", new { status = "stopped" });
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Null(await VariantOfNextTurnAsync(user));
        var again = await adminClient.PatchAsJsonAsync($"/api/prompts/experiments/{experiment.Id}", new { weights = new { control = 50, candidate = 50 } });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("stopped", (await adminClient.GetFromJsonAsync<ExperimentDto>($"/api/prompts/experiments/{experiment.Id}", Json))!.Status);
    }

    [Fact]
    public async Task Bad_experiments_are_problem_details_and_a_second_running_one_on_the_same_prompt_is_a_conflict()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var client = fixture.Chat.CreateClient(admin);
        await client.CreatePromptAsync("One.");
        await client.CreatePromptAsync("Two.");
        object Body(int w1, int w2, int v2 = 2, string? model = null) =>
            new { name = "x", variants = new object[] { new { promptVersion = 1, weight = w1 }, new { promptVersion = v2, weight = w2, model } } };

        await AssertProblemAsync(await client.PostAsJsonAsync("/api/prompts/experiments", Body(60, 30)), HttpStatusCode.BadRequest, "sum to 100");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/prompts/experiments", Body(50, 50, v2: 9)), HttpStatusCode.BadRequest, "prompt version 9");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/prompts/experiments", Body(50, 50, model: "no-such-model")), HttpStatusCode.BadRequest, "no-such-model");
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/prompts/experiments", new { name = "x", variants = new object[] { new { promptVersion = 1, weight = 100 } } }),
            HttpStatusCode.BadRequest, "variants");
        var first = await CreateAsync(client, Body(50, 50));
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/prompts/experiments", Body(50, 50)), HttpStatusCode.Conflict, "already running");
        await AssertProblemAsync(await client.PatchAsJsonAsync($"/api/prompts/experiments/{first.Id}", new { weights = new Dictionary<string, int> { ["A"] = 50, ["C"] = 50 } }),
            HttpStatusCode.BadRequest, "every variant");
        await AssertProblemAsync(await client.PatchAsJsonAsync($"/api/prompts/experiments/{first.Id}", new { weights = new Dictionary<string, int> { ["A"] = 50, ["B"] = 49 } }),
            HttpStatusCode.BadRequest, "sum to 100");

        var member = fixture.Chat.CreateClient(admin.SameTenant() with { Role = "member" });
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/prompts/experiments")).StatusCode);
        await AssertProblemAsync(await client.PostAsJsonAsync("/api/prompts/experiments", new
        {
            name = "global", global = true, variants = new object[] { new { promptVersion = 1, weight = 50 }, new { promptVersion = 1, weight = 50, name = "B" } },
        }), HttpStatusCode.Forbidden, "Platform administrators");
        var otherTenant = fixture.Chat.CreateClient(TestUser.NewTenant(role: "tenant-admin"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherTenant.GetAsync($"/api/prompts/experiments/{first.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTenant.PatchAsJsonAsync($"/api/prompts/experiments/{first.Id}", new { status = "stopped" })).StatusCode);
    }

    private async Task<string?> VariantOfNextTurnAsync(TestUser user)
    {
        var client = fixture.Chat.CreateClient(user);
        var conversation = await client.CreateConversationAsync();
        var sent = await client.SendAcceptedAsync(conversation.Id, "hi");
        return (await fixture.Worker.WaitForAsync(sent.ReplyId)).Command.Variant;
    }

    internal static async Task<ExperimentDto> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/prompts/experiments", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ExperimentDto>(Json))!;
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, body);
    }
}
