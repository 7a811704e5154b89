using System.Text.Json.Serialization;
using Chatbot.Billing;
using Chatbot.Billing.Alerts;
using Chatbot.Billing.Data;
using Chatbot.Billing.Erasure;
using Chatbot.Billing.KillSwitch;
using Chatbot.Billing.Ledger;
using Chatbot.Billing.Limits;
using Chatbot.Billing.Messaging;
using Chatbot.Billing.Settlement;
using MassTransit;

namespace Microsoft.Extensions.Hosting;

public static class BillingServiceExtensions
{
    public static IHostApplicationBuilder AddBillingServices(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<BillingOptions>(BillingOptions.Section);
        builder.AddValidatedOptions<OperatorOptions>(OperatorOptions.Section);
        builder.AddValidatedOptions<AlertDeliveryOptions>(AlertDeliveryOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddTenantNpgsqlDbContext<BillingDbContext>("billingdb", BillingTenancy.Role);
        builder.AddMigration<BillingDbContext>();
        builder.Services.AddDurableOutbox<BillingDbContext>("billing"); // the admin audit log's entries (docs/audit.md)
        builder.AddRedisClient("redis");
        builder.AddQuotaReservations();
        builder.AddDefaultAuthentication();
        builder.AddRabbitMqMessaging("rabbitmq", bus =>
        {
            bus.AddConsumer<SettleUsageConsumer, BillingConsumerDefinition<SettleUsageConsumer>>();
            bus.AddConsumer<ReleaseReservationConsumer, BillingConsumerDefinition<ReleaseReservationConsumer>>();
            bus.AddConsumer<PseudonymiseUsageConsumer, BillingConsumerDefinition<PseudonymiseUsageConsumer>>();
            bus.AddConsumer<RecordTenantTierConsumer, BillingConsumerDefinition<RecordTenantTierConsumer>>();
            bus.AddConsumer<SendBudgetWebhookConsumer, WebhookConsumerDefinition<SendBudgetWebhookConsumer>>();
            bus.AddConsumer<SendBudgetEmailConsumer, BillingConsumerDefinition<SendBudgetEmailConsumer>>();
            bus.AddConsumer<SendOperatorWebhookConsumer, WebhookConsumerDefinition<SendOperatorWebhookConsumer>>();
            bus.AddConsumer<SendOperatorEmailConsumer, BillingConsumerDefinition<SendOperatorEmailConsumer>>();
        });
        builder.Services.AddHttpClient(SignedWebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddProblemDetails();
        // A misspelt field would otherwise bind as null, and null means "unlimited" for every limit.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);

        builder.Services.AddScoped<PriceBook>();
        builder.Services.AddScoped<UsageLedger>();
        builder.Services.AddScoped<LimitResolver>();
        builder.Services.AddScoped<LimitPublisher>();
        builder.Services.AddScoped<CounterRebuilder>();
        builder.Services.AddScoped<LedgerTotals>();
        builder.Services.AddScoped<BudgetAlerts>();
        builder.Services.AddScoped<BudgetExhaustionAlerts>();
        builder.Services.AddSingleton<SignedWebhookSender>();
        builder.Services.AddScoped<UsageSettlement>();
        builder.Services.AddScoped<SpendKillSwitch>();
        builder.AddEmailSender("Billing:Email", "chatbot-billing-mail");
        builder.Services.AddSingleton<RedisStateRestorer>();
        builder.Services.AddHostedService<BillingStartup>();
        builder.Services.AddHostedService<RedisStateWatchdog>();
        builder.Services.AddSingleton<ReservationSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReservationSweeper>());
        return builder;
    }
}
