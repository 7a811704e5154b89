namespace Chatbot.Identity.RateLimiting;

public static class RateLimitEndpointExtensions
{
    /// <summary>Counts every call of the endpoint against the client IP's window of <paramref name="policy"/>.</summary>
    public static RouteHandlerBuilder RequirePerIpLimit(this RouteHandlerBuilder builder, string policy) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var limiter = http.RequestServices.GetRequiredService<IpRateLimiter>();
            return await limiter.CheckAsync(http, policy, http.RequestAborted) ?? await next(context);
        }).ProducesProblem(StatusCodes.Status429TooManyRequests);
}
