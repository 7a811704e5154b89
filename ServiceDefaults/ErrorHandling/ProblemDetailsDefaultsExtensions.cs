using Chatbot.ServiceDefaults.ErrorHandling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class ProblemDetailsDefaultsExtensions
{
    /// <summary>RFC 9457 problem details for every error, with precise 400/413/415 for binding failures and 503 for unreachable dependencies.</summary>
    public static TBuilder AddProblemDetailsDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsEnricher.Enrich);
        // Minimal APIs throw BadHttpRequestException (with the precise reason) instead of answering a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<DependencyUnavailableExceptionHandler>();
        builder.Services.AddExceptionHandler<CallerInputExceptionHandler>();
        builder.Services.Configure<ExceptionHandlerOptions>(o =>
            o.SuppressDiagnosticsCallback = ctx =>
                ctx.Exception is BadHttpRequestException || DependencyFailure.FindUnavailableDependency(ctx.Exception) is not null
                || CallerInputExceptionHandler.Describe(ctx.HttpContext, ctx.Exception) is not null);
        return builder;
    }
}
