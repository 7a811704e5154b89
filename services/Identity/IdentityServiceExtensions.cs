using Chatbot.Identity;
using Chatbot.Identity.Accounts;
using Chatbot.Identity.Bootstrap;
using Chatbot.Identity.Data;
using Chatbot.Identity.Erasure;
using Chatbot.Outbox;
using Chatbot.Identity.Passwords;
using Chatbot.Identity.RateLimiting;
using Chatbot.Identity.Tenants;
using Chatbot.Identity.Tokens;
using Chatbot.Identity.Validation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using System.Text.Json.Serialization;

namespace Microsoft.Extensions.Hosting;

public static class IdentityServiceExtensions
{
    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        builder.AddTenantNpgsqlDbContext<IdentityDbContext>("identitydb", IdentityTenancy.Role);
        builder.AddMigration<IdentityDbContext>();
        builder.AddRedisClient("redis");
        builder.AddRabbitMqMessaging("rabbitmq", bus =>
            bus.AddConsumer<RecordErasureReportConsumer>().Endpoint(e => e.Name = "identity-erasure-reports"));
        builder.AddTrustedForwardedHeaders();
        builder.AddIdentityOptions();
        builder.AddStrictJson();

        var services = builder.Services;
        services.TryAddSingletonTimeProvider();
        services.AddDataProtection().SetApplicationName("chatbot-identity").PersistKeysToDbContext<IdentityDbContext>();
        services.AddIdentityCore<ApplicationUser>(ConfigureIdentity)
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashing.IterationCount);
        builder.AddOpenIddictServer();

        services.AddScoped<UserTenants>().AddScoped<CredentialChecker>().AddScoped<TokenIssuer>().AddSingleton<TokenPrincipalFactory>();
        services.AddScoped<AccountService>().AddScoped<AccountMails>().AddScoped<AccountDeletion>().AddScoped<InvitationCodes>();
        services.AddScoped<ErasureStarter>().AddScoped<ErasureMails>().AddSingleton<ErasureLinks>();
        services.AddRedisWindowLimiter();
        services.AddSingleton<IpRateLimiter>();
        services.AddDurableOutbox<IdentityDbContext>("identity");
        services.AddHostedService<IdentityStartupService>();
        return builder;
    }

    private static void ConfigureIdentity(IdentityOptions o)
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = AccountLimits.PasswordMinLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 1;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    private static void AddStrictJson(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.RespectRequiredConstructorParameters = true;
        });
    }
}
