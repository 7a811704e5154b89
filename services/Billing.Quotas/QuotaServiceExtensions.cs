using Chatbot.Billing.Quotas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class QuotaServiceExtensions
{
    /// <summary>Registers <see cref="QuotaReservations"/> and the start-up load of its scripts (needs an <c>IConnectionMultiplexer</c>, e.g. from AddRedisClient).</summary>
    public static IHostApplicationBuilder AddQuotaReservations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<QuotaOptions>().BindConfiguration(QuotaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<QuotaReservations>();
        builder.Services.AddHostedService<QuotaScriptLoader>();
        return builder;
    }
}
