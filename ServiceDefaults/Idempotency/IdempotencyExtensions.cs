using Chatbot.ServiceDefaults.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Microsoft.AspNetCore.Builder;

public static class IdempotencyExtensions
{
    /// <summary>
    /// Honours <c>Idempotency-Key</c> on every endpoint of <paramref name="builder"/> (a route or a group; apply it to
    /// state-changing POSTs): replay, 422 on a different request, 409 while the first runs (<see cref="IdempotencyFilter"/>).
    /// </summary>
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, IdempotencyFilter>();

    /// <summary>Buffers the body of a request that carries <c>Idempotency-Key</c>, so the filter can hash it after binding.</summary>
    internal static IApplicationBuilder UseIdempotencyKeyBuffering(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (http.Request.Headers.ContainsKey(IdempotencyKeys.Header))
            {
                http.Request.EnableBuffering();
            }
            return next(http);
        });
}
