using Chatbot.ServiceDefaults.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class RequestLimitExtensions
{
    /// <summary>The shared Redis window limiter (needs <c>AddRedisClient</c>).</summary>
    public static IServiceCollection AddRedisWindowLimiter(this IServiceCollection services)
    {
        services.TryAddSingleton<RedisWindowLimiter>();
        return services;
    }

    /// <summary>Binds and validates <c>RequestLimits</c> (per IP, listing per IP, per tenant by tier) for <see cref="UseRequestLimits"/>.</summary>
    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<RequestLimitOptions>(RequestLimitOptions.Section);
        builder.Services.AddRedisWindowLimiter();
        builder.Services.TryAddSingleton<IRequestLimitRejection, ProblemRequestLimitRejection>();
        return builder;
    }

    /// <summary>Counts every request against the <c>RequestLimits</c> windows; place it after authentication.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.UseMiddleware<RequestLimitMiddleware>();
}
