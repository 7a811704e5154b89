using Chatbot.Chat.Audit;
using Chatbot.Chat.Auth;
using Chatbot.Chat.Data;
using Chatbot.Chat.Http;
using Chatbot.Chat.Idempotency;
using Chatbot.Outbox;
using Chatbot.Chat.Prompts;
using Chatbot.Chat.Replies;
using Chatbot.Chat.Tenancy;
using Chatbot.Chat.Turns;
using Chatbot.Chat.Turns.Dispatch;
using Chatbot.Chat.Users;
using Chatbot.Chat.Tools;
using Chatbot.Chat;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.ML.Tokenizers;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class ChatServiceExtensions
{
    public static IHostApplicationBuilder AddChatServices(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ChatOptions>(ChatOptions.Section);
        builder.AddValidatedOptions<IdempotencyOptions>(IdempotencyOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);

        builder.AddTenantNpgsqlDbContext<ChatDbContext>("chatdb", ChatTenancy.Role);
        builder.Services.AddScoped<AdminAuditStore>();
        builder.Services.AddScoped<Chatbot.Chat.Operations.BackupLog>();
        builder.Services.AddSingleton<Chatbot.Chat.Operations.ProviderChainReports>();
        builder.AddMigration<ChatDbContext>();
        builder.AddRedisClient("redis");
        builder.AddRabbitMqMessaging("rabbitmq", bus =>
        {
            bus.AddConsumer<ReplyGeneratedConsumer, ReplyGeneratedConsumerDefinition>();
            bus.AddConsumer<ReplyFailedConsumer, ReplyFailedConsumerDefinition>();
            bus.AddConsumer<ReplyStartedConsumer, ReplyStartedConsumerDefinition>();
            bus.AddConsumer<EraseChatDataConsumer>().Endpoint(e => e.Name = "chat-erasure");
            bus.AddConsumer<AdminActionRecordedConsumer>().Endpoint(e => e.Name = "chat-admin-audit");
            bus.AddChatIdentityConsumers();
            bus.AddConsumer<Chatbot.Chat.Safety.InputBlockedConsumer, Chatbot.Chat.Safety.InputBlockedConsumerDefinition>();
            bus.AddConsumer<Chatbot.Chat.Conversations.Search.SearchConversationsConsumer,
                Chatbot.Chat.Conversations.Search.SearchConversationsConsumerDefinition>(); // the worker's built-in conversation_search tool
        });

        builder.Services.AddOpenApi();

        // Loaded at start-up (not on the first POST): the o200k vocabulary takes a moment to build.
        builder.Services.AddSingleton<Tokenizer>(TiktokenTokenizer.CreateForEncoding("o200k_base"));
        builder.Services.AddSingleton<ContextWindowBuilder>();
        builder.Services.AddScoped<PromptStore>();
        builder.Services.AddScoped<ToolStore>();
        builder.Services.AddScoped<TurnStarter>();
        builder.Services.AddSingleton<Chatbot.Chat.Turns.Caching.ResponseCacheLookup>();
        builder.Services.AddSingleton<Chatbot.Chat.Turns.Caching.CachedReplyWriter>();
        builder.Services.AddSingleton<Chatbot.Chat.Turns.Caching.ResponseCacheMetrics>();
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(Chatbot.Chat.Turns.Caching.ResponseCacheMetrics.MeterName));
        builder.Services.AddScoped<Chatbot.Chat.Prompts.Experiments.ExperimentRouter>();
        builder.Services.AddScoped<Chatbot.Chat.Prompts.Experiments.ExperimentStore>();
        builder.Services.AddScoped<PromptGate>();
        builder.AddValidatedOptions<Chatbot.Chat.Prompts.Evaluations.EvaluationOptions>(Chatbot.Chat.Prompts.Evaluations.EvaluationOptions.Section);
        builder.Services.AddSingleton<Chatbot.Chat.Prompts.Evaluations.EvaluationSetCatalog>();
        builder.Services.AddSingleton<Chatbot.Chat.Prompts.Evaluations.EvaluationQueue>();
        builder.Services.AddHostedService<Chatbot.Chat.Prompts.Evaluations.EvaluationRunner>();
        builder.Services.AddSingleton<Chatbot.Chat.Prompts.Evaluations.EvaluationLeases>();
        builder.Services.AddHostedService<Chatbot.Chat.Prompts.Evaluations.EvaluationRecovery>();
        builder.Services.AddScoped<ReplyOutcomeStore>();
        builder.Services.AddSingleton<ReplyCanceller>();
        builder.Services.AddSingleton<ReplyStreamHub>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReplyStreamHub>());
        builder.Services.AddScoped<IOutboxDeadLetterHandler, FailedTurnDeadLetters>();
        builder.Services.AddSingleton<OutboxFastPath>();
        builder.Services.AddSingleton<TurnCommitMarks>();
        builder.Services.AddSingleton<EarlyTurnPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxFastPath>());
        builder.Services.AddDurableOutbox<ChatDbContext>("chat");
        builder.Services.AddSingleton<IdempotencyKeyPurger>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IdempotencyKeyPurger>());
        return builder;
    }
}
