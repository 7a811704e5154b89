using System.Text;
using System.Text.Json;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.Prompts.Evaluations;
using Chatbot.Chat.Replies;
using Chatbot.Chat.Safety;
using Chatbot.Chat.Turns;
using Chatbot.Contracts.Inference;
using Chatbot.Contracts.Moderation;
using Chatbot.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>
/// The evaluation's model calls: a question goes the way a user's turn goes (to input moderation as
/// <see cref="ModerateInput"/> when it is on) and its answer is read through chat's <see cref="ReplyStreamHub"/>, not by
/// polling the stream (no XRANGE); an evaluation whose chat instance stopped is resumed by the next one to start, until it
/// has used its attempts.
/// </summary>
[Collection(ChatCollection.Name)]
public sealed class EvaluationClientTests(ChatFixture fixture)
{
    [Fact]
    public async Task A_question_goes_through_input_moderation_and_its_answer_is_read_through_the_stream_hub()
    {
        var services = fixture.Chat.Services;
        var routing = new ModerationRouting(Microsoft.Extensions.Options.Options.Create(new ChatModerationOptions { Enabled = true }));
        var caller = new EvaluationCaller(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "free", 1, "global:v1");
        using var client = new QueuedChatClient(services.GetRequiredService<IBus>(), services.GetRequiredService<ReplyStreamHub>(),
            routing, caller, 64, TimeSpan.FromSeconds(30), TimeProvider.System);
        await using var moderation = await ModerateInputQueue.StartAsync(fixture.Infra);
        await using var admin = await ConnectionMultiplexer.ConnectAsync(fixture.Infra.RedisConnectionString + ",allowAdmin=true");
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        var xrangeBefore = await XRangeCallsAsync(server);

        var answer = client.GetResponseAsync([new ChatMessage(ChatRole.User, "What is the capital of France?")]);
        var moderated = await moderation.NextAsync();
        Assert.Equal(caller.EvaluationId, moderated.Request.ConversationId);
        Assert.Equal("What is the capital of France?", moderated.Request.Messages[^1].Content);
        var stream = ReplyStreamProtocol.StreamKey(moderated.Request.ReplyId);
        await fixture.Worker.Redis.StreamAddAsync(stream, [new(ReplyStreamProtocol.TypeField, ReplyStreamProtocol.Token), new(ReplyStreamProtocol.DataField, """{"text":"Par"}""")]);
        await fixture.Worker.Redis.StreamAddAsync(stream, [new(ReplyStreamProtocol.TypeField, ReplyStreamProtocol.Token), new(ReplyStreamProtocol.DataField, """{"text":"is"}""")]);
        await fixture.Worker.Redis.StreamAddAsync(stream, [new(ReplyStreamProtocol.TypeField, ReplyStreamProtocol.Done), new(ReplyStreamProtocol.DataField, "{}")]);

        Assert.Equal("Paris", (await answer.WaitAsync(TimeSpan.FromSeconds(30))).Text);
        Assert.Equal(xrangeBefore, await XRangeCallsAsync(server));
    }

    [Fact]
    public async Task An_evaluation_whose_instance_stopped_is_resumed_by_an_instance_that_starts_and_completes()
    {
        var tenantId = Guid.NewGuid();
        await AddPromptVersionAsync(tenantId);
        var orphan = await AddRunningEvaluationAsync(tenantId);
        var held = await AddRunningEvaluationAsync(tenantId);
        var redis = fixture.Worker.Redis;
        await redis.HashSetAsync(EvaluationLeases.JobsKey, [Job(tenantId, orphan, attempt: 1), Job(tenantId, held, attempt: 1)]);
        await redis.StringSetAsync(EvaluationLeases.LeaseKey(held), "held", TimeSpan.FromMinutes(5)); // another instance still runs it

        await using var restarted = new ChatApiFactory(fixture.Infra);
        _ = restarted.Server;
        var answered = new HashSet<Guid>();
        var completed = await Eventually.TrueAsync(async () =>
        {
            foreach (var command in fixture.Worker.CommandsFor(orphan).Where(c => answered.Add(c.ReplyId)))
            {
                await fixture.Worker.AppendAsync(command.ReplyId, ReplyStreamProtocol.Token, new { text = "Paris. 144. I do not know. <score>5</score>" });
                await fixture.Worker.AppendAsync(command.ReplyId, ReplyStreamProtocol.Done, new { });
            }
            return await StatusAsync(orphan) == EvaluationStatuses.Completed;
        }, TimeSpan.FromSeconds(60));

        Assert.True(completed, $"the orphaned evaluation is {await StatusAsync(orphan)} after {answered.Count} answers");
        Assert.True(answered.Count >= 4, $"only {answered.Count} model and judge calls were made");
        Assert.Empty(fixture.Worker.CommandsFor(held));
        Assert.Equal(EvaluationStatuses.Running, await StatusAsync(held));
        Assert.False(await redis.HashExistsAsync(EvaluationLeases.JobsKey, EvaluationLeases.Field(orphan)));
        Assert.True(await redis.HashExistsAsync(EvaluationLeases.JobsKey, EvaluationLeases.Field(held)));
    }

    [Fact]
    public async Task An_evaluation_interrupted_as_often_as_it_may_be_is_marked_failed_not_resumed_again()
    {
        var tenantId = Guid.NewGuid();
        await AddPromptVersionAsync(tenantId);
        var orphan = await AddRunningEvaluationAsync(tenantId);
        await fixture.Worker.Redis.HashSetAsync(EvaluationLeases.JobsKey, [Job(tenantId, orphan, attempt: new EvaluationOptions().MaxAttempts)]);

        await using var restarted = new ChatApiFactory(fixture.Infra);
        _ = restarted.Server;

        Assert.True(await Eventually.TrueAsync(async () => await StatusAsync(orphan) == EvaluationStatuses.Failed, TimeSpan.FromSeconds(30)));
        await using var db = fixture.NewDbContext();
        Assert.Equal(EvaluationRecovery.InterruptedReason, (await db.PromptEvaluations.SingleAsync(e => e.Id == orphan)).FailureReason);
        Assert.Empty(fixture.Worker.CommandsFor(orphan));
        Assert.False(await fixture.Worker.Redis.HashExistsAsync(EvaluationLeases.JobsKey, EvaluationLeases.Field(orphan)));
    }

    private static HashEntry Job(Guid tenantId, Guid evaluationId, int attempt) =>
        new(EvaluationLeases.Field(evaluationId),
            EvaluationLeases.Serialize(new EvaluationJob(evaluationId, tenantId, Guid.NewGuid(), "free", 1, "default", attempt)));

    private async Task AddPromptVersionAsync(Guid tenantId)
    {
        await using var db = fixture.NewDbContext();
        db.PromptVersions.Add(new PromptVersion
        {
            Id = Guid.NewGuid(), TenantId = tenantId, Version = 1, Content = "Answer briefly.", IsActive = true, CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private async Task<Guid> AddRunningEvaluationAsync(Guid tenantId)
    {
        await using var db = fixture.NewDbContext();
        var evaluation = new PromptEvaluation
        {
            Id = Guid.CreateVersion7(), TenantId = tenantId, PromptVersion = 1, SetName = "default", Status = EvaluationStatuses.Running,
            CreatedBy = Guid.NewGuid(), CreatedAt = DateTimeOffset.UtcNow,
        };
        db.PromptEvaluations.Add(evaluation);
        await db.SaveChangesAsync();
        return evaluation.Id;
    }

    private async Task<string> StatusAsync(Guid id)
    {
        await using var db = fixture.NewDbContext();
        return await db.PromptEvaluations.Where(e => e.Id == id).Select(e => e.Status).SingleAsync();
    }

    private static async Task<long> XRangeCallsAsync(IServer server)
    {
        var stats = await server.InfoAsync("commandstats");
        var line = stats.SelectMany(g => g).FirstOrDefault(p => p.Key == "cmdstat_xrange").Value;
        return line is null ? 0 : long.Parse(line.Split(',')[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A queue bound to moderation's <see cref="ModerateInput"/> exchange, read with basic.get.</summary>
    private sealed class ModerateInputQueue : IAsyncDisposable
    {
        private const string Exchange = "Chatbot.Contracts.Moderation:ModerateInput";
        private IConnection connection = null!;
        private IChannel channel = null!;
        private string queue = "";

        public static async Task<ModerateInputQueue> StartAsync(ChatInfrastructure infra)
        {
            var q = new ModerateInputQueue();
            q.connection = await new ConnectionFactory { Uri = infra.RabbitMqUri }.CreateConnectionAsync();
            q.channel = await q.connection.CreateChannelAsync();
            await q.channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            q.queue = (await q.channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
            await q.channel.QueueBindAsync(q.queue, Exchange, "");
            return q;
        }

        public async Task<ModerateInput> NextAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                if (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
                {
                    using var envelope = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span));
                    return envelope.RootElement.GetProperty("message").Deserialize<ModerateInput>(JsonSerializerOptions.Web)!;
                }
                await Task.Delay(50);
            }
            throw new TimeoutException("No ModerateInput arrived.");
        }

        public async ValueTask DisposeAsync()
        {
            await channel.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
