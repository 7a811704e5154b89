using Chatbot.AppHost.Hosting;

namespace Chatbot.AppHost;

/// <summary>The Chatbot.Aspire system: what an Aspire AppHost's Program.cs would declare.</summary>
public static class ChatbotTopology
{
    public static DistributedApplicationModel Create()
    {
        var builder = new DistributedApplicationModelBuilder();

        var postgres = builder.AddPostgres("postgres");
        var identityDb = builder.AddDatabase(postgres, "identitydb");
        var chatDb = builder.AddDatabase(postgres, "chatdb");
        var moderationDb = builder.AddDatabase(postgres, "moderationdb");
        var billingDb = builder.AddDatabase(postgres, "billingdb");
        var redis = builder.AddRedis("redis");
        var rabbitmq = builder.AddRabbitMQ("rabbitmq");
        // The shared secret of service-to-service routes (identity's /internal/api-keys/verify and moderation's
        // /internal/tenants/{tenant}/users/{user}/moderations, called by chat).
        var serviceCredential = builder.AddParameter("service-credential", secret: true);

        var identity = builder.AddProject<Projects.Chatbot_Identity>("identity", 5081)
            .WithReference(identityDb, rabbitmq, redis)
            .WithSecret("ServiceAuth__Credential", serviceCredential)
            .WithEnvironment("Identity__BootstrapAdmin__Email", "admin@chatbot.local")
            .WithStatePath("Identity__BootstrapAdmin__PasswordFile", "identity/bootstrap-admin-password")
            .WithStatePath("Identity__Email__PickupDirectory", "mail");
        // The worker signs tool calls with secrets derived from the service credential (ToolSecrets), as chat shows them.
        // It streams model output for seconds per turn: at niceness 10 it yields the cores to chat's cheap routes.
        var inference = builder.AddProject<Projects.Chatbot_InferenceWorker>("inference-worker", 5082)
            .WithReference(redis, rabbitmq, identity)
            .WithSecret("ServiceAuth__Credential", serviceCredential)
            .WithSchedulingNiceness(10);
        var moderation = builder.AddProject<Projects.Chatbot_Moderation>("moderation", 5083)
            .WithReference(moderationDb, redis, rabbitmq, identity)
            .WithSecret("ServiceAuth__Credential", serviceCredential);
        var billing = builder.AddProject<Projects.Chatbot_Billing>("billing", 5084)
            .WithReference(billingDb, redis, rabbitmq, identity)
            .WithStatePath("Billing__Email__PickupDirectory", "mail");
        builder.AddProject<Projects.Chatbot_Chat>("chat", 5080)
            .WithReference(chatDb, redis, rabbitmq, identity, inference, moderation, billing)
            .WithSecret("ServiceAuth__Credential", serviceCredential)
            .WithExternalHttpEndpoints();

        return builder.Build();
    }
}
