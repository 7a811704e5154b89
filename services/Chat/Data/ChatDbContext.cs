using Chatbot.Chat.Data.Entities;
using Chatbot.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Data;

public sealed class ChatDbContext(DbContextOptions<ChatDbContext> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<PromptVersion> PromptVersions => Set<PromptVersion>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<OpenAiPolicy> OpenAiPolicies => Set<OpenAiPolicy>();
    public DbSet<AccountExport> AccountExports => Set<AccountExport>();
    public DbSet<TenantRetention> TenantRetentions => Set<TenantRetention>();
    public DbSet<TenantEvaluationSettings> TenantEvaluationSettings => Set<TenantEvaluationSettings>();
    public DbSet<PromptExperiment> PromptExperiments => Set<PromptExperiment>();
    public DbSet<ReplyFeedback> ReplyFeedback => Set<ReplyFeedback>();
    public DbSet<PromptEvaluation> PromptEvaluations => Set<PromptEvaluation>();
    public DbSet<TenantTool> Tools => Set<TenantTool>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChatDbContext).Assembly);
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.UseSnakeCaseNames();
    }
}
